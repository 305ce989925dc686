"""The sector workspace's tables: the schematic sector log, partners, events and
the handbook's target groups, with the choices their forms offer.

Every choice is stored as a stable code and shown as a Danish / English label
(the forms' value maps and the handover report use the labels). The tables are
described here once; the Processing layer turns the descriptions into
GeoPackage layers and QGIS forms.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import InputError
from .lazy import lazy_module
from .messages import tr

# The workspace's vocabulary is read when the plugin lists its algorithms; the sector logic is not.
sectors = lazy_module(".sectors", __package__)

TARGET_GROUPS: tuple[tuple[str, str], ...] = (
    ("young_people_at_risk", tr("Unge i risikogruppen / Young people at risk")),
    ("exposed_housing_residents", tr("Beboere i udsatte boligområder / Residents of exposed housing areas")),
    ("business_owners", tr("Erhvervsdrivende / Business owners")),
    ("schools_institutions", tr("Skoler og institutioner / Schools and institutions")),
    ("elderly", tr("Ældre / The elderly")),
    ("nightlife_guests", tr("Nattelivets gæster / Nightlife guests")),
    ("residents", tr("Borgere i øvrigt / Residents in general")),
)
"""The handbook's target groups (code, label): who a log entry is about."""

LOG_STATUSES: tuple[tuple[str, str], ...] = (
    ("open", tr("Åben / Open")),
    ("in_progress", tr("I gang / In progress")),
    ("closed", tr("Afsluttet / Closed")),
)
OPEN_STATUSES: tuple[str, ...] = ("open", "in_progress")
"""Log entries with these statuses are the sector's open challenges."""

PARTNER_KINDS: tuple[tuple[str, str], ...] = (
    ("ssp", "SSP"),
    ("housing_association", tr("Boligselskab / Housing association")),
    ("club", tr("Klub eller forening / Club")),
    ("tradesperson", tr("Erhvervsdrivende / Tradesperson")),
    ("school", tr("Skole / School")),
    ("other", tr("Andet / Other")),
)

OFFICER_FIELDS: tuple[str, ...] = ("officer_name", "officer_phone", "officer_email")

# Layer names inside the workspace GeoPackage (fixed: the project, the forms and
# the handover report find the tables by them).
SECTORS_TABLE = "sectors"
LOG_TABLE = "sector_log"
PARTNERS_TABLE = "partners"
EVENTS_TABLE = "events"
TARGET_GROUPS_TABLE = "target_groups"


@dataclass(frozen=True)
class Column:
    """One field of a workspace table; ``kind`` is text, date, integer, boolean or timestamp;
    ``choices`` (code, label) make it a drop-down; ``default`` is a QGIS expression (the form's),
    ``sql_default`` the same default in PostgreSQL."""

    name: str
    kind: str
    alias: str
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    default: str = ""
    multiline: bool = False
    sql_default: str = ""


@dataclass(frozen=True)
class Table:
    """One table of the sector log: its name, title, geometry type ('' for none) and columns."""

    name: str
    title: str
    geometry: str  # "Point" or "" (no geometry)
    columns: tuple[Column, ...]


_SECTOR = Column("sector_id", "text", tr("Sektor / Sector"), required=True)

LOG = Table(
    LOG_TABLE,
    tr("Sektorlog / Sector log"),
    "",
    (
        Column(
            "entry_date",
            "date",
            tr("Dato / Date"),
            required=True,
            default="to_date(now())",
            sql_default="CURRENT_DATE",
        ),
        Column("author", "text", tr("Skrevet af / Author"), required=True, default="@user_full_name"),
        Column("target_group", "text", tr("Målgruppe / Target group"), choices=TARGET_GROUPS),
        Column("party_of_interest", "text", tr("Interessent / Party of interest")),
        Column("entry", "text", tr("Udfordring / Challenge"), required=True, multiline=True),
        Column("action_taken", "text", tr("Handling / Action taken"), multiline=True),
        Column(
            "status",
            "text",
            tr("Status"),
            required=True,
            choices=LOG_STATUSES,
            default="'open'",
            sql_default="'open'",
        ),
        Column("follow_up_date", "date", tr("Opfølgning / Follow-up date")),
        _SECTOR,
    ),
)
PARTNERS = Table(
    PARTNERS_TABLE,
    tr("Samarbejdspartnere / Partners"),
    "Point",
    (
        Column("name", "text", tr("Navn / Name"), required=True),
        Column("kind", "text", tr("Type / Kind"), required=True, choices=PARTNER_KINDS),
        Column("contact", "text", tr("Kontakt / Contact"), multiline=True),
        _SECTOR,
    ),
)
EVENTS = Table(
    EVENTS_TABLE,
    tr("Arrangementer / Events"),
    "Point",
    (
        Column(
            "event_date",
            "date",
            tr("Dato / Date"),
            required=True,
            default="to_date(now())",
            sql_default="CURRENT_DATE",
        ),
        Column("title", "text", tr("Titel / Title"), required=True),
        Column("notes", "text", tr("Noter / Notes"), multiline=True),
        _SECTOR,
    ),
)
TARGET_GROUP_TABLE = Table(
    TARGET_GROUPS_TABLE,
    tr("Målgrupper / Target groups"),
    "",
    (
        Column("code", "text", tr("Kode / Code"), required=True),
        Column("label", "text", tr("Målgruppe / Target group")),
    ),
)
# The log's columns in the station database only: who wrote an entry and when are set by the
# database (the ``author`` column above included), and a restricted entry is read by the managers
# and the sector's own officers only.
RESTRICTED = Column("restricted", "boolean", tr("Fortrolig / Restricted"), sql_default="false")
WRITTEN_AT = Column("written_at", "timestamp", tr("Skrevet / Written at"), sql_default="now()")
LOG_DATABASE_COLUMNS: tuple[Column, ...] = (RESTRICTED, WRITTEN_AT)
FREE_TEXT_WARNING = tr(
    "Ingen kildeoplysninger her / No source information here: information on criminal activities "
    "and groups is handled under the source-handling rules, never in the sector log."
)
"""Shown on the log form above its free-text fields."""

SECTOR_TABLES: tuple[Table, ...] = (LOG, PARTNERS, EVENTS)
"""The tables whose rows belong to a sector (by ``sector_id``); never published."""


def checked_sector_ids(values: Sequence[Any], layer_name: str, id_field: str) -> list[str]:
    """The sector ids as text, refused when one is missing or occurs twice (the log, partners
    and events refer to a sector by its id, so it must name exactly one sector)."""
    ids = [sectors.attribute_text(value) for value in values]
    if None in ids:
        raise InputError(
            tr(
                "{layer}: feature number {feature} has no {field}; give every sector an id.",
                layer=layer_name,
                feature=ids.index(None) + 1,
                field=id_field,
            )
        )
    seen, duplicates = set(), []
    for sector_id in ids:
        if sector_id in seen and sector_id not in duplicates:
            duplicates.append(sector_id)
        seen.add(sector_id)
    if duplicates:
        raise InputError(
            tr(
                "{layer}: {field} {sectors} occurs more than once; the sector log "
                "needs one feature per sector (dissolve the sectors by their id first).",
                layer=layer_name,
                field=id_field,
                sectors=", ".join(duplicates[:5]),
            )
        )
    return ids
