"""Crime incidents as the YPO algorithms take them: the crime parameters (layer,
type, date and time fields, type mapping, date format, period), their help, and
reading them for the core. Every algorithm that counts crime uses this, so the
parameters keep the same names, defaults and meaning everywhere (models and
qgis_process calls rely on them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType

from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..i18n import tr

np = lazy_module("numpy")
crime_types = lazy_module("..core.crime_types", __package__)
qgis_points = lazy_module("..qgis_io.points", __package__)

CRIMES = "CRIMES"
CRIME_TYPE_FIELD = "CRIME_TYPE_FIELD"
CRIME_TYPE_MAP = "CRIME_TYPE_MAP"
DATE_FIELD = "DATE_FIELD"
DATE_FORMAT = "DATE_FORMAT"
TIME_FIELD = "TIME_FIELD"
PLACE_FIELD = "PLACE_FIELD"
PERIOD_START = "PERIOD_START"
PERIOD_END = "PERIOD_END"


@dataclass(frozen=True)
class CrimePoints:
    """The incidents in the working CRS: N×2 ``xy`` (NaN without location) and the raw
    values of the type, date, place and time fields (``datetimes``/``places``/``times`` None
    without the field). A date field (no time of day) is read as ``datetime64[D]``, a time
    field as ``datetime.time`` values, so that the core knows what each holds. ``others`` holds the
    raw values of the other fields asked for, by name."""

    xy: np.ndarray
    types: np.ndarray
    datetimes: np.ndarray | None
    places: np.ndarray | None
    times: np.ndarray | None = None
    others: dict = field(default_factory=dict)


@dataclass(frozen=True)
class CrimeLayer:
    """The chosen incident layer and its fields, checked to exist."""

    source: Any
    type_field: str
    date_field: str | None
    place_field: str | None
    # The vector layer behind the source when all of its features are used, for fast reading.
    whole_layer: Any
    time_field: str | None = None

    def read(self, algorithm, crs, transform_context, feedback, required=False, others=()) -> CrimePoints:
        """The incidents in ``crs``; raises Cancelled when the run is cancelled while reading.
        ``required``: a layer without features is refused; ``others``: more fields to read."""
        if required and self.source.featureCount() == 0:
            raise QgsProcessingException(
                tr(
                    "CRIMES ({layer}) has no features; give a point layer of crime incidents.",
                    layer=self.source.sourceName(),
                )
            )
        chosen = [self.type_field, self.date_field, self.place_field, self.time_field, *others]
        names = list(dict.fromkeys(name for name in chosen if name))
        table = qgis_points.read_points(
            self.source, names, crs, transform_context, feedback, self.whole_layer
        )
        if feedback.isCanceled():
            raise Cancelled()
        feedback.pushInfo(
            tr("Read {count} incidents ({method} reader).", count=len(table), method=table.method)
        )
        if table.multipart:
            feedback.pushWarning(
                tr(
                    "CRIMES: {count} multi-part incidents are counted at one of their points.",
                    count=table.multipart,
                )
            )
        datetimes = table.columns[self.date_field] if self.date_field else None
        if datetimes is not None and self._field_type(self.date_field) == QMetaType.Type.QDate:
            datetimes = datetimes.astype("datetime64[D]")
        return CrimePoints(
            table.xy,
            table.columns[self.type_field],
            datetimes,
            table.columns[self.place_field] if self.place_field else None,
            table.columns[self.time_field] if self.time_field else None,
            {name: table.columns[name] for name in others},
        )

    def _field_type(self, name):
        """The field's type, None where the layer lacks it (an empty file keeps no fields)."""
        fields = self.source.fields()
        index = fields.indexOf(name)
        return fields.at(index).type() if index >= 0 else None


