"""The Training panel's options: a form made from TrainConfig's fields (their type, default,
choices, range, label and help), so the window offers every option the engine has, with the
engine's defaults; and the few of the window's own (where the dataset is, the device, live
view). Each is remembered in the settings, and a remembered value the option cannot take (an
edited file, an older version's) gives way to the default.
"""

from __future__ import annotations

import math
import os
import typing
from dataclasses import Field, fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from lenet_desktop.training.config import OPTIONS_CONTEXT, TrainConfig
from lenet_desktop.ui.translation import translate
from lenet_desktop.ui.widgets.device_box import DeviceBox


def _kind(spec: Field, hint: Any) -> str:
    """How the form offers a field: "choice", "bool", "int" or "float"."""
    if "choices" in spec.metadata or "offers" in spec.metadata:
        return "choice"
    for kind in (bool, int, float):
        if hint in (kind, kind | None):
            return kind.__name__
    raise TypeError(f"TrainConfig.{spec.name}: no widget for {hint}")


def coerce(spec: Field, kind: str, raw: Any, default: Any) -> Any:
    """A value read from the settings as the field takes it, or ``default`` when it is not
    one (a word where a number belongs, a number out of range, a choice no longer offered)."""
    meta = spec.metadata
    if raw is None:
        return default
    if kind == "bool":
        flags = {"true": True, "1": True, "false": False, "0": False, "": False}
        return flags.get(str(raw).strip().lower(), default)
    if kind == "choice":
        text = str(raw)
        if text in meta.get("choices", meta.get("offers", ())):
            return text
        # a free-form field (the architecture) also takes a spec file that is still there
        if "offers" in meta and text.endswith(".toml") and os.path.isfile(text):
            return text
        return default
    try:
        number = float(raw)
    except (TypeError, ValueError):
        return default
    if not math.isfinite(number) or (kind == "int" and not number.is_integer()):
        return default
    low, high = meta.get("range", (-math.inf, math.inf))
    if not low <= number <= high:
        return default
    return int(number) if kind == "int" else number


