"""ypo:exportpublicwebmap — one self-contained HTML page where citizens find their sector and officer."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.errors import InputError
from ..core.lazy import lazy_module
from ..core.texts import DEFAULT_TEXTS
from ..i18n import tr, translated
from ..inputs.public_texts import add_text_parameters, read_texts, text_help
from ..inputs.sector_input import read_public_frame
from ..inputs.street_input import add_street_parameters, read_streets, street_help
from .base import YpoAlgorithm

address_index = lazy_module("..core.address_index", __package__)
counting = lazy_module("..core.counting", __package__)
publication = lazy_module("..core.publication", __package__)
street_logic = lazy_module("..core.streets", __package__)
qgis_points = lazy_module("..qgis_io.points", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)


def read_public_sectors(algorithm, parameters, context, feedback, target_crs=None, texts=DEFAULT_TEXTS):
    """The allow-listed sector table (see core.publication.public_frame) of SECTORS.

    Only the allow-listed fields that the layer has are read at all.
    """
    source = algorithm.parameterAsSource(parameters, "SECTORS", context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, "SECTORS"))
    if not source.sourceCrs().isValid() and qgis_read.has_features(source):
        raise QgsProcessingException(
            tr(
                "SECTORS ({layer}) has no valid coordinate reference system: set its CRS "
                "(Layer Properties ▸ Source) and run again.",
                layer=source.sourceName(),
            )
        )
    _, frame, names = read_public_frame(
        source, publication.PUBLIC_FIELDS, target_crs, context.transformContext(), feedback
    )
    missing = [name for name in publication.PUBLIC_FIELDS[3:] if name not in names]
    if missing:
        feedback.pushWarning(
            tr(
                "SECTORS has no field {fields}: shown as '{placeholder}' or '–'. Add the officers' contact "
                "details (e.g. with the Field calculator) before publishing.",
                fields=", ".join(missing),
                placeholder=texts("officer_tba"),
            )
        )
    empty = int(frame["officer_name"].isna().sum())
    if empty and "officer_name" in names:
        feedback.pushWarning(
            tr(
                "{count} sectors have no officer_name: shown as '{placeholder}'.",
                count=empty,
                placeholder=texts("officer_tba"),
            )
        )
    return source, frame


class ExportPublicWebMapAlgorithm(YpoAlgorithm):
    SECTORS = "SECTORS"
    TITLE = "TITLE"
    ADDRESSES = "ADDRESSES"
    STREET_FIELD = "STREET_FIELD"
    HOUSE_NUMBER_FIELD = "HOUSE_NUMBER_FIELD"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    CITY_FIELD = "CITY_FIELD"
    OUTPUT = "OUTPUT"
    SECTOR_COUNT = "SECTOR_COUNT"
    ADDRESS_COUNT = "ADDRESS_COUNT"
    ADDRESSES_OUTSIDE = "ADDRESSES_OUTSIDE"

    def name(self):
        return "exportpublicwebmap"

    def displayName(self):
        return tr("Export public web map")

    def shortHelpString(self):
        return tr(
            "Writes one self-contained HTML page where citizens find their sector and its "
            "responsible officer: the sector boundaries and names are drawn on a plain background; "
            "clicking a sector, choosing it from a list, or entering the coordinates (latitude, "
            "longitude) of an address shows the officer's name, phone (a tel: link) and e-mail (a "
            "mailto: link), and the emergency number. Texts in Danish and English (a button "
            "switches) or in one language; usable on a phone.\n\n"
            "With an address layer the page searches addresses instead: one search box suggests "
            "streets and addresses after two letters, ignoring case, spacing and Danish letters "
            "(søndre allé = Sondre Alle = Soendre Alle), with house numbers such as 12B; a postcode "
            "lists the sectors it touches, a street without a number its sectors; Enter takes the "
            "first suggestion. The answer is the sector's officer card and the map zoomed to the "
            "sector with the address marked; an address in no sector says so and gives the emergency "
            "and general numbers. Coordinates typed into the box still work. The addresses are "
            "stored in the page in a compact form (street, house number, postcode, sector and a "
            "position to about a metre) and searched in the browser: nothing leaves the page.\n\n"
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
            "languages).\n"
            "{street_help}"
            "Addresses (optional) — address points; any CRS. Street field (default street), House "
            "number field (default house_number), Postcode field and City field (optional; default "
            "postcode and city when the layer has them). Addresses without a street, a house number "
            "such as 12 or 12B, or a position are left out and counted in the log.\n"
            "{text_help}"
            "Web page — the .html file to write.\n\n"
            "Results: SECTOR_COUNT, the number of sectors on the page; ADDRESS_COUNT and "
            "ADDRESSES_OUTSIDE, the addresses searchable on the page and those of them in no sector.",
            street_help=street_help(),
            text_help=text_help(),
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), optional=True))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ADDRESSES,
                tr("Addresses"),
                [QgsProcessing.SourceType.TypeVectorPoint],
                optional=True,
            )
        )
        for name, description, default in (
            (self.STREET_FIELD, tr("Street field"), "street"),
            (self.HOUSE_NUMBER_FIELD, tr("House number field"), "house_number"),
            (self.POSTCODE_FIELD, tr("Postcode field"), None),
            (self.CITY_FIELD, tr("City field"), None),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, description, default, self.ADDRESSES, optional=True)
            )
        add_street_parameters(self)
        add_text_parameters(self)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Web page"), tr("HTML files (*.html *.htm)")
            )
        )
        self.addOutput(QgsProcessingOutputNumber(self.SECTOR_COUNT, tr("Sectors on the page")))
        self.addOutput(QgsProcessingOutputNumber(self.ADDRESS_COUNT, tr("Addresses on the page")))
        self.addOutput(QgsProcessingOutputNumber(self.ADDRESSES_OUTSIDE, tr("Addresses in no sector")))

    def processAlgorithm(self, parameters, context, feedback):
        texts = read_texts(self, parameters, context)
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or texts(
            "find_officer"
        )
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(tr("Give OUTPUT: the .html file to write."))
        feedback.setProgressText(tr("Reading the sectors…"))
        _, frame = read_public_sectors(
            self, parameters, context, feedback, QgsCoordinateReferenceSystem("EPSG:4326"), texts
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(30)
        addresses = self._addresses(parameters, context, feedback, frame)
        if feedback.isCanceled():
            return {}
        streets = self._streets(parameters, context, feedback, frame)
        if feedback.isCanceled():
            return {}
        feedback.setProgress(60)
        feedback.setProgressText(tr("Writing the web page…"))
        html = publication.web_map_html(
            publication.web_map_data(frame, title, texts, addresses.data if addresses else None, streets)
        )
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        feedback.setProgress(100)
        feedback.pushInfo(
            tr(
                "Wrote {path}: {sectors} sectors, {size:,} bytes, no network needed.",
                path=path,
                sectors=len(frame),
                size=len(html),
            )
        )
        results = {self.OUTPUT: path, self.SECTOR_COUNT: len(frame)}
        if addresses:
            results[self.ADDRESS_COUNT] = addresses.count
            results[self.ADDRESSES_OUTSIDE] = addresses.outside
        return results

    def _streets(self, parameters, context, feedback, frame):
        """The streets' drawing data (None without STREETS), simplified to the page's drawing."""
        streets = read_streets(self, parameters, context, QgsCoordinateReferenceSystem("EPSG:4326"), feedback)
        return street_logic.web_streets(*streets, tuple(frame.total_bounds)) if streets else None

    def _addresses(self, parameters, context, feedback, frame):
        """The address index of ADDRESSES (None without), each address in the sector the page shows it in."""
        source = self.optional_source(parameters, self.ADDRESSES, context)
        if source is None:
            return None
        feedback.setProgressText(tr("Reading the addresses…"))
        fields = {}
        for name, required in (
            (self.STREET_FIELD, True),
            (self.HOUSE_NUMBER_FIELD, True),
            (self.POSTCODE_FIELD, False),
            (self.CITY_FIELD, False),
        ):
            fields[name] = self.checked_field(parameters, name, context, source, tr("Addresses"), required)
        for name, default in ((self.POSTCODE_FIELD, "postcode"), (self.CITY_FIELD, "city")):
            if fields[name] is None and source.fields().lookupField(default) >= 0:
                fields[name] = default
        names = [field for field in fields.values() if field]
        table = qgis_points.read_points(
            source,
            names,
            QgsCoordinateReferenceSystem("EPSG:4326"),
            context.transformContext(),
            feedback,
            self.parameterAsVectorLayer(parameters, self.ADDRESSES, context),
        )

        def column(name):
            return None if fields[name] is None else list(table.columns[fields[name]])

        sector = counting.assign_points(table.xy, frame.geometry.values.to_numpy())
        try:
            index = address_index.build_address_index(
                column(self.STREET_FIELD),
                column(self.HOUSE_NUMBER_FIELD),
                column(self.POSTCODE_FIELD),
                column(self.CITY_FIELD),
                table.xy,
                sector,
            )
        except InputError as error:
            raise QgsProcessingException(
                tr("ADDRESSES ({layer}): {error}", layer=source.sourceName(), error=translated(error.args[0]))
            ) from None
        if index.without_street:
            feedback.pushWarning(
                tr(
                    "ADDRESSES: {count} addresses without a street, a house number such as 12 or 12B, or a "
                    "position are left out of the search.",
                    count=index.without_street,
                )
            )
        if index.outside:
            feedback.pushWarning(
                tr(
                    "ADDRESSES: {count} addresses lie in no sector; the page says so when one is found.",
                    count=index.outside,
                )
            )
        return index
