"""The one value coercion between QGIS attributes and Python/numpy values.

Writing: :func:`qt_value` turns numpy/pandas scalars into values a QGIS field
stores (NaN and NaT as NULL, timestamps as QDateTime, numbers as the field's
type). Reading: :func:`python_value` turns QGIS attributes into plain Python
values (NULL and invalid dates and times as None, dates as pandas timestamps,
times as Python times); :func:`object_column` and :func:`date_column` do it for
whole columns.
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


def whole_as_int(value):
    """A whole float as an int (an integer column with NULLs is read as floats)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def object_column(values: list) -> np.ndarray:
    """QGIS attributes as an object array of Python values (None for NULL)."""
    column = np.empty(len(values), dtype=object)
    column[:] = [python_value(v) for v in values]
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
