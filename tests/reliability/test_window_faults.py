"""Faults in the window's paths (issue 24, cases 7 and 9): a damaged font size in the settings,
an enormous pasted image, and a training that reports faster than the window can paint."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from lenet_desktop.training.loop import PROGRESS_PER_S, TrainConfig, train


@pytest.mark.parametrize("stored", ["abc", "100000", "nan", "0"])
def test_a_damaged_font_size_is_replaced_and_f11_works(window, stored):
    window.settings.setValue("base_font_pt", stored)
    normal = QApplication.font().pointSizeF()
    window.menu_actions["presentation"].trigger()
    size = QApplication.font().pointSizeF()
    assert 4 <= size <= 72 * 1.5 and size == pytest.approx(normal * 1.5)
    assert float(window.settings.value("base_font_pt")) == pytest.approx(normal)
    window.menu_actions["presentation"].trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(normal)


def test_an_enormous_pasted_image_is_refused_in_words(window):
    reported = []
    window.session.reported.connect(reported.append)
    image = QImage(8000, 7000, QImage.Format.Format_Mono)  # 56 megapixels, 7 MB
    image.fill(1)
    QGuiApplication.clipboard().setImage(image)
    before = window.session.result
    assert not window.inputs.paste()
    assert window.session.result is before
    assert reported and "too large" in str(reported[-1])


def test_training_reports_progress_at_most_twenty_times_a_second(mnist_splits):
    train_split, test_split = mnist_splits
    config = TrainConfig(dataset="mnist", architecture="modern", epochs=1, batch_size=16)
    times = []
    started = time.perf_counter()
    train(config, train_split, test_split, progress=lambda p: times.append(p.phase))
    seconds = time.perf_counter() - started
    steps = len(train_split) // 16
    assert times.count("step") < steps  # not one a step
    assert times.count("step") <= PROGRESS_PER_S * seconds + 2
