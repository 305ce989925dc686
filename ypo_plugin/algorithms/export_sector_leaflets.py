"""ypo:exportsectorleaflets — an A5 leaflet per sector for citizens: map, officer, offer, emergency."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.lazy import lazy_module
from ..i18n import tr
from ..inputs.public_texts import add_text_parameters, read_texts, text_help
from ..inputs.qr_input import add_web_map_url_parameter, read_web_map_url, require_qr_package
from ..inputs.street_input import add_street_parameters, read_streets, street_help
from .base import YpoAlgorithm
from .export_public_web_map import read_public_sectors

crs_choice = lazy_module("..crs", __package__)
leaflet = lazy_module("..layouts.leaflet", __package__)


class ExportSectorLeafletsAlgorithm(YpoAlgorithm):
    SECTORS = "SECTORS"
    OFFER_TEXT = "OFFER_TEXT"
    OUTPUT = "OUTPUT"
    PAGE_COUNT = "PAGE_COUNT"

    def name(self):
        return "exportsectorleaflets"

    def displayName(self):
        return tr("Sector leaflets")

    def shortHelpString(self):
        return tr(
            "Writes a leaflet per sector for citizens, one A5 page each in one PDF: the sector on a map "
            "with its streets and neighbours, 'Your local police officer' with the officer's name, phone "
            "and e-mail, what the local police officer offers (an editable text), when to call the "
            "emergency number and when the general number, and the QR code of the business cards (the "
            "officer's vCard, or the web map opened at the sector). Only the public fields are read; "
            "the PDF holds nothing else.\n\n"
            "Parameters:\n"
            "Sectors — the sectors with sector_id, sector_name and the officer fields. Any CRS.\n"
            "{street_help}"
            "Offer text (optional) — what the local police officer offers, in the leaflet's own "
            "words (default: a short text in the leaflet's languages).\n"
            "Web map address (optional) — as for Business cards: the QR code opens the web map at the "
            "sector.\n"
            "{text_help}"
            "Sector leaflets — the PDF file to write.\n\n"
            "Result: PAGE_COUNT, one page per sector.",
            street_help=street_help(),
            text_help=text_help(),
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        add_street_parameters(self)
        self.addParameter(
            QgsProcessingParameterString(self.OFFER_TEXT, tr("Offer text"), multiLine=True, optional=True)
        )
        add_web_map_url_parameter(self)
        add_text_parameters(self)
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Sector leaflets"), tr("PDF files (*.pdf)"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        require_qr_package(tr("Sector leaflets"))
        texts = read_texts(self, parameters, context)
        url = read_web_map_url(self, parameters, context)
        offer = (self.parameterAsString(parameters, self.OFFER_TEXT, context) or "").strip() or texts(
            "leaflet_offer"
        )
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        source = self.parameterAsSource(parameters, self.SECTORS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SECTORS))
        crs = crs_choice.working_crs(source, tr("Sectors"), context.transformContext())
        _, frame = read_public_sectors(self, parameters, context, feedback, crs, texts)
        streets = read_streets(self, parameters, context, crs, feedback)
        feedback.setProgressText(tr("Writing {count} leaflets…", count=len(frame)))
        pages = leaflet.write_leaflets(path, frame, streets, texts, offer, url, crs, feedback)
        if pages is None:
            return {}
        feedback.pushInfo(tr("Wrote {path}: {pages} leaflets.", path=path, pages=pages))
        return {self.OUTPUT: path, self.PAGE_COUNT: pages}
