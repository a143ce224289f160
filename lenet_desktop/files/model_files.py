"""Model files: safetensors weights plus the metadata needed to use them, never pickle.

A model file holds the network's tensors and, in the safetensors header's metadata, the
architecture (a preset's name, or for a learner's own network its spec as JSON, so it loads with
no code), the dataset with its class names, the normalisation, the
preprocessing convention, the softmax temperature and a training summary. Loading parses the
header and tensors only: nothing in a file can run. Saving writes atomically
(:mod:`lenet_desktop.paths.atomic`), so a model file is either the old one or the whole new one.
The shipped models are in :func:`lenet_desktop.paths.places.models_folder`.

torch is imported inside the functions that make tensors, so listing the shipped models and
reading their headers costs nothing at start-up.
"""

from __future__ import annotations

import json
import math
import os
import struct
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from lenet_desktop.data.datasets import CONVENTIONS, DatasetInfo, describe
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.nn.bundle import ModelBundle, ModelHeader, preset_of
from lenet_desktop.options import ARCHITECTURES
from lenet_desktop.paths import atomic
from lenet_desktop.paths.places import models_folder
from lenet_desktop.specs import (
    PRESET_LAYERS,
    SpecError,
    is_preset,
    spec_from_json,
)
from lenet_desktop.specs import spec_to_json as _spec_to_json

if TYPE_CHECKING:
    import torch
    from torch import nn

    from lenet_desktop.nn.numpy_forward import NumpyPredictor

FORMAT = "lenet-desktop"
FORMAT_VERSION = "1"
SUFFIX = ".safetensors"
# Dropped or pasted files with these endings are meant as models: they go to the model loader,
# which refuses pickles (.pt, .pth, .ckpt, .pkl) with a message saying why.
MODEL_SUFFIXES = (SUFFIX, ".params", ".pt", ".pth", ".ckpt", ".pkl")  # dropped: a model
# Far above any LeNet (a few hundred kilobytes) and far below what would hurt to read.
MAX_FILE_BYTES = 256 * 1024 * 1024

DEFAULT_MODEL = "mnist"
# The shipped models in the Model menu's order (Ctrl+1, Ctrl+2, …): the default first, the
# book's own network (on its chapter's dataset, then on MNIST) after the app's two.
SHIPPED_ORDER = (DEFAULT_MODEL, "fashion-mnist", "book", "book-mnist", "lenet5")


class ModelFileError(LocalizedError):
    """A model file that cannot be used; the message names the file and says why."""


class NotOurModelError(ModelFileError):
    """A readable safetensors file without LeNet Desktop's metadata: perhaps a notebook's
    bare state dict (:mod:`lenet_desktop.files.notebook` can import it)."""


def shipped_models() -> dict[str, Path]:
    """The shipped models by name (``mnist``, ``fashion-mnist``, …) → file, in SHIPPED_ORDER
    (the default first), then any other by name."""
    folder = models_folder()
    if not folder.is_dir():
        return {}
    found = {p.name[: -len(SUFFIX)]: p for p in sorted(folder.glob(f"*{SUFFIX}"))}
    order = sorted(
        found,
        key=lambda name: (SHIPPED_ORDER.index(name) if name in SHIPPED_ORDER else 99, name),
    )
    return {name: found[name] for name in order}


def load_default_model() -> ModelBundle:
    """The shipped default model (or the first shipped one); ModelFileError if none is here."""
    shipped = shipped_models()
    if not shipped:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: no shipped model is installed"),
            path=models_folder(),
        )
    return load_model(next(iter(shipped)))


def resolve_model_path(name_or_path: str | os.PathLike[str]) -> Path:
    """A shipped model's name or a file path → the file. ModelFileError if there is none."""
    text = os.fspath(name_or_path)
    shipped = shipped_models()
    if text in shipped:
        return shipped[text]
    path = Path(text).expanduser()
    if path.is_file():
        return path
    if path.exists():
        raise ModelFileError(QT_TRANSLATE_NOOP("errors", "{path}: is not a file"), path=path)
    if os.sep not in text and "." not in text:
        raise ModelFileError(
            QT_TRANSLATE_NOOP(
                "errors", "{name}: no such model (shipped models: {names}) and no such file"
            ),
            name=text,
            names=", ".join(shipped) or "—",
        )
    raise ModelFileError(QT_TRANSLATE_NOOP("errors", "{path}: no such file"), path=path)


def _refuse_foreign(data: bytes, path: Path) -> None:
    """Refuse a file that is plainly not safetensors, saying what it is (pickles are never
    opened: unpickling can run code)."""
    if data[:4] == b"PK\x03\x04":
        raise ModelFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: this is a PyTorch .pt/.pth archive (pickle); it is not opened because "
                "unpickling can run code. Convert it to safetensors first",
            ),
            path=path,
        )
    if data[:1] == b"\x80" and len(data) > 1 and 2 <= data[1] <= 5:
        raise ModelFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: this is a Python pickle; it is not opened because unpickling can run code",
            ),
            path=path,
        )


