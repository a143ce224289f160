"""The feature maps (ui/views/feature_maps.py): numbered tables that fit their numbers, rows for
batch norm and the fully connected layers, two inputs side by side."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.strokes import SEVEN, draw, load_model


def test_every_map_opens_as_a_numbered_table_that_fits_its_numbers(window, qtbot):
    draw(window, SEVEN)
    maps = window.maps
    shown = window.session.prediction.activations
    for key, tile in (("C1", 3), ("S2", 0), ("input", 0)):
        if key not in shown:
            continue
        dialog = maps.enlarge((key, 0, tile, 0, 0))
        qtbot.addWidget(dialog)
        table = dialog.table
        height, width = shown[key].shape[-2:]
        assert (table.rowCount(), table.columnCount()) == (height, width)
        expected = shown[key].reshape(-1, height, width)[tile]
        assert float(table.item(5, 7).text()) == pytest.approx(float(expected[5, 7]), abs=0.005)
        # Rows and columns numbered from 0; every number fits its cell.
        assert table.verticalHeaderItem(0) is None or table.verticalHeaderItem(0).text() == "0"
        metrics = table.fontMetrics()
        widest = max(metrics.horizontalAdvance(table.item(y, x).text())
                     for y in range(height) for x in range(width))  # fmt: skip
        assert table.horizontalHeader().sectionSize(0) > widest
        dialog.close()


def test_batch_norm_and_the_fully_connected_layers_have_their_own_rows(window):
    draw(window, SEVEN)
    bands = {band.key: band for band in window.maps.mosaics.bands}
    prediction = window.session.prediction
    # modern: C1 → BN → ReLU → S2 …; each step its own row, titled for what it does.
    order = [band.key for band in window.maps.mosaics.bands]
    assert order == list(prediction.activations)
    bn = [key for key in order if "batch normalisation" in bands[key].title]
    assert len(bn) >= 2, order
    assert order.index(bn[0]) == order.index("C1") + 1
    for key, units in (("F5", 120), ("F6", 84), ("output", 10)):
        assert bands[key].is_vector and bands[key].count == units, key
    # The BN row shows BN's own output (not ReLU(BN)): negatives included.
    assert window.maps.mosaics.values[bn[0]][0].min() < 0
    assert np.array_equal(
        window.maps.mosaics.values[bn[0]][0], prediction.activations[bn[0]].reshape(6, 28, 28)
    )


def test_a_pinned_sweater_and_a_coat_show_their_maps_side_by_side(window, qtbot):
    load_model(window, qtbot, "fashion-mnist")
    menu = window.inputs.class_menu.actions()
    menu[2].trigger()  # Pullover
    window.menu_actions["pin"].trigger()
    menu[4].trigger()  # Coat
    mosaics = window.maps.mosaics
    headers = mosaics.headers
    assert len(headers) == 2
    assert "Coat" in headers[0] and "Pullover" in headers[1]
    for key in ("C1", "S2", "C3"):
        current, pinned = mosaics.values[key]
        assert current.shape == pinned.shape and not np.array_equal(current, pinned)
        both = np.concatenate([current.ravel(), pinned.ravel()])
        low, high = mosaics.levels[key]  # one colour scale for both
        assert low <= both.min() and high >= both.max()
    window.menu_actions["pin"].trigger()
    assert mosaics.headers == []
