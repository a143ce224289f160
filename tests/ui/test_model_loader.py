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
    assert "Loading" not in window.answer.answer.text()
    window.close()
