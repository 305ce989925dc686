"""Crime incidents as the YPO algorithms take them: the crime parameters (layer,
type and date fields, type mapping, date format, period), their help, and
reading them for the core. Every algorithm that counts crime uses this, so the
parameters keep the same names, defaults and meaning everywhere (models and
qgis_process calls rely on them)."""

from dataclasses import dataclass
from typing import Any

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from ..conversion import read_points
from ..core.crime_types import CrimeTypeMap, Period
from ..core.progress import Cancelled

CRIMES = "CRIMES"
CRIME_TYPE_FIELD = "CRIME_TYPE_FIELD"
CRIME_TYPE_MAP = "CRIME_TYPE_MAP"
DATE_FIELD = "DATE_FIELD"
DATE_FORMAT = "DATE_FORMAT"
PLACE_FIELD = "PLACE_FIELD"
PERIOD_START = "PERIOD_START"
PERIOD_END = "PERIOD_END"

# How the incident layer is named in messages.
LAYER_DESCRIPTION = "Crime incidents"


@dataclass(frozen=True)
class CrimePoints:
    """The incidents in the working CRS: N×2 ``xy`` (NaN without location) and the raw
    values of the type, date and place fields (``datetimes``/``places`` None without the field)."""

    xy: np.ndarray
    types: np.ndarray
    datetimes: np.ndarray | None
    places: np.ndarray | None


@dataclass(frozen=True)
class CrimeLayer:
    """The chosen incident layer and its fields, checked to exist."""

    source: Any
    type_field: str
    date_field: str | None
    place_field: str | None
    # The vector layer behind the source when all of its features are used, for fast reading.
    whole_layer: Any

    def read(self, algorithm, crs, transform_context, feedback) -> CrimePoints:
        """The incidents in ``crs``; raises Cancelled when the run is cancelled while reading."""
        chosen = [self.type_field, self.date_field, self.place_field]
        names = list(dict.fromkeys(name for name in chosen if name))
        table = read_points(self.source, names, crs, transform_context, feedback, self.whole_layer)
        if feedback.isCanceled():
            raise Cancelled()
        feedback.pushInfo(algorithm.tr("Read {} incidents ({} reader).").format(len(table), table.method))
        if table.multipart:
            feedback.pushWarning(
                algorithm.tr("CRIMES: {} multi-part incidents are counted at one of their points.").format(
                    table.multipart
                )
            )
        return CrimePoints(
            table.xy,
            table.columns[self.type_field],
            table.columns[self.date_field] if self.date_field else None,
            table.columns[self.place_field] if self.place_field else None,
        )


