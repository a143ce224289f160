"""The Architecture tab: what ``lenet-desktop info`` prints, as a table that stays readable in a
narrow pane (long cells wrap; nothing is cut without its full text in a tooltip)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.nn.layer_table import LayerRow
from lenet_desktop.session import Session
from lenet_desktop.specs.geometry import FORMULA, INPUT_SHAPE, shape_text
from lenet_desktop.ui.follow import follow
from lenet_desktop.ui.translation import Retranslating, model_architecture_title
from lenet_desktop.ui.views.layer_text import operation

COLUMNS = 6


class ArchitectureTable(QTableWidget):
    """Per layer: name, what it does, output shape, parameters, the output-size formula."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        # rows always as tall as their wrapped cells, whatever changed the columns' widths
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.horizontalHeader()
        for column in range(COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAlternatingRowColors(True)
        # A column that changes width re-wraps its cells: rows follow, once the changes settle.
        self._rows_later = QTimer(self)
        self._rows_later.setSingleShot(True)
        self._rows_later.setInterval(0)
        self._rows_later.timeout.connect(self.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._rows_later.start())

    # The receptive-field column (the last) is shown when the pane is wide enough for it and
    # the formula; in a narrower pane it steps aside rather than cut the other columns.
    field_header = ("", "")
    _cells: Sequence[tuple[str, ...]] = ()

    def _field_column(self, show: bool) -> None:
        if show == (self.columnCount() == COLUMNS):
            return
        self.setColumnCount(COLUMNS if show else COLUMNS - 1)
        if show:
            item = QTableWidgetItem(self.field_header[0])
            item.setToolTip(self.field_header[1])
            self.setHorizontalHeaderItem(COLUMNS - 1, item)
            self.horizontalHeader().setSectionResizeMode(
                COLUMNS - 1, QHeaderView.ResizeMode.Interactive
            )
            for r, row in enumerate(self._cells):
                if len(row) == COLUMNS:
                    field = QTableWidgetItem(row[-1])
                    field.setToolTip(row[-1])
                    self.setItem(r, COLUMNS - 1, field)

    def show_rows(self, cells: Sequence[tuple[str, ...]]) -> None:
        self._cells = cells
        self.setRowCount(len(cells))
        for r, row in enumerate(cells):
            for c, text in enumerate(row[: self.columnCount()]):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, item)
        self._fit_columns()
        self.resizeRowsToContents()

    def _fit_columns(self) -> None:
        """The Operation column shares the width with the formula: wide enough for its longest
        word, for all of its text when there is room; the rest wraps."""
        metrics = self.fontMetrics()
        items = [self.item(r, 1) for r in range(self.rowCount())]
        texts = [item.text() for item in items if item is not None]
        header = self.horizontalHeaderItem(1)
        words = [w for t in texts + ([header.text()] if header else []) for w in t.split()]
        longest = max((metrics.horizontalAdvance(w) for w in words), default=40) + 16
        whole = max((metrics.horizontalAdvance(t) for t in texts), default=40) + 16
        # The receptive-field column wraps ("14×14," / "jump 2"): as wide as its longest word.
        field_words = [w for row in self._cells if len(row) == COLUMNS for w in row[-1].split()]
        field_words += self.field_header[0].split("\n")
        field_width = max((metrics.horizontalAdvance(w) for w in field_words), default=40) + 16
        formula_header = self.horizontalHeaderItem(4)
        formula_width = 16 + max(
            (metrics.horizontalAdvance(w) for w in (formula_header.text().split("\n")
             if formula_header else [])), default=40,
        )  # fmt: skip
        fixed = sum(self.columnWidth(c) for c in (0, 2, 3))
        room = self.viewport().width() - fixed - max(longest, min(whole, 200))
        self._field_column(room >= field_width + formula_width)
        if self.columnCount() == COLUMNS:
            self.setColumnWidth(COLUMNS - 1, field_width)
            fixed += field_width
        room = self.viewport().width() - fixed
        self.setColumnWidth(1, max(longest, min(whole, room // 2)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self.resizeRowsToContents()  # wrapped cells need taller rows when the pane narrows

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._rows_later.start()  # widths set while hidden: the rows follow once shown

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        # Whatever changed a column's width (a stretched column, a retranslation), a row
        # shorter than its wrapped text is made whole right after this paint.
        if any(self.rowHeight(r) < self.sizeHintForRow(r) for r in range(self.rowCount())):
            self._rows_later.start()


class ArchitectureView(Retranslating, QWidget):
    """Follows the session's model: a sentence of facts above the layer table.
    ``code_requested``: the learner asked for the model's PyTorch code."""

    code_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.table = ArchitectureTable()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.code_button = QPushButton()
        self.code_button.clicked.connect(self.code_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.facts, 1)
        top.addWidget(self.code_button)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        follow(self, session.model_changed, self._model_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.code_button.setText(self.tr("Show PyTorch Code"))
        self.table.field_header = (
            self.tr("Receptive\nfield"),
            self.tr(
                "How many input pixels one value of the layer sees, and how far apart (jump) "
                "neighbouring values' fields are: r = r₋₁ + (k − 1)·j₋₁, j = s·j₋₁"
            ),
        )
        self.table._field_column(False)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Layer"),
                self.tr("Operation"),
                self.tr("Output\nshape"),
                self.tr("Parameters"),
                self.tr("Output\nsize"),
            ]
        )
        header = self.table.horizontalHeaderItem(4)
        if header is not None:
            header.setToolTip(
                self.tr("Output size of a convolution or pooling: {0}").format(FORMULA)
            )
        if self.session.predictor is not None:
            self._model_changed(self.session.predictor)

    def _field_text(self, row: LayerRow) -> str:
        """``14×14, jump 2`` / the whole input in the window's language."""
        if row.field_size is None:
            return self.tr("{0} (all)").format(shape_text(INPUT_SHAPE[1:]))
        side = shape_text((row.field_size, row.field_size))
        return self.tr("{0}, jump {1}").format(side, row.field_jump)

    def _model_changed(self, predictor) -> None:
        anatomy = predictor.anatomy
        total = anatomy.total_parameters
        cells = [
            (
                r.name,
                operation(r.words),
                shape_text(r.output_shape),
                f"{r.parameters:,}",
                r.formula or "",
                self._field_text(r),
            )
            for r in anatomy.rows
        ]
        cells.append((self.tr("total"), "", "", f"{total:,}", "", ""))
        self.table.show_rows(cells)
        bundle = predictor.bundle
        facts = self.tr(
            "{0} — {1:,} parameters; input {2}. Output size of a convolution or pooling: "
            "{3}, n input size, k kernel, p padding per side, s stride."
        ).format(model_architecture_title(bundle), total, shape_text(INPUT_SHAPE), FORMULA)
        accuracy = bundle.training.get("test_accuracy")
        if accuracy is not None:
            facts += " " + self.tr("Test accuracy: {0:.2f} %.").format(100 * accuracy)
        self.facts.setText(facts)
