"""Hostile files made once per session, and the real window (the UI suite's fixtures)."""

from __future__ import annotations

import pytest
from helpers.hostile import make_cases, one_of_each
from ui.conftest import panel, settings, small_mnist, window  # noqa: F401 - fixtures shared with the UI suite


@pytest.fixture(scope="session")
def digits(mnist_splits):
    return one_of_each(mnist_splits[1])


@pytest.fixture(scope="session")
def hostile(tmp_path_factory, digits):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, make_cases(folder, digits)
