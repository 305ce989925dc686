"""The crime grid's own parameters as ``ypo:crimegrid`` takes them: the cell size, the grid
type and the optional comparison period, and reading them for the core's settings (the
crime parameters are those of :mod:`.crime_input`)."""

from qgis.core import QgsProcessingException, QgsProcessingParameterDateTime, QgsProcessingParameterNumber

from ..core.defaults import DEFAULT_CELL_SIZE, GRID_TYPES
from ..core.lazy import lazy_module
from ..i18n import tr
from .crime_input import datetime_text
from .parameters import enum_parameter

crime_grid_logic = lazy_module("..core.crime_grid", __package__)
crime_types = lazy_module("..core.crime_types", __package__)

CELL_SIZE = "CELL_SIZE"
GRID_TYPE = "GRID_TYPE"
COMPARE_START = "COMPARE_START"
COMPARE_END = "COMPARE_END"
MIN_CELL_SIZE = 1.0


def add_grid_parameters(algorithm) -> None:
    """Add CELL_SIZE (metres), GRID_TYPE and COMPARE_START/COMPARE_END to ``algorithm``, in dialog order."""
    algorithm.addParameter(
        QgsProcessingParameterNumber(
            CELL_SIZE,
            tr("Cell size"),
            QgsProcessingParameterNumber.Type.Double,
            DEFAULT_CELL_SIZE,
            minValue=MIN_CELL_SIZE,
        )
    )
    algorithm.addParameter(enum_parameter(GRID_TYPE, tr("Grid type"), GRID_TYPES, GRID_TYPES[0]))
    for name, description in (
        (COMPARE_START, tr("Comparison period start")),
        (COMPARE_END, tr("Comparison period end")),
    ):
        algorithm.addParameter(
            QgsProcessingParameterDateTime(
                name, description, QgsProcessingParameterDateTime.Type.DateTime, optional=True
            )
        )


def grid_settings(algorithm, parameters, context) -> dict:
    """``compare`` (None without a comparison period; both ends or neither), ``cell_size`` and
    ``grid_type`` for the core's settings."""
    compare_start = datetime_text(algorithm, parameters, COMPARE_START, context)
    compare_end = datetime_text(algorithm, parameters, COMPARE_END, context)
    compare = None
    if compare_start or compare_end:
        if not (compare_start and compare_end):
            raise QgsProcessingException(
                tr("Give both COMPARE_START and COMPARE_END for a comparison period (or neither).")
            )
        compare = crime_types.Period.parse(compare_start, compare_end, "COMPARE_START", "COMPARE_END")
    return {
        "compare": compare,
        "cell_size": algorithm.parameterAsDouble(parameters, CELL_SIZE, context),
        "grid_type": algorithm.enum_value(parameters, GRID_TYPE, context),
    }
