"""Incident dates and times of day as exports write them: every expected value worked out by hand."""

import datetime as dt

import numpy as np
import pytest
import shapely

from ypo_plugin.core.crime_grid import (
    BAND_UNKNOWN,
    TIME_BANDS,
    CrimeGridInput,
    compute_crime_grid,
    time_parts,
)
from ypo_plugin.core.crime_types import IncidentSource, parse_datetimes
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.manning import CrimeInput, SectorInput, compute_manning

NAMED = IncidentSource("export", "Date", "Time")
STRICT = IncidentSource("export", "Date", "Time", max_unreadable=0.01)


def texts(parsed):
    return parsed.values.astype(str).tolist()


# --- date text without DATE_FORMAT -------------------------------------------------------------


def test_us_dates_with_a_12_hour_clock():
    parsed = parse_datetimes(
        [
            "01/13/2018 12:00:00 AM",  # midnight
            "01/13/2018 12:30:00 PM",  # half past noon
            "01/13/2018 01:05:09 PM",
            "1/2/2018 11:59 pm",
            "01/02/2018",  # a date alone
        ]
    )
    assert texts(parsed) == [
        "2018-01-13T00:00:00",
        "2018-01-13T12:30:00",
        "2018-01-13T13:05:09",
        "2018-01-02T23:59:00",
        "2018-01-02T00:00:00",
    ]
    assert parsed.timed.tolist() == [True, True, True, True, False]
    assert parsed.invalid == {} and parsed.missing == 0


def test_day_first_dates_with_dots_dashes_and_slashes():
    assert texts(parse_datetimes(["31.12.2017 23:59", "01.02.2018"])) == [
        "2017-12-31T23:59:00",
        "2018-02-01T00:00:00",  # 1 February: the 31 proves day first
    ]
    assert texts(parse_datetimes(["13-01-2018 07:00", "02-03-2018"])) == [
        "2018-01-13T07:00:00",
        "2018-03-02T00:00:00",
    ]
    assert texts(parse_datetimes(["25/12/2017", "06/07/2018 18:45:30"])) == [
        "2017-12-25T00:00:00",
        "2018-07-06T18:45:30",
    ]


def test_dotted_dates_without_proof_are_day_first():
    assert texts(parse_datetimes(["01.02.2018", "03.04.2018"])) == [
        "2018-02-01T00:00:00",
        "2018-04-03T00:00:00",
    ]


def test_equal_day_and_month_need_no_proof():
    assert texts(parse_datetimes(["01/01/2018", "02/02/2018 10:00"])) == [
        "2018-01-01T00:00:00",
        "2018-02-02T10:00:00",
    ]


@pytest.mark.parametrize("values", [["01/02/2018", "03/04/2018"], ["01-02-2018 10:00", "12-11-2018"]])
def test_slash_and_dash_dates_without_proof_are_refused(values):
    with pytest.raises(InputError, match=r"CRIMES \(export\), DATE_FIELD 'Date': the dates .*DATE_FORMAT"):
        parse_datetimes(values, source=NAMED)


def test_proof_of_both_orders_is_refused():
    with pytest.raises(
        InputError, match=r"day first \(e.g. '31/01/2018'\) and some month first \(e.g. '01/31/2018'\)"
    ):
        parse_datetimes(["31/01/2018", "01/31/2018"], source=NAMED)


def test_date_format_settles_the_order():
    parsed = parse_datetimes(["01/02/2018", "03/04/2018 07:15"], fmt="%d/%m/%Y")
    assert texts(parsed) == ["2018-02-01T00:00:00", "NaT"]  # the format has no time: the second is unreadable
    assert parsed.timed.tolist() == [False, False]
    parsed = parse_datetimes(["01/02/2018 07:15"], fmt="%m/%d/%Y %H:%M")
    assert texts(parsed) == ["2018-01-02T07:15:00"] and parsed.timed.tolist() == [True]


def test_iso_dates_keep_their_time_or_have_none():
    parsed = parse_datetimes(
        ["2023-11-06T00:00:00.000", "2023-11-06", "2023-11-06 23:10+01:00", "2023-11-06T07"]
    )
    assert texts(parsed) == [
        "2023-11-06T00:00:00",
        "2023-11-06T00:00:00",
        "2023-11-06T23:10:00",
        "2023-11-06T07:00:00",
    ]
    assert parsed.timed.tolist() == [True, False, True, True]


def test_impossible_dates_and_times_are_unreadable():
    parsed = parse_datetimes(
        ["02/30/2018", "01/31/2018 24:00", "01/31/2018 13:00 PM", "01/31/2018 noon", "x"]
    )
    assert texts(parsed) == ["NaT"] * 5
    assert sum(parsed.invalid.values()) == 5


