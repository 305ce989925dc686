"""ypo:exportsectormaps with STREETS: the streets drawn lightly under the sectors, simplified to the
page, the main ones named clear of the sectors' labels, in the right place whatever their CRS."""

import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests.algorithms.publication_data import (
    assert_nothing_internal,
    pdf_text,
    planted_sample,
    small_sectors,
    svg_elements,
    svg_paths,
    svg_texts,
)
from tests.layers import box, line, memory_layer, point

# Light grey lines of styles/map_streets.qml: main streets 175, others 205; sector outlines blue.
MAIN_GREY, STREET_GREY, SECTOR_BLUE = "#afafaf", "#cdcdcd", "#1f3a93"
# Over the small sectors (0–3,000 m × 0–1,000 m): one street through the middle of all three (a
# vertex every 100 m, so that it stays straight in any CRS), one across the middle sector, and a
# path without a name (not a street: not drawn).
STREET_ROWS = [
    (line(*[(x, 500) for x in range(0, 3001, 100)]), "Søndre Allé"),
    (line(*[(1500, y) for y in range(0, 1001, 100)]), "Bygade"),
    (line((100, 100), (900, 100)), None),
]


def streets(crs="EPSG:25832", rows=STREET_ROWS, fields=("name:string",)):
    return memory_layer("LineString", list(fields), rows, crs, name="streets")


def export_svg(run_algorithm, folder, **parameters):
    results, _ = run_algorithm(
        "ypo:exportsectormaps",
        {
            "SECTORS": small_sectors(),
            "AUDIENCE": "public",
            "FORMAT": "svg",
            "DPI": 60,
            "OUTPUT_FOLDER": str(folder),
            **parameters,
        },
    )
    return results["FILES"].split(";")


def street_lines(svg, colours=(MAIN_GREY, STREET_GREY)):
    return [points for stroke, points in svg_paths(svg) if stroke in colours and len(points) > 1]


@pytest.fixture(scope="module")
def sample(run_algorithm, tmp_path_factory):
    return planted_sample(run_algorithm, tmp_path_factory.mktemp("streets") / "sample")


def longest_streets(uri, count=20):
    """The ``count`` longest street names of a layer, measured here with QGIS (all lines of a name)."""
    layer = QgsVectorLayer(uri, "streets", "ogr")
    length = {}
    for feature in layer.getFeatures():
        name = " ".join(str(feature["name"]).split())
        length[name] = length.get(name, 0.0) + feature.geometry().length()
    ordered = sorted(length, key=lambda name: (-length[name], name))
    return set(ordered[:count]), set(ordered[count:])


# --- the sample district through qgis_process ------------------------------------------------------


def test_sample_streets_on_the_public_svg_and_pdf_through_qgis_process(qgis_process, sample, tmp_path):
    main, others = longest_streets(sample["streets"])

    def export(fmt):
        result = qgis_process.run(
            "ypo:exportsectormaps",
            SECTORS=sample["sectors"],
            STREETS=sample["streets"],
            STREET_NAME_FIELD="name",
            AUDIENCE="public",
            FORMAT=fmt,
            DPI=50,
            OUTPUT_FOLDER=str(tmp_path / fmt),
        )
        return result["results"]["FILES"].split(";")

    files = export("svg")
    assert len(files) == sample["count"] + 1  # the overview and every sector's page
    overview = files[0]
    assert len(street_lines(overview, (MAIN_GREY,))) == 20
    assert len(street_lines(overview, (STREET_GREY,))) > 500
    named_on = {path: {text for text, _, _ in svg_texts(path)} & (main | others) for path in files}
    named = set().union(*named_on.values())
    assert len(named_on[overview]) >= 5 and len(named) >= 15 and named <= main, named - main  # main only
    for path in files:
        svg = Path(path).read_text(encoding="utf-8")
        assert street_lines(path), path
        assert_nothing_internal(svg, path)

    (pdf,) = export("pdf")
    text = " ".join(pdf_text(pdf).split())
    in_pdf = set()
    for name in sorted(main | others, key=len, reverse=True):  # "Store Skolegade" before "Skolegade"
        pattern = rf"(?<!\w){re.escape(name)}(?!\w)"
        if re.search(pattern, text):
            in_pdf.add(name)
            text = re.sub(pattern, " ", text)
    assert len(in_pdf) >= 5 and in_pdf <= main, in_pdf - main  # rotated names are not always read back
    assert_nothing_internal(pdf_text(pdf), "public PDF with streets")


# --- small layers: place, CRS, simplification, labels ------------------------------------------------


