"""Crime-type mapping and date-time parsing shared by manning and the crime grid."""

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ypo_plugin.core.crime_types import (
    CRIME_TYPE_FIELDS,
    CRIME_TYPES,
    NO_TYPE,
    CrimeTypeMap,
    Period,
    normalise_key,
    parse_datetimes,
)
from ypo_plugin.core.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
CHICAGO_MAP = ROOT / "ypo_plugin" / "resources" / "crime_type_maps" / "chicago_primary_type.txt"
CHICAGO_DATA = ROOT.parent / "shared" / "data" / "chicago"


def test_six_types_in_contract_order():
    assert CRIME_TYPES == ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")
    assert CRIME_TYPE_FIELDS[0] == "crimes_violence" and CRIME_TYPE_FIELDS[-1] == "crimes_harassment"


def test_keys_ignore_case_spacing_dashes_and_danish_letters():
    assert normalise_key("  HÆRVÆRK ") == normalise_key("haervaerk") == "haervaerk"
    assert normalise_key("Break-In") == normalise_key("break_in") == normalise_key("break   in")
    assert normalise_key("Røveri") == "roeveri"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Vold", "violence"),
        ("simpel vold", "violence"),
        ("Røveri", "violence"),
        ("ASSAULT", "violence"),
        ("indbrud", "burglary"),
        ("Burglary", "burglary"),
        ("Tyveri", "theft"),
        ("cykeltyveri", "theft"),
        ("Shoplifting", "theft"),
        ("narkotika", "drugs"),
        ("Narcotics", "drugs"),
        ("hærværk", "vandalism"),
        ("HAERVAERK", "vandalism"),
        ("criminal_damage", "vandalism"),
        ("chikane", "harassment"),
        ("Stalking", "harassment"),
        ("theft", "theft"),
    ],
)
def test_default_map_knows_english_and_danish_names(value, expected):
    assert CrimeTypeMap.default().category(value) == expected


def test_classify_codes_unknown_other_and_missing():
    mapping = CrimeTypeMap.parse("fraud = other")
    values = ["Vold", "x", "tyveri", None, "", "X", "Fraud", "x", np.nan, "chikane"]
    result = mapping.classify(values)
    assert result.codes.tolist() == [0, NO_TYPE, 2, NO_TYPE, NO_TYPE, NO_TYPE, NO_TYPE, NO_TYPE, NO_TYPE, 5]
    # Unknown values are reported as written, most frequent first.
    assert result.unknown == {"x": 2, "X": 1}
    assert result.other == 1
    assert result.missing == 3


def test_classify_accepts_numpy_and_pandas():
    mapping = CrimeTypeMap.default()
    assert mapping.classify(np.array(["vold", "indbrud"], dtype=object)).codes.tolist() == [0, 1]
    assert mapping.classify(pd.Series(["narko", "hærværk"])).codes.tolist() == [3, 4]
    assert mapping.classify([]).codes.tolist() == []


def test_parse_entries_merge_over_defaults_and_win():
    mapping = CrimeTypeMap.parse("# Chicago\nROBBERY = theft; FOO=drugs\n\nbar = Other;")
    assert mapping.category("robbery") == "theft"  # default says violence; the entry wins
    assert mapping.category("foo") == "drugs"
    assert mapping.category("BAR") == "other"
    assert mapping.category("vold") == "violence"  # defaults kept


def test_parse_json_object():
    mapping = CrimeTypeMap.parse('{"A;B=C": "theft", "vold": "harassment"}')
    assert mapping.category("a;b=c") == "theft"
    assert mapping.category("Vold") == "harassment"


@pytest.mark.parametrize(
    "text, named",
    [
        ("BATTERY", "BATTERY"),
        ("=violence", "=violence"),
        ("BATTERY=violense", "violense"),
        ("{bad json", "JSON"),
        ('["theft"]', "JSON"),
    ],
)
def test_bad_mapping_text_names_the_entry(text, named):
    with pytest.raises(InputError, match=named.replace("[", r"\[")):
        CrimeTypeMap.parse(text)


def test_from_parameter_reads_inline_text_or_a_file(tmp_path):
    path = tmp_path / "map.txt"
    path.write_text("BATTERY = violence\nNARCOTICS = drugs\n", encoding="utf-8")
    assert CrimeTypeMap.from_parameter(str(path)).category("narcotics") == "drugs"
    assert CrimeTypeMap.from_parameter("ZZ=theft").category("zz") == "theft"
    assert CrimeTypeMap.from_parameter(None).categories == CrimeTypeMap.default().categories


def test_to_text_round_trips():
    mapping = CrimeTypeMap.parse("ZZ=other")
    assert CrimeTypeMap.parse(mapping.to_text(), base=CrimeTypeMap()).categories == mapping.categories


