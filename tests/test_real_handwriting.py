"""Issue 35: real people's handwriting read right, or honestly doubted.

Strokes reach the network at the training digits' width (data/strokes.py), a picture that
already is a dataset image goes in pixel for pixel, the picture notes speak only when true, and
the model's doubt (analysis/doubt.py) flags what is unlike its training digits."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers.nondigits import nondigits
from helpers.pages import write_digit
from helpers.photos import _lighting, jpeg
from PIL import Image, ImageDraw
from scipy import ndimage

from lenet_desktop.analysis.doubt import UNLIKE_QUANTILE, energy, judge
from lenet_desktop.analysis.reading import read
from lenet_desktop.cli import main
from lenet_desktop.data.datasets import FASHION_MNIST, MNIST, load_split
from lenet_desktop.data.pictures import load_image
from lenet_desktop.data.preprocessing import dataset_framed, dataset_sample, preprocess
from lenet_desktop.data.strokes import THICKEST, THINNEST, restroke, stroke_width
from lenet_desktop.files.model_files import load_model
from lenet_desktop.nn.inference import Predictor

SEVEN = [(120, 90), (300, 90), (230, 200), (170, 330)]
NINE = [(280, 130), (230, 80), (160, 90), (130, 150), (160, 200), (230, 200), (275, 150),
        (280, 130), (270, 240), (255, 340)]  # fmt: skip


@pytest.fixture(scope="module")
def reader():
    return Predictor(load_model("mnist"), "cpu")


def _drawn(points, pen: float, side: int = 400, ink: int = 0) -> Image.Image:
    """A path drawn with a round pen ``pen`` px wide on white paper."""
    picture = Image.new("L", (side, side), 255)
    draw = ImageDraw.Draw(picture)
    draw.line(points, fill=ink, width=max(1, round(pen)), joint="curve")
    if pen > 2:
        for x, y in points:
            draw.ellipse((x - pen / 2, y - pen / 2, x + pen / 2, y + pen / 2), fill=ink)
    return picture


@pytest.mark.parametrize("width", [1, 2, 3, 5, 8, 12])
@pytest.mark.parametrize("angle", [0, 20, 45, 80])
def test_a_stroke_s_width_is_measured_at_any_angle(width, angle):
    scale = 4
    picture = Image.new("L", (200 * scale, 200 * scale), 0)
    a = np.deg2rad(angle)
    half = 70 * scale
    centre = 100 * scale
    ends = [(centre - half * np.cos(a), centre - half * np.sin(a)),
            (centre + half * np.cos(a), centre + half * np.sin(a))]  # fmt: skip
    ImageDraw.Draw(picture).line(ends, fill=255, width=width * scale)
    line = np.asarray(picture.reduce(scale), dtype=np.float32) / 255.0  # antialiased
    # (a 1-px line reads up to 0.7 px wide: central differences blur its two edges)
    assert stroke_width(line) == pytest.approx(width, abs=max(0.7, 0.15 * width))


def test_the_training_digits_are_within_the_width_range(mnist_splits):
    train, _ = mnist_splits
    images = train.images[:500].numpy().astype(np.float32) / 255.0
    widths = np.array([stroke_width(image) for image in images])
    inside = (widths >= THINNEST) & (widths <= THICKEST)
    assert 0.7 <= inside.mean() <= 0.9  # the range is MNIST's 10th to 90th percentile


@pytest.mark.parametrize("points,label", [(SEVEN, "7"), (NINE, "9")])
def test_a_one_pixel_line_reaches_the_network_at_the_training_width(reader, points, label):
    prepared, prediction = reader.predict_image(_drawn(points, 1))
    image = prepared.image
    assert float(image.max()) == pytest.approx(1.0)  # no faint ghost
    assert THINNEST - 0.5 <= stroke_width(image) <= THICKEST + 0.5
    assert prediction.label == label


@pytest.mark.parametrize("points,label", [(SEVEN, "7"), (NINE, "9")])
def test_a_heavy_marker_is_thinned_to_the_training_width(reader, points, label):
    prepared, prediction = reader.predict_image(_drawn(points, 44))
    assert stroke_width(prepared.image) <= THICKEST + 0.6
    assert prediction.label == label


def test_a_digit_at_the_training_width_is_left_as_it_is(mnist_splits):
    _, test = mnist_splits
    digit = test.images[0].numpy().astype(np.float32) / 255.0
    rows, cols = np.flatnonzero(digit.any(1)), np.flatnonzero(digit.any(0))
    crop = np.ascontiguousarray(digit[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])
    assert THINNEST <= stroke_width(crop) <= THICKEST
    assert restroke(crop, 20) is crop


@pytest.mark.parametrize("info", [MNIST, FASHION_MNIST], ids=lambda i: i.name)
def test_dataset_images_saved_as_png_give_the_dataset_samples_probabilities(
    tmp_path, info, mnist_dir, fashion_dir
):
    folder = mnist_dir if info is MNIST else fashion_dir
    test = load_split(folder, info, "test")
    model = Predictor(load_model(info.name), "cpu")
    mean, std = model.bundle.dataset.mean, model.bundle.dataset.std
    worst = 0.0
    for index in range(100):
        pixels = test.images[index].numpy()
        path = tmp_path / f"{info.name}-{index}.png"
        Image.fromarray(pixels, "L").save(path)
        opened = model.preprocess(load_image(path))
        assert opened.cleaning is not None and opened.cleaning.as_is, index
        expected = model.predict(dataset_sample(pixels, mean, std).normalized).probabilities
        got = model.predict(opened.normalized).probabilities
        worst = max(worst, float(np.abs(got - expected).max()))
    assert worst <= 1e-5


def test_a_dataset_png_through_predict_says_it_went_in_as_it_is(tmp_path, capsys, mnist_dir):
    test = load_split(mnist_dir, MNIST, "test")
    path = tmp_path / "sample.png"
    Image.fromarray(test.images[3].numpy(), "L").save(path)
    assert main(["predict", "--json", "--show-input", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert np.allclose(np.array(out["input"]), test.images[3].numpy() / 255.0, atol=1e-4)
    assert [note["kind"] for note in out["notes"] if not note["warning"]] == ["as_is"]


def test_a_28_pixel_drawing_that_fills_its_frame_is_still_framed(mnist_splits):
    """A paint program's 28×28 digit, dark on white, filling the frame: not a dataset image."""
    _, test = mnist_splits
    digit = test.images[1].numpy()
    rows, cols = np.flatnonzero(digit.any(1)), np.flatnonzero(digit.any(0))
    crop = Image.fromarray(digit[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])
    big = 255 - np.asarray(crop.resize((20, 28)))
    picture = np.full((28, 28), 255, dtype=np.uint8)
    picture[:, 4:24] = big
    assert dataset_framed(picture) is None
    assert max(_box(preprocess(picture).image)) == 20


