"""Where the docks go, for every combination of them on every screen.

The window's own panes (canvas, input and probabilities, the maps' tabs) keep their minimum
widths; the docks give way. On a wide window the explanation panel docks at the right and the
Training panel at the bottom; on a small one (narrower than ``WIDE`` or lower than ``TALL``)
both dock at the bottom, tabbed together when both are open, so the maps keep their width.

Until the learner moves, floats or tabs a dock themselves, the docks are placed so each time one
opens, and again when the window is resized across that line (made smaller from a wide
screen's size, say). After that their arrangement is the learner's: saved on closing, restored
at the next start. *View ▸ Reset Layout* forgets it and places everything as at first.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

WIDE, TALL = 1400, 860
ARRANGED = "layout/arranged"  # the learner arranged the docks: keep their arrangement
STATE, SPLITTER = "window_state", "splitter"
SPLITTER_SIZES = [360, 240, 420]  # proportions of the canvas, the middle, the maps


class DockLayout(QObject):
    """Places ``explain`` and ``training`` in ``window`` (``splitter``: its central panes)."""

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        settings: QSettings,
        explain: QDockWidget,
        training: QDockWidget,
    ) -> None:
        super().__init__(window)
        self.window, self.splitter, self.settings = window, splitter, settings
        self.explain, self.training = explain, training
        self._placing = False
        self._was_small: bool | None = self.small
        for dock in (explain, training):
            dock.dockLocationChanged.connect(self._moved)
            dock.topLevelChanged.connect(self._moved)
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """A window resized across WIDE or TALL (a laptop's screen, a window made smaller) has
        its docks placed again as that size wants them — unless the learner arranged them."""
        if watched is self.window and event.type() == QEvent.Type.Resize and not self.arranged:
            small = self.small
            shown = [d for d in (self.training, self.explain) if d.isVisible()]
            if shown and small != self._was_small:
                self.place()
                for dock in shown:
                    dock.show()
                self.splitter.setSizes(SPLITTER_SIZES)  # the panes' shares for this size too
            elif shown:
                self._size()  # the docks keep their share of a window made smaller
            self._was_small = small
        return False

    @property
    def arranged(self) -> bool:
        return str(self.settings.value(ARRANGED, "false")).lower() == "true"

    def _moved(self, *_) -> None:
        if not self._placing and self.window.isVisible():
            self.settings.setValue(ARRANGED, "true")

    @property
    def small(self) -> bool:
        return self.window.width() < WIDE or self.window.height() < TALL

    # -- placing ---------------------------------------------------------------------------------
    def place(self) -> None:
        """Place the docks as this window's size wants them (unless the learner arranged
        them): call before a dock is shown."""
        if self.arranged:
            return
        self._placing = True
        try:
            bottom = Qt.DockWidgetArea.BottomDockWidgetArea
            right = Qt.DockWidgetArea.RightDockWidgetArea
            for dock in (self.explain, self.training):
                dock.setFloating(False)
            self.window.addDockWidget(bottom, self.training)
            if self.small:
                self.window.addDockWidget(bottom, self.explain)
                self.window.tabifyDockWidget(self.training, self.explain)
            else:
                self.window.addDockWidget(right, self.explain)
            self._size()
        finally:
            self._placing = False

    def _size(self) -> None:
        width, height = self.window.width(), self.window.height()
        docked_bottom = [d for d in (self.training, self.explain) if self._at_bottom(d)]
        if docked_bottom:
            tall = max(230, int(height * 0.36))
            self.window.resizeDocks(
                docked_bottom, [tall] * len(docked_bottom), Qt.Orientation.Vertical
            )
        if not self._at_bottom(self.explain):
            self.window.resizeDocks(
                [self.explain], [max(300, int(width * 0.27))], Qt.Orientation.Horizontal
            )

    def _at_bottom(self, dock: QDockWidget) -> bool:
        return self.window.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea

    def show(self, dock: QDockWidget) -> None:
        """Show ``dock`` where it belongs, in front of a dock it is tabbed with."""
        self.place()
        dock.show()
        dock.raise_()

    def reset(self) -> None:
        """*View ▸ Reset Layout*: forget the learner's arrangement, place everything anew."""
        self.settings.remove(ARRANGED)
        self.settings.remove(STATE)
        self.settings.remove(SPLITTER)
        shown = [d for d in (self.training, self.explain) if d.isVisible()]
        self.place()
        for dock in shown:
            dock.show()
        self.splitter.setSizes(SPLITTER_SIZES)

    # -- remembering -----------------------------------------------------------------------------
    def restore(self) -> None:
        """The learner's arrangement from the last session, if they made one."""
        splitter = self.settings.value(SPLITTER)
        if isinstance(splitter, (QByteArray, bytes)):
            self.splitter.restoreState(splitter)
        state = self.settings.value(STATE)
        if self.arranged and isinstance(state, (QByteArray, bytes)):
            self._placing = True
            try:
                self.window.restoreState(state)
            finally:
                self._placing = False

    def save(self) -> None:
        self.settings.setValue(STATE, self.window.saveState())
        self.settings.setValue(SPLITTER, self.splitter.saveState())
