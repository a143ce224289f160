"""Where the docks go (ui/dock_layout.py): tabbed at the bottom on a small window, the
explanation at the right on a wide one; the learner's own arrangement kept across a restart;
View ▸ Reset Layout puts everything back."""

from __future__ import annotations

from helpers.strokes import SEVEN, draw
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from lenet_desktop.session import Unit
from lenet_desktop.ui.main_window import MainWindow

BOTTOM, RIGHT = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


def _open_both(window) -> None:
    window.toggle_training()
    draw(window, SEVEN)
    window.session.select(Unit("C3", 0, 4, 4))
    QApplication.processEvents()


def test_small_windows_tab_the_docks_and_wide_ones_put_the_explanation_right(window):
    window.resize(1024, 700)
    _open_both(window)
    assert window.dockWidgetArea(window.explain_panel) == BOTTOM
    assert window.explain_panel in window.tabifiedDockWidgets(window.training)
    window.explain_panel.close()
    window.training.hide()
    window.resize(1600, 1000)
    QApplication.processEvents()
    _open_both(window)
    assert window.dockWidgetArea(window.explain_panel) == RIGHT
    assert window.dockWidgetArea(window.training) == BOTTOM


def test_the_learners_arrangement_is_kept_and_reset_layout_forgets_it(window, settings, qtbot):
    window.resize(1600, 1000)
    _open_both(window)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.explain_panel)  # moved
    assert window.docks.arranged
    window.close()  # saves the arrangement
    again = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(again)
    again.resize(1600, 1000)
    again.show()
    with qtbot.waitSignal(again.ready, timeout=30_000):
        again.finish_startup()
    assert again.dockWidgetArea(again.explain_panel) == Qt.DockWidgetArea.LeftDockWidgetArea
    again.menu_actions["reset_layout"].trigger()
    assert not again.docks.arranged
    assert again.dockWidgetArea(again.explain_panel) == RIGHT
    assert again.dockWidgetArea(again.training) == BOTTOM
    again.close()
