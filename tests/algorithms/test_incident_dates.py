"""Incident dates and times as real exports write them (issue 11): Chicago's US-order 12-hour
dates, its ISO dates, a date and a time in two text columns, a date alone and day-first dates,
all through ypo:crimegrid, against an independent parse with Python's csv and strptime."""

import csv
import datetime as dt
import json
from collections import Counter

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from ..conftest import SHARED_DATA, Recorder

CHICAGO = SHARED_DATA / "chicago"
CRIMES_2018 = CHICAGO / "crimes_2018-01-01_to_2018-01-26.csv"
CRIMES_2023 = CHICAGO / "crimes_2023-11-06_to_2023-11-19.csv"
needs_chicago = pytest.mark.skipif(not CRIMES_2018.exists(), reason="needs ../shared/data/chicago")

BANDS = ("band_07_15", "band_15_23", "band_23_07")
# One sector well around every located Chicago incident (lon −87.93…−87.52, lat 41.64…42.03).
CHICAGO_RING = [[-88, 41.6], [-87.4, 41.6], [-87.4, 42.1], [-88, 42.1], [-88, 41.6]]
CHICAGO_BOX = "POLYGON((" + ", ".join(f"{x} {y}" for x, y in CHICAGO_RING) + "))"


# --- the independent side: csv + strptime ------------------------------------------------------


def read_incidents(path, date_column, date_format, lat="Latitude", lon="Longitude"):
    """Every row of an export as (datetime, located?), parsed with datetime.strptime."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [
            (dt.datetime.strptime(row[date_column], date_format), bool(row[lat] and row[lon]), row)
            for row in csv.DictReader(handle)
        ]


def expected_counts(incidents, with_time=True):
    """Band, weekday/weekend and ISO weekday counts of the located incidents, worked out by hand
    from the hour: [07, 15) → band_07_15, [15, 23) → band_15_23, else band_23_07."""
    located = [when for when, has_location, _ in incidents if has_location]
    bands = Counter()
    for when in located:
        if not with_time:
            bands["band_unknown"] += 1
        elif 7 <= when.hour < 15:
            bands["band_07_15"] += 1
        elif 15 <= when.hour < 23:
            bands["band_15_23"] += 1
        else:
            bands["band_23_07"] += 1
    return {
        **{name: bands[name] for name in (*BANDS, "band_unknown")},
        "weekday": sum(when.weekday() < 5 for when in located),
        "weekend": sum(when.weekday() >= 5 for when in located),
        "per_weekday": dict(sorted(Counter(when.isoweekday() for when in located).items()))
        if with_time
        else {},
        "located": len(located),
        "input": len(incidents),
    }


def write_copy(path, incidents, columns):
    """A CSV with the columns ``{name: function(datetime) -> text}``, the crime type and the
    location of every incident."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*columns, "Primary Type", "Latitude", "Longitude"])
        for when, _, row in incidents:
            texts = [make(when) for make in columns.values()]
            writer.writerow([*texts, row["Primary Type"], row["Latitude"], row["Longitude"]])
    return path


# --- the plugin side ------------------------------------------------------------------------


def csv_uri(path, lon="Longitude", lat="Latitude"):
    """A delimited-text point layer with every field as text."""
    return f"file://{path}?delimiter=,&xField={lon}&yField={lat}&crs=EPSG:4326&detectTypes=no"


def csv_layer(path, **names):
    layer = QgsVectorLayer(csv_uri(path, **names), path.stem, "delimitedtext")
    assert layer.isValid(), path
    return layer


def chicago_sector(wkt=CHICAGO_BOX):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=sector_id:string", "sectors", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    feature.setAttributes(["Chicago"])
    assert layer.dataProvider().addFeatures([feature])
    return layer


def sector_file(folder):
    """The Chicago sector as a GeoJSON file, for qgis_process."""
    path = folder / "sector.geojson"
    feature = {"type": "Feature", "properties": {"sector_id": "Chicago"}}
    feature["geometry"] = {"type": "Polygon", "coordinates": [CHICAGO_RING]}
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path


def run_grid(run_algorithm, crimes, feedback=None, sector=CHICAGO_BOX, **extra):
    parameters = {
        "SECTORS": chicago_sector(sector),
        "SECTOR_ID_FIELD": "sector_id",
        "CRIMES": crimes,
        "CRIME_TYPE_FIELD": "Primary Type",
        "DATE_FIELD": "Date",
        "CELL_SIZE": 5000,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_TIME_TABLE": "TEMPORARY_OUTPUT",
        **extra,
    }
    results, context = run_algorithm("ypo:crimegrid", parameters, feedback)
    cells, table = (output_layer(results[name], context) for name in ("OUTPUT", "OUTPUT_TIME_TABLE"))
    return results, cells, table


