"""Teacher's tools: export what the window shows — canvas, the network's input, probabilities
and the open tab — as a PNG picture or an SVG drawing, for slides and handouts; and presentation
mode (larger type and maps) for a projector."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

SVG = "http://www.w3.org/2000/svg"


def _path_data(outline) -> str:
    """A QPainterPath as SVG path data (moves, lines and cubic curves)."""
    from PySide6.QtGui import QPainterPath  # deferred: off the first paint

    parts, i, count = [], 0, outline.elementCount()
    while i < count:
        e = outline.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            parts.append(f"M{e.x:.2f} {e.y:.2f}")
        elif e.type == QPainterPath.ElementType.LineToElement:
            parts.append(f"L{e.x:.2f} {e.y:.2f}")
        elif e.type == QPainterPath.ElementType.CurveToElement and i + 2 < count:
            c2, end = outline.elementAt(i + 1), outline.elementAt(i + 2)
            parts.append(f"C{e.x:.2f} {e.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}")
            i += 2
        i += 1
    return "".join(parts)


def text_as_paths(path: Path) -> None:
    """Replace every ``<text>`` of the SVG drawing at ``path`` by the outlines of its glyphs,
    drawn with the fonts the window uses (Chinese included): any viewer shows every glyph, with
    no font of its own (Qt writes text as fragments in a family name that other programs do
    not have, and the Chinese went missing or gapped)."""
    import xml.etree.ElementTree as ET  # deferred: off the first paint

    from PySide6.QtCore import QPointF  # deferred: off the first paint
    from PySide6.QtGui import QFont, QPainterPath  # deferred: off the first paint

    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    tree = ET.parse(path)
    parents = {child: parent for parent in tree.iter() for child in parent}
    for text in list(tree.iter(f"{{{SVG}}}text")):
        content = "".join(text.itertext())
        parent = parents.get(text)
        if parent is None:
            continue
        font = QFont(text.get("font-family", "Sans Serif"))
        font.setPointSizeF(float(text.get("font-size", "9")))
        font.setWeight(QFont.Weight(int(float(text.get("font-weight", "400")))))
        font.setItalic(text.get("font-style") == "italic")
        outline = QPainterPath()
        x = float(text.get("x", "0").split()[0])
        y = float(text.get("y", "0").split()[0])
        outline.addText(QPointF(x, y), font, content)
        glyphs = ET.Element(f"{{{SVG}}}path", {"d": _path_data(outline), "stroke": "none"})
        for key in ("fill", "fill-opacity", "transform"):
            if text.get(key) is not None:
                glyphs.set(key, text.get(key, ""))
        glyphs.set("fill-rule", "nonzero")
        index = list(parent).index(text)
        parent.remove(text)
        parent.insert(index, glyphs)
    tree.write(path, encoding="utf-8", xml_declaration=True)


def export_widget(widget: QWidget, path: str | Path) -> Path:
    """Render ``widget`` as it is on screen into ``path``: ``.svg`` as vector drawing (text
    as outlines: :func:`text_as_paths`), anything else as a PNG at twice the screen
    resolution. OSError if it cannot be written."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        from PySide6.QtSvg import QSvgGenerator  # deferred: off the first paint

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        generator.setTitle("LeNet Desktop")
        painter = QPainter(generator)
        try:
            widget.render(painter, QPoint())
        finally:
            painter.end()
        text_as_paths(path)
    else:
        from PySide6.QtGui import QImage  # deferred: off the first paint

        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        image = QImage(widget.size() * 2, QImage.Format.Format_ARGB32)  # crisp on slides
        image.fill(0)
        painter = QPainter(image)
        painter.scale(2, 2)
        try:
            widget.render(painter, QPoint())
        finally:
            painter.end()
        if not image.save(str(path)):
            raise OSError(_unwritable(path))
    if not path.is_file():
        raise OSError(_unwritable(path))
    return path


def _unwritable(path: Path) -> str:
    return QCoreApplication.translate("export", "{0}: could not be written").format(path)


def export_dialog(parent: QWidget, widget: QWidget) -> Path | None:
    """Ask where to save, then export; a failure is said in a message box."""
    from PySide6.QtWidgets import QMessageBox  # deferred: off the first paint

    path, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("export", "Export View"),
        str(Path.home() / "lenet-view.png"),
        QCoreApplication.translate("export", "PNG picture (*.png);;SVG drawing (*.svg)"),
    )
    if not path:
        return None
    if not Path(path).suffix:
        path += ".svg" if "svg" in chosen.lower() else ".png"
    try:
        return export_widget(widget, path)
    except OSError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("export", "Export View"), str(exc))
        return None


def presentation(session, settings, on: bool) -> None:
    """Presentation mode for a projector: 1.5× type everywhere, and the session told (the maps
    and kernels follow it with 1.8× tiles). The window's own font size is remembered, so
    turning it off restores it."""
    from PySide6.QtWidgets import QApplication  # deferred: off the first paint

    font = QApplication.font()
    base = _font_size(settings.value("base_font_pt"), font.pointSizeF())
    if on or settings.value("base_font_pt") is not None:
        settings.setValue("base_font_pt", base)  # a damaged value is replaced
    font.setPointSizeF(base * (1.5 if on else 1.0))
    QApplication.setFont(font)
    session.set_presentation(on)


def _font_size(stored: object, default: float) -> float:
    """The remembered font size in points, or ``default`` for anything that is not a
    readable size (text, NaN, zero, 100,000)."""
    import math  # deferred: off the first paint

    try:
        value = float(stored)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and 4.0 <= value <= 72.0 else default
