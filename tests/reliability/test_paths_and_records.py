"""Paths from data are confined and every record is validated (issue 24, cases 1–4 and 7):
a shared spec named like a path writes nothing outside the specs folder; runs are addressed by
the folder they were found in; a damaged run record is listed as damaged and never stops the
window, the Runs tab or `runs`; a runs folder that cannot be written is said; what an
interrupted save left is cleaned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.hostile import run_record, write_run

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import save_model
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.paths.places import PathError, inside, slug
from lenet_desktop.training.run_record import MODEL, RECORD
from lenet_desktop.training.runs import RunStore

SPEC = """name = "{name}"
[[layers]]
type = "conv"
channels = 6
kernel = 5
[[layers]]
type = "relu"
[[layers]]
type = "flatten"
[[layers]]
type = "linear"
features = 10
"""


# -- names from data are confined ------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../victim", "a/b", "x" * 300, "..", ".hidden"])
def test_a_spec_named_like_a_path_is_refused_and_train_this_writes_only_in_the_specs_folder(
    window, tmp_path, kept_runs, name
):
    victim = tmp_path / "victim.toml"
    victim.write_text("# the learner's own file\n")
    shared = tmp_path / "shared" / "deep" / "spec.toml"
    shared.parent.mkdir(parents=True)
    shared.write_text(SPEC.format(name=name))
    editor = window.editor
    assert not editor.open(shared)  # refused, in words
    assert "is not a plain name" in editor.message.text()
    path = editor.train_this()
    specs = kept_runs.parent / "specs"
    assert path is not None and Path(path).resolve().parent == specs.resolve()
    assert victim.read_text() == "# the learner's own file\n"
    editor.name = name  # even a name that got in some other way never leaves the folder
    path = editor.train_this()
    assert path is not None and Path(path).resolve().parent == specs.resolve()


def test_inside_refuses_every_way_out(tmp_path):
    for name in ("../x", "/etc/passwd", "a/../../b", "..", "", ".x"):
        with pytest.raises(PathError):
            inside(tmp_path, name)
    (tmp_path / "link").symlink_to(tmp_path.parent)
    with pytest.raises(PathError):
        inside(tmp_path, "link")
    assert inside(tmp_path, "fine-name.toml") == tmp_path.resolve() / "fine-name.toml"
    assert slug("../../victim") == "victim" and slug("My LeNet") == "My-LeNet"


def test_a_record_whose_id_leads_out_deletes_only_its_own_folder(tmp_path):
    root = tmp_path / "runs"
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine")
    write_run(root, "copied-run", id="../victim")
    store = RunStore(root)
    [run] = store.runs()
    assert run.id == "copied-run"  # addressed by the folder it was found in
    store.delete(run.id)
    assert not (root / "copied-run").exists()
    assert (victim / "keep.txt").read_text() == "mine"
    for bad in ("../victim", "..", "/tmp"):
        with pytest.raises(Exception, match="not a run"):
            store.delete(bad)


def test_a_renamed_run_folder_opens_its_model(tmp_path):
    root = tmp_path / "runs"
    folder = write_run(root, "first")
    save_model(new_model("modern", MNIST), folder / MODEL)
    os.rename(folder, root / "renamed")
    store = RunStore(root)
    [run] = store.runs()
    assert run.id == "renamed"
    assert store.load_model(run.id).architecture == "modern"


# -- every record read is validated ----------------------------------------------------------

DAMAGED = {
    "huge-number": '{"format": "lenet-desktop-run/1", "parameters": 1e999}',
    "deep": "[" * 100_000 + "]" * 100_000,
    "history-strings": None,
    "history-without-loss": None,
    "ragged-confusion": None,
    "not-json": "{",
    "nan": None,
}


def _damaged(root: Path) -> None:
    for name, text in DAMAGED.items():
        if text is not None:
            write_run(root, name, text)
    write_run(root, "history-strings", history=["a", "b"])
    write_run(root, "history-without-loss", history=[{"epoch": 1, "train_accuracy": 0.5}])
    write_run(root, "ragged-confusion", confusion=[[1, 2], [3]])
    (root / "nan").mkdir()
    nan = json.dumps(run_record()).replace('"loss": 0.5', '"loss": NaN')
    (root / "nan" / RECORD).write_text(nan)
    write_run(root, "fine")
    odd = os.fsencode(str(root)) + b"/caf\xe9-run"  # a folder name that is not UTF-8
    os.mkdir(odd)
    with open(odd + b"/" + RECORD.encode(), "w") as out:
        out.write(json.dumps(run_record()))


def test_damaged_records_are_listed_as_damaged(tmp_path):
    root = tmp_path / "runs"
    root.mkdir()
    _damaged(root)
    runs, damaged = RunStore(root).scan()
    assert sorted(r.id for r in runs if r.id.isascii()) == ["fine"]
    assert len(runs) == 2  # and the folder whose name is not UTF-8
    assert {d.id for d in damaged} == set(DAMAGED)
    assert all(d.reason for d in damaged)


def test_runs_json_exits_0_and_lists_the_damaged_ones(tmp_path):
    root = tmp_path / "runs"
    root.mkdir()
    _damaged(root)
    env = dict(os.environ, LENET_RUNS=str(root), PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "lenet_desktop", "runs", "--json"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {r["id"] for r in rows if r["damaged"]} == set(DAMAGED)
    assert "caf\ufffd-run" in {r["id"] for r in rows if not r["damaged"]}
    assert "Traceback" not in done.stderr


def test_the_runs_tab_lists_damaged_runs_and_deletes_them(window, kept_runs):
    _damaged(kept_runs)
    view = window.training.runs_view
    view.refresh()
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert sum("(damaged)" in n for n in names) == len(DAMAGED)
    view.delete(list(DAMAGED))
    assert not any((kept_runs / name).exists() for name in DAMAGED)
    assert (kept_runs / "fine").exists()


# -- a failed keep is said; what an interrupted save left is cleaned ---------------------------


def test_train_writes_its_model_when_the_runs_folder_is_a_file(tmp_path, mnist_dir):
    in_place = tmp_path / "runs-is-a-file"
    in_place.write_text("not a folder")
    out = tmp_path / "model.safetensors"
    env = dict(os.environ, LENET_RUNS=str(in_place))
    done = subprocess.run(
        [sys.executable, "-m", "lenet_desktop", "train", "--dataset", "mnist", "--data",
         str(mnist_dir), "--epochs", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=600, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.is_file()
    warnings = [line for line in done.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "not kept" in warnings[0]
    assert "Traceback" not in done.stderr


def test_what_an_interrupted_save_left_is_cleaned(tmp_path):
    root = tmp_path / "runs"
    write_run(root, "fine")
    old_run = root / ".20261201-modern-mnist.abc"
    old_run.mkdir()
    old_part = root / "fine" / ".run.json.xyz.part"
    old_part.write_text("half")
    fresh = root / ".being-saved-now.def"
    fresh.mkdir()
    past = time.time() - 3600
    for path in (old_run, old_part):
        os.utime(path, (past, past))
    assert RunStore(root).clean() == 2
    assert not old_run.exists() and not old_part.exists()
    assert fresh.exists() and (root / "fine" / RECORD).exists()
