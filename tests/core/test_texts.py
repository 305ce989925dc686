"""The texts of publications: one table, any of four language orders, any emergency number."""

import pytest

from ypo_plugin.core import texts
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.texts import (
    ENGLISH,
    LANGUAGES,
    PublicTexts,
    checked_emergency_number,
    checked_language,
    texts_in,
)

from ..translations import danish


def test_the_options_are_the_four_orders_and_both_tables_hold_the_same_texts():
    assert LANGUAGES == ("da+en", "en", "da", "en+da")
    assert set(texts_in("da")) == set(texts_in("en")) == set(ENGLISH)
    assert all(texts_in("da")[key] and texts_in("en")[key] for key in ENGLISH)


def test_the_printed_danish_is_the_plugin_translation():
    assert texts_in("da")["sector"] == danish("Sector") == "Sektor"
    assert texts_in("da")["your_officer"] == danish("Your local police officer") == "Din nærpolitibetjent"
    plain = [key for key, text in ENGLISH.items() if text.disambiguation is None]
    assert len(plain) == len(ENGLISH) - 2
    assert all(texts_in("da")[key] == danish(ENGLISH[key]) for key in plain)
    # The same English, two Danish: told apart for the translator.
    assert (texts_in("da")["phone"], texts_in("da")["phone_short"]) == ("Telefon", "Tlf.")
    assert (texts_in("da")["officers_count"], texts_in("da")["officers_abbr"]) == ("betjente", "betj.")


def test_a_text_the_translation_lacks_stops_the_output(tmp_path, monkeypatch):
    (tmp_path / "ypo_da.ts").write_text(
        '<TS version="2.1"><context><name>@default</name><message><source>Sector</source>'
        "<translation>Sektor</translation></message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setattr(texts, "TRANSLATION_FOLDERS", (tmp_path,))
    texts_in.cache_clear()
    try:
        with pytest.raises(LookupError, match="translation lacks 'Date'"):
            texts_in("da")
    finally:
        texts_in.cache_clear()


def test_languages_are_joined_first_named_first():
    assert PublicTexts("da+en")("sector") == "Sektor / Sector"
    assert PublicTexts("en+da")("sector") == "Sector / Sektor"
    assert PublicTexts("en")("sector") == "Sector"
    assert PublicTexts("da")("sector") == "Sektor"
    assert PublicTexts("da+en")("sector", "\n") == "Sektor\nSector"
    assert PublicTexts("da+en")("email") == "E-mail"  # the same word in both: once


def test_the_emergency_number_and_numbers_in_each_language():
    assert PublicTexts()("emergency") == "Ved akut behov ring 112. In an emergency call 112."
    assert PublicTexts("en", "911")("emergency") == "In an emergency call 911."
    assert PublicTexts("da", "999")("emergency") == "Ved akut behov ring 999."
    # Thousands: 3.000 in Danish, 3,000 in English.
    assert (
        PublicTexts("da+en")("factor_class", factor=3, per=3000)
        == "Faktor 3 (1 pr. 3.000)\nFactor 3 (1 per 3,000)"
    )
    assert PublicTexts("en")("more_than", count=100) == "more than 100"


def test_a_workspace_choice_in_the_reports_languages():
    assert PublicTexts("en").choice("Åben / Open") == "Open"
    assert PublicTexts("da").choice("Åben / Open") == "Åben"
    assert PublicTexts("en+da").choice("Åben / Open") == "Open / Åben"
    assert PublicTexts("da+en").choice("Åben / Open") == "Åben / Open"
    assert PublicTexts("en").choice("SSP") == "SSP"  # one word for both


def test_language_and_number_are_checked():
    assert checked_language("EN") == "en" and checked_language(None) == "da+en"
    with pytest.raises(
        InputError, match=r"LANGUAGE 'fr' is not offered; choose one of da\+en, en, da, en\+da\."
    ):
        checked_language("fr")
    assert checked_emergency_number("") == "112"
    assert checked_emergency_number(" 911 ") == "911"
    assert checked_emergency_number("+44 999") == "+44 999"
    with pytest.raises(
        InputError, match=r"EMERGENCY_NUMBER 'call me' is not a number to call.*112, 911 or 999"
    ):
        checked_emergency_number("call me")
    assert PublicTexts.checked("en+da", "000") == PublicTexts("en+da", "000")