@dataclass(frozen=True)
class CrimeParameters:
    """The crime parameters one algorithm takes, and which of them it needs.

    ``optional``: CRIMES may be left out (the algorithm then has no incidents).
    ``date_required`` and ``date_default``: whether DATE_FIELD must be given, and its default.
    ``place_field``: the algorithm also takes PLACE_FIELD, where each incident happened.
    """

    optional: bool = False
    date_required: bool = True
    date_default: str | None = "occurred"
    place_field: bool = False

    def add_to(self, algorithm) -> None:
        """Add the parameters to ``algorithm`` (in its ``initAlgorithm``), in dialog order."""
        tr = algorithm.tr
        algorithm.addParameter(
            QgsProcessingParameterFeatureSource(
                CRIMES, tr("Crime incidents"), [QgsProcessing.TypeVectorPoint], optional=self.optional
            )
        )
        algorithm.addParameter(
            QgsProcessingParameterField(
                CRIME_TYPE_FIELD, tr("Crime type field"), "crime_type", CRIMES, optional=self.optional
            )
        )
        algorithm.addParameter(
            QgsProcessingParameterString(
                CRIME_TYPE_MAP, tr("Crime type mapping"), multiLine=True, optional=True
            )
        )
        algorithm.addParameter(
            QgsProcessingParameterField(
                DATE_FIELD, tr("Date field"), self.date_default, CRIMES, optional=not self.date_required
            )
        )
        date_format = QgsProcessingParameterString(DATE_FORMAT, tr("Date format"), optional=True)
        date_format.setFlags(date_format.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        algorithm.addParameter(date_format)
        if self.place_field:
            algorithm.addParameter(
                QgsProcessingParameterField(
                    PLACE_FIELD, tr("Place (scene) field"), parentLayerParameterName=CRIMES, optional=True
                )
            )
        for name, description in ((PERIOD_START, "Period start"), (PERIOD_END, "Period end")):
            algorithm.addParameter(
                QgsProcessingParameterDateTime(
                    name, tr(description), QgsProcessingParameterDateTime.DateTime, optional=True
                )
            )

    def help(self, date_use: str = "", place_use: str = "") -> str:
        """The parameters' lines of the algorithm's help; ``date_use`` and ``place_use`` say
        what the algorithm does with the date and place."""
        optional = " (optional)" if self.optional else ""
        date_optional = "" if self.date_required else " (optional)"
        lines = [
            f"Crime incidents{optional} — the incident points.",
            "Crime type field — the incident's type, mapped to violence, burglary, theft, drugs, "
            "vandalism or harassment; English and Danish names are recognised by default, and every "
            "algorithm maps types the same way. Types found in no mapping are counted in crimes_total "
            "only and listed in the log with their counts.",
            "Crime type mapping (optional) — extra 'source = type' entries separated by ';' or new "
            "lines (type 'other' counts in crimes_total only), or the path of a mapping file; the "
            "plugin ships resources/crime_type_maps/chicago_primary_type.txt as an example.",
            f"Date field{date_optional} — the incident's date-time (a date/time field or ISO 8601 "
            "text), read as the local wall-clock time" + (f"; {date_use}." if date_use else "."),
            "Date format (advanced, optional) — a strptime format for dates that are not ISO 8601, "
            "e.g. %m/%d/%Y %I:%M:%S %p for Chicago's exports.",
        ]
        if self.place_field:
            lines.append(
                "Place (scene) field (optional) — where the incident happened (street, residence, "
                "shop…)" + (f", {place_use}." if place_use else ".")
            )
        lines.append(
            "Period start / Period end (optional) — only incidents in [start, end) count; an end "
            "given as a date alone (ISO text such as 2018-01-31) includes that whole day. Incidents "
            "without a valid date are left out of a bounded period and reported."
        )
        return "".join(line + "\n" for line in lines)

    def settings(self, algorithm, parameters, context) -> dict:
        """``crime_type_map``, ``period`` and ``date_format`` for the core's settings."""
        return {
            "crime_type_map": CrimeTypeMap.from_parameter(
                algorithm.parameterAsString(parameters, CRIME_TYPE_MAP, context)
            ),
            "period": Period.parse(
                datetime_text(algorithm, parameters, PERIOD_START, context),
                datetime_text(algorithm, parameters, PERIOD_END, context),
            ),
            "date_format": algorithm.parameterAsString(parameters, DATE_FORMAT, context) or None,
        }

    def layer(self, algorithm, parameters, context) -> CrimeLayer | None:
        """The incident layer and its fields; None when CRIMES is optional and left out."""
        source = algorithm.parameterAsSource(parameters, CRIMES, context)
        if source is None:
            if parameters.get(CRIMES) or not self.optional:
                raise QgsProcessingException(algorithm.invalidSourceError(parameters, CRIMES))
            return None

        def field(name, required):
            return algorithm.checked_field(parameters, name, context, source, LAYER_DESCRIPTION, required)

        return CrimeLayer(
            source,
            field(CRIME_TYPE_FIELD, True),
            field(DATE_FIELD, self.date_required),
            field(PLACE_FIELD, False) if self.place_field else None,
            _whole_layer(algorithm, parameters, context),
        )


def datetime_text(algorithm, parameters, name, context):
    """ISO text of a date-time parameter (text is passed on as written), or None."""
    value = parameters.get(name)
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, QDate):
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    if not isinstance(value, QDateTime):
        value = algorithm.parameterAsDateTime(parameters, name, context)
    return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None


def _whole_layer(algorithm, parameters, context):
    """The vector layer behind CRIMES when all of its features are used (for fast reading)."""
    value = parameters.get(CRIMES)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.selectedFeaturesOnly or value.featureLimit != -1
    ):
        return None
    return algorithm.parameterAsVectorLayer(parameters, CRIMES, context)
