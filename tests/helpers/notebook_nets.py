"""The networks a learner trains in the book's notebook (issues 25 and 36 share them): built
exactly as the books write them, trained a few hundred steps on Fashion-MNIST with
``ToTensor``-style input, and saved as the learner would."""

from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


def book_lenet() -> nn.Sequential:
    """D2L's LeNet, as the Chinese book writes it (trained there with ``d2l.train_ch6``)."""
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
        nn.AvgPool2d(kernel_size=2, stride=2),
        nn.Flatten(),
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10),
    )  # fmt: skip


def tanh_lenet() -> nn.Sequential:
    """The book's LeNet with tanh (neither the book's own network nor one of its exercises)."""
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.Tanh(), nn.AvgPool2d(2, 2),
        nn.Conv2d(6, 16, 5), nn.Tanh(), nn.AvgPool2d(2, 2), nn.Flatten(),
        nn.Linear(400, 120), nn.Tanh(), nn.Linear(120, 84), nn.Tanh(), nn.Linear(84, 10),
    )  # fmt: skip


class EnglishLeNet(nn.Module):
    """The English book's ``class LeNet(d2l.Classifier)``: lazy layers in ``self.net`` (its
    state dict's keys are ``net.0.weight``…). ``d2l.Classifier`` is an ``nn.Module`` whose
    ``forward`` is ``self.net(X)``."""

    def __init__(self, lr: float = 0.1, num_classes: int = 10) -> None:
        super().__init__()
        self.net = nn.Sequential(
            nn.LazyConv2d(6, kernel_size=5, padding=2), nn.Sigmoid(),
            nn.AvgPool2d(kernel_size=2, stride=2),
            nn.LazyConv2d(16, kernel_size=5), nn.Sigmoid(),
            nn.AvgPool2d(kernel_size=2, stride=2),
            nn.Flatten(),
            nn.LazyLinear(120), nn.Sigmoid(),
            nn.LazyLinear(84), nn.Sigmoid(),
            nn.LazyLinear(num_classes),
        )  # fmt: skip

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        return self.net(X)


class MyLeNet(nn.Module):
    """A learner's own class: named layers, ReLU and max pooling."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.pool2 = nn.MaxPool2d(2)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1)
        return self.fc3(F.relu(self.fc2(F.relu(self.fc1(x)))))


def xavier(module: nn.Module) -> None:
    """The books' initialisation (``d2l.init_cnn``, ``train_ch6``'s ``init_weights``)."""
    if type(module) in (nn.Linear, nn.Conv2d):
        nn.init.xavier_uniform_(module.weight)


def train(net: nn.Module, images: torch.Tensor, labels: torch.Tensor, steps: int, make_optimiser,
          batch: int = 256, seed: int = 0) -> nn.Module:  # fmt: skip
    """``steps`` steps of the book's loop on ``ToTensor``-style input (pixels in [0, 1])."""
    generator = torch.Generator().manual_seed(seed)
    optimiser = make_optimiser(net.parameters())
    net.train()
    for _ in range(steps):
        index = torch.randint(0, len(labels), (batch,), generator=generator)
        x = images[index].unsqueeze(1).float() / 255.0
        optimiser.zero_grad()
        F.cross_entropy(net(x), labels[index]).backward()
        optimiser.step()
    return net.eval()


def trained_notebooks(images: torch.Tensor, labels: torch.Tensor) -> dict[str, nn.Module]:
    """The three networks of issue 36, trained as their books (or a learner) would, a few
    hundred steps each: ``en`` (the English book's class, SGD at its 0.1… made faster), ``zh``
    (the Chinese book's ``nn.Sequential``, ``train_ch6``'s SGD at 0.9) and ``mine`` (ReLU and
    max pooling, Adam)."""
    torch.manual_seed(0)
    en = EnglishLeNet()
    en(torch.zeros(1, 1, 28, 28))  # the lazy layers take their shapes, as apply_init does
    en.apply(xavier)
    zh = book_lenet()
    zh.apply(xavier)
    mine = MyLeNet()
    sgd = lambda lr: lambda params: torch.optim.SGD(params, lr=lr)  # noqa: E731
    return {
        "en": train(en, images, labels, 400, sgd(0.9), seed=1),
        "zh": train(zh, images, labels, 400, sgd(0.9), seed=2),
        # 600 steps: at 400, max and average pooling read the test images within 5 points of
        # each other on some machines, and the finding rightly asked which one it was
        "mine": train(
            mine, images, labels, 600, lambda params: torch.optim.Adam(params, lr=2e-3), seed=3
        ),  # fmt: skip
    }


def save_as_a_learner_would(net: nn.Module, folder, name: str) -> dict[str, object]:
    """``name``.params (``torch.save(net.state_dict(), …)``), a tutorial checkpoint ``.pth``
    and a bare ``.safetensors``: their paths by kind."""
    from pathlib import Path

    from safetensors.torch import save_file

    folder = Path(folder)
    state = net.state_dict()
    params, checkpoint, bare = (folder / f"{name}{s}" for s in (".params", ".pth", ".safetensors"))
    torch.save(state, params)
    optimiser = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    torch.save(
        {"epoch": 3, "model_state_dict": state,
         "optimizer_state_dict": optimiser.state_dict(), "loss": torch.tensor(0.52)},
        checkpoint,
    )  # fmt: skip
    save_file({k: v.contiguous() for k, v in state.items()}, str(bare))
    return {"params": params, "checkpoint": checkpoint, "safetensors": bare}
