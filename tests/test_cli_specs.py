"""Specs on the command line: `info` of a preset or a TOML file, broken specs in one line with
exit status 2, and a learner's own network trained, saved and read back by `info` and
`predict`."""

from __future__ import annotations

import json

import pytest
from helpers.drawing import redraw, write_idx_slice
from test_specs import MY_SPEC

from lenet_desktop.cli import main
from lenet_desktop.files.model_files import load_model


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def info(capsys, target) -> dict:
    code, out, err = run(capsys, "info", target, "--json")
    assert code == 0, err
    return json.loads(out)


def shapes(report: dict) -> list[str]:
    return [
        "×".join(map(str, row["output_shape"]))
        for row in report["layers"]
        if row["kind"] in ("conv", "pool", "flatten", "linear")
    ]


def test_info_of_the_notes_variants(capsys):
    report = info(capsys, "notes-maxpool")
    assert shapes(report) == ["6×24×24", "6×12×12", "16×8×8", "16×4×4", "256", "120", "84", "10"]
    assert report["total_parameters"] == 44426
    assert report["title"].startswith("Notes variant")
    report = info(capsys, "notes-padding")
    assert shapes(report) == ["6×28×28", "6×14×14", "16×12×12", "16×7×7", "784", "120", "10"]
    assert report["total_parameters"] == 97982


def test_info_of_a_hand_written_spec_and_back_to_toml(capsys, tmp_path):
    spec = tmp_path / "my.toml"
    spec.write_text(MY_SPEC)
    report = info(capsys, spec)
    assert report["architecture"] == "my-net" and report["title"] == "My ReLU LeNet"
    assert shapes(report) == ["8×28×28", "8×14×14", "16×10×10", "16×5×5", "400", "64", "10"]
    assert report["total_parameters"] == 29642
    c3 = next(row for row in report["layers"] if row["name"] == "C3")
    assert c3["formula"] == "(14 − 5 + 0 + 1) / 1 = 10" and c3["parameters"] == 3216
    code, out, _ = run(capsys, "info", "d2l-relu", "--toml")
    assert code == 0 and 'type = "relu"' in out
    again = tmp_path / "d2l-relu.toml"
    again.write_text(out)
    assert info(capsys, again)["layers"] == info(capsys, "d2l-relu")["layers"]


@pytest.mark.parametrize(
    "change, words",
    [
        (("kernel = 5", "kernel = 15"), "layer 4 (C3, conv): the 15×15 kernel is larger"),
        (("features = 10", "features = 7"), "layer 12 (output, linear): the last layer"),
        (('type = "tanh"', 'type = "swish"'), "layer 11: unknown type 'swish'"),
        (("channels = 8", "channels = -8"), "layer 1 (conv): channels must be a whole number"),
        (("channels = 8", "channels = 8\nchanels = 3"), "layer 1 (conv): unknown key 'chanels'"),
        (('type = "relu"', "type = "), "not valid TOML"),
    ],
)
def test_a_broken_spec_is_one_line_with_exit_status_2(capsys, tmp_path, change, words):
    spec = tmp_path / "broken.toml"
    spec.write_text(MY_SPEC.replace(*change, 1))
    for argv in (
        ["info", spec],
        ["train", "--dataset", "mnist", "--data", tmp_path, "--arch", spec, "--out", "x"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert err.count("\n") == 1 and str(spec) in err and words in err, err


def test_an_unknown_architecture_and_a_binary_file(capsys, tmp_path):
    code, _, err = run(capsys, "train", "--dataset", "mnist", "--data", ".", "--arch", "lenet9",
                       "--out", "x")  # fmt: skip
    assert code == 2 and "lenet9: no such architecture (presets: modern, d2l" in err
    binary = tmp_path / "weights.toml"
    binary.write_bytes(bytes(range(256)))
    code, _, err = run(capsys, "info", binary)
    assert code == 2 and "weights.toml: not a text file" in err


def test_a_custom_spec_trained_saved_and_read_back_shows_the_same_table(
    capsys, tmp_path, mnist_dir, mnist_splits
):
    data = tmp_path / "slice"
    write_idx_slice(mnist_dir, data, train=1024, test=200)
    spec = tmp_path / "my.toml"
    spec.write_text(MY_SPEC)
    model = tmp_path / "mine.safetensors"
    code, out, err = run(
        capsys, "train", "--dataset", "mnist", "--data", data, "--arch", spec,
        "--epochs", "1", "--json", "--out", model,
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out.splitlines()[-1])["saved"] == str(model)
    loaded = load_model(model)
    assert loaded.architecture == "my-net"
    from_file, from_spec = info(capsys, model), info(capsys, spec)
    assert from_file["layers"] == from_spec["layers"]
    assert from_file["total_parameters"] == from_spec["total_parameters"] == 29642
    assert from_file["architecture"] == "my-net" and from_file["title"] == "My ReLU LeNet"
    spec.unlink()  # the model file needs no spec file and no code
    image = tmp_path / "digit.png"
    redraw(mnist_splits[1].images[0].numpy()).save(image)
    code, out, err = run(capsys, "predict", "--model", model, "--json", image)
    assert code == 0, err
    answer = json.loads(out)
    assert answer["label"] in [str(d) for d in range(10)]
    assert 0.0 <= answer["confidence"] <= 1.0
