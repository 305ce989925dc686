"""The sector log's tables, sector ids and neighbour lists (no QGIS)."""

import pytest

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.sector_log import (
    LOG,
    TARGET_GROUPS,
    checked_sector_ids,
    neighbour_list_texts,
    sector_id_text,
)


def test_sector_ids_are_trimmed_text():
    assert [sector_id_text(v) for v in (" NE-1 ", 12, 12.0, 1.5, "", "  ", None, float("nan"))] == [
        "NE-1",
        "12",
        "12",
        "1.5",
        None,
        None,
        None,
        None,
    ]


def test_missing_and_repeated_ids_are_refused():
    assert checked_sector_ids(["A", 2, "B "], "SECTORS", "beat") == ["A", "2", "B"]
    with pytest.raises(InputError, match=r"SECTORS: feature number 2 has no beat; give every sector an id"):
        checked_sector_ids(["A", " ", "B"], "SECTORS", "beat")
    with pytest.raises(InputError, match=r"SECTORS: beat B, 7 occurs more than once; .*dissolve"):
        checked_sector_ids(["B", "7", "B", 7.0, "C"], "SECTORS", "beat")


def test_neighbour_texts_from_positions_and_from_a_neighbours_field():
    ids, names, districts = ["S1", "S2", "S3"], ["One", "S2", None], ["West", "West", "East"]
    assert neighbour_list_texts(ids, names, districts, [[1, 2], [], [0]]) == [
        "S2 (West), S3 (East)",
        "–",
        "S1 One (West)",
    ]
    assert neighbour_list_texts(ids, names, districts, ["S2, S3", None, "S1,X9"]) == [
        "S2 (West), S3 (East)",
        "–",
        "S1 One (West), X9",
    ]


def test_the_log_has_the_handbook_fields_and_target_groups():
    assert [column.name for column in LOG.columns] == [
        "entry_date",
        "author",
        "target_group",
        "party_of_interest",
        "challenge",
        "action_taken",
        "status",
        "follow_up_date",
        "sector_id",
    ]
    assert [code for code, _ in TARGET_GROUPS][:6] == [
        "young_people_at_risk",
        "exposed_housing_residents",
        "business_owners",
        "schools_institutions",
        "elderly",
        "nightlife_guests",
    ]
