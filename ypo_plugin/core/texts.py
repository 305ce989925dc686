"""Every word printed on a map, web page or handover report, in each language: one table.

Outputs are written in one language or two (``LANGUAGE``: ``da+en``, ``en``, ``da``,
``en+da``; the first named comes first). :class:`PublicTexts` picks a text of the table
in those languages and joins them ("Sektor / Sector"); texts with ``{emergency}`` get the
emergency number of the station's country (``EMERGENCY_NUMBER``, 112 by default).
"""

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .errors import InputError
from .messages import tr

LANGUAGES: tuple[str, ...] = ("da+en", "en", "da", "en+da")
"""The LANGUAGE options: one language, or two with the first named first."""
DEFAULT_LANGUAGE = "da+en"
DEFAULT_EMERGENCY_NUMBER = "112"
DEFAULT_GENERAL_NUMBER = "114"
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}

# key: the English text; the Danish comes from the plugin's translation (i18n/ypo_da.ts)
ENGLISH: dict[str, str] = {
    # every page
    "date": tr("Date"),
    "sources": tr("Sources"),
    "map": tr("Map"),
    "page": tr("Page"),
    "of": tr("of"),
    "period": tr("Period"),
    "sectors_count": tr("sectors"),
    "officers_count": tr("officers"),
    "internal": tr("INTERNAL"),
    "legend": tr("Legend"),
    "continued": tr("continued"),
    "without_time": tr("without a time of day"),
    "key_number": tr("No."),
    "title_public": tr("Your Police Officer – sectors and officers"),
    "title_internal": tr("Sector overview"),
    "public_sources": tr("police sector division"),
    "find_officer": tr("Find your local police officer"),
    "emergency": tr("In an emergency call {emergency}."),
    # sectors and officers
    "sector": tr("Sector"),
    "district": tr("District"),
    "name": tr("Name"),
    "officer": tr("Officer"),
    "your_officer": tr("Your local police officer"),
    "phone": tr("Phone"),
    "phone_short": tr("Phone", "abbreviation"),
    "email": tr("E-mail"),
    "officer_tba": tr("Officer to be announced"),
    "officer_tba_short": tr("To be announced"),
    "neighbours": tr("Neighbouring sectors"),
    # figures
    "key_figures": tr("Key figures"),
    "population": tr("Population"),
    "population_short": tr("Pop."),
    "inhabitants_abbr": tr("pop."),
    "area": tr("Area"),
    "area_km2": tr("Area (km²)"),
    "crimes": tr("Crimes"),
    "per_1000": tr("per 1,000"),
    "crimes_per_1000": tr("Crimes per 1,000"),
    "exposed_share": tr("Exposed share"),
    "need_score": tr("Need score"),
    "factor": tr("Factor"),
    "officers": tr("Officers"),
    "officers_short": tr("Off."),
    "officers_abbr": tr("officers", "abbreviation"),
    "required": tr("required"),
    "officers_required": tr("Officers required"),
    "officers_allocated": tr("Officers allocated"),
    "factor_high": tr("Factor {factor} – high need (1 per {per})"),
    "factor_class": tr("Factor {factor} (1 per {per})"),
    "factor_low": tr("Factor {factor} – low need (1 per {per})"),
    # layers
    "layer_sectors": tr("Sectors"),
    "layer_districts": tr("Districts"),
    "layer_incidents": tr("Incidents"),
    "layer_grid": tr("Crimes per grid cell"),
    "sources_sectors": tr("sectors"),
    "sources_incidents": tr("incidents"),
    "sources_grid": tr("grid"),
    "more_than": tr("more than {count}"),
    # crime types and charts
    "violence": tr("Violence"),
    "burglary": tr("Burglary"),
    "theft": tr("Theft"),
    "drugs": tr("Drugs"),
    "vandalism": tr("Vandalism"),
    "harassment": tr("Harassment"),
    "other": tr("Other"),
    "weekday_1": tr("Mon"),
    "weekday_2": tr("Tue"),
    "weekday_3": tr("Wed"),
    "weekday_4": tr("Thu"),
    "weekday_5": tr("Fri"),
    "weekday_6": tr("Sat"),
    "weekday_7": tr("Sun"),
    "hour": tr("hour"),
    "crimes_by_hour": tr("Crimes by hour and weekday"),
    "by_type": tr("By type"),
    # the web map
    "language": tr("Language"),
    "map_help": tr("Click your sector, choose it from the list or enter coordinates."),
    "choose": tr("Choose a sector"),
    "choose_option": tr("– Choose a sector –"),
    "coordinates": tr("Coordinates of the address (latitude, longitude)"),
    "find": tr("Find"),
    "locate": tr("Use my location"),
    "not_found": tr("The point is in no sector."),
    "bad_coordinates": tr("Enter latitude and longitude, e.g. {example}."),
    "no_location": tr("Your location could not be found."),
    "address": tr("Address"),
    "address_help": tr("Type the street and house number or the postcode, e.g. {address}."),
    "suggestions": tr("Suggestions"),
    "no_address": tr("No address matches the search."),
    "address_outside": tr(
        "The address is in none of the station's sectors. In an emergency call {emergency}; "
        "otherwise call the police on {general}."
    ),
    "sectors_of": tr("Sectors in {place}:"),
    "show_all": tr("Show the whole area"),
    # business cards
    "police": tr("Police"),
    "business_cards": tr("Business cards"),
    # sector leaflets
    "sector_leaflets": tr("Sector leaflets"),
    "streets": tr("Streets"),
    "leaflet_offer": tr(
        "Your local police officer knows the area and works in it every week. Get in touch with "
        "questions, worries about something in the area or an idea for making it a safe place to "
        "live. The officer works with the sector's schools, clubs, housing associations and shops."
    ),
    "leaflet_when_emergency": tr(
        "Call {emergency} when life, health or property is in danger right now. Otherwise call " "{general}."
    ),
    # the handover report
    "handover": tr("Handover report"),
    "sector_handover": tr("Sector handover"),
    "printed": tr("printed"),
    "key_figures_manning": tr("Key figures and manning"),
    "no_key_figures": tr("no key figures: run Compute sector manning on the sectors"),
    "partners": tr("Partners"),
    "kind": tr("Kind"),
    "contact": tr("Contact"),
    "open_challenges": tr("Open challenges"),
    "target_group": tr("Target group"),
    "party": tr("Party"),
    "challenge": tr("Challenge"),
    "follow_up": tr("Follow-up"),
    "status": tr("Status"),
    "latest_log": tr("Latest log entries"),
    "author": tr("Author"),
    "action_taken": tr("Action taken"),
    "none": tr("None"),
    "the_sector": tr("The sector"),
    "other_sectors": tr("Other sectors"),
    "log_is_internal": tr("The sector log, partners and events are internal and never published."),
}