@dataclass(frozen=True)
class CrimeParameters:
    """The crime parameters one algorithm takes, and which of them it needs.

    ``optional``: CRIMES may be left out (the algorithm then has no incidents).
    ``date_required`` and ``date_default``: whether DATE_FIELD must be given, and its default.
    ``place_field``: the algorithm also takes PLACE_FIELD, where each incident happened.
    ``period``: the algorithm takes PERIOD_START/PERIOD_END (one that sets its own windows does not).
    """

    optional: bool = False
    date_required: bool = True
    date_default: str | None = "occurred"
    place_field: bool = False
    period: bool = True

    def add_to(self, algorithm) -> None:
        """Add the parameters to ``algorithm`` (in its ``initAlgorithm``), in dialog order."""
        algorithm.addParameter(
            QgsProcessingParameterFeatureSource(
                CRIMES,
                tr("Crime incidents"),
                [QgsProcessing.SourceType.TypeVectorPoint],
                optional=self.optional,
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
        algorithm.addParameter(
            QgsProcessingParameterField(
                TIME_FIELD, tr("Time of day field"), parentLayerParameterName=CRIMES, optional=True
            )
        )
        date_format = QgsProcessingParameterString(DATE_FORMAT, tr("Date format"), optional=True)
        date_format.setFlags(date_format.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        algorithm.addParameter(date_format)
        if self.place_field:
            algorithm.addParameter(
                QgsProcessingParameterField(
                    PLACE_FIELD, tr("Place (scene) field"), parentLayerParameterName=CRIMES, optional=True
                )
            )
        for name, description in ((PERIOD_START, tr("Period start")), (PERIOD_END, tr("Period end")))[
            : 2 * self.period
        ]:
            algorithm.addParameter(
                QgsProcessingParameterDateTime(
                    name, description, QgsProcessingParameterDateTime.Type.DateTime, optional=True
                )
            )

    def help(self, date_use: str = "", place_use: str = "") -> str:
        """The parameters' lines of the algorithm's help; ``date_use`` and ``place_use`` (translated
        texts) say what the algorithm does with the date and place."""
        optional = tr(" (optional)")
        date_optional = "" if self.date_required else optional
        if date_use:
            date_line = tr(
                "Date field{optional} — the incident's date or date-time, read as the local wall-clock "
                "time (a UTC offset is ignored); {use}.",
                optional=date_optional,
                use=date_use,
            )
        else:
            date_line = tr(
                "Date field{optional} — the incident's date or date-time, read as the local wall-clock "
                "time (a UTC offset is ignored).",
                optional=date_optional,
            )
        lines = [
            tr(
                "Crime incidents{optional} — the incident points.",
                optional=optional if self.optional else "",
            ),
            tr(
                "Crime type field — the incident's type, mapped to violence, burglary, theft, drugs, "
                "vandalism or harassment; English and Danish names are recognised by default, and every "
                "algorithm maps types the same way. Types found in no mapping are counted in crimes_total "
                "only and listed in the log with their counts."
            ),
            tr(
                "Crime type mapping (optional) — extra 'source = type' entries separated by ';' or new "
                "lines (type 'other' counts in crimes_total only), or the path of a mapping file; the "
                "plugin ships resources/crime_type_maps/chicago_primary_type.txt as an example."
            ),
            date_line
            + " "
            + tr(
                "A date/time field, a date field, or text in one of these forms, recognised without "
                "a date format: ISO 8601 (2018-01-31, 2018-01-31T23:30:00); MM/DD/YYYY; DD/MM/YYYY, "
                "DD-MM-YYYY or DD.MM.YYYY — each optionally followed by a time hh:mm[:ss], 24-hour or "
                "with AM/PM (01/31/2018 11:30:00 PM). Day or month first is decided from the data: a "
                "first number above 12 proves day first, a second number above 12 month first; with "
                "no such value, DD.MM.YYYY is read day first, while '/' or '-' dates whose two numbers "
                "differ are refused with a request for a date format. If more than 1% of the non-empty "
                "dates cannot be read, the run stops and names three of them; fewer are reported and "
                "counted without a date."
            ),
            tr(
                "Time of day field (optional) — the incident's time of day when the export keeps it in "
                "a field of its own: text hh:mm or hh:mm:ss (also with AM/PM), a time field, or a "
                "number of minutes since midnight or HHMM (730 = 07:30; which one is decided from the "
                "data: a value ending above 59 means minutes, one above 1439 means HHMM; else HHMM, "
                "with a warning). It replaces any time in the date field; more than 1% unreadable "
                "times stop the run. An incident with a date but no time of day (a date alone, no "
                "time field, an empty time) is in no time band: it counts in band_unknown, and hour "
                "charts say how many incidents lack a time."
            ),
            tr(
                "Date format (advanced, optional) — a strptime format for dates in any other form, or "
                "to settle day/month order, e.g. %d/%m/%Y %H:%M or %m/%d/%Y %I:%M:%S %p (Chicago's "
                "exports, which are also recognised without it)."
            ),
        ]
        if self.place_field and place_use:
            lines.append(
                tr(
                    "Place (scene) field (optional) — where the incident happened (street, residence, "
                    "shop…), {use}.",
                    use=place_use,
                )
            )
        elif self.place_field:
            lines.append(
                tr(
                    "Place (scene) field (optional) — where the incident happened (street, residence, "
                    "shop…)."
                )
            )
        if self.period:
            lines.append(
                tr(
                    "Period start / Period end (optional) — only incidents in [start, end) count; an end "
                    "given as a date alone (ISO text such as 2018-01-31) includes that whole day. Incidents "
                    "without a valid date are left out of a bounded period and reported."
                )
            )
        return "".join(line + "\n" for line in lines)

    def settings(self, algorithm, parameters, context) -> dict:
        """``crime_type_map``, ``period``, ``date_format`` and ``incident_source`` (names for
        messages, the unreadable-date limit) for the core's settings."""
        source = algorithm.parameterAsSource(parameters, CRIMES, context)
        return {
            "crime_type_map": crime_types.CrimeTypeMap.from_parameter(
                algorithm.parameterAsString(parameters, CRIME_TYPE_MAP, context)
            ),
            "period": crime_types.Period.parse(
                datetime_text(algorithm, parameters, PERIOD_START, context),
                datetime_text(algorithm, parameters, PERIOD_END, context),
            ),
            "date_format": algorithm.parameterAsString(parameters, DATE_FORMAT, context) or None,
            "incident_source": crime_types.IncidentSource(
                source.sourceName() if source is not None else "",
                algorithm.parameterAsString(parameters, DATE_FIELD, context),
                algorithm.parameterAsString(parameters, TIME_FIELD, context),
                crime_types.MAX_UNREADABLE_SHARE,
            ),
        }

    def layer(self, algorithm, parameters, context) -> CrimeLayer | None:
        """The incident layer and its fields; None when CRIMES is optional and left out."""
        source = algorithm.parameterAsSource(parameters, CRIMES, context)
        if source is None:
            if parameters.get(CRIMES) or not self.optional:
                raise QgsProcessingException(algorithm.invalidSourceError(parameters, CRIMES))
            return None

        layer = tr("Crime incidents")

        def field(name, required):
            return algorithm.checked_field(parameters, name, context, source, layer, required)

        date_field, time_field = field(DATE_FIELD, self.date_required), field(TIME_FIELD, False)
        if time_field and not date_field:
            raise QgsProcessingException(
                tr(
                    "TIME_FIELD '{field}' gives only the time of day: choose DATE_FIELD too, the field of "
                    "the layer '{layer}' that holds the incidents' dates.",
                    field=time_field,
                    layer=layer,
                )
            )
        return CrimeLayer(
            source,
            field(CRIME_TYPE_FIELD, True),
            date_field,
            field(PLACE_FIELD, False) if self.place_field else None,
            _whole_layer(algorithm, parameters, context),
            time_field,
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


def read_crime_points(algorithm, parameters, context, crs, feedback) -> np.ndarray | None:
    """The located incidents of the optional CRIMES layer as N×2 coordinates in ``crs`` (None
    without it), for counting alone; those without a location are left out and reported."""
    source = algorithm.parameterAsSource(parameters, CRIMES, context)
    if source is None:
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, CRIMES, context)
    table = qgis_points.read_points(source, [], crs, context.transformContext(), feedback, layer=layer)
    located = ~np.isnan(table.xy).any(axis=1)
    if not located.all():
        feedback.pushWarning(
            tr("{count} crime incidents have no location and are not counted.", count=int((~located).sum()))
        )
    return table.xy[located]
