"""What may be published, and the self-contained public web map.

Public outputs carry an **allow-list** of fields (:data:`PUBLIC_FIELDS`) and
the geometry, whatever else the input layers hold: :func:`public_frame`
builds the only table a public export ever reads. Officer fields that are
missing or empty are shown as "Officer to be announced" (in the output's languages).

The web map (:func:`web_map_html`) is one HTML file with its script, style
and data inlined: it makes no network request (a Content-Security-Policy
with ``default-src 'none'`` and hashes of the inlined script and style
enforces that in the browser), draws the sectors as SVG from longitude /
latitude coordinates, and shows the officer's name, phone (``tel:``) and
e-mail (``mailto:``) for a sector chosen on the map, from a list, or by the
coordinates of an address, in the languages and with the emergency number
of :class:`.texts.PublicTexts`. Output is deterministic: the same sectors
give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import shapely

from .errors import InputError
from .lazy import lazy_module
from .messages import tr
from .sectors import attribute_text
from .texts import DEFAULT_TEXTS, LANGUAGE_NAMES, PublicTexts

gpd = lazy_module("geopandas")

PUBLIC_FIELDS: tuple[str, ...] = (
    "sector_id",
    "sector_name",
    "district",
    "officer_name",
    "officer_phone",
    "officer_email",
)
"""The only attributes a public output may contain (plus the geometry)."""

OFFICER_FIELDS: tuple[str, ...] = ("officer_name", "officer_phone", "officer_email")

WEB_ASSETS = Path(__file__).resolve().parent.parent / "resources" / "webmap"
COORDINATE_DECIMALS = 6  # about 0.1 m: more than the drawing needs, nothing more precise


def public_frame(frame: gpd.GeoDataFrame, layer_name: str = "The sectors layer") -> gpd.GeoDataFrame:
    """Exactly :data:`PUBLIC_FIELDS` (as text) and the geometry of ``frame``, sorted by sector id.

    ``sector_id`` is required; a missing ``sector_name`` is filled with the id, a
    missing ``district`` and missing officer fields stay empty (None).
    """
    if "sector_id" not in frame.columns:
        raise InputError(
            tr(
                "{layer} has no field 'sector_id'; give the sectors written by Split sectors or "
                "Compute sector manning, or rename the sector id field to sector_id (fields "
                "found: {fields}).",
                layer=layer_name,
                fields=", ".join(c for c in frame.columns if c != frame.geometry.name),
            )
        )
    ids = [attribute_text(v) for v in frame["sector_id"]]
    if any(v is None for v in ids):
        raise InputError(tr("{layer}: a sector has no sector_id; give every sector an id.", layer=layer_name))
    duplicates = sorted({v for v in ids if ids.count(v) > 1})
    if duplicates:
        raise InputError(
            tr(
                "{layer}: sector_id {sectors} occurs more than once; "
                "a public map needs one feature per sector (dissolve the sectors by sector_id first).",
                layer=layer_name,
                sectors=", ".join(duplicates[:5]),
            )
        )
    columns: dict[str, list] = {"sector_id": ids}
    for name in PUBLIC_FIELDS[1:]:
        values = frame[name] if name in frame.columns else [None] * len(frame)
        columns[name] = [attribute_text(v) for v in values]
    columns["sector_name"] = [n or i for n, i in zip(columns["sector_name"], ids, strict=True)]
    result = gpd.GeoDataFrame(columns, geometry=list(frame.geometry.values), crs=frame.crs)
    order = sorted(range(len(result)), key=lambda i: _natural_key(ids[i]))
    return result.iloc[order].reset_index(drop=True)


def _natural_key(text: str) -> tuple:
    """Sort key so that NE-2 comes before NE-10."""
    parts = []
    number = ""
    word = ""
    for char in text:
        if char.isdigit():
            if word:
                parts.append((1, word.casefold(), 0))
                word = ""
            number += char
        else:
            if number:
                parts.append((0, "", int(number)))
                number = ""
            word += char
    if number:
        parts.append((0, "", int(number)))
    if word:
        parts.append((1, word.casefold(), 0))
    return tuple(parts)


# --- labels of the overview map ---------------------------------------------------------


def label_anchor(geometry):
    """Where a sector's label goes: the centre of the largest circle inside its largest part
    (inside the sector, as far from its edges as can be); None without geometry.

    Where many circles are as large (to the search's tolerance), as along an elongated part, the
    middle of their centres: the point of that band nearest its centroid. (GEOS returns any one of
    them, and which one changed between GEOS 3.11 and 3.15.)"""
    if geometry is None or geometry.is_empty:
        return None
    parts = [part for part in shapely.get_parts(geometry) if part.area > 0]
    if not parts:
        return shapely.point_on_surface(geometry)
    largest = max(parts, key=lambda part: part.area)
    tolerance = max(math.sqrt(largest.area) / 200.0, 1e-9)
    circle = shapely.maximum_inscribed_circle(largest, tolerance)
    centres = shapely.buffer(largest, -(shapely.length(circle) - tolerance))
    if centres.is_empty:
        return shapely.get_point(circle, 0)
    return shapely.get_point(shapely.shortest_line(centres, shapely.centroid(centres)), 0)


def place_labels(
    geometries: Sequence[Any],
    candidates: Sequence[Sequence[tuple[float, ...]]],
    units_per_mm: float,
    inside_share: float = 0.9,
    placed: list | None = None,
) -> list[tuple[Any, int]]:
    """Per sector, the label's point and which of its candidate labels is drawn.

    ``candidates[i]`` are the sizes (width, height in mm on the page; optionally a shift
    (dx, dy) in mm from the anchor) of sector i's labels, longest first; the last (a short key,
    e.g. a number listed in the table) is always drawn. An earlier one is drawn when its box,
    centred on :func:`label_anchor` (shifted), overlaps no label placed before it and lies at
    least ``inside_share`` in its own sector. Larger sectors are labelled first. Sectors without
    geometry get ``(None, last)``. ``placed`` holds the boxes (shapely polygons, in map units) of
    labels already placed; the new ones are added to it.
    """
    geometries = list(geometries)
    placed = [] if placed is None else placed
    result: list[tuple[Any, int]] = [(None, len(c) - 1) for c in candidates]
    order = sorted(
        range(len(geometries)),
        key=lambda i: -(geometries[i].area if geometries[i] is not None else 0.0),
    )
    for i in order:
        anchor = label_anchor(geometries[i])
        if anchor is None:
            continue
        chosen = len(candidates[i]) - 1
        shifts = [(c[2], c[3]) if len(c) > 2 else (0.0, 0.0) for c in candidates[i]]
        centres = [
            shapely.Point(anchor.x + dx * units_per_mm, anchor.y + dy * units_per_mm) for dx, dy in shifts
        ]
        boxes = [
            shapely.box(
                centre.x - width * units_per_mm / 2,
                centre.y - height * units_per_mm / 2,
                centre.x + width * units_per_mm / 2,
                centre.y + height * units_per_mm / 2,
            )
            for centre, (width, height, *_) in zip(centres, candidates[i], strict=True)
        ]
        for index, box in enumerate(boxes[:-1]):
            inside = shapely.intersection(box, geometries[i]).area / box.area if box.area else 1.0
            if inside >= inside_share and not any(box.intersects(other) for other in placed):
                chosen = index
                break
        if boxes[chosen].area > 0:  # an empty label takes no room
            placed.append(boxes[chosen])
        result[i] = (centres[chosen], chosen)
    return result


# --- the public web map ----------------------------------------------------------


def _rounded_rings(polygon) -> list:
    rings = [polygon.exterior, *polygon.interiors]
    result = []
    for ring in rings:
        coordinates = np.round(np.asarray(ring.coords)[:, :2], COORDINATE_DECIMALS)
        result.append([[float(x), float(y)] for x, y in coordinates])
    return result


def _polygons(geometry) -> list:
    """List of polygons, each a list of rings of [lon, lat]."""
    if geometry is None or geometry.is_empty:
        return []
    parts = shapely.get_parts(geometry)
    polygons = []
    for part in parts:
        if part.geom_type == "Polygon":
            polygons.append(_rounded_rings(part))
        elif part.geom_type in ("MultiPolygon", "GeometryCollection"):
            polygons += _polygons(part)
    return polygons


# The web page's texts (keys of core.texts.TEXTS); "bad_coordinates" shows the example coordinate.
WEB_TEXT_KEYS = (
    "map_help",
    "choose",
    "choose_option",
    "coordinates",
    "find",
    "locate",
    "your_officer",
    "phone",
    "email",
    "district",
    "sector",
    "officer_tba",
    "not_found",
    "bad_coordinates",
    "no_location",
    "emergency",
    "address",
    "address_help",
    "suggestions",
    "no_address",
    "address_outside",
    "sectors_of",
    "show_all",
)


def example_coordinate(frame: gpd.GeoDataFrame) -> str:
    """ "latitude, longitude" of a point inside the largest sector (EPSG:4326), as short as stays inside."""
    geometries = [g for g in frame.geometry.values if g is not None and not g.is_empty]
    if not geometries:
        return ""
    largest = max(geometries, key=lambda g: g.area)
    point = label_anchor(largest)
    for decimals in (4, 5, COORDINATE_DECIMALS):
        lon, lat = round(point.x, decimals), round(point.y, decimals)
        if largest.contains(shapely.Point(lon, lat)) or decimals == COORDINATE_DECIMALS:
            return f"{lat:.{decimals}f}, {lon:.{decimals}f}"
    return ""


def web_map_data(
    frame: gpd.GeoDataFrame,
    title: str,
    texts: PublicTexts = DEFAULT_TEXTS,
    addresses: dict | None = None,
    streets: dict | None = None,
) -> dict:
    """The JSON data of the web map: allow-listed properties, rings in lon/lat (EPSG:4326), and
    the page's texts in ``texts``' languages (the first shown first); with ``addresses`` (the
    data of :func:`ypo_plugin.core.address_index.build_address_index`) the page searches them,
    with ``streets`` (:func:`ypo_plugin.core.streets.web_streets`) it draws them.

    ``frame`` comes from :func:`public_frame`, transformed to EPSG:4326.
    """
    sectors = []
    for row in frame.itertuples(index=False):
        geometry = row.geometry
        label = None
        if geometry is not None and not geometry.is_empty:
            point = shapely.point_on_surface(geometry)
            label = [round(point.x, COORDINATE_DECIMALS), round(point.y, COORDINATE_DECIMALS)]
        record = {name: getattr(row, name) for name in PUBLIC_FIELDS}
        record["polygons"] = _polygons(geometry)
        record["label"] = label
        sectors.append(record)
    districts = []
    if frame["district"].notna().any():
        for district, group in frame[frame["district"].notna()].groupby("district", sort=True):
            outline = shapely.union_all(shapely.make_valid(group.geometry.values.to_numpy()))
            districts.append({"district": district, "polygons": _polygons(outline)})
    bounds = [round(float(v), COORDINATE_DECIMALS) for v in frame.total_bounds]
    example = example_coordinate(frame)
    address = _example_address(addresses)
    page_texts = {
        code: {
            key: PublicTexts(code, texts.emergency_number, texts.general_number)(
                key, example=example, address=address
            )
            for key in WEB_TEXT_KEYS
        }
        for code in texts.codes
    }
    extra = {name: value for name, value in (("addresses", addresses), ("streets", streets)) if value}
    return {
        **extra,
        "title": title,
        "bounds": bounds,
        "sectors": sectors,
        "districts": districts,
        "languages": [{"code": code, "name": LANGUAGE_NAMES[code]} for code in texts.codes],
        "texts": page_texts,
        "example": example,
        "language_label": texts("language"),
    }


def _example_address(addresses: dict | None) -> str:
    """The first address of the index ("Bygade 1"), shown as an example of what to type."""
    if not addresses or not addresses["streets"]:
        return ""
    street = addresses["streets"][0]
    return f"{street['n']} {street['h'].split(' ')[0]}"


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def web_map_html(data: dict) -> str:
    """One self-contained HTML page for ``data`` (see :func:`web_map_data`)."""
    script = (WEB_ASSETS / "webmap.js").read_text(encoding="utf-8")
    style = (WEB_ASSETS / "webmap.css").read_text(encoding="utf-8")
    page = (WEB_ASSETS / "webmap.html").read_text(encoding="utf-8")
    # JSON inside <script type="application/json">: no '<' may end the element early.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    policy = (
        "default-src 'none'; "
        f"script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    replacements = {
        "{{CSP}}": policy,
        "{{LANG}}": _escape_html(data["languages"][0]["code"]),
        "{{LANGUAGE_LABEL}}": _escape_html(data["language_label"]),
        "{{EXAMPLE}}": _escape_html(data["example"]),
        "{{TITLE}}": _escape_html(data["title"]),
        "{{STYLE}}": style,
        "{{DATA}}": payload,
        "{{SCRIPT}}": script,
    }
    for key in replacements:
        if key not in page:
            raise RuntimeError(f"The web map template has no {key}: reinstall the plugin.")
    # Replace in one pass so that no inserted text is scanned for further keys.
    parts = [page]
    for key, value in replacements.items():
        parts = [piece for part in parts for piece in _split_keep(part, key, value)]
    return "".join(parts)


class _Inserted(str):
    """Text already inserted into the page (never scanned for template keys again)."""


def _split_keep(part: str, key: str, value: str) -> list[str]:
    if isinstance(part, _Inserted) or key not in part:
        return [part]
    pieces = part.split(key)
    result: list[str] = []
    for index, piece in enumerate(pieces):
        if index:
            result.append(_Inserted(value))
        result.append(piece)
    return result