class OptionsForm(QWidget):
    """The options' form. ``widgets`` holds each TrainConfig field's widget by field name.
    ``changed()`` whenever an option does (the time estimate follows); ``recipe_applied(name)``
    when a recipe has set the options."""

    changed = Signal()
    recipe_applied = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        hints = typing.get_type_hints(TrainConfig)
        self.specs = {f.name: f for f in fields(TrainConfig) if f.metadata.get("form", True)}
        self.kinds = {name: _kind(spec, hints[name]) for name, spec in self.specs.items()}
        # each a QComboBox, QCheckBox, QSpinBox or QDoubleSpinBox, by the field's type
        self.widgets: dict[str, Any] = {n: self._widget(n) for n in self.specs}
        self.labels: dict[str, QLabel] = {}
        self._build()

    # -- building ----------------------------------------------------------------------------
    def _widget(self, name: str) -> QWidget:
        meta, kind = self.specs[name].metadata, self.kinds[name]
        if kind == "choice":
            box = QComboBox()
            for value in meta.get("choices", meta.get("offers", ())):
                box.addItem(value, value)
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
            return box
        if kind == "bool":
            return QCheckBox()
        spin: Any = QSpinBox() if kind == "int" else QDoubleSpinBox()
        low, high = meta.get("range", (0, 2**31 - 1))
        scale = 100 if meta.get("percent") else 1
        if kind == "float":
            spin.setDecimals(meta.get("decimals", 2))
            spin.setSingleStep(scale * meta.get("step", 0.1))
        if meta.get("percent"):
            spin.setSuffix(" %")
        spin.setRange(scale * low, scale * high)
        if kind == "int":
            spin.setSingleStep(meta.get("step", 1))
        return spin

    def _build(self) -> None:
        self.folder_edit = QLineEdit()
        self.browse_button = QToolButton()
        self.browse_button.setText("…")
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.download_box = QCheckBox()
        self.device_box = DeviceBox()
        self.live_box = QCheckBox()
        self.live_box.setChecked(True)
        rows: list[tuple[str, Any]] = []
        for name, widget in self.widgets.items():
            rows.append((name, widget))
            if name == "dataset":  # where it is, just below it
                rows += [("folder", folder_row), ("download", self.download_box)]
        rows += [("device", self.device_box), ("live", self.live_box)]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for key, widget in rows:
            self.labels[key] = QLabel()
            form.addRow(self.labels[key], widget)
        self.widgets["dataset"].currentIndexChanged.connect(self.dataset_changed)
        for name, spec in self.specs.items():  # lr: the optimiser's own when it changes
            if "default_from" in spec.metadata:
                other = self.widgets[spec.metadata["default_from"][0]]
                other.activated.connect(lambda _=0, name=name: self.set_value(name, None))
        for name in self.specs:
            self.set_value(name, self.default(name))
        # A recipe sets the options; a new network or dataset gets the recipe's settings for it.
        self.widgets["recipe"].activated.connect(lambda _=0: self.apply_recipe(self.recipe))
        for name in ("architecture", "dataset"):
            self.widgets[name].activated.connect(lambda _=0: self.apply_recipe(self.recipe))
        for name, widget in self.widgets.items():
            signal = (
                widget.currentIndexChanged
                if self.kinds[name] == "choice"
                else widget.toggled
                if self.kinds[name] == "bool"
                else widget.valueChanged
            )
            signal.connect(lambda *_: self.changed.emit())
        self.folder_edit.textChanged.connect(lambda *_: self.changed.emit())
        self.changed.connect(self.mark_recipe)
        self.device_box.currentIndexChanged.connect(lambda *_: self.changed.emit())

    def retranslate(self) -> None:
        for name, spec in self.specs.items():
            meta, widget = spec.metadata, self.widgets[name]
            self.labels[name].setText(translate(OPTIONS_CONTEXT, meta["label"]))
            widget.setToolTip(translate(OPTIONS_CONTEXT, meta.get("tip", meta["help"])))
            if "check" in meta:
                widget.setText(translate(OPTIONS_CONTEXT, meta["check"]))
            if "zero" in meta:
                widget.setSpecialValueText(translate(OPTIONS_CONTEXT, meta["zero"]))
            if self.kinds[name] == "choice":
                for i in range(widget.count()):
                    widget.setItemText(i, self._choice_text(spec, widget.itemData(i)))
        for key, text in {
            "folder": self.tr("Folder"),
            "download": self.tr("Download"),
            "device": self.tr("Device"),
            "live": self.tr("Live view"),
        }.items():
            self.labels[key].setText(text)
        self.download_box.setText(self.tr("if missing"))
        self.download_box.setToolTip(
            self.tr("Download the dataset with torchvision if the folder does not hold it")
        )
        self.live_box.setText(self.tr("after each epoch"))
        self.live_box.setToolTip(
            self.tr(
                "Show the newest weights in the main view after each epoch: watch the maps form"
            )
        )
        self.folder_edit.setPlaceholderText(self.tr("folder with the four IDX files"))
        self.mark_recipe()

    def _choice_text(self, spec: Field, value: str) -> str:
        meta = spec.metadata
        title = meta.get("titles", {}).get(value)
        if title is None:
            if value.endswith(".toml"):  # a learner's spec file
                return self.tr("{0} (your spec)").format(Path(value).stem)
            return value
        title = translate(meta.get("titles_context", OPTIONS_CONTEXT), title)
        return f"{value} — {title}" if meta.get("named") else title

    # -- values ------------------------------------------------------------------------------
    def default(self, name: str) -> Any:
        """The field's default in the window (TrainConfig's, or its declared window default;
        for the learning rate, the chosen optimiser's)."""
        meta = self.specs[name].metadata
        value = meta.get("window_default", self.specs[name].default)
        if value is None and "default_from" in meta:
            other, mapping = meta["default_from"]
            value = mapping[self.value(other)]
        return value

    def value(self, name: str) -> Any:
        widget, kind = self.widgets[name], self.kinds[name]
        if kind == "choice":
            return widget.currentData()
        if kind == "bool":
            return widget.isChecked()
        scale = 100 if self.specs[name].metadata.get("percent") else 1
        return widget.value() / scale if scale != 1 else widget.value()

    def set_value(self, name: str, value: Any) -> None:
        """Show ``value`` in the field's widget (None: its default)."""
        if value is None:
            value = self.default(name)
        widget, kind = self.widgets[name], self.kinds[name]
        if kind == "choice":
            index = widget.findData(value)
            if index < 0 and "offers" in self.specs[name].metadata:
                widget.addItem(self._choice_text(self.specs[name], value), value)
                index = widget.count() - 1
            widget.setCurrentIndex(max(0, index))
        elif kind == "bool":
            widget.setChecked(bool(value))
        else:
            widget.setValue(value * (100 if self.specs[name].metadata.get("percent") else 1))

    def values(self) -> dict[str, Any]:
        """Every TrainConfig option the form holds, by field name."""
        return {name: self.value(name) for name in self.specs}

    def set_config(self, config: TrainConfig, keep: tuple[str, ...] = ()) -> None:
        """Show every option of ``config`` but those in ``keep``."""
        for name in self.specs:
            if name not in keep:
                self.set_value(name, getattr(config, name))

    @property
    def recipe(self) -> str:
        return str(self.value("recipe"))

    def training_images(self) -> int | None:
        """How many training images the dataset folder holds (None: not known yet)."""
        from lenet_desktop.data.datasets import dataset_info  # deferred: off the first paint
        from lenet_desktop.training.estimate import dataset_sizes  # deferred: off the first paint

        sizes = dataset_sizes(self.folder_edit.text().strip(), dataset_info(self.value("dataset")))
        return sizes[0] if sizes else None

    def apply_recipe(self, recipe: str, images: int | None = None) -> None:
        """Set every option as ``recipe`` has it for the network chosen and the images it
        will train on (``images`` of them, else the dataset folder's; as `train --recipe`: the
        recipe's settings, the defaults for the rest); the network, the dataset and the seed
        stay. "custom" only says the options are the learner's own."""
        from lenet_desktop.training.recipes import recipe_settings  # deferred: off the first paint

        if recipe != "custom":
            keep = ("architecture", "dataset", "seed")
            known = self.training_images()
            count = min(images, known) if images and known else images or known
            settings = recipe_settings(recipe, self.value("architecture"), count)
            for name in self.specs:
                if name not in keep:
                    self.set_value(name, settings.get(name, self.specs[name].default))
        self.set_value("recipe", recipe)
        self.recipe_applied.emit(recipe)

    def recipe_changes(self) -> list[str]:
        """The options that no longer are as the chosen recipe has them (field names)."""
        from lenet_desktop.training.recipes import recipe_settings  # deferred: off the first paint

        if self.recipe == "custom":
            return []
        settings = recipe_settings(self.recipe, self.value("architecture"), self.training_images())
        changed = []
        for name, wanted in settings.items():
            if name in ("recipe", "architecture") or name not in self.specs:
                continue
            value = self.value(name)
            if isinstance(wanted, float) or isinstance(value, float):
                same = math.isclose(float(value), float(wanted), rel_tol=1e-9, abs_tol=1e-12)
            else:
                same = value == wanted
            if not same:
                changed.append(name)
        return changed

    def mark_recipe(self) -> None:
        """The recipe box says when options were changed after the recipe set them."""
        box, spec = self.widgets["recipe"], self.specs["recipe"]
        for i in range(box.count()):
            box.setItemText(i, self._choice_text(spec, box.itemData(i)))
        changed = self.recipe_changes()
        if changed:
            labels = [translate(OPTIONS_CONTEXT, self.specs[n].metadata["label"]) for n in changed]
            box.setItemText(
                box.currentIndex(),
                self.tr("{0}, changed: {1}").format(box.currentText(), ", ".join(labels)),
            )

    def apply_book(self) -> None:
        """The D2L chapter's own run (TrainConfig.book, as `train --book`): its network on
        Fashion-MNIST with the Book recipe; the seed stays."""
        self.set_value("architecture", "d2l")
        self.set_value("dataset", "fashion-mnist")
        self.dataset_changed()
        self.apply_recipe("book")

    def add_spec(self, path: str) -> None:
        """Offer the network a spec file describes, and choose it."""
        self.set_value("architecture", path)

    def config(self) -> TrainConfig:
        """The options as a TrainConfig; ValueError with a plain message if one is off."""
        folder = self.folder_edit.text().strip()
        if not self.download_box.isChecked() and not folder:
            raise ValueError(self.tr("Choose the dataset folder, or tick Download."))
        if folder and not self.download_box.isChecked() and not os.path.isdir(folder):
            raise ValueError(self.tr("{0}: no such folder").format(folder))
        return TrainConfig(
            **self.values(),
            device=self.device_box.device() or None,
            # Leave one core to the window on a CPU: drawing must stay smooth.
            threads=max(1, (os.cpu_count() or 2) - 1),
        )

    # -- remembering -------------------------------------------------------------------------
    def _stored(self, key: str) -> Any:
        return self.settings.value(f"training/{key}")

    def restore(self) -> None:
        """The options of the last run (or the defaults), so a learner need not set them again;
        in field order, so the learning rate's default follows the optimiser restored."""
        for name, spec in self.specs.items():
            stored = self._stored(name)
            self.set_value(name, coerce(spec, self.kinds[name], stored, self.default(name)))
        bools = {"true": True, "1": True, "false": False, "0": False, "": False}
        for key, box in (("download", self.download_box), ("live", self.live_box)):
            box.setChecked(bools.get(str(self._stored(key)).lower(), box.isChecked()))
        folder = self._stored("folder")
        self.folder_edit.setText(folder if isinstance(folder, str) else "")
        if not self.folder_edit.text():
            self.dataset_changed()

    def restore_device(self, devices: list[str]) -> None:
        """List ``devices`` (this machine's) and choose the remembered one (auto if it is
        gone)."""
        stored = self._stored("device")
        self.device_box.fill(devices, stored if isinstance(stored, str) else "")

    def save(self) -> None:
        values: dict[str, Any] = self.values() | {
            "download": self.download_box.isChecked(),
            "live": self.live_box.isChecked(),
            "folder": self.folder_edit.text().strip(),
            "device": self.device_box.device(),
        }
        for key, value in values.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            self.settings.setValue(f"training/{key}", value)

    # -- the dataset's folder ----------------------------------------------------------------
    def dataset_changed(self) -> None:
        # deferred: off the first paint
        from lenet_desktop.data.datasets import dataset_info, find_folder

        found = find_folder(dataset_info(self.value("dataset")))
        # the other dataset's folder must not stay: its files have the same names, and
        # MNIST's digits would be trained on as garments
        self.folder_edit.setText(str(found) if found is not None else "")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Dataset folder"), self.folder_edit.text() or str(Path.home())
        )
        if folder:
            self.folder_edit.setText(folder)
