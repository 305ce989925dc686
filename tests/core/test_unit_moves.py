"""Sector polygons rebuilt from their units after a move."""

import shapely

from ypo_plugin.core.unit_moves import sector_polygons, sectors_touched, units_to_move


def test_sector_polygons_are_the_union_of_their_units():
    units = [shapely.box(x, 0, x + 1, 1) for x in range(4)]
    polygons = sector_polygons(units, ["a", "a", "b", 3.0], ["a", "b", "3", "z"])
    assert polygons["a"].equals(shapely.box(0, 0, 2, 1))
    assert polygons["b"].equals(units[2])
    assert polygons["3"].equals(units[3])  # 3.0 and "3" are one sector id
    assert polygons["z"] is None


def test_which_units_move_and_which_sectors_change():
    assert list(units_to_move(["a", "b", None, 2], "a")) == [1, 2, 3]
    assert sectors_touched(["b", "b", None, "c"], "a") == ["b", "c", "a"]
