"""The convolution sandbox (View ▸ Convolution Sandbox): type an input and kernels, or paint the
input by clicking its cells, set padding and stride, and see the output, the size formula with
its numbers and, under the mouse, each output value's products. The notes' examples are one
click away as lessons. The arithmetic is :mod:`lenet_desktop.analysis.sandbox`'s."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.analysis.sandbox import (
    LESSONS,
    Corr2d,
    SandboxError,
    corr2d,
    number,
    parse_channels,
    parse_kernels,
)
from lenet_desktop.specs.geometry import FORMULA
from lenet_desktop.ui.translation import Retranslating, error_text
from lenet_desktop.ui.widgets.emphasis import ERROR, emphasise
from lenet_desktop.ui.widgets.number_sheet import Block, Grid, NumberSheet, Row, Text, signed_shade


def _cells(matrix: np.ndarray) -> list[list[str]]:
    return [[number(v) for v in row] for row in matrix]


def _text(matrix: np.ndarray) -> str:
    return "\n".join(" ".join(number(v) for v in row) for row in matrix)


class SandboxDialog(Retranslating, QDialog):
    """Lessons on the left; the input, kernels, padding and stride; the sheet of numbers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SandboxDialog")
        self.corr: Corr2d | None = None
        self.hover: tuple[int, int, int] | None = None
        self.lessons = QListWidget()
        self.lessons.currentRowChanged.connect(self.load_lesson)
        self.lesson_text = QLabel()
        self.lesson_text.setWordWrap(True)
        self.input_edit = QPlainTextEdit()
        self.kernel_edit = QPlainTextEdit()
        for edit in (self.input_edit, self.kernel_edit):
            edit.setMaximumHeight(110)
            edit.textChanged.connect(self.recompute)
        self.padding_spin = QSpinBox()
        self.padding_spin.setRange(0, 8)
        self.stride_spin = QSpinBox()
        self.stride_spin.setRange(1, 8)
        for spin in (self.padding_spin, self.stride_spin):
            spin.valueChanged.connect(self.recompute)
        self.form = QFormLayout()
        self.input_label, self.kernel_label = QLabel(), QLabel()
        self.padding_label, self.stride_label = QLabel(), QLabel()
        self.form.addRow(self.input_label, self.input_edit)
        self.form.addRow(self.kernel_label, self.kernel_edit)
        spins = QHBoxLayout()
        spins.addWidget(self.padding_label)
        spins.addWidget(self.padding_spin)
        spins.addWidget(self.stride_label)
        spins.addWidget(self.stride_spin)
        spins.addStretch(1)
        self.error = QLabel()
        emphasise(self.error, ERROR)
        self.sheet = NumberSheet()
        self.sheet.hovered.connect(self._hovered)
        self.sheet.clicked.connect(self._painted)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.sheet)
        right = QWidget()
        layout = QVBoxLayout(right)
        layout.addWidget(self.lesson_text)
        layout.addLayout(self.form)
        layout.addLayout(spins)
        layout.addWidget(self.error)
        layout.addWidget(scroll, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.lessons)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 770])
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        self.resize(1100, 760)
        self.retranslate()
        self.load_lesson(0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Convolution Sandbox"))
        self.input_label.setText(self.tr("Input"))
        self.kernel_label.setText(self.tr("Kernels"))
        self.padding_label.setText(self.tr("Padding"))
        self.stride_label.setText(self.tr("Stride"))
        hint = self.tr(
            "Rows on separate lines or separated by ;, numbers by spaces. Input channels "
            "separated by |; a kernel's output channels by /. Up to 32×32. Click a cell of "
            "the input to paint it (0 ↔ 1)."
        )
        self.input_edit.setToolTip(hint)
        self.kernel_edit.setToolTip(hint)
        row = self.lessons.currentRow()
        self.lessons.blockSignals(True)
        self.lessons.clear()
        for lesson in LESSONS:
            self.lessons.addItem(QCoreApplication.translate("lessons", lesson.title))
        self.lessons.setCurrentRow(max(row, 0))
        self.lessons.blockSignals(False)
        if 0 <= row < len(LESSONS):
            self.lesson_text.setText(QCoreApplication.translate("lessons", LESSONS[row].text))
        self.recompute()

    # -- input -----------------------------------------------------------------------------------
    def load_lesson(self, row: int) -> None:
        """Put lesson ``row`` of :data:`lenet_desktop.analysis.sandbox.LESSONS` in the editors."""
        if not 0 <= row < len(LESSONS):
            return
        lesson = LESSONS[row]
        self.lesson_text.setText(QCoreApplication.translate("lessons", lesson.text))
        self.hover = None
        for widget in (self.input_edit, self.kernel_edit, self.padding_spin, self.stride_spin):
            widget.blockSignals(True)
        self.input_edit.setPlainText(_stack_text(parse_channels(lesson.input), " |\n"))
        self.kernel_edit.setPlainText(
            " /\n".join(_stack_text(k, " | ") for k in parse_kernels(lesson.kernel))
        )
        self.padding_spin.setValue(lesson.padding)
        self.stride_spin.setValue(lesson.stride)
        for widget in (self.input_edit, self.kernel_edit, self.padding_spin, self.stride_spin):
            widget.blockSignals(False)
        self.recompute()

    def _painted(self, key: str, row: int, col: int) -> None:
        """A click on an input cell flips it between 0 and 1 (padding cannot be painted)."""
        if self.corr is None or not key.startswith("input"):
            return
        channel, p = int(key[5:]), self.corr.padding
        r, c = row - p, col - p
        x = self.corr.input.copy()
        if not (0 <= r < x.shape[1] and 0 <= c < x.shape[2]):
            return
        x[channel, r, c] = 0.0 if x[channel, r, c] else 1.0
        self.input_edit.setPlainText(_stack_text(x, " |\n"))

    def recompute(self, *_: object) -> None:
        try:
            self.corr = corr2d(
                parse_channels(self.input_edit.toPlainText()),
                parse_kernels(self.kernel_edit.toPlainText()),
                self.padding_spin.value(),
                self.stride_spin.value(),
            )  # fmt: skip
            self.error.setText("")
        except SandboxError as exc:
            self.corr = None
            self.error.setText(self.tr("Cannot compute: {0}").format(error_text(exc)))
        self._fill()

    # -- the sheet -------------------------------------------------------------------------------
    def _hovered(self, key: str, row: int, col: int) -> None:
        hover = (int(key[6:]), row, col) if key.startswith("output") else None
        if hover != self.hover and (hover is not None or key):
            self.hover = hover
            self._fill()

    def _fill(self) -> None:
        result = self.corr
        if result is None:
            self.sheet.set_blocks([])
            return
        o, r, c = self.hover if self.hover is not None else (0, 0, 0)
        if (
            o >= result.output.shape[0]
            or r >= result.output.shape[1]
            or c >= result.output.shape[2]
        ):
            o, r, c = 0, 0, 0
        kh, kw = result.kernels.shape[2:]
        top, left = result.window(r, c)
        window = {(top + i, left + j) for i in range(kh) for j in range(kw)}
        p = result.padding
        height, width = result.padded.shape[1:]
        padded = np.ones((height, width), dtype=bool)
        padded[p : height - p, p : width - p] = False
        inputs: list[Grid | str] = []
        for channel, values in enumerate(result.padded):
            inputs.append(
                Grid(_cells(values), self.tr("input channel {0}").format(channel),
                     padded=padded if p else None, marked=window, key=f"input{channel}")
            )  # fmt: skip
        blocks: list[Block] = [Row(inputs)]
        for out, kernels in enumerate(result.kernels):
            row: list[Grid | str] = []
            for channel, kernel in enumerate(kernels):
                row.append(Grid(_cells(kernel), self.tr("kernel {0}, channel {1}").format(
                    out, channel), shade=signed_shade(kernel)))  # fmt: skip
            marked = {(r, c)} if out == o else set()
            row += ["→", Grid(_cells(result.output[out]), self.tr("output channel {0}").format(
                out), shade=signed_shade(result.output[out]), marked=marked,
                key=f"output{out}")]  # fmt: skip
            blocks.append(Row(row))
        rows, cols = result.size_text()
        blocks.append(
            Text(self.tr("Output size {2}: height {0}, width {1}").format(rows, cols, FORMULA))
        )  # fmt: skip
        products = result.products(o, r, c)
        blocks.append(
            Text(self.tr("Output channel {0}, row {1}, column {2} (hover another value):").format(
                o, r, c), strong=True)
        )  # fmt: skip
        blocks.append(
            Row([Grid(_cells(products[ch]), self.tr("products, channel {0}").format(ch),
                      shade=signed_shade(products[ch]), key=f"products{ch}")
                 for ch in range(products.shape[0])])
        )  # fmt: skip
        blocks.append(Text(result.formula(o, r, c), strong=True))
        self.sheet.set_blocks(blocks)


def _stack_text(stack: np.ndarray, separator: str) -> str:
    return separator.join(_text(m).replace("\n", "; ") for m in stack)


def show_sandbox(parent: QWidget) -> SandboxDialog:
    """Open the sandbox (one per window: shown again if already open)."""
    dialog = parent.findChild(SandboxDialog)
    if dialog is None:
        dialog = SandboxDialog(parent)
    dialog.show()
    dialog.raise_()
    return dialog
