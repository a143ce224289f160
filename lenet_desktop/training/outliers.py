"""Non-digits made from the training digits themselves, to teach a network to doubt.

A network trained only on digits gives every input a digit, and often a confident one: a
letter A is a 4, a bar a 2, a dot a 0. Outlier exposure (Hendrycks, Mazeika and Dietterich,
ICLR 2019) adds, to every batch, pictures that are none of the classes and asks the network to
spread its probability evenly over them: the loss is the divergence from the uniform
distribution, weighted by the run's ``outliers`` option. The network then keeps strong evidence
for its classes' shapes, and the energy of its logits (:mod:`lenet_desktop.analysis.doubt`)
tells an input like the training digits from one that is not.

The pictures come from the training split and nowhere else — no other handwriting, no fonts:

* **turned** a quarter turn (any digit but 0, which stays a 0; a 1 becomes a bar, an 8 an ∞),
  or a half turn (3, 4, 7: a turned 6 is a 9, and a turned 0, 1, 2, 5, 8, 9 can pass for one);
* **mirrored** left to right (3, 4, 6, 7, 9: a mirrored 0, 1, 8 is itself, a 2 and a 5 nearly
  each other), or upside down (4, 6, 7, 9: a 3 is itself);
* **overlaid**: two digits drawn over each other, a few pixels apart (a tangle);
* **paired**: two digits side by side squeezed into one digit's box (a number read as one,
  which is also what a cut between two digits looks like: :mod:`lenet_desktop.analysis`'s
  reading of whole numbers needs the network to doubt it);
* **blotted**: a digit under a round pen 8 to 16 px wide, its loops filled, up to a round
  smear (a dot, a smudge).

Each is framed as the preprocessing frames a drawing (its ink's box scaled to 20 px, its
centre of mass at the centre: the network never sees anything else), and then augmented like
the digits. Which classes each change may use is the dataset's
(:attr:`~lenet_desktop.data.datasets.DatasetInfo.outliers`); a dataset without a table has no
outliers (garments mirrored or turned are still garments).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from lenet_desktop.data.datasets import OutlierTable
from lenet_desktop.data.preprocessing import MNIST_BOX, MNIST_CENTRE
from lenet_desktop.data.preprocessing import SIZE as SIZE_PX

KINDS = ("quarter", "half", "mirror", "flip", "overlay", "pair", "blot")
# The kinds framed like a drawing (the others are only centred).
FRAMED = ("quarter", "half", "mirror", "flip", "overlay", "blot")
# The round blot's radius range (px): from a pen 8 px wide, 40 % of a digit's 20-px box —
# more than twice the thickest training stroke, and no preprocessed picture's (its strokes are
# thinned to at most 3.6 px: data.strokes) — to a smear.
BLOT_PX = (4, 8)
OVERLAY_SHIFT_PX = 4
# The preprocessing's frame: an ink box BOX px on its longer side in a SIZE-px frame, its centre
# of mass at CENTRE (data.preprocessing: MNIST_BOX, SIZE, MNIST_CENTRE).
BOX, SIZE, CENTRE = MNIST_BOX, SIZE_PX, MNIST_CENTRE


class OutlierMaker:
    """Makes batches of non-digits from ``images`` (``(N, 28, 28) uint8``, on their device) and
    their ``labels``, as ``table`` allows."""

    def __init__(self, images: torch.Tensor, labels: torch.Tensor, table: OutlierTable) -> None:
        self.images = images
        self.device = images.device
        allowed = {
            "quarter": table.quarter,
            "half": table.half,
            "mirror": table.mirror,
            "flip": table.flip,
        }
        self.pools: dict[str, torch.Tensor] = {}
        for kind, classes in allowed.items():
            mask = torch.isin(
                labels, torch.tensor(classes, device=labels.device, dtype=labels.dtype)
            )
            pool = torch.nonzero(mask).flatten()
            if pool.numel():
                self.pools[kind] = pool
        self.kinds = [k for k in KINDS if k in self.pools or k in ("overlay", "pair", "blot")]

    def _pick(self, pool: torch.Tensor, count: int, generator: torch.Generator) -> torch.Tensor:
        chosen = torch.randint(pool.numel(), (count,), generator=generator, device=self.device)
        return self.images[pool[chosen]].unsqueeze(1).float().div_(255.0)

    def batch(self, count: int, generator: torch.Generator) -> torch.Tensor:
        """``(count, 1, 28, 28)`` float pictures in [0, 1], light on dark, centred."""
        shares = torch.randint(len(self.kinds), (count,), generator=generator, device=self.device)
        parts = []
        everyone = torch.arange(self.images.shape[0], device=self.device)
        for i, kind in enumerate(self.kinds):
            n = int((shares == i).sum())
            if n == 0:
                continue
            if kind == "quarter":
                x = self._pick(self.pools[kind], n, generator)
                turns = torch.randint(2, (n,), generator=generator, device=self.device)
                x = torch.where(
                    turns.view(-1, 1, 1, 1) == 0, x.rot90(1, (2, 3)), x.rot90(3, (2, 3))
                )
            elif kind == "half":
                x = self._pick(self.pools[kind], n, generator).rot90(2, (2, 3))
            elif kind == "mirror":
                x = self._pick(self.pools[kind], n, generator).flip(3)
            elif kind == "flip":
                x = self._pick(self.pools[kind], n, generator).flip(2)
            elif kind == "overlay":
                first = self._pick(everyone, n, generator)
                second = _shifted(self._pick(everyone, n, generator), generator)
                x = torch.maximum(first, second)
            elif kind == "pair":
                # Two digits side by side, framed as one (a number read as one digit).
                left = self._pick(everyone, n, generator)[..., :, 4:24]
                right = self._pick(everyone, n, generator)[..., :, 4:24]
                # squeezed to half, each digit's strokes are half as wide: a 3 × 3 dilation
                # brings them back to the training digits' width (data.strokes does so for a
                # drawing)
                x = F.max_pool2d(_framed(torch.cat([left, right], dim=3)), 3, 1, 1)
            else:  # blot: a pen so broad it fills the loops, up to a round smear
                x = self._pick(everyone, n, generator)
                radius = int(torch.randint(BLOT_PX[0], BLOT_PX[1] + 1, (1,),
                                           generator=generator, device=self.device))  # fmt: skip
                x = _blotted(x, radius)
            parts.append(x if kind == "pair" else _framed(x) if kind in FRAMED else _centred(x))
        return torch.cat(parts)


def _framed(x: torch.Tensor, level: float = 0.05) -> torch.Tensor:
    """Each ``(1, H, W)`` picture framed as the preprocessing frames a drawing: its ink's box
    scaled so its longer side is BOX px, in a SIZE × SIZE frame, its centre of mass at CENTRE
    (what the network is shown of any input, so of these too)."""
    n, _, height, width = x.shape
    inked = x[:, 0] > level
    rows, cols = inked.any(dim=2), inked.any(dim=1)
    steps_r = torch.arange(height, device=x.device)
    steps_c = torch.arange(width, device=x.device)
    big = torch.tensor(10**6, device=x.device)
    top = torch.where(rows, steps_r, big).min(dim=1).values
    bottom = torch.where(rows, steps_r, -big).max(dim=1).values
    left = torch.where(cols, steps_c, big).min(dim=1).values
    right = torch.where(cols, steps_c, -big).max(dim=1).values
    empty = ~rows.any(dim=1)
    top, left = torch.where(empty, 0, top), torch.where(empty, 0, left)
    bottom, right = torch.where(empty, height - 1, bottom), torch.where(empty, width - 1, right)
    side = torch.maximum(bottom - top + 1, right - left + 1).to(x.dtype)
    scale = BOX / side
    theta = torch.zeros(n, 2, 3, device=x.device, dtype=x.dtype)
    theta[:, 0, 0] = SIZE / (width * scale)
    theta[:, 1, 1] = SIZE / (height * scale)
    theta[:, 0, 2] = (left + right + 1).to(x.dtype) / width - 1.0
    theta[:, 1, 2] = (top + bottom + 1).to(x.dtype) / height - 1.0
    grid = F.affine_grid(theta, [n, 1, SIZE, SIZE], align_corners=False)
    framed = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    return _centred(framed)


def _blotted(x: torch.Tensor, radius: int) -> torch.Tensor:
    """The ink grown by a round pen of ``radius`` px (an antialiased edge)."""
    span = torch.arange(-radius, radius + 1, device=x.device, dtype=x.dtype)
    disc = ((span.view(-1, 1) ** 2 + span.view(1, -1) ** 2) <= radius**2).to(x.dtype)
    covered = F.conv2d((x > 0.5).to(x.dtype), disc.view(1, 1, *disc.shape), padding=radius)
    return F.avg_pool2d((covered > 0).to(x.dtype), 3, stride=1, padding=1)


def _shifted(x: torch.Tensor, generator: torch.Generator) -> torch.Tensor:
    """Each picture moved by a random whole number of pixels, up to OVERLAY_SHIFT_PX."""
    n = x.shape[0]
    moves = torch.randint(
        -OVERLAY_SHIFT_PX, OVERLAY_SHIFT_PX + 1, (n, 2), generator=generator, device=x.device
    ).float()
    return _translated(x, moves[:, 0], moves[:, 1])


def _translated(x: torch.Tensor, down: torch.Tensor, right: torch.Tensor) -> torch.Tensor:
    """Each picture moved ``down``/``right`` pixels (bilinear, zeros brought in)."""
    n, _, height, width = x.shape
    theta = torch.zeros(n, 2, 3, device=x.device)
    theta[:, 0, 0] = 1.0
    theta[:, 1, 1] = 1.0
    theta[:, 0, 2] = -2.0 * right / width
    theta[:, 1, 2] = -2.0 * down / height
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def _centred(x: torch.Tensor) -> torch.Tensor:
    """Each picture moved so its centre of mass is at (CENTRE, CENTRE)."""
    height, width = x.shape[-2:]
    mass = x.sum(dim=(1, 2, 3)).clamp_min(1e-6)
    rows = torch.arange(height, device=x.device, dtype=x.dtype).view(1, 1, height, 1)
    cols = torch.arange(width, device=x.device, dtype=x.dtype).view(1, 1, 1, width)
    row = (x * rows).sum(dim=(1, 2, 3)) / mass
    col = (x * cols).sum(dim=(1, 2, 3)) / mass
    return _translated(x, CENTRE - row, CENTRE - col)


def outlier_loss(logits: torch.Tensor) -> torch.Tensor:
    """How far the softmax of ``logits`` is from giving every class the same probability: the
    Kullback–Leibler divergence from the uniform distribution (its cross-entropy less
    log C), 0 only when every class is equally likely; the batch's mean."""
    classes = logits.shape[1]
    return (-logits.log_softmax(dim=1).mean(dim=1) - math.log(classes)).mean()
