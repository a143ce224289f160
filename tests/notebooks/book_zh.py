"""The Chinese book's LeNet (6.6, nn.Sequential) trained with train_ch6's loop, one line added.
argv: the Fashion-MNIST folder, the app's input (.pt), where to write the end."""

import sys

import torch
from _data import finish, load_data_fashion_mnist
from torch import nn

from lenet_desktop import live

net = nn.Sequential(
    nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
    nn.Linear(120, 84), nn.Sigmoid(),
    nn.Linear(84, 10))  # fmt: skip
train_iter = load_data_fashion_mnist(sys.argv[1])
handle = live.watch(net, every=0.05)  # the one added line


def train_ch6(net, train_iter, num_epochs, lr, device):
    def init_weights(m):
        if type(m) == nn.Linear or type(m) == nn.Conv2d:  # noqa: E721 - the book's code
            nn.init.xavier_uniform_(m.weight)

    net.apply(init_weights)
    net.to(device)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    loss = nn.CrossEntropyLoss()
    for epoch in range(num_epochs):
        net.train()
        for X, y in train_iter:
            optimizer.zero_grad()
            X, y = X.to(device), y.to(device)
            y_hat = net(X)
            l = loss(y_hat, y)  # noqa: E741 - the book's name
            l.backward()
            optimizer.step()
        handle.log(loss=l)


train_ch6(net, train_iter, 3, 0.9, torch.device("cpu"))
finish(net, handle)
