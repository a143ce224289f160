"""Faster training passes for the LeNet family, with the same numbers as the plain modules.

Profiling a ``modern`` training step on a 2-core CPU (batch 256) showed the first convolution's
weight gradient as the largest single cost: oneDNN converts the one-channel input and the
6×28×28 gradients to its blocked layout and back (≈ 12 ms of a 31 ms step). The same gradient is
an ordinary convolution when the batch plays the part of the channels — the input, padded, as
``(1, B, 32, 32)`` correlated with the gradient as ``(6, B, 28, 28)`` kernels — which oneDNN
computes in about a quarter of the time. :func:`forward` runs a ``nn.Sequential`` network with
that convolution in place of single-channel ``nn.Conv2d`` layers; every other layer runs as is.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class _BatchAsChannelsConv2d(torch.autograd.Function):
    """``F.conv2d(x, weight, bias, padding=p)`` whose weight gradient is computed as a
    convolution over the batch (stride 1, no dilation, one group)."""

    @staticmethod
    def forward(ctx, x, weight, bias, padding: int):  # noqa: ANN001 - autograd signature
        ctx.save_for_backward(x, weight)
        ctx.padding = padding
        return F.conv2d(x, weight, bias, padding=padding)

    @staticmethod
    def backward(ctx, grad):  # noqa: ANN001
        x, weight = ctx.saved_tensors
        p = ctx.padding
        grad_x = grad_w = grad_b = None
        if ctx.needs_input_grad[0]:
            grad_x = F.conv_transpose2d(grad, weight, padding=p)
        if ctx.needs_input_grad[1]:
            padded = F.pad(x, (p, p, p, p)) if p else x
            # (C_in, B, H, W) ⋆ (C_out, B, h, w) → (C_in, C_out, k, k)
            grad_w = F.conv2d(padded.transpose(0, 1), grad.transpose(0, 1)).transpose(0, 1)
        if ctx.needs_input_grad[2]:
            grad_b = grad.sum((0, 2, 3))
        return grad_x, grad_w, grad_b, None


def suits_batch_as_channels(module: nn.Module) -> bool:
    """A single-input-channel, stride-1, zero-padded, undilated, ungrouped 2-D convolution."""
    return (
        type(module) is nn.Conv2d
        and module.in_channels == 1
        and module.groups == 1
        and module.stride == (1, 1)
        and module.dilation == (1, 1)
        and module.padding_mode == "zeros"
        and isinstance(module.padding, tuple)
        and module.padding[0] == module.padding[1]
    )


def conv2d(module: nn.Conv2d, x: torch.Tensor) -> torch.Tensor:
    """``module(x)`` with the batch-as-channels weight gradient (``module`` must suit it)."""
    return _BatchAsChannelsConv2d.apply(x, module.weight, module.bias, module.padding[0])


def forward(network: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """``network(x)`` for training; a ``nn.Sequential`` runs layer by layer with the faster
    convolution where it applies, anything else runs as it is."""
    if not isinstance(network, nn.Sequential):
        return network(x)
    for module in network:
        if isinstance(module, nn.Conv2d) and suits_batch_as_channels(module):
            x = conv2d(module, x)
        else:
            x = module(x)
    return x
