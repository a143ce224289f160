"""A learner's own network, from their notebook: the book's ``torch.save(net.state_dict(),
'lenet.params')``, a ``.pt``/``.pth`` or a bare ``.safetensors`` state dict.

Reading never runs code: pickle-based files go through PyTorch's restricted loader only
(``torch.load(..., weights_only=True)``, which builds tensors and plain containers and refuses
everything else), on a PyTorch where that loader has no known escape (2.6 or later). Anything
that is not a mapping of names to tensors — a whole pickled module, an optimiser checkpoint, a
payload — is refused in one line.

The architecture is found by the order of the parameterised layers and their shapes, so both
the book's ``nn.Sequential`` keys (``0.weight``, ``3.weight``, …) and a class-based LeNet
(``conv1.weight``, ``fc1.weight``, …) match. Shapes alone cannot tell sigmoid from ReLU or
average from max pooling: every preset (and spec) that fits is a candidate, the book's ``d2l``
first for the ``nn.Sequential`` layout; the learner (or ``--arch``) chooses.

A notebook's network saw ``ToTensor()`` pixels in [0, 1] with no normalisation: the import
records that scaling (or the dataset's statistics, or custom ones), and never changes a weight.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lenet_desktop.files.notebook_specs import (
    Candidate,
    candidates,
    describe_misfit,
    fits,
    layers_of,
)
from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.paths import atomic
from lenet_desktop.specs.code import sequential_keys

if TYPE_CHECKING:
    import torch

    from lenet_desktop.data.datasets import DatasetInfo
    from lenet_desktop.nn.bundle import ModelBundle

PICKLE_SUFFIXES = (".params", ".pt", ".pth")
NOTEBOOK_SUFFIXES = (*PICKLE_SUFFIXES, ".safetensors")
SAFE_TORCH = (2, 6)  # torch.load(weights_only=True) has no known escape from this version on
MAX_FILE_BYTES = 512 * 1024 * 1024
SCALES = ("unit", "standard")  # ToTensor's [0, 1] as it is; or the dataset's mean and std


class NotebookError(LocalizedError):
    """A notebook file that cannot be used; the message names the file and says why."""


def _torch_version() -> tuple[int, int]:
    import torch  # deferred: NumPy, torch

    major, minor = torch.__version__.split("+")[0].split(".")[:2]
    return int(major), int("".join(c for c in minor if c.isdigit()) or 0)


# The entries of a checkpoint dictionary that may hold the network's weights (PyTorch's
# tutorial writes model_state_dict; Lightning and others state_dict; some model or net).
CHECKPOINT_KEYS = ("model_state_dict", "state_dict", "model", "net")
# Prefixes a notebook's keys may carry: the English book's class keeps its layers in self.net,
# others in self.model, and nn.DataParallel adds module.
PREFIXES = ("module.", "model.", "net.")


@dataclass(frozen=True)
class Weights:
    """A notebook file's weights: ``state`` (``name → tensor``, its keys without a prefix every
    key shared, in the network's order), the ``prefix`` taken off (``net.``) and the entries of
    a checkpoint that were not the weights (``epoch``, ``optimizer_state_dict``…), ignored."""

    state: dict[str, torch.Tensor]
    prefix: str = ""
    ignored: tuple[str, ...] = ()


def read_state_dict(path: str | os.PathLike[str]) -> dict[str, torch.Tensor]:
    """The ``name → tensor`` mapping in a notebook file (see :func:`read_weights`)."""
    return read_weights(path).state


def read_weights(path: str | os.PathLike[str]) -> Weights:
    """The weights in a notebook file, read without running any code: a state dict as
    ``torch.save`` or safetensors wrote it, or a checkpoint dictionary holding one. Raises
    NotebookError naming the file, in the app's words."""
    path = Path(path)
    try:
        size = path.stat().st_size
        regular = path.is_file()
    except OSError as exc:
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: cannot be read ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    if not regular:
        raise NotebookError(QT_TRANSLATE_NOOP("errors", "{path}: is not a file"), path=path)
    if size > MAX_FILE_BYTES:
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: too large for a LeNet ({size} bytes)"),
            path=path,
            size=size,
        )
    data = _read_safetensors(path) if path.suffix.lower() == ".safetensors" else _unpickle(path)
    ignored: tuple[str, ...] = ()
    if isinstance(data, dict) and not _all_tensors(data):
        held = next((k for k in CHECKPOINT_KEYS if isinstance(data.get(k), dict)), None)
        if held is not None:  # a checkpoint: the weights, and what else it kept
            ignored = tuple(str(k) for k in data if k != held)
            data = data[held]
    if not isinstance(data, dict) or not data:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: holds a {kind}, not a network's weights; in your notebook run "
                "torch.save(net.state_dict(), 'lenet.params') and open that",
            ),
            path=path,
            kind=type(data).__name__,
        )
    import torch  # deferred: NumPy, torch

    bad = next(
        (k for k, v in data.items() if not isinstance(k, str) or not isinstance(v, torch.Tensor)),
        None,
    )
    if bad is not None:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: {key!r} is not a tensor of weights; in your notebook run "
                "torch.save(net.state_dict(), 'lenet.params') and open that",
            ),
            path=path,
            key=_printable(str(bad))[:80],
        )
    prefix = _common_prefix(list(data))
    state = {key[len(prefix) :]: value for key, value in data.items()}
    return Weights(_in_order(state, sorted_as_text=path.suffix.lower() == ".safetensors"),
                   prefix, ignored)  # fmt: skip


