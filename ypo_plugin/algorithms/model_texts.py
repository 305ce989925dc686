"""The texts of the shipped models (``processing/*.model3``) marked for translation.

The model files, written by ``tools/make_models.py``, keep their names, help and descriptions in
English; the provider shows each marked text in the user's language when it loads a model
(:func:`model_text`). Each text here is a model's text word for word (a test checks that every one
is marked), so ``pylupdate5`` collects them with the plugin's other texts.
"""

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..i18n import CONTEXT

# Not formatted: pylupdate5 misses a text followed by a trailing comma.
# fmt: off
MODEL_TEXTS = frozenset(
    (
        # names and group
        QT_TRANSLATE_NOOP("@default", "Full sector plan"),
        QT_TRANSLATE_NOOP("@default", "Quarterly review"),
        QT_TRANSLATE_NOOP("@default", "Quarterly threat assessment"),
        QT_TRANSLATE_NOOP("@default", "Models"),
        # Full sector plan: its help, inputs, outputs and steps
        QT_TRANSLATE_NOOP(
            "@default",
            "Split districts into sectors, man them, grid their crime, validate the plan and print "
            "internal maps, in one run."
        ),
        QT_TRANSLATE_NOOP(
            "@default",
            "The whole YPO planning chain in one run: Split into sectors → Compute sector manning "
            "(on the new sectors) → Crime grid → Validate sectors → Export sector maps (internal "
            "atlas, PDF).\n\nUse it on the sample district (Create sample district) or on your own "
            "base units, districts, crime incidents and exposed housing areas. Outputs: the sectors "
            "and the units with their sector, the sector manning (and an HTML summary), the crime "
            "grid, the validation errors and the internal maps. The new sectors have no officers "
            "yet: add officer_name, officer_phone and officer_email (e.g. with the Field "
            "calculator) before publishing public maps.\n\nBatch mode: run the model over several "
            "districts layers, periods or seeds, one row each, each row with its own output files "
            "and folder."
        ),
        QT_TRANSLATE_NOOP("@default", "Barriers"),
        QT_TRANSLATE_NOOP("@default", "Optional: lines no sector should cross (railways, motorways, water)."),
        QT_TRANSLATE_NOOP("@default", "Crime incidents"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The crime incident points: they count in the sectors' crime, the grid and the maps."
        ),
        QT_TRANSLATE_NOOP("@default", "Crime type field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The incident's type (violence, burglary, theft, drugs, vandalism, harassment; English "
            "and Danish names are recognised). Default crime_type."
        ),
        QT_TRANSLATE_NOOP("@default", "Crime type mapping"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: extra 'source = type' entries for the crime type field, separated by ';' or "
            "new lines (e.g. 'BATTERY=violence; NARCOTICS=drugs; DECEPTIVE PRACTICE=other'), or the "
            "path of a mapping file; types in no mapping count in crimes_total only."
        ),
        QT_TRANSLATE_NOOP("@default", "Date field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The incident's date or date-time: a date/time field, ISO 8601 text, or MM/DD/YYYY, "
            "DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY text, optionally with a time hh:mm[:ss] (24-hour "
            "or AM/PM); day or month first is decided from the data. Default occurred."
        ),
        QT_TRANSLATE_NOOP("@default", "Date format"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: a strptime format for dates in another form, or to settle an ambiguous "
            "day/month order, e.g. %d/%m/%Y %H:%M or %m/%d/%Y %I:%M:%S %p."
        ),
        QT_TRANSLATE_NOOP("@default", "Districts"),
        QT_TRANSLATE_NOOP("@default", "The local police districts: their name, number of sectors and staff."),
        QT_TRANSLATE_NOOP("@default", "District name field"),
        QT_TRANSLATE_NOOP("@default", "Default district."),
        QT_TRANSLATE_NOOP("@default", "District staff field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The officers each district has, shared out over its sectors by need. Default staff."
        ),
        QT_TRANSLATE_NOOP("@default", "Particularly exposed housing areas"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: polygons of particularly exposed housing areas; they raise a sector's "
            "workload and need."
        ),
        QT_TRANSLATE_NOOP("@default", "Stop on validation errors"),
        QT_TRANSLATE_NOOP(
            "@default",
            "When checked, the run stops after the validation if the plan has errors (no maps are "
            "printed); the errors layer is written first."
        ),
        QT_TRANSLATE_NOOP("@default", "Minimum sector area (m²)"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Validation reports a sector (or a part of one) smaller than this as a sliver. Default "
            "10,000."
        ),
        QT_TRANSLATE_NOOP("@default", "Period end"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: only crime up to this date (the whole day included) counts."
        ),
        QT_TRANSLATE_NOOP("@default", "Period start"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: only crime from this date counts in the manning, the grid and the maps."
        ),
        QT_TRANSLATE_NOOP("@default", "Place (scene) field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: where the incident happened (street, residence, shop…); gives the grid's "
            "table of crimes by place."
        ),
        QT_TRANSLATE_NOOP("@default", "Population field"),
        QT_TRANSLATE_NOOP("@default", "The base units' population. Default population."),
        QT_TRANSLATE_NOOP("@default", "Sectors per district field"),
        QT_TRANSLATE_NOOP("@default", "How many sectors each district is split into. Default sector_count."),
        QT_TRANSLATE_NOOP("@default", "Seed"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The random seed of the split: the same inputs and seed give the same sectors."
        ),
        QT_TRANSLATE_NOOP("@default", "Streets"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: street lines, drawn lightly under the sectors on the maps, the longest named "
            "(their field 'name')."
        ),
        QT_TRANSLATE_NOOP("@default", "Time of day field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: the incident's time of day when it is in a field of its own (text "
            "hh:mm[:ss], a time field, or minutes since midnight or HHMM numbers); it replaces any "
            "time in the date field. Incidents without a time of day count in band_unknown, in no "
            "time band."
        ),
        QT_TRANSLATE_NOOP("@default", "Map title"),
        QT_TRANSLATE_NOOP("@default", "Optional: the title printed on the internal maps."),
        QT_TRANSLATE_NOOP("@default", "Tolerance (%)"),
        QT_TRANSLATE_NOOP(
            "@default",
            "How far (in %) a sector's workload may deviate from its district's mean. Default 1."
        ),
        QT_TRANSLATE_NOOP("@default", "Base units"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Polygons the sectors are built from (blocks, census tracts) with their population."
        ),
        QT_TRANSLATE_NOOP("@default", "Crime grid"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Grid cells inside the sectors with crime counts by type and time band."
        ),
        QT_TRANSLATE_NOOP("@default", "Chart folder"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: a folder for charts of crime by hour and by type per sector (skipped when "
            "left out; drawing them takes a few seconds)."
        ),
        QT_TRANSLATE_NOOP("@default", "Crimes by place"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: a table of crimes per sector by place (needs the place field)."
        ),
        QT_TRANSLATE_NOOP("@default", "Crimes by weekday and hour"),
        QT_TRANSLATE_NOOP("@default", "Optional: a table of crimes per sector by weekday and hour."),
        QT_TRANSLATE_NOOP("@default", "Compute sector manning"),
        QT_TRANSLATE_NOOP("@default", "Sector manning"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The sectors with population, crime by type, need, factor, officers required and "
            "allocated."
        ),
        QT_TRANSLATE_NOOP("@default", "Manning summary (HTML)"),
        QT_TRANSLATE_NOOP("@default", "Optional: a readable HTML summary of the manning."),
        QT_TRANSLATE_NOOP("@default", "Internal sector maps"),
        QT_TRANSLATE_NOOP("@default", "Internal maps folder"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The folder for the internal atlas (PDF: an overview and one page per sector, marked "
            "INTERNAL, with the crime grid of the period)."
        ),
        QT_TRANSLATE_NOOP("@default", "Split into sectors"),
        QT_TRANSLATE_NOOP("@default", "Sectors"),
        QT_TRANSLATE_NOOP("@default", "The new sectors (polygons, one per sector)."),
        QT_TRANSLATE_NOOP("@default", "Units with sector"),
        QT_TRANSLATE_NOOP("@default", "The base units with their sector_id."),
        QT_TRANSLATE_NOOP("@default", "Validate sectors"),
        QT_TRANSLATE_NOOP("@default", "Validation errors"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Gaps, overlaps, parts outside the district, non-contiguous sectors, slivers and "
            "under-manned sectors (error_type, sector_ids and the problem geometry)."
        ),
        # Quarterly review: its help, inputs, outputs and steps
        QT_TRANSLATE_NOOP(
            "@default",
            "Manning and crime grid of existing sectors for a period compared with the previous "
            "one, with internal maps and the gang-related counts of the threat assessment."
        ),
        QT_TRANSLATE_NOOP(
            "@default",
            "The periodic review of an existing sector plan: Compute sector manning for the period, "
            "Crime grid for the period compared with the previous period (counts and change per "
            "cell and time band), Export sector maps (internal atlas, PDF) for the period, and the "
            "Quarterly threat assessment of the period against the previous one (per sector, "
            "exposed area and the station: change, its p-value and, with a gang field, the "
            "gang-related incidents; table and PDF optional).\n\nBatch mode: run the model over "
            "several periods (one row per quarter or month, each with its previous period) or "
            "several districts' sectors, each row with its own output files and folder."
        ),
        QT_TRANSLATE_NOOP("@default", "Previous period end"),
        QT_TRANSLATE_NOOP("@default", "The last day of the previous period (the whole day counts)."),
        QT_TRANSLATE_NOOP("@default", "Previous period start"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The first day of the period the grid compares with (e.g. the previous quarter)."
        ),
        QT_TRANSLATE_NOOP("@default", "Districts with staff"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: the districts with their staff, shared out over their sectors by need."
        ),
        QT_TRANSLATE_NOOP("@default", "The officers each district has. Default staff."),
        QT_TRANSLATE_NOOP("@default", "Exposed area name field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The exposed housing areas' name, shown in the threat assessment. Default name."
        ),
        QT_TRANSLATE_NOOP("@default", "Gang field"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: a yes/no field of the incidents marking gang-related ones (a boolean, a "
            "number, 0 = no, or yes/no, true/false, ja/nej, 1/0 text); gives the gang-related "
            "counts now and before."
        ),
        QT_TRANSLATE_NOOP("@default", "The last day of the period under review (the whole day counts)."),
        QT_TRANSLATE_NOOP("@default", "The first day of the period under review."),
        QT_TRANSLATE_NOOP("@default", "Population"),
        QT_TRANSLATE_NOOP("@default", "Polygons or points with population (e.g. the base units)."),
        QT_TRANSLATE_NOOP("@default", "Default population."),
        QT_TRANSLATE_NOOP(
            "@default",
            "The sector plan to review (e.g. the sectors of Full sector plan, with their officers)."
        ),
        QT_TRANSLATE_NOOP("@default", "Sector id field"),
        QT_TRANSLATE_NOOP("@default", "Default sector_id."),
        QT_TRANSLATE_NOOP("@default", "Crime grid, period against the previous one"),
        QT_TRANSLATE_NOOP("@default", "Compute sector manning for the period"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The sectors with the period's population, crime by type, need, factor and officers."
        ),
        QT_TRANSLATE_NOOP("@default", "Threat assessment"),
        QT_TRANSLATE_NOOP("@default", "Threat assessment report"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: the PDF for the station management: a summary page (significant increases "
            "and decreases, gang-related incidents, exposed areas), then a page per sector with its "
            "monthly series."
        ),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: a table (no geometry) with one row per sector, exposed area and the station "
            "(area_kind, area_id): population, incidents by type now and before, change_pct, "
            "p_value, significant, gang_now, gang_before and the busiest 250 m cells."
        ),
        # Quarterly threat assessment: its help, inputs, outputs and steps
        QT_TRANSLATE_NOOP(
            "@default",
            "The quarterly threat assessment (change by sector, exposed area and station, its "
            "significance, gang-related incidents, a PDF for the station management) and the crime "
            "grid of the same quarter against the same comparison period."
        ),
        QT_TRANSLATE_NOOP(
            "@default",
            "Quarterly threat assessment → Crime grid: the assessment finds the quarter (by default "
            "the last full quarter in the data) and its comparison period (the quarter before, or "
            "the period given, e.g. the same quarter a year earlier), and the crime grid counts the "
            "same two periods cell by cell and time band by time band (crimes_total, compare_total, "
            "change).\n\nBatch mode: run the model over several quarters (one row per quarter, each "
            "with its own output files), e.g. the four quarters of a year."
        ),
        QT_TRANSLATE_NOOP("@default", "Comparison end"),
        QT_TRANSLATE_NOOP("@default", "Optional: its last day (the whole day counts)."),
        QT_TRANSLATE_NOOP("@default", "Comparison start"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: the first day of the period compared with (e.g. the same quarter a year "
            "earlier); empty: the quarter before."
        ),
        QT_TRANSLATE_NOOP("@default", "Quarter end"),
        QT_TRANSLATE_NOOP("@default", "Optional: the quarter's last day (the whole day counts)."),
        QT_TRANSLATE_NOOP("@default", "Quarter start"),
        QT_TRANSLATE_NOOP(
            "@default",
            "Optional: the first day of the quarter; empty: the last full quarter in the data."
        ),
        QT_TRANSLATE_NOOP("@default", "Optional: polygons or points with population (e.g. the base units)."),
        QT_TRANSLATE_NOOP("@default", "The sector plan (e.g. the sectors of Full sector plan)."),
        QT_TRANSLATE_NOOP("@default", "Crime grid of the same quarter and comparison period"),
        QT_TRANSLATE_NOOP(
            "@default",
            "The PDF for the station management: a summary page (significant increases and "
            "decreases, gang-related incidents, exposed areas), then a page per sector with its "
            "monthly series."
        ),
        QT_TRANSLATE_NOOP(
            "@default",
            "A table (no geometry) with one row per sector, exposed area and the station "
            "(area_kind, area_id): population, incidents by type now and before, change_pct, "
            "p_value, significant, gang_now, gang_before and the busiest 250 m cells."
        ),
    )
)
# fmt: on


def model_text(text: str) -> str:
    """A text of a shipped model (:data:`MODEL_TEXTS`) in the user's language; any other text as it is."""
    return QCoreApplication.translate(CONTEXT, text) if text in MODEL_TEXTS else text
