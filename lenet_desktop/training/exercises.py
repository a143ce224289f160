"""The LeNet chapter's exercises (D2L 7.6) and the study notes' two variants, as the app holds
them: what to train (presets, dataset, recipe), what to look at, and the learner's results
filled in from their kept runs — "avg pool 78.1 % · max pool 84.9 %, 10 epochs each" — with
the whole sheet exportable as Markdown or CSV for a homework write-up.

English, marked for translation in context ``"exercises"``. Plain Python: no torch, no Qt.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.training.run_record import Run

CONTEXT = "exercises"


@dataclass(frozen=True)
class Exercise:
    """``presets`` are trained on ``dataset``, each one labelled in the results by the same
    place in ``labels``; an exercise with no presets is one to look at, not to train
    (``look`` says how). Its *Set Up* opens the shipped ``model``, pins a random test image of
    class ``pinned`` and puts one of class ``beside`` next to it (class names as the model's
    dataset writes them), in the Feature maps tab."""

    key: str
    title: str
    look: str
    presets: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    dataset: str = "fashion-mnist"
    model: str | None = None
    pinned: str | None = None
    beside: str | None = None


EXERCISES: tuple[Exercise, ...] = (
    Exercise(
        "book",
        QT_TRANSLATE_NOOP("exercises", "The book's own run"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "The sigmoid LeNet with SGD at lr 0.9 for 10 epochs. Watch the loss: flat for the "
            "first epoch or two, then falling. The book reports about 78–82 % on "
            "Fashion-MNIST; the Quick recipe gets further in a minute.",
        ),
        ("d2l",),
        (QT_TRANSLATE_NOOP("exercises", "sigmoid LeNet"),),
    ),
    Exercise(
        "pooling",
        QT_TRANSLATE_NOOP("exercises", "Replace average pooling with max pooling"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "Compare the test accuracy and how fast the loss falls. In the Feature maps tab, "
            "S2 and S4 of the max-pool network keep the strongest responses: sharper, "
            "brighter maps.",
        ),
        ("d2l", "d2l-maxpool"),
        (QT_TRANSLATE_NOOP("exercises", "avg pool"), QT_TRANSLATE_NOOP("exercises", "max pool")),
    ),
    Exercise(
        "relu",
        QT_TRANSLATE_NOOP("exercises", "Replace the sigmoid with ReLU"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "ReLU networks learn much faster at first, but the book's rate 0.9 makes them "
            "diverge: the Quick recipe gives each its own rate. Compare the first epoch's test "
            "accuracy.",
        ),
        ("d2l", "d2l-relu"),
        (QT_TRANSLATE_NOOP("exercises", "sigmoid"), "ReLU"),
    ),
    Exercise(
        "kernel",
        QT_TRANSLATE_NOOP("exercises", "Change the convolution window"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "3×3 windows instead of 5×5: more parameters in the fully connected layers (C3's "
            "output is 16×6×6), smaller receptive fields. Compare the C1 kernels side by side.",
        ),
        ("d2l", "d2l-kernel3"),
        ("5×5", "3×3"),
    ),
    Exercise(
        "channels",
        QT_TRANSLATE_NOOP("exercises", "Change the number of output channels"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "16 and 32 channels instead of 6 and 16: twice the parameters. Does the accuracy "
            "follow? Look at the time per epoch too.",
        ),
        ("d2l", "d2l-wide"),
        ("6/16", "16/32"),
    ),
    Exercise(
        "depth",
        QT_TRANSLATE_NOOP("exercises", "Change the number of convolution layers"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "A third convolution (16 maps, 3×3, padded by 1) after S4. A deeper sigmoid network "
            "starts learning later: compare the loss curves of the first epoch.",
        ),
        ("d2l", "d2l-deeper"),
        (QT_TRANSLATE_NOOP("exercises", "2 conv"), QT_TRANSLATE_NOOP("exercises", "3 conv")),
    ),
    Exercise(
        "dense",
        QT_TRANSLATE_NOOP("exercises", "Change the number of fully connected layers"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "One hidden fully connected layer fewer (400 → 120 → 10): fewer parameters. Is the "
            "accuracy the same?",
        ),
        ("d2l", "d2l-fc1"),
        (QT_TRANSLATE_NOOP("exercises", "3 FC"), QT_TRANSLATE_NOOP("exercises", "2 FC")),
    ),
    Exercise(
        "options",
        QT_TRANSLATE_NOOP("exercises", "Change the learning rate, initialisation and epochs"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "Set up, then change one option in the Training panel (Learning rate, "
            "Initialisation, Epochs) and train again: each run is named by what you changed, "
            "and every run of this network is listed here.",
        ),
        ("d2l",),
        ("d2l",),
    ),
    Exercise(
        "notes",
        QT_TRANSLATE_NOOP("exercises", "The study notes' two variants"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "The notes pad C3 by 1 and keep one hidden layer (16×7×7 flattened), or drop the "
            "padding and pool by max (16×4×4). The Architecture tab shows each shape.",
        ),
        ("d2l", "notes-padding", "notes-maxpool"),
        (
            "d2l",
            QT_TRANSLATE_NOOP("exercises", "padding"),
            QT_TRANSLATE_NOOP("exercises", "max, unpadded"),
        ),
    ),
    Exercise(
        "modern",
        QT_TRANSLATE_NOOP("exercises", "Try the improved network on MNIST"),
        QT_TRANSLATE_NOOP(
            "exercises",
            "Batch norm, ReLU and max pooling, against the book's network, on handwritten "
            "digits. Then draw a digit on the canvas with each model.",
        ),
        ("d2l", "modern"),
        ("d2l", QT_TRANSLATE_NOOP("exercises", "modern")),
        "mnist",
    ),
    Exercise(
        "activations",
        QT_TRANSLATE_NOOP(
            "exercises", "Show the first two layers' activations for a sweater and a coat"
        ),
        QT_TRANSLATE_NOOP(
            "exercises",
            "Set up opens the Fashion-MNIST model with a random pullover pinned and a random "
            "coat beside it: the Feature maps tab shows both inputs' maps layer by layer, one "
            "colour scale per layer. Where do C1 and S2 differ?",
        ),
        model="fashion-mnist",
        pinned="Pullover",
        beside="Coat",
    ),
)


def exercise(key: str) -> Exercise:
    return next(e for e in EXERCISES if e.key == key)


@dataclass(frozen=True)
class Finding:
    """One trained preset of an exercise: its label and the run that answers it (None: not
    trained yet)."""

    preset: str
    label: str
    run: Run | None


def _identity(_context: str, text: str) -> str:
    return text


def findings(item: Exercise, runs: list[Run], recipe: str | None = None, translate=_identity):
    """The run answering each of ``item``'s presets: the newest run of that preset on the
    exercise's dataset, preferring one of ``recipe``."""
    out = []
    for preset, label in zip(item.presets, item.labels, strict=True):
        matching = [r for r in runs if r.architecture == preset and r.dataset == item.dataset]
        matching.sort(key=lambda r: (recipe is None or r.recipe == recipe, r.created))
        out.append(Finding(preset, translate(CONTEXT, label), matching[-1] if matching else None))
    return out


