"""The QR codes of the printed public outputs (business cards, leaflets): the WEB_MAP_URL parameter
they may point to, and the QR package they are drawn with."""

import importlib.util

from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ..core.lazy import lazy_module
from ..i18n import tr

segno = lazy_module("segno")

WEB_MAP_URL = "WEB_MAP_URL"


def add_web_map_url_parameter(algorithm) -> None:
    """WEB_MAP_URL (optional): the address where the station publishes its web map."""
    algorithm.addParameter(QgsProcessingParameterString(WEB_MAP_URL, tr("Web map address"), optional=True))


def read_web_map_url(algorithm, parameters, context) -> str | None:
    """The web map's address, None when left empty; a clear error when it is no web address."""
    url = (algorithm.parameterAsString(parameters, WEB_MAP_URL, context) or "").strip() or None
    if url and not url.lower().startswith(("https://", "http://")):
        raise QgsProcessingException(
            tr(
                "WEB_MAP_URL '{url}' is not a web address: give the https:// address of the web map, or "
                "leave it empty for vCard QR codes.",
                url=url,
            )
        )
    return url


def require_qr_package(what: str) -> None:
    """Stop with what to install when segno, which draws the QR codes, is missing; ``what`` (translated)
    names the outputs that need it."""
    if importlib.util.find_spec("segno") is None:
        raise QgsProcessingException(
            tr(
                "{what} need the Python package segno for their QR codes: install it (e.g. python3 -m pip "
                "install segno, or the OSGeo4W shell's pip on Windows) and run again.",
                what=what,
            )
        )


def qr_code(text: str):
    """The QR symbol of ``text`` (segno): a full QR code (no micro QR, which phones read badly),
    error correction M, UTF-8 with an ECI header so that readers decode æ, ø and å."""
    return segno.make(text, error="m", micro=False, encoding="utf-8", eci=True)
