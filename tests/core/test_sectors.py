"""The shared sector vocabulary: ids as text, effective sectors, dissolves, neighbours, districts
(no QGIS). The id and neighbour tests moved here from test_sector_log and test_publication."""

import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from ypo_plugin.core.errors import About, InputError
from ypo_plugin.core.sectors import (
    MeetingPairs,
    attribute_text,
    checked_sectors,
    dissolve,
    dissolve_by_id,
    district_of_sectors,
    effective_sectors,
    neighbour_texts,
    sector_codes,
    touching_neighbour_texts,
    united_areas,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_scale import lattice_city  # noqa: E402


def test_sector_ids_are_trimmed_text():
    assert [attribute_text(v) for v in (" NE-1 ", 12, 12.0, 1.5, "", "  ", None, float("nan"))] == [
        "NE-1",
        "12",
        "12",
        "1.5",
        None,
        None,
        None,
        None,
    ]


def test_attribute_text_of_numpy_numbers_and_qgis_nulls():
    class Null:
        def isNull(self):
            return True

    assert [attribute_text(v) for v in (np.int64(7), np.float32(3.0), np.float64("nan"), Null())] == [
        "7",
        "3",
        None,
        None,
    ]


def test_neighbour_texts_from_positions_and_from_a_neighbours_field():
    ids, names, districts = ["S1", "S2", "S3"], ["One", "S2", None], ["West", "West", "East"]
    assert neighbour_texts(ids, names, [[1, 2], [], [0]], districts) == [
        "S2 (West), S3 (East)",
        "–",
        "S1 One (West)",
    ]
    assert neighbour_texts(ids, names, ["S2, S3", None, "S1,X9"], districts) == [
        "S2 (West), S3 (East)",
        "–",
        "S1 One (West), X9",
    ]


def test_neighbours_share_a_boundary_not_a_corner():
    geometries = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 10, 30, 20)], dtype=object)
    assert touching_neighbour_texts(["A", "B", "C"], ["a", "b", "c"], geometries) == ["B b", "A a", "–"]


def overlapping_sectors():
    return np.array(
        [box(0, 0, 10, 10), box(5, 0, 15, 10), box(10, 0, 20, 10), box(0, 10, 10, 20), None], dtype=object
    )


def test_the_memo_gives_the_effective_sectors_and_remembers_the_pairs():
    geometries = overlapping_sectors()
    usable = geometries[:4]
    effective, overlaps = effective_sectors(usable, ["A", "B", "C", "D"])
    memo = MeetingPairs()
    for _ in range(2):  # the second time every pair is known
        remembered = memo.effective(usable)
        assert all(a.equals(b) for a, b in zip(remembered, effective, strict=True))
    assert effective[1].equals(box(10, 0, 15, 10))  # B loses its overlap with A
    assert effective[2].equals(box(15, 0, 20, 10))  # C loses its overlap with B
    assert [(o.first, o.second) for o in overlaps] == [("A", "B"), ("B", "C")]
    assert len(memo.effective(np.empty(0, dtype=object))) == 0


def test_checked_sectors_speak_of_sectors():
    with pytest.raises(InputError, match="Sector id 'A' is used more than once") as raised:
        checked_sectors(["A", "A"], [box(0, 0, 1, 1), box(1, 0, 2, 1)])
    assert raised.value.about is About.SECTORS
    with pytest.raises(InputError, match="Sector 'B' has no geometry"):
        checked_sectors(["A", "B"], [box(0, 0, 1, 1), None])


def test_dissolve_by_label_and_by_id():
    geoms = np.array([box(0, 0, 1, 1), box(1, 0, 2, 1), box(5, 5, 6, 6)], dtype=object)
    united = dissolve(geoms, np.array([0, 0, -1]), 2)
    assert united[0].equals(box(0, 0, 2, 1)) and united[1].is_empty
    bow_tie = shapely.Polygon([(3, 0), (4, 1), (4, 0), (3, 1)])
    by_id = dissolve_by_id([1, "x", 1.0, 1], [box(0, 0, 1, 1), geoms[2], box(1, 0, 2, 1), bow_tie])
    assert [m.tolist() for m in by_id.members] == [[0, 2, 3], [1]]
    assert [r.tolist() for r in by_id.repaired] == [[3], []]
    assert by_id.geometries[0].area == pytest.approx(2.5) and by_id.geometries[1] is geoms[2]


class CountingUnion:
    """shapely.union_all, counting its calls."""

    def __init__(self):
        self.calls = 0
        self.union_all = shapely.union_all

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.union_all(*args, **kwargs)


def test_dissolve_of_a_lattice_is_its_coverage_union(monkeypatch):
    units, _ = lattice_city(3000, 5)
    centres = shapely.get_coordinates(shapely.centroid(units))
    labels = (centres[:, 0] // 1500).astype(int) * 4 + (centres[:, 1] // 1500).astype(int)
    count = int(labels.max()) + 1
    expected = [shapely.union_all(units[labels == label]) for label in range(count)]
    counting = CountingUnion()
    monkeypatch.setattr(shapely, "union_all", counting)
    united = dissolve(units, labels, count)
    # The blocks share identical edges: every sector is a coverage union, the same polygon.
    assert counting.calls == 0
    assert all(shapely.equals(united, expected))


def test_dissolve_of_overlapping_or_unmatched_units_is_the_full_union(monkeypatch):
    overlapping = [box(0, 0, 2, 2), box(1, 1, 3, 3)]
    # The tall box has no vertex at (1, 1), where its two neighbours meet.
    t_junction = [box(0, 0, 1, 2), box(1, 0, 2, 1), box(1, 1, 2, 2)]
    counting = CountingUnion()
    monkeypatch.setattr(shapely, "union_all", counting)
    united = dissolve(np.array(overlapping + t_junction, dtype=object), np.array([0, 0, 1, 1, 1]), 2)
    assert united[0].area == pytest.approx(7.0) and united[0].is_valid
    assert united[0].equals(counting.union_all(overlapping))
    assert united[1].equals(box(0, 0, 2, 2))
    assert counting.calls >= 1


def test_united_areas_count_an_overlap_once():
    united = united_areas([box(0, 0, 2, 2), box(1, 1, 3, 3), None])
    assert united.area == pytest.approx(7.0)
    assert united_areas([]) is None and united_areas(None) is None


def test_district_codes_and_the_district_of_a_sector():
    assert sector_codes(["North East", "North West", "Nord Ende"]) == ["NE1", "NW", "NE2"]
    districts = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10)], dtype=object)
    sectors = np.array([box(2, 0, 12, 10), box(30, 0, 31, 1)], dtype=object)
    names, shares = district_of_sectors(sectors, districts, ["West", "East"])
    assert names == ["West", None]
    assert shares.tolist() == pytest.approx([0.8, 0.0])
