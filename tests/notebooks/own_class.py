"""A learner's own class: named layers, ReLU and max pooling called in forward (F.relu,
F.max_pool2d, x.view). argv as book_zh.py."""

import sys

import torch
import torch.nn.functional as F
from _data import finish, load_data_fashion_mnist
from torch import nn

from lenet_desktop import live


class MyLeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.pool1 = nn.MaxPool2d(2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool1(F.relu(self.conv1(x)))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(x.size(0), -1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


my_net = MyLeNet()
live.watch(my_net, every=0.05)
handle = my_net._lenet_desktop_watch
optimizer = torch.optim.Adam(my_net.parameters(), lr=1e-3)
for epoch in range(3):
    for X, y in load_data_fashion_mnist(sys.argv[1]):
        optimizer.zero_grad()
        F.cross_entropy(my_net(X), y).backward()
        optimizer.step()
finish(my_net, handle)
