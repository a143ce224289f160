"""What "the window fits" means, measured on the real window: every class's probability on
screen, feature-map tiles at least 24 px, the architecture table's text whole, the canvas
showing the whole paper, and no button or label narrower (or, outside a scrolling area, lower)
than its size hint — with any combination of the docks open (``DOCKS``: none, the explanation
panel, the Training panel, both), in English or Chinese. Used by test_layout.py in-process and,
for 2× scaling (which must be set before Qt starts), as a script:

    QT_SCALE_FACTOR=2 python tests/helpers/layout.py 1280x800 [none|explain|training|both]
        [--language zh_CN] [--shot FILE.png]
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: helpers.*

from PySide6.QtCore import QRect, QSettings  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

SIZES = [(1024, 700), (1280, 800), (1366, 768), (1600, 1000), (1920, 1080)]
# Reached by resizing down from this, both docks open where a wide window puts them (the
# explanation panel at the right) and an opened photo's cleaning view shown.
LARGEST = (1920, 1080)
DOCKS = ("none", "explain", "training", "both")
LANGUAGES = ("en", "zh_CN")
SEVEN = ([(0.28, 0.22), (0.72, 0.22), (0.46, 0.8)], [(0.38, 0.52), (0.62, 0.52)])


def fully_visible(widget: QWidget) -> bool:
    """The whole widget is on screen: inside its window and not clipped by any parent."""
    if not widget.isVisible():
        return False
    window = widget.window()
    top_left = widget.mapTo(window, widget.rect().topLeft())
    inside = window.rect().contains(QRect(top_left, widget.size()))
    return inside and widget.visibleRegion().boundingRect() == widget.rect()


def problems(window, size: tuple[int, int]) -> list[str]:
    """Everything that does not fit, in words (empty when the layout is right)."""
    found = []
    QApplication.processEvents()
    chart = window.chart
    if not fully_visible(chart):
        found.append(f"probability chart clipped: {chart.visibleRegion().boundingRect()}")
    if chart.height() < chart.minimum_height() or len(chart.classes) != 10:
        found.append(f"chart {chart.height()} px high for {len(chart.classes)} classes")
    for placed in window.maps.mosaics._placed:
        band = placed.band
        side = placed.scale * (1 if band.is_vector else max(placed.tile))
        if not band.is_vector and side < 24:
            found.append(f"{band.key} tiles are {side} px")
    window.show_table()  # a hidden tab is not laid out
    from PySide6.QtTest import QTest

    table = window.architecture.table
    deadline = time.monotonic() + 3.0  # the rows follow the columns' widths a moment later
    while time.monotonic() < deadline and not all(
        table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount())
    ):
        QTest.qWait(20)
    table = window.architecture.table
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        if table.rowHeight(row) < table.sizeHintForRow(row):
            found.append(
                f"table row {row} is shorter than its wrapped text ({table.rowHeight(row)} px "
                f"for {table.sizeHintForRow(row)}; columns "
                f"{[table.columnWidth(c) for c in range(table.columnCount())]})"
            )
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is None or not item.text():
                continue
            widest = max(metrics.horizontalAdvance(word) for word in item.text().split())
            if widest > table.columnWidth(column) - 4:
                found.append(f"table cell ({row}, {column}) '{item.text()}' is cut")
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        text = table.horizontalHeaderItem(column).text()
        widest = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        if widest > header.sectionSize(column) - 6:
            found.append(f"table header '{text}' is cut")
    if table.horizontalScrollBar().isVisible():
        found.append("the architecture table scrolls sideways")
    window.show_maps()
    QApplication.processEvents()
    if window.training.isVisible():
        scroll = window.training.column
        needed = window.training.column.widget().minimumSizeHint().width()
        if scroll.viewport().width() < needed:
            found.append(f"training options need {needed} px, have {scroll.viewport().width()}")
    found += clipped(window)
    canvas = window.canvas
    paper = canvas.paper_rect()
    if not QRect(0, 0, canvas.width(), canvas.height()).contains(paper) or paper.width() < 150:
        found.append(f"canvas paper {paper} in a {canvas.size()} widget")
    if (window.width(), window.height()) != tuple(size):
        found.append(f"asked for {size}, the window needs {window.width()}×{window.height()}")
    return found


def _scrolled(widget: QWidget) -> bool:
    """Inside a scrolling area (whose content may be taller than its view)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped(window) -> list[str]:
    """Every shown button and label of the window (its docks included) that is narrower than
    its size hint, or — outside a scrolling area — lower than its text needs."""
    found = []
    widgets = window.findChildren(QAbstractButton) + window.findChildren(QLabel)
    for widget in widgets:
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_width = widget.minimumSizeHint().width()
            needed_height = widget.heightForWidth(widget.width())
        else:
            needed_width, needed_height = hint.width(), hint.height()
        name = type(widget).__name__
        text = widget.text() if hasattr(widget, "text") else ""
        if widget.width() + 1 < needed_width:
            found.append(f"{name} '{text[:40]}' is {widget.width()} px wide, needs {needed_width}")
        elif not _scrolled(widget) and widget.height() + 1 < needed_height:
            found.append(
                f"{name} '{text[:40]}' is {widget.height()} px high, needs {needed_height}"
            )
    return found


