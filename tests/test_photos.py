"""Phone photos of handwritten digits on paper (uneven light, shadows, ruled lines, blue or
black ink, noise, JPEG): read through the same path as any file. See tests/helpers/photos.py for how
the photos are made."""

from __future__ import annotations

import json

import numpy as np
import pytest
from helpers.drawing import ink_box
from helpers.photos import photo, photo_set

from lenet_desktop.cli import main
from lenet_desktop.data.preprocessing import ink_map, preprocess, to_array

PHOTOS = 240
SEED = 11


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def test_predict_reads_photos_of_digits_on_paper(tmp_path, capsys, mnist_dir):
    images, labels = photo_set(PHOTOS, seed=SEED, folder=str(mnist_dir))
    paths = []
    for n, picture in enumerate(images):
        path = tmp_path / f"photo{n}.jpg"
        picture.save(path, quality=92)
        paths.append(str(path))
    code = main(["predict", "--model", "mnist", "--json", *paths])
    out, err = capsys.readouterr()
    assert code == 0, err
    predicted = [json.loads(line)["label"] for line in out.splitlines()]
    correct = sum(p == str(t) for p, t in zip(predicted, labels))
    print(f"photos read correctly: {correct}/{len(labels)}")
    assert correct / len(labels) >= 0.95, f"{correct}/{len(labels)}"


def page(height: int = 420, width: int = 560, ruled: bool = False, shadow: bool = False):
    """An off-white page lit from one side (a 35 % drop), with a vignette, noise, as RGB."""
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32)
    light = 1.0 - 0.25 * xs / width - 0.1 * ((ys - height / 2) / height) ** 2
    if shadow:  # a soft-edged shadow over the lower right
        light -= 0.25 / (1.0 + np.exp(-(xs + ys - 650) / 8))
    paper = np.empty((height, width, 3), np.float32)
    paper[:] = (238, 236, 228)
    if ruled:
        for top in range(17, height, 32):
            paper[top : top + 2] = (150, 175, 225)
        paper[:, 70:72] = (215, 95, 95)
    return paper * light[..., None]


def finish(page_rgb: np.ndarray, seed: int = 0) -> np.ndarray:
    noise = np.random.default_rng(seed).normal(0, 4, page_rgb.shape)
    return (page_rgb + noise).round().clip(0, 255).astype(np.uint8)


def write(page_rgb: np.ndarray, digit: np.ndarray, top: int, left: int, size: int) -> None:
    """Write ``digit`` (28×28 light on dark) in dark blue ink, ``size`` px on its longer side."""
    from PIL import Image

    glyph = Image.fromarray(digit).resize((size, size), Image.Resampling.BICUBIC)
    alpha = (np.asarray(glyph, np.float32) / 255 * 0.85)[..., None]
    region = page_rgb[top : top + size, left : left + size]
    region[:] = region * (1 - alpha) + np.array([30, 45, 150]) * alpha


@pytest.mark.parametrize("shadow", [False, True])
def test_a_blank_page_in_uneven_light_is_empty(shadow):
    blank = finish(page(shadow=shadow))
    assert preprocess(blank).empty
    assert not ink_map(to_array(blank)).any()


def test_ruled_lines_alone_are_empty():
    assert preprocess(finish(page(ruled=True))).empty


def test_a_shadow_across_the_page_is_not_ink(mnist_splits):
    _, test = mnist_splits
    digit = test.images[0].numpy()
    plain, shaded = page(), page(shadow=True)
    for picture in (plain, shaded):
        write(picture, digit, top=60, left=120, size=180)
    ink = ink_map(to_array(finish(shaded)))
    assert not ink[300:, 420:].any()  # deep in the shadow: no ink
    a, b = preprocess(finish(plain)), preprocess(finish(shaded))
    assert correlation(a.image, b.image) > 0.95


def test_a_digit_on_ruled_paper_gives_the_same_input_as_on_plain_paper(mnist_splits):
    _, test = mnist_splits
    for index in (1, 2, 3):
        digit = test.images[index].numpy()
        plain, ruled = page(), page(ruled=True)
        for picture in (plain, ruled):
            write(picture, digit, top=100, left=60, size=200)  # across the red margin
        a, b = preprocess(finish(plain)), preprocess(finish(ruled))
        assert ink_box(b.image) == ink_box(a.image)
        # the same digit, up to the whole-pixel shift that centring its mass may round to
        shifts = [np.roll(b.image, (dy, dx), (0, 1)) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        assert max(correlation(a.image, shifted) for shifted in shifts) > 0.9


def test_photos_are_deterministic(mnist_splits):
    _, test = mnist_splits
    digit = test.images[4].numpy()
    one = photo(digit, np.random.default_rng(3))
    two = photo(digit, np.random.default_rng(3))
    assert one.size == two.size and np.array_equal(np.asarray(one), np.asarray(two))
    width, height = one.size
    assert 300 <= width <= 640 and 300 <= height <= 640 and one.mode == "RGB"


def test_a_pasted_rgb_picture_and_the_gray_file_give_the_same_input(tmp_path, mnist_splits):
    from helpers.drawing import redraw

    from lenet_desktop.data.pictures import load_image

    _, test = mnist_splits
    gray = redraw(test.images[5].numpy(), mode="L")
    path = tmp_path / "digit.png"
    gray.save(path)
    from_file = preprocess(load_image(path)).image
    for mode in ("RGB", "RGBA"):
        pasted = np.asarray(gray.convert(mode))  # what the clipboard gives
        assert np.array_equal(preprocess(pasted).image, from_file), mode
