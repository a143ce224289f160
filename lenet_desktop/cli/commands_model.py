"""The commands about one model or architecture: ``predict`` (classify image files) and
``info`` (the layer table, or the architecture as a TOML spec)."""

from __future__ import annotations

import argparse
import sys

from lenet_desktop.cli.common import CommandError, load, predictor, print_json
from lenet_desktop.cli.tables import print_table
from lenet_desktop.messages import printable
from lenet_desktop.options import ARCHITECTURE_TITLES, ARCHITECTURES
from lenet_desktop.specs.geometry import INPUT_SHAPE


def cmd_predict(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    problems = _picture_problems(args.images)
    if all(problems):  # nothing to read: said at once, before the model is loaded
        for path, problem in zip(args.images, problems):
            if problem is not None:
                _say_unusable(path, problem, args.json)
        if args.model:  # … and a model file that is not there either
            # deferred: off the command line's start
            from lenet_desktop.files.model_files import ModelFileError, resolve_model_path

            try:
                resolve_model_path(args.model)
            except ModelFileError as exc:
                _say_unusable(args.model, exc, args.json)
        return 1

    from lenet_desktop.analysis.reading import DOUBT_KINDS, read  # deferred: Pillow, NumPy, SciPy
    from lenet_desktop.data.pictures import ImageReadError, load_image  # deferred: Pillow
    from lenet_desktop.files.catalog import translate  # deferred: off the command line's start

    model = predictor(args, parser)
    if not args.json:
        print(f"model: {model.bundle.title} · device: {model.device}")
    if args.number:
        return _predict_numbers(model, args)
    failures = 0
    for path in args.images:  # (one a picture cannot be read from is said in its place)
        try:
            reading = read(model, load_image(path))
        except ImageReadError as exc:
            failures += 1
            _say_unusable(path, exc, args.json)
            continue
        prepared, prediction, doubt, found = (
            reading.prepared,
            reading.prediction,
            reading.doubt,
            reading.notes,
        )
        if prediction is None or doubt is None:
            failures += 1
            _say_blank(path, args.json)
            continue
        if args.json:
            shown = {"input": prepared.image.round(4).tolist()} if args.show_input else {}
            described = [note.as_json(note.translated(translate)) for note in found]
            print_json(
                {
                    "path": path,
                    **prediction.as_json(),
                    "device": prediction.device,
                    "model": model_json(model.bundle),
                    **doubt.as_json(),
                    "notes": described,
                    **shown,
                }
            )
        else:
            if args.show_input:
                side = INPUT_SHAPE[-1]
                print(f"{path}: the {side}×{side} input (rows 0–{side - 1}, values ×9, . = 0):")
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
            for note in found:
                kind = "doubt" if note.kind in DOUBT_KINDS else "note"
                print(f"  {kind}: {note.text}")
    return 1 if failures else 0


def _say_blank(path: str, as_json: bool) -> None:
    message = "the image is blank: no drawing found"
    if as_json:
        print_json({"path": path, "error": "empty", "message": message})
    else:
        print(f"{path}: empty ({message})", file=sys.stderr)


def _picture_problems(paths: list[str]) -> list[Exception | None]:
    """For each picture given, why it cannot be read — no such file, a folder, a pipe, a
    device… — or None for a regular file (which may still not be an image)."""
    from lenet_desktop.data.pictures import ImageReadError, check_picture  # deferred: Pillow

    problems: list[Exception | None] = []
    for path in paths:
        try:
            check_picture(path)
        except ImageReadError as exc:
            problems.append(exc)
        else:
            problems.append(None)
    return problems


def _say_unusable(path: str, exc: Exception, as_json: bool) -> None:
    if as_json:
        print_json({"path": path, "error": str(exc)})
    else:
        print(printable(f"error: {exc}"), file=sys.stderr)


def _predict_numbers(model, args: argparse.Namespace) -> int:
    """``predict --number``: each image's number, digit by digit."""
    # deferred: Pillow, NumPy, SciPy
    from lenet_desktop.analysis.number import digit_of, read_number
    from lenet_desktop.analysis.reading import notes, read  # deferred: Pillow, NumPy, SciPy
    from lenet_desktop.data.pictures import ImageReadError, load_image  # deferred: Pillow
    from lenet_desktop.files.catalog import translate  # deferred: off the command line's start

    if model.bundle.dataset.convention != "mnist":
        raise CommandError("--number reads digits: use a model trained on MNIST")
    failures = 0
    for path in args.images:
        try:
            image = load_image(path)
        except ImageReadError as exc:
            failures += 1
            _say_unusable(path, exc, args.json)
            continue
        number = read_number(model, image)
        if number is None:  # one digit: read as a single digit is
            single = read(model, image)
            if single.prediction is None:
                failures += 1
                _say_blank(path, args.json)
                continue
            digits = [digit_of(single)]
        else:
            digits = list(number.digits)
        text = "".join(d.label for d in digits)
        if args.json:
            listed = []
            for digit in digits:
                said = notes(None, digit.prediction.probabilities, digit.prediction.classes,
                             digit.doubt)  # fmt: skip
                top, left, bottom, right = digit.box
                listed.append(
                    {
                        "box": {"top": top, "left": left, "bottom": bottom, "right": right},
                        "label": digit.label,
                        "confidence": digit.confidence,
                        "cut": digit.cut,
                        "notes": [n.as_json(n.translated(translate)) for n in said],
                    }
                )
            unsure_cut = number is not None and number.unsure_cut
            print_json(
                {
                    "path": path,
                    "number": text,
                    "digits": listed,
                    "unsure_cut": unsure_cut,
                    "model": model_json(model.bundle),
                }
            )
        else:
            shares = " ".join(f"{d.label} {100 * d.confidence:.0f} %" for d in digits)
            print(f"{path}: {text} ({shares})")
            if number is not None and number.unsure_cut:
                print("  note: a cut between touching digits is unsure")
    return 1 if failures else 0


def model_json(bundle) -> dict:
    """What ``predict --json`` says of the model: its architecture, dataset and input scaling,
    and for a notebook's weights how they were found."""
    training = bundle.training or {}
    out = {
        "source": bundle.title,
        "architecture": bundle.architecture,
        "dataset": bundle.dataset.name,
        "mean": bundle.dataset.mean,
        "std": bundle.dataset.std,
    }
    if "imported_from" in training:
        out["scale"] = training.get("scale")
        if "found" in training:
            out["found"] = training["found"]
    return out


def _is_spec_file(target: str) -> bool:
    return target.lower().endswith(".toml")


def cmd_info(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from lenet_desktop.data.datasets import MNIST  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.files.model_files import shipped_models
    from lenet_desktop.nn.layer_table import (
        FORMULA,
        INPUT_SHAPE,
        layer_table,
        shape_text,
        total_parameters,
    )
    from lenet_desktop.nn.models import build_model  # deferred: NumPy, torch

    # deferred: off the command line's start
    from lenet_desktop.specs import resolve_spec, spec_architecture, spec_to_toml

    target = args.target or ("mnist" if "mnist" in shipped_models() else "modern")
    bundle = None
    if target in ARCHITECTURES or _is_spec_file(target):
        spec = resolve_spec(target, len(MNIST.classes))  # SpecError: exit 2, one line
        architecture = target if spec is None else spec_architecture(spec)
        network = build_model(spec or target, len(MNIST.classes), (MNIST.mean, MNIST.std))
    else:
        bundle = load(target, args)
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
        print_json(obj)
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
    print_table(table, right={3}, rules_after={0, len(table) - 2}, last_rule=12)
    print()
    size = ", ".join(str(n) for n in (1, *INPUT_SHAPE))
    print(f"The chapter's shape printout (D2L 6.6: X = torch.rand(size=({size})); for layer")
    print("in net: X = layer(X); print(layer.__class__.__name__, 'output shape: \\t', X.shape)):")
    for line in shape_printout(network):
        print(line)
    return 0


def shape_printout(network) -> list[str]:
    """The lines the LeNet chapter's loop prints for ``network``, as its ``print`` writes them
    (``Conv2d output shape: \\t torch.Size([1, 6, 28, 28])``)."""
    import torch  # deferred: NumPy, torch

    lines = []
    x = torch.rand(size=(1, 1, *INPUT_SHAPE[1:]), dtype=torch.float32)
    with torch.no_grad():
        for layer in network:
            x = layer(x)
            lines.append(" ".join((layer.__class__.__name__, "output shape: \t", str(x.shape))))
    return lines
