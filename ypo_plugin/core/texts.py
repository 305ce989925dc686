"""Every word printed on a map, web page or handover report, in each language: one table.

Outputs are written in one language or two (``LANGUAGE``: ``da+en``, ``en``, ``da``,
``en+da``; the first named comes first). :class:`PublicTexts` picks a text of the table
in those languages and joins them ("Sektor / Sector"); texts with ``{emergency}`` get the
emergency number of the station's country (``EMERGENCY_NUMBER``, 112 by default).
"""

import re
from dataclasses import dataclass

from .errors import InputError
from .messages import tr

LANGUAGES: tuple[str, ...] = ("da+en", "en", "da", "en+da")
"""The LANGUAGE options: one language, or two with the first named first."""
DEFAULT_LANGUAGE = "da+en"
DEFAULT_EMERGENCY_NUMBER = "112"
DEFAULT_GENERAL_NUMBER = "114"
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}

# key: (Danish, English)
_ROWS: dict[str, tuple[str, str]] = {
    # every page
    "date": ("Dato", "Date"),
    "sources": ("Kilder", "Sources"),
    "map": ("Kort", "Map"),
    "page": ("Side", "Page"),
    "of": ("af", "of"),
    "period": ("Periode", "Period"),
    "sectors_count": ("sektorer", "sectors"),
    "officers_count": ("betjente", "officers"),
    "internal": ("INTERNT", "INTERNAL"),
    "legend": ("Signatur", "Legend"),
    "continued": ("fortsat", "continued"),
    "without_time": ("uden klokkeslæt", "without a time of day"),
    "key_number": ("Nr.", "No."),
    "title_public": ("Nærpoliti – sektorer og betjente", "Your Police Officer – sectors and officers"),
    "title_internal": ("Sektoroversigt", "Sector overview"),
    "public_sources": ("Politiets sektorinddeling", "police sector division"),
    "find_officer": ("Find din nærpolitibetjent", "Find your local police officer"),
    "emergency": ("Ved akut behov ring {emergency}.", "In an emergency call {emergency}."),
    # sectors and officers
    "sector": ("Sektor", "Sector"),
    "district": ("Distrikt", "District"),
    "name": ("Navn", "Name"),
    "officer": ("Betjent", "Officer"),
    "your_officer": ("Din nærpolitibetjent", "Your local police officer"),
    "phone": ("Telefon", "Phone"),
    "phone_short": ("Tlf.", "Phone"),
    "email": ("E-mail", "E-mail"),
    "officer_tba": ("Betjent følger", "Officer to be announced"),
    "officer_tba_short": ("Betjent følger", "To be announced"),
    "neighbours": ("Nabosektorer", "Neighbouring sectors"),
    # figures
    "key_figures": ("Nøgletal", "Key figures"),
    "population": ("Befolkning", "Population"),
    "population_short": ("Indb.", "Pop."),
    "inhabitants_abbr": ("indb.", "pop."),
    "area": ("Areal", "Area"),
    "area_km2": ("Areal", "Area (km²)"),
    "crimes": ("Forbrydelser", "Crimes"),
    "per_1000": ("pr. 1.000 indb.", "per 1,000"),
    "crimes_per_1000": ("Forbrydelser pr. 1.000", "Crimes per 1,000"),
    "exposed_share": ("Andel i udsatte områder", "Exposed share"),
    "need_score": ("Behov", "Need score"),
    "factor": ("Faktor", "Factor"),
    "officers": ("Betjente", "Officers"),
    "officers_short": ("Betj.", "Off."),
    "officers_abbr": ("betj.", "officers"),
    "required": ("krav", "required"),
    "officers_required": ("Betjente krævet", "Officers required"),
    "officers_allocated": ("Betjente tildelt", "Officers allocated"),
    "factor_high": (
        "Faktor {factor} – højt behov (1 pr. {per})",
        "Factor {factor} – high need (1 per {per})",
    ),
    "factor_class": ("Faktor {factor} (1 pr. {per})", "Factor {factor} (1 per {per})"),
    "factor_low": ("Faktor {factor} – lavt behov (1 pr. {per})", "Factor {factor} – low need (1 per {per})"),
    # layers
    "layer_sectors": ("Sektorer", "Sectors"),
    "layer_districts": ("Distrikter", "Districts"),
    "layer_incidents": ("Hændelser", "Incidents"),
    "layer_grid": ("Forbrydelser pr. celle", "Crimes per grid cell"),
    "sources_sectors": ("sektorer", "sectors"),
    "sources_incidents": ("hændelser", "incidents"),
    "sources_grid": ("net", "grid"),
    "more_than": ("mere end {count}", "more than {count}"),
    # crime types and charts
    "violence": ("Vold", "Violence"),
    "burglary": ("Indbrud", "Burglary"),
    "theft": ("Tyveri", "Theft"),
    "drugs": ("Narkotika", "Drugs"),
    "vandalism": ("Hærværk", "Vandalism"),
    "harassment": ("Chikane", "Harassment"),
    "other": ("Anden", "Other"),
    "weekday_1": ("man", "Mon"),
    "weekday_2": ("tir", "Tue"),
    "weekday_3": ("ons", "Wed"),
    "weekday_4": ("tor", "Thu"),
    "weekday_5": ("fre", "Fri"),
    "weekday_6": ("lør", "Sat"),
    "weekday_7": ("søn", "Sun"),
    "hour": ("Time", "hour"),
    "crimes_by_hour": ("Forbrydelser efter time og ugedag", "Crimes by hour and weekday"),
    "by_type": ("Efter type", "By type"),
    # the web map
    "language": ("Sprog", "Language"),
    "map_help": (
        "Klik på din sektor, vælg den på listen eller skriv koordinater.",
        "Click your sector, choose it from the list or enter coordinates.",
    ),
    "choose": ("Vælg sektor", "Choose a sector"),
    "choose_option": ("– Vælg sektor –", "– Choose a sector –"),
    "coordinates": (
        "Adressens koordinater (bredde, længde)",
        "Coordinates of the address (latitude, longitude)",
    ),
    "find": ("Find", "Find"),
    "locate": ("Brug min position", "Use my location"),
    "not_found": ("Punktet ligger ikke i nogen sektor.", "The point is in no sector."),
    "bad_coordinates": (
        "Skriv bredde og længde, fx {example}.",
        "Enter latitude and longitude, e.g. {example}.",
    ),
    "no_location": ("Din position kunne ikke findes.", "Your location could not be found."),
    "address": ("Adresse", "Address"),
    "address_help": (
        "Skriv vej og husnummer eller postnummer, fx {address}.",
        "Type the street and house number or the postcode, e.g. {address}.",
    ),
    "suggestions": ("Forslag", "Suggestions"),
    "no_address": ("Ingen adresse passer til søgningen.", "No address matches the search."),
    "address_outside": (
        "Adressen ligger ikke i nogen af stationens sektorer. Ved akut behov ring {emergency}; "
        "ellers ring til politiet på {general}.",
        "The address is in none of the station's sectors. In an emergency call {emergency}; "
        "otherwise call the police on {general}.",
    ),
    "sectors_of": ("Sektorer i {place}:", "Sectors in {place}:"),
    "show_all": ("Vis hele området", "Show the whole area"),
    # business cards
    "police": ("Politiet", "Police"),
    "business_cards": ("Visitkort", "Business cards"),
    # sector leaflets
    "sector_leaflets": ("Sektorfoldere", "Sector leaflets"),
    "streets": ("Gader", "Streets"),
    "leaflet_offer": (
        "Din nærpolitibetjent kender området og arbejder i det hver uge. Kontakt betjenten, hvis du har "
        "spørgsmål, er bekymret for noget i området eller har en idé til at gøre det trygt at bo her. "
        "Betjenten samarbejder med skoler, foreninger, boligselskaber og forretninger i sektoren.",
        "Your local police officer knows the area and works in it every week. Get in touch with questions, "
        "worries about something in the area or an idea for making it a safe place to live. The officer "
        "works with the sector's schools, clubs, housing associations and shops.",
    ),
    "leaflet_when_emergency": (
        "Ring {emergency}, når der er fare for liv, helbred eller ejendom lige nu. Ellers ring {general}.",
        "Call {emergency} when life, health or property is in danger right now. Otherwise call {general}.",
    ),
    # the handover report
    "handover": ("Overdragelsesrapport", "Handover report"),
    "sector_handover": ("Sektoroverdragelse", "Sector handover"),
    "printed": ("udskrevet", "printed"),
    "key_figures_manning": ("Nøgletal og bemanding", "Key figures and manning"),
    "no_key_figures": (
        "ingen nøgletal: kør Compute sector manning på sektorerne",
        "no key figures: run Compute sector manning on the sectors",
    ),
    "partners": ("Samarbejdspartnere", "Partners"),
    "kind": ("Type", "Kind"),
    "contact": ("Kontakt", "Contact"),
    "open_challenges": ("Åbne udfordringer", "Open challenges"),
    "target_group": ("Målgruppe", "Target group"),
    "party": ("Interessent", "Party"),
    "challenge": ("Udfordring", "Challenge"),
    "follow_up": ("Opfølgning", "Follow-up"),
    "status": ("Status", "Status"),
    "latest_log": ("Seneste logindførsler", "Latest log entries"),
    "author": ("Af", "Author"),
    "action_taken": ("Handling", "Action taken"),
    "none": ("Ingen", "None"),
    "the_sector": ("Sektoren", "The sector"),
    "other_sectors": ("Andre sektorer", "Other sectors"),
    "log_is_internal": (
        "Sektorloggen, partnere og arrangementer er interne og offentliggøres aldrig",
        "The sector log, partners and events are internal and never published.",
    ),
}
TEXTS: dict[str, dict[str, str]] = {
    "da": {key: da for key, (da, _) in _ROWS.items()},
    "en": {key: en for key, (_, en) in _ROWS.items()},
}
"""The table of texts, one per language: ``TEXTS[language][key]``."""

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
            text = TEXTS[code][key].format_map(_Values(local))
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
