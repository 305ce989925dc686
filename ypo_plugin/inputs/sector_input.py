"""The sector layer as the YPO algorithms take it: the SECTORS and SECTOR_ID_FIELD
parameters, reading the sectors with an id each, and reading them for publications (the
allow-listed public fields; for internal maps also key figures and neighbours)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from qgis.core import (
    QgsField,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..core.errors import InputError
from ..core.geometry import (
    MIN_REPORTED_AREA_M2,
    MIN_REPORTED_AREA_SHARE,
    repair_after_projection,
)
from ..core.lazy import lazy_module
from ..core.map_figures import join_figures
from ..core.progress import Cancelled
from ..core.publication import PUBLIC_FIELDS, public_frame
from ..core.sectors import dissolve_by_id as sectors_dissolved_by_id
from ..core.sectors import touching_neighbour_texts
from ..crs import valid_in_both, working_crs
from ..qgis_io.read import source_to_frame
from ..qgis_io.write import qgs_geometry

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

SECTORS = "SECTORS"
SECTOR_ID_FIELD = "SECTOR_ID_FIELD"

# Help on how sector geometries are taken, shared by the algorithms reading SECTORS.
SECTOR_GEOMETRY_HELP = (
    "A sector valid in its own CRS but not once projected to the working CRS (a ring that comes "
    "close to one of its long edges) is repaired there and named in the log; a sector invalid in "
    "its own CRS is refused (run Fix geometries first). Overlaps of at most "
    f"{MIN_REPORTED_AREA_M2:g} m², or {MIN_REPORTED_AREA_SHARE:g} of the larger sector's area when "
    "that is more, are floating-point noise and are not reported; every YPO algorithm names an "
    "overlap by the same pair of sectors, in natural id order."
)


def add_sector_parameters(algorithm) -> None:
    """SECTORS (polygons) and SECTOR_ID_FIELD (default sector_id)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            SECTORS, algorithm.tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(SECTOR_ID_FIELD, algorithm.tr("Sector id field"), "sector_id", SECTORS)
    )


def sector_source(algorithm, parameters, context):
    """The SECTORS source and its id field, checked to exist."""
    source = algorithm.parameterAsSource(parameters, SECTORS, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, SECTORS))
    id_field = algorithm.checked_field(parameters, SECTOR_ID_FIELD, context, source, "Sectors", required=True)
    return source, id_field


def sector_working_crs(algorithm, sectors, transform_context, feedback):
    """The CRS to work in: the sectors' own when it is metric, else their UTM zone (said in the log)."""
    crs = working_crs(sectors, algorithm.tr("Sectors"), transform_context)
    if crs != sectors.sourceCrs():
        feedback.pushInfo(
            algorithm.tr("Computing in {} (the sectors' CRS {} is not metric).").format(
                crs.authid(), sectors.sourceCrs().authid()
            )
        )
    return crs


def sector_id_field(source, id_field) -> QgsField:
    """A copy of the sectors' ``id_field`` named ``sector_id``: the id column of an output, typed as the
    layer has it."""
    field = QgsField(source.fields().field(id_field))
    field.setName("sector_id")
    return field


def read_sectors(source, id_field, crs, transform_context, feedback, other_fields=()) -> pd.DataFrame:
    """The sectors of ``source`` (a :class:`~..qgis_io.read.FeatureTable`: the layer read once) in
    ``crs`` with ``id_field`` and ``other_fields``, indexed by feature id; refused when there are
    none or one has no id.

    A sector valid in the layer's own CRS but invalid once projected to ``crs`` is repaired there
    and said in the log (see :func:`~..core.geometry.repair_after_projection`); the feature ids
    of those are in ``frame.attrs["repaired"]``. Sectors invalid in their own CRS are left to
    the caller.
    """
    frame = source.frame([id_field, *other_fields], crs, transform_context)
    if feedback.isCanceled():
        # A cancelled read is partial: it must not be judged (or worked on).
        raise Cancelled()
    if frame.empty:
        raise QgsProcessingException(
            f"SECTORS ({source.sourceName()}) has no features; give a polygon layer with at least one sector."
        )
    missing = frame[id_field].isna()
    if missing.any():
        raise QgsProcessingException(
            f"SECTORS: feature {frame.index[np.asarray(missing)][0]} has no {id_field} value; give every "
            f"sector an id (SECTOR_ID_FIELD = {id_field})."
        )
    frame.attrs["repaired"] = []
    projected = frame.geometry.values.to_numpy()
    if crs != source.sourceCrs() and not shapely.is_valid(projected).all():
        own = source.frame().geometry.values.to_numpy()
        labels = [
            f"SECTORS: sector '{sector_id}' (feature {fid})"
            for fid, sector_id in zip(frame.index, frame[id_field], strict=True)
        ]
        try:
            repaired, warnings = repair_after_projection(
                labels, shapely.is_valid(own), projected, source.sourceCrs().authid(), crs.authid()
            )
        except InputError as error:
            raise QgsProcessingException(str(error)) from None
        for warning in warnings:
            feedback.pushWarning(warning)
        changed = np.array([a is not b for a, b in zip(repaired, projected, strict=True)], dtype=bool)
        frame = frame.set_geometry(gpd.GeoSeries(repaired, index=frame.index, crs=frame.crs))
        frame.attrs["repaired"] = frame.index[changed].tolist()
    return frame


