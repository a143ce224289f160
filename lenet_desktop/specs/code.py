"""The way back to the notebook: a spec as the D2L-style PyTorch code that builds the same
network (``nn.Sequential``, the layer names and each output shape as comments), the lines that
load the app's exported weights into it, and the input scaling the app feeds it.

The code's ``nn.Sequential`` holds the same modules in the same order as the app's network, so
its state dict keys are ``0.weight``, ``0.bias``, … (:func:`sequential_keys` maps the app's
names to them for the export). Plain Python: the code is text.
"""

from __future__ import annotations

from lenet_desktop.specs.document import Spec
from lenet_desktop.specs.geometry import INPUT_SHAPE, shape_text
from lenet_desktop.specs.layer_types import SPEC_TYPES
from lenet_desktop.specs.planning import plan


def _module(layer, in_shape: tuple[int, ...]) -> str:
    """The ``nn`` constructor of one layer, as the book writes it (its row's ``code``)."""
    code = SPEC_TYPES[layer.type].code
    assert code is not None, layer.type  # every spec type has one (tests/test_layer_types.py)
    return code(layer, in_shape)


# How the code (and an export's keys) is laid out: the Chinese book's ``net = nn.Sequential(…)``
# (keys ``0.weight``…), or the English book's ``class LeNet(d2l.Classifier)`` with its layers in
# ``self.net`` (keys ``net.0.weight``…).
STYLES = ("sequential", "d2l-class")
KEY_PREFIX = {"sequential": "", "d2l-class": "net."}


def pytorch_code(
    spec: Spec,
    num_classes: int | None = None,
    weights: str | None = None,
    mean: float = 0.0,
    std: float = 1.0,
    temperature: float = 1.0,
    style: str = "sequential",
) -> str:
    """Python that builds ``spec`` as ``net`` (run as it is), then, given ``weights`` (a file
    :func:`lenet_desktop.files.notebook.export_weights` wrote with the same ``style``'s keys),
    loads them strictly and shows how to scale an input as the app does. ``style``
    ``d2l-class`` writes the English book's class (``d2l.Classifier``, its layers in
    ``self.net``; plain ``nn.Module`` when the d2l package is not installed)."""
    steps = plan(spec, num_classes)
    title = f"# {spec.title or spec.name or 'a network'}: input {shape_text(INPUT_SHAPE)}"
    body = [
        f"{_module(layer, step.in_shape)},  # {step.name} → {shape_text(step.out_shape)}"
        for layer, step in zip(spec.layers, steps)
    ]
    if style == "d2l-class":
        lines = [
            "import torch",
            "from torch import nn",
            "",
            "try:  # the English book's base class, when the d2l package is installed",
            "    from d2l import torch as d2l",
            "    Base = d2l.Classifier",
            "except ImportError:",
            "    Base = nn.Module",
            "",
            "",
            title,
            "class LeNet(Base):",
            "    def __init__(self):",
            "        super().__init__()",
            "        self.net = nn.Sequential(",
            *(f"            {line}" for line in body),
            "        )",
            "",
            "    def forward(self, X):",
            "        return self.net(X)",
            "",
            "",
            "net = LeNet()",
        ]
    else:
        lines = ["import torch", "from torch import nn", "", title, "net = nn.Sequential("]
        lines += [f"    {line}" for line in body]
        lines.append(")")
    if weights is not None:
        loader = (
            f"safetensors.torch.load_file({weights!r})"
            if weights.endswith(".safetensors")
            else f"torch.load({weights!r}, weights_only=True)"
        )
        if weights.endswith(".safetensors"):
            lines.insert(0, "import safetensors.torch")
        lines += [
            "",
            "# the weights the app trained (lenet-desktop export … --out " + weights + ")",
            f"net.load_state_dict({loader})",
            "net.eval()",
        ]
    lines += [
        "",
        "# the app's input: pixels in [0, 1] (ToTensor), light ink on dark, then",
        f"# x = (x - {mean:g}) / {std:g}; a batch of shape (N, {', '.join(map(str, INPUT_SHAPE))})",
        f"MEAN, STD = {mean!r}, {std!r}",
        f"TEMPERATURE = {temperature!r}  # the app divides the logits by it (calibration)",
        "",
        "",
        "def probabilities(x):",
        f'    """x: (N, {", ".join(map(str, INPUT_SHAPE))}) pixels in [0, 1] → (N, classes) '
        'probabilities."""',
        "    with torch.no_grad():",
        "        return torch.softmax(net((x - MEAN) / STD) / TEMPERATURE, dim=1)",
    ]
    return "\n".join(lines) + "\n"


def sequential_keys(names: list[str], style: str = "sequential") -> dict[str, str]:
    """The app's module names in order → the code's ``nn.Sequential`` indices (``C1`` → ``0``),
    with the style's prefix (``net.0`` for the English book's class)."""
    prefix = KEY_PREFIX[style]
    return {name: f"{prefix}{index}" for index, name in enumerate(names)}
