"""Digits as strokes on the canvas (fractions of the paper), to write a number by hand."""

from __future__ import annotations

import math

# each digit in its own unit box (0–1 across, 0–1 down), as a pen would write it
DIGITS: dict[str, list[list[tuple[float, float]]]] = {
    "0": [[(0.5 + 0.48 * math.sin(a / 16 * 2 * math.pi), 0.5 - 0.5 * math.cos(a / 16 * 2 * math.pi))
           for a in range(17)]],
    "1": [[(0.35, 0.15), (0.6, 0.0), (0.6, 1.0)]],
    "2": [[(0.0, 0.25), (0.25, 0.0), (0.75, 0.0), (1.0, 0.25), (0.9, 0.5), (0.0, 1.0), (1.0, 1.0)]],
    "6": [[(0.85, 0.0), (0.35, 0.3), (0.05, 0.7), (0.3, 1.0), (0.7, 1.0), (0.95, 0.75),
           (0.7, 0.5), (0.3, 0.5), (0.08, 0.7)]],
    "7": [[(0.0, 0.0), (1.0, 0.0), (0.35, 1.0)]],
}  # fmt: skip


def number_strokes(text: str, top: float = 0.36, height: float = 0.28, gap: float = 0.07):
    """The strokes of ``text`` written left to right across the paper."""
    width = height * 0.5
    left = 0.5 - (len(text) * width + (len(text) - 1) * gap) / 2
    strokes = []
    for index, char in enumerate(text):
        x0 = left + index * (width + gap)
        for stroke in DIGITS[char]:
            strokes.append([(x0 + u * width, top + v * height) for u, v in stroke])
    return strokes
