"""Faster training passes for the LeNet family, with the same numbers as the plain modules.

Profiled on a 2-core CPU (``modern``, batch 256, torch 2.14), a training step's time is not in
the arithmetic: it is in the layers that walk the large, few-channel maps of the first stage
(6 × 28 × 28 per image). PyTorch's CPU pooling walks each 2 × 2 window in scalar code
(``max_pool2d`` ≈ 3.5 ms forward for one batch of 256, ``avg_pool2d`` ≈ 2.6 ms, where
elementwise operations over the same map take ≈ 0.3 ms); batch norm, the activation and the
pooling after it each read and write the whole map again, forward and backward. So, block by
block (:func:`forward`):

- **2 × 2 pooling** (max, average, LeNet-5's subsampling; stride 2, no padding) as elementwise
  operations on the four quarters of every window. Max pooling keeps which quarter won — the
  first largest in row-major order, as PyTorch's kernel picks it, so ties send the gradient
  where they sent it before — and its backward writes the gradient there.
- **the first convolution written as its windows' quarters**: quarter (i, j) of every window is
  the convolution at stride 2 of the input shifted by (i, j), so one stride-2 convolution with
  4 × C outputs (the kernel placed at each of the four offsets of a one-larger kernel) writes
  the map already split into four contiguous quarters, and the pooling after it reads and
  writes contiguous memory instead of strided views. Same cost for the convolution, by
  measurement; only for few input channels (for C3 the 4 × outputs cost more than they save).
- **a monotone activation before max pooling** (ReLU, sigmoid, tanh) runs *after* it, on a
  quarter of the values: ``pool(f(x)) = f(pool(x))`` for a non-decreasing ``f``, value for value
  (IEEE rounding keeps each step monotone), and the same window's winner gets the gradient.
- **batch norm → ReLU → 2 × 2 max pooling**, the ``modern`` block, as one operation: the
  statistics are taken over the whole map, as batch norm does, but the normalisation, the ReLU
  and the backward's per-element work are done on the pooled quarter, and the whole map is
  written once backward (``a·x + b`` plus the winners' terms). It needs every scale ``γ > 0``
  (then normalising is increasing and commutes with the max); a step where one is not runs the
  plain modules.
- **the batch-as-channels weight gradient** of a convolution: the input as ``(C_in, B, H, W)``
  correlated with the gradient as ``(C_out, B, h, w)`` kernels, which oneDNN computes in about
  half the time for C3. Whether it pays depends on the machine and the torch build (for C1 it
  no longer did on torch 2.14), so :func:`choose` measures it at the start of a run, per layer,
  and the run's :class:`Plan` says which layers take it.

Every other layer runs as it is; on a GPU everything does. ``tests/test_fast_ops.py`` checks
each block against the plain modules (the loss, every gradient and batch norm's running
statistics, in float64 to 1e-9 and in float32 to 1e-6, and by ``gradcheck``). :func:`forward` is
the training pass; inference and the explanations use the plain modules.
"""

from __future__ import annotations

import copy
import statistics
import time
from dataclasses import dataclass

import torch
from torch import nn

from lenet_desktop.nn.fast_conv import (  # noqa: F401 - _BatchAsChannelsConv2d: for the tests
    _BatchAsChannelsConv2d,
    conv2d,
    conv_quartered,
    suits_batch_as_channels,
    suits_quartered_conv,
)
from lenet_desktop.nn.models import Subsampling
from lenet_desktop.specs.layer_types import row_of


def _activation(module: nn.Module, monotone: bool = False) -> bool:
    """Whether ``module`` is a spec's element-wise activation (the layer-type table says), and,
    with ``monotone``, one that never decreases: it commutes with a max."""
    row = row_of(module)
    if row is None or not row.spec or row.kind != "activation":
        return False
    return row.monotone or not monotone


# -- 2 × 2 pooling -------------------------------------------------------------------------------
#
# A map to be pooled comes in one of two layouts: an ordinary ``(N, C, H, W)`` map, whose four
# quarters are strided views, or a *quartered* ``(N, 4, C, H/2, W/2)`` one — the quarters
# (top-left, top-right, bottom-left, bottom-right of every window) stored one after another, as
# a convolution writes them when it is run as four stride-2 convolutions (see
# :func:`conv_quartered`). Every operation below works on either; on a quartered map it reads
# and writes contiguous memory.


