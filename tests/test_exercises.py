"""Exercises that teach: recipes (Quick and Book, options beside them still apply), runs that
explain themselves (diverged, at chance, overfitting), runs named by what changed, the time
estimate, and the exercise sheet filled from kept runs. Real training on slices of the MNIST
subset; the command line as a learner types it."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict, replace

import pytest

from lenet_desktop.cli import main, parse_arguments
from lenet_desktop.data.datasets import Split
from lenet_desktop.specs.presets import preset_spec
from lenet_desktop.training.config import BOOK_SETTINGS, TrainConfig
from lenet_desktop.training.estimate import (
    Rates,
    dataset_sizes,
    estimate_seconds,
    images_per_epoch,
    measure_rates,
)
from lenet_desktop.training.exercises import (
    EXERCISES,
    exercise,
    findings,
    sheet_csv,
    sheet_markdown,
    summary,
)
from lenet_desktop.training.loop import TrainingFailed, train
from lenet_desktop.training.naming import run_name, unique
from lenet_desktop.training.recipes import QUICK_BY_FAMILY, family, recipe_settings
from lenet_desktop.training.runs import RunStore


def _slice(split: Split, n: int) -> Split:
    return Split(split.images[:n], split.labels[:n])


# -- recipes --------------------------------------------------------------------------------------
def test_every_preset_has_a_quick_recipe_of_its_family():
    from lenet_desktop.options import ARCHITECTURES

    assert {family(a) for a in ARCHITECTURES} == set(QUICK_BY_FAMILY)
    assert (family("d2l"), family("d2l-relu"), family("modern"), family("lenet5")) == (
        "sigmoid", "relu", "normalised", "lenet5",
    )  # fmt: skip
    for preset in ARCHITECTURES:
        config = TrainConfig(dataset="fashion-mnist", **recipe_settings("quick", preset))
        assert config.recipe == "quick" and config.architecture == preset
        assert config.lr == QUICK_BY_FAMILY[family(preset)]["lr"]
    book = TrainConfig(dataset="fashion-mnist", **recipe_settings("book", "d2l-relu"))
    assert (book.architecture, book.optimizer, book.lr, book.epochs) == ("d2l-relu", "sgd", 0.9, 10)


def test_train_recipe_quick_takes_its_settings_and_the_options_beside_it():
    base = ["train", "--dataset", "mnist", "--data", ".", "--out", "x"]
    args = parse_arguments([*base, "--recipe", "quick", "--arch", "d2l-relu"])[1]
    quick = QUICK_BY_FAMILY["relu"]
    assert (args.recipe, args.architecture, args.lr, args.epochs) == (
        "quick", "d2l-relu", quick["lr"], quick["epochs"],
    )  # fmt: skip
    args = parse_arguments([*base, "--recipe", "quick", "--arch", "d2l", "--epochs", "2"])[1]
    assert (args.lr, args.epochs, args.init) == (QUICK_BY_FAMILY["sigmoid"]["lr"], 2, "xavier")
    assert recipe_settings("quick", "d2l", images=60_000)["batch_size"] == 128
    small = parse_arguments([*base, "--recipe", "quick", "--train-images", "5000"])[1]
    assert (small.batch_size, small.train_images) == (64, 5000)
    args = parse_arguments([*base, "--lr", "0.2", "--recipe", "book"])[1]
    assert (args.architecture, args.optimizer, args.lr) == ("d2l", "sgd", 0.2)


def test_a_quick_sigmoid_run_learns_where_the_books_settings_stay_at_chance(mnist_splits):
    """The exercise a learner could not afford: the book's settings for one epoch of a small
    slice stay at chance and say why; the Quick recipe on the same images learns."""
    train_split, test_split = _slice(mnist_splits[0], 3000), _slice(mnist_splits[1], 1000)
    book = TrainConfig(dataset="mnist", **(BOOK_SETTINGS | {"architecture": "d2l-maxpool",
                                                           "epochs": 1}))  # fmt: skip
    slow = train(book, train_split, test_split)
    assert slow.evaluation.accuracy < 0.2
    assert slow.diagnosis is not None and slow.diagnosis.kind == "chance"
    assert "sigmoid networks learn slowly" in slow.diagnosis.text
    assert slow.diagnosis.fix == {"recipe": "quick"}
    # Quick keeps enough steps an epoch for so few images: batches of 32, not 128
    quick = TrainConfig(
        dataset="mnist", **(recipe_settings("quick", "d2l-maxpool", images=3000) | {"epochs": 2})
    )
    assert quick.batch_size == 32
    learned = train(quick, train_split, test_split)
    assert learned.evaluation.accuracy > 0.8, learned.evaluation.accuracy
    assert learned.diagnosis is None
    # the loss is kept per step, so even a short run draws a curve
    assert len(learned.curve) > 2 * 2 and learned.curve[-1][0] == pytest.approx(2.0)


# -- runs that explain themselves ---------------------------------------------------------------
@pytest.mark.parametrize("recipe", ["book", "custom"])
def test_relu_at_the_books_rate_diverges_with_a_hint_and_its_fix(mnist_splits, recipe):
    """The book's recipe (SGD, Xavier) or the defaults (AdamW) at lr 0.9: the run stops at
    the end of the epoch it diverged in, saying why and what rate to try."""
    train_split, test_split = _slice(mnist_splits[0], 2000), _slice(mnist_splits[1], 500)
    settings = recipe_settings(recipe, "d2l-relu") | {"lr": 0.9, "epochs": 3}
    config = TrainConfig(dataset="mnist", **settings)
    with pytest.raises(TrainingFailed) as failed:
        train(config, train_split, test_split)
    diagnosis = failed.value.diagnosis
    assert diagnosis is not None and diagnosis.kind == "diverged"
    assert "ReLU networks want a smaller rate" in str(failed.value)
    assert diagnosis.fix["lr"] < 0.9 and f"try {diagnosis.fix['lr']:g}" in diagnosis.text


def test_train_d2l_relu_at_lr_0_9_exits_non_zero_with_the_hint(small_slice, tmp_path, capsys,
                                                               monkeypatch):  # fmt: skip
    monkeypatch.setenv("LENET_RUNS", str(tmp_path / "runs"))
    out = tmp_path / "relu.safetensors"
    code = main(["train", "--arch", "d2l-relu", "--lr", "0.9", "--dataset", "mnist",
                 "--data", str(small_slice), "--epochs", "2", "--out", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1 and not out.exists()
    assert "training failed:" in err
    # (diverged, or its ReLUs died: which one depends on the trajectory; both are said)
    assert any(word in err for word in ("diverged", "stopped learning", "NaN")), err
    assert "ReLU networks want a smaller rate — try" in err and "Traceback" not in err


def test_an_overfitting_run_says_so():
    from lenet_desktop.training.diagnosis import at_end

    config = TrainConfig(dataset="mnist", augment=False, train_images=500)
    said = at_end(config, [{"epoch": 9, "loss": 0.01, "train_accuracy": 1.0,
                            "test_accuracy": 0.82}])  # fmt: skip
    assert said is not None and said.kind == "overfit" and "100.0 % against 82.0 %" in said.text
    assert said.fix == {"train_images": 0, "augment": True}
    fine = [{"epoch": 9, "loss": 0.1, "train_accuracy": 0.97, "test_accuracy": 0.95}]
    assert at_end(config, fine) is None


# -- names --------------------------------------------------------------------------------------
def test_runs_are_named_by_what_changed():
    d2l = preset_spec("d2l")
    kernel3 = replace(d2l, layers=(replace(d2l.layers[0], kernel=3, padding=1), *d2l.layers[1:]))
    relu = replace(d2l, layers=tuple(replace(x, type="relu") if x.type == "sigmoid" else x
                                     for x in d2l.layers))  # fmt: skip
    book = asdict(TrainConfig.book()) | {"lr": 0.9}
    assert run_name(book, d2l) == "d2l"
    assert run_name(book, kernel3) == "d2l · C1 kernel 3, padding 1"
    assert run_name(book | {"lr": 0.1}, relu) == "d2l · ReLU · lr 0.1"
    quick = asdict(TrainConfig(dataset="mnist", **recipe_settings("quick", "d2l-maxpool")))
    assert run_name(quick, preset_spec("d2l-maxpool")) == "d2l-maxpool · Quick"
    assert run_name(quick | {"epochs": 2}, preset_spec("d2l-maxpool")) == (
        "d2l-maxpool · Quick · 2 epochs"
    )
    deeper = preset_spec("d2l-deeper")
    assert run_name(book, replace(deeper, name="d2l")) == "d2l · +1 conv"
    assert unique("d2l", {"d2l", "d2l (2)"}) == "d2l (3)"


def test_a_kept_run_takes_its_name_and_the_learner_can_rename_it(mnist_splits, tmp_path):
    train_split, test_split = _slice(mnist_splits[0], 600), _slice(mnist_splits[1], 200)
    store = RunStore(tmp_path)
    config = TrainConfig(dataset="mnist", architecture="d2l", epochs=1, lr=0.02)
    first = store.save(train(config, train_split, test_split))
    second = store.save(train(config, train_split, test_split))
    assert first.name == "d2l · lr 0.02 · 1 epoch" and second.name == first.name + " (2)"
    assert len(first.curve) >= 2 and store.get(first.id).curve == first.curve
    assert store.rename(second.id, "my second try").name == "my second try"


# -- the time estimate ----------------------------------------------------------------------------
def test_the_estimate_follows_the_options_and_measures_the_network(mnist_dir):
    from lenet_desktop.data.datasets import MNIST

    assert dataset_sizes(mnist_dir, MNIST) == (8000, 2000)
    assert dataset_sizes(mnist_dir / "nowhere", MNIST) is None
    config = TrainConfig(dataset="mnist", epochs=4, batch_size=100, holdout=0.05)
    assert images_per_epoch(config, 8000) == 7600
    rates = Rates(train=1000.0, evaluate=4000.0)
    seconds = estimate_seconds(config, 8000, 2000, rates)
    assert seconds == pytest.approx(1.5 + 4 * (7.6 + 0.5))
    longer = replace(config, epochs=8)
    assert estimate_seconds(longer, 8000, 2000, rates) > 1.9 * seconds
    measured = measure_rates(TrainConfig(dataset="mnist", architecture="d2l"), seconds=0.05)
    assert measured.train > 100 and measured.evaluate > measured.train


# -- the exercise sheet ---------------------------------------------------------------------------
def test_the_sheet_is_filled_from_the_runs_and_exports(mnist_splits, tmp_path):
    train_split, test_split = _slice(mnist_splits[0], 600), _slice(mnist_splits[1], 200)
    store = RunStore(tmp_path)
    item = replace(exercise("pooling"), dataset="mnist")
    assert summary(findings(item, [])) == "not trained yet"
    for preset in item.presets:
        config = TrainConfig(dataset="mnist", **(recipe_settings("quick", preset) | {"epochs": 1}))
        store.save(train(config, train_split, test_split))
    found = findings(item, store.runs(), "quick")
    assert [f.run.architecture for f in found] == ["d2l", "d2l-maxpool"]
    line = summary(found)
    assert line.startswith("avg pool ") and " · max pool " in line and line.endswith("1 epoch each")
    markdown = sheet_markdown(store.runs(), "quick")
    assert markdown.startswith("# LeNet exercises") and all(e.title in markdown for e in EXERCISES)
    rows = list(csv.DictReader(sheet_csv(store.runs(), "quick").splitlines()))
    assert {r["exercise"] for r in rows} >= {"Replace average pooling with max pooling"}
    json.dumps(rows)  # plain values only


@pytest.fixture
def small_slice(tmp_path_factory, mnist_dir):
    from helpers.drawing import write_idx_slice

    folder = tmp_path_factory.mktemp("slice")
    write_idx_slice(mnist_dir, folder, train=2000, test=500)
    return folder
