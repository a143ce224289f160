"""The faster training pass computes what the plain modules compute: the same loss, the same
gradients for every parameter, the same batch-norm running statistics — for every architecture
and for each layer kind it changes (2 × 2 max and average pooling in both layouts, LeNet-5's
subsampling, a monotone activation moved after the max, batch norm → ReLU → max pooling fused,
a convolution written as its pooling windows' quarters, the batch-as-channels weight gradient)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from lenet_desktop.nn import fast_ops
from lenet_desktop.nn.models import Subsampling, build_model
from lenet_desktop.options import ARCHITECTURES


def _gradients(network: nn.Module, forward, images, labels):
    network.zero_grad()
    loss = F.cross_entropy(forward(images), labels)
    loss.backward()
    return loss.detach(), {n: p.grad.clone() for n, p in network.named_parameters()}


def zero_by_batch_norm(network: nn.Module) -> set[str]:
    """The biases of layers followed by batch norm in training mode: their gradient is zero
    (the batch's mean is subtracted), so what both passes give is rounding noise."""
    layers = list(network.named_children())
    return {
        f"{name}.bias"
        for (name, _), (_, after) in zip(layers, layers[1:], strict=False)
        if isinstance(after, nn.BatchNorm2d | nn.BatchNorm1d)
    }


def _compare(network: nn.Module, images, labels, plan=None, rtol=1e-9, atol=1e-11):
    """Plain modules vs the fast pass from the same state: loss, every gradient, every buffer."""
    state = {k: v.clone() for k, v in network.state_dict().items()}
    plain_loss, plain = _gradients(network, network, images, labels)
    plain_buffers = {k: v.clone() for k, v in network.state_dict().items()}
    network.load_state_dict(state)  # batch norm's running statistics as they were
    fast_loss, fast = _gradients(
        network, lambda x: fast_ops.forward(network, x, plan), images, labels
    )
    torch.testing.assert_close(fast_loss, plain_loss, rtol=rtol, atol=atol)
    for name, gradient in plain.items():
        if name in zero_by_batch_norm(network):  # both ≈ 0: rounding noise, compared loosely
            torch.testing.assert_close(fast[name], gradient, rtol=0, atol=1e3 * atol, msg=name)
            continue
        torch.testing.assert_close(fast[name], gradient, rtol=rtol, atol=atol, msg=name)
    for name, value in network.state_dict().items():
        torch.testing.assert_close(value, plain_buffers[name], rtol=rtol, atol=atol, msg=name)


def _every_convolution(network: nn.Sequential) -> fast_ops.Plan:
    return fast_ops.Plan(frozenset(i for i, m in enumerate(network) if isinstance(m, nn.Conv2d)))


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_same_loss_gradients_and_statistics_as_the_plain_network(architecture):
    torch.manual_seed(0)
    network = build_model(architecture).double().train()
    images = torch.rand(16, 1, 28, 28, dtype=torch.float64)
    labels = torch.randint(0, 10, (16,))
    _compare(network, images, labels)
    _compare(network, images, labels, plan=_every_convolution(network))


@pytest.mark.parametrize("architecture", ["modern", "d2l", "lenet5"])
def test_in_float32_the_gradients_agree_to_1e_6(architecture):
    """What training runs: float32, a real batch size. Sums taken in another order differ in
    the last bits only."""
    torch.manual_seed(1)
    network = build_model(architecture).train()
    images = (torch.rand(128, 1, 28, 28) - 0.3) / 0.35
    labels = torch.randint(0, 10, (128,))
    _compare(network, images, labels, rtol=1e-4, atol=1e-6)


def _layer_gradcheck(module: nn.Module, x: torch.Tensor, fast) -> None:
    """``fast(x)`` equals ``module(x)`` and passes autograd's numerical gradient check."""
    torch.testing.assert_close(fast(x), module(x), rtol=1e-12, atol=1e-12)
    assert torch.autograd.gradcheck(fast, (x,))


@pytest.mark.parametrize("size", [(6, 6), (7, 5)])  # an odd edge is dropped, as PyTorch does
@pytest.mark.parametrize("module", [nn.MaxPool2d(2), nn.AvgPool2d(2), Subsampling(3)])
def test_2x2_pooling_on_strided_quarters(module, size):
    module = module.double()
    assert fast_ops.suits_quarters(module)
    x = torch.randn(2, 3, *size, dtype=torch.float64, requires_grad=True)
    _layer_gradcheck(module, x, lambda t: fast_ops.pool(module, t))


@pytest.mark.parametrize("pooling", [nn.MaxPool2d(2), nn.AvgPool2d(2)])
@pytest.mark.parametrize("padding", [0, 1])
def test_a_convolution_written_as_its_windows_quarters(pooling, padding):
    conv = nn.Conv2d(1, 3, kernel_size=3, padding=padding).double()
    x = torch.randn(2, 1, 8 - 2 * padding, 8 - 2 * padding, dtype=torch.float64)
    assert fast_ops.suits_quartered_conv(conv, x)

    def fast(t):
        return fast_ops.pool(pooling, fast_ops.conv_quartered(conv, t), quartered=True)

    _layer_gradcheck(nn.Sequential(conv, pooling), x.requires_grad_(), fast)
    weight = conv.weight.detach().clone().requires_grad_()
    bias = conv.bias.detach().clone().requires_grad_()

    def of_parameters(w, b):  # the layer with these weights (what conv_quartered reads)
        layer = SimpleNamespace(weight=w, bias=b, padding=conv.padding, out_channels=3)
        return fast_ops.pool(pooling, fast_ops.conv_quartered(layer, x.detach()), quartered=True)

    assert torch.autograd.gradcheck(of_parameters, (weight, bias))


@pytest.mark.parametrize("quartered", [False, True])
def test_batch_norm_relu_max_pooling_fused(quartered):
    torch.manual_seed(2)
    norm = nn.BatchNorm2d(3).double().train()
    with torch.no_grad():
        norm.weight.uniform_(0.5, 1.5)
        norm.bias.uniform_(-0.5, 0.5)
    shape = (4, 4, 3, 3, 3) if quartered else (4, 3, 6, 6)
    x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)

    def plain(t):
        if quartered:  # the same map in the ordinary layout
            n, _, c, h, w = t.shape
            t = t.view(n, 2, 2, c, h, w).permute(0, 3, 4, 1, 5, 2).reshape(n, c, 2 * h, 2 * w)
        return F.max_pool2d(F.relu(norm(t)), 2)

    def fast(t):
        out, _mean, _var = fast_ops._NormReluMaxPool.apply(
            t, norm.weight, norm.bias, norm.eps, quartered
        )
        return out

    torch.testing.assert_close(fast(x), plain(x), rtol=1e-12, atol=1e-12)
    assert torch.autograd.gradcheck(fast, (x,))
    weight = norm.weight.detach().clone().requires_grad_()
    bias = norm.bias.detach().clone().requires_grad_()
    assert torch.autograd.gradcheck(
        lambda w, b: fast_ops._NormReluMaxPool.apply(x.detach(), w, b, norm.eps, quartered)[0],
        (weight, bias),
    )


