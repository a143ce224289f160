"""The ``lenet-desktop`` command: the app with no subcommand, headless tools with one.

Exit status: 0 success, 1 a file or an image could not be used, 2 a usage error (a broken
architecture spec included: one line naming the layer and its numbers).
Heavy imports (torch, Qt) happen inside the commands so ``--help`` answers at once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from lenet_desktop import __version__
from lenet_desktop.options import ARCHITECTURE_TITLES, ARCHITECTURES, DATASET_NAMES


class CommandError(Exception):
    """A failure to report in one line with exit status 1."""


def _print_json(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def _device_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--device",
        metavar="D",
        type=_device_name,
        help="where to run: auto (default: CUDA, then MPS, then XPU, then CPU), cpu, cuda, "
        "cuda:N, mps, xpu; also set by $LENET_DEVICE",
    )


def _load(name_or_path: str | None):
    from lenet_desktop.files.model_files import ModelFileError, load_default_model, load_model

    try:
        return load_model(name_or_path) if name_or_path else load_default_model()
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None


def _predictor(args: argparse.Namespace, parser: argparse.ArgumentParser):
    from lenet_desktop.nn.inference import Predictor

    bundle = _load(args.model)
    try:
        return Predictor(bundle, args.device)
    except ValueError as exc:
        parser.error(str(exc))


def cmd_predict(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.data.preprocessing import ImageReadError, load_image

    predictor = _predictor(args, parser)
    failures = 0
    if not args.json:
        print(f"model: {predictor.bundle.title} · device: {predictor.device}")
    for path in args.images:
        try:
            prepared, prediction = predictor.predict_image(load_image(path))
        except ImageReadError as exc:
            failures += 1
            if args.json:
                _print_json({"path": path, "error": str(exc)})
            else:
                print(f"error: {exc}", file=sys.stderr)
            continue
        if prediction is None:
            failures += 1
            message = "the image is blank: no drawing found"
            if args.json:
                _print_json({"path": path, "error": "empty", "message": message})
            else:
                print(f"{path}: empty ({message})", file=sys.stderr)
            continue
        if args.json:
            shown = {"input": prepared.image.round(4).tolist()} if args.show_input else {}
            _print_json(
                {"path": path, **prediction.as_json(), "device": prediction.device, **shown}
            )
        else:
            if args.show_input:
                print(f"{path}: the 28×28 input (rows 0–27, values ×9, . = 0):")
                for row in prepared.image:
                    print("  " + "".join(str(round(9 * v)) if v > 0.05 else "." for v in row))
            ranked = prediction.probabilities.argsort()[::-1][:3]
            others = ", ".join(
                f"{prediction.classes[i]} {100 * prediction.probabilities[i]:.1f} %"
                for i in ranked[1:]
            )
            print(
                f"{path}: {prediction.label} ({100 * prediction.confidence:.1f} %; then {others})"
            )
    return 1 if failures else 0


def _is_spec_file(target: str) -> bool:
    return target.lower().endswith(".toml")


def cmd_info(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.analysis.layer_table import (
        FORMULA,
        INPUT_SHAPE,
        layer_table,
        shape_text,
        total_parameters,
    )
    from lenet_desktop.data.datasets import MNIST
    from lenet_desktop.files.model_files import shipped_models
    from lenet_desktop.nn.models import build_model
    from lenet_desktop.specs import resolve_spec, spec_architecture, spec_to_toml

    target = args.target or ("mnist" if "mnist" in shipped_models() else "modern")
    bundle = None
    if target in ARCHITECTURES or _is_spec_file(target):
        spec = resolve_spec(target, len(MNIST.classes))  # SpecError: exit 2, one line
        architecture = target if spec is None else spec_architecture(spec)
        network = build_model(spec or target, len(MNIST.classes), (MNIST.mean, MNIST.std))
    else:
        bundle = _load(target)
        architecture, network, spec = bundle.architecture, bundle.network, bundle.spec
    if args.toml:
        if spec is None:
            raise CommandError(f"{target}: LeNet-5's special layers have no spec")
        print(spec_to_toml(spec), end="")
        return 0
    title = ARCHITECTURE_TITLES.get(architecture) or (spec.title if spec is not None else None)
    rows = layer_table(network)
    total = total_parameters(network)
    if args.json:
        obj = {
            "architecture": architecture,
            "title": title,
            "input_shape": list(INPUT_SHAPE),
            "layers": [row.as_json() for row in rows],
            "total_parameters": total,
            "fixed_parameters": sum(row.fixed for row in rows),
        }
        if bundle is not None:
            obj["model"] = {
                "source": bundle.title,
                "dataset": bundle.dataset.name,
                "classes": list(bundle.dataset.classes),
                "temperature": bundle.temperature,
                "training": bundle.training,
            }
        _print_json(obj)
        return 0
    print(f"{title} — architecture '{architecture}'" if title else f"architecture '{architecture}'")
    if bundle is not None:
        print(
            f"model: {bundle.title} · dataset: {bundle.dataset.title} · "
            f"classes: {', '.join(bundle.dataset.classes)}"
        )
        accuracy = bundle.training.get("test_accuracy")
        if accuracy is not None:
            print(f"test accuracy: {100 * accuracy:.2f} %")
    print(
        f"input: {shape_text(INPUT_SHAPE)} · output size of conv/pool: {FORMULA}, "
        "p = padding per side"
    )
    print()
    header = ("layer", "type", "output shape", "parameters", "size formula")
    table = [header] + [
        (
            r.name,
            r.type,
            shape_text(r.output_shape),
            f"{r.fixed} fixed" if r.fixed else str(r.parameters),
            r.formula or "",
        )
        for r in rows
    ]
    table.append(("total", "", "", f"{total} trainable", ""))
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for i, row in enumerate(table):
        cells = [
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].rjust(widths[3]),
            row[4],
        ]
        print("  ".join(cells).rstrip())
        if i == 0 or i == len(table) - 2:
            print("  ".join("─" * w for w in widths) + "  " + "─" * 12)
    return 0


def _dataset(args: argparse.Namespace, info):
    from lenet_desktop.data.datasets import DatasetError, download, load_dataset

    try:
        if args.download:
            root = download(info, args.data)
            return load_dataset(root, info)
        return load_dataset(args.data, info)
    except DatasetError as exc:
        raise CommandError(str(exc)) from None


def _check_writable(path):
    import os
    import tempfile
    from pathlib import Path

    folder = Path(path).expanduser().resolve().parent
    if not folder.is_dir():
        raise CommandError(f"{folder}: no such folder for the output file")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise CommandError(f"{folder}: cannot write the model here ({exc.strerror})") from None
    if Path(path).is_dir() or (Path(path).exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"{path}: cannot be replaced")


def cmd_train(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.data.datasets import dataset_info
    from lenet_desktop.files.model_files import ModelFileError, save_model
    from lenet_desktop.training.loop import TrainConfig, TrainingFailed, train

    if args.data is None and not args.download:
        parser.error("give --data DIR (a folder of the four IDX files) or --download")
    from lenet_desktop.specs import SpecError

    try:
        config = TrainConfig(
            **{name: getattr(args, name) for name in config_options()}, device=args.device
        )
        from lenet_desktop.nn.device import resolve_device

        device = resolve_device(args.device)
    except SpecError:
        raise  # one line, exit 2 (main)
    except ValueError as exc:
        parser.error(str(exc))
    info = dataset_info(args.dataset)
    _check_writable(args.out)
    train_split, test_split = _dataset(args, info)
    if not args.json:
        print(
            f"training {config.architecture} on {info.title}: {len(train_split)} train / "
            f"{len(test_split)} test images, {config.epochs} epochs, batch {config.batch_size}, "
            f"{config.optimizer} lr {config.learning_rate:g}, device {device}",
            flush=True,
        )

    bar = None
    if not args.json:
        from tqdm import tqdm

        bar = tqdm(total=None, unit="step", dynamic_ncols=True, leave=False)

    def report(progress) -> None:
        if progress.phase == "step":
            if bar is not None:
                if bar.total is None:
                    bar.reset(total=progress.steps * progress.epochs)
                bar.update(1)
                bar.set_postfix_str(
                    f"epoch {progress.epoch}/{progress.epochs} loss {progress.loss:.3f} "
                    f"acc {100 * progress.accuracy:.1f}% {progress.samples_per_s:,.0f} samples/s",
                    refresh=False,
                )
            return
        record = {
            "epoch": progress.epoch,
            "epochs": progress.epochs,
            "loss": progress.loss,
            "train_accuracy": progress.accuracy,
            "test_accuracy": progress.test_accuracy,
            "samples_per_s": progress.samples_per_s,
            "elapsed_s": progress.elapsed_s,
        }
        if args.json:
            _print_json(record)
        else:
            (bar.write if bar is not None else print)(
                f"epoch {progress.epoch}/{progress.epochs}: loss {progress.loss:.4f}, train "
                f"{100 * progress.accuracy:.2f} %, test {100 * progress.test_accuracy:.2f} %, "
                f"{progress.samples_per_s:,.0f} samples/s, {progress.elapsed_s:.0f} s"
            )

    try:
        result = train(config, train_split, test_split, report)
    except TrainingFailed as exc:
        raise CommandError(f"training failed: {exc}; {args.out} was not written") from None
    finally:
        if bar is not None:
            bar.close()
    try:
        path = save_model(result.bundle, args.out)
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None
    from lenet_desktop.training.runs import RunError, RunStore

    try:  # kept for `lenet-desktop runs` and the app's Runs tab; the model file is what matters
        kept = RunStore().save(result).id
    except RunError as exc:
        kept = None
        print(f"warning: the run was not kept: {exc}", file=sys.stderr)
    if args.json:
        _print_json(
            {
                "saved": str(path),
                "test_accuracy": result.evaluation.accuracy,
                "seconds": round(result.seconds, 1),
                "temperature": result.bundle.temperature,
                "run": kept,
            }
        )
    else:
        print(
            f"saved {path}: test accuracy {100 * result.evaluation.accuracy:.2f} % "
            f"after {result.seconds:.0f} s; temperature {result.bundle.temperature:.3g}"
            + (f"; kept as run {kept}" if kept else "")
        )
    return 0


def cmd_evaluate(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.analysis.calibration import calibration, draw_reliability, logits_of
    from lenet_desktop.data.datasets import DatasetError, dataset_info, find_folder, load_split
    from lenet_desktop.training.evaluation import evaluate

    predictor = _predictor(args, parser)
    bundle = predictor.bundle
    try:
        info = dataset_info(args.dataset) if args.dataset else bundle.dataset
    except ValueError as exc:
        raise CommandError(f"{bundle.title}: {exc}; pass --dataset") from None
    folder = args.data or find_folder(info)
    if folder is None:
        raise CommandError(
            f"no {info.title} files found in the usual places; pass --data DIR (a folder of "
            "the four IDX files)"
        )
    try:
        split = load_split(folder, info, args.split)
    except DatasetError as exc:
        raise CommandError(str(exc)) from None
    classes = bundle.dataset.classes
    mean, std = bundle.dataset.mean, bundle.dataset.std
    result = evaluate(bundle.network, split, mean, std, predictor.device)
    logits = logits_of(bundle.network, split, mean, std, predictor.device)
    calibrated = calibration(logits, split.labels, bundle.temperature)
    if args.plot:
        uncalibrated = calibration(logits, split.labels)
        reports = {"T = 1": uncalibrated}
        if bundle.temperature != 1.0:
            reports[f"T = {bundle.temperature:.3g} (the model's)"] = calibrated
        try:
            draw_reliability(reports, args.plot)
        except OSError as exc:
            raise CommandError(f"{args.plot}: cannot be written ({exc.strerror or exc})") from None
    if args.json:
        _print_json(
            result.as_json(classes)
            | {
                "ece": calibrated.ece,
                "nll": calibrated.nll,
                "mean_confidence": calibrated.mean_confidence,
                "temperature": bundle.temperature,
            }
        )
        return 0
    print(
        f"{bundle.title} on the {info.title} {args.split} split ({result.count} images), "
        f"device {predictor.device}"
    )
    print(
        f"accuracy: {100 * result.accuracy:.2f} % "
        f"({result.count - len(result.misclassified)}/{result.count})"
    )
    print(
        f"calibration: ECE {100 * calibrated.ece:.2f} % (15 bins), NLL {calibrated.nll:.4f}, "
        f"mean confidence {100 * calibrated.mean_confidence:.2f} %, "
        f"temperature {bundle.temperature:.4g}"
    )
    if args.plot:
        print(f"reliability diagram: {args.plot}")
    width = max(len("true class"), *(len(c) for c in classes))
    print(
        f"  {'true class':>{width}}  accuracy  confusion (columns: predicted class 0–"
        f"{len(classes) - 1})"
    )
    for name, acc, row in zip(classes, result.per_class, result.confusion):
        cells = " ".join(f"{v:5d}" for v in row)
        print(f"  {name:>{width}}  {100 * acc:6.2f} %  {cells}")
    return 0


def cmd_runs(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.training.runs import RunStore, comparison_csv, comparison_rows

    store = RunStore()
    kept = store.runs()
    if args.csv:
        print(comparison_csv(kept), end="")
        return 0
    if args.json:
        for run in kept:
            _print_json({"id": run.id, "folder": str(run.folder), **comparison_rows([run])[0]})
        return 0
    if not kept:
        print(f"no runs kept yet in {store.root}")
        return 0
    print(f"{len(kept)} run(s) in {store.root}")
    header = ("name", "dataset", "architecture", "parameters", "epochs", "test accuracy", "time")
    table = [header] + [
        (r.name, r.dataset, r.architecture, f"{r.parameters:,}", str(r.epochs),
         f"{100 * r.accuracy:.2f} %", f"{r.seconds:.0f} s")
        for r in kept
    ]  # fmt: skip
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
    return 0


def cmd_corr2d(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """The notes' cross-correlation by hand (no model, no torch): the output of ``--input``
    with ``--kernel`` at ``--padding`` and ``--stride``, and the sizes by the formula."""
    from lenet_desktop.analysis.sandbox import (
        SandboxError,
        corr2d,
        matrix_text,
        parse_channels,
        parse_kernels,
    )

    try:
        result = corr2d(
            parse_channels(args.input), parse_kernels(args.kernel), args.padding, args.stride
        )
    except SandboxError as exc:
        parser.error(str(exc))
    if args.json:
        _print_json(result.as_json())
        return 0
    shape = "×".join(str(d) for d in result.input.shape)
    kernel = "×".join(str(d) for d in result.kernels.shape)
    print(f"input {shape}, kernels {kernel}, padding {result.padding}, stride {result.stride}")
    rows, cols = result.size_text()
    print(f"output height {rows}, width {cols}")
    channels = result.output.shape[0]
    for index, channel in enumerate(result.output):
        print(f"channel {index}: {matrix_text(channel)}" if channels > 1 else matrix_text(channel))
    return 0


def cmd_app(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.smoke_test:
        from lenet_desktop.ui.app import smoke_test

        return smoke_test(model=args.model, device=args.device)
    from lenet_desktop.ui.app import run_app

    return run_app(model=args.model, device=args.device)


def _device_name(text: str) -> str:
    import re

    name = text.strip().lower()
    if not re.fullmatch(r"auto|cpu|mps|(cuda|xpu)(:\d+)?", name):
        raise argparse.ArgumentTypeError(
            f"unknown device {text!r}: use auto, cpu, cuda, cuda:N, mps or xpu"
        )
    return name


def config_options() -> dict:
    """TrainConfig's fields the command line offers, by name → dataclasses.Field."""
    from dataclasses import fields

    from lenet_desktop.training.loop import TrainConfig

    return {f.name: f for f in fields(TrainConfig) if f.metadata.get("cli", True)}


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
    import typing

    from lenet_desktop.training.loop import TrainConfig

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