def test_date_fields_and_objects():
    days = np.array(["2018-01-05", "NaT"], dtype="datetime64[D]")  # a date field: no time of day
    parsed = parse_datetimes(days)
    assert parsed.timed.tolist() == [False, False] and parsed.missing == 1
    stamps = np.array(["2018-01-05T00:00"], dtype="datetime64[s]")  # a date/time field at midnight
    assert parse_datetimes(stamps).timed.tolist() == [True]
    objects = parse_datetimes([dt.date(2018, 1, 5), dt.datetime(2018, 1, 5, 8)])
    assert objects.timed.tolist() == [False, True]


# --- a separate time field ---------------------------------------------------------------------


def test_text_times_replace_the_dates_own_time():
    parsed = parse_datetimes(
        ["01/31/2018 12:00:00 AM"] * 5 + ["01/31/2018"],
        times=["07:30", "7:05:09 PM", "23.15", "", None, "12:00 AM"],
    )
    assert texts(parsed) == [
        "2018-01-31T07:30:00",
        "2018-01-31T19:05:09",
        "2018-01-31T23:15:00",
        "2018-01-31T00:00:00",  # empty time: no time of day, whatever the date said
        "2018-01-31T00:00:00",
        "2018-01-31T00:00:00",
    ]
    assert parsed.timed.tolist() == [True, True, True, False, False, True]


def test_hhmm_numbers_proved_by_a_value_above_1439():
    parsed = parse_datetimes(["2018-01-31"] * 3, times=[730, 1545, 5])
    assert texts(parsed) == ["2018-01-31T07:30:00", "2018-01-31T15:45:00", "2018-01-31T00:05:00"]
    assert parsed.warnings == ()


def test_minute_numbers_proved_by_last_digits_above_59():
    parsed = parse_datetimes(["2018-01-31"] * 3, times=np.array([90, 730, 1439]))
    assert texts(parsed) == ["2018-01-31T01:30:00", "2018-01-31T12:10:00", "2018-01-31T23:59:00"]


def test_numbers_without_proof_are_hhmm_with_a_warning():
    parsed = parse_datetimes(["2018-01-31"] * 2, times=["0730", "1200"], source=NAMED)
    assert texts(parsed) == ["2018-01-31T07:30:00", "2018-01-31T12:00:00"]
    assert (
        len(parsed.warnings) == 1
        and "TIME_FIELD 'Time': numbers such as 730 are read as HHMM" in parsed.warnings[0]
    )


def test_numbers_proving_both_readings_are_refused():
    with pytest.raises(
        InputError, match=r"TIME_FIELD 'Time': the numbers are neither all HHMM nor all minutes"
    ):
        parse_datetimes(["2018-01-31"] * 2, times=[1545, 90], source=NAMED)


def test_time_values():
    parsed = parse_datetimes(
        ["2018-01-31"] * 4,
        times=[dt.time(6, 59, 59), np.timedelta64(15 * 3600, "s"), dt.datetime(1899, 12, 30, 23), "25:00"],
    )
    assert texts(parsed) == [
        "2018-01-31T06:59:59",
        "2018-01-31T15:00:00",
        "2018-01-31T23:00:00",
        "2018-01-31T00:00:00",
    ]
    assert parsed.timed.tolist() == [True, True, True, False]
    assert parsed.invalid_times == {"25:00": 1}


# --- the 1 % limit --------------------------------------------------------------------------------


def test_more_than_one_percent_unreadable_dates_stop():
    values = ["01/31/2018"] * 97 + ["13/13/2018", "soon", "02/30/2018", None, ""]  # 3 of 100 non-empty
    with pytest.raises(InputError) as error:
        parse_datetimes(values, source=STRICT)
    message = str(error.value)
    assert message.startswith(
        "CRIMES (export), DATE_FIELD 'Date': 3 of 100 values (3.0%) cannot be read as dates"
    )
    assert "'13/13/2018', 'soon', '02/30/2018'" in message and "DATE_FORMAT" in message


def test_one_percent_unreadable_is_a_warning():
    parsed = parse_datetimes(["01/31/2018"] * 99 + ["soon"], source=STRICT)
    assert parsed.invalid == {"soon": 1}
    assert parsed.warnings == (
        "CRIMES (export), DATE_FIELD 'Date': 1 values cannot be read as dates; those incidents count "
        "without a date, e.g. 'soon' (1).",
    )


def test_a_wrong_date_format_is_named():
    with pytest.raises(InputError, match=r"Check DATE_FORMAT '%d/%m/%Y' against these values"):
        parse_datetimes(["2018-01-31"] * 10, fmt="%d/%m/%Y", source=STRICT)


