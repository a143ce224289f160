"""The notebook's way in and out: ``import`` (a notebook's weights → a model file), ``code``
(the PyTorch code of a network) and ``export`` (a model's weights for a notebook); and the
options ``predict``/``info``/``evaluate`` take to read a notebook file directly."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lenet_desktop.cli.common import CommandError, open_notebook
from lenet_desktop.options import ARCHITECTURES, DATASET_NAMES
from lenet_desktop.specs.code import STYLES

NOTEBOOK_HELP = "for a notebook file (.params, .pt, .pth, a bare .safetensors)"


def add_notebook_options(
    parser: argparse.ArgumentParser, arch: bool = True, dataset: bool = True
) -> None:
    """``--arch``, ``--dataset`` and ``--scale``, for a notebook's weights."""
    if arch:
        parser.add_argument(
            "--arch",
            metavar="PRESET|SPEC.toml",
            help=f"the network the weights are for ({NOTEBOOK_HELP}; default: found by "
            "trying every network their shapes fit on the app's test images)",
        )
    if dataset:
        parser.add_argument(
            "--dataset",
            choices=DATASET_NAMES,
            help=f"the classes it was trained on ({NOTEBOOK_HELP}; default: found by trying)",
        )
    parser.add_argument(
        "--scale",
        default=None,
        metavar="unit|standard|MEAN,STD",
        help="how it saw its input: unit = ToTensor's [0, 1], standard = the dataset's mean "
        "and std, or MEAN,STD (default: found by trying both)",
    )


def cmd_import(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    # deferred: off the command line's start
    from lenet_desktop.files.model_files import ModelFileError, save_model

    bundle = open_notebook(args.file, args)
    try:
        path = save_model(bundle, args.out)
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None
    scale = bundle.training.get("scale", "unit")
    print(f"imported {args.file} as {bundle.architecture} ({bundle.dataset.name}, scale "
          f"{scale}): {path}")  # fmt: skip
    return 0


def cmd_code(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.cli.common import load  # deferred: off the command line's start
    from lenet_desktop.specs import resolve_spec  # deferred: off the command line's start
    from lenet_desktop.specs.code import pytorch_code  # deferred: off the command line's start

    target = args.target
    mean, std, classes, spec, temperature = 0.0, 1.0, 10, None, 1.0
    if target in ARCHITECTURES or target.endswith(".toml"):
        spec = resolve_spec(target)
    else:
        bundle = load(target, args)
        spec, classes = bundle.spec, len(bundle.dataset.classes)
        mean, std, temperature = bundle.dataset.mean, bundle.dataset.std, bundle.temperature
    if spec is None:
        raise CommandError(
            "lenet5 has layers of its own (trainable subsampling, a partly connected C3, an RBF "
            "output): see lenet_desktop/nn/models.py for its code"
        )
    print(pytorch_code(spec, classes, args.weights, mean, std, temperature, args.style), end="")
    return 0


def cmd_export(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.cli.common import load  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.files.notebook import NotebookError, export_weights

    bundle = load(args.model, args)
    try:
        path = export_weights(bundle, args.out, args.keys)
    except NotebookError as exc:
        raise CommandError(str(exc)) from None
    print(f"wrote {path}: load it with net.load_state_dict(…, strict=True) into `lenet-desktop "
          f"code {args.model} --style {args.keys} --weights {Path(args.out).name}`'s network",
          file=sys.stderr)  # fmt: skip
    return 0


def add_commands(commands) -> None:
    importing = commands.add_parser(
        "import",
        help="a notebook's weights (.params, .pt, .pth, .safetensors) → a model file",
        description="Read the weights a notebook saved (torch.save(net.state_dict(), …); only "
        "PyTorch's restricted loader, which runs no code), find the network they fit and save "
        "them, unchanged, as a model file the app opens with no questions.",
    )
    importing.add_argument("file", metavar="FILE")
    add_notebook_options(importing)
    importing.add_argument("--out", metavar="MODEL.safetensors", required=True)
    importing.set_defaults(func=cmd_import)

    code = commands.add_parser(
        "code",
        help="the PyTorch code of a network (a preset, a spec or a model)",
        description="Print D2L-style nn.Sequential code that builds the network, with each "
        "layer's name and output shape, and the input scaling the app uses.",
    )
    code.add_argument("target", metavar="PRESET|SPEC.toml|MODEL")
    code.add_argument(
        "--weights", metavar="FILE", help="also load these exported weights (lenet-desktop export)"
    )
    code.add_argument(
        "--style",
        choices=STYLES,
        default="sequential",
        help="sequential: the Chinese book's net = nn.Sequential(…) (default); d2l-class: the "
        "English book's class LeNet(d2l.Classifier), its layers in self.net",
    )
    add_notebook_options(code)
    code.set_defaults(func=cmd_code)

    export = commands.add_parser(
        "export",
        help="a model's weights for a notebook (.params or .safetensors)",
        description="Write the model's state dict (any model the app opens: a shipped one, a "
        "model file, a notebook's) with the keys of the network `lenet-desktop code --style` "
        "builds (0.weight, … or net.0.weight, …), as .params (torch.save, the book's "
        "convention) or .safetensors.",
    )
    export.add_argument("model", metavar="MODEL")
    export.add_argument("--out", metavar="FILE.params", required=True)
    export.add_argument(
        "--keys",
        choices=STYLES,
        default="sequential",
        help="sequential: 0.weight, … for the Chinese book's nn.Sequential (default); d2l-class: "
        "net.0.weight, … for the English book's class (d2l.LeNet)",
    )
    add_notebook_options(export)
    export.set_defaults(func=cmd_export)