def _read_header(data: bytes, path: Path) -> dict:
    if len(data) < 8:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: not a model file (only {size} bytes)"),
            path=path,
            size=len(data),
        )
    (length,) = struct.unpack("<Q", data[:8])
    if length > len(data) - 8:
        raise ModelFileError(
            QT_TRANSLATE_NOOP(
                "errors", "{path}: the file is truncated or not a safetensors model file"
            ),
            path=path,
        )
    try:
        header = json.loads(data[8 : 8 + length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        header = None
    if not isinstance(header, dict):
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: not a safetensors model file (unreadable header)"),
            path=path,
        )
    return header


def _damaged(path: Path, detail: object) -> ModelFileError:
    return ModelFileError(
        QT_TRANSLATE_NOOP("errors", "{path}: damaged metadata ({detail})"), path=path, detail=detail
    )


def _metadata_fields(meta: dict, path: Path) -> dict:
    """Check and decode the metadata a LeNet Desktop model file carries."""
    if meta.get("format") != FORMAT or "architecture" not in meta:
        raise NotOurModelError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: a safetensors file, but not a LeNet Desktop model (its metadata names "
                "no architecture)",
            ),
            path=path,
        )
    architecture = meta["architecture"]
    spec = None
    if "spec" in meta:
        try:
            spec = spec_from_json(meta["spec"])
        except (SpecError, TypeError) as exc:
            raise ModelFileError(
                QT_TRANSLATE_NOOP("errors", "{path}: its architecture spec is broken: {detail}"),
                path=path,
                detail=exc,
            ) from None
    elif architecture not in ARCHITECTURES:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: unknown architecture {name!r} (known: {known})"),
            path=path,
            name=architecture,
            known=", ".join(ARCHITECTURES),
        )
    try:
        classes = json.loads(meta["classes"])
        mean, std = float(meta["mean"]), float(meta["std"])
        temperature = float(meta.get("temperature", "1.0"))
        training = json.loads(meta.get("training", "{}"))
        unlike = meta.get("unlike_threshold")
        unlike_threshold = None if unlike is None else float(unlike)
    except (KeyError, ValueError, TypeError) as exc:
        raise _damaged(path, exc) from None
    if (
        not isinstance(classes, list)
        or len(classes) < 2
        or not all(isinstance(c, str) for c in classes)
    ):
        raise _damaged(path, "class names")
    if not (math.isfinite(mean) and math.isfinite(std) and std > 0):
        raise _damaged(path, f"normalisation {mean}, {std}")
    if not (math.isfinite(temperature) and temperature > 0):
        raise _damaged(path, f"temperature {temperature}")
    if unlike_threshold is not None and not math.isfinite(unlike_threshold):
        raise _damaged(path, f"unlike_threshold {unlike_threshold}")
    convention = meta.get("convention", "mnist")
    if convention not in CONVENTIONS:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: unknown preprocessing convention {name!r}"),
            path=path,
            name=convention,
        )
    return {
        "architecture": architecture,
        "spec": spec or preset_of(architecture, len(classes)),
        "dataset": describe(meta.get("dataset", "custom"), tuple(classes), mean, std, convention),
        "training": training if isinstance(training, dict) else {},
        "temperature": temperature,
        "unlike_threshold": unlike_threshold,
    }


def _check_tensors(
    network: nn.Module, tensors: dict[str, torch.Tensor], fields: dict, path: Path
) -> None:
    import torch  # deferred: NumPy, torch

    expected = network.state_dict()
    problems = []
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    if missing:
        problems.append("missing " + ", ".join(missing[:4]) + (" …" if len(missing) > 4 else ""))
    if extra:
        problems.append("unexpected " + ", ".join(extra[:4]) + (" …" if len(extra) > 4 else ""))
    for name in sorted(set(expected) & set(tensors)):
        if tuple(tensors[name].shape) != tuple(expected[name].shape):
            want = "×".join(map(str, expected[name].shape)) or "scalar"
            got = "×".join(map(str, tensors[name].shape)) or "scalar"
            problems.append(f"{name} is {got}, expected {want}")
    if problems:
        raise ModelFileError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: its tensors do not fit the {name!r} architecture with {count} classes: "
                "{problems}",
            ),
            path=path,
            name=fields["architecture"],
            count=len(fields["dataset"].classes),
            problems="; ".join(problems[:6]),
        )
    for name, tensor in tensors.items():
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise ModelFileError(
                QT_TRANSLATE_NOOP(
                    "errors", "{path}: the weights contain NaN or infinite values ({name})"
                ),
                path=path,
                name=name,
            )