def output_layer(value, context):
    layer = (
        value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, context)
    )
    assert layer is not None and layer.isValid()
    return layer


def totals(cells, *names):
    return tuple(sum(f[name] for f in cells.getFeatures()) for name in names)


def grid_counts(results, cells, time_table):
    """The same figures as :func:`expected_counts`, summed over the grid's cells and time table."""
    sums = {name: sum(f[name] for f in cells.getFeatures()) for name in (*BANDS, "band_unknown")}
    sums["weekday"] = sum(f["weekday"] for f in cells.getFeatures())
    sums["weekend"] = sum(f["weekend"] for f in cells.getFeatures())
    per_weekday = Counter()
    for row in time_table.getFeatures():
        per_weekday[row["weekday"]] += row["crimes"]
    sums["per_weekday"] = {day: count for day, count in sorted(per_weekday.items()) if count}
    sums["located"] = sum(f["crimes_total"] for f in cells.getFeatures())
    # Nothing lost: every incident is in a cell or counted outside (here: without a location).
    sums["input"] = sums["located"] + results["CRIMES_OUTSIDE"]
    assert results["CRIMES_IN_PERIOD"] == sums["input"]
    return sums


@pytest.fixture(scope="module")
def chicago_2018():
    if not CRIMES_2018.exists():
        pytest.skip("needs ../shared/data/chicago")
    return read_incidents(CRIMES_2018, "Date", "%m/%d/%Y %I:%M:%S %p")


# --- Chicago 2018: US order, 12-hour clock ---------------------------------------------------


@needs_chicago
def test_chicago_2018_us_dates_match_an_independent_parse(run_algorithm, chicago_2018):
    expected = expected_counts(chicago_2018)
    assert expected["input"] == 16_973 and expected["located"] == 16_973 - 159  # as the README says
    assert expected["band_unknown"] == 0 and sum(expected[b] for b in BANDS) == expected["located"]
    feedback = Recorder()
    results, cells, time_table = run_grid(run_algorithm, csv_layer(CRIMES_2018), feedback)  # no DATE_FORMAT
    assert grid_counts(results, cells, time_table) == expected
    assert not any("cannot be read" in w for w in feedback.warnings)


@needs_chicago
def test_chicago_2018_date_and_time_in_two_columns_through_time_field(run_algorithm, chicago_2018, tmp_path):
    split = write_copy(
        tmp_path / "split.csv",
        chicago_2018,
        {"Date": lambda when: when.strftime("%m/%d/%Y"), "Time": lambda when: when.strftime("%H:%M")},
    )
    results, cells, time_table = run_grid(run_algorithm, csv_layer(split), TIME_FIELD="Time")
    assert grid_counts(results, cells, time_table) == expected_counts(chicago_2018)


@needs_chicago
def test_chicago_2018_date_with_a_placeholder_midnight_and_a_separate_12_hour_time(
    run_algorithm, chicago_2018, tmp_path
):
    # The time field wins over the date's own (placeholder) time.
    split = write_copy(
        tmp_path / "split12.csv",
        chicago_2018,
        {
            "Date": lambda when: when.strftime("%m/%d/%Y 12:00:00 AM"),
            "Time": lambda when: when.strftime("%I:%M %p"),
        },
    )
    results, cells, time_table = run_grid(run_algorithm, csv_layer(split), TIME_FIELD="Time")
    assert grid_counts(results, cells, time_table) == expected_counts(chicago_2018)


@needs_chicago
def test_chicago_2018_dates_alone_are_all_in_band_unknown(run_algorithm, chicago_2018, tmp_path):
    dates_only = write_copy(tmp_path / "dates.csv", chicago_2018, {"Date": lambda w: w.strftime("%m/%d/%Y")})
    feedback = Recorder()
    results, cells, time_table = run_grid(run_algorithm, csv_layer(dates_only), feedback)
    expected = expected_counts(chicago_2018, with_time=False)
    assert expected["band_unknown"] == 16_814 and all(expected[b] == 0 for b in BANDS)
    assert grid_counts(results, cells, time_table) == expected
    assert any("16814 incidents have a date but no time of day" in w for w in feedback.warnings)


