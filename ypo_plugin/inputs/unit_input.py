"""The base units the split builds sectors from: the UNITS and POPULATION_FIELD parameters,
the units read once, and the sectors drawn from them in the units' own CRS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.errors import About
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..i18n import tr
from ..qgis_compat import new_field
from .field_input import numeric_field

shapely = lazy_module("shapely")
geometry_logic = lazy_module("..core.geometry", __package__)
sector_plan = lazy_module("..core.sector_plan", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
crs_choice = lazy_module("..crs", __package__)
qgis_points = lazy_module("..qgis_io.points", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
gpd = lazy_module("geopandas")

UNITS = "UNITS"
POPULATION_FIELD = "POPULATION_FIELD"
# The parameter that holds each thing a core error can be about.
ABOUT = {About.UNITS: UNITS}


def layer_description() -> str:
    """How messages name the UNITS layer."""
    return tr("Base units")


def add_unit_parameters(algorithm) -> None:
    """UNITS (polygons) and POPULATION_FIELD (numeric, default population)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            UNITS, tr("Base units"), [QgsProcessing.SourceType.TypeVectorPolygon]
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            POPULATION_FIELD,
            tr("Population field"),
            defaultValue="population",
            parentLayerParameterName=UNITS,
            type=QgsProcessingParameterField.DataType.Numeric,
        )
    )


def unit_source(algorithm, parameters, context):
    """The UNITS source and its population field, checked to exist and hold numbers."""
    units = algorithm.parameterAsSource(parameters, UNITS, context)
    if units is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, UNITS))
    return units, numeric_field(algorithm, parameters, POPULATION_FIELD, context, units, layer_description())


@dataclass(frozen=True)
class Units:
    """The units read once: ``table`` (a :class:`~..qgis_io.read.FeatureTable`, its features to
    copy) and ``frame`` (their geometries in the working CRS and the population field)."""

    table: Any
    frame: Any
    population_field: str

    @property
    def names(self) -> list[str]:
        """The units as messages name them: the feature ids QGIS shows."""
        return [f"#{fid}" for fid in self.frame.index]

    @property
    def population(self):
        return self.frame[self.population_field].astype(float).to_numpy()


def read_units(source, population_field, crs, transform_context, feedback) -> Units:
    """The units of ``source`` in ``crs``; raises Cancelled when the run is cancelled while reading."""
    table = qgis_read.read_features(source, feedback)
    if feedback.isCanceled():
        raise Cancelled()
    frame = table.frame([population_field], crs, transform_context)
    if feedback.isCanceled():
        raise Cancelled()
    return Units(table, frame, population_field)


def sectors_as_written(algorithm, units: Units, plan, crs, transform_context, feedback):
    """The sectors as written (the plan's fields, multi-polygons in the units' CRS) and their parts
    as drawn.

    In a metric CRS the polygons are the plan's own. Otherwise they are dissolved from the units as
    given, made valid there and in the working CRS later steps choose for them, and their
    parts are counted as those steps (and Validate sectors) will see them.
    """
    source_crs = units.table.sourceCrs()
    if source_crs == crs:
        return _sector_frame(plan, plan.sector_geoms), plan.multipart
    original = geometry_logic.repair_polygons(units.table.frame().geometry.values)[0]
    dissolved = sector_logic.dissolve(original, plan.labels, len(plan.sectors))
    later_crs = crs_choice.working_crs_of_extent(source_crs, _extent(dissolved), transform_context)
    geoms, changed = crs_choice.valid_in_both(dissolved, source_crs, later_crs, transform_context)
    if changed.any():
        feedback.pushInfo(
            tr(
                "Sectors {sectors} were repaired to be valid in {crs} and in {working_crs}.",
                sectors=", ".join(plan.sectors["sector_id"].to_numpy()[changed]),
                crs=source_crs.authid(),
                working_crs=later_crs.authid(),
            )
        )
    drawn = shapely.transform(
        geoms, lambda xy: qgis_points.transform_xy(xy, source_crs, later_crs, transform_context)
    )
    multipart = sector_plan.multipart_sectors(
        drawn,
        plan.sectors["sector_id"].tolist(),
        plan.labels,
        geometry_logic.repair_polygons(units.frame.geometry.values)[0],
        units.names,
        plan.links,
    )
    return _sector_frame(plan, geoms), multipart


def _sector_frame(plan, geoms):
    frame = plan.sectors.copy()
    frame["geometry"] = geometry_logic.as_multipolygons(geoms)
    return gpd.GeoDataFrame(frame[list(sector_plan.SECTOR_FIELDS) + ["geometry"]], geometry="geometry")


def units_with_sector(algorithm, units, plan, feedback):
    """What :meth:`~..algorithms.base.YpoAlgorithm.copy_output` copies of ``units`` (a FeatureTable,
    in its order): the units in a sector of ``plan``, with all their fields plus sector_id (their own
    replaced, with a warning), and the units left out with their fields as they are."""
    sector_ids = plan.sectors["sector_id"].to_numpy()
    sector_of_unit = [str(sector_ids[label]) if label >= 0 else None for label in plan.labels.tolist()]
    fields = QgsFields(units.fields())
    copied_from = list(range(fields.count()))
    if fields.lookupField("sector_id") >= 0:
        feedback.pushWarning(tr("The units' own 'sector_id' field is replaced by the new plan."))
    else:
        fields.append(new_field("sector_id", QMetaType.Type.QString))
        copied_from.append(-1)
    inside = [k for k, sector in enumerate(sector_of_unit) if sector is not None]
    outside = [k for k, sector in enumerate(sector_of_unit) if sector is None]
    with_sector = {"sector_id": [sector_of_unit[k] for k in inside]}
    return (
        ([units.features[k] for k in inside], fields, copied_from, with_sector),
        ([units.features[k] for k in outside], units.fields(), list(range(units.fields().count())), {}),
    )


def _extent(geoms) -> QgsRectangle:
    """The bounding rectangle of shapely geometries."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    return QgsRectangle(xmin, ymin, xmax, ymax)