def read_model_file(path: Path) -> tuple[bytes, dict]:
    """A model file's bytes and its checked metadata fields (no torch needed)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ModelFileError(
                QT_TRANSLATE_NOOP("errors", "{path}: too large for a LeNet model ({size} bytes)"),
                path=path,
                size=size,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: cannot be read ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    try:
        header = _read_header(data, path)
    except ModelFileError:
        # Say what the file is when it is plainly something else. (Only then: a safetensors
        # header of 0x0580 bytes begins with the same two bytes as a pickle.)
        _refuse_foreign(data, path)
        raise
    return data, _metadata_fields(header.get("__metadata__") or {}, path)


def load_model(name_or_path: str | os.PathLike[str]) -> ModelBundle:
    """Load a shipped model by name or a ``.safetensors`` model file (on the CPU).

    Raises ModelFileError, naming the file, for anything that is not a whole, valid model file
    of a known architecture. No code from the file is ever executed.
    """
    from safetensors.torch import load as load_tensors  # deferred: NumPy, safetensors, torch

    from lenet_desktop.nn.models import build_model  # deferred: NumPy, torch

    path = resolve_model_path(name_or_path)
    data, fields = read_model_file(path)
    try:
        tensors = load_tensors(data)
    except Exception as exc:  # safetensors raises its own error types for damaged data
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: the tensor data is damaged ({detail})"),
            path=path,
            detail=exc,
        ) from None
    info: DatasetInfo = fields["dataset"]
    try:
        network = build_model(
            fields["spec"] or fields["architecture"], len(info.classes), (info.mean, info.std)
        )
    except SpecError as exc:
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: its architecture spec is broken: {detail}"),
            path=path,
            detail=exc,
        ) from None
    if fields["architecture"] == "lenet5" and "output.weight" in tensors:
        from lenet_desktop.nn.models import lenet5  # deferred: NumPy, torch

        # Made before LeNet-5 had its RBF output: the linear output it was trained with.
        network = lenet5(len(info.classes), -info.mean / info.std, rbf=False)
    _check_tensors(network, tensors, fields, path)
    expected = network.state_dict()
    network.load_state_dict({k: v.to(expected[k].dtype) for k, v in tensors.items()})
    network.eval()
    return ModelBundle(network=network, source=model_source(path), **fields)


def load_numpy_model(name_or_path: str | os.PathLike[str]) -> NumpyPredictor:
    """A shipped model by name or a model file, ready to answer in NumPy (no torch: the window's
    first answers, :mod:`lenet_desktop.nn.numpy_forward`).

    Raises ModelFileError for a file that is not a valid model (as :func:`load_model` would),
    and UnsupportedModel for one NumPy cannot run (tensors of a type NumPy lacks, a tensor
    missing or extra): torch's loader then has the last word.
    """
    # NumPy and its forward pass, deferred on purpose: listing and reading headers needs neither
    from safetensors.numpy import load

    # deferred: Pillow, NumPy, SciPy
    from lenet_desktop.nn.numpy_forward import UnsupportedModel, numpy_predictor

    path = resolve_model_path(name_or_path)
    data, fields = read_model_file(path)
    try:
        tensors = load(data)
    except Exception as exc:  # damaged data, or a dtype NumPy has not (bfloat16)
        raise UnsupportedModel(f"{path}: {exc}") from None
    return numpy_predictor(ModelHeader(source=model_source(path), **fields), tensors, path)


def model_source(path: Path) -> str:
    """A model file's ``source``: the shipped model's name, else the file's path."""
    shipped = {p.resolve(): n for n, p in shipped_models().items()}
    return shipped.get(path.resolve(), str(path))


def model_metadata(bundle: ModelBundle) -> dict[str, str]:
    """The string metadata written into a model file's header."""
    info = bundle.dataset
    # A preset is known by its name (and a file of one stays readable by older versions); any
    # other network carries its spec.
    custom = bundle.spec is not None and not (
        bundle.architecture in PRESET_LAYERS and is_preset(bundle.spec)
    )
    spec = {"spec": _spec_to_json(bundle.spec)} if bundle.spec is not None and custom else {}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "architecture": bundle.architecture,
        **spec,
        "dataset": info.name,
        "classes": json.dumps(list(info.classes), ensure_ascii=False),
        "mean": repr(float(info.mean)),
        "std": repr(float(info.std)),
        "convention": info.convention,
        "temperature": repr(float(bundle.temperature)),
        **(
            {}
            if bundle.unlike_threshold is None
            else {"unlike_threshold": repr(float(bundle.unlike_threshold))}
        ),
        "training": json.dumps(bundle.training, ensure_ascii=False),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def save_model(bundle: ModelBundle, path: str | os.PathLike[str]) -> Path:
    """Write ``bundle`` to ``path`` atomically (temporary file, fsync, rename).

    Refuses (ModelFileError) a network with non-finite weights; the previous file at ``path``
    is untouched on any failure.
    """
    import torch  # deferred: NumPy, torch
    from safetensors.torch import save as save_tensors  # deferred: NumPy, safetensors, torch

    path = Path(path)
    tensors = {
        k: v.detach().to("cpu").contiguous().clone() for k, v in bundle.network.state_dict().items()
    }
    for name, tensor in tensors.items():
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise ModelFileError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: not saved, the weights contain NaN or infinite values ({name})",
                ),
                path=path,
                name=name,
            )
    payload = save_tensors(tensors, metadata=model_metadata(bundle))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        atomic.write_bytes(path, payload)
    except OSError as exc:
        writable = folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)
        raise ModelFileError(
            QT_TRANSLATE_NOOP("errors", "{path}: could not be saved ({detail})")
            if writable
            else QT_TRANSLATE_NOOP("errors", "{path}: cannot write here ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    return path