@needs_chicago
def test_chicago_2018_day_first_copy_is_read_without_date_format(run_algorithm, chicago_2018, tmp_path):
    day_first = write_copy(
        tmp_path / "day_first.csv", chicago_2018, {"Date": lambda when: when.strftime("%d.%m.%Y %H:%M:%S")}
    )
    results, cells, time_table = run_grid(run_algorithm, csv_layer(day_first))
    assert grid_counts(results, cells, time_table) == expected_counts(chicago_2018)


# --- Chicago 2023: ISO, through qgis_process ---------------------------------------------------


@needs_chicago
def test_chicago_2023_iso_dates_through_qgis_process(qgis_process, tmp_path):
    incidents = read_incidents(
        CRIMES_2023, "date_of_occurrence", "%Y-%m-%dT%H:%M:%S.%f", lat="latitude", lon="longitude"
    )
    expected = expected_counts(incidents)
    assert expected["input"] == 9_939 and expected["located"] == 9_936
    sectors = sector_file(tmp_path)
    output, table = tmp_path / "grid.gpkg", tmp_path / "time.gpkg"
    results = qgis_process.run(
        "ypo:crimegrid",
        SECTORS=sectors,
        SECTOR_ID_FIELD="sector_id",
        CRIMES="delimitedtext://" + csv_uri(CRIMES_2023, lon="longitude", lat="latitude"),
        CRIME_TYPE_FIELD="primary_description",
        DATE_FIELD="date_of_occurrence",
        CELL_SIZE=5000,
        OUTPUT=output,
        OUTPUT_TIME_TABLE=table,
    )["results"]
    cells = QgsVectorLayer(str(output), "cells", "ogr")
    times = QgsVectorLayer(str(table), "times", "ogr")
    assert grid_counts(results, cells, times) == expected


# --- messages -----------------------------------------------------------------------------


def incidents_layer(dates, times=None):
    """Memory points of text dates (and times) inside the Chicago box."""
    fields = "field=Primary Type:string&field=Date:string&field=Time:string"
    layer = QgsVectorLayer(f"Point?crs=EPSG:4326&{fields}", "my_incidents", "memory")
    features = []
    for number, date in enumerate(dates):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(-87.7 + number * 1e-5, 41.9)))
        feature.setAttributes(["THEFT", date, times[number] if times else None])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def test_more_than_one_percent_unreadable_dates_stop_the_run(run_algorithm):
    # 97 readable, 3 unreadable: 3 % > 1 %.
    dates = ["01/31/2018 11:30 PM"] * 97 + ["31/31/2018", "yesterday", "2018-13-01"]
    with pytest.raises(QgsProcessingException) as error:
        run_grid(run_algorithm, incidents_layer(dates))
    message = str(error.value)
    assert "CRIMES (my_incidents), DATE_FIELD 'Date': 3 of 100 values (3.0%) cannot be read" in message
    for value in ("'31/31/2018'", "'yesterday'", "'2018-13-01'", "DATE_FORMAT"):
        assert value in message


def test_one_percent_unreadable_is_reported_and_counted_without_a_date(run_algorithm):
    dates = ["01/31/2018 11:30 PM"] * 99 + ["yesterday"]
    feedback = Recorder()
    results, cells, _ = run_grid(run_algorithm, incidents_layer(dates), feedback)
    assert results["CRIMES_IN_PERIOD"] == 100
    assert totals(cells, "crimes_total", "band_23_07", "band_unknown") == (100, 99, 1)
    assert any("'yesterday' (1)" in w for w in feedback.warnings)


def test_ambiguous_day_and_month_ask_for_date_format(run_algorithm):
    with pytest.raises(QgsProcessingException) as error:
        run_grid(run_algorithm, incidents_layer(["01/02/2018", "03/04/2018", "05/05/2018"]))
    message = str(error.value)
    assert "CRIMES (my_incidents), DATE_FIELD 'Date'" in message
    assert "could be day/month/year or month/day/year" in message
    assert "%d/%m/%Y" in message and "%m/%d/%Y" in message
    # Told which, they are read: 1 February and 3 April 2018 (Thursday, Tuesday), 5 May (Saturday).
    results, cells, _ = run_grid(
        run_algorithm, incidents_layer(["01/02/2018", "03/04/2018", "05/05/2018"]), DATE_FORMAT="%d/%m/%Y"
    )
    assert totals(cells, "weekday", "weekend", "band_unknown") == (2, 1, 3)


def test_unreadable_times_stop_the_run(run_algorithm):
    dates = ["2018-01-31"] * 50
    times = ["07:30"] * 48 + ["25:00", "soon"]
    with pytest.raises(QgsProcessingException, match=r"TIME_FIELD 'Time': 2 of 50 .*'25:00', 'soon'"):
        run_grid(run_algorithm, incidents_layer(dates, times), TIME_FIELD="Time")