def build_parser(book: bool = False) -> argparse.ArgumentParser:
    """The command line; ``book`` makes the D2L book's settings train's defaults."""
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
        "--model", metavar="NAME|PATH", help="mnist (default), fashion-mnist or a .safetensors file"
    )
    _device_arg(predict)
    predict.add_argument("--json", action="store_true", help="one JSON object per image")
    predict.add_argument(
        "--show-input",
        action="store_true",
        help="also print the 28×28 input the network saw (rows of values 0–1; with --json, "
        'an "input" list of rows, 4 decimals): the same as the app\'s 28×28 view',
    )
    predict.add_argument("images", nargs="+", metavar="IMAGE")
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
        help="the D2L chapter's own run as the defaults: arch d2l, SGD with momentum 0, lr 0.9, "
        "constant schedule, batch 256, 10 epochs, Xavier init, no augmentation, no weight "
        "decay (options given as well still apply)",
    )
    if book:
        from lenet_desktop.training.loop import BOOK_SETTINGS

        train.set_defaults(**BOOK_SETTINGS)
    _device_arg(train)
    train.add_argument("--out", metavar="FILE", required=True, help="model file to write")
    train.add_argument("--json", action="store_true", help="one JSON line per epoch")
    train.set_defaults(func=cmd_train)

    evaluate = commands.add_parser(
        "evaluate",
        help="accuracy, per-class accuracy and confusion matrix on a test split",
    )
    evaluate.add_argument("--model", metavar="NAME|PATH", required=True)
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


def main(argv: Sequence[str] | None = None) -> int:
    from lenet_desktop.specs import SpecError

    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "book", False):
        parser = build_parser(book=True)
        args = parser.parse_args(argv)
    func = getattr(args, "func", cmd_app)
    try:
        return func(args, parser)
    except SpecError as exc:
        print(f"lenet-desktop: error: {exc}", file=sys.stderr)
        return 2
    except CommandError as exc:
        print(f"lenet-desktop: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly, as Unix tools do
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    raise SystemExit(main())