def _all_tensors(data: dict) -> bool:
    import torch  # deferred: NumPy, torch

    return all(isinstance(v, torch.Tensor) for v in data.values())


def _printable(text: str) -> str:
    """``text`` without control characters (a terminal's escape codes among them)."""
    return "".join(c if c.isprintable() else "?" for c in text)


def _read_safetensors(path: Path) -> Any:
    from safetensors.torch import load_file  # deferred: NumPy, safetensors, torch

    try:
        return load_file(str(path), device="cpu")
    except Exception:  # safetensors' own errors name no file
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: not a safetensors file, or a damaged one"),
            path=path,
        ) from None


# What PyTorch's restricted loader names when a pickle holds a whole network object.
WHOLE_NETWORK = ("torch.nn.modules", "__main__.", "d2l.")


def _unpickle(path: Path) -> Any:
    """A pickle read by PyTorch's restricted loader alone (nothing in it can run), its warnings
    kept off the terminal; a refusal said in the app's words, never PyTorch's (which suggest
    loading the file unsafely)."""
    import torch  # deferred: NumPy, torch

    if _torch_version() < SAFE_TORCH:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: PyTorch {version} cannot open pickle files safely; install "
                "PyTorch 2.6 or later (pip install -U torch), or save the weights with "
                "safetensors",
            ),
            path=path,
            version=torch.__version__,
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return torch.load(str(path), weights_only=True, map_location="cpu")
    except Exception as exc:  # the restricted loader refused it, or it is damaged
        said = str(exc)
        if "Unsupported global" in said or "Weights only load failed" in said:
            if any(f"GLOBAL {name}" in said for name in WHOLE_NETWORK) or _names_modules(path):
                raise NotebookError(
                    QT_TRANSLATE_NOOP(
                        "errors",
                        "{path}: this file holds the whole network object, which cannot be "
                        "opened safely; in your notebook run torch.save(net.state_dict(), "
                        "'lenet.params') and open that",
                    ),
                    path=path,
                ) from None
            raise NotebookError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: this pickle holds Python objects other than weights, which could "
                    "run code; it was refused and nothing in it ran",
                ),
                path=path,
            ) from None
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: not a PyTorch file of weights, or a damaged one; in your notebook run "
                "torch.save(net.state_dict(), 'lenet.params') and open that",
            ),
            path=path,
        ) from None


def _names_modules(path: Path) -> bool:
    """Whether a pickle names PyTorch's layer classes: a whole network (its own class may come
    first, from the learner's notebook or module). Read as bytes: nothing is unpickled."""
    try:
        return b"torch.nn.modules" in path.read_bytes()
    except OSError:
        return False


def _common_prefix(keys: list[str]) -> str:
    """The prefixes (PREFIXES, repeated: ``module.net.``) every key begins with."""
    prefix = ""
    while True:
        rest = [key[len(prefix) :] for key in keys]
        step = next((p for p in PREFIXES if all(k.startswith(p) for k in rest)), None)
        if step is None or any(k == step for k in rest):
            return prefix
        prefix += step


def _natural(text: str) -> tuple:
    """A key's parts with numbers compared as numbers (``2`` before ``11``)."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in text.split("."))


def _in_order(state: dict[str, Any], sorted_as_text: bool) -> dict[str, Any]:
    """The weights in the network's order. A pickle keeps the order the network registered
    them in; safetensors stores keys sorted as text (``0, 11, 3``), so there the layers are put
    back in numeric order, convolutions (4-D weights) before linear layers."""
    if not sorted_as_text:
        return state
    layers: dict[str, list[str]] = {}
    for key in state:
        layers.setdefault(key.rpartition(".")[0], []).append(key)

    def rank(prefix: str) -> tuple:
        weight = state.get(f"{prefix}.weight" if prefix else "weight")
        linear = weight is not None and weight.dim() == 2
        return (linear, _natural(prefix))

    ordered = sorted(layers, key=rank)
    # batch norm's buffers follow the layer they normalise (their order among themselves kept)
    return {key: state[key] for prefix in ordered for key in layers[prefix]}


# -- importing ------------------------------------------------------------------------------


def scaling(scale: str, info: DatasetInfo) -> tuple[float, float]:
    """The input scaling as (mean, std) on [0, 1] pixels: ``unit`` (ToTensor's, the default
    for a notebook), ``standard`` (the dataset's statistics) or ``MEAN,STD``."""
    if scale == "unit":
        return 0.0, 1.0
    if scale == "standard":
        return info.mean, info.std
    try:
        mean, std = (float(v) for v in scale.split(","))
    except ValueError:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors", "scale {scale!r}: use unit, standard or MEAN,STD (e.g. 0.1307,0.3081)"
            ),
            scale=scale,
        ) from None
    if not (std > 0 and abs(mean) < 100):
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "scale {scale!r}: the std must be positive"), scale=scale
        )
    return mean, std


