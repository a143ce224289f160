"""Every menu and action of the main window in one table: its menu, its text, its shortcut and
the method it calls. The window builds its menus from the table and translates them from the
same table, so each text is written once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from lenet_desktop.messages import QT_TRANSLATE_NOOP

CONTEXT = "actions"  # (written out in each QT_TRANSLATE_NOOP: lupdate reads literals)
Key = QKeySequence.StandardKey

MENUS = {
    "file": QT_TRANSLATE_NOOP("actions", "&File"),
    "edit": QT_TRANSLATE_NOOP("actions", "&Edit"),
    "model": QT_TRANSLATE_NOOP("actions", "&Model"),
    "view": QT_TRANSLATE_NOOP("actions", "&View"),
    "help": QT_TRANSLATE_NOOP("actions", "&Help"),
}


@dataclass(frozen=True)
class ActionSpec:
    """``slot``: the window → the bound method the action calls (``checked`` is passed to
    checkable actions); ``shortcuts``: key sequences or Qt standard keys; ``separator``: a line
    above the action in its menu."""

    key: str
    menu: str
    text: str
    slot: Callable[[Any], Callable]
    shortcuts: tuple = ()
    checkable: bool = False
    separator: bool = False


ACTIONS = (
    ActionSpec(
        "open_image",
        "file",
        QT_TRANSLATE_NOOP("actions", "&Open Image…"),
        lambda w: w.inputs.open_image_dialog,
        (Key.Open,),
    ),
    ActionSpec(
        "paste",
        "file",
        QT_TRANSLATE_NOOP("actions", "&Paste Image"),
        lambda w: w.inputs.paste,
        (Key.Paste,),
    ),
    ActionSpec(
        "sample",
        "file",
        QT_TRANSLATE_NOOP("actions", "&Random Test Sample"),
        lambda w: w.inputs.random_sample,
        ("Ctrl+R",),
    ),
    ActionSpec(
        "open_model",
        "model",
        QT_TRANSLATE_NOOP("actions", "Open &Model…"),
        lambda w: w.loader.open_dialog,
        ("Ctrl+Shift+O",),
    ),
    ActionSpec(
        "export_weights",
        "model",
        QT_TRANSLATE_NOOP("actions", "Export Weights for a &Notebook…"),
        lambda w: w.export_weights,
        (),
        separator=True,
    ),
    ActionSpec(
        "export_view",
        "file",
        QT_TRANSLATE_NOOP("actions", "&Export View…"),
        lambda w: w.export_view,
        ("Ctrl+E",),
        separator=True,
    ),
    ActionSpec(
        "quit",
        "file",
        QT_TRANSLATE_NOOP("actions", "&Quit"),
        lambda w: w.close,
        (Key.Quit,),
        separator=True,
    ),
    ActionSpec(
        "undo", "edit", QT_TRANSLATE_NOOP("actions", "&Undo"), lambda w: w.canvas.undo, (Key.Undo,)
    ),
    ActionSpec(
        "redo",
        "edit",
        QT_TRANSLATE_NOOP("actions", "&Redo"),
        lambda w: w.canvas.redo,
        ("Ctrl+Shift+Z",),
    ),
    ActionSpec(
        "clear",
        "edit",
        QT_TRANSLATE_NOOP("actions", "&Clear"),
        lambda w: w.canvas_panel.clear,
        ("Esc", "Delete"),
    ),
    ActionSpec(
        "eraser",
        "edit",
        QT_TRANSLATE_NOOP("actions", "&Eraser"),
        lambda w: w.canvas_panel.eraser_button.setChecked,
        ("E",),
        checkable=True,
    ),
    ActionSpec(
        "fill",
        "edit",
        QT_TRANSLATE_NOOP("actions", "&Fill"),
        lambda w: w.canvas_panel.fill_button.setChecked,
        ("F",),
        checkable=True,
    ),
    ActionSpec(
        "thicker",
        "edit",
        QT_TRANSLATE_NOOP("actions", "Thicker Brush"),
        lambda w: w.canvas_panel.thicker,
        ("]",),
    ),
    ActionSpec(
        "thinner",
        "edit",
        QT_TRANSLATE_NOOP("actions", "Thinner Brush"),
        lambda w: w.canvas_panel.thinner,
        ("[",),
    ),
    ActionSpec(
        "pin",
        "edit",
        QT_TRANSLATE_NOOP("actions", "&Pin This Input for Comparison"),
        lambda w: w.toggle_pin,
        ("Ctrl+P",),
        checkable=True,
        separator=True,
    ),
    ActionSpec(
        "maps", "view", QT_TRANSLATE_NOOP("actions", "Feature Maps"), lambda w: w.show_maps, ("F2",)
    ),
    ActionSpec(
        "kernels",
        "view",
        QT_TRANSLATE_NOOP("actions", "Kernels"),
        lambda w: w.show_kernels,
        ("F3",),
    ),
    ActionSpec(
        "table",
        "view",
        QT_TRANSLATE_NOOP("actions", "Architecture"),
        lambda w: w.show_table,
        ("F4",),
    ),
    ActionSpec(
        "attribution",
        "view",
        QT_TRANSLATE_NOOP("actions", "Show &Which Pixels Decided"),
        lambda w: w.toggle_attribution,
        ("Ctrl+D",),
        checkable=True,
        separator=True,
    ),
    ActionSpec(
        "gradcam",
        "view",
        QT_TRANSLATE_NOOP("actions", "Which Pixels Decided by &Grad-CAM"),
        lambda w: w.use_gradcam,
        (),
        checkable=True,
    ),
    ActionSpec(
        "sandbox",
        "view",
        QT_TRANSLATE_NOOP("actions", "Convolution &Sandbox…"),
        lambda w: w.show_sandbox,
        ("Ctrl+K",),
    ),
    ActionSpec(
        "training",
        "view",
        QT_TRANSLATE_NOOP("actions", "&Training…"),
        lambda w: w.toggle_training,
        ("Ctrl+T",),
        separator=True,
    ),
    ActionSpec(
        "notebook",
        "view",
        QT_TRANSLATE_NOOP("actions", "Live from Your &Notebook"),
        lambda w: lambda: w.notebook.toggle(),
        ("Ctrl+Shift+L",),
    ),
    ActionSpec(
        "reset_layout",
        "view",
        QT_TRANSLATE_NOOP("actions", "Reset &Layout"),
        lambda w: w.reset_layout,
        (),
    ),
    ActionSpec(
        "presentation",
        "view",
        QT_TRANSLATE_NOOP("actions", "&Presentation Mode"),
        lambda w: w.set_presentation,
        ("F11",),
        checkable=True,
        separator=True,
    ),
    ActionSpec(
        "about",
        "help",
        QT_TRANSLATE_NOOP("actions", "&About LeNet Desktop"),
        lambda w: w.show_about,
        (Key.HelpContents,),
    ),
)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _shortcut(value) -> QKeySequence:
    return QKeySequence(value)


def build(window: QObject, bar: QMenuBar) -> tuple[dict[str, QMenu], dict[str, QAction]]:
    """Menus and actions from the table, each action connected to its slot on ``window``."""
    menus = {key: bar.addMenu("") for key in MENUS}
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(window)
        action.setShortcuts([_shortcut(s) for s in spec.shortcuts])
        action.setCheckable(spec.checkable)
        slot = spec.slot(window)
        if spec.checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda checked=False, slot=slot: slot())
        if spec.separator:
            menus[spec.menu].addSeparator()
        menus[spec.menu].addAction(action)
        actions[spec.key] = action
    return menus, actions


def retranslate(menus: dict[str, QMenu], actions: dict[str, QAction]) -> None:
    for key, menu in menus.items():
        menu.setTitle(translate(MENUS[key]))
    for spec in ACTIONS:
        actions[spec.key].setText(translate(spec.text))
