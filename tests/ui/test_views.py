"""Each view on its own, against a bare Session (no main window): it shows what the session
holds — the prediction, the model's facts, the explanation — and computes nothing itself."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from lenet_desktop.files.model_files import load_model, shipped_models
from lenet_desktop.session import Session, Unit
from lenet_desktop.specs.geometry import INPUT_SIDE, receptive_fields
from lenet_desktop.ui.app import create_app


def _seven() -> np.ndarray:
    """A 7 as the canvas gives it: dark ink on white, ``(H, W) uint8``."""
    picture = Image.new("L", (280, 280), 255)
    pen = ImageDraw.Draw(picture)
    pen.line([(70, 60), (210, 60), (120, 240)], fill=0, width=22)
    return np.asarray(picture)


def _session(model: str) -> Session:
    """A bare session (no window) with the shipped ``model`` in use."""
    create_app()
    session = Session("cpu")
    session.use_bundle(load_model(shipped_models()[model]))
    return session


@pytest.fixture
def session(qtbot):
    return _session("mnist")


@pytest.fixture
def lenet5_session(qtbot):
    return _session("lenet5")


def test_input_view_and_probabilities_show_the_prediction(session, qtbot):
    from lenet_desktop.ui.views.answer import AnswerView
    from lenet_desktop.ui.views.input_view import InputView
    from lenet_desktop.ui.views.probability_chart import ProbabilityChart

    views = InputView(session), ProbabilityChart(session), AnswerView(session)
    for view in views:
        qtbot.addWidget(view)
    result = session.draw(_seven())
    assert result.prediction.label == "7"
    inputs, chart, answer = views
    assert inputs.pixels.shape == (INPUT_SIDE, INPUT_SIDE) and inputs.pixels.max() > 200
    np.testing.assert_allclose(chart.values, result.prediction.probabilities)
    assert "7" in answer.answer.text()


def test_feature_maps_have_one_band_per_layer_with_the_models_shapes(session, qtbot):
    from lenet_desktop.ui.views.feature_maps import FeatureMapsView

    view = FeatureMapsView(session)
    qtbot.addWidget(view)
    rows = session.predictor.anatomy.rows
    bands = view.mosaics.bands
    assert [b.key for b in bands] == [r.name for r in rows]
    assert bands[0].title.startswith("C1 · convolution 5×5, padding 2 · 6×28×28")
    assert all(tuple(b.shape) == r.output_shape for b, r in zip(bands, rows))


def test_kernels_and_the_architecture_table_take_the_models_facts(session, qtbot):
    from lenet_desktop.ui.views.architecture import ArchitectureView
    from lenet_desktop.ui.views.kernels import KernelsView

    kernels, table = KernelsView(session), ArchitectureView(session)
    qtbot.addWidget(kernels)
    qtbot.addWidget(table)
    first = session.predictor.anatomy.kernels[0]
    assert [b.key for b in kernels.mosaics.bands][0] == first.layer
    stack, in_maps = kernels._kernels[first.layer]
    np.testing.assert_array_equal(stack[0], first.weights[0, 0])
    names = [table.table.item(r, 0).text() for r in range(table.table.rowCount())]
    assert names[: len(session.predictor.anatomy.rows)] == [
        r.name for r in session.predictor.anatomy.rows
    ]
    assert "⌊(n − k + 2p + s) / s⌋" in table.facts.text() and "1×28×28" in table.facts.text()


def test_the_rbf_view_shows_lenet5s_codes_and_distances(lenet5_session, qtbot):
    from lenet_desktop.ui.views.rbf import RBFView

    view = RBFView(lenet5_session)
    qtbot.addWidget(view)
    assert view.applies
    result = lenet5_session.draw(_seven())
    codes = lenet5_session.predictor.anatomy.rbf
    assert view.picture.codes.shape == (10, *codes.shape)
    np.testing.assert_allclose(view.picture.distances, -result.prediction.logits)
    assert int(np.argmin(view.picture.distances)) == result.prediction.index


def test_the_explanation_panel_shows_the_sessions_explanation(session, qtbot):
    from lenet_desktop.ui.views.explain_panel import ExplainPanel

    panel = ExplainPanel(session)
    qtbot.addWidget(panel)
    session.draw(_seven())
    session.select(Unit("C1", 2, 9, 12))  # no runner: the session computes it at once
    assert session.explanation is not None
    assert panel.explanation is session.explanation
    assert panel.products_shown() == 25
    recorded = session.prediction.activations["C1"][2, 9, 12]
    assert panel.explanation.total == pytest.approx(recorded, abs=1e-5)


def test_outlines_and_attribution_follow_the_session(session, qtbot):
    from lenet_desktop.ui.views.input_view import InputView
    from lenet_desktop.ui.views.overlays import AttributionOverlay, FieldOutlines
    from lenet_desktop.ui.widgets.canvas import Canvas

    view, canvas = InputView(session), Canvas()
    qtbot.addWidget(view)
    qtbot.addWidget(canvas)
    outlines = FieldOutlines(session, view, canvas)
    overlay = AttributionOverlay(session, view, canvas)
    session.draw(_seven())
    session.select(Unit("C1", 0, 9, 12))
    field = receptive_fields(session.predictor.layers)["C1"]
    assert field.size == 5 and view.outline == (7, 10, 11, 14)
    session.set_attribution("saliency")
    assert overlay.shown_target == session.prediction.index
    assert overlay.values.shape == (INPUT_SIDE, INPUT_SIDE)
    session.set_attribution(None)
    assert overlay.values is None and view.overlay is None
    assert outlines is not None


def test_sums_write_their_signs_and_titles_say_a_thing_once(qtbot):
    from lenet_desktop.specs.layer_types import describe
    from lenet_desktop.ui.views.explain_panel import _sum
    from lenet_desktop.ui.views.layer_text import band_title

    create_app()
    assert _sum([0.5, -0.032, 0.25]) == "0.5000 − 0.0320 + 0.2500"
    assert _sum([-1.0, 2.0]) == "−1.0000 + 2.0000"

    class Flatten:  # what describe() reads of nn.Flatten: its class name
        pass

    Flatten.__name__ = "Flatten"
    assert band_title("flatten", describe(Flatten()), (400,)) == "flatten · 400"
