"""The sector layer as the YPO algorithms take it: the SECTORS and SECTOR_ID_FIELD
parameters, reading the sectors with an id each, and reading them for publications (the
allow-listed public fields; for internal maps also key figures and neighbours)."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.defaults import MIN_REPORTED_AREA_M2, MIN_REPORTED_AREA_SHARE
from ..core.errors import InputError
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..i18n import tr, translated
from ..qgis_compat import new_field

np = lazy_module("numpy")
shapely = lazy_module("shapely")
geometry_logic = lazy_module("..core.geometry", __package__)
map_figures = lazy_module("..core.map_figures", __package__)
publication = lazy_module("..core.publication", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
crs_choice = lazy_module("..crs", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_values = lazy_module("..qgis_io.values", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)
gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

SECTORS = "SECTORS"
SECTOR_ID_FIELD = "SECTOR_ID_FIELD"


def sector_geometry_help() -> str:
    """Help on how sector geometries are taken, shared by the algorithms reading SECTORS."""
    return tr(
        "A sector valid in its own CRS but not once projected to the working CRS (a ring that comes "
        "close to one of its long edges) is repaired there and named in the log; a sector invalid in "
        "its own CRS is refused (run Fix geometries first). Overlaps of at most {area:g} m², or "
        "{share:g} of the larger sector's area when that is more, are floating-point noise and are not "
        "reported; every YPO algorithm names an overlap by the same pair of sectors, in natural id order.",
        area=MIN_REPORTED_AREA_M2,
        share=MIN_REPORTED_AREA_SHARE,
    )


def add_sector_parameters(algorithm) -> None:
    """SECTORS (polygons) and SECTOR_ID_FIELD (default sector_id)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            SECTORS, tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(SECTOR_ID_FIELD, tr("Sector id field"), "sector_id", SECTORS)
    )


def sector_source(algorithm, parameters, context):
    """The SECTORS source and its id field, checked to exist."""
    source = algorithm.parameterAsSource(parameters, SECTORS, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, SECTORS))
    id_field = algorithm.checked_field(
        parameters, SECTOR_ID_FIELD, context, source, tr("Sectors"), required=True
    )
    return source, id_field


