"""The one value coercion: Python/numpy values into QGIS attributes and back."""

import datetime

import numpy as np
import pandas as pd
from qgis.core import NULL, QgsFeature, QgsFields
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, QTime

from ypo_plugin.core.messages import tr
from ypo_plugin.qgis_compat import new_field
from ypo_plugin.qgis_io.values import (
    date_column,
    object_column,
    python_column,
    python_value,
    qt_column,
    qt_value,
    whole_as_int,
)


def test_qt_value_unwraps_numpy_and_nulls_nan_and_nat():
    assert qt_value(np.int64(7)) == 7 and type(qt_value(np.int64(7))) is int
    assert qt_value(np.float64(2.5)) == 2.5 and type(qt_value(np.float64(2.5))) is float
    assert qt_value(np.bool_(True)) is True
    assert qt_value(float("nan")) is None
    assert qt_value(np.float64("nan")) is None
    assert qt_value(pd.NaT) is None
    assert qt_value(None) is None
    assert qt_value(pd.NA) is None  # a missing survey answer in an Int64 column
    assert qt_value("NE-01") == "NE-01"


def test_qt_value_turns_timestamps_into_qdatetime_to_the_millisecond():
    value = qt_value(pd.Timestamp("2026-07-01T23:05:07.123456"))
    assert value == QDateTime(QDate(2026, 7, 1), QTime(23, 5, 7, 123))


def test_qt_value_gives_numbers_the_fields_kind():
    assert type(qt_value(3.0, QMetaType.Type.Int)) is int
    assert qt_value(3.0, QMetaType.Type.LongLong) == 3
    assert type(qt_value(np.int32(4), QMetaType.Type.Double)) is float
    assert qt_value(np.int32(4), QMetaType.Type.Double) == 4.0
    assert qt_value(float("nan"), QMetaType.Type.Int) is None
    assert qt_value(True, QMetaType.Type.Int) is True  # a bool is no number to convert
    assert qt_value(5, QMetaType.Type.QString) == 5  # text fields take what they are given


def test_python_value_of_qgis_attributes():
    assert python_value(NULL) is None
    assert python_value(None) is None
    assert python_value(QDateTime(QDate(2026, 7, 1), QTime(7, 0, 0, 250))) == pd.Timestamp(
        "2026-07-01T07:00:00.250"
    )
    assert python_value(QDate(2026, 7, 1)) == pd.Timestamp("2026-07-01")
    assert python_value(QTime(23, 5, 7)) == datetime.time(23, 5, 7)
    assert python_value(QTime()) is None
    assert python_value(QDate()) is None
    assert python_value(12) == 12
    assert python_value("x") == "x"


def test_whole_as_int():
    assert whole_as_int(3.0) == 3 and type(whole_as_int(3.0)) is int
    assert whole_as_int(3.5) == 3.5
    assert whole_as_int("3") == "3"


def test_columns():
    assert object_column([NULL, "a", 2]).tolist() == [None, "a", 2]
    dates = date_column(
        [QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5)), QDate(2026, 1, 3), NULL, "2026-01-04T10:00"]
    )
    assert dates.dtype == np.dtype("datetime64[s]")
    assert dates[0] == np.datetime64("2026-01-02T03:04:05")
    assert dates[1] == np.datetime64("2026-01-03T00:00:00")
    assert np.isnat(dates[2])
    assert dates[3] == np.datetime64("2026-01-04T10:00:00")


def test_a_core_message_is_stored_as_plain_text():
    """QGIS cannot convert a str subclass into a field value ("Could not convert value")."""
    message = tr("Sector {sector} is in two parts.", sector="NE-01")
    assert type(qt_value(message)) is str and qt_value(message) == "Sector NE-01 is in two parts."
    fields = QgsFields()
    fields.append(new_field("message", QMetaType.Type.QString))
    feature = QgsFeature(fields)
    feature.setAttributes([qt_value(message)])
    assert feature["message"] == "Sector NE-01 is in two parts."


def test_qt_column_converts_what_qt_value_converts():
    message = tr("Sector {sector} is in two parts.", sector="NE-01")
    values = [None, "a", message, True, 3, 2.5, 3.0, float("nan"), np.int64(4), np.float64(1.5), pd.NaT]
    as_double = qt_column(values, QMetaType.Type.Double)
    assert as_double == [
        None,
        "a",
        "Sector NE-01 is in two parts.",
        True,
        3.0,
        2.5,
        3.0,
        None,
        4.0,
        1.5,
        None,
    ]
    assert [type(value) for value in as_double[2:7]] == [str, bool, float, float, float]
    as_int = qt_column(values, QMetaType.Type.LongLong)
    assert as_int == [None, "a", "Sector NE-01 is in two parts.", True, 3, 2, 3, None, 4, 1, None]
    assert [type(value) for value in as_int[4:7]] == [int, int, int]
    as_text = qt_column(values, QMetaType.Type.QString)
    assert as_text == [None, "a", "Sector NE-01 is in two parts.", True, 3, 2.5, 3.0, None, 4, 1.5, None]
    assert type(as_text[2]) is str and type(as_text[8]) is int


def test_python_column():
    values = [NULL, None, "x", 12, 1.5, False, QDate(2026, 7, 1), QTime()]
    assert python_column(values) == [None, None, "x", 12, 1.5, False, pd.Timestamp("2026-07-01"), None]
