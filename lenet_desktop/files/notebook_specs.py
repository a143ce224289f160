"""Which architectures a notebook's weights may be, found from the weights alone: the layers of
its state dict in order with their shapes (:func:`layers_of`), the specs they fit
(:func:`fits`, :func:`candidates`, :func:`describe_misfit`), and the specs a learner may have
written that no preset is (:func:`candidate_specs`: the shapes' geometry with each activation
and pooling of the layer-type table). :mod:`.notebook` reads the weights; :mod:`.trying` runs
the candidates on test images to find the one the notebook trained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import product
from typing import Any

from lenet_desktop.specs import (
    INPUT_SHAPE,
    PRESET_LAYERS,
    LayerSpec,
    Spec,
    SpecError,
    build_network,
    preset_spec,
)
from lenet_desktop.specs.layer_types import SPEC_TYPES

POOL = 2  # the D2L convention: 2 × 2 pooling, stride 2, after each convolution


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


# -- the candidates ---------------------------------------------------------------------------


def _derived(state: dict[str, Any], classes: int) -> list[Spec]:
    """The geometries the weights say: their convolutions (each followed by its batch norm, an
    activation and 2 × 2 pooling), then the linear layers (with batch norm and an activation
    between them); one for each choice of the convolutions' padding that makes the flattened
    size the first linear layer's input (shapes alone cannot tell which)."""
    kinds: list[tuple[str, tuple[int, ...]]] = []
    for _prefix, params in layers_of(state):
        shapes = dict(params)
        weight = shapes.get("weight")
        if "running_mean" in shapes:
            kinds.append(("batchnorm", ()))
        elif weight is not None and len(weight) == 4 and weight[2] == weight[3]:
            kinds.append(("conv", weight))
        elif weight is not None and len(weight) == 2:
            kinds.append(("linear", weight))
        else:
            return []
    convs = [w for kind, w in kinds if kind == "conv"]
    linears = [w for kind, w in kinds if kind == "linear"]
    if not convs or not linears or linears[-1][0] != classes or kinds[0][0] != "conv":
        return []
    first = next(i for i, (kind, _) in enumerate(kinds) if kind == "linear")
    if any(kind == "conv" for kind, _ in kinds[first:]):
        return []
    act = LayerSpec("relu")
    pool = LayerSpec("maxpool", kernel=POOL, stride=POOL, padding=0)
    found = []
    for pads in product(*(range(w[2] // 2 + 1) for w in convs)):
        side = INPUT_SHAPE[1]
        for w, pad in zip(convs, pads):
            side = (side + 2 * pad - w[2] + 1) // POOL
        if side < 1 or convs[-1][0] * side * side != linears[0][1]:
            continue
        out: list[LayerSpec] = []
        pad_of = iter(pads)
        for index, (kind, w) in enumerate(kinds):
            last = index + 1 == len(kinds)
            normed = not last and kinds[index + 1][0] == "batchnorm"
            if kind == "conv":
                out.append(
                    LayerSpec("conv", channels=w[0], kernel=w[2], padding=next(pad_of), stride=1)
                )
                out += [] if normed else [act, pool]
            elif kind == "linear":
                if not any(x.type == "flatten" for x in out):
                    out.append(LayerSpec("flatten"))
                out.append(LayerSpec("linear", features=w[0]))
                out += [] if normed or last else [act]
            else:  # batch norm after the layer before; then that layer's activation (and pool)
                out.append(LayerSpec("batchnorm"))
                out += [act, pool] if kinds[index - 1][0] == "conv" else [] if last else [act]
        found.append(Spec(layers=tuple(out), name="notebook"))
    return found


def variants(geometry: Spec) -> list[Spec]:
    """``geometry`` with every activation × every pooling of the layer-type table."""
    acts = [t for t, row in SPEC_TYPES.items() if row.kind == "activation"]
    pools = [t for t, row in SPEC_TYPES.items() if row.kind == "pool"]
    out = []
    for act in acts:
        for pool in pools:
            layers = tuple(
                _as(x, act) if SPEC_TYPES[x.type].kind == "activation"
                else _as(x, pool) if SPEC_TYPES[x.type].kind == "pool"
                else x
                for x in geometry.layers
            )  # fmt: skip
            out.append(Spec(layers=layers, name=geometry.name, title=geometry.title))
    return out


def _as(layer, kind: str):
    """``layer`` as another type of its kind, with that type's defaults (a leaky ReLU's
    slope) and the keys it shares (a pool's window)."""
    if layer.type == kind:
        return layer
    defaults = {k.name: k.default for k in SPEC_TYPES[kind].keys if k.default is not None}
    keep = {k: v for k, v in layer.as_dict().items() if k != "type"}
    return type(layer)(kind, **(defaults | keep))


def _named(spec: Spec, classes: int) -> Candidate:
    """A candidate named after the preset it is, if it is one."""
    for name in PRESET_LAYERS:
        preset = preset_spec(name, classes)
        if preset.layers == spec.layers:
            return Candidate(name, preset)
    title = describe(spec)
    return Candidate(f"notebook ({title})", replace(spec, name="notebook", title=title))


def candidate_specs(state: dict[str, Any], classes: int) -> list[Candidate]:
    """Every network worth trying for these weights (see the module's docstring), each once."""
    # (the presets' geometries when one fits: the paddings shapes cannot tell apart stay the
    # book's; else the ones the weights say)
    geometries = [c.spec for c in candidates(state, classes)] or _derived(state, classes)
    found: dict[tuple, Candidate] = {}
    for geometry in geometries:
        for spec in variants(geometry):
            if spec.layers not in found and fits(spec, state, classes):
                found[spec.layers] = _named(spec, classes)
    return list(found.values())


def describe(spec: Spec) -> str:
    """``sigmoid + average pooling`` (English, for the command line; the window translates)."""
    kinds = [layer.type for layer in spec.layers]
    act = next((k for k in kinds if SPEC_TYPES[k].kind == "activation"), None)
    pool = next((k for k in kinds if SPEC_TYPES[k].kind == "pool"), None)
    words = [SPEC_TYPES[k].word for k in (act, pool) if k is not None]
    norm = " + batch norm" if "batchnorm" in kinds else ""
    return " + ".join(words) + norm if words else (spec.title or spec.name or "?")


# -- trying ------------------------------------------------------------------------------------
