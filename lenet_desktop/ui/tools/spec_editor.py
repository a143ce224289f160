"""The architecture editor: a network as an editable list of layers (the TOML spec's
``[[layers]]``), with every layer's name, output shape, parameters and output-size formula
recomputed as you type. A layer that cannot work turns red with the reason in words, and
*Train This* is disabled until it is fixed. Start from any preset or the model in use; add,
remove and reorder layers; open and save spec files; *Train This* hands it to the Training
panel.

Only the torch-free half of :mod:`lenet_desktop.specs` runs here (:func:`specs.planning`): an edit
costs microseconds and never allocates a network."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lenet_desktop.paths.places import slug
from lenet_desktop.session import Session
from lenet_desktop.specs import (
    LAYER_TYPES,
    LayerSpec,
    Spec,
    SpecError,
    layer_names,
    load_spec,
    plan,
    preset_spec,
    spec_to_toml,
)
from lenet_desktop.specs.geometry import INPUT_SHAPE, shape_text, size_formula
from lenet_desktop.specs.layer_types import KEY_WORDS, SPEC_KEYS, SPEC_TYPES
from lenet_desktop.specs.planning import check_memory
from lenet_desktop.ui.tools.spec_notebook import NotebookEditing
from lenet_desktop.ui.translation import Retranslating, architecture_title, error_text, translate
from lenet_desktop.ui.widgets.emphasis import ERROR, emphasise

# Columns: the layer's keys (every key of the table of layer types), then what is computed.
EDITED = ("type", *SPEC_KEYS)
COLUMNS = ("name", "type", "output", "parameters", *SPEC_KEYS, "formula")
RED = QColor(231, 76, 60, 90)


def default_batch_size() -> int:
    """The batch size the memory estimate assumes: TrainConfig's default."""
    from dataclasses import fields  # deferred: off the first paint

    from lenet_desktop.training.config import TrainConfig  # deferred: off the first paint

    default = next(f.default for f in fields(TrainConfig) if f.name == "batch_size")
    return default if isinstance(default, int) else 256


def type_label(kind: str) -> str:
    """A layer type as the spec file writes it, with what it is in the window's language."""
    from PySide6.QtCore import QCoreApplication  # deferred: off the first paint

    return f"{kind} · {QCoreApplication.translate('layer types', SPEC_TYPES[kind].word)}"


