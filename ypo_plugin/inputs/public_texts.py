"""LANGUAGE, EMERGENCY_NUMBER and GENERAL_NUMBER: the parameters every publication takes, and its texts.

The words themselves are in :mod:`ypo_plugin.core.texts` (one table for maps, web map and
handover report); print layouts read them as layout variables ``@ypo_t_<key>`` (languages
joined on one line) and ``@ypo_lines_<key>`` (one line per language).
"""

from qgis.core import QgsProcessingException, QgsProcessingParameterDefinition, QgsProcessingParameterString

from ..core.errors import InputError
from ..core.texts import (
    DEFAULT_EMERGENCY_NUMBER,
    DEFAULT_GENERAL_NUMBER,
    DEFAULT_LANGUAGE,
    ENGLISH,
    LANGUAGES,
    PublicTexts,
)
from ..i18n import tr, translated
from .parameters import enum_parameter

LANGUAGE = "LANGUAGE"
EMERGENCY_NUMBER = "EMERGENCY_NUMBER"
GENERAL_NUMBER = "GENERAL_NUMBER"


def text_help() -> str:
    """The help lines of LANGUAGE, EMERGENCY_NUMBER and GENERAL_NUMBER, shared by every publication."""
    return tr(
        "Language — {languages}: the texts in Danish and English (default {language}, Danish first), in "
        "English or Danish only, or English first.\n"
        "Emergency number — the number printed as 'In an emergency call …' (default {emergency}; "
        "e.g. 911 or 999).\n"
        "General number (advanced) — the police's non-emergency number, where a text points to it "
        "(default {general}, Denmark's).\n",
        languages=", ".join(LANGUAGES),
        language=DEFAULT_LANGUAGE,
        emergency=DEFAULT_EMERGENCY_NUMBER,
        general=DEFAULT_GENERAL_NUMBER,
    )


def add_text_parameters(algorithm) -> None:
    """Add LANGUAGE (an enum of :data:`LANGUAGES`), EMERGENCY_NUMBER and GENERAL_NUMBER to ``algorithm``."""
    algorithm.addParameter(enum_parameter(LANGUAGE, tr("Language"), LANGUAGES, DEFAULT_LANGUAGE))
    algorithm.addParameter(
        QgsProcessingParameterString(
            EMERGENCY_NUMBER, tr("Emergency number"), DEFAULT_EMERGENCY_NUMBER, optional=True
        )
    )
    general = QgsProcessingParameterString(
        GENERAL_NUMBER, tr("General number"), DEFAULT_GENERAL_NUMBER, optional=True
    )
    general.setFlags(general.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    algorithm.addParameter(general)


def read_texts(algorithm, parameters, context) -> PublicTexts:
    """The texts chosen by LANGUAGE, EMERGENCY_NUMBER and GENERAL_NUMBER (a clear error for a bad number)."""
    try:
        return PublicTexts.checked(
            algorithm.enum_value(parameters, LANGUAGE, context),
            algorithm.parameterAsString(parameters, EMERGENCY_NUMBER, context),
            algorithm.parameterAsString(parameters, GENERAL_NUMBER, context),
        )
    except InputError as error:
        raise QgsProcessingException(translated(error.args[0])) from None


def layout_variables(texts: PublicTexts) -> dict[str, str]:
    """``ypo_t_<key>`` and ``ypo_lines_<key>`` of every text, for print layouts."""
    variables = {}
    for key in ENGLISH:
        variables[f"ypo_t_{key}"] = texts(key)
        variables[f"ypo_lines_{key}"] = texts(key, "\n")
    return variables
