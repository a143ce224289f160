"""How digits are written elsewhere: the training digits in the world's other hands.

MNIST's writers were American Census Bureau employees and high-school students, and they wrote
a 1 as one stroke: of the MNIST subset's 900 training 1s, about 15 have a flag or a base. Much
of the world writes a 1 with a flag (a short stroke down and to the left from its top) and
often a base (a bar under it), as type prints it; a network that has never seen one reads it as
a 7 (a flag is a bar), a 4 or a 2 (a base). So while training, some of the 1s in every batch are
given a flag, a base or both, drawn as a pen would — its width the stroke's own — from the
stroke's top or bottom. The flag falls at 25–60° below the horizontal, which a 7's bar never
does.

Which classes get which marks is the dataset's table
(:attr:`~lenet_desktop.data.datasets.DatasetInfo.styles`); the rest of the batch is untouched.
"""

from __future__ import annotations

import math

import torch

from lenet_desktop.data.datasets import StyleTable

FLAG_LENGTH = (0.25, 0.55)  # of the digit's height
FLAG_DROP = (20.0, 55.0)  # degrees below the horizontal
BASE_HALF = (0.18, 0.32)  # half the base's length, of the digit's height
PEN = (1.6, 2.6)  # the mark's width, px
LEVEL = 0.3  # ink at least this strong is the digit's


def add_styles(
    images: torch.Tensor, labels: torch.Tensor, generator: torch.Generator, table: StyleTable
) -> torch.Tensor:
    """``images`` ``(B, 1, 28, 28)`` in [0, 1] with the table's marks added to some of them."""
    device = images.device
    b = images.shape[0]
    chosen = torch.isin(labels, torch.tensor(table.flagged, device=device, dtype=labels.dtype))
    if not bool(chosen.any()):
        return images
    draws = torch.rand(b, 2, generator=generator, device=device)
    flag = chosen & (draws[:, 0] < table.flag_share)
    base = chosen & (draws[:, 1] < table.base_share)
    marked = flag | base
    if not bool(marked.any()):
        return images
    index = torch.nonzero(marked).flatten()
    x = images[index]
    ink = x[:, 0] > LEVEL
    rows = torch.arange(x.shape[-2], device=device, dtype=x.dtype)
    cols = torch.arange(x.shape[-1], device=device, dtype=x.dtype)
    has_row = ink.any(dim=2)
    big = torch.tensor(1e6, device=device, dtype=x.dtype)
    top = torch.where(has_row, rows, big).min(dim=1).values
    bottom = torch.where(has_row, rows, -big).max(dim=1).values
    height = (bottom - top + 1).clamp_min(1.0)

    def column_at(row: torch.Tensor) -> torch.Tensor:
        """The mean column of the ink in each image's ``row``."""
        line = ink[torch.arange(len(row), device=device), row.long().clamp(0, x.shape[-2] - 1)]
        weight = line.to(x.dtype)
        return (weight * cols).sum(dim=1) / weight.sum(dim=1).clamp_min(1.0)

    n = len(index)

    def uniform(low: float, high: float) -> torch.Tensor:
        return torch.rand(n, generator=generator, device=device) * (high - low) + low

    pen = uniform(*PEN)
    marks = torch.zeros_like(x[:, 0])
    # the flag: from the stroke's top, down and to the left
    length = uniform(*FLAG_LENGTH) * height
    drop = uniform(*FLAG_DROP) * (math.pi / 180.0)
    start_r, start_c = top, column_at(top)
    end_r, end_c = start_r + length * torch.sin(drop), start_c - length * torch.cos(drop)
    flags = _segment(rows, cols, start_r, start_c, end_r, end_c, pen)
    marks = torch.where(flag[index].view(-1, 1, 1), torch.maximum(marks, flags), marks)
    # the base: a bar under the stroke's foot
    half = uniform(*BASE_HALF) * height
    foot_c = column_at(bottom)
    bases = _segment(rows, cols, bottom, foot_c - half, bottom, foot_c + half, pen)
    marks = torch.where(base[index].view(-1, 1, 1), torch.maximum(marks, bases), marks)
    out = images.clone()
    out[index, 0] = torch.maximum(x[:, 0], marks)
    return out


def _segment(rows, cols, r0, c0, r1, c1, width) -> torch.Tensor:
    """``(n, H, W)``: line segments from (r0, c0) to (r1, c1), ``width`` px wide, antialiased."""
    pr = rows.view(1, -1, 1)
    pc = cols.view(1, 1, -1)
    r0, c0, r1, c1, width = (t.view(-1, 1, 1) for t in (r0, c0, r1, c1, width))
    dr, dc = r1 - r0, c1 - c0
    span = (dr * dr + dc * dc).clamp_min(1e-6)
    t = (((pr - r0) * dr + (pc - c0) * dc) / span).clamp(0.0, 1.0)
    distance = torch.hypot(pr - (r0 + t * dr), pc - (c0 + t * dc))
    return (width / 2.0 + 0.5 - distance).clamp(0.0, 1.0)
