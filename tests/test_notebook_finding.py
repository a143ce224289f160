"""Issue 36: a notebook's model opens with no questions — found by trying it on the app's test
images — and goes back into the notebook it came from."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
import torch
from helpers.notebook_nets import EnglishLeNet, MyLeNet, book_lenet
from PIL import Image

from lenet_desktop.cli import main as cli
from lenet_desktop.data.datasets import FASHION_MNIST, shipped_sample
from lenet_desktop.files.model_files import load_model
from lenet_desktop.files.notebook import read_weights
from lenet_desktop.files.trying import find

NAMES = ("en", "zh", "mine")
KINDS = ("params", "checkpoint", "safetensors")
# what each network is: (architecture as the app names it, its layers' words)
FOUND = {"en": "d2l", "zh": "d2l", "mine": "ReLU + max pooling"}


@pytest.fixture(scope="module")
def coat(tmp_path_factory):
    """A Fashion-MNIST test image drawn large on a white page, as a learner would open it."""
    from helpers.drawing import redraw

    sample = shipped_sample(FASHION_MNIST)
    path = tmp_path_factory.mktemp("pictures") / "coat.png"
    redraw(sample.images[11].numpy(), size=260).save(path)
    return path


def _notebook_probabilities(net: torch.nn.Module, rows: list) -> np.ndarray:
    x = torch.tensor(rows, dtype=torch.float32).reshape(1, 1, 28, 28)
    with torch.no_grad():
        return torch.softmax(net(x), dim=1)[0].numpy()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("name", NAMES)
def test_predict_with_no_option_gives_the_notebooks_probabilities(
    notebook_files, coat, capsys, name, kind
):
    net, paths = notebook_files[name]
    assert cli(["predict", "--model", str(paths[kind]), str(coat), "--json", "--show-input"]) == 0
    out, err = capsys.readouterr()
    answer = json.loads(out.splitlines()[-1])
    shown = np.array(list(answer["probabilities"].values()))
    np.testing.assert_allclose(shown, _notebook_probabilities(net, answer["input"]), atol=1e-4)
    model = answer["model"]
    assert model["dataset"] == "fashion-mnist" and model["scale"] == "unit"
    assert (model["mean"], model["std"]) == (0.0, 1.0)  # ToTensor's input
    assert model["found"]["images"] == 500 and model["found"]["accuracy"] > 0.35
    if FOUND[name] == "d2l":
        assert model["architecture"] == "d2l"
    else:
        assert FOUND[name] in err  # said what was found: ReLU + max pooling
    if kind == "checkpoint":
        assert "ignored: epoch, optimizer_state_dict, loss" in err


@pytest.mark.parametrize("name", NAMES)
def test_import_with_no_option_records_what_was_found(notebook_files, tmp_path, name):
    net, paths = notebook_files[name]
    out = tmp_path / "M.safetensors"
    assert cli(["import", str(paths["params"]), "--out", str(out)]) == 0
    bundle = load_model(out)
    assert bundle.dataset.name == "fashion-mnist"
    assert (bundle.dataset.mean, bundle.dataset.std) == (0.0, 1.0)
    assert bundle.training["scale"] == "unit" and bundle.training["dataset"] == "fashion-mnist"
    kinds = [layer.type for layer in bundle.spec.layers]
    expected = ("sigmoid", "avgpool") if FOUND[name] == "d2l" else ("relu", "maxpool")
    assert set(expected) <= set(kinds) and not {"tanh", "leakyrelu"} & set(kinds)


@pytest.mark.parametrize("name", NAMES)
def test_export_loads_strictly_into_the_network_it_came_from(notebook_files, tmp_path, name):
    net, paths = notebook_files[name]
    style = "d2l-class" if name == "en" else "sequential"
    exported = tmp_path / "back.params"
    assert cli(["export", str(paths["params"]), "--keys", style, "--out", str(exported)]) == 0
    state = torch.load(exported, weights_only=True)
    if name == "en":  # the English book's class, its lazy layers as d2l.LeNet() has them
        again = EnglishLeNet()
        again.load_state_dict(state, strict=True)
    elif name == "zh":
        again = book_lenet()
        again.load_state_dict(state, strict=True)
    else:  # a class of its own names: through the code `code` prints for the style
        done = subprocess.run(
            [sys.executable, "-m", "lenet_desktop", "code", str(paths["params"]), "--style",
             style, "--weights", str(exported)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        scope: dict = {}
        exec(done.stdout, scope)  # it loads the weights itself, strictly
        again = scope["net"]
    x = shipped_sample(FASHION_MNIST).images[:8].unsqueeze(1).float() / 255.0
    with torch.no_grad():
        np.testing.assert_allclose(again.eval()(x).numpy(), net(x).numpy(), atol=1e-5)


def test_code_in_the_english_books_style_is_its_class(notebook_files, capsys):
    _net, paths = notebook_files["en"]
    assert cli(["code", str(paths["params"]), "--style", "d2l-class"]) == 0
    code = capsys.readouterr().out
    assert "class LeNet(Base):" in code and "self.net = nn.Sequential(" in code
    scope: dict = {}
    exec(code, scope)
    keys = list(scope["net"].state_dict())
    assert keys[:2] == ["net.0.weight", "net.0.bias"]
    assert keys == list(EnglishLeNet().state_dict()) or len(keys) == 10


def test_keys_in_any_order_and_with_any_prefix_are_read_in_the_networks_order(tmp_path):
    from safetensors.torch import save_file

    net = book_lenet()
    state = net.state_dict()
    save_file({k: v.contiguous() for k, v in state.items()}, str(tmp_path / "s.safetensors"))
    read = read_weights(tmp_path / "s.safetensors")  # stored sorted as text: 0, 11, 3, 7, 9
    assert [k.split(".")[0] for k in read.state][::2] == ["0", "3", "7", "9", "11"]
    wrapped = {f"module.net.{k}": v for k, v in state.items()}  # DataParallel around d2l's class
    torch.save(wrapped, tmp_path / "dp.params")
    read = read_weights(tmp_path / "dp.params")
    assert read.prefix == "module.net." and list(read.state) == list(state)
    for holder in ("state_dict", "model_state_dict", "model", "net"):
        torch.save({holder: state, "epoch": 2, "optimizer": {"lr": 0.1}}, tmp_path / "c.pth")
        read = read_weights(tmp_path / "c.pth")
        assert list(read.state) == list(state) and read.ignored == ("epoch", "optimizer")


def test_a_whole_pickled_network_is_refused_in_one_line_of_the_apps_words(tmp_path, capsys):
    torch.save(MyLeNet(), tmp_path / "whole.pt")
    picture = tmp_path / "x.png"
    Image.new("L", (40, 40), 255).save(picture)
    assert cli(["predict", "--model", str(tmp_path / "whole.pt"), str(picture)]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "whole network object" in err
    assert "torch.save(net.state_dict(), 'lenet.params')" in err
    for leak in ("weights_only", "\x1b", "Re-running", "UserWarning", "Traceback"):
        assert leak not in err


def test_untrained_weights_are_never_picked_silently(tmp_path, capsys):
    torch.manual_seed(5)
    torch.save(book_lenet().state_dict(), tmp_path / "fresh.params")
    finding = find(tmp_path / "fresh.params")
    assert finding.verdict == "untrained"
    assert cli(["import", str(tmp_path / "fresh.params"), "--out", str(tmp_path / "m.st")]) == 1
    err = capsys.readouterr().err
    assert "look untrained" in err and "% of 500 test images" in err


def test_two_networks_reading_alike_are_asked_about(fashion_dir, tmp_path, capsys):
    """tanh + average pooling against tanh + max pooling: neither is the book's, and a tanh
    network trained a few hundred steps reads about as well with either."""
    from helpers.notebook_nets import tanh_lenet, train

    from lenet_desktop.data.datasets import load_split

    split = load_split(fashion_dir, FASHION_MNIST, "train")
    torch.manual_seed(7)
    tanh = train(tanh_lenet(), split.images, split.labels, 200,
                 lambda p: torch.optim.SGD(p, lr=0.1), batch=64)  # fmt: skip
    torch.save(tanh.state_dict(), tmp_path / "tanh.params")
    finding = find(tmp_path / "tanh.params")
    assert finding.verdict == "ambiguous" and len(finding.close) >= 2
    assert cli(["import", str(tmp_path / "tanh.params"), "--out", str(tmp_path / "m.st")]) == 1
    err = capsys.readouterr().err
    assert "choose one with --arch, --dataset and --scale" in err
    assert err.count("% of 500 test images") >= 2
