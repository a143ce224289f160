"""The argparse command line: the global options, one subcommand per command, and train's
options made from TrainConfig's fields."""

from __future__ import annotations

import argparse

from lenet_desktop import __version__
from lenet_desktop.cli import commands_live
from lenet_desktop.cli.commands_model import cmd_info, cmd_predict
from lenet_desktop.cli.commands_notebook import add_commands, add_notebook_options
from lenet_desktop.cli.commands_tools import cmd_corr2d
from lenet_desktop.cli.commands_training import cmd_evaluate, cmd_runs, cmd_train
from lenet_desktop.cli.common import config_options
from lenet_desktop.options import ARCHITECTURES, DATASET_NAMES
from lenet_desktop.specs.geometry import INPUT_SIDE as SIDE


def _epoch_arg(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--epoch",
        type=int,
        metavar="K",
        help="with a kept run as --model: its weights after epoch K (0: as initialised), "
        "uncalibrated, as the app's epoch slider shows them",
    )


def _device_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--device",
        metavar="D",
        type=_device_name,
        help="where to run: auto (default: CUDA, then MPS, then XPU, then CPU), cpu, cuda, "
        "cuda:N, mps, xpu; also set by $LENET_DEVICE",
    )


def _device_name(text: str) -> str:
    import re  # deferred: off the command line's start

    name = text.strip().lower()
    if not re.fullmatch(r"auto|cpu|mps|(cuda|xpu)(:\d+)?", name):
        raise argparse.ArgumentTypeError(
            f"unknown device {text!r}: use auto, cpu, cuda, cuda:N, mps or xpu"
        )
    return name


def _number(kind: type):
    """Parse an int or a float; the config then says whether the value is allowed."""

    def parse(text: str):
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None

    parse.__name__ = kind.__name__
    return parse


def add_config_options(parser: argparse.ArgumentParser) -> None:
    """One option per TrainConfig field, with its default and help (validation is the
    config's: a value it refuses becomes a usage error)."""
    import typing  # deferred: off the command line's start

    from lenet_desktop.training.config import TrainConfig  # deferred: off the command line's start

    hints = typing.get_type_hints(TrainConfig)
    for name, spec in config_options().items():
        meta = spec.metadata
        flag = meta.get("flag", "--" + name.replace("_", "-"))
        kind = hints[name]
        options: dict = {"dest": name, "help": meta["help"]}
        if kind is bool:
            options |= {"action": argparse.BooleanOptionalAction, "default": spec.default}
        else:
            base = next((t for t in (int, float) if kind in (t, t | None)), str)
            options |= {"default": spec.default, "type": _number(base) if base is not str else str}
            if "choices" in meta:
                options["choices"] = meta["choices"]
            if "metavar" in meta:
                options["metavar"] = meta["metavar"]
        if name == "dataset":  # no default: say which one
            options |= {"required": True, "default": None}
        if options.get("default") is not None and kind is not bool:
            options["help"] += f" (default: {options['default']})"
        parser.add_argument(flag, **options)


