"""ypo:exportpublicwebmap — one self-contained HTML page where citizens find their sector and officer."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.publication import PUBLIC_FIELDS, web_map_data, web_map_html
from ..core.texts import DEFAULT_TEXTS
from ..inputs.public_texts import HELP as TEXT_HELP
from ..inputs.public_texts import add_text_parameters, read_texts
from ..inputs.sector_input import read_public_frame
from ..qgis_io.read import has_features
from .base import YpoAlgorithm


def read_public_sectors(algorithm, parameters, context, feedback, target_crs=None, texts=DEFAULT_TEXTS):
    """The allow-listed sector table (see core.publication.public_frame) of SECTORS.

    Only the allow-listed fields that the layer has are read at all.
    """
    source = algorithm.parameterAsSource(parameters, "SECTORS", context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, "SECTORS"))
    if not source.sourceCrs().isValid() and has_features(source):
        raise QgsProcessingException(
            f"SECTORS ({source.sourceName()}) has no valid coordinate reference system: set its CRS "
            "(Layer Properties ▸ Source) and run again."
        )
    _, frame, names = read_public_frame(
        source, PUBLIC_FIELDS, target_crs, context.transformContext(), feedback
    )
    missing = [name for name in PUBLIC_FIELDS[3:] if name not in names]
    if missing:
        feedback.pushWarning(
            f"SECTORS has no field {', '.join(missing)}: shown as '{texts('officer_tba')}' or '–'. Add "
            "the officers' contact details (e.g. with the Field calculator) before publishing."
        )
    empty = int(frame["officer_name"].isna().sum())
    if empty and "officer_name" in names:
        feedback.pushWarning(f"{empty} sectors have no officer_name: shown as '{texts('officer_tba')}'.")
    return source, frame


class ExportPublicWebMapAlgorithm(YpoAlgorithm):
    SECTORS = "SECTORS"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    SECTOR_COUNT = "SECTOR_COUNT"

    def name(self):
        return "exportpublicwebmap"

    def displayName(self):  # noqa: N802 - name fixed by QGIS
        return self.tr("Export public web map")

    def shortHelpString(self):  # noqa: N802 - name fixed by QGIS
        return self.tr(
            "Writes one self-contained HTML page where citizens find their sector and its "
            "responsible officer: the sector boundaries and names are drawn on a plain background; "
            "clicking a sector, choosing it from a list, or entering the coordinates (latitude, "
            "longitude) of an address shows the officer's name, phone (a tel: link) and e-mail (a "
            "mailto: link), and the emergency number. Texts in Danish and English (a button "
            "switches) or in one language; usable on a phone.\n\n"
            "The page needs no network: its script, style and data are inlined, and its "
            "Content-Security-Policy forbids any request, so it can be opened from a file, an intranet "
            "or any web server. No map tiles.\n\n"
            "Only the public fields are written: sector_id, sector_name, district, officer_name, "
            "officer_phone, officer_email and the boundary (in longitude/latitude, 6 decimals). Every "
            "other field of the layer is ignored, whatever its name; missing officer fields show as "
            "'Officer to be announced'. The same sectors give the same file.\n\n"
            "Parameters:\n"
            "Sectors — the sector polygons with sector_id (required, unique), sector_name, district "
            "and the officer fields (optional). Any CRS.\n"
            "Title — the page title (default: 'Find your local police officer' in the page's "
            "languages).\n" + TEXT_HELP + "Web page — the .html file to write.\n\n"
            "Result: SECTOR_COUNT, the number of sectors on the page."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - name fixed by QGIS
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, self.tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title"), optional=True))
        add_text_parameters(self)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Web page"), self.tr("HTML files (*.html *.htm)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.SECTOR_COUNT, self.tr("Sectors on the page")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - name fixed by QGIS
        texts = read_texts(self, parameters, context)
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or texts(
            "find_officer"
        )
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException("Give OUTPUT: the .html file to write.")
        feedback.setProgressText(self.tr("Reading the sectors…"))
        _, frame = read_public_sectors(
            self, parameters, context, feedback, QgsCoordinateReferenceSystem("EPSG:4326"), texts
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50)
        feedback.setProgressText(self.tr("Writing the web page…"))
        html = web_map_html(web_map_data(frame, title, texts))
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        feedback.setProgress(100)
        feedback.pushInfo(f"Wrote {path}: {len(frame)} sectors, {len(html):,} bytes, no network needed.")
        return {self.OUTPUT: path, self.SECTOR_COUNT: len(frame)}
