"""Handwriting from anywhere (data/cleaning.py): a note app's template is paper, not ink; thick and
faint strokes keep their shape; the notes say when to doubt the answer."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers.drawing import ink_box
from helpers.pages import (
    TEMPLATES,
    audit_blue_five,
    draw_template,
    marker_page,
    page_set,
    pencil_photo,
    write_digit,
)
from PIL import Image, ImageDraw

from lenet_desktop.analysis.reading import cleaning_pictures, is_unsure, notes
from lenet_desktop.cli import main
from lenet_desktop.data.datasets import MNIST
from lenet_desktop.data.preprocessing import cleaning, preprocess, to_array
from lenet_desktop.files.model_files import load_model, shipped_models
from lenet_desktop.nn.inference import Predictor


@pytest.fixture(scope="module")
def reader():
    return Predictor(load_model(shipped_models()["mnist"]), "cpu")


_on = write_digit


def _picture(page: np.ndarray) -> Image.Image:
    return Image.fromarray(page.round().clip(0, 255).astype(np.uint8), "RGB")


@pytest.mark.parametrize("kind", TEMPLATES)
def test_a_template_page_gives_the_input_of_plain_paper(mnist_splits, kind):
    """The same digit written on a plain page and on a note app's template page: the same
    28×28 input (the template's lines or dots were found and taken out)."""
    _, test = mnist_splits
    rng = np.random.default_rng(5)
    for index in (0, 1, 2):
        digit = test.images[index].numpy()
        plain = np.full((360, 420, 3), 250.0, dtype=np.float32)
        templated = plain.copy()
        draw_template(templated, kind, rng)
        for page in (plain, templated):
            _on(page, digit, top=90, left=140, side=170)
        a, b = preprocess(_picture(plain)), preprocess(_picture(templated))
        found = b.cleaning
        assert found.rows + found.columns + found.dots > 0, kind
        assert ink_box(b.image) == ink_box(a.image)
        assert float(np.corrcoef(a.image.ravel(), b.image.ravel())[0, 1]) > 0.9


def test_a_page_of_black_squares_drawn_with_pillow_is_paper(mnist_splits, reader):
    """Made another way than tests/helpers/pages.py: squared paper drawn with Pillow lines as
    dark as the pen (bridged where the pen crosses them)."""
    _, test = mnist_splits
    right = 0
    for index in range(10):
        picture = Image.new("RGB", (400, 400), "white")
        draw = ImageDraw.Draw(picture)
        for at in range(10, 400, 25):
            draw.line([(0, at), (400, at)], fill=(90, 90, 90), width=1)
            draw.line([(at, 0), (at, 400)], fill=(90, 90, 90), width=1)
        page = np.asarray(picture, dtype=np.float32).copy()
        _on(page, test.images[index].numpy(), top=100, left=110, side=190, ink=(20, 20, 20))
        prepared, prediction = reader.predict_image(_picture(page))
        assert prepared.cleaning.rows >= 10 and prepared.cleaning.columns >= 10
        right += prediction is not None and prediction.index == int(test.labels[index])
    assert right >= 9


def test_the_audits_thick_blue_five_on_cream_ruled_paper_reads_five(reader):
    prepared, prediction = reader.predict_image(audit_blue_five())
    assert prediction is not None and prediction.label == "5"
    assert prediction.confidence > 0.9
    height, width = ink_box(prepared.image, 0.05)
    assert max(height, width) >= 19  # the digit fills the MNIST box, not 10 px of it
    assert prepared.cleaning.rows >= 10 and prepared.cleaning.columns == 1  # rules + margin


def test_a_lone_thin_stroke_from_edge_to_edge_is_the_drawing():
    """A tightly cropped "1": a straight stroke from edge to edge with nothing beside it is
    not a margin line."""
    picture = np.full((200, 120), 255, dtype=np.uint8)
    picture[:, 58:62] = 0
    prepared = preprocess(picture)
    assert not prepared.empty
    assert ink_box(prepared.image)[0] == 20


def test_template_pages_made_by_the_page_generator_read_right(mnist_splits, reader):
    _, test = mnist_splits
    images, labels = test.images.numpy(), test.labels.numpy()
    for kind in TEMPLATES:
        pictures, truth = page_set(kind, images, labels, 20, seed=11)
        right = 0
        for picture, label in zip(pictures, truth):
            _, prediction = reader.predict_image(picture)
            right += prediction is not None and prediction.index == label
        assert right >= 17, kind


def test_a_thick_marker_keeps_its_size_and_brightness(mnist_splits):
    _, test = mnist_splits
    rng = np.random.default_rng(3)
    for index in range(5):
        prepared = preprocess(marker_page(test.images[index].numpy(), rng))
        assert max(ink_box(prepared.image, 0.05)) >= 19
        assert float(prepared.image.max()) > 0.95


def test_faint_pencil_in_a_shadow_is_brought_to_full_strength(mnist_splits):
    _, test = mnist_splits
    rng = np.random.default_rng(4)
    stretched = []
    for index in range(8):
        prepared = preprocess(pencil_photo(test.images[index].numpy(), rng))
        if not prepared.empty:
            stretched.append(float(np.percentile(prepared.image[prepared.image > 0.05], 90)))
    assert len(stretched) >= 6
    assert np.median(stretched) > 0.9


def test_a_tiny_faint_digit_is_read_with_notes_that_say_so(mnist_splits, reader):
    _, test = mnist_splits
    page = np.full((300, 300, 3), 245.0, dtype=np.float32)
    _on(page, test.images[0].numpy(), top=140, left=140, side=14, ink=(175, 175, 175))
    prepared, prediction = reader.predict_image(_picture(page))
    found = notes(prepared, prediction.probabilities, prediction.classes)
    kinds = {note.kind for note in found}
    # what the picture shows is advice; doubt is the model's (analysis.doubt)
    assert {"small", "faint"} <= kinds
    assert all(note.warning for note in found if note.kind in ("small", "faint"))
    small = next(note for note in found if note.kind == "small")
    assert abs(small.values["px"] - 14) <= 1 and f"{small.values['px']} px" in small.text


def test_a_clean_large_drawing_has_no_warning(mnist_splits, reader):
    from helpers.drawing import redraw

    _, test = mnist_splits
    prepared, prediction = reader.predict_image(redraw(test.images[0].numpy()))
    found = notes(prepared, prediction.probabilities, prediction.classes)
    assert not is_unsure(found)


def test_the_cleaning_pictures_show_the_lines_in_red(mnist_splits):
    _, test = mnist_splits
    page = np.full((300, 340, 3), 250.0, dtype=np.float32)
    draw_template(page, "ruled", np.random.default_rng(0))
    _on(page, test.images[0].numpy(), top=60, left=90, side=160)
    picture = _picture(page)
    found = cleaning(to_array(picture))
    shown = cleaning_pictures(picture, found)
    assert shown is not None and shown.before.shape == shown.after.shape
    red = (shown.after[..., 0] > 180) & (shown.after[..., 1] < 120)
    assert red.sum() > 100  # the removed lines
    assert (shown.after.min(axis=2) < 80).sum() > 200  # the kept ink, dark


def test_predict_json_gives_the_notes_in_english_and_chinese(tmp_path, capsys, mnist_splits):
    _, test = mnist_splits
    page = np.full((300, 300, 3), 245.0, dtype=np.float32)
    _on(page, test.images[0].numpy(), top=140, left=140, side=14, ink=(175, 175, 175))
    path = tmp_path / "tiny.png"
    _picture(page).save(path)
    ruled = tmp_path / "ruled.png"
    audit_blue_five().save(ruled)
    assert main(["predict", "--model", "mnist", "--json", str(path), str(ruled)]) == 0
    tiny, five = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert isinstance(tiny["unsure"], bool) and isinstance(tiny["unlike_training"], bool)
    small = next(note for note in tiny["notes"] if note["kind"] == "small")
    assert "draw or photograph it larger" in small["text"]
    assert "像素" in small["text_zh_CN"]
    assert five["label"] == "5" and five["unsure"] is False
    lines = next(note for note in five["notes"] if note["kind"] == "lines")
    assert lines["warning"] is False and "removed" in lines["text"]
    assert "去掉" in lines["text_zh_CN"]
    assert MNIST.classes[int(five["index"])] == "5"


def test_engineering_paper_with_every_fifth_line_darker(mnist_splits, reader):
    """Lines of two strengths on one page: each line's own strength is divided out."""
    _, test = mnist_splits
    right = 0
    for index in range(10):
        picture = Image.new("RGB", (420, 380), "white")
        draw = ImageDraw.Draw(picture)
        for k, at in enumerate(range(5, 420, 16)):
            colour, width = ((90, 160, 120), 2) if k % 5 == 0 else ((170, 215, 185), 1)
            draw.line([(at, 0), (at, 380)], fill=colour, width=width)
            draw.line([(0, at), (420, at)], fill=colour, width=width)
        page = np.asarray(picture, dtype=np.float32).copy()
        _on(page, test.images[index].numpy(), top=100, left=130, side=180, ink=(20, 30, 90))
        prepared, prediction = reader.predict_image(_picture(page))
        assert prepared.cleaning.rows >= 15 and prepared.cleaning.columns >= 15
        right += prediction is not None and prediction.index == int(test.labels[index])
    assert right >= 9