def test_streets_in_another_crs_are_drawn_at_the_same_place(run_algorithm, tmp_path):
    (utm,) = export_svg(run_algorithm, tmp_path / "utm", STREETS=streets(), ATLAS=False)
    (wgs84,) = export_svg(run_algorithm, tmp_path / "wgs84", STREETS=streets("EPSG:4326"), ATLAS=False)
    # The sectors' outlines span 0–3,000 m × 0–1,000 m on the page: the streets' place follows.
    blue = [xy for stroke, points in svg_paths(utm) if stroke == SECTOR_BLUE for xy in points]
    left, right = min(x for x, _ in blue), max(x for x, _ in blue)
    top, bottom = min(y for _, y in blue), max(y for _, y in blue)
    mm_per_m = (right - left) / 3000
    assert abs((bottom - top) / 1000 - mm_per_m) < 0.001  # the page keeps the shape
    for svg in (utm, wgs84):
        lines = sorted(street_lines(svg), key=lambda points: points[0])
        assert len(lines) == 2, svg  # the path without a name is not drawn
        horizontal, vertical = sorted(lines, key=lambda points: abs(points[0][0] - points[-1][0]))[::-1]
        assert all(abs(y - (top + bottom) / 2) < 0.05 for _, y in horizontal), svg
        assert (
            abs(min(x for x, _ in horizontal) - left) < 0.05
            and abs(max(x for x, _ in horizontal) - right) < 0.05
        )
        assert all(abs(x - (left + 1500 * mm_per_m)) < 0.05 for x, _ in vertical), svg


def test_the_png_shows_the_street_where_the_svg_draws_it(run_algorithm, tmp_path):
    """Bygade, 100 m from the sectors' bottom, in the PNG at 150 dpi: grey where the SVG of the same
    page draws it, the sector's near-white fill there without streets."""
    from qgis.PyQt.QtGui import QColor, QImage

    (svg,) = export_svg(run_algorithm, tmp_path / "svg", STREETS=streets(), ATLAS=False)
    (vertical,) = [points for points in street_lines(svg) if abs(points[0][0] - points[-1][0]) < 0.01]
    x_mm, bottom_mm = vertical[0][0], max(y for _, y in vertical)
    top_mm = min(y for _, y in vertical)
    y_mm = bottom_mm - (bottom_mm - top_mm) / 10  # 100 m above the bottom of the 1,000 m street

    def grey_near(folder, **parameters):
        (png,) = export_svg(run_algorithm, folder, FORMAT="png", ATLAS=False, DPI=150, **parameters)
        image = QImage(png)
        x, y = round(x_mm * 150 / 25.4), round(y_mm * 150 / 25.4)
        return min(QColor(image.pixel(x + dx, y)).lightness() for dx in range(-2, 3))

    assert grey_near(tmp_path / "png", STREETS=streets()) < 215  # the street's grey: 205 or darker
    assert grey_near(tmp_path / "plain") > 240  # the fill: 250, 250, 246


def test_streets_are_simplified_to_each_page(run_algorithm, tmp_path):
    # 3,000 m with a vertex every 2 m, 0.3 m off the line by turns: 1,501 vertices. The overview
    # draws 3,000 m on about 250 mm and a sector page 1,000 m on about 170 mm: 0.1 mm of paper is
    # 0.6 m or more on every page, so each page draws the street with its two ends only.
    zigzag = [(x, 500 + (0.3 if x % 4 else -0.3)) for x in range(0, 3001, 2)]
    files = export_svg(run_algorithm, tmp_path, STREETS=streets(rows=[(line(*zigzag), "Bølgevej")]))
    assert len(files) == 4
    for path in files:
        (drawn,) = street_lines(path)
        assert len(drawn) == 2, path


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_every_page_draws_the_streets_over_the_sectors_fill_and_under_their_outlines(
    run_algorithm, tmp_path, audience
):
    files = export_svg(run_algorithm, tmp_path, STREETS=streets(), AUDIENCE=audience)
    assert len(files) == 4  # the overview and three sector pages
    # Sectors drawn (their fill and outline), in the order drawn: their outlines have a vertex every
    # 100 m (80 or more points); outline colours of the public and internal styles.
    outline_colours = {SECTOR_BLUE, "#26303a", "#000000", "#5a5a5a"}
    for path in files:
        drawn = svg_paths(path)
        streets_at = [n for n, (stroke, _) in enumerate(drawn) if stroke in (MAIN_GREY, STREET_GREY)]
        sectors_at = [
            n for n, (stroke, points) in enumerate(drawn) if stroke in outline_colours and len(points) > 40
        ]
        assert streets_at and min(sectors_at) < min(streets_at) and max(streets_at) < max(sectors_at), path


