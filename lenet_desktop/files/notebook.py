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

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lenet_desktop.messages import QT_TRANSLATE_NOOP, LocalizedError

if TYPE_CHECKING:
    import torch

    from lenet_desktop.data.datasets import DatasetInfo
    from lenet_desktop.files.model_files import ModelBundle
    from lenet_desktop.specs import Spec

PICKLE_SUFFIXES = (".params", ".pt", ".pth")
NOTEBOOK_SUFFIXES = (*PICKLE_SUFFIXES, ".safetensors")
SAFE_TORCH = (2, 6)  # torch.load(weights_only=True) has no known escape from this version on
MAX_FILE_BYTES = 512 * 1024 * 1024
SCALES = ("unit", "standard")  # ToTensor's [0, 1] as it is; or the dataset's mean and std


class NotebookError(LocalizedError):
    """A notebook file that cannot be used; the message names the file and says why."""


def _torch_version() -> tuple[int, int]:
    import torch

    major, minor = torch.__version__.split("+")[0].split(".")[:2]
    return int(major), int("".join(c for c in minor if c.isdigit()) or 0)


def read_state_dict(path: str | os.PathLike[str]) -> dict[str, torch.Tensor]:
    """The ``name → tensor`` mapping in a notebook file, read without running any code.
    Raises NotebookError naming the file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: cannot be read ({detail})"),
            path=path,
            detail=exc.strerror or exc,
        ) from None
    if size > MAX_FILE_BYTES:
        raise NotebookError(
            QT_TRANSLATE_NOOP("errors", "{path}: too large for a LeNet ({size} bytes)"),
            path=path,
            size=size,
        )
    import torch

    if path.suffix.lower() == ".safetensors":
        from safetensors.torch import load_file

        try:
            data: Any = load_file(str(path), device="cpu")
        except Exception as exc:  # safetensors' own errors name no file
            raise NotebookError(
                QT_TRANSLATE_NOOP("errors", "{path}: not a safetensors file ({detail})"),
                path=path,
                detail=exc,
            ) from None
    else:
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
            data = torch.load(str(path), weights_only=True, map_location="cpu")
        except Exception as exc:  # the restricted loader refused it, or it is damaged
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise NotebookError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "{path}: not a file of weights: PyTorch's restricted loader refused it "
                    "({detail}), so nothing in this pickle ran; save the network's weights "
                    "with torch.save(net.state_dict(), …)",
                ),
                path=path,
                detail=first[:200],
            ) from None
        if isinstance(data, dict) and "state_dict" in data and isinstance(data["state_dict"], dict):
            data = data["state_dict"]  # a checkpoint that holds one
    if not isinstance(data, dict) or not data:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: holds a {kind}, not a network's weights; save them with "
                "torch.save(net.state_dict(), …)",
            ),
            path=path,
            kind=type(data).__name__,
        )
    bad = next(
        (k for k, v in data.items() if not isinstance(k, str) or not isinstance(v, torch.Tensor)),
        None,
    )
    if bad is not None:
        raise NotebookError(
            QT_TRANSLATE_NOOP(
                "errors",
                "{path}: {key!r} is not a tensor of weights (an optimiser checkpoint? save "
                "net.state_dict())",
            ),
            path=path,
            key=str(bad)[:80],
        )
    return dict(data)


# -- matching -------------------------------------------------------------------------------


def layers_of(state: dict[str, Any]) -> list[tuple[str, list[tuple[str, tuple[int, ...]]]]]:
    """The state dict's layers in order: ``(prefix, [(parameter name, shape), …])``, e.g.
    ``("0", [("weight", (6, 1, 5, 5)), ("bias", (6,))])``. Batch norm's counters are left out."""
    layers: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for key, tensor in state.items():
        prefix, _, name = key.rpartition(".")
        if name == "num_batches_tracked":
            continue
        layers.setdefault(prefix, []).append((name, tuple(tensor.shape)))
    return list(layers.items())


