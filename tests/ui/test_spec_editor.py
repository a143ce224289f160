"""The architecture editor: edit a layer and the table follows; an impossible edit marks its row
red, says why with the numbers, and disables Train This; Train This hands the spec to the
Training panel, which trains it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from lenet_desktop.specs import load_spec


def _cell(editor, row: int, column: str):
    from lenet_desktop.ui.tools.spec_editor import COLUMNS

    return editor.table.cellWidget(row, COLUMNS.index(column)) or editor.table.item(
        row, COLUMNS.index(column)
    )


def _text(editor, row: int, column: str) -> str:
    return _cell(editor, row, column).text()


def test_editing_a_layer_recomputes_the_table(window):
    editor = window.editor
    editor.load_preset("d2l")
    assert _text(editor, 0, "name") == "C1"
    assert _text(editor, 0, "output") == "6×28×28"
    assert _text(editor, 0, "parameters") == "156"
    _cell(editor, 0, "kernel").setValue(3)  # as the learner types
    assert _text(editor, 0, "output") == "6×30×30"
    assert _text(editor, 0, "parameters") == "60"
    assert _text(editor, 0, "formula") == "(28 − 3 + 4 + 1) / 1 = 30"
    assert editor.train_button.isEnabled()
    # a layer added, moved, removed: names and shapes follow
    editor.table.selectRow(0)
    editor.add_layer("batchnorm")
    assert _text(editor, 1, "name") == "C1_bn"  # the layer before's name and the row's suffix
    editor.remove_layer()
    assert _text(editor, 1, "name") == "C1_sigmoid"


def test_an_impossible_edit_turns_its_row_red_and_disables_training(window):
    editor = window.editor
    editor.load_preset("d2l")
    c3 = next(r for r in range(editor.table.rowCount()) if _text(editor, r, "name") == "C3")
    _cell(editor, c3, "kernel").setValue(15)
    assert not editor.train_button.isEnabled()
    assert editor.error is not None and editor.error.index == c3
    message = editor.message.text()
    assert "C3" in message and "15" in message and "14" in message, message
    assert editor.table.item(c3, 0).background().color().red() > 200
    _cell(editor, c3, "kernel").setValue(5)
    assert editor.train_button.isEnabled() and editor.error is None
    assert editor.table.item(c3, 0).background().style() == Qt.BrushStyle.NoBrush  # not red


def test_train_this_sends_the_spec_to_the_training_panel(window, panel, qtbot, small_mnist):
    editor = window.editor
    editor.load_preset("notes-maxpool")
    editor.table.selectRow(1)
    editor.set_value(1, "type", "relu")
    path = editor.train_this()
    assert path is not None and path.endswith(".toml")
    assert panel.isVisible() and panel.form.widgets["architecture"].currentData() == path
    assert load_spec(path).layers == editor.spec().layers
    panel.form.folder_edit.setText(str(small_mnist))
    panel.form.widgets["epochs"].setValue(1)
    with qtbot.waitSignal(panel.ended, timeout=120_000) as ended:
        assert panel.start()
    assert ended.args == ["finished"]
    assert panel.results.result.bundle.spec.layers == editor.spec().layers
    assert panel.results.result.bundle.network.C1_relu is not None


def test_the_editors_buttons_are_whole_in_a_narrow_pane(window):
    """Issue 28, row 8: at 1600 px Train This and every button is whole (at 1024 px, with
    less room than its rows need, the editor scrolls rather than cut them)."""
    from PySide6.QtWidgets import QApplication, QPushButton

    for size in ((1600, 1000), (1920, 1080)):
        window.resize(*size)
        window.tabs.setCurrentWidget(window.editor)
        QApplication.processEvents()
        for button in window.editor.findChildren(QPushButton):
            if button.isVisible():
                assert button.width() >= button.sizeHint().width() - 1, button.text()
        train = window.editor.train_button
        corner = train.mapTo(window, train.rect().bottomRight())
        assert window.rect().contains(corner) and not train.visibleRegion().isEmpty()
        assert train.visibleRegion().boundingRect() == train.rect(), size
