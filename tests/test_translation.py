"""The plugin speaks QGIS's language: Danish with a Danish QGIS, English otherwise — through
``qgis_process`` as a planner's script runs it, and in this process through the plugin's translator.
The expected Danish is read from i18n/ypo_da.ts (tests/translations.py), not from Qt."""

import re

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from ypo_plugin.core.messages import tr as core_tr
from ypo_plugin.i18n import tr, translated, translation_file

from .translations import danish

HELP_SECTION = re.compile(r"-+\nDescription\n-+\n(.*?)\n-+\nArguments", re.DOTALL)
ARGUMENT = re.compile(r"^([A-Z_]+): (.+)$", re.MULTILINE)


def help_parts(output: str):
    """(display name, description, {parameter: description}) of ``qgis_process help``."""
    title = output.splitlines()[0].rsplit(" (", 1)[0]
    description = HELP_SECTION.search(output).group(1).strip()
    arguments = dict(ARGUMENT.findall(output.split("Arguments", 1)[1]))
    return title, description, arguments


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
    message = core_tr("Sectors in {place}:", place="Nørrebro")
    assert translated(message) == danish("Sectors in {place}:").format(place="Nørrebro")
    assert translated(core_tr("Phone", "abbreviation")) == "Tlf."
    assert translated("a text of the data") == "a text of the data"


def test_texts_stay_english_without_a_translation():
    assert tr("Sector planning") == "Sector planning"
    assert translated(core_tr("Sectors in {place}:", place="Nørrebro")) == "Sectors in Nørrebro:"


def test_the_translation_of_the_language_qgis_uses_is_found(staged_plugin_dir, monkeypatch):
    from ypo_plugin import i18n

    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", staged_plugin_dir / "ypo_plugin" / "i18n")
    assert translation_file("da").name == translation_file("da_DK").name == "ypo_da.qm"
    assert translation_file("en") is None and translation_file("") is None