def open_window(size: tuple[int, int], docks, settings: QSettings, language: str = "en"):
    """The window at ``size`` with ``docks`` open ("none", "explain", "training", "both"; a
    bool: the Training panel or not), in ``language``, a 7 drawn."""
    from lenet_desktop.session import Unit
    from lenet_desktop.ui.app import create_app, install_translator
    from lenet_desktop.ui.main_window import MainWindow

    if isinstance(docks, bool):
        docks = "training" if docks else "none"
    create_app()
    install_translator(language)
    window = MainWindow(model="mnist", settings=settings)
    window.resize(*size)
    window.show()
    loaded = []
    window.ready.connect(lambda: loaded.append(True))
    window.finish_startup()
    while not loaded:
        QApplication.processEvents()
    if docks in ("training", "both"):
        window.toggle_training()
    for points in SEVEN:
        window.canvas.draw_polyline(list(points))
    if docks in ("explain", "both"):
        window.session.select(Unit("C3", 4, 5, 5))
        for _ in range(20):  # the explanation is computed off the window's thread
            QApplication.processEvents()
            if window.explain_panel.explanation is not None:
                break
            import time

            time.sleep(0.05)
    window.resize(*size)
    for _ in range(3):
        QApplication.processEvents()
    return window


def open_resized(size: tuple[int, int], settings: QSettings, language: str = "en"):
    """The window opened at LARGEST with both docks, a photo of a digit on ruled paper opened
    (its cleaning view shown), then resized down to ``size``, as a learner's window gets there."""
    from helpers.pages import audit_blue_five

    window = open_window(LARGEST, "both", settings, language)
    window.inputs.show_picture(audit_blue_five(), "five.png")
    for _ in range(3):
        QApplication.processEvents()
    window.resize(*size)
    for _ in range(5):
        QApplication.processEvents()
    return window


def main(argv: list[str]) -> int:
    width, height = (int(v) for v in argv[0].split("x"))
    docks = next((a for a in argv if a in DOCKS), "training" if "dock" in argv else "none")
    language = argv[argv.index("--language") + 1] if "--language" in argv else "en"
    store = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    window = open_window((width, height), docks, store, language)
    if "--shot" in argv:
        window.grab().save(argv[argv.index("--shot") + 1])
    report = {
        "problems": problems(window, (width, height)),
        "scale": window.devicePixelRatioF(),
        "size": [window.width(), window.height()],
    }
    print(json.dumps(report), flush=True)
    window.close()
    from lenet_desktop.ui.tasks import lingering

    if lingering():  # a worker still busy (a loaded machine): exit as the app does
        os._exit(0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
