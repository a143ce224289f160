"""What every command shares: its errors, JSON output, the device and model options."""

from __future__ import annotations

import argparse
import json


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
