"""What every YPO algorithm shares: naming, help, enum parameters, and the bridge
between Processing feedback and the core's progress/cancel callbacks."""

from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProperty,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import About, InputError
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..dependencies import missing_requirements_message, missing_requirements_once
from ..i18n import tr, translated
from ..inputs.parameters import enum_choice, enum_option
from ..layouts.styling import style_sink_output
from ..resources import icon_path

qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)


def unusable_requirements_problem() -> str | None:
    """What to install, when a package the core needs does not do what it uses (None when all do).

    At QGIS's start the provider only checked that the packages are installed; whether they work
    (e.g. shapely's WKB through QGIS's GEOS) is checked once, when an algorithm first runs.
    """
    missing = missing_requirements_once()
    return missing_requirements_message(missing) if missing else None


class YpoAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define name, displayName, shortHelpString,
    initAlgorithm and processAlgorithm."""

    def createInstance(self):
        return type(self)()

    def icon(self):
        return QIcon(str(icon_path()))

    def group(self):
        return tr("Sector planning")

    def groupId(self):
        return "sectorplanning"

    def addParameter(self, parameter, createOutput=True):  # noqa: N803 - argument name fixed by QGIS
        # qgis_process (3.22) insists on mandatory field parameters even when they have a
        # default; flagged optional, a left-out field takes its default (each algorithm
        # still checks that the field exists).
        if isinstance(parameter, QgsProcessingParameterField) and parameter.defaultValue():
            parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
        return super().addParameter(parameter, createOutput)

    def checkParameterValues(self, parameters, context):
        # qgis_process (3.22) rejects a left-out parameter even when it has a default
        # ("Incorrect parameter value for SECTOR_ID_FIELD"); check it as if the default was
        # given, which is what parameterAsString and friends read then.
        problem = unusable_requirements_problem()
        if problem:  # said before any parameter: the dialog, processing.run and qgis_process show it
            return False, problem
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if filled.get(definition.name()) is None and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        # QGIS takes only the names of an enum with static strings; its numbers are ours to
        # accept (a value computed at run time, a QgsProperty, is read by enum_value).
        for definition in self.parameterDefinitions():
            name = definition.name()
            if (
                isinstance(definition, QgsProcessingParameterEnum)
                and definition.usesStaticStrings()
                and not isinstance(filled.get(name), QgsProperty)
            ):
                try:
                    filled[name] = enum_choice(definition, filled.get(name))
                except QgsProcessingException as error:
                    return False, str(error)
        return super().checkParameterValues(filled, context)

    def prepareAlgorithm(self, parameters, context, feedback):
        # A model's steps are prepared without checkParameterValues.
        problem = unusable_requirements_problem()
        if problem:
            raise QgsProcessingException(problem)
        return super().prepareAlgorithm(parameters, context, feedback)

    def enum_value(self, parameters, name, context):
        """The option name chosen for the enum parameter ``name`` (``inputs.parameters.enum_parameter``)."""
        definition = self.parameterDefinition(name)
        return enum_option(definition, self.parameterAsString(parameters, name, context))

    def enum_values(self, parameters, name, context) -> list:
        """The option names chosen for the enum parameter ``name`` that takes several."""
        return enum_choice(self.parameterDefinition(name), parameters.get(name))

    def optional_source(self, parameters, name, context):
        """The layer of the optional parameter ``name``; None when it is left out, a clear error when
        it is given but cannot be read."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None and parameters.get(name):
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def checked_field(self, parameters, name, context, source, layer_description, required=False):
        """The field chosen in parameter ``name`` (None when optional and empty), checked to exist
        on ``source``. An empty layer is not checked: saved without features, some formats
        (GeoJSON, CSV) lose their fields, and each algorithm says whether empty is allowed."""
        field_name = self.parameterAsString(parameters, name, context)
        if not field_name:
            if required:
                raise QgsProcessingException(
                    tr(
                        "Choose {parameter}: a field of the layer '{layer}'.",
                        parameter=name,
                        layer=layer_description,
                    )
                )
            return None
        if source.fields().lookupField(field_name) < 0:
            if not qgis_read.has_features(source):
                return field_name
            raise QgsProcessingException(
                tr(
                    "{parameter}: the layer '{layer}' ({source}) has no field '{field}'; "
                    "choose one of {fields}.",
                    parameter=name,
                    layer=layer_description,
                    source=source.sourceName(),
                    field=field_name,
                    fields=", ".join(source.fields().names()),
                )
            )
        return field_name

    def run_core(self, run, *args):
        """``run(*args)`` (the algorithm's work): a cancelled run ends with no results, and the
        core's input errors become Processing errors."""
        try:
            return run(*args)
        except Cancelled:
            return {}
        except InputError as error:
            raise self.processing_error(error) from None

    def write_output(self, parameters, name, context, frame, fields, wkb_type, crs, feedback, **options):
        """Write ``frame`` to the sink parameter ``name`` (see :func:`~..qgis_io.write.write_frame`):
        its id, or None when the run is cancelled or the optional output was not asked for.

        Options: ``optional`` (a missing sink is no error), ``working_crs`` (the CRS of the frame's
        geometries when it is not ``crs``: they are transformed), ``multi`` (geometries written
        multi-part), ``style`` = (style name, layer title) stored with the output once written.
        """
        transform = None
        working_crs = options.get("working_crs")
        if working_crs is not None and crs.isValid() and working_crs != crs:
            transform = QgsCoordinateTransform(working_crs, crs, context.transformContext())

        def fill(sink, description):
            return qgis_write.write_frame(
                frame, sink, fields, description, feedback, transform, options.get("multi", False)
            )

        return self._fill_output(parameters, name, context, fields, wkb_type, crs, fill, options)

    def copy_output(self, parameters, name, context, copied, wkb_type, crs, feedback, **options):
        """Copy source features to the sink parameter ``name``: ``copied`` is the
        (features, fields, copied_from, computed) of :func:`~..qgis_io.write.copy_features`. Its id, or
        None as for :meth:`write_output`, whose options it takes; ``geometries`` replace the features' own.
        """
        features, fields, copied_from, computed = copied

        def fill(sink, description):
            return qgis_write.copy_features(
                features,
                sink,
                fields,
                copied_from,
                computed,
                description,
                feedback,
                geometries=options.get("geometries"),
                multi=options.get("multi", False),
            )

        return self._fill_output(parameters, name, context, fields, wkb_type, crs, fill, options)

    def _fill_output(self, parameters, name, context, fields, wkb_type, crs, fill, options):
        """Open the sink ``name``, ``fill(sink, description)`` it, close and style it (see
        :meth:`write_output`)."""
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            if options.get("optional") and not parameters.get(name):
                return None
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        written = fill(sink, self.parameterDefinition(name).description())
        del sink  # flushed and closed, so its default style can be stored
        if not written:
            return None
        if options.get("style"):
            style_sink_output(context, dest_id, *options["style"], name)
        return dest_id

    @staticmethod
    def core_callbacks(feedback):
        """``(progress, is_cancelled)`` for core functions, reporting to ``feedback``."""
        return feedback.setProgress, feedback.isCanceled

    # What a core input error is about (``InputError.about``, domain words) → the parameter that
    # holds it in this algorithm; the error then names that parameter first.
    PARAMETER_ABOUT: dict[About, str] = {}

    def processing_error(self, error: InputError) -> QgsProcessingException:
        parameter = self.PARAMETER_ABOUT.get(error.about)
        message = translated(error.args[0]) if error.args else ""
        if parameter:
            message = tr("{parameter}: {message}", parameter=parameter, message=message)
        return QgsProcessingException(message)
