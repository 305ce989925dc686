"""ypo:exporthandoverreport — the handover report of a sector workspace as one PDF, a page per sector."""

from qgis.core import (
    QgsExpression,
    QgsFeatureRequest,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core.lazy import lazy_module
from ..i18n import tr
from ..inputs.public_texts import add_text_parameters, read_texts, text_help
from ..layouts import print_layouts
from ..layouts.print_layouts import DEFAULT_DPI, HANDOVER_LAYOUT_NAME
from .base import YpoAlgorithm

sector_logic = lazy_module("..core.sectors", __package__)
handover_layout = lazy_module("..layouts.handover_layout", __package__)


class ExportHandoverReportAlgorithm(YpoAlgorithm):
    WORKSPACE = "WORKSPACE"
    SECTOR_ID = "SECTOR_ID"
    DPI = "DPI"
    OUTPUT = "OUTPUT"
    PAGE_COUNT = "PAGE_COUNT"

    def name(self):
        return "exporthandoverreport"

    def displayName(self):
        return tr("Export handover report")

    def flags(self):
        # Reads a project and renders its layout: done in the main thread, like QGIS's layout exports.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def shortHelpString(self):
        return tr(
            "Writes the handover report of a sector workspace (made by Create sector workspace) as one PDF: "
            "a page per sector for the officer taking over the sector, from the workspace's layout "
            "'{layout}'. Each page shows the sector on a map with its partners and events, "
            "its key "
            "figures and manning (population, crimes, factor and officers, when the sectors have those "
            "fields), the officer's contact details, the neighbouring sectors (also across district lines: "
            "the sectors' neighbours field, or the sectors sharing a boundary when there is none), the "
            "partners, the open challenges (log entries open or in progress) and the latest log entries, "
            "as saved in the workspace when the report is written. The report is internal. The scale bar "
            "and north arrow are below the map, clear of its labels.\n\n"
            "Parameters:\n"
            "Workspace project — the workspace.qgz written by Create sector workspace, in a GeoPackage or a "
            "station database (there the report holds what your login may read: a restricted log entry only "
            "for managers and the sector's own officers).\n"
            "Sector id — the sector to report on; leave it empty for every sector (one page each, in the "
            "order of their ids).\n"
            "{text_help}"
            "DPI — resolution of the map and other raster parts (default {dpi}).\n"
            "Handover report — the PDF file to write.\n\n"
            "Results: OUTPUT (the PDF) and PAGE_COUNT.",
            layout=HANDOVER_LAYOUT_NAME,
            text_help=text_help(),
            dpi=DEFAULT_DPI,
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(self.WORKSPACE, tr("Workspace project"), extension="qgz")
        )
        self.addParameter(QgsProcessingParameterString(self.SECTOR_ID, tr("Sector id"), optional=True))
        add_text_parameters(self)
        print_layouts.add_dpi_parameter(self, self.DPI, max_dpi=600)
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Handover report"), tr("PDF files (*.pdf)"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr("Number of pages")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFile(parameters, self.WORKSPACE, context)
        sector_id = sector_logic.attribute_text(self.parameterAsString(parameters, self.SECTOR_ID, context))
        dpi = self.parameterAsInt(parameters, self.DPI, context) or DEFAULT_DPI
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        texts = read_texts(self, parameters, context)

        feedback.setProgressText(tr("Reading the workspace…"))
        project = QgsProject()  # private: the user's open project is left alone
        if not project.read(path):
            raise QgsProcessingException(
                tr(
                    "WORKSPACE: {path} could not be read ({problem}); give the workspace.qgz written by "
                    "Create sector workspace.",
                    path=path,
                    problem=project.error() or tr("not a QGIS project"),
                )
            )
        layout = project.layoutManager().layoutByName(HANDOVER_LAYOUT_NAME)
        if (
            layout is None
            or layout.atlas().coverageLayer() is None
            or not layout.atlas().coverageLayer().isValid()
        ):
            raise QgsProcessingException(
                tr(
                    "WORKSPACE: {path} has no usable layout '{layout}' (or its sectors table is missing); "
                    "give the workspace.qgz written by Create sector workspace, with workspace.gpkg "
                    "beside it (or its station database reachable).",
                    path=path,
                    layout=HANDOVER_LAYOUT_NAME,
                )
            )
        handover_layout.apply_texts(layout, texts)
        atlas = layout.atlas()
        if sector_id is not None:
            self._check_sector(atlas.coverageLayer(), sector_id)
            atlas.setFilterFeatures(True)
            atlas.setFilterExpression(f'"sector_id" = {QgsExpression.quotedString(sector_id)}')
        if not atlas.beginRender():
            raise QgsProcessingException(tr("The handover report could not be prepared (atlas error)."))
        if atlas.count() == 0:
            atlas.endRender()
            raise QgsProcessingException(
                tr(
                    "WORKSPACE: the sectors table of {path} is empty; add the sectors before writing a "
                    "report.",
                    path=path,
                )
            )
        book = print_layouts.PdfBook(output, texts("handover"), dpi)
        pages = 0
        feedback.setProgressText(tr("Writing {count} pages…", count=atlas.count()))
        try:
            for number in range(atlas.count()):
                if feedback.isCanceled():
                    return {}
                atlas.seekTo(number)
                book.add_page(layout)
                pages += 1
                feedback.setProgress(100.0 * pages / atlas.count())
        finally:
            atlas.endRender()
            book.close()
        feedback.pushInfo(tr("Wrote {path} ({pages} pages).", path=output, pages=pages))
        return {self.OUTPUT: output, self.PAGE_COUNT: pages}

    @staticmethod
    def _check_sector(sectors, sector_id) -> None:
        request = (
            QgsFeatureRequest()
            .setFilterExpression(f'"sector_id" = {QgsExpression.quotedString(sector_id)}')
            .setLimit(1)
        )
        if not any(True for _ in sectors.getFeatures(request)):
            ids = sorted(str(feature["sector_id"]) for feature in sectors.getFeatures())
            shown = ", ".join(ids[:20]) + (" …" if len(ids) > 20 else "")
            raise QgsProcessingException(
                tr(
                    "SECTOR_ID: the workspace has no sector '{sector}'; choose one of {sectors}, or leave it "
                    "empty for every sector.",
                    sector=sector_id,
                    sectors=shown,
                )
            )
