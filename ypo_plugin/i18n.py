"""The plugin's translations (Qt Linguist): ``tr()``, and the translator QGIS's language selects.

Every text shown to the user is one literal in ``tr("…")``; values go in as named placeholders after
translation (``tr("Sector {sector} has no officer.", sector=sector_id)``), so ``pylupdate5`` can
collect every text into ``i18n/ypo_da.ts``. All texts share one context (a bare ``tr`` is filed by
``pylupdate5`` under ``@default``): a term is translated once wherever it is used. The core marks its
messages with :func:`ypo_plugin.core.messages.tr`; :func:`translated` shows them in the user's language.
"""

import string
from numbers import Number
from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .core.messages import Message

CONTEXT = "@default"
_SWAPPED_SEPARATORS = str.maketrans(",.", ".,")


class LocalNumbers(string.Formatter):
    """Formats the numbers of a text with the separators of the translation's language: in Danish
    12.500 inhabitants and a rate of 0,57 (12,500 would read as twelve and a half)."""

    decimal_comma = False

    def format_field(self, value, format_spec):  # noqa: D102 - see the class
        text = super().format_field(value, format_spec)
        if self.decimal_comma and isinstance(value, Number) and not isinstance(value, bool):
            return text.translate(_SWAPPED_SEPARATORS)
        return text


NUMBERS = LocalNumbers()
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "i18n"
"""Where the staged plugin keeps ``ypo_<language>.qm`` (built by ``make stage`` with ``lrelease``)."""


def tr(text: str, disambiguation: str | None = None, **values) -> str:
    """``text`` (a literal) in the user's language, formatted with ``values``."""
    return _filled(QCoreApplication.translate(CONTEXT, text, disambiguation), values)


def _filled(translation: str, values: dict) -> str:
    """``translation`` formatted with ``values``, the core's messages among them translated too
    ("{count} officers" inside a sentence, a period's "… to …")."""
    if not values:
        return translation
    return NUMBERS.vformat(translation, (), {name: translated(value) for name, value in values.items()})


def plugin_menu() -> str:
    """The plugin's menu under Plugins, where the plugin object and its editing tools add entries."""
    return tr("&YPO sector planning")


def translated(message: str) -> str:
    """A message of the core (:class:`~.core.messages.Message`) in the user's language; other
    texts as they are."""
    if isinstance(message, Message):
        translation = QCoreApplication.translate(CONTEXT, message.template, message.disambiguation)
        return _filled(translation, message.values)
    return message


def translation_file(language: str) -> Path | None:
    """The compiled translation for ``language`` ("da", "da_DK"), or None (English needs none)."""
    for code in (language, language.split("_")[0]):
        path = TRANSLATIONS_DIR / f"ypo_{code}.qm"
        if code and path.is_file():
            return path
    return None


def install_translator(language: str | None = None) -> QTranslator | None:
    """Install the translation for ``language`` (default: QGIS's user interface language); the
    translator, to be removed on unload, or None when the language is English or has no translation."""
    language = language or QgsApplication.locale()
    path = translation_file(language)
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    NUMBERS.decimal_comma = QLocale(language).decimalPoint() == ","
    return translator


def remove_translator(translator: QTranslator | None) -> None:
    """Remove what :func:`install_translator` installed."""
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
        NUMBERS.decimal_comma = False
