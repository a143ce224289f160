"""The Qt binding itself must not corrupt Python: a long drawing session makes millions of
Qt calls."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_none_alive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    label.update()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.update()
        label.setText("x")
    # Python ≥ 3.12 makes None immortal (its count never moves); on 3.11 a binding that
    # forgets to add a reference when it returns None bleeds 2000 references here.
    assert abs(sys.getrefcount(None) - before) < 100