def test_more_than_one_percent_unreadable_times_stop():
    with pytest.raises(InputError, match=r"TIME_FIELD 'Time': 2 of 10 values \(20.0%\) .*'later', '99:99'"):
        parse_datetimes(["2018-01-31"] * 10, times=["10:00"] * 8 + ["later", "99:99"], source=STRICT)


# --- bands ---------------------------------------------------------------------------------


def test_without_a_time_of_day_no_band_but_a_weekday():
    values = np.array(["2026-01-10T23:30", "2026-01-10", "NaT"], dtype="datetime64[s]")  # a Saturday
    parts = time_parts(values, np.array([True, False, False]))
    assert [TIME_BANDS[b] if b >= 0 else None for b in parts.band] == ["band_23_07", None, None]
    assert parts.hour.tolist() == [23, -1, -1]
    assert parts.day.tolist() == [5, 5, -1]


def test_grid_cells_count_band_unknown():
    dates = ["2026-01-05T08:00", "2026-01-05", "2026-01-10", None, "2026-01-05"]  # Monday, Saturday
    result = compute_crime_grid(
        ["S"],
        np.array([shapely.box(0, 0, 100, 100)]),
        CrimeGridInput(np.full((5, 2), 10.0), ["theft"] * 5, dates),
    )
    cell = result.cells.iloc[0]
    assert [cell[b] for b in TIME_BANDS] + [cell[BAND_UNKNOWN]] == [1, 0, 0, 4]
    assert (cell.weekday, cell.weekend, cell.crimes_total) == (3, 1, 5)
    assert result.sectors[BAND_UNKNOWN].tolist() == [4]
    assert result.crimes_without_time == 3 and result.crimes_undated == 1
    assert result.time_table.crimes.sum() == 1


def test_grid_takes_the_time_field():
    result = compute_crime_grid(
        ["S"],
        np.array([shapely.box(0, 0, 100, 100)]),
        CrimeGridInput(
            np.full((3, 2), 10.0), ["theft"] * 3, ["31.01.2018"] * 3, times=["06:59", "15:00", ""]
        ),
    )
    cell = result.cells.iloc[0]
    assert [cell[b] for b in TIME_BANDS] + [cell[BAND_UNKNOWN]] == [0, 1, 1, 1]


# --- manning ---------------------------------------------------------------------------------


def test_manning_with_an_empty_crime_layer_warns():
    sectors = SectorInput(["A"], np.array([shapely.box(0, 0, 1000, 1000)]))
    result = compute_manning(sectors, crimes=CrimeInput(np.empty((0, 2)), [], []))
    assert result.sectors.crimes_total.tolist() == [0]
    assert any(w.startswith("CRIMES has no incidents: every sector has 0 crime") for w in result.warnings)
    without_layer = compute_manning(sectors)  # no layer at all is not an empty layer
    assert not any("has no incidents" in w for w in without_layer.warnings)


# --- hour charts -------------------------------------------------------------------------------


def test_hour_charts_say_how_many_incidents_lack_a_time(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    from ypo_plugin.core import crime_charts, publication_charts

    dates = ["2026-01-05T08:00", "2026-01-05T16:00", "2026-01-06T23:30", "2026-01-07", "2026-01-08"]
    result = compute_crime_grid(
        ["S"],
        np.array([shapely.box(0, 0, 100, 100)]),
        CrimeGridInput(np.full((5, 2), 10.0), ["theft"] * 5, dates),
    )
    # Text as text (not as paths) in the SVG, to read it back.
    monkeypatch.setitem(crime_charts._RC, "svg.fonttype", "none")
    monkeypatch.setitem(publication_charts._RC, "svg.fonttype", "none")
    crime_charts.write_sector_charts(result, tmp_path / "grid")
    svg = (tmp_path / "grid" / "S_hours.svg").read_text(encoding="utf-8")
    assert "3 crimes with a time; 2 without a time of day (not shown)" in svg
    publication_charts.write_page_charts(result, tmp_path / "maps")
    svg = (tmp_path / "maps" / "S_page_hours.svg").read_text(encoding="utf-8")
    assert "(3)" in svg and "+2 uden klokkeslæt / without a time of day" in svg

    timed_only = compute_crime_grid(
        ["S"],
        np.array([shapely.box(0, 0, 100, 100)]),
        CrimeGridInput(np.full((3, 2), 10.0), ["theft"] * 3, dates[:3]),
    )
    crime_charts.write_sector_charts(timed_only, tmp_path / "timed")
    assert "without a time" not in (tmp_path / "timed" / "S_hours.svg").read_text(encoding="utf-8")
