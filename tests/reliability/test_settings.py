"""A corrupt or stale settings store: the app starts on defaults and says what it could not
use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from lenet_desktop.ui.main_window import MainWindow

STORES = {
    "binary garbage": b"\x00\xff\xfe\x13\x37" * 400,
    "wrong types": (
        b"[General]\nmodel=42\nbrush=banana\ndevice=@Invalid()\nlanguage=klingon\n"
        b"geometry=@ByteArray(\\0\\0\\0)\nstate=@ByteArray(garbage)\nrecent_models=7\n"
    ),
    "stale paths": (
        b"[General]\nmodel=/media/usb-stick/gone.safetensors\ndevice=cuda:7\nbrush=1e308\n"
        b"recent_models=/gone/a.safetensors, /gone/b.safetensors\n"
    ),
    "empty": b"",
}


@pytest.mark.parametrize("name", STORES)
def test_the_window_starts_on_defaults(qtbot, tmp_path, name):
    path = tmp_path / "settings.ini"
    path.write_bytes(STORES[name])
    store = QSettings(str(path), QSettings.Format.IniFormat)
    window = MainWindow(settings=store)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.finish_startup()
    assert window.session.predictor.bundle.source == "mnist"
    assert window.session.device == ""  # "auto"
    assert 1 <= window.canvas.brush_width <= 200
    window.session.refresh()
    window.close()
    store.sync()  # and the store is usable again afterwards
    assert QSettings(str(path), QSettings.Format.IniFormat).value("model") == "mnist"
