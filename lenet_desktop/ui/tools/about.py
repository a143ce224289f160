"""Help ▸ About: the version, the libraries and the device in use."""

from __future__ import annotations

import platform

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from lenet_desktop import __version__


def _version(module: str) -> str:
    """A library's version, or a word saying it is not there (torchvision is optional): from
    the loaded module, else the installed package's metadata — never importing it here."""
    import sys  # deferred: off the first paint
    from importlib import metadata  # deferred: off the first paint

    loaded = sys.modules.get(module)
    if loaded is not None and hasattr(loaded, "__version__"):
        return str(loaded.__version__)
    try:
        return metadata.version(module)
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("about", "not installed")


def show_about(parent: QWidget, session) -> None:
    import numpy  # deferred: NumPy
    import PySide6  # deferred: off the first paint

    device = str(session.predictor.device) if session.predictor is not None else "—"
    QMessageBox.about(
        parent,
        QCoreApplication.translate("about", "About LeNet Desktop"),
        QCoreApplication.translate(
            "about",
            "<h3>LeNet Desktop {0}</h3><p>Draw a digit or a garment and see what LeNet "
            "sees.</p><p>PyTorch {1} · torchvision {2} · Qt {3} (PySide6) · NumPy {4} · "
            "Python {5}</p><p>Device: {6}</p>",
        ).format(
            __version__,
            _version("torch"),
            _version("torchvision"),
            PySide6.__version__,
            numpy.__version__,
            platform.python_version(),
            device,
        ),
    )
