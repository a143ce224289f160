"""The real main window, on the shipped model, with its own settings file."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from lenet_desktop.ui.app import create_app
from lenet_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def collect_on_the_main_thread():
    """After each test, the windows it closed are deleted and Python's cyclic garbage (Qt
    objects among it) collected here, on the main thread. Left to the collector, it may run in
    a worker thread (the model loader's), where deleting a Qt object that needs the GIL while
    the main thread deletes another deadlocks both."""
    yield
    if QApplication.instance() is not None:
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings):
    create_app()
    window = MainWindow(model="mnist", settings=settings)
    # (not qtbot.addWidget: pytest-qt would close it before the run is stopped below, and a
    # window closed mid-run asks "stop training?" — a dialog no test answers)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.finish_startup()
    yield window
    if getattr(window, "training", None) is not None and window.training.busy:
        window.training.stop_and_wait()  # a failed test must not leave a "stop?" question
    window.close()
    # Destroy the window and its pyqtgraph scenes now, not at interpreter exit.
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def panel(window, mnist_dir):
    """The Training panel, shown, set to train modern on the MNIST subset without downloading."""
    panel = window.training
    panel.show()
    panel.form.widgets["dataset"].setCurrentIndex(panel.form.widgets["dataset"].findData("mnist"))
    panel.form.folder_edit.setText(str(mnist_dir))
    panel.form.widgets["architecture"].setCurrentIndex(
        panel.form.widgets["architecture"].findData("modern")
    )
    panel.form.download_box.setChecked(False)
    return panel


@pytest.fixture(scope="session")
def small_mnist(tmp_path_factory, mnist_dir):
    """1,024 training and 300 test digits of the real MNIST subset: runs of a few seconds."""
    from helpers.drawing import write_idx_slice

    folder = tmp_path_factory.mktemp("small-mnist")
    write_idx_slice(mnist_dir, folder, train=1024, test=300)
    return folder
