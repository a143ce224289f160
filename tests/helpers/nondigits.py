"""Things a learner draws that are not digits: letters, dots, bars and scribbles.

Each is drawn as a hand would, on white paper with a round pen: the strokes' points wobble, the
shape is slanted and stretched at random, the pen's width and the picture's size vary. Letters
that are also digits' shapes (O, I, l, S, Z, B, G, q…) are left out, and so are vertical bars
(a "1"). The strokes are given as fractions of a unit box so the window's tests can draw the
same letters with the mouse (``LETTER_STROKES``).
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

# Capital letters as pen strokes in a unit box (x right, y down), one list of points a stroke.
LETTER_STROKES: dict[str, list[list[tuple[float, float]]]] = {
    "A": [[(0.1, 0.95), (0.5, 0.05), (0.9, 0.95)], [(0.28, 0.6), (0.72, 0.6)]],
    "E": [[(0.85, 0.05), (0.2, 0.05), (0.2, 0.95), (0.85, 0.95)], [(0.2, 0.5), (0.7, 0.5)]],
    "F": [[(0.85, 0.05), (0.2, 0.05), (0.2, 0.95)], [(0.2, 0.5), (0.7, 0.5)]],
    "H": [[(0.15, 0.05), (0.15, 0.95)], [(0.85, 0.05), (0.85, 0.95)], [(0.15, 0.5), (0.85, 0.5)]],
    "K": [[(0.2, 0.05), (0.2, 0.95)], [(0.85, 0.05), (0.2, 0.55)], [(0.38, 0.42), (0.85, 0.95)]],
    "M": [[(0.08, 0.95), (0.15, 0.05), (0.5, 0.6), (0.85, 0.05), (0.92, 0.95)]],
    "N": [[(0.15, 0.95), (0.15, 0.05), (0.85, 0.95), (0.85, 0.05)]],
    "R": [
        [(0.2, 0.95), (0.2, 0.05), (0.65, 0.07), (0.8, 0.2), (0.75, 0.4), (0.2, 0.5)],
        [(0.45, 0.5), (0.85, 0.95)],
    ],
    "T": [[(0.05, 0.05), (0.95, 0.05)], [(0.5, 0.05), (0.5, 0.95)]],
    "V": [[(0.08, 0.05), (0.5, 0.95), (0.92, 0.05)]],
    "W": [[(0.02, 0.05), (0.25, 0.95), (0.5, 0.35), (0.75, 0.95), (0.98, 0.05)]],
    "X": [[(0.1, 0.05), (0.9, 0.95)], [(0.9, 0.05), (0.1, 0.95)]],
    "Y": [[(0.1, 0.05), (0.5, 0.5), (0.9, 0.05)], [(0.5, 0.5), (0.5, 0.95)]],
    "C": [
        [
            (0.85, 0.2),
            (0.6, 0.05),
            (0.3, 0.1),
            (0.12, 0.45),
            (0.25, 0.85),
            (0.55, 0.95),
            (0.85, 0.8),
        ]
    ],  # fmt: skip
    "D": [
        [(0.2, 0.05), (0.2, 0.95), (0.6, 0.9), (0.85, 0.6), (0.85, 0.4), (0.6, 0.1), (0.2, 0.05)]
    ],  # fmt: skip
    "P": [[(0.2, 0.95), (0.2, 0.05), (0.65, 0.07), (0.82, 0.22), (0.75, 0.42), (0.2, 0.5)]],
    "U": [[(0.15, 0.05), (0.15, 0.7), (0.35, 0.95), (0.65, 0.95), (0.85, 0.7), (0.85, 0.05)]],
    "J": [[(0.3, 0.05), (0.9, 0.05)], [(0.65, 0.05), (0.65, 0.8), (0.45, 0.95), (0.15, 0.8)]],
}
# The letters the issue names for the window's test.
WINDOW_LETTERS = ("A", "E", "H", "K", "M", "W", "X")
KINDS = ("letter", "dot", "bar", "scribble")


def _wobble(points: np.ndarray, rng: np.random.Generator, amount: float) -> np.ndarray:
    """A hand's path through ``points``: each segment subdivided, the points jittered smoothly."""
    out = [points[0]]
    for a, b in zip(points, points[1:]):
        steps = max(2, int(np.hypot(*(b - a)) / 0.08))
        for t in np.linspace(0, 1, steps + 1)[1:]:
            out.append(a + (b - a) * t)
    path = np.array(out)
    noise = rng.normal(0, amount, size=path.shape)
    kernel = np.ones(3) / 3
    for axis in range(2):
        noise[:, axis] = np.convolve(noise[:, axis], kernel, mode="same")
    return path + noise


