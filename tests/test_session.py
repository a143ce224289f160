"""The session model, driven as a script would: no window, no QApplication."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest
from helpers.drawing import redraw

from lenet_desktop.session import Input, Session, Unit


@pytest.fixture
def session():
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    session = Session()
    session.use(Predictor(load_model("mnist"), "cpu"))
    return session


def events(signal) -> list:
    seen: list = []
    signal.connect(seen.append)
    return seen


def test_a_picture_gives_one_prediction_event_with_the_right_digit(session, mnist_splits):
    _, test = mnist_splits
    index = int(np.flatnonzero(test.labels.numpy() == 3)[0])
    picture = redraw(test.images[index].numpy(), canvas=(500, 400), size=300, centre=(300, 200))
    predicted = events(session.predicted)
    session.show(Input("picture", picture, name="three.png"))
    assert len(predicted) == 1  # the hot path emits once
    result = predicted[0]
    assert result.prediction.label == "3"
    assert result.prepared.image.shape == (28, 28)
    assert session.prediction is result.prediction


def test_selecting_a_unit_emits_a_selection_event(session):
    selected = events(session.selection_changed)
    session.select(Unit("C3", 5, 2, 7))
    session.select(Unit("C3", 5, 2, 7))  # the same unit again: nothing new
    session.select(None)
    assert selected == [Unit("C3", 5, 2, 7), None]


def test_a_test_sample_keeps_its_true_label_for_its_own_dataset(session, mnist_splits):
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    _, test = mnist_splits
    result = session.show(
        Input("sample", test.images[7].numpy(), dataset="mnist", label=int(test.labels[7]), index=7)
    )
    assert result.true_label == int(test.labels[7])
    # the same input through another dataset's model: no "true label" to show
    session.use(Predictor(load_model("fashion-mnist"), "cpu"))
    assert session.result.input is result.input
    assert session.result.true_label is None


def test_a_model_change_reruns_the_current_and_the_pinned_input(session, mnist_splits):
    from lenet_desktop.files.model_files import load_model
    from lenet_desktop.nn.inference import Predictor

    _, test = mnist_splits
    session.show(Input("sample", test.images[0].numpy(), dataset="mnist", label=7, index=0))
    pinned = session.pin()
    session.show(Input("sample", test.images[1].numpy(), dataset="mnist", label=2, index=1))
    order: list = []
    session.model_changed.connect(lambda p: order.append("model"))
    session.predicted.connect(lambda r: order.append("predicted"))
    session.pinned_changed.connect(lambda r: order.append("pinned"))
    session.use(Predictor(load_model("mnist"), "cpu"))
    assert order == ["model", "predicted", "pinned"]
    assert session.pinned.input is pinned.input
    assert session.pinned.prediction is not pinned.prediction  # run again through the new model


def test_a_blank_offer_changes_nothing(session):
    session.draw(np.full((100, 100), 255, np.uint8))
    drawing = np.full((200, 200), 255, np.uint8)
    drawing[40:160, 95:105] = 0
    current = session.draw(drawing)
    predicted = events(session.predicted)
    offered = session.offer(Input("picture", np.full((50, 50), 255, np.uint8)))
    assert offered.prepared.empty and predicted == [] and session.result is current


def test_the_session_runs_in_a_plain_interpreter_without_qt(tmp_path, mnist_dir):
    """Scripted as a learner's notebook would: no PySide6 anywhere."""
    code = textwrap.dedent(
        f"""
        import sys
        from lenet_desktop.data.datasets import MNIST, load_split
        from lenet_desktop.nn.inference import Predictor
        from lenet_desktop.files.model_files import load_model
        from lenet_desktop.session import Input, Session, Unit

        session = Session()
        seen = []
        session.predicted.connect(
            lambda result: result.prediction and seen.append(result.prediction.label)
        )
        session.selection_changed.connect(lambda unit: seen.append(unit.layer))
        session.use(Predictor(load_model("mnist"), "cpu"))
        test = load_split({str(mnist_dir)!r}, MNIST, "test")
        seven = int((test.labels == 7).nonzero()[0])
        picture = 255 - test.images[seven].numpy()  # dark ink on white paper, as drawn
        session.show(Input("picture", picture))
        session.select(Unit("C1", 0, 3, 4))
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))
        print(seen, qt)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['7', 'C1'] []"


def test_a_preview_answers_until_the_torch_model_takes_over(mnist_splits):
    """Start-up: the model file's NumPy pass answers first (no torch predictor yet); when the
    torch predictor is put in use it runs the same input again, with the same answer, and
    the preview is gone for good."""
    from lenet_desktop.files.model_files import load_model, load_numpy_model
    from lenet_desktop.nn.bundle import ModelHeader
    from lenet_desktop.nn.inference import Predictor

    _, test = mnist_splits
    index = int(np.flatnonzero(test.labels.numpy() == 4)[0])
    picture = redraw(test.images[index].numpy(), canvas=(400, 400), size=260, centre=(200, 200))
    session = Session()
    previewed, predicted, changed = (
        events(session.previewed),
        events(session.predicted),
        events(session.model_changed),
    )
    session.show(Input("picture", picture, name="four.png"))  # before any model: no answer
    assert predicted[-1].prediction is None
    preview = load_numpy_model("mnist")
    session.preview(preview)
    assert session.previewing and session.predictor is None and changed == []
    assert isinstance(session.model, ModelHeader) and session.model.source == "mnist"
    assert previewed == [session.model]
    first = predicted[-1]
    assert first.prediction.label == "4" and first.model is session.model  # the input, run

    torch_model = Predictor(load_model("mnist"), "cpu")
    session.use(torch_model)
    assert not session.previewing and session.predictor is torch_model
    assert changed == [torch_model] and session.model is torch_model.bundle
    again = predicted[-1]
    assert again.input is first.input and again.prediction.label == "4"
    np.testing.assert_allclose(
        again.prediction.probabilities, first.prediction.probabilities, atol=1e-5
    )
    session.preview(preview)  # too late: torch's model stays
    assert session.predictor is torch_model and len(previewed) == 1


def test_a_preview_of_a_model_that_fails_to_load_is_taken_back():
    from lenet_desktop.files.model_files import load_numpy_model

    session = Session()
    drawing = np.full((200, 200), 255, np.uint8)
    drawing[40:160, 95:105] = 0
    session.preview(load_numpy_model("mnist"))
    assert session.draw(drawing).prediction.label == "1"
    previewed, predicted = events(session.previewed), events(session.predicted)
    session.preview(None)
    assert previewed == [None] and predicted[-1].prediction is None
    assert session.model is None and not session.previewing
    assert session.result.input is not None  # the drawing stays, for the model that comes