_HERE = Path(__file__).resolve()
TRANSLATION_FOLDERS = (_HERE.parents[1] / "i18n", _HERE.parents[2] / "i18n")
"""Where the plugin's translations are: its i18n/ folder once installed, i18n/ of a checkout."""


@cache
def texts_in(language: str) -> dict[str, str]:
    """The table of texts in ``language`` ("da", "en"): ``{key: text}``. The Danish is the plugin's
    translation, so a term is printed as the plugin's user interface writes it."""
    if language == "en":
        return dict(ENGLISH)
    translations = translation_table(language)
    table = {}
    for key, text in ENGLISH.items():
        translated = translations.get((text.template, text.disambiguation))
        if translated is None:
            raise LookupError(f"The {language} translation lacks {text.template!r}: run make translations.")
        table[key] = translated
    return table


def translation_table(language: str) -> dict[tuple[str, str | None], str]:
    """``{(English, disambiguation): translation}`` of the finished entries of ``ypo_<language>.ts``."""
    name = f"ypo_{language}.ts"
    path = next((folder / name for folder in TRANSLATION_FOLDERS if (folder / name).is_file()), None)
    if path is None:
        raise LookupError(f"The plugin's translation i18n/{name} is missing: reinstall the plugin.")
    table = {}
    for message in ElementTree.parse(path).iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished" and translation.text:
            table[message.findtext("source"), message.findtext("comment")] = translation.text
    return table


