"""What several commands share: the one-line failure, JSON lines, opening a model."""

from __future__ import annotations

import argparse
import json


class CommandError(Exception):
    """A failure to report in one line with exit status 1."""


def print_json(obj: dict) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def load(name_or_path: str | None):
    from lenet_desktop.files.model_files import ModelFileError, load_default_model, load_model

    try:
        return load_model(name_or_path) if name_or_path else load_default_model()
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None


def predictor(args: argparse.Namespace, parser: argparse.ArgumentParser):
    from lenet_desktop.cli.commands_notebook import import_from_args, is_notebook_file
    from lenet_desktop.nn.inference import Predictor

    if is_notebook_file(args.model, getattr(args, "arch", None)):
        bundle = import_from_args(args.model, args)
    else:
        bundle = load(args.model)
    try:
        return Predictor(bundle, args.device)
    except ValueError as exc:
        parser.error(str(exc))


def config_options() -> dict:
    """TrainConfig's fields the command line offers, by name → dataclasses.Field."""
    from dataclasses import fields

    from lenet_desktop.training.config import TrainConfig

    return {f.name: f for f in fields(TrainConfig) if f.metadata.get("cli", True)}