def import_model(
    path: str | os.PathLike[str],
    arch: Candidate | None,
    info: DatasetInfo,
    scale: str = "unit",
    weights: Weights | None = None,
) -> ModelBundle:
    """A model from a notebook file: its weights (``weights``, or read from ``path``),
    unchanged, in the network ``arch`` (None: the only candidate, NotebookError when none or
    several fit), fed as ``scale`` says. :mod:`lenet_desktop.files.trying` finds the network
    when several fit."""
    weights = weights or read_weights(path)
    state = weights.state
    classes = len(info.classes)
    if arch is None:
        found = candidates(state, classes)
        if len(found) != 1:
            names = ", ".join(c.name for c in found) or "none"
            raise NotebookError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: choose the architecture with --arch (the weights fit: {names})",
                ),
                path=path,
                names=names,
            )
        arch = found[0]
    if not fits(arch.spec, state, classes):
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: the weights do not fit {name}: {why}"),
            path=path,
            name=arch.name,
            why=describe_misfit(arch.spec, state, classes),
        )
    mean, std = scaling(scale, info)
    bundle = new_model(arch.spec, info, mean=mean, std=std)
    ours = bundle.network.state_dict()
    theirs_layers = layers_of(state)
    renamed: dict[str, Any] = {}
    for (mine, _), (prefix, params) in zip(layers_of(ours), theirs_layers):
        for name, _shape in params:
            theirs = state[f"{prefix}.{name}" if prefix else name]
            renamed[f"{mine}.{name}" if mine else name] = theirs
    for key in ours:  # batch norm's counters, which the shapes left out
        if key.endswith("num_batches_tracked") and key not in renamed:
            renamed[key] = ours[key]
    bundle.network.load_state_dict(renamed, strict=True)
    bundle.network.eval()

    record: dict[str, Any] = {
        "imported_from": str(Path(path).name),
        "scale": scale,
        "architecture": arch.name,
        "dataset": info.name,
    }
    if weights.prefix:
        record["key_prefix"] = weights.prefix
    if weights.ignored:
        record["ignored"] = list(weights.ignored)
    return replace(bundle, source=Path(path).name, training=record)


# -- the way back -----------------------------------------------------------------------------


def export_weights(
    bundle: ModelBundle, path: str | os.PathLike[str], style: str = "sequential"
) -> Path:
    """Write ``bundle``'s weights for a notebook: ``.params``/``.pt``/``.pth`` (``torch.save``
    of a plain state dict, the book's convention) or ``.safetensors``, with the keys of the
    network :func:`lenet_desktop.specs.code.pytorch_code` writes in ``style``: ``0.weight``…
    for the Chinese book's ``nn.Sequential``, ``net.0.weight``… for the English book's class.
    Written atomically; NotebookError for LeNet-5 (its layers are not ``nn`` ones)."""
    import torch  # deferred: NumPy, torch

    path = Path(path)
    if bundle.spec is None:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{name} has layers of its own (trainable subsampling, a partly connected C3, "
                "an RBF output), not plain nn layers: export a spec-built network instead",
            ),
            name=bundle.architecture,
        )
    names = [name for name, _ in bundle.network.named_children()]
    index = sequential_keys(names, style)
    state = {}
    for key, tensor in bundle.network.state_dict().items():
        module, _, name = key.partition(".")
        state[f"{index[module]}.{name}"] = tensor.detach().cpu().clone()
    if path.suffix.lower() == ".safetensors":
        from safetensors.torch import save  # deferred: NumPy, safetensors, torch

        data = save(state)
    elif path.suffix.lower() in PICKLE_SUFFIXES:
        buffer = io.BytesIO()
        torch.save(state, buffer)
        data = buffer.getvalue()
    else:
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: write .params, .pt, .pth or .safetensors"),
            path=path,
        )
    try:
        return atomic.write_bytes(path, data)
    except OSError as exc:
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: cannot be written ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