def test_chicago_example_map_decisions():
    mapping = CrimeTypeMap.load(str(CHICAGO_MAP))
    assert mapping.category("ROBBERY") == "violence"
    assert mapping.category("MOTOR VEHICLE THEFT") == "theft"
    assert mapping.category("CRIMINAL DAMAGE") == "vandalism"
    assert mapping.category("NARCOTICS") == "drugs"
    assert mapping.category("INTIMIDATION") == "harassment"
    assert mapping.category("DECEPTIVE PRACTICE") == "other"
    assert mapping.category("NON - CRIMINAL") == "other"


@pytest.mark.parametrize(
    "name, column",
    [
        ("crimes_2018-01-01_to_2018-01-26.csv", "Primary Type"),
        ("crimes_2023-11-06_to_2023-11-19.csv", "primary_description"),
    ],
)
def test_chicago_example_map_knows_every_primary_type(name, column):
    path = CHICAGO_DATA / name
    if not path.exists():
        pytest.skip("Chicago data not available")
    values = pd.read_csv(path, usecols=[column])[column]
    result = CrimeTypeMap.load(str(CHICAGO_MAP)).classify(values)
    assert result.unknown == {}
    assert result.missing == 0


def test_parse_iso_texts_offsets_ignored_and_failures_reported():
    values = [
        "2018-01-01",
        "2018-01-01T07:00",
        "2018-01-01 23:00:05",
        "2018-01-01T07:00:00+01:00",
        "2018-01-01T07:00Z",
        "20180101T0700",
        "2018-01-01 07:00-05",
        "2018-01-01T07:00+0100",
        "garbage",
        "2018-02-30",
        None,
        "  ",
        "garbage",
    ]
    result = parse_datetimes(values)
    expected = [
        "2018-01-01T00:00:00",
        "2018-01-01T07:00:00",
        "2018-01-01T23:00:05",
        "2018-01-01T07:00:00",
        "2018-01-01T07:00:00",
        "2018-01-01T07:00:00",
        "2018-01-01T07:00:00",
        "2018-01-01T07:00:00",
        "NaT",
        "NaT",
        "NaT",
        "NaT",
        "NaT",
    ]
    assert result.values.dtype == np.dtype("datetime64[s]")
    assert result.values.astype(str).tolist() == expected
    assert result.invalid == {"garbage": 2, "2018-02-30": 1}
    assert result.missing == 2


def test_parse_datetime_objects_and_arrays():
    aware = dt.datetime(2018, 1, 1, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    values = [
        dt.datetime(2018, 1, 1, 7),
        aware,
        dt.date(2018, 1, 2),
        np.datetime64("2018-01-03T05:00"),
        pd.Timestamp("2018-01-04 06:00"),
        42,
    ]
    result = parse_datetimes(values)
    assert result.values.astype(str).tolist() == [
        "2018-01-01T07:00:00",
        "2018-01-01T07:30:00",
        "2018-01-02T00:00:00",
        "2018-01-03T05:00:00",
        "2018-01-04T06:00:00",
        "NaT",
    ]
    assert result.invalid == {"42": 1}
    native = parse_datetimes(np.array(["2018-01-01T07", "NaT"], dtype="datetime64[m]"))
    assert native.values.astype(str).tolist() == ["2018-01-01T07:00:00", "NaT"]
    assert native.missing == 1


def test_parse_with_explicit_format():
    result = parse_datetimes(["01/02/2018 01:30:00 PM", "2018-01-02"], fmt="%m/%d/%Y %I:%M:%S %p")
    assert result.values.astype(str).tolist() == ["2018-01-02T13:30:00", "NaT"]
    assert result.invalid == {"2018-01-02": 1}


def test_period_end_date_alone_includes_that_day():
    period = Period.parse("2018-01-01", "2018-01-02")
    dates = parse_datetimes(
        ["2017-12-31T23:59:59", "2018-01-01", "2018-01-02T23:59:59", "2018-01-03", None]
    ).values
    assert period.contains(dates).tolist() == [False, True, True, False, False]
    assert period.days() == 2.0


def test_period_with_times_is_half_open():
    period = Period.parse("2018-01-01T07:00", "2018-01-01T23:00")
    dates = parse_datetimes(["2018-01-01T07:00", "2018-01-01T22:59:59", "2018-01-01T23:00"]).values
    assert period.contains(dates).tolist() == [True, True, False]
    assert period.days() == pytest.approx(16 / 24)


def test_open_period_contains_everything_even_undated():
    dates = parse_datetimes(["2018-01-01", None]).values
    assert Period.parse(None, "").contains(dates).tolist() == [True, True]
    assert Period.parse(dt.date(2018, 1, 1)).contains(dates).tolist() == [True, False]
    assert Period().days() is None


def test_bad_period_is_an_input_error():
    with pytest.raises(InputError, match="PERIOD_END 'soon'"):
        Period.parse("2018-01-01", "soon")
    with pytest.raises(InputError, match="must be before"):
        Period.parse("2018-02-01", "2018-01-01")
