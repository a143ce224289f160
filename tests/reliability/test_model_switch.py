"""A model with other shapes than the last one (issue 24, case 6): the session computes the new
model's result before it tells the views, a selection that no longer fits is cleared, and a view
that fails on an event does not stop the others."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from lenet_desktop.data.datasets import MNIST
from lenet_desktop.files.model_files import load_model, shipped_models
from lenet_desktop.nn.bundle import new_model
from lenet_desktop.session import Session, Unit


def _seven() -> np.ndarray:
    picture = Image.new("L", (280, 280), 255)
    ImageDraw.Draw(picture).line([(70, 60), (210, 60), (120, 240)], fill=0, width=22)
    return np.asarray(picture)


def test_the_views_are_told_of_a_new_model_only_with_its_result():
    session = Session("cpu")
    session.use_bundle(load_model(shipped_models()["mnist"]))
    session.draw(_seven())
    seen = []

    def on_model(predictor):
        # what a maps view does: reshape the current activations to the new model's shapes
        shapes = predictor.anatomy.shapes
        for name, values in session.prediction.activations.items():
            seen.append(values.reshape(shapes[name]).shape)

    session.model_changed.connect(on_model)
    session.use_bundle(new_model("d2l-wide", MNIST))  # 16×28×28 where modern has 6×28×28
    assert (16, 28, 28) in seen
    assert session.prediction.activations["C1"].shape == (16, 28, 28)


def test_a_selection_past_the_new_layers_end_is_cleared():
    session = Session("cpu")
    session.use_bundle(new_model("d2l-wide", MNIST))
    session.draw(_seven())
    session.select(Unit("C1", 12, 3, 3))
    cleared = []
    session.selection_changed.connect(cleared.append)
    session.use_bundle(load_model(shipped_models()["mnist"]))  # C1 has 6 maps
    assert session.selection is None and cleared == [None]
    session.select(Unit("C1", 9, 0, 0))  # not a value of this model: not selected
    assert session.selection is None
    session.select(Unit("C1", 5, 27, 27))
    assert session.selection == Unit("C1", 5, 27, 27) and session.explanation is not None


def test_a_failing_view_does_not_stop_the_others(window, qtbot):
    from PySide6.QtWidgets import QWidget

    from lenet_desktop.ui.follow import follow

    broken = QWidget()
    qtbot.addWidget(broken)

    def fails(result) -> None:
        raise RuntimeError("a view that breaks")

    follow(broken, window.session.predicted, fails)
    reported = []
    window.session.reported.connect(reported.append)
    result = window.session.draw(_seven())
    assert result.prediction.label == "7"
    assert "7" in window.answer.answer.text()  # the other views were told
    assert reported and "a view that breaks" in str(reported[0])