def build_parser(defaults: dict | None = None) -> argparse.ArgumentParser:
    """The command line; ``defaults`` replace train's (a recipe's settings: cli.main)."""
    parser = argparse.ArgumentParser(
        prog="lenet-desktop",
        description="Draw a digit or a garment and see what LeNet sees. With no command, "
        "opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window offscreen, classify a built-in drawing of a 7, print the result "
        "and exit (0 when it reads a 7)",
    )
    parser.add_argument(
        "--model",
        metavar="NAME|PATH",
        help="model to open in the app: mnist, fashion-mnist or a file",
    )
    _device_arg(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    predict = commands.add_parser(
        "predict",
        help="classify image files",
        description="Classify image files; exit status 0 only when every image was classified.",
    )
    predict.add_argument(
        "--model",
        metavar="NAME|PATH|RUN",
        help="mnist (default), fashion-mnist, a .safetensors file, or a kept run (its id from "
        "`lenet-desktop runs`, or its folder)",
    )
    _epoch_arg(predict)
    _device_arg(predict)
    predict.add_argument("--json", action="store_true", help="one JSON object per image")
    predict.add_argument(
        "--show-input",
        action="store_true",
        help=f"also print the {SIDE}×{SIDE} input the network saw (rows of values 0–1; with "
        f'--json, an "input" list of rows, 4 decimals): the same as the app\'s {SIDE}×{SIDE} view',
    )
    predict.add_argument(
        "--number",
        action="store_true",
        help="read a whole number: the ink cut into digits the network checks (LeCun 1998's "
        'over-segmentation); with --json, "number" and per digit its box, label, confidence '
        "and notes",
    )
    predict.add_argument("images", nargs="+", metavar="IMAGE")
    add_notebook_options(predict)
    predict.set_defaults(func=cmd_predict)

    info = commands.add_parser(
        "info",
        help="layer table: shapes, parameters, size formula",
        description="Print each layer's output shape, parameters and output-size formula for "
        "an architecture (a preset or a .toml spec) or a model (mnist, fashion-mnist, a file).",
    )
    info.add_argument(
        "target",
        nargs="?",
        metavar="ARCH|SPEC.toml|MODEL",
        help=f"a preset ({', '.join(ARCHITECTURES)}), a spec file (.toml), mnist, "
        "fashion-mnist or a model file (default: the shipped mnist model)",
    )
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.add_argument(
        "--toml",
        action="store_true",
        help="print the architecture as a TOML spec instead (a start for your own network)",
    )
    add_notebook_options(info)
    info.set_defaults(func=cmd_info)

    train = commands.add_parser(
        "train",
        help="train a model on MNIST or Fashion-MNIST",
        description="Train a model and save it (safetensors). The output file is replaced only "
        "by a whole, finite model.",
    )
    train.add_argument(
        "--data", metavar="DIR", help="folder of the four IDX files, or a torchvision root"
    )
    train.add_argument(
        "--download",
        action="store_true",
        help="download with torchvision into --data (default: a per-user folder)",
    )
    add_config_options(train)
    train.add_argument(
        "--book",
        action="store_true",
        help="the same as --recipe book: the D2L chapter's own run as the defaults (arch d2l, "
        "SGD with momentum 0, lr 0.9, constant schedule, batch 256, 10 epochs, Xavier init, no "
        "augmentation, no weight decay; options given as well still apply)",
    )
    if defaults:
        train.set_defaults(**defaults)
    _device_arg(train)
    train.add_argument("--out", metavar="FILE", required=True, help="model file to write")
    train.add_argument("--json", action="store_true", help="one JSON line per epoch")
    train.set_defaults(func=cmd_train)
    add_commands(commands)
    commands_live.add_commands(commands)

    evaluate = commands.add_parser(
        "evaluate",
        help="accuracy, per-class accuracy and confusion matrix on a test split",
    )
    evaluate.add_argument("--model", metavar="NAME|PATH|RUN", required=True)
    _epoch_arg(evaluate)
    evaluate.add_argument(
        "--data",
        metavar="DIR",
        help="folder of the dataset's files (default: $LENET_DATA, the download folder, or "
        "../shared/datasets beside a checkout)",
    )
    evaluate.add_argument(
        "--dataset", choices=DATASET_NAMES, help="default: the dataset the model was trained on"
    )
    evaluate.add_argument("--split", choices=("test", "train"), default="test")
    add_notebook_options(evaluate, dataset=False)
    _device_arg(evaluate)
    evaluate.add_argument(
        "--json",
        action="store_true",
        help='print {"accuracy", "count", "per_class", "confusion", "ece", "nll", '
        '"mean_confidence", "temperature"}',
    )
    evaluate.add_argument(
        "--plot",
        metavar="FILE.png",
        help="draw the reliability diagram (before and after the "
        "model's temperature) into FILE.png",
    )
    evaluate.set_defaults(func=cmd_evaluate)

    runs = commands.add_parser(
        "runs",
        help="list the kept training runs",
        description="List every finished training run kept in the per-user data folder "
        "($LENET_RUNS to move it): name, dataset, architecture, parameters, epochs, final test "
        "accuracy, time. The app's Training panel compares them on one chart.",
    )
    runs.add_argument("--json", action="store_true", help="one JSON object per run")
    runs.add_argument("--csv", action="store_true", help="the comparison table as CSV")
    runs.set_defaults(func=cmd_runs)

    corr = commands.add_parser(
        "corr2d",
        help="cross-correlate a small input with a kernel by hand (padding, stride, channels)",
        description="Matrices as text: rows separated by ';', numbers by spaces; input channels "
        "separated by '|'; a kernel's output channels separated by '/'. "
        'Example: corr2d --input "1 2 3; 4 5 6; 7 8 9" --kernel "1 2; 3 4" prints '
        "[[37, 47], [67, 77]]. Output size per side: floor((n - k + 2p + s) / s).",
    )
    corr.add_argument("--input", metavar="MATRIX", required=True, help='e.g. "1 2 3; 4 5 6"')
    corr.add_argument("--kernel", metavar="MATRIX", required=True, help='e.g. "1 2; 3 4"')
    corr.add_argument("--padding", metavar="P", type=int, default=0, help="zeros per side")
    corr.add_argument("--stride", metavar="S", type=int, default=1)
    corr.add_argument(
        "--json", action="store_true", help='print {"output", "output_shape", …} (output: O×H×W)'
    )
    corr.set_defaults(func=cmd_corr2d)
    return parser
