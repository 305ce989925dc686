"""The sector log's tables and sector ids (no QGIS)."""

import pytest

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.sector_log import LOG, TARGET_GROUPS, checked_sector_ids


def test_missing_and_repeated_ids_are_refused():
    assert checked_sector_ids(["A", 2, "B "], "SECTORS", "beat") == ["A", "2", "B"]
    with pytest.raises(InputError, match=r"SECTORS: feature number 2 has no beat; give every sector an id"):
        checked_sector_ids(["A", " ", "B"], "SECTORS", "beat")
    with pytest.raises(InputError, match=r"SECTORS: beat B, 7 occurs more than once; .*dissolve"):
        checked_sector_ids(["B", "7", "B", 7.0, "C"], "SECTORS", "beat")


def test_the_log_has_the_handbook_fields_and_target_groups():
    assert [column.name for column in LOG.columns] == [
        "entry_date",
        "author",
        "target_group",
        "party_of_interest",
        "entry",
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