def test_the_finest_page_scale_is_the_one_qgis_zooms_the_atlas_to(qgis_app):
    """The sector pages' streets are simplified for the most zoomed-in page: the scale worked out
    (core.streets.finest_page_scale) is the one QGIS's atlas shows that page at."""
    from qgis.core import QgsLayoutItemMap, QgsLayoutSize, QgsPrintLayout, QgsProject, QgsUnitTypes

    from ypo_plugin.core.streets import finest_page_scale

    sectors = memory_layer(
        "Polygon",
        ["sector_id:string"],
        [(box(0, 0, 1000, 1000), "A"), (box(0, 0, 600, 200), "B"), (box(0, 0, 200, 500), "C")],
    )
    project = QgsProject()
    project.addMapLayer(sectors)
    project.setCrs(sectors.crs())
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.attemptResize(QgsLayoutSize(176, 170, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    map_item.setLayers([sectors])
    map_item.zoomToExtent(sectors.extent())
    map_item.setCrs(sectors.crs())
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.1)
    atlas = layout.atlas()
    atlas.setCoverageLayer(sectors)
    atlas.setEnabled(True)
    assert atlas.beginRender()
    shown = []
    for number in range(atlas.count()):
        atlas.seekTo(number)
        shown.append(map_item.extent().width() / 176)
    atlas.endRender()
    bounds = [feature.geometry().boundingBox().toRectF().getCoords() for feature in sectors.getFeatures()]
    assert abs(min(shown) - finest_page_scale(bounds, (176, 170), 0.1)) < 1e-9


def text_outlines(path, starts):
    """{text: [outline]} of the SVG's texts that start with one of ``starts``: the box of each
    (advance × ascent + descent of DejaVu Sans, measured with Qt) as a polygon in mm on the page,
    turned as the text is."""
    import shapely
    from qgis.PyQt.QtGui import QFont, QFontMetricsF

    font = QFont("DejaVu Sans")
    font.setPixelSize(1000)
    metrics = QFontMetricsF(font)
    found = {}
    for element, _, to_page in svg_elements(path):
        text = element.text if element.tag.endswith("}text") else None
        if not text or not text.startswith(starts):
            continue
        size = float(element.get("font-size")) / 1000  # in the text's own units
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        left, right = x, x + metrics.horizontalAdvance(text) * size
        top, bottom = y - metrics.ascent() * size, y + metrics.descent() * size
        corners = [
            to_page(*corner) for corner in ((left, top), (right, top), (right, bottom), (left, bottom))
        ]
        found.setdefault(text, []).append(shapely.Polygon(corners))
    return found


def test_street_names_keep_clear_of_the_sector_labels(run_algorithm, tmp_path):
    """Søndre Allé runs through the three sectors' labels, Bygade through one, Korte Gade lies
    under the first sector's label: on the overview and on every sector page their names are
    written where no sector label is, or not at all."""
    short = (line(*[(x, 510) for x in range(250, 751, 50)]), "Korte Gade")
    files = export_svg(run_algorithm, tmp_path, STREETS=streets(rows=[*STREET_ROWS, short]))
    named = 0
    for path in files:
        streets_named = text_outlines(path, ("Søndre Allé", "Bygade", "Korte Gade"))
        sector_labels = text_outlines(path, ("Sector ", "Anna Holm", "Bo Berg", "+45 1111", "Betjent"))
        assert len(sector_labels) >= 3, path
        for name, outline in [
            (name, outline) for name, outlines in streets_named.items() for outline in outlines
        ]:
            named += 1
            shrunk = outline.buffer(-0.05)  # touching within 0.05 mm is not covering
            for label, others in sector_labels.items():
                assert not any(shrunk.intersects(other) for other in others), (path, name, label)
    assert named >= 4


# --- refused inputs ----------------------------------------------------------------------------------


def test_streets_without_the_name_field_are_a_clear_error(run_algorithm, tmp_path):
    unnamed = streets(rows=[(line((0, 500), (3000, 500)), "Søndre Allé")], fields=("vejnavn:string",))
    with pytest.raises(
        QgsProcessingException,
        match=r"STREET_NAME_FIELD: the layer 'Streets' \(streets\) has no field 'name'; "
        r"choose one of vejnavn\.$",
    ):
        export_svg(run_algorithm, tmp_path, STREETS=unnamed)
    assert not list(tmp_path.iterdir())


def test_streets_of_points_are_a_clear_error(run_algorithm, tmp_path):
    points = memory_layer("Point", ["name:string"], [(point(500, 500), "Søndre Allé")], name="street points")
    with pytest.raises(
        QgsProcessingException,
        match=r"STREETS: the layer 'Streets' \(street points\) is not a line layer \(Point\)",
    ):
        export_svg(run_algorithm, tmp_path, STREETS=points)
    assert not list(tmp_path.iterdir())


def test_the_help_explains_the_streets(ypo_provider):
    text = " ".join(ypo_provider.algorithm("exportsectormaps").shortHelpString().split())
    for words in (
        "Streets (optional) — street lines, drawn lightly under the sector boundaries and simplified",
        "the 20 longest streets named",
        "Street name field — their name (default name)",
        "Streets are public: drawn on internal and public maps alike, under the sectors' labels.",
    ):
        assert words in text, words
