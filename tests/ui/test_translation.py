"""The window's words (ui/translation.py): every visible text of the Chinese window is Chinese,
engine errors and dataset titles included."""

from __future__ import annotations

import pytest
from helpers.strokes import SEVEN, draw, load_model
from helpers.texts import english_words, readable_texts
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from lenet_desktop.ui.widgets.map_dialog import MapDialog


def test_every_text_of_the_chinese_window_is_chinese(window, qtbot):
    from lenet_desktop.ui.app import install_translator

    window.training.show()
    try:
        assert install_translator("zh_CN") == "zh_CN"
        QApplication.processEvents()
        for name in ("mnist", "fashion-mnist"):
            load_model(window, qtbot, name)
            assert window.inputs.random_sample()
            draw(window, SEVEN) if name == "mnist" else None
            window.maps.enlarge(("C1", 0, 0, 0, 0))
            QApplication.processEvents()
            english = []
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible():
                    for where, text in readable_texts(widget):
                        if english_words(text):
                            english.append((name, where, text, english_words(text)))
            assert not english, "\n".join(map(str, english))
            for dialog in window.findChildren(MapDialog):
                dialog.close()
        # Errors too: a clipboard with no image, a dataset not found.
        QGuiApplication.clipboard().clear()
        window.inputs.paste()
        assert not english_words(window.answer.error.text()), window.answer.error.text()
    finally:
        install_translator("en")
        QApplication.processEvents()


def test_dataset_errors_and_titles_are_translated(window, qtbot, tmp_path, monkeypatch):
    import lenet_desktop.data.datasets as datasets
    from lenet_desktop.data.datasets import DatasetError, find_test_split
    from lenet_desktop.ui.app import install_translator
    from lenet_desktop.ui.translation import error_text

    try:
        install_translator("zh_CN")
        QApplication.processEvents()
        monkeypatch.setattr(datasets, "candidate_folders", lambda info: [tmp_path / "none"])
        with pytest.raises(DatasetError) as caught:
            find_test_split(window.session.model.dataset, tmp_path)
        text = error_text(caught.value)
        assert not english_words(text), text
        assert "--data" not in text
        # The architecture table's "total" row after switching language at run time.
        table_texts = [t for _, t in readable_texts(window.architecture)]
        assert not any("total" in t.lower() for t in table_texts), table_texts
    finally:
        install_translator("en")
        QApplication.processEvents()


def test_qts_own_file_dialog_speaks_chinese(window, qtbot):
    """Issue 28, row 9: Qt's file dialog in the Chinese window (Qt's own catalogue, and the
    app's for the words some Qt releases leave out: "Look in:", "Files of type:")."""
    from PySide6.QtWidgets import QFileDialog

    from lenet_desktop.ui.app import install_translator

    try:
        install_translator("zh_CN")
        dialog = QFileDialog(window, "", "", "PNG (*.png)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.show()
        QApplication.processEvents()
        english = [
            (where, text)
            for where, text in readable_texts(dialog)
            if english_words(text) and text not in ("PNG (*.png)", "root")  # a folder's name
        ]
        assert not english, english
        dialog.close()
    finally:
        install_translator("en")
        QApplication.processEvents()
