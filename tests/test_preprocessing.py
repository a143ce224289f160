"""Preprocessing: any picture → the 28×28 image MNIST or Fashion-MNIST would have made."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.drawing import centre_of_mass, ink_box, redraw
from PIL import Image

from lenet_desktop.data.datasets import FASHION_MNIST, MNIST
from lenet_desktop.data.pictures import ImageReadError, load_image
from lenet_desktop.data.preprocessing import preprocess

CENTRE = 13.5  # the centre of a 28×28 grid of pixel centres


@pytest.fixture(scope="module")
def digits(mnist_splits):
    _, test = mnist_splits
    return test.images.numpy(), test.labels.numpy()


def assert_mnist_framed(result):
    assert not result.empty
    assert result.image.shape == (28, 28) and result.image.dtype == np.float32
    assert result.tensor.shape == (1, 1, 28, 28)
    cy, cx = centre_of_mass(result.image)
    assert abs(cy - CENTRE) <= 1.0 and abs(cx - CENTRE) <= 1.0, (cy, cx)
    assert max(ink_box(result.image)) == 20


@pytest.mark.parametrize("index", [0, 1, 2, 3, 4, 5, 6, 7])
def test_dark_digit_on_white_rgb_is_framed_like_mnist(digits, index):
    images, _ = digits
    picture = redraw(images[index], canvas=(500, 400), size=320, centre=(340, 210))
    assert picture.mode == "RGB" and picture.size == (500, 400)
    assert_mnist_framed(preprocess(picture, "mnist", MNIST.mean, MNIST.std))


@pytest.mark.parametrize("index", [10, 11, 12])
def test_light_digit_on_dark_rgba_is_framed_like_mnist(digits, index):
    images, _ = digits
    picture = redraw(images[index], size=250, centre=(150, 160), dark_on_light=False)
    picture = picture.convert("RGBA")  # opaque light-on-dark RGBA
    result = preprocess(picture, "mnist", MNIST.mean, MNIST.std)
    assert_mnist_framed(result)


def test_polarity_is_detected_so_both_give_the_same_image(digits):
    images, _ = digits
    dark = preprocess(redraw(images[3], dark_on_light=True))
    light = preprocess(redraw(images[3], dark_on_light=False))
    # (a large picture is box-reduced in uint8, which rounds x and 255 − x apart by ≤ 1/255;
    # a stroke at the edge of the training digits' width range is grown by a hair in one and
    # not the other: a pixel may then differ by a few hundredths)
    np.testing.assert_allclose(dark.image, light.image, atol=0.03)
    assert float(np.abs(dark.image - light.image).mean()) < 0.002


@pytest.mark.parametrize("dark", [True, False])
def test_ink_on_transparent_background(digits, dark):
    images, _ = digits
    picture = redraw(images[5], mode="RGBA", dark_on_light=dark)
    assert picture.getextrema()[3][0] == 0  # really transparent
    assert_mnist_framed(preprocess(picture))


@pytest.mark.parametrize("mode", ["L", "P", "LA", "I;16", "1", "CMYK"])
def test_every_pixel_format_gives_the_same_digit(digits, mode):
    images, _ = digits
    reference = preprocess(redraw(images[7], mode="L"))
    picture = redraw(images[7], mode="L")
    if mode == "I;16":
        picture = Image.fromarray(np.asarray(picture).astype(np.uint16) * 257)
        assert picture.mode.startswith("I;16")
    else:
        picture = picture.convert(mode)
    result = preprocess(picture)
    assert_mnist_framed(result) if mode != "1" else None
    overlap = np.minimum(result.image, reference.image).sum() / reference.image.sum()
    assert overlap > (0.6 if mode == "1" else 0.95)


def test_dataset_images_keep_their_place_and_size(digits):
    images, _ = digits
    for digit in images[:50]:
        result = preprocess(digit)  # a (28, 28) uint8 array, light on dark
        original = digit.astype(np.float32) / 255
        assert max(ink_box(result.image)) == max(ink_box(original)) == 20
        moved = np.subtract(centre_of_mass(result.image), centre_of_mass(original))
        assert np.abs(moved).max() <= 1.5


def test_normalisation_uses_mean_and_std(digits):
    images, _ = digits
    result = preprocess(redraw(images[0]), "mnist", MNIST.mean, MNIST.std)
    expected = (result.image - MNIST.mean) / MNIST.std
    np.testing.assert_allclose(result.tensor.numpy()[0, 0], expected, rtol=1e-6)
    assert float(result.image.max()) == pytest.approx(1.0, abs=0.02)
    assert float(result.image.min()) == 0.0


def test_fashion_convention_fills_the_frame():
    # A dark rectangle-ish "bag" on white, wider than tall, off-centre.
    canvas = np.full((300, 400), 255, dtype=np.uint8)
    canvas[100:180, 50:290] = 40
    result = preprocess(canvas, FASHION_MNIST.convention, FASHION_MNIST.mean, FASHION_MNIST.std)
    height, width = ink_box(result.image)
    assert width == 28 and height == 9
    rows = np.flatnonzero(result.image.max(1) > 0)
    assert abs((rows[0] + rows[-1]) / 2 - CENTRE) <= 0.5  # box centred
    assert result.image.max() > 0.9  # light object on a dark background


@pytest.mark.parametrize(
    "blank",
    [
        np.full((400, 500, 3), 255, np.uint8),
        np.zeros((28, 28), np.uint8),
        np.full((50, 50), 0.5, np.float32),
        np.zeros((10, 10, 4), np.uint8),  # fully transparent
        np.zeros((1, 1), np.uint8),
    ],
)
def test_blank_pictures_are_empty(blank):
    result = preprocess(blank)
    assert result.empty and result.tensor is None
    assert result.image.shape == (28, 28) and not result.image.any()


def test_faint_noise_on_paper_is_empty():
    rng = np.random.default_rng(0)
    paper = (250 - rng.integers(0, 8, size=(200, 200))).astype(np.uint8)
    assert preprocess(paper).empty


@pytest.mark.parametrize("shape", [(5,), (3, 4, 5, 6), (10, 10, 7), ()])
def test_non_image_shapes_are_a_clear_value_error(shape):
    with pytest.raises(ValueError, match="shape"):
        preprocess(np.zeros(shape, np.uint8))


def test_tiny_strokes_still_framed():
    dot = np.full((100, 100), 255, np.uint8)
    dot[40:43, 60:62] = 0
    result = preprocess(dot)
    assert not result.empty
    assert max(ink_box(result.image)) == 20


def test_load_image_errors_name_the_file(tmp_path):
    missing = tmp_path / "nope.png"
    with pytest.raises(ImageReadError, match="nope.png"):
        load_image(missing)
    fake = tmp_path / "fake.png"
    fake.write_text("this is not a picture")
    with pytest.raises(ImageReadError, match="fake.png"):
        load_image(fake)
    good = tmp_path / "good.png"
    Image.new("L", (64, 64), 255).save(good)
    truncated = tmp_path / "truncated.png"
    truncated.write_bytes(good.read_bytes()[:40])
    with pytest.raises(ImageReadError, match="truncated.png"):
        load_image(truncated)


def test_load_image_takes_first_frame_and_exif_rotation(tmp_path, digits):
    images, _ = digits
    frame = redraw(images[1], mode="L")
    gif = tmp_path / "anim.gif"
    frame.save(gif, save_all=True, append_images=[Image.new("L", frame.size, 255)])
    assert not preprocess(load_image(gif)).empty
    rotated = tmp_path / "rotated.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    frame.rotate(90, expand=True).save(rotated, exif=exif)
    assert load_image(rotated).size == frame.size
