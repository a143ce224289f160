"""Issue 39, the channel and the command line: ``live.watch`` in a notebook-like script,
``lenet-desktop watch`` receiving it, the script alone when no app listens, and hostile clients
dropped with a note while the receiver goes on."""

from __future__ import annotations

import io
import json
import os
import pickle
import queue
import socket
import stat
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from helpers.notebook_nets import book_lenet
from torch import nn

from lenet_desktop.data.datasets import FASHION_MNIST, MNIST
from lenet_desktop.live import channel
from lenet_desktop.live.network import bundle_of
from lenet_desktop.live.receiver import LiveError, Receiver, Update, decode
from lenet_desktop.live.structure import describe, safetensors_bytes
from lenet_desktop.live.watching import HINT

NOTEBOOKS = Path(__file__).resolve().parent / "notebooks"


def message(net: nn.Module, **header) -> Update:
    layers, how = describe(net)
    state = {k: v.detach().clone() for k, v in net.state_dict().items()}
    head = {"kind": "network", "name": "net", "layers": layers, "structure": how, "classes": 10}
    return decode(head | header, safetensors_bytes(state))


def test_a_network_becomes_the_apps_with_its_own_numbers():
    torch.manual_seed(0)
    net = book_lenet()
    bundle, network = bundle_of(message(net, dataset="fashion"), MNIST)
    assert bundle.architecture == "d2l" and bundle.dataset.name == "fashion-mnist"
    x = torch.rand(4, 1, 28, 28)
    with torch.no_grad():
        assert torch.allclose(bundle.network(x), net(x), atol=1e-6)
    assert network.texts[0] == "Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2))"


def test_the_input_scaling_and_the_dataset_are_read_from_the_pixels():
    net = book_lenet()
    mean, std = FASHION_MNIST.mean, FASHION_MNIST.std
    batches = [[-mean / std, (1 - mean) / std, (0.29 - mean) / std]] * 3
    bundle, _ = bundle_of(message(net, input={"batches": batches, "shape": [1, 28, 28]}), MNIST)
    assert bundle.dataset.name == "fashion-mnist"
    assert (bundle.dataset.mean, bundle.dataset.std) == (mean, std)
    unit = {"batches": [[0.0, 1.0, 0.13]] * 3, "shape": [1, 28, 28]}
    bundle, _ = bundle_of(message(net, input=unit), FASHION_MNIST)
    assert bundle.dataset.name == "mnist" and (bundle.dataset.mean, bundle.dataset.std) == (0, 1)


class Odd(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, (3, 5), padding=(1, 2))
        self.fc = nn.Linear(6 * 28 * 28, 10)

    def forward(self, x):
        return self.fc(torch.flatten(F.relu(self.conv1(x)), 1))


class Skip(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 1, 3, padding=1)
        self.fc = nn.Linear(784, 10)

    def forward(self, x):
        return self.fc(torch.flatten(x + self.conv1(x), 1))


@pytest.mark.parametrize(
    ("net", "said"),
    [
        (Odd(), "layer 1 (Conv2d(1, 6, kernel_size=(3, 5)"),
        (Skip(), "not a chain of layers"),
        (nn.Sequential(nn.Flatten(), nn.Linear(784, 10), nn.GELU()), "layer 3 (GELU"),
    ],
)
def test_a_layer_the_app_cannot_draw_is_named(net, said):
    with pytest.raises(LiveError) as error:
        bundle_of(message(net), MNIST)
    assert said in str(error.value)


# -- the channel ---------------------------------------------------------------------------------


def test_the_channels_files_are_this_users_only(live_channel):
    with Receiver(lambda update: None):
        secret = live_channel / channel.SECRET_FILE
        assert len(channel.read_secret()) >= 64
        if os.name == "posix":
            assert stat.S_IMODE(secret.stat().st_mode) == 0o600
            assert stat.S_IMODE(live_channel.stat().st_mode) == 0o700
        assert len(channel.endpoints()) == 1
    assert channel.endpoints() == []  # a receiver that ends says so


