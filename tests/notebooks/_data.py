"""What the notebooks below share: a Fashion-MNIST slice as ``d2l.load_data_fashion_mnist``
gives it (ToTensor's [0, 1] pixels, batches of 256), and the end of the run (the final
network's probabilities on the app's 28×28 input, for the test to compare)."""

import json
import os
import sys
import time

import numpy as np
import torch

from lenet_desktop.data.datasets import FASHION_MNIST, load_split


def load_data_fashion_mnist(folder, count=2048, batch_size=256):
    split = load_split(folder, FASHION_MNIST, "train")
    X = torch.from_numpy(np.asarray(split.images[:count], dtype=np.float32) / 255.0)
    y = torch.from_numpy(np.asarray(split.labels[:count], dtype=np.int64))
    data = torch.utils.data.TensorDataset(X.unsqueeze(1), y)
    return torch.utils.data.DataLoader(data, batch_size, shuffle=True)


def finish(net, handle):
    """The final network's probabilities on the app's input (argv[2], waited for: the test
    writes it once the window shows the network) → argv[3]."""
    deadline = time.monotonic() + 60
    while not os.path.exists(sys.argv[2]) and time.monotonic() < deadline:
        time.sleep(0.05)
    image = torch.load(sys.argv[2], weights_only=True).reshape(1, 1, 28, 28)
    net.eval()
    with torch.no_grad():
        probabilities = torch.softmax(net(image), dim=1)[0].tolist()
    with open(sys.argv[3], "w") as file:
        json.dump({"probabilities": probabilities, "step": handle.step}, file)
