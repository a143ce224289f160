"""The training session and its one job (issue 38): a run's state, every epoch kept in the run's
folder, stepping through them in the main view's session, and the command line reading the same
epochs — all without Qt."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from helpers.drawing import write_idx_slice

from lenet_desktop.cli import main
from lenet_desktop.files.model_files import load_model
from lenet_desktop.session import Input, Session
from lenet_desktop.training.config import TrainConfig
from lenet_desktop.training.job import Reports, run_training
from lenet_desktop.training.runs import RunStore
from lenet_desktop.training.session import RunState, TrainingSession

PACKAGE = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def digits(tmp_path_factory, mnist_dir):
    folder = tmp_path_factory.mktemp("digits")
    write_idx_slice(mnist_dir, folder, train=1024, test=300)
    return folder


def quick(epochs: int = 3) -> TrainConfig:
    return TrainConfig(dataset="mnist", architecture="modern", epochs=epochs, seed=0)


def seven(mnist_dir) -> np.ndarray:
    from lenet_desktop.data.datasets import dataset_info, load_split

    test = load_split(mnist_dir, dataset_info("mnist"), "test")
    index = int((test.labels == 7).nonzero()[0][0])
    return 255 - test.images[index].numpy()  # as drawn: dark ink on white


def _calls_the_loop(tree: ast.AST) -> bool:
    """``from lenet_desktop.training.loop import train`` or ``loop.train(…)``."""
    for node in ast.walk(tree):
        loop = isinstance(node, ast.ImportFrom) and node.module == "lenet_desktop.training.loop"
        if loop and any(alias.name == "train" for alias in node.names):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if node.func.attr == "train" and isinstance(owner, ast.Name) and owner.id == "loop":
                return True
    return False


def test_run_training_is_the_only_caller_of_the_training_loop():
    """The command line, the window's worker and the benchmarks all go through the job."""
    callers = [
        path.relative_to(PACKAGE).as_posix()
        for folder in ("lenet_desktop", "benchmarks", "docs", "packaging")
        for path in sorted((PACKAGE / folder).rglob("*.py"))
        if _calls_the_loop(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert callers == ["lenet_desktop/training/job.py"]
    worker = (PACKAGE / "lenet_desktop/ui/training/worker.py").read_text(encoding="utf-8")
    session = (PACKAGE / "lenet_desktop/training/session.py").read_text(encoding="utf-8")
    cli = (PACKAGE / "lenet_desktop/cli/commands_training.py").read_text(encoding="utf-8")
    assert "job.run(" in worker and "run_training(" in session and "run_training(" in cli


def test_no_widget_writes_a_run_and_the_session_imports_no_qt():
    for path in (PACKAGE / "lenet_desktop/ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for writes in (".save(result", "store.save(", ".begin()", "RunStore("):
            assert writes not in text, (path, writes)
    for module in ("session", "job", "runs"):
        tree = ast.parse((PACKAGE / f"lenet_desktop/training/{module}.py").read_text())
        imported = {
            node.module.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        } | {
            a.name.split(".")[0]
            for n in ast.walk(tree)
            if isinstance(n, ast.Import)
            for a in n.names
        }
        assert not imported & {"PySide6", "pyqtgraph"}


def test_a_run_keeps_every_epoch_from_the_first_weights(digits, tmp_path):
    store = RunStore(tmp_path / "runs")
    seen = []
    outcome = run_training(
        quick(3), str(digits), store=store, reports=Reports(epoch=lambda b, k: seen.append(k))
    )
    run = outcome.run
    assert run is not None and outcome.keep_error is None
    assert seen == [0, 1, 2, 3] and run.epochs_kept == 4
    files = sorted(p.name for p in (run.folder / "epochs").iterdir())
    assert files == [f"epoch-{k:03d}.safetensors" for k in range(4)]
    # epoch 3's weights are the trained model's (which then gets its temperature)
    last = load_model(run.epoch_path(3)).network.state_dict()
    final = outcome.result.bundle.network.state_dict()
    assert all(np.array_equal(last[k].numpy(), final[k].numpy()) for k in final)
    first = load_model(run.epoch_path(0)).network.state_dict()
    assert not np.array_equal(first["C1.weight"].numpy(), final["C1.weight"].numpy())
    # nothing hidden is left behind
    assert [p.name for p in store.root.iterdir()] == [run.id]


def test_a_cancelled_or_failed_run_leaves_nothing(digits, tmp_path):
    from lenet_desktop.training.loop import TrainingCancelled

    store = RunStore(tmp_path / "runs")
    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 5  # a few steps in

    with pytest.raises(TrainingCancelled):
        run_training(quick(3), str(digits), store=store, reports=Reports(should_stop=stop))
    assert list(store.root.iterdir()) == []


def test_the_session_knows_what_a_run_is(digits, tmp_path, mnist_dir):
    session = Session()
    session.use_bundle(load_model("mnist"))
    mine = session.predictor
    training = TrainingSession(session, RunStore(tmp_path / "runs"))
    states = []
    training.state_changed.connect(states.append)
    assert training.run(quick(2), str(digits)) is RunState.FINISHED
    assert states == [RunState.PREPARING, RunState.TRAINING, RunState.FINISHED]
    assert [p.epoch for p in training.epochs] == [1, 2]
    assert session.predictor is mine  # live view gave the learner's model back
    run = training.outcome.run
    assert [r.id for r in training.runs] == [run.id]

    session.show(Input("drawing", seven(mnist_dir)))
    shown = []
    training.epoch_shown.connect(lambda r, k: shown.append(k))
    for epoch in (0, 1, 2):
        training.show_epoch(run, epoch)
        live = session.model.training["live"]
        assert (live["epoch"], live["epochs"], live["run"]) == (epoch, 2, run.name)
    assert shown == [0, 1, 2]
    training.leave_epochs()
    assert session.predictor is mine and shown[-1] is None
    # a model chosen while stepping stays: stepping ends there
    training.show_epoch(run, 1)
    other = load_model("fashion-mnist")
    session.use_bundle(other)
    assert training.shown is None and session.model is other
    training.leave_epochs()
    assert session.model is other


def test_a_kernels_history_is_every_epochs_kernel(digits, tmp_path):
    session = Session()
    session.use_bundle(load_model("mnist"))
    training = TrainingSession(session, RunStore(tmp_path / "runs"))
    training.run(quick(2), str(digits))
    run = training.outcome.run
    assert training.kernel_history("C1", 0, 0) is None  # not stepping
    training.show_epoch(run, 1)
    history = training.kernel_history("C1", 3, 0)
    assert [epoch for epoch, _ in history] == [0, 1, 2]
    stored = load_model(run.epoch_path(2)).network.state_dict()["C1.weight"].numpy()
    assert np.allclose(history[2][1], stored[3, 0])


def test_predict_epoch_k_reads_the_runs_epochs(digits, tmp_path, capsys, mnist_dir):
    from PIL import Image

    Image.fromarray(seven(mnist_dir)).save(tmp_path / "seven.png")
    out = tmp_path / "m.safetensors"
    args = ["train", "--dataset", "mnist", "--data", digits, "--epochs", "2", "--out", out]
    assert main([str(a) for a in args] + ["--json"]) == 0
    record = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert record["epochs_kept"] == 3
    assert main(["runs", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert listed["id"] == record["run"] and listed["epochs_kept"] == 3
    answers = []
    for epoch in (0, 1, 2):
        argv = ["predict", "--model", record["run"], "--epoch", str(epoch), "--json"]
        assert main(argv + [str(tmp_path / "seven.png")]) == 0
        answers.append(json.loads(capsys.readouterr().out)["probabilities"])
    assert answers[0] != answers[2]
    # the folder works as well as the id; an epoch not kept, or no run, is one clear line
    folder = Path(listed["folder"])
    assert (
        main(["predict", "--model", str(folder), "--epoch", "2", str(tmp_path / "seven.png")]) == 0
    )
    capsys.readouterr()
    assert (
        main(["predict", "--model", record["run"], "--epoch", "3", str(tmp_path / "seven.png")])
        == 1
    )
    assert "no epoch 3 (epochs 0–2 are kept)" in capsys.readouterr().err
    assert main(["predict", "--model", "mnist", "--epoch", "1", str(tmp_path / "seven.png")]) == 1
    assert "--epoch needs a kept run" in capsys.readouterr().err
    assert main(["predict", "--model", "../etc", "--epoch", "1", str(tmp_path / "seven.png")]) == 1


def test_damaged_or_linked_epochs_are_refused_in_words(digits, tmp_path):
    from lenet_desktop.files.model_files import ModelFileError
    from lenet_desktop.training.runs import RunError

    session = Session()
    session.use_bundle(load_model("mnist"))
    mine = session.predictor
    training = TrainingSession(session, RunStore(tmp_path / "runs"))
    training.run(quick(2), str(digits))
    run = training.outcome.run
    run.epoch_path(1).write_bytes(b"not a model")
    with pytest.raises(ModelFileError):
        training.show_epoch(run, 1)
    assert session.predictor is mine and training.shown is None
    with pytest.raises(RunError, match="no epoch 7"):
        training.show_epoch(run, 7)
    # an epochs folder that is a link elsewhere is not the run's: nothing to step through
    elsewhere = tmp_path / "elsewhere"
    (run.folder / "epochs").rename(elsewhere)
    (run.folder / "epochs").symlink_to(elsewhere)
    assert run.epochs_kept == 0
    with pytest.raises(RunError, match="kept no epochs"):
        training.store.load_epoch(run.id, 0)
