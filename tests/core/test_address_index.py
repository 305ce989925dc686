"""The web map's address index, worked out by hand on six addresses."""

import numpy as np
import pytest

from ypo_plugin.core.address_index import build_address_index, house_number_key
from ypo_plugin.core.errors import InputError


def test_house_numbers_with_letters_spaces_and_zeros():
    assert house_number_key("12B") == (12, "B")
    assert house_number_key(" 012 b ") == (12, "B")
    assert house_number_key(7) == (7, "")
    assert house_number_key("12-14") is None
    assert house_number_key(None) is None


def test_index_by_hand():
    index = build_address_index(
        ["Søndre Allé", "Søndre Allé", "Søndre  Allé", "Bygade", None, "Bygade"],
        ["12B", "12", "3", "1", "5", "x"],
        ["2700", "2700", "2400", 2700, "2700", "2700"],
        ["Brønshøj", "Brønshøj", "København NV", "Brønshøj", "", ""],
        np.array(
            [[12.5, 55.7], [12.5001, 55.70002], [12.501, 55.701], [12.49, 55.69], [12.5, 55.7], [12.5, 55.7]]
        ),
        np.array([0, 0, 1, -1, 0, 0]),
    )
    assert (index.count, index.outside, index.without_street) == (4, 1, 2)
    data = index.data
    assert data["origin"] == [1_249_000, 5_569_000]
    assert data["postcodes"] == [
        {"code": "2400", "city": "København NV", "sectors": [1]},
        {"code": "2700", "city": "Brønshøj", "sectors": [0]},
    ]
    bygade, sondre = data["streets"]
    assert bygade == {"n": "Bygade", "h": "1", "p": [1, 1], "s": [-1, 1], "x": [0], "y": [0]}
    # sorted 3, 12, 12B; spacing in the name folded to one space
    assert sondre == {
        "n": "Søndre Allé",
        "h": "3 12 12B",
        "p": [0, 1, 1, 2],
        "s": [1, 1, 0, 2],
        "x": [1100, -90, -10],
        "y": [1100, -98, -2],
    }


def test_positions_decode_to_a_metre():
    lonlat = np.array([[12.345678, 55.654321], [12.3457, 55.6544]])
    data = build_address_index(["A", "A"], ["1", "2"], None, None, lonlat, np.array([0, 0])).data
    street = data["streets"][0]
    lon = (data["origin"][0] + np.cumsum(street["x"])) * data["step"]
    lat = (data["origin"][1] + np.cumsum(street["y"])) * data["step"]
    assert np.abs(lon - lonlat[:, 0]).max() <= 5e-6
    assert np.abs(lat - lonlat[:, 1]).max() <= 5e-6
    assert data["postcodes"] == [] and street["p"] == [-1, 2]


def test_no_usable_address_is_said_in_words():
    with pytest.raises(InputError, match="The address layer has no addresses"):
        build_address_index([], [], None, None, np.empty((0, 2)), np.array([], dtype=int))
    with pytest.raises(InputError, match="No address has a street name"):
        build_address_index([None], ["1"], None, None, np.array([[12.0, 55.0]]), np.array([0]))
