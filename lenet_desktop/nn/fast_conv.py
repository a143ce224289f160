"""The convolution passes of :mod:`lenet_desktop.nn.fast_ops`: a convolution written as its
2 × 2 pooling windows' quarters, and the batch-as-channels weight gradient."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn

# -- a convolution written as its pooling windows' quarters ----------------------------------------


def suits_quartered_conv(conv: nn.Module, x: torch.Tensor) -> bool:
    """A convolution worth running as four stride-2 convolutions: few input channels (C1: the
    maps it writes are the large ones; for C3 the 4× output channels cost more than they save),
    stride 1, zero padding, no dilation or groups, and an even output for the pooling after it."""
    if type(conv) is not nn.Conv2d or x.dim() != 4:
        return False
    if conv.in_channels > 2 or conv.groups != 1 or conv.stride != (1, 1):
        return False
    if conv.dilation != (1, 1) or conv.padding_mode != "zeros":
        return False
    if not isinstance(conv.padding, tuple):
        return False
    ph, pw = conv.padding
    kh, kw = conv.kernel_size
    out_h, out_w = x.shape[-2] + 2 * ph - kh + 1, x.shape[-1] + 2 * pw - kw + 1
    return out_h > 0 and out_w > 0 and out_h % 2 == 0 and out_w % 2 == 0


def conv_quartered(conv: nn.Conv2d, x: torch.Tensor) -> torch.Tensor:
    """``conv(x)`` as a quartered map ``(N, 4, C, H/2, W/2)``: quarter (i, j) of every 2 × 2
    window is the convolution at stride 2 of the input shifted by (i, j) — the kernel placed at
    offset (i, j) in a one-larger kernel of zeros — so one stride-2 convolution with 4 × C
    outputs writes all four. The same products and sums, and autograd sums the four kernels'
    gradients back into the layer's."""
    weight, bias = conv.weight, conv.bias
    kernels = [F.pad(weight, (j, 1 - j, i, 1 - i)) for i in (0, 1) for j in (0, 1)]
    out = F.conv2d(
        x,
        torch.cat(kernels, 0),
        None if bias is None else bias.repeat(4),
        stride=2,
        padding=conv.padding,
    )
    n, _, h, w = out.shape
    return out.view(n, 4, conv.out_channels, h, w)


# -- the batch-as-channels weight gradient ---------------------------------------------------------


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
    """A stride-1, zero-padded, undilated, ungrouped 2-D convolution."""
    return (
        type(module) is nn.Conv2d
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