def valid_for_writing(geometry, source_crs, crs, transform_context):
    """A sector's QgsGeometry (in ``source_crs``) made valid there and once projected to ``crs``
    (the working CRS), so that the next algorithm takes it as written."""
    fixed, _ = valid_in_both(
        np.array([shapely.from_wkb(bytes(geometry.asWkb()))], dtype=object),
        source_crs,
        crs,
        transform_context,
    )
    return qgs_geometry(fixed[0])


@dataclass(frozen=True)
class SectorsById:
    """One entry per sector id, in the order the ids first occur in the layer.

    ``geometries`` is an object array, the parts of an id given in several
    features united; ``groups`` holds each id's rows of the frame it came from;
    ``warnings`` names every id that was dissolved.
    """

    ids: list
    geometries: np.ndarray
    groups: list[pd.DataFrame]
    warnings: list[str]


def dissolve_by_id(frame, id_field, note="") -> SectorsById:
    """The sectors of ``frame`` (from :func:`read_sectors`) one per id (see
    :func:`~..core.sectors.dissolve_by_id`); ``note`` ends each dissolve warning (e.g. what
    happens to the attributes)."""
    dissolved = sectors_dissolved_by_id(frame[id_field], frame.geometry.values.to_numpy())
    ids, groups, warnings = [], [], []
    for members, repaired in zip(dissolved.members, dissolved.repaired, strict=True):
        group = frame.iloc[members]
        if len(group) > 1:
            fixed = ", ".join(str(fid) for fid in frame.index[repaired])
            warnings.append(
                f"SECTORS: sector id '{group[id_field].iloc[0]}' occurs in {len(group)} features; they are "
                f"dissolved into one multi-part sector{note}"
                + (f" (the invalid features {fixed} were repaired first)." if fixed else ".")
            )
        ids.append(group[id_field].iloc[0])
        groups.append(group)
    return SectorsById(ids, dissolved.geometries, groups, warnings)


def read_public_frame(source, wanted, crs, transform_context, feedback):
    """The sectors of ``source`` for a publication: those of the ``wanted`` fields the layer has
    (only those are read), as read and as :func:`~..core.publication.public_frame` makes them,
    and the names of those fields; refused when there are no sectors."""
    names = [name for name in wanted if source.fields().lookupField(name) >= 0]
    source_frame = source_to_frame(source, names, crs, transform_context, feedback)
    if source_frame.empty:
        raise QgsProcessingException(
            f"SECTORS ({source.sourceName()}) has no features; give the sector polygons."
        )
    try:
        frame = public_frame(source_frame, f"SECTORS ({source.sourceName()})")
    except InputError as error:
        raise QgsProcessingException(str(error)) from None
    return source_frame, frame, names


def read_public_map_sectors(source, crs, transform_context, feedback, texts):
    """The sectors of public maps: :func:`read_public_frame` of the public fields, with a warning
    where officers are missing."""
    _, frame, names = read_public_frame(source, PUBLIC_FIELDS, crs, transform_context, feedback)
    _warn_about_officers(frame, names, feedback, texts)
    return frame


def read_internal_map_sectors(source, figures, crs, transform_context, feedback, texts):
    """The sectors of internal maps: the public fields, the key ``figures`` [(name, type)] (NaN where
    the layer lacks them, ``area_km2`` computed) and each sector's touching neighbours, with warnings
    where officers or figures are missing."""
    figure_names = [name for name, _ in figures]
    source_frame, frame, names = read_public_frame(
        source, list(PUBLIC_FIELDS) + figure_names, crs, transform_context, feedback
    )
    _warn_about_officers(frame, names, feedback, texts)
    join_figures(frame, source_frame, figure_names)
    if "area_km2" not in names:
        frame["area_km2"] = shapely.area(frame.geometry.values.to_numpy()) / 1e6
    missing = [name for name in figure_names if name not in names and name != "area_km2"]
    if missing:
        feedback.pushWarning(
            f"SECTORS has no field {', '.join(missing)}: shown as '–'. Run Compute sector manning "
            "on the sectors for the full key figures."
        )
    frame["neighbour_list"] = touching_neighbour_texts(
        list(frame["sector_id"]), list(frame["sector_name"]), frame.geometry.values.to_numpy()
    )
    return frame


def _warn_about_officers(frame, names, feedback, texts):
    missing = [name for name in PUBLIC_FIELDS[3:] if name not in names]
    if missing:
        feedback.pushWarning(
            f"SECTORS has no field {', '.join(missing)}: shown as '{texts('officer_tba')}' or '–'. Add "
            "the officers' contact details (e.g. with the Field calculator) before publishing."
        )
    elif frame["officer_name"].isna().any():
        feedback.pushWarning(
            f"{int(frame['officer_name'].isna().sum())} sectors have no officer_name: shown as "
            f"'{texts('officer_tba')}'."
        )