def _draw(strokes, rng: np.random.Generator, size: int, pen: float) -> Image.Image:
    picture = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(picture)
    slant = rng.uniform(-0.25, 0.25)
    aspect = rng.uniform(0.7, 1.3)
    box = rng.uniform(0.45, 0.75) * size
    left = rng.uniform(0.1, 0.9 - box / size) * size if box < 0.8 * size else 0.1 * size
    top = rng.uniform(0.1, 0.9 - box / size) * size if box < 0.8 * size else 0.1 * size
    for points in strokes:
        path = _wobble(np.asarray(points, dtype=float), rng, 0.012)
        x = (path[:, 0] - 0.5) * aspect + 0.5 + slant * (0.5 - path[:, 1])
        xy = [(left + u * box, top + v * box) for u, v in zip(x, path[:, 1])]
        width = max(1, round(pen))
        draw.line(xy, fill=20, width=width, joint="curve")
        r = pen / 2
        for px, py in (xy[0], xy[-1]):
            draw.ellipse((px - r, py - r, px + r, py + r), fill=20)
    return picture


def letter(name: str, rng: np.random.Generator, size: int = 280) -> Image.Image:
    pen = rng.uniform(0.01, 0.07) * size
    return _draw(LETTER_STROKES[name], rng, size, pen)


def dot(rng: np.random.Generator, size: int = 280) -> Image.Image:
    picture = Image.new("L", (size, size), 255)
    r = rng.uniform(0.01, 0.05) * size
    x, y = rng.uniform(0.3, 0.7, size=2) * size
    ImageDraw.Draw(picture).ellipse((x - r, y - r * rng.uniform(0.7, 1.3), x + r, y + r), fill=20)
    return picture


def bar(rng: np.random.Generator, size: int = 280) -> Image.Image:
    """A straight stroke, horizontal or slanted by up to 35° (a steep one is a "1")."""
    angle = np.deg2rad(rng.uniform(-35, 35))
    half = rng.uniform(0.2, 0.4)
    dx, dy = half * np.cos(angle), half * np.sin(angle)
    strokes = [[(0.5 - dx, 0.5 - dy), (0.5 + dx, 0.5 + dy)]]
    return _draw(strokes, rng, size, rng.uniform(0.01, 0.07) * size)


def scribble(rng: np.random.Generator, size: int = 280) -> Image.Image:
    """A tangle: a pen wandering back and forth with many turns."""
    points = [rng.uniform(0.2, 0.8, size=2)]
    heading = rng.uniform(0, 2 * np.pi)
    for _ in range(rng.integers(14, 24)):
        heading += rng.normal(0, 1.6)
        step = rng.uniform(0.15, 0.35)
        nxt = points[-1] + step * np.array([np.cos(heading), np.sin(heading)])
        nxt = nxt.clip(0.05, 0.95)
        points.append(nxt)
    strokes = [[(float(x), float(y)) for x, y in points]]
    return _draw(strokes, rng, size, rng.uniform(0.01, 0.05) * size)


def nondigits(count_each: int, seed: int = 0) -> list[tuple[str, Image.Image]]:
    """``count_each`` pictures of each kind (letters spread over LETTER_STROKES), with their
    kind: [(kind, picture), …]."""
    rng = np.random.default_rng(seed)
    names = sorted(LETTER_STROKES)
    out: list[tuple[str, Image.Image]] = []
    for i in range(count_each):
        out.append(("letter", letter(names[i % len(names)], rng)))
        out.append(("dot", dot(rng)))
        out.append(("bar", bar(rng)))
        out.append(("scribble", scribble(rng)))
    return out
