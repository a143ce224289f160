"""Kept runs: a finished run is saved whole (record and weights), listed across restarts of the
store, renamed, compared as a table, deleted; a damaged folder or an interrupted save never
leaves a half-written run."""

from __future__ import annotations

import csv
import io
import json

import pytest

from lenet_desktop.data.datasets import Split
from lenet_desktop.training.loop import TrainConfig, train
from lenet_desktop.training.run_record import comparison_csv
from lenet_desktop.training.runs import RunError, RunStore


@pytest.fixture(scope="module")
def short_result(mnist_splits):
    train_split, test_split = mnist_splits
    return train(
        TrainConfig(dataset="mnist", epochs=2, seed=0, augment=False),
        Split(train_split.images[:1024], train_split.labels[:1024]),
        Split(test_split.images[:300], test_split.labels[:300]),
    )


def test_a_run_is_kept_whole_and_listed_by_a_new_store(tmp_path, short_result):
    run = RunStore(tmp_path).save(short_result)
    again = RunStore(tmp_path).runs()  # as after a restart
    assert [r.id for r in again] == [run.id]
    kept = again[0]
    assert kept.epochs == 2 and kept.dataset == "mnist" and kept.architecture == "modern"
    assert kept.accuracy == pytest.approx(short_result.evaluation.accuracy)
    assert [h["test_accuracy"] for h in kept.history] == [
        h["test_accuracy"] for h in short_result.history
    ]
    assert sum(map(sum, kept.confusion)) == 300
    assert kept.parameters == sum(p.numel() for p in short_result.bundle.network.parameters())
    assert kept.config["epochs"] == 2 and kept.seconds > 0
    model = RunStore(tmp_path).load_model(run.id)
    assert model.architecture == "modern"
    record = json.loads((kept.folder / "run.json").read_text())
    assert record["name"] == kept.name


def test_renaming_deleting_and_the_comparison_table(tmp_path, short_result):
    store = RunStore(tmp_path)
    first, second = store.save(short_result), store.save(short_result)
    assert first.id != second.id
    store.rename(second.id, "  my   ReLU try ")
    assert store.get(second.id).name == "my ReLU try"
    with pytest.raises(RunError):
        store.rename(first.id, "   ")
    rows = list(csv.DictReader(io.StringIO(comparison_csv(store.runs()))))
    assert [r["name"] for r in rows][1] == "my ReLU try"
    assert float(rows[0]["test_accuracy"]) == round(first.accuracy, 4)
    store.delete(first.id)
    assert [r.id for r in store.runs()] == [second.id]
    with pytest.raises(RunError, match="no such run"):
        store.delete(first.id)


def test_damaged_and_foreign_folders_are_passed_over(tmp_path, short_result):
    store = RunStore(tmp_path)
    run = store.save(short_result)
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "run.json").write_text("{not json")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "run.json").write_text('{"format": "something else"}')
    (tmp_path / "loose-file.txt").write_text("hello")
    assert [r.id for r in store.runs()] == [run.id]
    with pytest.raises(RunError, match="junk"):
        store.get("junk")


def test_an_interrupted_save_leaves_nothing(tmp_path, short_result, monkeypatch):
    import lenet_desktop.files.model_files as model_files

    def broken(bundle, path):
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model_files, "save_model", broken)
    with pytest.raises(RunError, match="No space left"):
        RunStore(tmp_path).save(short_result)
    assert list(tmp_path.iterdir()) == []


def test_the_runs_command_lists_them(short_result, kept_runs, capsys):
    from lenet_desktop.cli import main

    assert main(["runs"]) == 0
    assert "no runs kept yet" in capsys.readouterr().out
    RunStore().save(short_result, name="first try")
    assert main(["runs"]) == 0
    out = capsys.readouterr().out
    assert "first try" in out and "modern" in out and "%" in out
    assert main(["runs", "--json"]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["name"] == "first try" and row["epochs"] == 2
    assert main(["runs", "--csv"]) == 0
    assert capsys.readouterr().out.startswith("name,dataset,architecture")