def suits_quarters(module: nn.Module) -> bool:
    """A 2 × 2, stride-2, unpadded, undilated max or average pooling (floor mode; an odd last
    row or column is dropped, as PyTorch drops it)."""
    if type(module) is nn.MaxPool2d:
        simple = module.dilation in (1, (1, 1)) and not module.return_indices
    elif type(module) is nn.AvgPool2d:
        simple = module.divisor_override is None
    elif type(module) is Subsampling:  # LeNet-5's S2 and S4: the 2 × 2 sum, weighted
        return module.kernel_size == 2 and module.stride == 2 and module.padding == 0
    else:
        return False
    return (
        simple
        and module.kernel_size in (2, (2, 2))
        and module.stride in (2, (2, 2))
        and module.padding in (0, (0, 0))
        and not module.ceil_mode
    )


def _quarters(x: torch.Tensor, quartered: bool) -> tuple[torch.Tensor, ...]:
    """The four quarters (top-left, top-right, bottom-left, bottom-right) of every 2 × 2 window
    of a map, each ``(N, C, H // 2, W // 2)``: slices of a quartered map, strided views of an
    ordinary one."""
    if quartered:
        return x[:, 0], x[:, 1], x[:, 2], x[:, 3]
    h, w = x.shape[-2] // 2 * 2, x.shape[-1] // 2 * 2
    top, bottom = x[..., 0:h:2, :w], x[..., 1:h:2, :w]
    return top[..., 0::2], top[..., 1::2], bottom[..., 0::2], bottom[..., 1::2]


def _stat_dims(quartered: bool) -> tuple[int, ...]:
    return (0, 1, 3, 4) if quartered else (0, 2, 3)


def _channel(t: torch.Tensor, quartered: bool = False) -> torch.Tensor:
    """A per-channel vector shaped to broadcast over a (quartered) map."""
    return t.view(1, 1, -1, 1, 1) if quartered else t.view(1, -1, 1, 1)


def _max_of_quarters(quarters: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, tuple]:
    """2 × 2 max pooling: (the maxima, which quarter won each window as three masks: the lower
    row won, the right one won in the upper row, in the lower row). The winner is the first
    largest value in row-major order, as PyTorch's kernel picks it. (Masks, not the flat indices
    ``F.max_pool2d`` returns: int64 arithmetic on these maps costs more than the pooling.)"""
    tl, tr, bl, br = quarters
    upper, lower = torch.maximum(tl, tr), torch.maximum(bl, br)
    won = (lower > upper, tr > tl, br > bl)
    return torch.maximum(upper, lower), won


def _winners(grad: torch.Tensor, won: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, ...]:
    """Each window's ``grad`` at its winning quarter and 0 at the others (top-left, top-right,
    bottom-left, bottom-right). Float masks and subtraction, exact (g − g·1 = 0, g − g·0 = g):
    PyTorch's boolean ``where`` is several times slower on these small maps."""
    lower, right_upper, right_lower = (mask.to(grad.dtype) for mask in won)
    g_lower = grad * lower
    g_upper = grad - g_lower
    g_tr = g_upper * right_upper
    g_br = g_lower * right_lower
    return g_upper - g_tr, g_tr, g_lower - g_br, g_br


def _spread(parts: tuple[torch.Tensor, ...], shape, quartered: bool) -> torch.Tensor:
    """A map's gradient from its four quarters' (zero where a window drops an odd edge)."""
    odd = not quartered and (shape[-2] % 2 or shape[-1] % 2)
    out = parts[0].new_zeros(shape) if odd else parts[0].new_empty(shape)
    for view, part in zip(_quarters(out, quartered), parts, strict=True):
        view.copy_(part)
    return out


class _MaxPool2x2(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, quartered: bool):  # noqa: ANN001 - autograd signature
        pooled, won = _max_of_quarters(_quarters(x, quartered))
        ctx.save_for_backward(*won)
        ctx.shape, ctx.quartered = x.shape, quartered
        return pooled

    @staticmethod
    def backward(ctx, grad):  # noqa: ANN001
        return _spread(_winners(grad, ctx.saved_tensors), ctx.shape, ctx.quartered), None


class _AvgPool2x2(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, quartered: bool):  # noqa: ANN001
        ctx.shape, ctx.quartered = x.shape, quartered
        tl, tr, bl, br = _quarters(x, quartered)
        return (tl + tr + bl + br) * 0.25  # PyTorch's order of sums; ×¼ is exact

    @staticmethod
    def backward(ctx, grad):  # noqa: ANN001
        quarter = grad * 0.25
        return _spread((quarter,) * 4, ctx.shape, ctx.quartered), None


def pool(module: nn.Module, x: torch.Tensor, quartered: bool = False) -> torch.Tensor:
    """``module(x)`` for a pooling that :func:`suits_quarters` (``x`` quartered or not)."""
    if type(module) is nn.MaxPool2d:
        return _MaxPool2x2.apply(x, quartered)
    average = _AvgPool2x2.apply(x, quartered)
    if type(module) is Subsampling:  # as its forward computes it: (mean × 4) · w + b
        weight, bias = module.weight.view(1, -1, 1, 1), module.bias.view(1, -1, 1, 1)
        return average * 4 * weight + bias
    return average


