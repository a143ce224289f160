"""Your own notebook model in the app (issue 25): the book's nn.Sequential and a class-based
LeNet, trained a few steps the book's way and saved with torch.save(net.state_dict(), …), give
the app the same probabilities as in the notebook; the app's code and weights go back into a
notebook; pickle payloads never run."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from helpers.drawing import redraw
from helpers.notebook_nets import book_lenet
from torch import nn

from lenet_desktop.cli import main as cli
from lenet_desktop.data.datasets import FASHION_MNIST
from lenet_desktop.files.notebook import NotebookError, read_state_dict
from lenet_desktop.files.notebook_specs import candidates


class NotesLeNet(nn.Module):
    """The notes' own class-based LeNet: sigmoid, max pooling, no padding (16×4×4)."""

    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 4 * 4, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = F.max_pool2d(torch.sigmoid(self.conv1(x)), 2)
        x = F.max_pool2d(torch.sigmoid(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = torch.sigmoid(self.fc1(x))
        x = torch.sigmoid(self.fc2(x))
        return self.fc3(x)


def _train_a_little(net: nn.Module, split, steps: int = 20) -> nn.Module:
    """The book's way: ToTensor pixels in [0, 1], SGD, cross-entropy; a few steps only."""
    torch.manual_seed(0)
    images = split.images[:512].float().div(255).unsqueeze(1)
    labels = split.labels[:512]
    optimizer = torch.optim.SGD(net.parameters(), lr=0.9)
    for step in range(steps):
        batch = slice((step * 64) % 512, (step * 64) % 512 + 64)
        optimizer.zero_grad()
        F.cross_entropy(net(images[batch]), labels[batch]).backward()
        optimizer.step()
    return net.eval()


@pytest.fixture(scope="module")
def fashion_slice(fashion_dir):
    from lenet_desktop.data.datasets import load_dataset

    return load_dataset(fashion_dir, FASHION_MNIST)


def _predict(capsys, *args: str) -> dict:
    assert cli(["predict", "--json", "--show-input", "--device", "cpu", *args]) == 0
    return json.loads(capsys.readouterr().out.splitlines()[-1])


@pytest.mark.parametrize(("make", "arch"), [(book_lenet, "d2l"), (NotesLeNet, "notes-maxpool")])
def test_a_notebook_model_gives_the_notebooks_probabilities(
    make, arch, fashion_slice, tmp_path, capsys
):
    train_split, test_split = fashion_slice
    net = _train_a_little(make(), train_split)
    params = tmp_path / "lenet.params"
    torch.save(net.state_dict(), params)  # the book's own way to save parameters
    picture = tmp_path / "coat.png"
    redraw(test_split.images[0].numpy(), dark_on_light=False).save(picture)
    # (trained 20 steps, it reads the test images hardly better than chance: what it is, the
    # learner says, and the app takes their word for it)
    answer = _predict(
        capsys, "--model", str(params), "--arch", arch, "--dataset", "fashion-mnist",
        "--scale", "unit", str(picture),
    )  # fmt: skip
    x = torch.tensor(answer["input"], dtype=torch.float32).reshape(1, 1, 28, 28)
    with torch.no_grad():
        expected = torch.softmax(net(x), dim=1)[0].numpy()
    shown = np.array(list(answer["probabilities"].values()))
    np.testing.assert_allclose(shown, expected, atol=1e-5)


def test_the_architecture_is_found_from_the_shapes(tmp_path):
    torch.save(book_lenet().state_dict(), tmp_path / "book.params")
    torch.save(NotesLeNet().state_dict(), tmp_path / "notes.pt")
    book = candidates(read_state_dict(tmp_path / "book.params"), 10)
    assert book[0].name == "d2l"  # the book's first: 0/3/7/9/11 keys
    assert {"d2l", "d2l-maxpool", "d2l-relu"} <= {c.name for c in book}
    notes = candidates(read_state_dict(tmp_path / "notes.pt"), 10)
    assert "notes-maxpool" in {c.name for c in notes}


def test_code_runs_and_takes_the_exported_weights(tmp_path, capsys):
    model = tmp_path / "model.safetensors"
    torch.save(book_lenet().state_dict(), tmp_path / "lenet.params")
    given = ["--arch", "d2l", "--dataset", "mnist", "--scale", "unit"]  # untrained: said
    assert cli(["import", str(tmp_path / "lenet.params"), *given, "--out", str(model)]) == 0
    assert cli(["export", str(model), "--out", str(tmp_path / "w.params")]) == 0
    capsys.readouterr()
    assert cli(["code", "d2l", "--weights", "w.params"]) == 0
    code = capsys.readouterr().out
    script = tmp_path / "notebook.py"
    script.write_text(
        code + "x = torch.rand(2, 1, 28, 28)\nprint(probabilities(x).sum(1).tolist())\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == pytest.approx([1.0, 1.0])


def test_anything_but_weights_is_refused_and_no_payload_runs(tmp_path):
    ran = tmp_path / "ran"
    payload = tmp_path / "payload.pt"

    class Payload:
        def __reduce__(self):
            return (os.system, (f"touch {ran}",))

    torch.save({"0.weight": Payload()}, payload)
    with pytest.raises(NotebookError, match="nothing in it ran") as refused:
        read_state_dict(payload)
    assert "weights_only" not in str(refused.value) and "\x1b" not in str(refused.value)
    assert not ran.exists()
    torch.save(book_lenet(), tmp_path / "module.pt")  # a whole pickled module
    with pytest.raises(NotebookError, match="holds the whole network object"):
        read_state_dict(tmp_path / "module.pt")
    torch.save({"step": 3, "lr": 0.1}, tmp_path / "optimizer.pt")
    with pytest.raises(NotebookError, match="not a tensor of weights"):
        read_state_dict(tmp_path / "optimizer.pt")


def test_the_apps_own_model_gives_the_apps_probabilities_in_a_notebook(
    tmp_path, capsys, mnist_splits
):
    from lenet_desktop.data.datasets import MNIST
    from lenet_desktop.files.model_files import save_model
    from lenet_desktop.nn.bundle import new_model

    model = save_model(new_model("d2l", MNIST), tmp_path / "app.safetensors")  # dataset scaling
    picture = tmp_path / "digit.png"
    redraw(mnist_splits[1].images[0].numpy(), dark_on_light=False).save(picture)
    answer = _predict(capsys, "--model", str(model), str(picture))
    assert cli(["export", str(model), "--out", str(tmp_path / "w.params")]) == 0
    capsys.readouterr()
    assert cli(["code", str(model), "--weights", "w.params"]) == 0
    script = tmp_path / "notebook.py"
    script.write_text(
        capsys.readouterr().out
        + f"x = torch.tensor({answer['input']!r}).reshape(1, 1, 28, 28)\n"
        + "print(probabilities(x)[0].tolist())\n"
    )
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    shown = list(answer["probabilities"].values())
    np.testing.assert_allclose(json.loads(done.stdout), shown, atol=1e-5)
