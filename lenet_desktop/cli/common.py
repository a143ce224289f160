"""What several commands share: the one-line failure, JSON lines, opening a model."""

from __future__ import annotations

import argparse
import json

from lenet_desktop.messages import printable


class CommandError(Exception):
    """A failure to report in one line with exit status 1."""


def print_json(obj: dict) -> None:
    """One line of JSON, valid UTF-8 whatever a file put in ``obj`` (:func:`printable`)."""
    print(printable(json.dumps(obj, ensure_ascii=False)), flush=True)


def load(name_or_path: str | None, args: argparse.Namespace | None = None):
    """The model a command names: a shipped model, a model file, or a notebook's weights
    (found by trying them, or as ``args``' ``--arch``/``--dataset``/``--scale`` say).
    CommandError in one line."""
    # deferred: off the command line's start
    from lenet_desktop.files.model_files import (
        ModelFileError,
        NotOurModelError,
        load_default_model,
        load_model,
    )
    from lenet_desktop.files.trying import NothingFits  # deferred: off the command line's start

    epoch = getattr(args, "epoch", None)
    run = kept_run(name_or_path)
    if epoch is not None:
        return _epoch_of(run, name_or_path, epoch)
    if not name_or_path:
        return load_default_model()
    if run is not None:
        try:
            return load_model(run.model_path)
        except ModelFileError as exc:
            raise CommandError(str(exc)) from None
    if is_notebook_file(name_or_path, getattr(args, "arch", None)):
        return open_notebook(name_or_path, args)
    try:
        return load_model(name_or_path)
    except NotOurModelError as exc:  # no metadata of ours: a notebook's bare safetensors, maybe
        try:
            return open_notebook(name_or_path, args, quiet_misfit=True)
        except NothingFits:
            raise CommandError(str(exc)) from None
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None


def kept_run(name: str | None):
    """The kept run ``name`` names — its folder's name in the runs folder (its id, as
    ``lenet-desktop runs`` lists it), or the path of a run's folder — else None."""
    from pathlib import Path  # deferred: off the command line's start

    from lenet_desktop.training.run_record import RECORD  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.training.runs import RunError, RunStore

    if not name:
        return None
    path = Path(name).expanduser()
    try:
        if path.is_dir() and (path / RECORD).is_file():
            return RunStore(path.resolve().parent).read(path.resolve())
        if Path(name).name == name and not path.exists():  # a bare name: a run's id
            store = RunStore()
            folder = store.folder(name)
            return store.read(folder) if folder.is_dir() else None
    except RunError as exc:
        raise CommandError(str(exc)) from None
    return None


def _epoch_of(run, name: str | None, epoch: int):
    """Epoch ``epoch``'s weights of ``run`` (CommandError saying what is kept)."""
    # deferred: off the command line's start
    from lenet_desktop.files.model_files import ModelFileError, load_model

    if run is None:
        raise CommandError(
            f"{name or 'no --model'}: --epoch needs a kept run (its id from `lenet-desktop "
            "runs`, or its folder)"
        )
    kept = run.epochs_kept
    if not 0 <= epoch < kept:
        held = f"epochs 0–{kept - 1} are kept" if kept else "it kept no epochs"
        raise CommandError(f"run {run.id}: no epoch {epoch} ({held})")
    try:
        return load_model(run.epoch_path(epoch))
    except ModelFileError as exc:
        raise CommandError(str(exc)) from None


def is_notebook_file(name: str | None, arch: str | None = None) -> bool:
    """A pickle-based weights file, or a safetensors file named with --arch."""
    from pathlib import Path  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.files.notebook import PICKLE_SUFFIXES

    if not name:
        return False
    suffix = Path(name).suffix.lower()
    return suffix in PICKLE_SUFFIXES or (suffix == ".safetensors" and arch is not None)


def open_notebook(path: str, args: argparse.Namespace | None = None, quiet_misfit: bool = False):
    """A notebook's model, found by trying what its weights could be (what ``--arch``,
    ``--dataset`` and ``--scale`` give is not tried); what was found, and what a checkpoint
    held besides the weights, said on stderr."""
    import sys  # deferred: off the command line's start

    from lenet_desktop.data.datasets import dataset_info  # deferred: off the command line's start
    from lenet_desktop.files.notebook import NotebookError  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.files.notebook_specs import Candidate

    # deferred: off the command line's start
    from lenet_desktop.files.trying import NothingFits, open_notebook
    from lenet_desktop.options import ARCHITECTURES  # deferred: off the command line's start

    # deferred: off the command line's start
    from lenet_desktop.specs import SpecError, resolve_spec

    dataset = getattr(args, "dataset", None)
    info = dataset_info(dataset) if dataset else None
    arch = getattr(args, "arch", None)
    candidate = None
    try:
        if arch:
            spec = resolve_spec(arch, len(info.classes) if info else 10)
            if spec is None:
                raise CommandError(f"{arch}: LeNet-5's own layers cannot come from a notebook")
            candidate = Candidate(arch if arch in ARCHITECTURES else spec.name or arch, spec)
        bundle, finding = open_notebook(path, candidate, info, getattr(args, "scale", None))
    except NothingFits:
        if quiet_misfit:  # the caller has a better word for it
            raise
        raise CommandError(str(sys.exc_info()[1])) from None
    except (NotebookError, SpecError) as exc:
        raise CommandError(str(exc)) from None
    best = finding.best
    if finding.verdict == "given":
        return bundle
    scale = "[0, 1] input (ToTensor)" if best.scale == "unit" else "standardised input"
    print(
        f"{path}: {_network_name(best.candidate)}, "
        f"{dataset_info(best.dataset).title}, {scale}: reads {100 * best.accuracy:.0f} % of "
        f"{best.images} test images",
        file=sys.stderr,
    )
    if finding.weights.ignored:
        print(
            f"{path}: a checkpoint; read its weights, ignored: "
            f"{', '.join(finding.weights.ignored)}",
            file=sys.stderr,
        )
    return bundle


def _network_name(candidate) -> str:
    """``d2l (sigmoid + average pooling)``, or a network of no preset by its layers alone."""
    # deferred: off the command line's start
    from lenet_desktop.files.notebook_specs import describe
    from lenet_desktop.options import ARCHITECTURES  # deferred: off the command line's start

    words = describe(candidate.spec)
    return f"{candidate.name} ({words})" if candidate.name in ARCHITECTURES else words


def predictor(args: argparse.Namespace, parser: argparse.ArgumentParser):
    from lenet_desktop.nn.inference import Predictor  # deferred: Pillow, NumPy, SciPy, torch

    bundle = load(args.model, args)
    try:
        return Predictor(bundle, args.device)
    except ValueError as exc:
        parser.error(str(exc))


def config_options() -> dict:
    """TrainConfig's fields the command line offers, by name → dataclasses.Field."""
    from dataclasses import fields  # deferred: off the command line's start

    from lenet_desktop.training.config import TrainConfig  # deferred: off the command line's start

    return {f.name: f for f in fields(TrainConfig) if f.metadata.get("cli", True)}
