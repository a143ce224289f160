"""The explanation panel: the arithmetic behind the value the learner clicked, live as the drawing
changes. It follows the session (the selected unit, every prediction, the model) and shows what
:func:`lenet_desktop.analysis.explain.explain` computed; it computes nothing itself."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QScrollArea, QVBoxLayout, QWidget

from lenet_desktop.session import Session, Unit
from lenet_desktop.specs.geometry import INPUT_SHAPE, shape_text

if TYPE_CHECKING:
    from lenet_desktop.analysis.explanations import Explanation
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, class_name, translate
from lenet_desktop.ui.widgets.number_sheet import (
    Block,
    Grid,
    NumberSheet,
    Row,
    Text,
    number_cells,
    signed,
    signed_shade,
    telling_digits,
)


def _f(value: float, digits: int = 4) -> str:
    return signed(value, digits)


def _sum(values, digits: int = 4) -> str:
    """``a + b − c``: the terms of a sum with their signs written as a person writes them
    (never ``+ -0.0320``)."""
    text = ""
    for n, value in enumerate(values):
        magnitude = _f(abs(value), digits)
        if n == 0:
            text = _f(value, digits)
        else:
            sign = "+" if value >= 0 or magnitude == _f(0.0, digits) else "−"
            text += f" {sign} {magnitude}"
    return text


class ExplainPanel(Retranslating, QDockWidget):
    """Opens when a value is selected (a map cell, a vector unit, a class in the chart);
    ``wanted()`` first, so the window places it (:mod:`lenet_desktop.ui.dock_layout`). Closing
    it clears the selection."""

    wanted = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ExplainPanel")
        self.session = session
        self.explanation: Explanation | None = None
        # the writer of each kind of explanation (analysis.explanations' ``kind``)
        self._writers: dict[str, Callable[[Any], list[Block]]] = {
            "conv": self._conv,
            "pool": self._pool,
            "norm": self._norm,
            "activation": self._activation,
            "linear": self._linear,
            "rbf": self._rbf,
            "copy": self._copy,
            "unexplained": self._unexplained,
        }
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.field_label = QLabel()
        self.field_label.setWordWrap(True)
        self.sheet = NumberSheet()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.field_label)
        layout.addWidget(self.sheet)
        layout.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setWidget(body)
        self.setWidget(self.area)
        follow(self, session.selection_changed, self._selected)
        follow(self, session.explained, self._explained)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Explain this value"))
        self._explained(self.session.explanation)

    # -- following the session -------------------------------------------------------------------
    def select_class(self, index: int) -> None:
        """A class clicked in the probability chart: explain that output unit."""
        predictor = self.session.predictor
        if predictor is not None and predictor.layers:
            self.session.select(Unit(predictor.layers[-1][0], index))

    def _selected(self, unit: Unit | None) -> None:
        if unit is None:
            self.hide()
            return
        self._explained(self.session.explanation)
        if not self.isVisible():
            self.wanted.emit()  # the window places it first (its docks' layout)
        if not self.isVisible():
            self.show()
        self.raise_()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Closed by the learner: nothing is selected any more (the outlines go with it)."""
        super().closeEvent(event)
        if self.session.selection is not None:
            self.session.select(None)

    def _explained(self, explanation: Explanation | None) -> None:
        """Show what the session computed (the values only; nothing is computed here)."""
        unit = self.session.selection
        self.explanation = explanation if unit is not None else None
        if unit is None:
            return
        if explanation is None or explanation.unit != unit:
            self.title.setText(self._unit_text(unit))
            if self.session.prediction is None:
                self.field_label.setText(self.tr("Draw something: the numbers appear here."))
                self.sheet.set_blocks([])
            return
        self._show(explanation)

    # -- writing it out --------------------------------------------------------------------------
    def _unit_text(self, unit: Unit) -> str:
        if unit.row is None:
            return self.tr("{0} · unit {1}").format(unit.layer, unit.channel)
        return self.tr("{0} · map {1} · row {2}, column {3}").format(
            unit.layer, unit.channel, unit.row, unit.col
        )

    def _show(self, e) -> None:
        self.title.setText(
            f"<b>{self._unit_text(e.unit)}</b> = {_f(e.recorded)}"  # noqa: UP030
        )
        f = e.field
        text = self.tr(
            "Receptive field: rows {0}–{1}, columns {2}–{3} of the {6} input ({4}×{5} pixels)"
        ).format(f.top, f.bottom, f.left, f.right, f.height, f.width, shape_text(INPUT_SHAPE[1:]))
        if f.clipped:
            text += " " + self.tr("— {0}×{0} unclipped, cut at the border").format(f.size)
        self.field_label.setText(text + ".")
        blocks = self._writers.get(e.kind, self._unexplained)(e)
        if e.total is not None:
            blocks.append(
                Text(self.tr("Recomputed: {0} · recorded by the forward pass: {1}").format(
                    _f(e.total, 6), _f(e.recorded, 6)
                ))
            )  # fmt: skip
        self.sheet.set_blocks(blocks)

    def _source_name(self, layer: str) -> str:
        """The layer whose output ``layer`` reads ("input" for the first)."""
        names = [n for n, _ in self.session.predictor.layers] if self.session.predictor else []
        position = names.index(layer) if layer in names else 0
        return names[position - 1] if position else self.tr("input")

    def _conv(self, e) -> list[Block]:
        source = self._source_name(e.unit.layer)
        blocks: list[Block] = [
            Text(
                self.tr(
                    "Convolution {0}×{0}, stride {1}, padding {2}: for each input map, the "
                    "patch under the kernel times the kernel, element by element; the products "
                    "summed, the sums added, plus the bias."
                ).format(e.kernel_size, e.stride, e.padding)
            )
        ]
        if e.connections is not None:
            table = [
                ["×" if i in inputs else "" for i in range(e.in_channels)]
                for inputs in e.connections
            ]
            marked = {(e.unit.channel, i) for i in e.connections[e.unit.channel]}
            blocks.append(Text(self.tr(
                "LeNet-5's connection table: map {0} of {1} reads only the {2} maps "
                "of row {0}."
            ).format(e.unit.channel, e.unit.layer, source)))  # fmt: skip
            blocks.append(
                Row([Grid(table, caption=self.tr("table (rows: {0} maps)").format(e.unit.layer),
                          marked=marked, header=[str(i) for i in range(e.in_channels)])])
            )  # fmt: skip
        sums = []
        if e.scaling is not None:  # the first layer: from the pixels the 28×28 view shows
            blocks += self._scaling_blocks(e)
        for channel in e.channels:
            padded = channel.padded if channel.padded.any() else None
            patch_cells = number_cells(channel.patch)
            blocks.append(
                Row([
                    Grid(patch_cells, self.tr("{0} map {1}").format(source, channel.channel),
                         shade=signed_shade(channel.patch), padded=padded, key="patch"),
                    "⊙",
                    Grid(number_cells(channel.kernel), self.tr("kernel"),
                         shade=signed_shade(channel.kernel), key="kernel"),
                    "=",
                    Grid(number_cells(channel.products), self.tr("products"),
                         shade=signed_shade(channel.products), key="products"),
                    "Σ = " + _f(channel.sum),
                ])
            )  # fmt: skip
            sums.append(channel.sum)
        if any(ch.padded.any() for ch in e.channels):
            blocks.append(Text(self.tr("Grey cells lie in the padding: zeros.")))
        blocks.append(
            Text(
                self.tr("Pre-activation = {0} (the bias) = {1}").format(
                    _sum([*sums, e.bias]), _f(e.total)
                ),
                strong=True,
            )
        )
        return blocks

    def _scaling_blocks(self, e) -> list[Block]:
        """The input pixels under the kernel, in [0, 1] as the book feeds them; for a model
        trained on standardised input, the step that scales them, as its own line."""
        channel = e.channels[0]
        pixels = channel.pixels
        if pixels is None:
            return []
        padded = channel.padded if channel.padded.any() else None
        grid = Grid(number_cells(pixels), self.tr("input pixels (0–1)"), padded=padded,
                    key="pixels")  # fmt: skip
        if not e.standardised:
            return [
                Row([grid]),
                Text(self.tr("The model sees the pixels as they are (ToTensor's [0, 1]): x = "
                             "pixel.")),
            ]  # fmt: skip
        mean, std = e.scaling
        inside = np.argwhere(~channel.padded)
        r, c = inside[np.argmax(pixels[~channel.padded])] if inside.size else (0, 0)
        pixel, x = float(pixels[r, c]), float(channel.patch[r, c])
        line = self.tr(
            "Standardised as the model was trained: x = (pixel − {0}) / {1}; here "
            "x = ({2} − {0}) / {1} = {3}"
        ).format(_f(mean), _f(std), _f(pixel), _f(x))
        return [Row([grid]), Text(line, strong=True)]

    def _pool(self, e) -> list[Block]:
        # as many decimals as it takes to tell the window's values apart (the winner's too)
        digits = telling_digits(e.window[~e.padded], least=4)
        window = Grid(
            number_cells(e.window, digits), self.tr("window"), shade=signed_shade(e.window),
            padded=e.padded if e.padded.any() else None,
            marked={e.winner} if e.winner is not None else set(), key="window",
        )  # fmt: skip
        values = [v for v in e.window[~e.padded].ravel()]
        if e.mode == "max":
            line = self.tr(
                "Max pooling: the largest of the {0} values wins: {1} (outlined)."
            ).format(len(values), _f(e.total, digits))
        elif e.mode == "avg":
            line = self.tr("Average pooling: ({0}) / {1} = {2}").format(
                _sum(values, 3), len(values), _f(e.total)
            )
        else:
            line = self.tr("Subsampling: ({0}) × weight {1} + bias {2} = {3}").format(
                _sum(values, 3), _f(e.weight), _f(e.bias), _f(e.total)
            )
        return [Row([window]), Text(line, strong=True)]

    def _norm(self, e) -> list[Block]:
        return [
            Text(self.tr("Batch normalisation with the statistics kept from training:")),
            Text("(x − μ) / √(σ² + ε) · γ + β"),
            Text(
                f"x = {_f(e.x)}, μ = {_f(e.mean)}, σ² = {_f(e.var)}, ε = {e.eps:g}, "
                f"γ = {_f(e.gamma)}, β = {_f(e.beta)}"
            ),
            Text(
                f"({_f(e.x)} − {_f(e.mean)}) / √({_f(e.var)} + {e.eps:g}) · {_f(e.gamma)} + "
                f"{_f(e.beta)} = {_f(e.normalised)} · {_f(e.gamma)} + {_f(e.beta)} = {_f(e.total)}",
                strong=True,
            ),
        ]

    def _activation(self, e) -> list[Block]:
        return [
            Text(self.tr("Activation: {0}").format(translate("layer types", e.word))),
            Text(e.formula),
            Text(f"x = {_f(e.x)}  →  {_f(e.total)}", strong=True),
        ]

    def _linear(self, e) -> list[Block]:
        rows = [[t.where, _f(t.weight), _f(t.x), _f(t.product)] for t in e.terms]
        shade = np.zeros((len(rows), 4))
        shade[:, 3] = signed_shade(np.array([t.product for t in e.terms]))
        blocks: list[Block] = [
            Text(
                self.tr(
                    "Fully connected: bias + Σ w·x over all {0} inputs. The {1} largest "
                    "contributions, largest first:"
                ).format(e.inputs, len(e.terms))
            ),
            Row([Grid(rows, header=[self.tr("input"), "w", "x", "w·x"], shade=shade,
                      key="terms")]),
            Text(self.tr("The other {0} inputs together: {1}").format(e.rest_count, _f(e.rest))),
            Text(self.tr("Bias + Σ w·x = {0} = {1}").format(
                _sum([e.bias, sum(t.product for t in e.terms), e.rest]), _f(e.total)
            ), strong=True),
        ]  # fmt: skip
        if e.softmax is not None:
            blocks += self._softmax(e.softmax)
        return blocks

    def _rbf(self, e) -> list[Block]:
        rows = [[t.where, _f(t.x), _f(t.weight, 0), _f(t.square)] for t in e.terms]
        blocks: list[Block] = [
            Text(self.tr(
                "LeNet-5's RBF output: y = Σ (x − w)², the squared distance between F6's 84 "
                "outputs x and this class's fixed ±1 code w; the logit is −y, so the nearest "
                "code wins. The {0} largest terms:"
            ).format(len(e.terms))),
            Row([Grid(rows, header=[self.tr("input"), "x", "w", "(x − w)²"], key="terms")]),
            Text(self.tr("The other {0} terms together: {1}").format(e.rest_count, _f(e.rest))),
            Text(self.tr("y = {0}; logit = −y = {1}").format(_f(e.distance), _f(e.total)),
                 strong=True),
        ]  # fmt: skip
        if e.softmax is not None:
            blocks += self._softmax(e.softmax)
        return blocks

    def _softmax(self, s) -> list[Block]:
        model = self.session.model
        classes = model.dataset.classes if model is not None else ()
        t, exps = s.temperature, s.exponentials
        rows = [
            [class_name(classes[i]) if i < len(classes) else str(i), _f(z, 3), _f(ex, 4),
             f"{100 * p:.2f} %"]
            for i, (z, ex, p) in enumerate(zip(s.logits, exps, s.probabilities))
        ]  # fmt: skip
        return [
            Text(self.tr("Softmax turns the logits into probabilities:")),
            Text(
                f"p = e^(z / T) / Σ e^(z′ / T),  T = {_f(t, 3)}"  # noqa: UP030
            ),
            Row([Grid(rows, header=[self.tr("class"), "z", "e^((z − max) / T)", "p"],
                      marked={(s.index, c) for c in range(4)}, key="softmax")]),
            Text(self.tr("p = {0} / {1} = {2} — the chart shows {3:.1f} %").format(
                _f(exps[s.index]), _f(s.exponentials_sum), _f(s.probability, 6), 100 * s.shown
            ), strong=True),
        ]  # fmt: skip

    def _copy(self, e) -> list[Block]:
        from lenet_desktop.analysis.explanations import OPERATIONS  # deferred: off the first paint

        where = e.where or self.tr("the padding")
        return [
            Text(translate("explain", OPERATIONS[e.operation])),
            Text(self.tr("Value taken from {0}: {1}").format(where, _f(e.total)), strong=True),
        ]

    def _unexplained(self, e) -> list[Block]:
        return [Text(self.tr("Not explained: this app does not explain {0} layers yet.").format(
            e.type_name))]  # fmt: skip

    # -- for tests -------------------------------------------------------------------------------
    def products_shown(self) -> int:
        """How many element-wise products the sheet shows."""
        return sum(sum(len(r) for r in g.cells) for g in self.sheet.grids() if g.key == "products")
