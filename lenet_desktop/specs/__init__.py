"""Architectures as specs: a network described by a small TOML document, checked in plain words.

A spec has an optional ``name`` and ``title`` and its ``[[layers]]`` in order::

    name = "my-lenet"
    title = "LeNet with ReLU"

    [[layers]]
    type = "conv"        # channels, kernel, padding (0), stride (1)
    channels = 6
    kernel = 5
    padding = 2

    [[layers]]
    type = "relu"        # or any row of specs.layer_types.TABLE (the editor lists them)

    [[layers]]
    type = "maxpool"     # or avgpool: kernel, stride (= kernel), padding (0)
    kernel = 2

    [[layers]]
    type = "flatten"

    [[layers]]
    type = "linear"      # features; the input size is inferred
    features = 10

Input channels and the input size of each ``linear`` layer are inferred; the last layer must be a
``linear`` with as many features as the dataset has classes. Layers are named in the notes'
vocabulary: conv and pool layers are numbered together in order (C1, S2, C3, S4), linear layers
continue the count (F5, F6) and the last one is ``output``; an activation, batch norm or dropout
takes the name of the layer before it (C1_relu, F5_bn), and the flatten layer is ``flatten``.

Everything here is plain Python (no torch): parsing, the shape arithmetic of :func:`plan` and the
parameter counts. Only :func:`build_network` imports torch. Every problem is a
:class:`SpecError` that names the layer (its number and name) and the numbers involved.
"""

from lenet_desktop.specs.document import (
    MAX_FILE_BYTES,
    MAX_LAYERS,
    TOP_KEYS,
    Spec,
    SpecError,
    parse_spec,
    spec_from_json,
    spec_from_toml,
    spec_to_json,
    spec_to_toml,
)
from lenet_desktop.specs.geometry import INPUT_SHAPE, output_size
from lenet_desktop.specs.layer_types import LAYER_TYPES, SPEC_TYPES, LayerSpec
from lenet_desktop.specs.planning import (
    MAX_ACTIVATIONS,
    MAX_PARAMETERS,
    PlannedLayer,
    build_network,
    layer_names,
    load_spec,
    parameter_count,
    plan,
)
from lenet_desktop.specs.presets import (
    PRESET_LAYERS,
    is_preset,
    preset_spec,
    resolve_spec,
    spec_architecture,
)

__all__ = [
    "INPUT_SHAPE", "LAYER_TYPES", "MAX_ACTIVATIONS", "MAX_FILE_BYTES", "MAX_LAYERS",
    "MAX_PARAMETERS", "PRESET_LAYERS", "SPEC_TYPES", "TOP_KEYS", "LayerSpec", "PlannedLayer",
    "Spec", "SpecError", "build_network", "is_preset", "layer_names", "load_spec",
    "output_size", "parameter_count", "parse_spec", "plan", "preset_spec", "resolve_spec",
    "spec_architecture", "spec_from_json", "spec_from_toml", "spec_to_json", "spec_to_toml",
]  # fmt: skip
