"""The faster training pass computes what the plain modules compute."""

from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from lenet_desktop.nn import fast_ops
from lenet_desktop.nn.models import build_model
from lenet_desktop.options import ARCHITECTURES


@pytest.mark.parametrize("architecture", ARCHITECTURES)
def test_same_loss_and_gradients_as_the_plain_network(architecture):
    torch.manual_seed(0)
    network = build_model(architecture).double().train()
    images = torch.rand(16, 1, 28, 28, dtype=torch.float64)
    labels = torch.randint(0, 10, (16,))

    def grads(forward):
        network.zero_grad()
        loss = F.cross_entropy(forward(images), labels)
        loss.backward()
        return loss.detach(), [p.grad.clone() for p in network.parameters()]

    state = {k: v.clone() for k, v in network.state_dict().items()}
    plain_loss, plain = grads(network)
    network.load_state_dict(state)  # batch norm's running statistics as they were
    fast_loss, fast = grads(lambda x: fast_ops.forward(network, x))
    assert torch.allclose(plain_loss, fast_loss, rtol=1e-12, atol=1e-12)
    for a, b in zip(plain, fast, strict=True):
        assert torch.allclose(a, b, rtol=1e-9, atol=1e-11)


def test_the_batch_as_channels_convolution_passes_gradcheck():
    conv = torch.nn.Conv2d(1, 3, kernel_size=3, padding=1).double()
    x = torch.randn(4, 1, 7, 7, dtype=torch.float64, requires_grad=True)
    assert fast_ops.suits_batch_as_channels(conv)
    assert torch.autograd.gradcheck(lambda t: fast_ops.conv2d(conv, t), (x,))
    weight = conv.weight.detach().clone().requires_grad_()
    bias = conv.bias.detach().clone().requires_grad_()
    assert torch.autograd.gradcheck(
        lambda w, b: fast_ops._BatchAsChannelsConv2d.apply(x.detach(), w, b, 1), (weight, bias)
    )


def test_other_convolutions_run_as_they_are():
    assert not fast_ops.suits_batch_as_channels(torch.nn.Conv2d(6, 16, 5))
    assert not fast_ops.suits_batch_as_channels(torch.nn.Conv2d(1, 6, 5, stride=2))
    assert not fast_ops.suits_batch_as_channels(torch.nn.Conv2d(1, 6, 5, padding="same"))
