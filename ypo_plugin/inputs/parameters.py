"""What every parameter declaration may use: choice (enum) parameters that take their option names
(what models, batch runs and ``qgis_process`` store, with an option's number accepted too), and
the advanced flag. The algorithms and the parameter groups of ``inputs/`` declare through these."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
)

from ..i18n import tr


def advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """``parameter`` flagged advanced (shown folded in the dialog)."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


def pdf_report_parameter(name, description) -> QgsProcessingParameterFileDestination:
    """An optional PDF file to write, written only when one is given."""
    return QgsProcessingParameterFileDestination(
        name, description, tr("PDF files (*.pdf)"), optional=True, createByDefault=False
    )


def enum_parameter(name, description, options, default=None, optional=False) -> QgsProcessingParameterEnum:
    """A choice parameter whose values are its option names (``AUDIENCE=public``): what
    models, batch runs and ``qgis_process`` store. An option's 0-based number, which
    ``qgis_process help`` shows next to each name, is accepted too. Read the choice with
    :meth:`YpoAlgorithm.enum_value`, which always gives the name."""
    return QgsProcessingParameterEnum(
        name, description, list(options), defaultValue=default, optional=optional, usesStaticStrings=True
    )


def enum_option(definition: QgsProcessingParameterEnum, value):
    """The option name chosen by ``value``: a name (any letter case) or an option's 0-based
    number, as int or text. No value (None or empty text) gives the default, None when
    there is none. Anything else raises a QgsProcessingException naming the parameter and
    its options."""
    options = definition.options()
    if isinstance(value, float) and value.is_integer():  # a number through QVariant may be a double
        value = int(value)
    text = "" if value is None else str(value).strip()
    if not text:
        default = definition.defaultValue()
        return None if default in (None, "") else enum_option(definition, default)
    if text in options:
        return text
    by_case = [option for option in options if option.casefold() == text.casefold()]
    if len(by_case) == 1:
        return by_case[0]
    if not isinstance(value, bool) and text.isdigit() and int(text) < len(options):
        return options[int(text)]
    raise QgsProcessingException(
        tr(
            "{parameter}: '{value}' is not an option; give one of {options} (or its number, 0 to {last}).",
            parameter=definition.name(),
            value=text,
            options=", ".join(options),
            last=len(options) - 1,
        )
    )


def enum_choice(definition: QgsProcessingParameterEnum, value):
    """:func:`enum_option` of ``value``, or the list of them when the parameter takes several
    (a list, or names or numbers separated by commas)."""
    if not definition.allowMultiple():
        return enum_option(definition, value)
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    elif value is None:
        value = definition.defaultValue() or []
    elif not isinstance(value, list | tuple):
        value = [value]
    return [enum_option(definition, item) for item in value]