def _box(image: np.ndarray) -> tuple[int, int]:
    rows, cols = np.flatnonzero(image.any(1)), np.flatnonzero(image.any(0))
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def test_grey_paper_in_a_dim_photo_is_paper(mnist_splits, reader):
    """A photo of paper darker than mid-grey with a darker digit: the digit is the ink."""
    _, test = mnist_splits
    right = 0
    for index in range(10):
        page = np.full((120, 110, 3), 100.0, dtype=np.float32)
        write_digit(page, test.images[index].numpy(), top=15, left=20, side=85, ink=(25, 25, 25))
        prepared, prediction = reader.predict_image(Image.fromarray(page.astype(np.uint8)))
        right += prediction.index == int(test.labels[index])
    assert right >= 9


def _plain_photo(digit28: np.ndarray, rng: np.random.Generator) -> Image.Image:
    """A phone photo of a digit on plain paper: grain, uneven light, noise, JPEG; no lines."""
    height, width = (int(rng.integers(300, 480)) for _ in range(2))
    grain = ndimage.gaussian_filter(rng.normal(0, 1, (height, width)), rng.uniform(0.7, 2.0))
    grain *= rng.uniform(4, 9) / grain.std()
    page = np.repeat((rng.uniform(215, 240) + grain)[..., None], 3, axis=2).astype(np.float32)
    side = int(rng.integers(120, min(height, width) - 60))
    write_digit(page, digit28, top=30, left=30, side=side, ink=(40, 40, 50))
    page *= _lighting(rng, height, width)[..., None]
    page += rng.normal(0, rng.uniform(2, 5), page.shape).astype(np.float32)
    return jpeg(page, int(rng.integers(60, 90)))