# -- batch norm → ReLU → 2 × 2 max pooling ---------------------------------------------------------


class _NormReluMaxPool(torch.autograd.Function):
    """``max_pool2d(relu(batch_norm(x)), 2)`` in training mode, for scales all > 0, on an
    ordinary or a quartered map. Returns the pooled output and the batch's mean and (biased)
    variance, for the running statistics."""

    @staticmethod
    def forward(ctx, x, weight, bias, eps: float, quartered: bool):  # noqa: ANN001
        dims = _stat_dims(quartered)
        count = x.numel() // weight.numel()
        mean = x.sum(dims) / count
        var = (x - _channel(mean, quartered)).square_().sum(dims) / count
        rstd = (var + eps).rsqrt()
        scale = weight * rstd
        shift = bias - mean * scale
        pooled, won = _max_of_quarters(_quarters(x, quartered))
        out = torch.addcmul(_channel(shift), pooled, _channel(scale)).relu_()
        ctx.save_for_backward(x, pooled, out, mean, rstd, weight, *won)
        ctx.quartered = quartered
        ctx.mark_non_differentiable(mean, var)
        return out, mean, var

    @staticmethod
    def backward(ctx, grad, _mean_grad, _var_grad):  # noqa: ANN001
        x, pooled, out, mean, rstd, weight, *won = ctx.saved_tensors
        quartered = ctx.quartered
        count = x.numel() // weight.numel()
        # the gradient at the normalised values, non-zero only at the windows' winners
        live = grad * out.sign()  # the ReLU's gradient (out ≥ 0: its sign is 0 or 1)
        normalised = (pooled - _channel(mean)) * _channel(rstd)
        grad_bias = live.sum((0, 2, 3))
        grad_weight = (live * normalised).sum((0, 2, 3))
        # batch norm's backward, rstd·(g − mean(g) − x̂·mean(g·x̂)) with g = γ·live at the
        # winners and 0 elsewhere: an a·x + b over the whole map plus the winners' own terms
        mean_g = weight * grad_bias / count
        mean_gx = weight * grad_weight / count
        a = -rstd * rstd * mean_gx
        b = rstd * (rstd * mean_gx * mean - mean_g)
        own = live * _channel(weight * rstd)
        parts = _winners(own, tuple(won))
        if quartered:  # each quarter written once: its winners' terms + a·x + b
            grad_x = torch.empty_like(x)
            for view, source, part in zip(
                _quarters(grad_x, True), _quarters(x, True), parts, strict=True
            ):
                torch.addcmul(part.add_(_channel(b)), source, _channel(a), out=view)
        else:
            grad_x = torch.addcmul(_channel(b), x, _channel(a))
            for view, part in zip(_quarters(grad_x, False), parts, strict=True):
                view.add_(part)
        return grad_x, grad_weight, grad_bias, None, None


def _update_running(norm: nn.BatchNorm2d, mean: torch.Tensor, var: torch.Tensor, count: int):
    """Batch norm's running statistics after one training batch, as the module updates them."""
    if not norm.track_running_stats or norm.running_mean is None or norm.running_var is None:
        return
    with torch.no_grad():
        tracked = norm.num_batches_tracked
        if tracked is not None:
            tracked.add_(1)
        factor = norm.momentum or 0.0
        if norm.momentum is None and tracked is not None:  # a cumulative average
            factor = 1.0 / float(tracked)
        unbiased = var * (count / max(count - 1, 1))
        norm.running_mean.mul_(1 - factor).add_(mean, alpha=factor)
        norm.running_var.mul_(1 - factor).add_(unbiased, alpha=factor)


def suits_norm_relu_pool(norm: nn.Module, act: nn.Module, pooling: nn.Module) -> bool:
    return (
        type(norm) is nn.BatchNorm2d
        and norm.affine
        and type(act) is nn.ReLU
        and type(pooling) is nn.MaxPool2d
        and suits_quarters(pooling)
    )


def fusable_now(norm: nn.BatchNorm2d) -> bool:
    """The fused block applies to this step: training, and every scale > 0 (normalising is then
    increasing, so it commutes with the max)."""
    return norm.training and bool((norm.weight > 0).all())


