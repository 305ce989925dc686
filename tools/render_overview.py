"""Render an overview map of a sample district GeoPackage to PNG with QGIS.

    python3 tools/render_overview.py SAMPLE.gpkg OVERVIEW.png

Layers are drawn with the default styles stored in the GeoPackage, on an A4
landscape print layout with title, legend, scale bar and north arrow.
"""

import argparse
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402 - the platform must be set before Qt starts
    QgsApplication,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPathResolver,
    QgsPrintLayout,
    QgsProject,
    QgsSymbolLayerUtils,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont  # noqa: E402

DRAWING_ORDER = ["units", "exposed_areas", "barriers", "crimes", "special_places", "districts"]
PAGE_MM = (297, 210)


def load_layers(project: QgsProject, path: str):
    layers = []
    for name in DRAWING_ORDER:
        layer = QgsVectorLayer(f"{path}|layername={name}", name.replace("_", " ").capitalize(), "ogr")
        if not layer.isValid():
            raise SystemExit(f"{path} has no layer '{name}': is it a sample district GeoPackage?")
        project.addMapLayer(layer)
        layers.append(layer)
    return layers


def build_layout(project: QgsProject, layers, title: str) -> QgsPrintLayout:
    project.setCrs(layers[0].crs())  # a bare application's project has no CRS
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(*PAGE_MM, QgsUnitTypes.LayoutMillimeters))

    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.setLayers(list(reversed(layers)))  # the first layer in the list is drawn on top
    map_item.setFrameEnabled(True)
    districts = layers[DRAWING_ORDER.index("districts")]
    extent = districts.extent()
    extent.scale(1.05)
    # Resize, move, zoom, then CRS: in another order QGIS 3.22 leaves the map
    # item with an empty extent and draws nothing.
    map_item.attemptResize(QgsLayoutSize(205, 182, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptMove(QgsLayoutPoint(8, 20, QgsUnitTypes.LayoutMillimeters))
    map_item.zoomToExtent(extent)
    map_item.setCrs(districts.crs())

    heading = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(heading)
    heading.setText(title)
    heading.setFont(QFont("Sans Serif", 18, QFont.Bold))
    heading.attemptMove(QgsLayoutPoint(8, 6, QgsUnitTypes.LayoutMillimeters))
    heading.attemptResize(QgsLayoutSize(280, 12, QgsUnitTypes.LayoutMillimeters))

    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setLinkedMap(map_item)
    legend.setTitle("Legend")
    legend.attemptMove(QgsLayoutPoint(218, 20, QgsUnitTypes.LayoutMillimeters))

    scale_bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scale_bar)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.setUnits(QgsUnitTypes.DistanceKilometers)
    scale_bar.setUnitLabel("km")
    scale_bar.setNumberOfSegments(4)
    scale_bar.setUnitsPerSegment(0.5)
    scale_bar.attemptMove(QgsLayoutPoint(12, 188, QgsUnitTypes.LayoutMillimeters))

    north = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(north)
    north.setPicturePath(
        QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsPathResolver())
    )
    north.attemptMove(QgsLayoutPoint(198, 24, QgsUnitTypes.LayoutMillimeters))
    north.attemptResize(QgsLayoutSize(11, 11, QgsUnitTypes.LayoutMillimeters))
    return layout


def render(geopackage: str, png: str, title: str, dpi: int) -> bool:
    """Write the overview; its layout is released when it returns, before QGIS exits."""
    project = QgsProject.instance()
    layout = build_layout(project, load_layers(project, geopackage), title)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False  # GDAL cannot add metadata to a written PNG
    result = QgsLayoutExporter(layout).exportToImage(png, settings)
    if result != QgsLayoutExporter.Success:
        print(f"Could not write {png} (error {result})", file=sys.stderr)
    return result == QgsLayoutExporter.Success


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("geopackage")
    parser.add_argument("png")
    parser.add_argument("--title", default="Sample station area — districts, blocks, crime and barriers")
    parser.add_argument("--dpi", type=int, default=110)
    args = parser.parse_args()

    app = QgsApplication([], False)
    app.initQgis()
    try:
        written = render(args.geopackage, args.png, args.title, args.dpi)
    finally:
        QgsProject.instance().clear()
        app.exitQgis()
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
