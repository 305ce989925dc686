"""The plugin speaks QGIS's language: Danish with a Danish QGIS, English otherwise — through
``qgis_process`` as a planner's script runs it, and in this process through the plugin's translator.
The expected Danish is read from i18n/ypo_da.ts (tests/translations.py), not from Qt."""

import re

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ypo_plugin.core.messages import tr as core_tr
from ypo_plugin.i18n import plugin_menu, tr, translated, translation_file

from .translations import danish

HELP_SECTION = re.compile(r"-+\nDescription\n-+\n(.*?)\n-+\nArguments", re.DOTALL)
ARGUMENT = re.compile(r"^([A-Z_]+): (.+)$", re.MULTILINE)
OPTIONAL_MARK = re.compile(r" \((optional|valgfri)\)$")
OUTPUT = re.compile(r"^([A-Z_]+): <\w+>\n\t(.+)$", re.MULTILINE)


def help_parts(output: str):
    """(display name, description, {parameter or output: description}) of ``qgis_process help``."""
    title = output.splitlines()[0].rsplit(" (", 1)[0]
    description = HELP_SECTION.search(output).group(1).strip()
    arguments, outputs = output.split("Arguments", 1)[1].split("\nOutputs\n", 1)
    # QGIS 3.44 marks optional parameters after their description (in its own language).
    described = {name: re.sub(OPTIONAL_MARK, "", text) for name, text in ARGUMENT.findall(arguments)}
    described.update({f"output {name}": text for name, text in OUTPUT.findall(outputs)})
    return title, description, described


@pytest.fixture(scope="module")
def help_in(qgis_process_in):
    return {
        language: help_parts(qgis_process_in(language)("help", "ypo:splitsectors").stdout)
        for language in ("en", "da")
    }


def test_help_is_english_with_an_english_qgis(help_in):
    title, description, arguments = help_in["en"]
    assert title == "Split districts into sectors"
    assert description.startswith("Builds a sector plan from base units")
    assert arguments["SECTOR_COUNT"] == "Number of sectors"
    assert arguments["UNITS"] == "Base units"
    assert arguments["output MAX_DEVIATION_PCT"] == "Largest workload deviation (%)"


def test_help_is_danish_with_a_danish_qgis(help_in):
    english_title, english_description, english_arguments = help_in["en"]
    title, description, arguments = help_in["da"]
    assert title == danish(english_title) != english_title
    assert description == danish(english_description) != english_description
    assert set(arguments) == set(english_arguments)
    for name, text in english_arguments.items():
        assert arguments[name] == danish(text), name


@pytest.fixture
def danish_translator(staged_plugin_dir):
    translator = QTranslator()
    assert translator.load(str(staged_plugin_dir / "ypo_plugin" / "i18n" / "ypo_da.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_texts_and_core_messages_follow_the_installed_translation(danish_translator):
    assert tr("Sector planning") == danish("Sector planning")
    assert plugin_menu() == danish("&YPO sector planning") == "&YPO-sektorplanlægning"
    message = core_tr("Sectors in {place}:", place="Nørrebro")
    assert translated(message) == danish("Sectors in {place}:").format(place="Nørrebro")
    assert translated(core_tr("Phone", "abbreviation")) == "Tlf."
    # A core message given to tr() as a value is translated too.
    span = core_tr("{first} to {last}", first="2018-01-14", last="2018-01-26")
    assert tr("Quarter {quarter}, compared with {compare}.", quarter=span, compare=span) == danish(
        "Quarter {quarter}, compared with {compare}."
    ).format(quarter="2018-01-14 til 2018-01-26", compare="2018-01-14 til 2018-01-26")
    assert translated("a text of the data") == "a text of the data"


def test_texts_stay_english_without_a_translation():
    assert tr("Sector planning") == "Sector planning"
    assert translated(core_tr("Sectors in {place}:", place="Nørrebro")) == "Sectors in Nørrebro:"


def test_the_translation_of_the_language_qgis_uses_is_found(staged_plugin_dir, monkeypatch):
    from ypo_plugin import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", staged_plugin_dir / "ypo_plugin" / "i18n")
    assert translation_file("da").name == translation_file("da_DK").name == "ypo_da.qm"
    assert translation_file("en") is None and translation_file("") is None


@pytest.fixture(scope="module")
def two_units(tmp_path_factory):
    """Two 100 m squares with 10 and 20 inhabitants in a field named 'inhabitants'."""
    import geopandas as gpd
    from shapely.geometry import box

    path = tmp_path_factory.mktemp("two_units") / "two_units.geojson"
    gpd.GeoDataFrame(
        {"unit_id": [1, 2], "inhabitants": [10, 20]},
        geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100)],
        crs="EPSG:25832",
    ).to_file(path)
    return path


def split_error(qgis_process, units, **parameters) -> str:
    result = qgis_process(
        "run",
        "ypo:splitsectors",
        "--",
        f"UNITS={units}",
        "OUTPUT_SECTORS=TEMPORARY_OUTPUT",
        "OUTPUT_UNITS=TEMPORARY_OUTPUT",
        *(f"{name}={value}" for name, value in parameters.items()),
        check=False,
    )
    assert result.returncode != 0
    return next(
        line for line in result.stdout.splitlines() + result.stderr.splitlines() if line.startswith("ERROR:")
    )


def test_a_bad_field_is_reported_in_the_language_of_qgis(qgis_process_in, two_units):
    english = split_error(qgis_process_in("en"), two_units, POPULATION_FIELD="pop_x")
    danish_error = split_error(qgis_process_in("da"), two_units, POPULATION_FIELD="pop_x")
    template = "{parameter}: the layer '{layer}' ({source}) has no field '{field}'; choose one of {fields}."
    values = dict(
        parameter="POPULATION_FIELD", source="two_units", field="pop_x", fields="unit_id, inhabitants"
    )
    assert english == "ERROR:\t" + template.format(layer="Base units", **values)
    assert danish_error == "ERROR:\t" + danish(template).format(layer=danish("Base units"), **values)


def test_numbers_follow_the_language_of_the_translation(staged_plugin_dir, monkeypatch):
    """12,500 would read as twelve and a half in Danish."""
    from ypo_plugin import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", staged_plugin_dir / "ypo_plugin" / "i18n")
    outside = "Incidents outside every sector: {count:,}."
    population = "Population outside every sector: {population:,.0f}."
    translator = i18n.install_translator("da")
    try:
        assert tr(outside, count=12500) == danish(outside).replace("{count:,}", "12.500")
        assert translated(core_tr(population, population=1234.6)) == danish(population).replace(
            "{population:,.0f}", "1.235"
        )
        assert i18n.NUMBERS.format("{rate:.2f} {share:.1%} {year}", rate=0.57, share=0.125, year=2026) == (
            "0,57 12,5% 2026"
        )
    finally:
        i18n.remove_translator(translator)
    assert tr(outside, count=12500) == "Incidents outside every sector: 12,500."
    assert i18n.NUMBERS.format("{rate:.2f}", rate=0.57) == "0.57"
