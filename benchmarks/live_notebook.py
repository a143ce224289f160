"""The notebook side of ``benchmarks.live``: the Chinese book's LeNet and train_ch6's loop on
Fashion-MNIST images, with or without ``live.watch(net)``; prints the loop's seconds as JSON.

    python -m benchmarks.live_notebook --images 8192 --epochs 2 [--watch] [--every 0.5] [--log]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "tests")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--images", type=int, default=8192)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--watch", action="store_true")
    parser.add_argument("--every", type=float, default=0.5)
    parser.add_argument("--log", action="store_true", help="log the loss and accuracy")
    args = parser.parse_args()
    import numpy as np
    import torch
    from helpers.notebook_nets import book_lenet
    from torch import nn

    from lenet_desktop.data.datasets import FASHION_MNIST, candidate_folders, load_split

    folders = [p for p in candidate_folders(FASHION_MNIST) if p.is_dir()]
    if not folders:
        raise SystemExit("no Fashion-MNIST files found ($LENET_DATA or ../shared/datasets)")
    split = load_split(folders[0], FASHION_MNIST, "train")
    X = torch.from_numpy(np.asarray(split.images[: args.images], dtype=np.float32) / 255)
    y = torch.from_numpy(np.asarray(split.labels[: args.images], dtype=np.int64))
    data = torch.utils.data.DataLoader(
        torch.utils.data.TensorDataset(X.unsqueeze(1), y), batch_size=256, shuffle=True
    )
    torch.manual_seed(0)
    net = book_lenet()  # the Chinese book's LeNet (tests/helpers/notebook_nets.py)
    handle = None
    if args.watch:
        from lenet_desktop import live

        handle = live.watch(net, every=args.every, quiet=True)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.9)
    loss = nn.CrossEntropyLoss()
    start = time.perf_counter()
    for _ in range(args.epochs):  # train_ch6's loop
        net.train()
        for features, labels in data:
            optimizer.zero_grad()
            output = net(features)
            value = loss(output, labels)
            value.backward()
            optimizer.step()
            if handle is not None and args.log and handle.step % 8 == 0:
                accuracy = (output.argmax(1) == labels).float().mean()
                handle.log(loss=value, train_acc=accuracy)
    seconds = time.perf_counter() - start
    sent = 0 if handle is None else handle.sent
    print(json.dumps({"seconds": seconds, "steps": args.epochs * len(data), "sent": sent}))


if __name__ == "__main__":
    main()
