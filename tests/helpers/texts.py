"""Every text a learner can read in a window: widget texts, titles, tooltips, table cells, menu
entries and the labels the painted views draw."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from lenet_desktop.specs.layer_types import LAYER_TYPES

# Words that stay as they are in every language: names from the chapter and the paper, units,
# formats and devices.
TECHNICAL = {
    "LeNet", "MNIST", "Fashion", "D2L", "ReLU", "BN", "SGD", "Adam", "AdamW", "CPU", "CUDA",
    "MPS", "GPU", "PNG", "SVG", "ETA", "px", "ms", "IDX", "Xavier", "Kaiming", "RBF", "max",
    "avg", "tanh", "sigmoid", "Ctrl", "Shift", "Esc", "Del", "Delete", "PyTorch", "Qt",
    "PySide", "safetensors", "torchvision", "TOML", "CSV", "JSON", "ECE", "NLL", "Grad", "CAM",
    "BatchNorm", "Linear", "Flatten", "Conv", "MaxPool", "AvgPool", "Sigmoid", "Tanh", "ReLU6",
    "cu", "cpu", "cuda", "mps", "Ln", "lr", "modern", "classic", "lenet", "notes", "onecycle",
    "cosine", "step", "none", "mnist", "zh", "CN", "en", "fashion", "English", "LeCun", "d2l",
    "lenet5", "sgd", "adam", "adamw", "flatten", "output", "gz", "Markdown",
    # the spec format's keys, as a TOML file writes them
    "slope",
}  # fmt: skip
# the spec format's layer types, as a TOML file writes them (the table of layer types says)
TECHNICAL |= set(LAYER_TYPES) | {"LeakyReLU"}
LAYER = re.compile(r"^(C|S|F)\d+(_\w+)?$|^(conv|pool|fc|bn|relu)\d*(_\w+)?$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z_]*\d*[A-Za-z_\d]*")


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    from PySide6.QtCore import QModelIndex

    rows = model.rowCount(QModelIndex())
    try:
        cols = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column
        cols = 1
    texts = []
    for row in range(min(rows, 200)):
        for col in range(cols):
            texts.append(str(model.index(row, col).data() or ""))
    from PySide6.QtCore import Qt

    for col in range(cols):
        texts.append(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))
    for row in range(min(rows, 200)):
        texts.append(str(model.headerData(row, Qt.Orientation.Vertical) or ""))
    return texts


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def readable_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text under ``root`` a learner can read."""
    found: list[tuple[str, str]] = []

    def add(where: QWidget, *texts: str) -> None:
        name = f"{type(where).__name__}({where.objectName()})"
        found.extend((name, t) for t in texts if t)

    for widget in [root, *root.findChildren(QWidget)]:
        add(widget, widget.windowTitle() if widget.isWindow() else "", widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(widget, widget.text())
        elif isinstance(widget, QGroupBox):
            add(widget, widget.title())
        elif isinstance(widget, QDockWidget):
            add(widget, widget.windowTitle())
        elif isinstance(widget, QTabWidget):
            add(widget, *(widget.tabText(i) for i in range(widget.count())))
            add(widget, *(widget.tabToolTip(i) for i in range(widget.count())))
        elif isinstance(widget, QComboBox):
            add(widget, *(widget.itemText(i) for i in range(widget.count())))
        elif isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        elif isinstance(widget, QProgressBar):
            add(widget, widget.text())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            add(widget, widget.toPlainText(), widget.placeholderText())
        elif isinstance(widget, QAbstractItemView):
            add(widget, *_model_texts(widget))
        elif isinstance(widget, QMenuBar):
            for action in widget.actions():
                if action.menu() is not None:
                    add(widget, *_menu_texts(action.menu()))
        # Views that paint their own labels say what they draw.
        painted = getattr(widget, "painted_texts", None)
        if callable(painted):
            add(widget, *painted())
    return found


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are neither technical names nor layer names."""
    text = re.sub(r"<(pre|code)>.*?</\1>", "", text, flags=re.S)  # code, shown as it is typed
    text = re.sub(r"<[^>]*>", "", text)  # rich-text tags
    text = re.sub(r"\(&?[A-Z]\)|&(?=\w)", "", text)  # mnemonics: "文件(&F)", "&File"
    text = re.sub(r"\S+\.(safetensors|png|svg|csv|toml|json|gz)\b", "", text)  # file names
    text = re.sub(r"(/|[A-Z]:\\)[^\s（(，,]*", "", text)  # paths
    text = re.sub(r"[\w-]+-idx\d-ubyte", "", text)  # the datasets' file names
    from lenet_desktop.options import ARCHITECTURES

    for name in sorted(ARCHITECTURES, key=len, reverse=True):  # preset names: identifiers
        text = text.replace(name, "")
    words = WORD.findall(text)
    return [w for w in words if w not in TECHNICAL and not LAYER.match(w) and not _unit(w)]


def _unit(word: str) -> bool:
    return bool(re.fullmatch(r"\d*[x×]\d*|e\d+|[A-Za-z]", word))
