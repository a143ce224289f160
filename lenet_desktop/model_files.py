"""Model files: safetensors weights plus the metadata needed to use them, never pickle.

A model file holds the network's tensors and, in the safetensors header's metadata, the
architecture, the dataset with its class names, the normalisation, the preprocessing convention
and a training summary. Loading parses the header and tensors only: nothing in a file can run.
Saving writes a temporary file beside the target and renames it over, so a model file is either
the old one or the whole new one.
"""

from __future__ import annotations

import json
import math
import os
import struct
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import torch
from safetensors.torch import load as load_tensors
from safetensors.torch import save as save_tensors
from torch import nn

from .datasets import CONVENTIONS, DatasetInfo
from .models import ARCHITECTURES, build_model

FORMAT = "lenet-desktop"
FORMAT_VERSION = "1"
SUFFIX = ".safetensors"
# Far above any LeNet (a few hundred kilobytes) and far below what would hurt to read.
MAX_FILE_BYTES = 256 * 1024 * 1024

PACKAGE_DIR = Path(__file__).resolve().parent


class ModelFileError(ValueError):
    """A model file that cannot be used; the message names the file and says why."""


@dataclass
class ModelBundle:
    """A network with everything needed to feed it and read its answers.

    ``network`` maps ``(N, 1, 28, 28)`` normalised images to ``(N, len(classes))`` logits.
    """

    network: nn.Sequential
    architecture: str
    dataset: str
    classes: tuple[str, ...]
    mean: float
    std: float
    convention: str
    training: dict = field(default_factory=dict)
    source: str = ""

    @property
    def title(self) -> str:
        return self.source or f"{self.architecture} ({self.dataset})"


def new_model(
    architecture: str, dataset: DatasetInfo, mean: float | None = None, std: float | None = None
) -> ModelBundle:
    """A freshly initialised model for ``dataset``, normalised with its statistics by default."""
    mean = dataset.mean if mean is None else mean
    std = dataset.std if std is None else std
    network = build_model(architecture, len(dataset.classes), (mean, std))
    return ModelBundle(
        network=network,
        architecture=architecture,
        dataset=dataset.name,
        classes=dataset.classes,
        mean=mean,
        std=std,
        convention=dataset.convention,
    )


def models_dir() -> Path:
    """Where the shipped weights are: inside the package when installed or frozen, else the
    repository's top-level ``models/``."""
    inside = PACKAGE_DIR / "models"
    return inside if inside.is_dir() else PACKAGE_DIR.parent / "models"


def shipped_models() -> dict[str, Path]:
    """The shipped models by name (``mnist``, ``fashion-mnist``) → file."""
    folder = models_dir()
    if not folder.is_dir():
        return {}
    return {p.name[: -len(SUFFIX)]: p for p in sorted(folder.glob(f"*{SUFFIX}"))}


DEFAULT_MODEL = "mnist"


def load_default_model() -> ModelBundle:
    """The shipped ``mnist`` model (or the first shipped one); ModelFileError if none is here."""
    shipped = shipped_models()
    if not shipped:
        raise ModelFileError(f"{models_dir()}: no shipped model is installed")
    return load_model(DEFAULT_MODEL if DEFAULT_MODEL in shipped else next(iter(shipped)))


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
        raise ModelFileError(f"{path}: is not a file")
    if os.sep not in text and "." not in text:
        names = ", ".join(shipped) or "none are installed"
        raise ModelFileError(f"{text}: no such model (shipped models: {names}) and no such file")
    raise ModelFileError(f"{path}: no such file")


def _describe_foreign(data: bytes) -> str | None:
    """Say what a file is when it is plainly not safetensors (pickles get a warning)."""
    if data[:4] == b"PK\x03\x04":
        return (
            "a PyTorch .pt/.pth archive (pickle); it is not opened because unpickling can "
            "run code. Convert it to safetensors first"
        )
    if data[:1] == b"\x80" and len(data) > 1 and 2 <= data[1] <= 5:
        return "a Python pickle; it is not opened because unpickling can run code"
    return None


