"""The convolution sandbox and `lenet-desktop corr2d`: the notes' examples, the output-size
formula, multi-channel sums, all checked against PyTorch's own conv2d."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from lenet_desktop.analysis.sandbox import (
    EDGES,
    LESSONS,
    SandboxError,
    corr2d,
    lesson,
    output_size,
    parse_channels,
    parse_kernels,
    run_lesson,
)
from lenet_desktop.cli import main


def test_the_notes_cross_correlation_is_37_47_67_77():
    result = corr2d(parse_channels("1 2 3; 4 5 6; 7 8 9"), parse_kernels("1 2; 3 4"))
    assert result.output[0].tolist() == [[37, 47], [67, 77]]
    assert result.formula(0, 0, 0) == "1×1 + 2×2 + 4×3 + 5×4 = 37"
    assert result.formula(0, 1, 0) == "4×1 + 5×2 + 7×3 + 8×4 = 67"  # not the notes' 43
    assert result.products(0, 1, 0).ravel().tolist() == [4, 10, 21, 32]


def test_the_edge_kernel_finds_the_two_edges():
    result = corr2d(parse_channels(EDGES), parse_kernels("1 -1"))
    out = result.output[0]
    assert out.shape == (6, 7)
    assert (out[:, 1] == 1).all() and (out[:, 5] == -1).all()
    assert (np.delete(out, [1, 5], axis=1) == 0).all()


@pytest.mark.parametrize(
    ("n", "k", "p", "s"),
    [(4, 3, 1, 1), (4, 3, 2, 1), (4, 2, 0, 2), (5, 3, 1, 2), (7, 3, 0, 3), (28, 5, 2, 1)],
)
def test_sizes_follow_the_formula_and_values_match_pytorch(n, k, p, s):
    rng = np.random.default_rng(n * 100 + k * 10 + p + s)
    x, kernel = rng.integers(-3, 4, (2, n, n)), rng.integers(-2, 3, (3, 2, k, k))
    result = corr2d(x, kernel, p, s)
    expected = F.conv2d(
        torch.tensor(x[None], dtype=torch.float64), torch.tensor(kernel, dtype=torch.float64),
        padding=p, stride=s,
    )[0].numpy()  # fmt: skip
    side = (n - k + 2 * p + s) // s
    assert output_size(n, k, p, s) == side
    assert result.output.shape == (3, side, side) == expected.shape
    assert np.allclose(result.output, expected)


def test_two_channels_are_summed_and_a_1x1_convolution_mixes_channels():
    two = run_lesson(lesson("two-channels"))
    assert two.output[0].tolist() == [[56, 72], [104, 120]]
    mix = run_lesson(lesson("one-by-one"))
    assert mix.output.shape == (2, 2, 2)
    assert mix.output[1].tolist() == [[3, 4], [5, 6]]  # (channel 0 + channel 1) / 2


def test_every_lesson_runs_and_the_padding_and_stride_lessons_have_their_sizes():
    for item in LESSONS:
        assert run_lesson(item).output.size > 0, item.key
    assert run_lesson(lesson("padding-1")).output.shape[1:] == (4, 4)
    assert run_lesson(lesson("padding-2")).output.shape[1:] == (6, 6)
    assert run_lesson(lesson("stride-2")).output.shape[1:] == (2, 2)
    assert run_lesson(lesson("padding-1")).size_text()[0] == "(4 − 3 + 2 + 1) / 1 = 4"


@pytest.mark.parametrize(
    ("text", "kernel"),
    [("1 2; 3", "1"), ("a b", "1"), ("1 2; 3 4", "1 2 3; 4 5 6; 7 8 9"), ("1 2 | 3 4", "1")],
)
def test_text_that_does_not_fit_is_refused(text, kernel):
    with pytest.raises(SandboxError):
        corr2d(parse_channels(text), parse_kernels(kernel))


def test_the_command_prints_the_notes_example(capsys):
    assert main(["corr2d", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 2; 3 4"]) == 0
    out = capsys.readouterr().out
    assert "[[37, 47], [67, 77]]" in out
    assert "(3 − 2 + 0 + 1) / 1 = 2" in out


def test_the_command_finds_the_edges_and_writes_json(capsys):
    assert main(["corr2d", "--input", EDGES, "--kernel", "1 -1", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["output_shape"] == [1, 6, 7]
    assert [row[1] for row in result["output"][0]] == [1.0] * 6
    assert [row[5] for row in result["output"][0]] == [-1.0] * 6
    args = ["corr2d", "--input", "1 2 3 4; 5 6 7 8; 1 2 3 4; 5 6 7 8", "--kernel", "1 1; 1 1"]
    assert main([*args, "--stride", "2", "--padding", "1", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["output_shape"] == [1, 3, 3]  # ⌊(4−2+2+2)/2⌋


def test_the_command_refuses_a_kernel_larger_than_the_input(capsys):
    with pytest.raises(SystemExit) as done:
        main(["corr2d", "--input", "1 2", "--kernel", "1 2 3"])
    assert done.value.code == 2
    assert "larger" in capsys.readouterr().err


def test_matrices_as_the_notes_and_numpy_write_them():
    from lenet_desktop.analysis.sandbox import SandboxError, parse_matrix

    nested = parse_matrix("[[1,2,3],[4,5,6],[7,8,9]]")
    assert nested.tolist() == [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    assert parse_matrix("[[1, 2], [3, 4]]").tolist() == parse_matrix("1 2; 3 4").tolist()
    with pytest.raises(SandboxError, match="'x' is not a number"):
        parse_matrix("[[1, x], [3, 4]]")
