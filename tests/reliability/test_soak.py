"""Soak: 5,000 canvas updates in the real (offscreen) window leak neither memory nor Qt
objects."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from lenet_desktop.ui.app import resident_mb

UPDATES = 5000


def live_qt_objects(window) -> dict[str, int]:
    return {
        "widgets": len(QApplication.allWidgets()),
        "window children": len(window.findChildren(QObject)),
        "session listeners": sum(
            len(signal) for signal in (window.session.predicted, window.session.model_changed)
        ),
    }


def scribble(window, updates: int) -> None:
    canvas = window.canvas
    for i in range(updates):
        if i % 80 == 0:
            canvas.clear()
        t = (i % 80) / 80
        # A finished stroke refreshes every view at once, as a pen lifted from the canvas does.
        canvas.draw_polyline([(0.2 + 0.6 * t, 0.3 + 0.4 * (t * 7 % 1)), (0.25 + 0.6 * t, 0.5)])
        QApplication.processEvents()


def test_five_thousand_updates_leak_nothing(window):
    window.tabs.setCurrentIndex(0)  # the feature maps, the busiest view
    scribble(window, 300)  # warm-up: caches, first-use allocations
    gc.collect()
    objects_before, memory_before = live_qt_objects(window), resident_mb()
    scribble(window, UPDATES)
    gc.collect()
    objects_after, memory_after = live_qt_objects(window), resident_mb()
    print(f"\nsoak: {UPDATES} updates, RSS {memory_before} → {memory_after} MB, {objects_after}")
    assert objects_after == objects_before
    assert memory_after - memory_before < 50, (memory_before, memory_after)
    assert window.session.prediction is not None