def _shapes(layers: list[tuple[str, list[tuple[str, tuple[int, ...]]]]]) -> list[tuple]:
    return [tuple(sorted(params)) for _, params in layers]


@dataclass(frozen=True)
class Candidate:
    """An architecture the weights fit: a preset's name (or a spec file's path) and its spec."""

    name: str
    spec: Spec

    @property
    def title(self) -> str:
        return self.spec.title or self.name


def fits(spec: Spec, state: dict[str, Any], num_classes: int) -> bool:
    """Whether ``state``'s layers have exactly the shapes of ``spec``'s, in order."""
    from lenet_desktop.specs import SpecError, build_network

    try:
        network = build_network(spec, num_classes)
    except SpecError:
        return False
    return _shapes(layers_of(network.state_dict())) == _shapes(layers_of(state))


def candidates(
    state: dict[str, Any], num_classes: int, specs: Sequence[tuple[str, Spec]] = ()
) -> list[Candidate]:
    """Every preset (and each of ``specs``) that the weights fit, the book's ``d2l`` first
    when the keys are ``nn.Sequential``'s (``0.weight``, …)."""
    from lenet_desktop.specs import PRESET_LAYERS, preset_spec

    found = [
        Candidate(name, spec)
        for name, spec in [
            *((n, preset_spec(n, num_classes)) for n in PRESET_LAYERS),
            *specs,
        ]
        if fits(spec, state, num_classes)
    ]
    sequential = all(prefix.isdigit() for prefix, _ in layers_of(state))
    if sequential:
        found.sort(key=lambda c: c.name != "d2l")
    return found


def describe_misfit(spec: Spec, state: dict[str, Any], num_classes: int) -> str:
    """Which layer does not fit, in words (English; the editor and the CLI show it)."""
    from lenet_desktop.specs import build_network

    ours = layers_of(build_network(spec, num_classes).state_dict())
    theirs = layers_of(state)
    for i, ((name, mine), (key, given)) in enumerate(zip(ours, theirs), 1):
        if sorted(mine) != sorted(given):
            shapes = ", ".join(f"{p} {'×'.join(map(str, s))}" for p, s in given)
            wanted = ", ".join(f"{p} {'×'.join(map(str, s))}" for p, s in mine)
            return (
                f"parameterised layer {i}: the file's {key!r} has {shapes}, {name} needs {wanted}"
            )
    if len(ours) != len(theirs):
        return f"the file has {len(theirs)} parameterised layers, the network {len(ours)}"
    return "every layer fits"


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
) -> ModelBundle:
    """A model from a notebook file: its weights, unchanged, in the network ``arch`` (None:
    the only candidate, NotebookError when none or several fit), fed as ``scale`` says."""
    from lenet_desktop.files.model_files import new_model

    state = read_state_dict(path)
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
    from dataclasses import replace

    return replace(
        bundle,
        source=Path(path).name,
        training={"imported_from": str(Path(path).name), "scale": scale, "architecture": arch.name},
    )


# -- the way back -----------------------------------------------------------------------------


def export_weights(bundle: ModelBundle, path: str | os.PathLike[str]) -> Path:
    """Write ``bundle``'s weights for a notebook: ``.params``/``.pt``/``.pth`` (``torch.save``
    of a plain state dict, the book's convention) or ``.safetensors``, with the keys of the
    ``nn.Sequential`` that :func:`lenet_desktop.specs.code.pytorch_code` writes (``0.weight``,
    …). Written atomically; NotebookError for LeNet-5 (its layers are not ``nn`` ones)."""
    import io

    import torch

    from lenet_desktop.files import atomic
    from lenet_desktop.specs.code import sequential_keys

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
    index = sequential_keys(names)
    state = {}
    for key, tensor in bundle.network.state_dict().items():
        module, _, name = key.partition(".")
        state[f"{index[module]}.{name}"] = tensor.detach().cpu().clone()
    if path.suffix.lower() == ".safetensors":
        from safetensors.torch import save

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
