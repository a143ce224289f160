"""What the training loop feeds the network: a seeded part of a split (:func:`take_slice`, the
held-out images of :func:`split_holdout`) and each batch's random distortions
(:func:`augment_batch`, on the batch's device in one go)."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from lenet_desktop.data.datasets import Augmentation, Split


def take_slice(split: Split, count: int, seed: int) -> Split:
    """``count`` images of ``split`` (a seeded random choice, the same for the same seed; in
    their order), or all of it for 0 or more than it has."""
    if count <= 0 or count >= len(split):
        return split
    order = torch.randperm(len(split), generator=torch.Generator().manual_seed(seed + 104729))
    keep = order[:count].sort().values
    return Split(split.images[keep], split.labels[keep])


def augment_batch(
    images: torch.Tensor, generator: torch.Generator, strength: Augmentation
) -> torch.Tensor:
    """Random distortions for a whole ``(B, 1, 28, 28)`` batch in [0, 1], on its device, as
    ``strength`` says: an affine (flipping half the images horizontally when it allows flips),
    an elastic warp and a stroke-width change when it asks for them."""
    b, device = images.shape[0], images.device
    degrees, scale, shift_px = strength.degrees, strength.scale, strength.shift_px

    def uniform(low: float, high: float) -> torch.Tensor:
        return torch.rand(b, generator=generator, device=device) * (high - low) + low

    angle = uniform(-degrees, degrees) * (math.pi / 180.0)
    zoom = uniform(1.0 - scale, 1.0 + scale)
    half = images.shape[-1] / 2.0
    tx, ty = uniform(-shift_px, shift_px) / half, uniform(-shift_px, shift_px) / half
    cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
    mirror = torch.ones(b, device=device)
    if strength.flip:
        mirror = torch.where(uniform(0.0, 1.0) < 0.5, -mirror, mirror)
    theta = torch.stack(
        [torch.stack([cos * mirror, -sin, tx], 1), torch.stack([sin * mirror, cos, ty], 1)], 1
    )
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    if strength.elastic_px > 0:
        # A smooth random warp: displacements on a 4×4 lattice, interpolated bicubically.
        coarse = torch.randn(b, 2, 4, 4, generator=generator, device=device)
        warp = F.interpolate(coarse, size=images.shape[-2:], mode="bicubic", align_corners=False)
        grid = grid + warp.permute(0, 2, 3, 1) * (strength.elastic_px / half)
    images = F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    thin, thick = strength.stroke
    if thin or thick:
        # Stroke width: each image blended towards its grey erosion (w < 0) or dilation (w > 0).
        width = uniform(thin, thick).view(b, 1, 1, 1)
        grown = F.max_pool2d(images, 3, stride=1, padding=1)
        shrunk = -F.max_pool2d(-images, 3, stride=1, padding=1)
        images = (
            images
            + width.clamp(min=0) * (grown - images)
            + (-width).clamp(min=0) * (shrunk - images)
        )
    return images


def split_holdout(split: Split, share: float, seed: int) -> tuple[Split, Split | None]:
    """Keep ``share`` of ``split`` out (a seeded random choice, the same for the same seed):
    (the rest, the held-out images), or (split, None) for no hold-out."""
    count = len(split)
    held = int(round(count * share))
    if share <= 0 or held < 1 or count - held < 2:
        return split, None
    order = torch.randperm(count, generator=torch.Generator().manual_seed(seed + 7919))
    keep, out = order[: count - held].sort().values, order[count - held :].sort().values
    return (
        Split(split.images[keep], split.labels[keep]),
        Split(split.images[out], split.labels[out]),
    )