def test_ties_send_the_gradient_where_pytorch_sends_it():
    """Blank areas give equal values in a window (a convolution of a constant): the gradient
    goes to the first of them in row-major order, as ``F.max_pool2d``'s does."""
    x = torch.randint(0, 3, (3, 2, 8, 8)).double().requires_grad_()
    grad = torch.randn(3, 2, 4, 4, dtype=torch.float64)
    (expected,) = torch.autograd.grad(F.max_pool2d(x, 2), x, grad)
    (got,) = torch.autograd.grad(fast_ops.pool(nn.MaxPool2d(2), x), x, grad)
    assert torch.equal(got, expected)


def test_a_negative_scale_runs_the_plain_modules():
    torch.manual_seed(3)
    network = build_model("modern").double().train()
    with torch.no_grad():
        network[1].weight[2] = -0.5  # C1's batch norm: normalising no longer commutes with max
    assert not fast_ops.fusable_now(network[1])
    _compare(network, torch.rand(8, 1, 28, 28, dtype=torch.float64), torch.randint(0, 10, (8,)))


def test_the_batch_as_channels_convolution_passes_gradcheck():
    for conv in (nn.Conv2d(1, 3, 3, padding=1), nn.Conv2d(2, 3, 3)):
        conv = conv.double()
        x = torch.randn(4, conv.in_channels, 7, 7, dtype=torch.float64, requires_grad=True)
        assert fast_ops.suits_batch_as_channels(conv)
        assert torch.autograd.gradcheck(lambda t, c=conv: fast_ops.conv2d(c, t), (x,))
        weight = conv.weight.detach().clone().requires_grad_()
        bias = conv.bias.detach().clone().requires_grad_()
        inputs = x.detach()

        def of_parameters(w, b, c=conv, t=inputs):
            return fast_ops._BatchAsChannelsConv2d.apply(t, w, b, c.padding[0])

        assert torch.autograd.gradcheck(of_parameters, (weight, bias))


def test_other_layers_run_as_they_are():
    assert not fast_ops.suits_batch_as_channels(nn.Conv2d(1, 6, 5, stride=2))
    assert not fast_ops.suits_batch_as_channels(nn.Conv2d(1, 6, 5, padding="same"))
    assert not fast_ops.suits_quarters(nn.MaxPool2d(3, stride=2))
    assert not fast_ops.suits_quarters(nn.AvgPool2d(2, padding=1))
    assert not fast_ops.suits_quarters(nn.MaxPool2d(2, ceil_mode=True))
    odd = torch.zeros(1, 1, 9, 9)  # 5 × 5 kernel → a 5 × 5 map, which 2 × 2 windows cannot tile
    assert not fast_ops.suits_quartered_conv(nn.Conv2d(1, 6, 5), odd)
    assert not fast_ops.suits_quartered_conv(nn.Conv2d(6, 16, 5), torch.zeros(1, 6, 14, 14))


def test_choosing_the_passes_leaves_the_network_and_the_random_state_alone():
    torch.manual_seed(4)
    network = build_model("modern").train()
    before = {k: v.clone() for k, v in network.state_dict().items()}
    images = torch.randn(32, 1, 28, 28)
    random_state = torch.get_rng_state()
    plan = fast_ops.choose(network, images, repeats=1)
    assert plan.batch_as_channels <= {4}  # C3 the only candidate: C1 runs as quarters
    assert torch.equal(torch.get_rng_state(), random_state)
    for name, value in network.state_dict().items():
        assert torch.equal(value, before[name]), name
    assert all(p.grad is None for p in network.parameters())
