"""Property-based: whatever array reaches preprocessing — any shape, type and range — the result
is a finite 28×28 image and either a finite (1, 1, 28, 28) tensor or "empty"; the only exception
is a clear ValueError for arrays that are not image-shaped."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lenet_desktop.data.preprocessing import preprocess

DTYPES = st.one_of(
    hnp.boolean_dtypes(),
    hnp.integer_dtypes(endianness="="),
    hnp.unsigned_integer_dtypes(endianness="="),
    hnp.floating_dtypes(endianness="="),
)
IMAGE_SHAPES = st.one_of(
    hnp.array_shapes(min_dims=2, max_dims=2, min_side=0, max_side=64),
    st.tuples(st.integers(0, 48), st.integers(0, 48), st.sampled_from([1, 2, 3, 4])),
)
ANY_SHAPES = hnp.array_shapes(min_dims=0, max_dims=5, min_side=0, max_side=12)


def is_image_shape(shape: tuple[int, ...]) -> bool:
    return len(shape) == 2 or (len(shape) == 3 and shape[2] in (1, 2, 3, 4))


def check(result) -> None:
    assert result.image.shape == (28, 28)
    assert np.isfinite(result.image).all()
    assert result.image.min() >= 0.0 and result.image.max() <= 1.0
    if not result.empty:
        assert tuple(result.tensor.shape) == (1, 1, 28, 28)
        assert bool(result.tensor.isfinite().all())


SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(
    data=hnp.arrays(DTYPES, IMAGE_SHAPES),
    convention=st.sampled_from(["mnist", "fashion"]),
)
# (values - low) / (high - low) overflowed to inf, then NaN, for a range wider than float64's.
@example(data=np.array([[-1.7e308, 1.7e308], [0.0, 1.0]]), convention="mnist")
@example(data=np.array([[-65504, 65504], [0, 1]], dtype=np.float16), convention="mnist")
@example(data=np.full((40, 40, 3), np.finfo(np.float32).max, np.float32), convention="fashion")
def test_any_image_shaped_array_gives_a_finite_result(data, convention):
    check(preprocess(data, convention, mean=0.1307, std=0.3081))


@SETTINGS
@given(data=hnp.arrays(DTYPES, ANY_SHAPES))
def test_other_shapes_are_a_clear_value_error(data):
    if is_image_shape(data.shape):
        check(preprocess(data))
        return
    with pytest.raises(ValueError, match="image must be"):
        preprocess(data)


@SETTINGS
@given(
    side=st.integers(1, 600),
    other=st.integers(1, 600),
    stroke=st.floats(0.0, 1.0),
    value=st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-(2**40), 2**40)),
)
def test_strokes_of_any_value_on_any_background(side, other, stroke, value):
    """A band of one arbitrary value across an otherwise plain picture of any size."""
    picture = np.zeros((side, other), dtype=np.float64)
    row = int(stroke * (side - 1))
    picture[row, :] = value
    check(preprocess(picture))