def norm_relu_pool(norm: nn.BatchNorm2d, x: torch.Tensor, quartered: bool = False) -> torch.Tensor:
    """The block's output in training mode (the caller checks :func:`fusable_now`)."""
    out, mean, var = _NormReluMaxPool.apply(x, norm.weight, norm.bias, norm.eps, quartered)
    _update_running(norm, mean, var, x.numel() // norm.num_features)
    return out


# -- the training pass ----------------------------------------------------------------------------


def _max_pool(module: nn.Module) -> bool:
    return type(module) is nn.MaxPool2d and suits_quarters(module)


def _fused_block(layers: list, i: int, x: torch.Tensor) -> tuple[torch.Tensor, int] | None:
    """The faster pass of the block starting at ``layers[i]``, if one applies: (its output, the
    index after it), else None."""
    module, rest = layers[i], layers[i + 1 : i + 4]
    if suits_quartered_conv(module, x) and rest:
        # conv → [batch norm → ReLU | a monotone activation | any activation] → 2 × 2 pooling
        if len(rest) >= 3 and suits_norm_relu_pool(*rest[:3]) and fusable_now(rest[0]):
            return norm_relu_pool(rest[0], conv_quartered(module, x), quartered=True), i + 4
        if len(rest) >= 2 and _activation(rest[0], monotone=True) and _max_pool(rest[1]):
            pooled = pool(rest[1], conv_quartered(module, x), quartered=True)
            return rest[0](pooled), i + 3
        if len(rest) >= 2 and _activation(rest[0]) and suits_quarters(rest[1]):
            activated = rest[0](conv_quartered(module, x))
            return pool(rest[1], activated, quartered=True), i + 3
        if suits_quarters(rest[0]):
            return pool(rest[0], conv_quartered(module, x), quartered=True), i + 2
    if x.dim() != 4:
        return None
    if len(rest) >= 2 and suits_norm_relu_pool(module, *rest[:2]) and fusable_now(module):
        return norm_relu_pool(module, x), i + 3
    if _activation(module, monotone=True) and rest and _max_pool(rest[0]):
        return module(pool(rest[0], x)), i + 2
    if suits_quarters(module):
        return pool(module, x), i + 1
    return None


@dataclass(frozen=True)
class Plan:
    """Which convolutions take the batch-as-channels weight gradient (by their index in the
    ``nn.Sequential``): a choice of speed only — both give the same numbers."""

    batch_as_channels: frozenset[int] = frozenset()


def forward(network: nn.Module, x: torch.Tensor, plan: Plan | None = None) -> torch.Tensor:
    """``network(x)`` for training; on the CPU a ``nn.Sequential`` runs block by block with the
    faster passes above where they apply, anything else runs as it is (a GPU's own kernels do
    not have the CPU's problems)."""
    if not isinstance(network, nn.Sequential) or x.device.type != "cpu":
        return network(x)
    chosen = plan.batch_as_channels if plan is not None else frozenset()
    return _run(list(network), x, chosen)


def _run(layers: list, x: torch.Tensor, chosen: frozenset[int], found: list | None = None):
    """The layers block by block; ``found`` (if given) collects the convolutions that run as
    themselves and could take the batch-as-channels weight gradient."""
    i = 0
    while i < len(layers):
        done = _fused_block(layers, i, x)
        if done is not None:
            x, i = done
            continue
        module = layers[i]
        batch_as_channels = isinstance(module, nn.Conv2d) and suits_batch_as_channels(module)
        if found is not None and batch_as_channels:
            found.append(i)
        x = conv2d(module, x) if batch_as_channels and i in chosen else module(x)
        i += 1
    return x


def _candidates(network: nn.Sequential, x: torch.Tensor) -> list[int]:
    """The convolutions that could take the batch-as-channels weight gradient (a dry run)."""
    found: list[int] = []
    with torch.no_grad():
        _run(list(network), x, frozenset(), found)
    return found


def choose(network: nn.Module, x: torch.Tensor, repeats: int = 5) -> Plan:
    """Measure, on this machine and this batch, whether each convolution's weight gradient is
    faster as a convolution over the batch, and say so in a :class:`Plan`. Runs on a copy of
    the network (its weights, running statistics and the random state are left as they were);
    takes about ``4 × repeats`` training steps per convolution."""
    if not isinstance(network, nn.Sequential) or x.dim() != 4 or x.device.type != "cpu":
        return Plan()
    state = torch.get_rng_state()
    trial = copy.deepcopy(network).train()
    try:
        with torch.random.fork_rng(devices=[]):
            candidates = _candidates(trial, x[:2])
            chosen: set[int] = set()
            for index in candidates:
                times: dict[bool, list[float]] = {False: [], True: []}
                for _ in range(repeats + 1):  # the first round warms both up
                    for on in (False, True):
                        plan = Plan(frozenset(chosen | {index} if on else chosen))
                        trial.zero_grad(set_to_none=True)
                        started = time.perf_counter()
                        forward(trial, x, plan).sum().backward()
                        times[on].append(time.perf_counter() - started)
                if statistics.median(times[True][1:]) < statistics.median(times[False][1:]):
                    chosen.add(index)
    finally:
        torch.set_rng_state(state)
    return Plan(frozenset(chosen))