def test_plain_paper_has_no_lines_to_remove(mnist_splits, reader):
    _, test = mnist_splits
    rng = np.random.default_rng(35)
    for index in range(12):
        reading = read(reader, _plain_photo(test.images[index].numpy(), rng))
        kinds = [note.kind for note in reading.notes]
        assert "lines" not in kinds, index


def test_small_is_said_only_of_a_digit_that_was_enlarged(mnist_splits, reader):
    _, test = mnist_splits
    digit = test.images[0].numpy()
    for side, small in ((14, True), (19, True), (24, False), (60, False)):
        page = np.full((200, 200, 3), 250.0, dtype=np.float32)
        write_digit(page, digit, top=80, left=80, side=side)
        reading = read(reader, Image.fromarray(page.astype(np.uint8)))
        assert ("small" in [note.kind for note in reading.notes]) is small, side


def test_the_frame_cuts_a_digit_only_when_it_touches_one_side(mnist_splits, reader):
    _, test = mnist_splits
    digit = test.images[0].numpy()
    rows, cols = np.flatnonzero(digit.any(1)), np.flatnonzero(digit.any(0))
    tight = 255 - digit[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    cropped = Image.fromarray(tight).resize((tight.shape[1] * 5, tight.shape[0] * 5))
    assert "edge" not in [note.kind for note in read(reader, cropped).notes]
    page = np.full((200, 200), 255, dtype=np.uint8)
    page[60:160, :60] = np.asarray(cropped.resize((100, 100)))[:, 40:]  # cut off on the left
    assert "edge" in [note.kind for note in read(reader, Image.fromarray(page)).notes]


def test_the_energy_is_computed_stably():
    logits = np.array([[1000.0, 0.0, -1000.0], [0.0, 0.0, 0.0]])
    values = energy(logits, 2.0)
    assert np.isfinite(values).all()
    assert values[0] == pytest.approx(-1000.0)
    assert values[1] == pytest.approx(-2.0 * np.log(3.0))


def test_the_shipped_model_knows_what_is_unlike_its_training(reader, mnist_splits):
    bundle = reader.bundle
    assert bundle.unlike_threshold is not None
    assert bundle.training["unlike_quantile"] == UNLIKE_QUANTILE
    _, test = mnist_splits
    x = (test.images[:1000].unsqueeze(1).float() / 255.0 - MNIST.mean) / MNIST.std
    import torch

    with torch.inference_mode():
        logits = reader.network(x).double().numpy()
    flagged = energy(logits, bundle.temperature) > bundle.unlike_threshold
    assert flagged.mean() <= 0.03  # test digits look like the training digits


def test_non_digits_are_flagged_and_digits_redrawn_are_not(reader, mnist_splits):
    from helpers.drawing import redraw

    flagged = [read(reader, picture).doubt.unsure for _, picture in nondigits(10, seed=35)]
    assert np.mean(flagged) >= 0.6
    _, test = mnist_splits
    doubted = [read(reader, redraw(test.images[i].numpy())).doubt.unsure for i in range(40)]
    assert np.mean(doubted) <= 0.1


def test_predict_json_says_unlike_training_with_the_score(tmp_path, capsys):
    path = tmp_path / "scribble.png"
    nondigits(1, seed=3)[3][1].save(path)
    assert main(["predict", "--json", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert isinstance(out["unlike_training"], bool) and isinstance(out["unsure"], bool)
    assert out["unlike_training_score"] > -100 and out["unlike_training_threshold"] < 0
    if out["unlike_training"]:
        note = next(n for n in out["notes"] if n["kind"] == "unlike")
        assert note["warning"] and "trained on" in note["text"] and "训练" in note["text_zh_CN"]


def test_a_model_without_a_threshold_says_nothing_of_unlike_training():
    probabilities = np.array([0.95, 0.05])
    doubt = judge(np.log(probabilities), probabilities, 1.0, None)
    assert doubt.unlike_training is None and not doubt.unsure
    assert doubt.as_json()["unlike_training"] is None