def sector_working_crs(algorithm, sectors, transform_context, feedback):
    """The CRS to work in: the sectors' own when it is metric, else their UTM zone (said in the log)."""
    crs = crs_choice.working_crs(sectors, tr("Sectors"), transform_context)
    if crs != sectors.sourceCrs():
        feedback.pushInfo(
            tr(
                "Computing in {crs} (the sectors' CRS {own} is not metric).",
                crs=crs.authid(),
                own=sectors.sourceCrs().authid(),
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
            tr(
                "SECTORS ({layer}) has no features; give a polygon layer with at least one sector.",
                layer=source.sourceName(),
            )
        )
    missing = frame[id_field].isna()
    if missing.any():
        raise QgsProcessingException(
            tr(
                "SECTORS: feature {feature} has no {field} value; give every sector an id "
                "(SECTOR_ID_FIELD = {field}).",
                feature=frame.index[np.asarray(missing)][0],
                field=id_field,
            )
        )
    frame.attrs["repaired"] = []
    projected = frame.geometry.values.to_numpy()
    if crs != source.sourceCrs() and not shapely.is_valid(projected).all():
        own = source.frame().geometry.values.to_numpy()
        labels = [
            tr("SECTORS: sector '{sector}' (feature {feature})", sector=sector_id, feature=fid)
            for fid, sector_id in zip(frame.index, frame[id_field], strict=True)
        ]
        try:
            repaired, warnings = geometry_logic.repair_after_projection(
                labels, shapely.is_valid(own), projected, source.sourceCrs().authid(), crs.authid()
            )
        except InputError as error:
            raise QgsProcessingException(translated(error.args[0])) from None
        for warning in warnings:
            feedback.pushWarning(translated(warning))
        changed = np.array([a is not b for a, b in zip(repaired, projected, strict=True)], dtype=bool)
        frame = frame.set_geometry(gpd.GeoSeries(repaired, index=frame.index, crs=frame.crs))
        frame.attrs["repaired"] = frame.index[changed].tolist()
    return frame


def valid_for_writing(geometry, source_crs, crs, transform_context):
    """A sector's QgsGeometry (in ``source_crs``) made valid there and once projected to ``crs``
    (the working CRS), so that the next algorithm takes it as written."""
    fixed, _ = crs_choice.valid_in_both(
        np.array([shapely.from_wkb(bytes(geometry.asWkb()))], dtype=object),
        source_crs,
        crs,
        transform_context,
    )
    return qgis_write.qgs_geometry(fixed[0])


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
    dissolved = sector_logic.dissolve_by_id(frame[id_field], frame.geometry.values.to_numpy())
    ids, groups, warnings = [], [], []
    for members, repaired in zip(dissolved.members, dissolved.repaired, strict=True):
        group = frame.iloc[members]
        if len(group) > 1:
            fixed = ", ".join(str(fid) for fid in frame.index[repaired])
            warnings.append(
                tr(
                    "SECTORS: sector id '{sector}' occurs in {count} features; they are dissolved into one "
                    "multi-part sector{note}{repaired}.",
                    sector=group[id_field].iloc[0],
                    count=len(group),
                    note=note,
                    repaired=tr(" (the invalid features {features} were repaired first)", features=fixed)
                    if fixed
                    else "",
                )
            )
        ids.append(group[id_field].iloc[0])
        groups.append(group)
    return SectorsById(ids, dissolved.geometries, groups, warnings)


class SectorTable:
    """The sectors as the core needs them (working CRS, one row per id) and as they are written:
    each id's features and the geometry written for it (None: the feature's own)."""

    def __init__(self, id_field, by_id, factor_override, features, geometries_to_write, multipart):
        self.id_field = id_field
        self.ids = by_id.ids
        self.geometries = by_id.geometries
        self.factor_override = factor_override
        self.features = features
        self.geometries_to_write = geometries_to_write
        self.multipart = multipart  # written as multi-part (dissolved or repaired sectors)
        self.warnings = by_id.warnings

    @classmethod
    def read(cls, source, id_field, factor_field, crs, transform_context, feedback):
        """The sectors of ``source`` one per id, with the first non-empty ``factor_field`` value of
        each id (when given) as its factor override."""
        table = qgis_read.read_features(source, feedback)
        other_fields = [factor_field] if factor_field else []
        frame = read_sectors(table, id_field, crs, transform_context, feedback, other_fields)
        by_id = dissolve_by_id(frame, id_field, tr(" (the first feature's attributes are kept)"))
        originals = {feature.id(): feature for feature in table.features}
        repaired = set(frame.attrs.get("repaired", ()))
        overrides, features, geometries = [], [], []
        for group in by_id.groups:
            group_features = [originals[fid] for fid in group.index]
            geometry = None
            if len(group_features) > 1:
                geometry = QgsGeometry.unaryUnion([f.geometry() for f in group_features])
            if repaired.intersection(group.index):
                own = group_features[0].geometry() if geometry is None else geometry
                geometry = valid_for_writing(own, source.sourceCrs(), crs, transform_context)
            features.append(group_features)
            geometries.append(geometry)
            if factor_field:
                values = [v for v in group[factor_field] if sector_logic.attribute_text(v) is not None]
                overrides.append(qgis_values.whole_as_int(values[0]) if values else None)
        return cls(
            id_field,
            by_id,
            overrides if factor_field else None,
            features,
            geometries,
            multipart=bool(by_id.warnings) or bool(repaired),
        )

    def with_results(self, source_fields, results, districts, feedback):
        """What :meth:`~..algorithms.base.YpoAlgorithm.copy_output` copies: each sector's first
        feature with its fields (those named like a result left out, with a warning), sector_id
        (when the layer has none), district (when ``districts`` are given and the layer has none)
        and ``results``, (name, QGIS type, one value per sector) each."""
        written = {name for name, _, _ in results}
        fields, kept = QgsFields(), []
        for index in range(source_fields.count()):
            field = source_fields.at(index)
            if field.name().lower() in written:
                feedback.pushWarning(
                    tr(
                        "SECTORS field '{field}' is replaced by the computed {computed}.",
                        field=field.name(),
                        computed=field.name().lower(),
                    )
                )
                continue
            fields.append(field)
            kept.append(index)
        lower_names = {name.lower() for name in source_fields.names()}
        computed = {}
        if "sector_id" not in lower_names:
            id_field = QgsField(source_fields.field(self.id_field))
            id_field.setName("sector_id")
            fields.append(id_field)
            computed["sector_id"] = self.ids
        if districts is not None and "district" not in lower_names:
            fields.append(new_field("district", QMetaType.Type.QString))
            computed["district"] = [None if district is None else str(district) for district in districts]
        for name, field_type, values in results:
            fields.append(new_field(name, field_type))
            computed[name] = values
        copied_from = kept + [-1] * (fields.count() - len(kept))
        return [features[0] for features in self.features], fields, copied_from, computed


def read_public_frame(source, wanted, crs, transform_context, feedback):
    """The sectors of ``source`` for a publication: those of the ``wanted`` fields the layer has
    (only those are read), as read and as :func:`~..core.publication.public_frame` makes them,
    and the names of those fields; refused when there are no sectors."""
    names = [name for name in wanted if source.fields().lookupField(name) >= 0]
    source_frame = qgis_read.source_to_frame(source, names, crs, transform_context, feedback)
    if source_frame.empty:
        raise QgsProcessingException(
            tr("SECTORS ({layer}) has no features; give the sector polygons.", layer=source.sourceName())
        )
    try:
        frame = publication.public_frame(source_frame, f"SECTORS ({source.sourceName()})")
    except InputError as error:
        raise QgsProcessingException(translated(error.args[0])) from None
    return source_frame, frame, names


def read_public_map_sectors(source, crs, transform_context, feedback, texts):
    """The sectors of public maps: :func:`read_public_frame` of the public fields, with a warning
    where officers are missing."""
    _, frame, names = read_public_frame(source, publication.PUBLIC_FIELDS, crs, transform_context, feedback)
    _warn_about_officers(frame, names, feedback, texts)
    return frame


def read_internal_map_sectors(source, figures, crs, transform_context, feedback, texts):
    """The sectors of internal maps: the public fields, the key ``figures`` [(name, type)] (NaN where
    the layer lacks them, ``area_km2`` computed) and each sector's touching neighbours, with warnings
    where officers or figures are missing."""
    figure_names = [name for name, _ in figures]
    source_frame, frame, names = read_public_frame(
        source, list(publication.PUBLIC_FIELDS) + figure_names, crs, transform_context, feedback
    )
    _warn_about_officers(frame, names, feedback, texts)
    map_figures.join_figures(frame, source_frame, figure_names)
    if "area_km2" not in names:
        frame["area_km2"] = shapely.area(frame.geometry.values.to_numpy()) / 1e6
    missing = [name for name in figure_names if name not in names and name != "area_km2"]
    if missing:
        feedback.pushWarning(
            tr(
                "SECTORS has no field {fields}: shown as '–'. Run Compute sector manning on the sectors "
                "for the full key figures.",
                fields=", ".join(missing),
            )
        )
    frame["neighbour_list"] = sector_logic.touching_neighbour_texts(
        list(frame["sector_id"]), list(frame["sector_name"]), frame.geometry.values.to_numpy()
    )
    return frame


def _warn_about_officers(frame, names, feedback, texts):
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
    elif frame["officer_name"].isna().any():
        feedback.pushWarning(
            tr(
                "{count} sectors have no officer_name: shown as '{placeholder}'.",
                count=int(frame["officer_name"].isna().sum()),
                placeholder=texts("officer_tba"),
            )
        )
