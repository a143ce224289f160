"""What an explanation holds: the values :func:`lenet_desktop.analysis.explain.explain` computes
for one unit and the explanation panel shows — one frozen dataclass per kind of arithmetic
(a convolution's patches, kernels and products; a pooling window; batch normalisation; an
activation; a fully connected unit's largest terms; the RBF distance; a copied value)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from lenet_desktop.messages import QT_TRANSLATE_NOOP
from lenet_desktop.specs.geometry import Field

if TYPE_CHECKING:
    from lenet_desktop.analysis.results import Unit


@dataclass(frozen=True, eq=False)
class ConvChannel:
    """One input channel's part of a convolution: ``patch`` ``(k, k)`` the input values under
    the kernel (0 where the window lies in the padding, marked by ``padded``), ``kernel``
    ``(k, k)``, ``products`` = patch · kernel element-wise, and their ``sum``."""

    channel: int
    patch: np.ndarray
    padded: np.ndarray
    kernel: np.ndarray
    products: np.ndarray
    # for the network's first layer: the input pixels (in [0, 1], as the book feeds them) the
    # patch holds, before the model's scaling (None for any later layer)
    pixels: np.ndarray | None = None

    @property
    def sum(self) -> float:
        return float(self.products.sum())


@dataclass(frozen=True, eq=False)
class Explained:
    """What every explanation has: the ``unit``, the input pixels it sees (``field``) and the
    value the forward pass recorded there (the explanation's ``total`` must equal it)."""

    unit: Unit
    field: Field
    recorded: float


@dataclass(frozen=True, eq=False)
class ConvExplanation(Explained):
    """total = Σ over ``channels`` of Σ products + ``bias``: the pre-activation.

    ``connections``: LeNet-5's C3 table (which input maps each output map reads), else None."""

    channels: tuple[ConvChannel, ...]
    bias: float
    total: float
    kernel_size: int
    stride: int
    padding: int
    in_channels: int
    connections: tuple[tuple[int, ...], ...] | None = None
    # the network's first layer: the model's input scaling (mean, std), x = (pixel − mean) / std
    scaling: tuple[float, float] | None = None
    kind: str = "conv"

    @property
    def standardised(self) -> bool:
        """The first layer of a model whose input is not ToTensor's [0, 1] as it is."""
        return self.scaling is not None and self.scaling != (0.0, 1.0)


@dataclass(frozen=True, eq=False)
class PoolExplanation(Explained):
    """``mode``: "max" (``winner`` = (row, col) of the largest value in ``window``), "avg"
    (total = the mean) or "subsampling" (LeNet-5: Σ window × ``weight`` + ``bias``)."""

    mode: str
    window: np.ndarray
    padded: np.ndarray
    total: float
    winner: tuple[int, int] | None = None
    weight: float | None = None
    bias: float | None = None
    kind: str = "pool"

    @property
    def sum(self) -> float:
        return float(self.window[~self.padded].sum())


@dataclass(frozen=True, eq=False)
class NormExplanation(Explained):
    """Batch normalisation with the running statistics: (x − μ) / √(σ² + ε) · γ + β."""

    x: float
    mean: float
    var: float
    eps: float
    gamma: float
    beta: float
    total: float
    kind: str = "norm"

    @property
    def normalised(self) -> float:
        return (self.x - self.mean) / float(np.sqrt(self.var + self.eps))


@dataclass(frozen=True, eq=False)
class ActivationExplanation(Explained):
    """An element-wise activation: ``function`` its layer type (a row of
    :mod:`lenet_desktop.specs.layer_types`), ``word`` what it is called (translatable, context
    "layer types"), ``formula`` as the panel writes it, ``x`` its input, ``total`` its output."""

    function: str
    word: str
    formula: str
    x: float
    total: float
    kind: str = "activation"


@dataclass(frozen=True, eq=False)
class Term:
    """One input of a fully connected unit: ``index`` in the input vector, ``where`` the same
    value named in the layer it came from (``S4[3, 1, 2]``), and w · x."""

    index: int
    where: str
    weight: float
    x: float

    @property
    def product(self) -> float:
        return self.weight * self.x

    @property
    def square(self) -> float:
        """(x − w)²: an RBF unit's term, ``weight`` being its code value."""
        return (self.x - self.weight) ** 2


@dataclass(frozen=True, eq=False)
class Softmax:
    """The output layer's last step: p = e^(z/T) / Σ e^(z'/T) over every class, and the
    probability the chart shows. ``exponentials``: e^((z − max z) / T) per class, as computed
    (the shift keeps them finite and leaves p as it is)."""

    logits: np.ndarray
    temperature: float
    probabilities: np.ndarray
    index: int
    shown: float
    exponentials: np.ndarray

    @property
    def exponentials_sum(self) -> float:
        return float(self.exponentials.sum())

    @property
    def probability(self) -> float:
        return float(self.probabilities[self.index])


@dataclass(frozen=True, eq=False)
class LinearExplanation(Explained):
    """total = ``bias`` + Σ w·x: ``terms`` the largest |w·x| (sorted, largest first), the other
    ``rest_count`` summed in ``rest``. ``softmax``: for the output layer."""

    bias: float
    terms: tuple[Term, ...]
    rest: float
    rest_count: int
    total: float
    inputs: int
    softmax: Softmax | None = None
    kind: str = "linear"


@dataclass(frozen=True, eq=False)
class RBFExplanation(Explained):
    """LeNet-5's output unit: the squared distance y = Σ (x_j − w_j)² between F6's outputs x
    and the class's fixed ±1 code w; the logit is −y. ``terms``: the largest (x − w)², as
    Terms whose ``weight`` is the code value (their ``product`` is not used)."""

    terms: tuple[Term, ...]
    rest: float
    rest_count: int
    distance: float
    total: float
    softmax: Softmax | None = None
    kind: str = "rbf"


@dataclass(frozen=True, eq=False)
class CopyExplanation(Explained):
    """A layer that moves values without arithmetic (flatten, padding, dropout when
    predicting): the value came from ``source`` at ``where``, or is the padding value."""

    operation: str
    source: str
    where: str
    total: float
    kind: str = "copy"


@dataclass(frozen=True, eq=False)
class Unexplained(Explained):
    """A layer type this module does not explain (yet): its type name, and the value."""

    type_name: str
    total: float | None = None
    kind: str = "unexplained"


Explanation = (
    ConvExplanation
    | PoolExplanation
    | NormExplanation
    | ActivationExplanation
    | LinearExplanation
    | RBFExplanation
    | CopyExplanation
    | Unexplained
)

OPERATIONS = {
    "flatten": QT_TRANSLATE_NOOP("explain", "flatten: the same value, in a vector"),
    "pad": QT_TRANSLATE_NOOP("explain", "padding: the input value, or the padding value"),
    "dropout": QT_TRANSLATE_NOOP("explain", "dropout is off when predicting: the same value"),
}
