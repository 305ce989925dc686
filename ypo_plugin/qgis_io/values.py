"""The one value coercion between QGIS attributes and Python/numpy values.

Writing: :func:`qt_value` turns numpy/pandas scalars into values a QGIS field
stores (NaN and NaT as NULL, timestamps as QDateTime, numbers as the field's
type); :func:`qt_column` does it for a whole column. Reading: :func:`python_value`
turns QGIS attributes into plain Python values (NULL and invalid dates and times
as None, dates as pandas timestamps, times as Python times); :func:`python_column`,
:func:`object_column` and :func:`date_column` do it for whole columns.

The column functions pass the values that need no conversion (text, numbers
already of the field's kind, None) as they are, without a call per value: the
columns of a hundred thousand features convert in a fraction of the time.
"""

from __future__ import annotations

import numpy as np
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, QTime

from ..core.lazy import lazy_module

pd = lazy_module("pandas")

_INTEGER_TYPES = (QMetaType.Type.Int, QMetaType.Type.LongLong)


def qt_value(value, field_type: QMetaType.Type | None = None):
    """A value QGIS can store, from a Python/numpy/pandas scalar (None for NaN, NaT and the
    missing value of pandas' nullable columns).

    With ``field_type`` a number becomes that field's kind of number (a whole
    float in an integer field is an int, an int in a double field a float).
    """
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, pd.Timestamp):
        return QDateTime(
            QDate(value.year, value.month, value.day),
            QTime(value.hour, value.minute, value.second, value.microsecond // 1000),
        )
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        return str(value)  # a core message (a str subclass) is stored as its text
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        if field_type == QMetaType.Type.Double:
            return float(value)
        if field_type in _INTEGER_TYPES:
            return int(value)
    return value


def qt_column(values: list, field_type: QMetaType.Type | None = None) -> list:
    """:func:`qt_value` of each of ``values``."""
    # What qt_value returns unchanged: text (not a subclass: a core message becomes its text), truth
    # values, None, an int unless the field holds doubles, a float but NaN unless it holds integers.
    unchanged = {str, bool, type(None)}
    if field_type != QMetaType.Type.Double:
        unchanged.add(int)
    floats_unchanged = field_type not in _INTEGER_TYPES
    return [
        value
        if (kind := type(value)) in unchanged or (kind is float and floats_unchanged and value == value)
        else qt_value(value, field_type)
        for value in values
    ]


def python_value(value):
    """A plain Python value from a QGIS attribute (NULL and invalid dates and times become None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return pd.Timestamp(value.toString("yyyy-MM-ddTHH:mm:ss.zzz"))
    if isinstance(value, QDate):
        return pd.Timestamp(value.toString("yyyy-MM-dd"))
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


# QGIS attributes python_value returns unchanged.
_PLAIN_PYTHON = frozenset({int, float, str, bool, type(None)})


def python_column(values: list) -> list:
    """:func:`python_value` of each of ``values``."""
    return [value if type(value) in _PLAIN_PYTHON else python_value(value) for value in values]


def whole_as_int(value):
    """A whole float as an int (an integer column with NULLs is read as floats)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def object_column(values: list) -> np.ndarray:
    """QGIS attributes as an object array of Python values (None for NULL)."""
    column = np.empty(len(values), dtype=object)
    column[:] = python_column(values)
    return column


def date_column(values: list) -> np.ndarray:
    """datetime64[s] of QDateTime/QDate values (wall-clock time as stored); NaT for NULL."""
    texts = []
    for value in values:
        if isinstance(value, QDateTime) and value.isValid():
            texts.append(value.toString("yyyy-MM-ddTHH:mm:ss"))
        elif isinstance(value, QDate) and value.isValid():
            texts.append(value.toString("yyyy-MM-dd"))
        elif isinstance(value, str):
            texts.append(value)
        else:
            texts.append(None)
    return pd.to_datetime(pd.Series(texts, dtype=object), format="ISO8601", errors="coerce").to_numpy(
        dtype="datetime64[s]"
    )
