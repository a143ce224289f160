"""The English book's LeNet (7.6): a d2l.Classifier keeps its layers in self.net, built from
lazy layers, and its forward is d2l.Module's. argv as book_zh.py."""

import sys

import torch
from _data import finish, load_data_fashion_mnist
from torch import nn

from lenet_desktop import live


class Module(nn.Module):  # d2l.Module's forward
    def forward(self, X):
        assert hasattr(self, "net"), "Neural network is defined"
        return self.net(X)


class LeNet(Module):
    def __init__(self, lr=0.1, num_classes=10):
        super().__init__()
        self.lr = lr
        self.net = nn.Sequential(
            nn.LazyConv2d(6, kernel_size=5, padding=2), nn.Sigmoid(),
            nn.AvgPool2d(kernel_size=2, stride=2),
            nn.LazyConv2d(16, kernel_size=5), nn.Sigmoid(),
            nn.AvgPool2d(kernel_size=2, stride=2),
            nn.Flatten(),
            nn.LazyLinear(120), nn.Sigmoid(),
            nn.LazyLinear(84), nn.Sigmoid(),
            nn.LazyLinear(num_classes))  # fmt: skip


data = load_data_fashion_mnist(sys.argv[1])
model = LeNet(lr=0.1)
model(next(iter(data))[0])  # apply_init: the lazy layers take their shapes
handle = live.watch(model, every=0.05)
optim = torch.optim.SGD(model.parameters(), lr=0.9)
for epoch in range(3):  # d2l.Trainer.fit_epoch
    model.train()
    for X, y in data:
        loss = nn.functional.cross_entropy(model(X), y)
        optim.zero_grad()
        loss.backward()
        optim.step()
    model.eval()
    with torch.no_grad():  # the validation batches
        model(X)
finish(model, handle)