def test_time_field_without_date_field_is_refused(run_algorithm):
    with pytest.raises(QgsProcessingException, match="TIME_FIELD 'Time' gives only the time of day"):
        run_algorithm(
            "ypo:computemanning",
            {
                "SECTORS": chicago_sector(),
                "SECTOR_ID_FIELD": "sector_id",
                "CRIMES": incidents_layer(["2018-01-31"]),
                "CRIME_TYPE_FIELD": "Primary Type",
                "TIME_FIELD": "Time",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )


def test_ambiguous_dates_through_qgis_process_end_without_a_traceback(qgis_process, tmp_path):
    path = tmp_path / "ambiguous.csv"
    path.write_text(
        "Primary Type,Date,Latitude,Longitude\nTHEFT,01/02/2018,41.9,-87.7\nTHEFT,03/04/2018,41.9,-87.7\n"
    )
    sectors = sector_file(tmp_path)
    result = qgis_process(
        "run",
        "ypo:crimegrid",
        "--",
        f"SECTORS={sectors}",
        f"CRIMES=delimitedtext://{csv_uri(path)}",
        "CRIME_TYPE_FIELD=Primary Type",
        "DATE_FIELD=Date",
        "CELL_SIZE=5000",
        f"OUTPUT={tmp_path / 'grid.gpkg'}",
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "could be day/month/year or month/day/year" in output and "DATE_FORMAT" in output
    assert "Traceback" not in output


# --- date and time fields ------------------------------------------------------------------------

COPENHAGEN_BOX = "POLYGON((12.4 55.6, 12.7 55.6, 12.7 55.8, 12.4 55.8, 12.4 55.6))"


def test_a_date_field_and_a_time_field(run_algorithm, tmp_path):
    # GeoJSON: OGR reads "2018-01-31" as a date field and "07:30:00" as a time field (GDAL reader).
    features = [
        {"crime_type": "theft", "day": "2018-01-31", "clock": "07:30:00"},  # Wednesday, band_07_15
        {"crime_type": "theft", "day": "2018-02-03", "clock": "23:15:00"},  # Saturday, band_23_07
        {"crime_type": "theft", "day": "2018-02-03", "clock": None},  # Saturday, no time
    ]
    path = tmp_path / "incidents.geojson"
    point = {"type": "Point", "coordinates": [12.5, 55.7]}
    collection = [{"type": "Feature", "properties": p, "geometry": point} for p in features]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": collection}))
    layer = QgsVectorLayer(str(path), "incidents", "ogr")
    assert [layer.fields().field(n).typeName() for n in ("day", "clock")] == ["Date", "Time"]
    names = ("band_07_15", "band_15_23", "band_23_07", "band_unknown", "weekday", "weekend")
    common = {"sector": COPENHAGEN_BOX, "CRIME_TYPE_FIELD": "crime_type", "DATE_FIELD": "day"}
    # A date field alone has no time of day.
    _, cells, _ = run_grid(run_algorithm, layer, **common)
    assert totals(cells, *names) == (0, 0, 0, 3, 1, 2)
    _, cells, _ = run_grid(run_algorithm, layer, TIME_FIELD="clock", **common)
    assert totals(cells, *names) == (1, 0, 1, 1, 1, 2)
    # The same through QGIS features (a memory copy: QTime values).
    memory = QgsVectorLayer(
        "Point?crs=EPSG:4326&field=crime_type:string&field=day:date&field=clock:time", "m", "memory"
    )
    copies = []
    for feature in layer.getFeatures():
        copy = QgsFeature(memory.fields())
        copy.setGeometry(feature.geometry())
        copy.setAttributes(feature.attributes())
        copies.append(copy)
    assert memory.dataProvider().addFeatures(copies)
    _, cells, _ = run_grid(run_algorithm, memory, TIME_FIELD="clock", **common)
    assert totals(cells, *names) == (1, 0, 1, 1, 1, 2)


def test_every_incident_reading_algorithm_explains_the_date_and_time_fields(ypo_provider):
    for name in ("crimegrid", "computemanning", "exportsectormaps"):
        text = ypo_provider.algorithm(name).shortHelpString()
        for phrase in ("Time of day field", "MM/DD/YYYY", "DD.MM.YYYY", "band_unknown", "more than 1%"):
            assert phrase in text, (name, phrase)
        assert text.index("Date field") < text.index("Time of day field") < text.index("Date format")