# How the languages of a text are joined when both are printed (" / " unless named here).
SEPARATORS = {
    "internal": " · ",
    "title_public": " · ",
    "title_internal": " · ",
    "public_sources": " · ",
    "find_officer": " · ",
    "emergency": " ",
    "leaflet_offer": "\n\n",
    "leaflet_when_emergency": "\n",
    "factor_high": "\n",
    "factor_class": "\n",
    "factor_low": "\n",
    "layer_grid": "\n",  # a legend heading: one line each keeps the sector page's legend on the page
    "inhabitants_abbr": "/",
    "officers_abbr": "/",
    "weekday_1": "/",
    "weekday_2": "/",
    "weekday_3": "/",
    "weekday_4": "/",
    "weekday_5": "/",
    "weekday_6": "/",
    "weekday_7": "/",
}
THOUSANDS = {"da": ".", "en": ","}
"""Thousands separators of numbers in texts (1.000 / 1,000)."""
_PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 \-]{0,19}$")


def checked_language(value: str | None) -> str:
    """``value`` as one of :data:`LANGUAGES` (the default when empty)."""
    text = (value or "").strip().lower() or DEFAULT_LANGUAGE
    if text not in LANGUAGES:
        raise InputError(
            tr(
                "LANGUAGE '{value}' is not offered; choose one of {languages}.",
                value=value,
                languages=", ".join(LANGUAGES),
            )
        )
    return text


def checked_emergency_number(value: str | None) -> str:
    """``value`` as the emergency number to print (112 when empty): digits, spaces, '-', a leading '+'."""
    text = _number_text(value, DEFAULT_EMERGENCY_NUMBER)
    if text is None:
        raise InputError(
            tr(
                "EMERGENCY_NUMBER '{value}' is not a number to call: give the digits of your country's "
                "emergency number, e.g. 112, 911 or 999.",
                value=value,
            )
        )
    return text


def checked_general_number(value: str | None) -> str:
    """``value`` as the police's non-emergency number to print (114 when empty)."""
    text = _number_text(value, DEFAULT_GENERAL_NUMBER)
    if text is None:
        raise InputError(
            tr(
                "GENERAL_NUMBER '{value}' is not a number to call: give the digits of your country's "
                "police's non-emergency number, e.g. 114.",
                value=value,
            )
        )
    return text


def _number_text(value: str | None, default: str) -> str | None:
    """``value`` stripped (``default`` when empty), or None when it is not a number to call."""
    text = (value or "").strip() or default
    return text if _PHONE_NUMBER.match(text) else None


class _Values(dict):
    """Values for a text's placeholders; one not given stays as it is ("{count}")."""

    def __missing__(self, name):
        return "{" + name + "}"


def _thousands(number: int, separator: str) -> str:
    return f"{number:,}".replace(",", separator)


@dataclass(frozen=True)
class PublicTexts:
    """The texts of one output: in ``language`` (see :data:`LANGUAGES`), with ``emergency_number``
    and the police's ``general_number``."""

    language: str = DEFAULT_LANGUAGE
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER
    general_number: str = DEFAULT_GENERAL_NUMBER

    @classmethod
    def checked(cls, language: str | None, emergency_number: str | None, general_number: str | None = None):
        """The texts for ``language`` and the phone numbers, each checked (empty means the default);
        raises :class:`.errors.InputError` for an unknown language or an unusable number."""
        return cls(
            checked_language(language),
            checked_emergency_number(emergency_number),
            checked_general_number(general_number),
        )

    @property
    def codes(self) -> tuple[str, ...]:
        """The language codes, the first printed first: ``("da", "en")``."""
        return tuple(self.language.split("+"))

    def each(self, key: str, **values) -> list[str]:
        """The text ``key`` in each language (formatted with ``values`` and the two numbers)."""
        values = {"emergency": self.emergency_number, "general": self.general_number, **values}
        texts = []
        for code in self.codes:
            local = {
                name: _thousands(value, THOUSANDS[code]) if type(value) is int else value
                for name, value in values.items()
            }
            text = texts_in(code)[key].format_map(_Values(local))
            if text not in texts:
                texts.append(text)
        return texts

    def __call__(self, key: str, separator: str | None = None, **values) -> str:
        """The text ``key`` in the output's languages, joined ("Sektor / Sector")."""
        return (SEPARATORS.get(key, " / ") if separator is None else separator).join(self.each(key, **values))

    def choice(self, label: str) -> str:
        """A workspace choice's "Dansk / English" label in the output's languages."""
        parts = label.split(" / ")
        if len(parts) != 2:
            return label
        by_code = dict(zip(("da", "en"), parts, strict=True))
        return " / ".join(dict.fromkeys(by_code[code] for code in self.codes))


DEFAULT_TEXTS = PublicTexts()
"""Danish and English, emergency number 112, general number 114."""