def _read_header(data: bytes, path: Path) -> dict:
    if len(data) < 8:
        raise ModelFileError(f"{path}: not a model file (only {len(data)} bytes)")
    (length,) = struct.unpack("<Q", data[:8])
    if length > len(data) - 8:
        raise ModelFileError(f"{path}: the file is truncated or not a safetensors model file")
    try:
        header = json.loads(data[8 : 8 + length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ModelFileError(f"{path}: not a safetensors model file (unreadable header)") from None
    if not isinstance(header, dict):
        raise ModelFileError(f"{path}: not a safetensors model file (unreadable header)")
    return header


def _metadata_fields(meta: dict, path: Path) -> dict:
    """Check and decode the metadata a LeNet Desktop model file carries."""
    if meta.get("format") != FORMAT or "architecture" not in meta:
        raise ModelFileError(
            f"{path}: a safetensors file, but not a LeNet Desktop model "
            "(its metadata names no architecture)"
        )
    architecture = meta["architecture"]
    if architecture not in ARCHITECTURES:
        known = ", ".join(ARCHITECTURES)
        raise ModelFileError(f"{path}: unknown architecture {architecture!r} (known: {known})")
    try:
        classes = json.loads(meta["classes"])
        mean, std = float(meta["mean"]), float(meta["std"])
        training = json.loads(meta.get("training", "{}"))
    except (KeyError, ValueError, TypeError) as exc:
        raise ModelFileError(f"{path}: damaged metadata ({exc})") from None
    if (
        not isinstance(classes, list)
        or len(classes) < 2
        or not all(isinstance(c, str) for c in classes)
    ):
        raise ModelFileError(f"{path}: damaged metadata (class names)")
    if not (math.isfinite(mean) and math.isfinite(std) and std > 0):
        raise ModelFileError(f"{path}: damaged metadata (normalisation {mean}, {std})")
    convention = meta.get("convention", "mnist")
    if convention not in CONVENTIONS:
        raise ModelFileError(f"{path}: unknown preprocessing convention {convention!r}")
    return {
        "architecture": architecture,
        "dataset": meta.get("dataset", "custom"),
        "classes": tuple(classes),
        "mean": mean,
        "std": std,
        "convention": convention,
        "training": training if isinstance(training, dict) else {},
    }


def _check_tensors(
    network: nn.Module, tensors: dict[str, torch.Tensor], fields: dict, path: Path
) -> None:
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
            f"{path}: its tensors do not fit the {fields['architecture']!r} architecture with "
            f"{len(fields['classes'])} classes: " + "; ".join(problems[:6])
        )
    for name, tensor in tensors.items():
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise ModelFileError(f"{path}: the weights contain NaN or infinite values ({name})")


def load_model(name_or_path: str | os.PathLike[str]) -> ModelBundle:
    """Load a shipped model by name or a ``.safetensors`` model file (on the CPU).

    Raises ModelFileError, naming the file, for anything that is not a whole, valid model file
    of a known architecture. No code from the file is ever executed.
    """
    path = resolve_model_path(name_or_path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ModelFileError(f"{path}: too large for a LeNet model ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    foreign = _describe_foreign(data)
    if foreign:
        raise ModelFileError(f"{path}: this is {foreign}")
    header = _read_header(data, path)
    fields = _metadata_fields(header.get("__metadata__") or {}, path)
    try:
        tensors = load_tensors(data)
    except Exception as exc:  # safetensors raises its own error types for damaged data
        raise ModelFileError(f"{path}: the tensor data is damaged ({exc})") from None
    network = build_model(
        fields["architecture"], len(fields["classes"]), (fields["mean"], fields["std"])
    )
    _check_tensors(network, tensors, fields, path)
    expected = network.state_dict()
    network.load_state_dict({k: v.to(expected[k].dtype) for k, v in tensors.items()})
    network.eval()
    shipped = {p.resolve(): n for n, p in shipped_models().items()}
    return ModelBundle(network=network, source=shipped.get(path.resolve(), str(path)), **fields)


def model_metadata(bundle: ModelBundle) -> dict[str, str]:
    """The string metadata written into a model file's header."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "architecture": bundle.architecture,
        "dataset": bundle.dataset,
        "classes": json.dumps(list(bundle.classes), ensure_ascii=False),
        "mean": repr(float(bundle.mean)),
        "std": repr(float(bundle.std)),
        "convention": bundle.convention,
        "training": json.dumps(bundle.training, ensure_ascii=False),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }


def save_model(bundle: ModelBundle, path: str | os.PathLike[str]) -> Path:
    """Write ``bundle`` to ``path`` atomically (temporary file, fsync, rename).

    Refuses (ModelFileError) a network with non-finite weights; the previous file at ``path``
    is untouched on any failure.
    """
    path = Path(path)
    tensors = {
        k: v.detach().to("cpu").contiguous().clone() for k, v in bundle.network.state_dict().items()
    }
    for name, tensor in tensors.items():
        if tensor.is_floating_point() and not torch.isfinite(tensor).all():
            raise ModelFileError(
                f"{path}: not saved, the weights contain NaN or infinite values ({name})"
            )
    payload = save_tensors(tensors, metadata=model_metadata(bundle))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ModelFileError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise ModelFileError(f"{path}: could not be saved ({exc.strerror or exc})") from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
