"""The public sector map layouts of the sector workspace's project."""

import datetime as _dt

from qgis.core import QgsMapLayerStyle, QgsProcessingException

from ..core.texts import DEFAULT_TEXTS
from ..i18n import tr
from ..inputs.public_texts import layout_variables
from ..workspace.sector_workspace import load_style_file
from . import print_layouts
from .sector_maps import overview_columns


def add_public_layouts(project, sectors, sector_count) -> None:
    """The public sector map layouts, drawing the sectors in the public style whatever the layer's
    own style shows (e.g. the manning factor)."""
    public = sectors.clone()
    message, loaded = load_style_file(public, "sectors_public")
    if not loaded:
        raise QgsProcessingException(
            tr(
                "The public sector style could not be loaded ({problem}); reinstall the plugin.",
                problem=message,
            )
        )
    style = QgsMapLayerStyle()
    style.readFromLayer(public)
    variables = {
        **layout_variables(DEFAULT_TEXTS),
        "ypo_title": DEFAULT_TEXTS("title_public"),
        "ypo_period": "–",
        "ypo_date": _dt.date.today().isoformat(),
        "ypo_sources": DEFAULT_TEXTS("public_sources"),
        "ypo_sector_count": str(sector_count),
        "ypo_officer_total": "–",
    }
    extent = sectors.extent()
    extent.scale(1.04)
    for kind in ("overview_public", "atlas_public"):
        layout = print_layouts.load_layout(project, kind, "A4", variables)
        map_item = print_layouts.set_map(layout, [sectors], extent, project.crs())
        map_item.setLayerStyleOverrides({sectors.id(): style.xmlData()})
        map_item.setKeepLayerStyles(True)
        if kind == "overview_public":
            print_layouts.set_table(layout, sectors, overview_columns("public", DEFAULT_TEXTS, key=False))
        else:
            map_item.setAtlasDriven(True)
            layout.atlas().setCoverageLayer(sectors)
            layout.atlas().setPageNameExpression('"sector_id"')
            layout.atlas().setEnabled(True)
        project.layoutManager().addLayout(layout)
