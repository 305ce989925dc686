"""The Danish translation as committed (i18n/ypo_da.ts), read with ElementTree: the expected Danish
of the tests, independent of Qt's translator."""

import functools
import xml.etree.ElementTree as ElementTree
from pathlib import Path

TRANSLATION = Path(__file__).resolve().parent.parent / "i18n" / "ypo_da.ts"


@functools.cache
def danish_texts() -> dict[tuple[str, str | None], str]:
    """{(English source, disambiguation): Danish translation} of every finished entry."""
    texts = {}
    for message in ElementTree.parse(TRANSLATION).iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.get("type") != "unfinished":
            texts[message.findtext("source"), message.findtext("comment")] = translation.text
    return texts


def danish(english: str, disambiguation: str | None = None) -> str:
    """The Danish of ``english``; a KeyError names a text the translation lacks."""
    return danish_texts()[english, disambiguation]