class SpecEditor(NotebookEditing, Retranslating, QWidget):
    """``train_requested(path)``: the learner asked to train the spec, saved at ``path``."""

    train_requested = Signal(str)
    weights_requested = Signal(str, object)  # a notebook's file and the network to open it in

    def __init__(
        self, session: Session, settings: QSettings | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.layers: list[LayerSpec] = []
        self.name = "custom"
        self.error: SpecError | None = None
        self._filling = False

        self.start_box = QComboBox()
        self.start_box.activated.connect(lambda _: self.load_preset(self.start_box.currentData()))
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total = QLabel()

        self.add_box = QComboBox()
        for kind in LAYER_TYPES:
            self.add_box.addItem(type_label(kind), kind)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton("↑"), QPushButton("↓")
        self.open_button, self.save_button = QPushButton(), QPushButton()
        self.train_button = QPushButton()
        self.code_button = QPushButton()
        self.code_button.clicked.connect(self.show_code)
        # a notebook's weights the learner describes here: (file, state dict)
        self.weights: tuple[str, dict] | None = None
        self.weights_button = QPushButton()
        self.weights_button.hide()
        self.weights_button.clicked.connect(self._use_weights)
        self.add_button.clicked.connect(lambda: self.add_layer(self.add_box.currentData()))
        self.remove_button.clicked.connect(self.remove_layer)
        self.up_button.clicked.connect(lambda: self.move_layer(-1))
        self.down_button.clicked.connect(lambda: self.move_layer(1))
        self.open_button.clicked.connect(self.open_dialog)
        self.save_button.clicked.connect(self.save_dialog)
        self.train_button.clicked.connect(self.train_this)

        self.start_label = QLabel()
        # Each row of controls in two, so that none is cut in a pane of a narrow window: the
        # starting point above its file buttons; the layer buttons above the total and Train.
        top = QHBoxLayout()
        top.addWidget(self.start_label)
        top.addWidget(self.start_box, 1)
        files = QHBoxLayout()
        for widget in (self.open_button, self.save_button, self.code_button,
                       self.weights_button):  # fmt: skip
            files.addWidget(widget)
        files.addStretch(1)
        edit = QHBoxLayout()
        for widget in (self.add_box, self.add_button, self.remove_button, self.up_button,
                       self.down_button):  # fmt: skip
            edit.addWidget(widget)
        edit.addStretch(1)
        train = QHBoxLayout()
        train.addWidget(self.total)
        train.addStretch(1)
        train.addWidget(self.train_button)
        # The controls scroll rather than make the window wider than a small screen.
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(top)
        layout.addLayout(files)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(edit)
        layout.addLayout(train)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()
        self.load_preset("d2l")

    # -- strings -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        from lenet_desktop.options import ARCHITECTURES  # deferred: off the first paint

        self.start_label.setText(self.tr("Start from:"))
        current = self.start_box.currentData()
        self.start_box.clear()
        for name in ARCHITECTURES:
            if name != "lenet5":  # its special layers are no spec
                self.start_box.addItem(f"{name} — {architecture_title(name)}", name)
        self.start_box.setCurrentIndex(max(0, self.start_box.findData(current)))
        for i in range(self.add_box.count()):
            self.add_box.setItemText(i, type_label(self.add_box.itemData(i)))
        self.add_button.setText(self.tr("Add Layer"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setToolTip(self.tr("Move the selected layer up"))
        self.down_button.setToolTip(self.tr("Move the selected layer down"))
        self.open_button.setText(self.tr("Open Spec…"))
        self.save_button.setText(self.tr("Save Spec…"))
        self.code_button.setText(self.tr("Show PyTorch Code"))
        self.weights_button.setText(self.tr("Open with These Weights"))
        self.train_button.setText(self.tr("Train This"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("layer"), self.tr("type"), self.tr("output shape"), self.tr("parameters"),
             *(translate("layer keys", KEY_WORDS[key]) for key in SPEC_KEYS),
             self.tr("size formula")]
        )  # fmt: skip
        self.rebuild()  # the type choosers speak the new language too

    # -- the spec ------------------------------------------------------------------------------
    def num_classes(self) -> int:
        model = self.session.model
        return len(model.dataset.classes) if model is not None else 10

    def spec(self) -> Spec:
        return Spec(layers=tuple(self.layers), name=self.name)

    def set_spec(self, spec: Spec) -> None:
        self.layers = list(spec.layers)
        self.name = spec.name or "custom"
        self.rebuild()

    def load_preset(self, name: str | None) -> None:
        if name:
            self.set_spec(preset_spec(name, self.num_classes()))
            self.start_box.setCurrentIndex(max(0, self.start_box.findData(name)))

    def edit_model_in_use(self) -> bool:
        """Start from the model in use (False for a network that is no spec: LeNet-5)."""
        model = self.session.model
        spec = getattr(model, "spec", None)
        if spec is None:
            return False
        self.set_spec(spec)
        return True

    # -- editing -------------------------------------------------------------------------------
    def _selected(self) -> int:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else -1

    def add_layer(self, kind: str) -> None:
        at = self._selected() + 1 if self._selected() >= 0 else len(self.layers)
        self.layers.insert(at, LayerSpec(type=kind, **SPEC_TYPES[kind].defaults()))
        self.name = "custom"
        self.rebuild()
        self.table.selectRow(at)

    def remove_layer(self) -> None:
        row = self._selected()
        if 0 <= row < len(self.layers):
            del self.layers[row]
            self.name = "custom"
            self.rebuild()
            if self.layers:
                self.table.selectRow(min(row, len(self.layers) - 1))

    def move_layer(self, step: int) -> None:
        row = self._selected()
        target = row + step
        if 0 <= row < len(self.layers) and 0 <= target < len(self.layers):
            self.layers[row], self.layers[target] = self.layers[target], self.layers[row]
            self.name = "custom"
            self.rebuild()
            self.table.selectRow(target)

    def set_value(self, row: int, key: str, value) -> None:
        """Change one key of one layer (what each editor cell does)."""
        layer = self.layers[row]
        if key == "type":
            row_type = SPEC_TYPES[value]
            fresh = row_type.defaults()
            kept = {
                k: getattr(layer, k) for k in row_type.key_names if getattr(layer, k) is not None
            }
            self.layers[row] = LayerSpec(type=value, **(fresh | kept))
            self.name = "custom"
            self.rebuild()
            return
        values = layer.as_dict() | {key: value}
        values.pop("type")
        self.layers[row] = LayerSpec(type=layer.type, **values)
        self.name = "custom"
        self.recompute()

    # -- the table -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        """One row per layer: a type chooser and a spin box for each key the type takes."""
        self._filling = True
        self.table.setRowCount(len(self.layers))
        for row, layer in enumerate(self.layers):
            kinds = QComboBox()
            for kind in LAYER_TYPES:
                kinds.addItem(type_label(kind), kind)
            kinds.setCurrentIndex(kinds.findData(layer.type))
            kinds.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            kinds.setMinimumContentsLength(14)
            kinds.currentIndexChanged.connect(
                lambda _, r=row, box=kinds: self.set_value(r, "type", box.currentData())
            )
            self.table.setCellWidget(row, COLUMNS.index("type"), kinds)
            for key in EDITED[1:]:
                column = COLUMNS.index(key)
                value = getattr(layer, key)
                spec_key = SPEC_TYPES[layer.type].key(key)
                if spec_key is None:
                    self.table.removeCellWidget(row, column)
                    self.table.setItem(row, column, QTableWidgetItem("—"))
                    continue
                box: QSpinBox | QDoubleSpinBox
                if not spec_key.whole:
                    box = QDoubleSpinBox()
                    # up to (not including) the largest: one step below it
                    box.setRange(spec_key.smallest, spec_key.largest - 0.05)
                    box.setSingleStep(0.1)
                    box.setValue(float(value or 0.0))
                    box.valueChanged.connect(lambda v, r=row, k=key: self.set_value(r, k, float(v)))
                else:
                    box = QSpinBox()
                    box.setRange(int(spec_key.smallest), int(spec_key.largest))
                    box.setValue(int(value or 0))
                    box.valueChanged.connect(lambda v, r=row, k=key: self.set_value(r, k, int(v)))
                box.setKeyboardTracking(True)
                self.table.setCellWidget(row, column, box)
        self._filling = False
        self.recompute()

    def recompute(self) -> None:
        """Names, shapes, parameters and formulas from :func:`specs.plan`; the row at fault red."""
        if self._filling:
            return
        names = layer_names(self.spec()) if self.layers else []
        planned, self.error = [], None
        if self.layers:
            try:
                planned = plan(self.spec(), self.num_classes())
                # and the memory a training step would take, at the default batch size
                check_memory(self.spec(), default_batch_size(), self.num_classes())
            except SpecError as exc:
                self.error = exc
                if exc.index:  # the layers before the one at fault still have their shapes
                    try:
                        planned = plan(Spec(layers=tuple(self.layers[: exc.index])))
                    except SpecError:
                        planned = []
        for row, name in enumerate(names):
            step = planned[row] if row < len(planned) else None
            cells = {
                "name": name,
                "output": "×".join(map(str, step.out_shape)) if step else "",
                "parameters": f"{step.parameters:,}" if step else "",
                "formula": _formula(self.layers[row], step) if step else "",
            }
            for key, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, COLUMNS.index(key), item)
            bad = self.error is not None and self.error.index == row
            for column in range(len(COLUMNS)):
                cell = self.table.item(row, column)
                if cell is not None:
                    cell.setBackground(QBrush(RED) if bad else QBrush())
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    widget.setStyleSheet("background: rgba(231, 76, 60, 90);" if bad else "")
        if self.error is not None:
            emphasise(self.message, ERROR, bold=True)
            self.message.setText(error_text(self.error))
            self.total.setText("")
        elif not self.layers:
            emphasise(self.message, ERROR, bold=True)
            self.message.setText(self.tr("Add a layer to start."))
        else:
            emphasise(self.message)
            self.message.setText(
                self.tr("Every layer fits: {0} layers, input {2} → {1} classes.").format(
                    len(self.layers), self.num_classes(), shape_text(INPUT_SHAPE)
                )
            )
            total = sum(step.parameters for step in planned)
            self.total.setText(self.tr("{0:,} parameters").format(total))
            self._check_weights()
        self.train_button.setEnabled(self.error is None and bool(self.layers))
        self.save_button.setEnabled(bool(self.layers))

    # -- files ---------------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write the spec as TOML (atomically); OSError if it cannot be written."""
        from lenet_desktop.paths import atomic  # deferred: off the first paint

        return atomic.write_text(Path(path), spec_to_toml(self.spec()))

    def open(self, path: str | Path) -> bool:
        try:
            spec = load_spec(path)
        except SpecError as exc:
            emphasise(self.message, ERROR, bold=True)
            self.message.setText(error_text(exc))
            return False
        self.set_spec(spec)
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Spec"), str(Path.home()), self.tr("Architecture specs (*.toml)")
        )
        if path:
            self.open(path)

    def save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save Spec"),
            str(Path.home() / f"{slug(self.name)}.toml"),
            self.tr("Architecture specs (*.toml)"),
        )
        if path:
            try:
                self.save(path if path.endswith(".toml") else path + ".toml")
            except OSError as exc:
                self._say_error(exc)

    def train_this(self) -> str | None:
        """Save the spec where the app keeps the learner's specs and ask for it to be trained."""
        if self.error is not None or not self.layers:
            return None
        # deferred: off the first paint
        from lenet_desktop.paths.places import PathError, inside, user_folder

        folder = user_folder("specs")
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = str(self.save(inside(folder, f"{slug(self.name)}.toml")))
        except (OSError, PathError) as exc:  # said in the editor; nothing written elsewhere
            self._say_error(exc)
            return None
        self.train_requested.emit(path)
        return path

    def _say_error(self, exc: Exception) -> None:
        emphasise(self.message, ERROR, bold=True)
        if isinstance(exc, OSError):
            text = self.tr("Cannot be saved: {0}").format(exc.strerror or exc)
        else:
            text = error_text(exc)
        self.message.setText(text)


def _formula(layer: LayerSpec, step) -> str:
    """The output-size formula with the numbers, for conv and pool layers."""
    if SPEC_TYPES[layer.type].kind not in ("conv", "pool") or len(step.in_shape) != 3:
        return ""
    kernel, padding, stride = layer.kernel or 0, layer.padding or 0, layer.stride or 1
    return size_formula(step.in_shape[1], kernel, padding, stride)