def summary(found: list[Finding], translate=_identity) -> str:
    """The results in one line: "avg pool 78.1 % · max pool 84.9 %, 10 epochs each" (or
    "…, 3 and 10 epochs"); "—" for a preset not trained yet."""
    parts = [
        f"{f.label} {100 * f.run.accuracy:.1f} %" if f.run is not None else f"{f.label} —"
        for f in found
    ]
    epochs = [f.run.epochs for f in found if f.run is not None]
    if not epochs:
        return translate(CONTEXT, QT_TRANSLATE_NOOP("exercises", "not trained yet"))
    if len(set(epochs)) == 1:
        if epochs[0] == 1:
            template = (
                QT_TRANSLATE_NOOP("exercises", "1 epoch each")
                if len(epochs) > 1
                else QT_TRANSLATE_NOOP("exercises", "1 epoch")
            )
        else:
            template = (
                QT_TRANSLATE_NOOP("exercises", "{epochs} epochs each")
                if len(epochs) > 1
                else QT_TRANSLATE_NOOP("exercises", "{epochs} epochs")
            )
        tail = translate(CONTEXT, template).format(epochs=epochs[0])
    else:
        tail = translate(CONTEXT, QT_TRANSLATE_NOOP("exercises", "{epochs} epochs")).format(
            epochs="/".join(str(n) for n in epochs)
        )
    return " · ".join(parts) + ", " + tail


def sheet_rows(runs: list[Run], recipe: str | None = None, translate=_identity) -> list[dict]:
    """Every exercise's findings, one row per trained preset (or per exercise not trained)."""
    rows = []
    for item in EXERCISES:
        if not item.presets:
            continue
        title = translate(CONTEXT, item.title)
        for f in findings(item, runs, recipe, translate):
            run = f.run
            rows.append(
                {
                    "exercise": title,
                    "network": f.label,
                    "preset": f.preset,
                    "dataset": item.dataset,
                    "run": run.name if run else "",
                    "recipe": run.recipe if run else "",
                    "epochs": run.epochs if run else "",
                    "test_accuracy_percent": round(100 * run.accuracy, 2) if run else "",
                    "seconds": round(run.seconds, 1) if run else "",
                }
            )
    return rows


def sheet_csv(runs: list[Run], recipe: str | None = None, translate=_identity) -> str:
    rows = sheet_rows(runs, recipe, translate)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def sheet_markdown(runs: list[Run], recipe: str | None = None, translate=_identity) -> str:
    """The exercises and the learner's results, as a Markdown document."""
    say = lambda text: translate(CONTEXT, text)  # noqa: E731
    lines = [f"# {say(QT_TRANSLATE_NOOP('exercises', 'LeNet exercises (D2L 7.6)'))}", ""]
    headers = [
        say(QT_TRANSLATE_NOOP("exercises", "network")),
        say(QT_TRANSLATE_NOOP("exercises", "run")),
        say(QT_TRANSLATE_NOOP("exercises", "epochs")),
        say(QT_TRANSLATE_NOOP("exercises", "test accuracy")),
        say(QT_TRANSLATE_NOOP("exercises", "time")),
    ]
    for n, item in enumerate(EXERCISES, 1):
        lines += [f"## {n}. {say(item.title)}", "", say(item.look), ""]
        if not item.presets:
            continue
        found = findings(item, runs, recipe, translate)
        lines += [f"**{summary(found, translate)}**", ""]
        lines += ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        for f in found:
            run = f.run
            cells = (
                [f.label, run.name.replace("|", "/"), str(run.epochs),
                 f"{100 * run.accuracy:.2f} %", f"{run.seconds:.0f} s"]
                if run is not None else [f.label, "—", "", "", ""]
            )  # fmt: skip
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)