def raw_send(port: int, data: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        try:
            connection.sendall(data)
            connection.shutdown(socket.SHUT_WR)
            connection.recv(1)
        except OSError:  # the receiver may close on an oversized message before reading it
            pass


def test_hostile_clients_are_dropped_and_the_receiver_goes_on():
    arrived: queue.Queue = queue.Queue()
    with Receiver(arrived.put, arrived.put) as receiver:
        secret = channel.read_secret()
        state = safetensors_bytes({"w": torch.ones(2)})
        good = {"kind": "network", "name": "net", "step": 3}
        buffer = io.BytesIO()
        pickle.dump({"w": torch.ones(2)}, buffer)
        hostile = {
            "no secret": channel.frame(b"0" * 64, good, state),
            "wrong secret": channel.frame(secret[:-1] + b"x", good, state),
            "oversize": channel.MAGIC
            + struct.pack(">IQ32s", 10, channel.MAX_PAYLOAD + 1, b"0" * 32),
            "malformed header": (
                channel.MAGIC
                + struct.pack(">IQ", 5, 0)
                + channel.sign(secret, channel.MAGIC + struct.pack(">IQ", 5, 0) + b"{oops")
                + b"{oops"
            ),
            "pickle": channel.frame(secret, good, buffer.getvalue()),
            "not ours": b"GET / HTTP/1.1\r\n\r\n" + b"x" * 100,
        }
        for data in hostile.values():
            raw_send(receiver.port, data)
        notes = [arrived.get(timeout=10) for _ in hostile]
        assert all(isinstance(note, LiveError) for note in notes)
        said = " | ".join(map(str, notes))
        for words in ("not signed with your secret", "larger than the channel takes",
                      "header is not JSON", "not safetensors (pickle is refused)",
                      "not a LeNet Desktop message"):  # fmt: skip
            assert words in said
        raw_send(receiver.port, channel.frame(secret, good, state))  # then a good one
        update = arrived.get(timeout=10)
        assert isinstance(update, Update) and update.step == 3
        assert torch.equal(update.state["w"], torch.ones(2))
        assert receiver.dropped == len(hostile)


# -- a notebook-like script ------------------------------------------------------------------------


def run_script(tmp_path, fashion_dir, name="book_zh.py"):
    image = tmp_path / "input.pt"
    torch.save(torch.rand(28, 28), image)
    return subprocess.run(
        [sys.executable, str(NOTEBOOKS / name), str(fashion_dir), str(image), str(tmp_path / "o")],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_with_no_app_the_script_finishes_and_says_so_in_one_line(tmp_path, fashion_dir):
    done = run_script(tmp_path, fashion_dir)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [HINT]
    assert json.loads((tmp_path / "o").read_text())["step"] == 24


def test_lenet_desktop_watch_prints_three_updates(tmp_path, fashion_dir):
    picture = tmp_path / "seven.png"
    from PIL import Image, ImageDraw

    canvas = Image.new("L", (280, 280), 255)
    ImageDraw.Draw(canvas).line([(60, 60), (220, 60), (120, 240)], fill=0, width=24)
    canvas.save(picture)
    command = [sys.executable, "-m", "lenet_desktop", "watch", "--count", "3", "--json"]
    command += ["--timeout", "120", "--image", str(picture)]
    watcher = subprocess.Popen(
        command, env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        deadline = time.monotonic() + 60
        while not channel.endpoints() and time.monotonic() < deadline:
            time.sleep(0.05)
        done = run_script(tmp_path, fashion_dir)
        assert done.returncode == 0, done.stderr
        output, errors = watcher.communicate(timeout=60)
    finally:
        watcher.kill()
    assert watcher.returncode == 0, errors
    lines = [json.loads(line) for line in output.splitlines()]
    assert len(lines) == 3
    steps = [line["step"] for line in lines]
    assert steps == sorted(steps) and all(line["name"] == "net" for line in lines)
    for line in lines:
        assert line["architecture"] == "d2l" and line["dataset"] == "fashion-mnist"
        assert abs(sum(line["probabilities"].values()) - 1) < 1e-5


def test_watch_says_why_it_cannot_listen(tmp_path, monkeypatch, capsys):
    from lenet_desktop.cli import main

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(channel.ENV_DIR, str(blocked))
    assert main(["watch", "--count", "1", "--timeout", "1"]) != 0
    assert "cannot listen for notebooks" in capsys.readouterr().err
