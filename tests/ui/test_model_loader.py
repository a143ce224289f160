"""The model loader (ui/sources/model_loader.py): a model asked for before start-up finishes is
loaded."""

from __future__ import annotations

from lenet_desktop.ui.app import create_app
from lenet_desktop.ui.main_window import MainWindow


def test_a_model_asked_for_before_start_up_finishes_is_loaded(qtbot, settings):
    """Defect 5: Ctrl+2 pressed while the window is still starting."""
    create_app()
    window = MainWindow(model="mnist", settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.loader.shipped_actions["fashion-mnist"].trigger()  # before finish_startup
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.finish_startup()
    qtbot.waitUntil(lambda: window.session.model.dataset.name == "fashion-mnist", timeout=30_000)
    assert "Loading" not in window.status.currentMessage()
    assert window.status.model_label.text().startswith("Model: fashion-mnist")
    assert "Loading" not in window.answer.answer.text()
    window.close()


def test_open_model_and_recent_models_are_in_the_model_menu(window):
    """Issue 28, row 5: Model ▸ Open Model…, Recent Models and the shipped models together."""
    model_menu = window.menus["model"]
    actions = model_menu.actions()
    assert window.menu_actions["open_model"] in actions
    assert window.loader.recent_menu.menuAction() in actions
    assert all(a in actions for a in window.loader.shipped_actions.values())
    assert window.menu_actions["open_model"] not in window.menus["file"].actions()
    assert actions.index(window.menu_actions["open_model"]) == 0
