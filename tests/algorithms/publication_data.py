"""Inputs for the publication tests: sectors with officers and with internal fields planted on them.

Every planted value and every internal field name must stay out of every public file.
"""

import re
import struct
import subprocess
import unicodedata
from pathlib import Path

from qgis.core import QgsVectorFileWriter, QgsVectorLayer

from tests.layers import box, memory_layer, point

# The public allow-list, written out rather than imported from the plugin: the tests pin the contract.
OFFICER_NAMES = ["officer_name", "officer_phone", "officer_email"]
PUBLIC_FIELD_NAMES = ["sector_id", "sector_name", "district", *OFFICER_NAMES]
OFFICER_FIELDS = [f"{name}:string" for name in OFFICER_NAMES]
PLANTED_FIELDS = ["internal_note:string", "source_ref:string", "budget_code:integer", "need_score:double"]
PLANTED_VALUES = ["SECRET-NOTE", "CASEFILE-7781", "987654321", "Informant Jensen"]
INTERNAL_FIELD_NAMES = [
    "internal_note",
    "source_ref",
    "budget_code",
    "need_score",
    "crimes_total",
    "population",
    "officers_allocated",
    "workload",
]
# Words only internal pages have: crime types, the marking, key figures.
INTERNAL_WORDS = ["INTERNAL", "INTERNT", "Violence", "Burglary", "Harassment", "Nøgletal", "Key figures"]

# Three sectors in a row, 1 km × 1 km each: S1 | S2 | S3 (S2 touches both).
SMALL_SECTORS = [
    (box(0, 0, 1000, 1000), "S1", "Sector one", "West", "Anna Holm", "+45 1111 0001", "anna@politi.dk"),
    (box(1000, 0, 2000, 1000), "S2", "Sector two", "West", "Bo Berg", "+45 1111 0002", "bo@politi.dk"),
    (box(2000, 0, 3000, 1000), "S3", "Sector three", "East", None, None, None),
]


def small_sectors(crs="EPSG:25832", officers=True, planted=True, extra_internal=True):
    fields = ["sector_id:string", "sector_name:string", "district:string"]
    rows = []
    for geometry, sector_id, name, district, *officer in SMALL_SECTORS:
        row = [geometry, sector_id, name, district]
        if officers:
            row += officer
        if planted:
            row += [f"SECRET-NOTE {sector_id}", "CASEFILE-7781", 987654321, 0.123456]
        if extra_internal:
            row += [100 * int(sector_id[1:]), 4000.0 + int(sector_id[1:]), 2 + int(sector_id[1:]), 2]
        rows.append(row)
    if officers:
        fields += OFFICER_FIELDS
    if planted:
        fields += PLANTED_FIELDS
    if extra_internal:
        fields += [
            "crimes_total:integer",
            "population:double",
            "officers_allocated:integer",
            "factor:integer",
        ]
    return memory_layer("MultiPolygon", fields, rows, crs, name="sectors")


# Incidents: 3 in S1 (2 violence on a Monday 08:00 and 09:00, 1 theft), 1 drugs in S3, 1 outside.
SMALL_CRIMES = [
    (point(100, 100), "violence", "2026-03-02T08:00:00"),
    (point(200, 100), "Vold", "2026-03-02T09:00:00"),
    (point(300, 500), "theft", "2026-03-03T22:00:00"),
    (point(2500, 500), "drugs", "2026-03-04T12:00:00"),
    (point(5000, 5000), "violence", "2026-03-04T12:00:00"),
]


def grid_sectors(
    columns=6,
    rows=10,
    size=500,
    crs="EPSG:25832",
    sector_id="S-{:02d}",
    sector_name="Sector {}",
    officer="Officer {}",
    districts=("West", "East"),
):
    """A long plan: ``columns`` × ``rows`` square sectors numbered 1, 2… row by row from the
    south-west, with ids ``sector_id.format(n)`` (S-01, S-02…) and names ``sector_name.format(n)``,
    each with an officer and manning figures (population 1000 + n, factor 1 + n % 5, 2 officers);
    two districts (the left half, the right half)."""
    fields = [
        "sector_id:string",
        "sector_name:string",
        "district:string",
        *OFFICER_FIELDS,
        "population:double",
        "factor:integer",
        "officers_allocated:integer",
    ]
    features = []
    for number in range(1, columns * rows + 1):
        row, column = divmod(number - 1, columns)
        x, y = column * size, row * size
        features.append(
            [
                box(x, y, x + size, y + size),
                sector_id.format(number),
                sector_name.format(number),
                districts[0] if column < columns / 2 else districts[1],
                officer.format(number),
                f"+1 555 01{number:02d}",
                f"officer{number}@station.example",
                1000.0 + number,
                1 + number % 5,
                2,
            ]
        )
    return memory_layer("MultiPolygon", fields, features, crs, name="plan")


def small_crimes(crs="EPSG:25832"):
    return memory_layer(
        "Point",
        ["crime_type:string", "occurred:string"],
        [list(row) for row in SMALL_CRIMES],
        crs,
        name="crimes",
    )


def write_gpkg(layer, path) -> str:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "sectors"
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), layer.transformContext(), options
    )
    assert error == QgsVectorFileWriter.NoError, message
    return f"{path}|layername=sectors"


_SAMPLE = {}


def planted_sample(run_algorithm, folder: Path) -> dict:
    """The sample district (seed 1) → sectors → manning, plus officers and planted internal fields.

    Made once per test session; returns the GeoPackage URIs of sectors, crimes and streets.
    """
    if _SAMPLE:
        return _SAMPLE
    folder.mkdir(parents=True, exist_ok=True)
    sample = str(folder / "sample.gpkg")
    run_algorithm("ypo:createsampledistrict", {"SEED": 1, "OUTPUT": sample})
    results, _ = run_algorithm(
        "ypo:splitsectors",
        {
            "UNITS": f"{sample}|layername=units",
            "DISTRICTS": f"{sample}|layername=districts",
            "BARRIERS": f"{sample}|layername=barriers",
            "OUTPUT_SECTORS": str(folder / "sectors.gpkg"),
            "OUTPUT_UNITS": str(folder / "units.gpkg"),
        },
    )
    manning, _ = run_algorithm(
        "ypo:computemanning",
        {
            "SECTORS": results["OUTPUT_SECTORS"],
            "POPULATION": results["OUTPUT_UNITS"],
            "CRIMES": f"{sample}|layername=crimes",
            "EXPOSED_AREAS": f"{sample}|layername=exposed_areas",
            "OUTPUT": "memory:",
        },
    )
    source = manning["OUTPUT"]
    layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(source, "manning", "ogr")
    # The demo adds officers with the Field calculator; here the same with the layer's edit buffer.
    from qgis.PyQt.QtCore import QMetaType

    from ypo_plugin.qgis_compat import new_field

    layer.startEditing()
    for name in (*OFFICER_NAMES, "internal_note", "source_ref"):
        layer.addAttribute(new_field(name, QMetaType.Type.QString))
    layer.addAttribute(new_field("budget_code", QMetaType.Type.LongLong))
    layer.updateFields()
    for number, feature in enumerate(sorted(layer.getFeatures(), key=lambda f: f["sector_id"])):
        sector_id = feature["sector_id"]
        values = {
            "officer_name": f"Officer {sector_id}",
            "officer_phone": f"+45 4515 {number:04d}",
            "officer_email": f"{sector_id.lower().replace('-', '')}@politi.dk",
            "internal_note": f"SECRET-NOTE {sector_id}: Informant Jensen",
            "source_ref": "CASEFILE-7781",
            "budget_code": 987654321,
        }
        for name, value in values.items():
            layer.changeAttributeValue(feature.id(), layer.fields().lookupField(name), value)
    assert layer.commitChanges(), layer.commitErrors()
    sectors = write_gpkg(layer, folder / "planted_sectors.gpkg")
    _SAMPLE.update(
        sectors=sectors,
        crimes=f"{sample}|layername=crimes",
        streets=f"{sample}|layername=streets",
        count=layer.featureCount(),
    )
    return _SAMPLE


# --- reading the files back --------------------------------------------------------


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(path) -> str:
    """The text of a PDF, ligatures (ﬃ in "Oﬃcer") unfolded."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return unicodedata.normalize("NFKC", text.stdout)


def pdf_info(path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def png_chunks(path) -> list[tuple[bytes, bytes]]:
    """(type, data) of every chunk of a PNG file."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        chunks.append((data[offset + 4 : offset + 8], data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    return chunks


def image_spread(path) -> float:
    """Standard deviation of the grey values of an image (0 for a blank page)."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format_Grayscale8)
    assert not image.isNull(), path
    import numpy as np

    pointer = image.constBits()
    pointer.setsize(image.bytesPerLine() * image.height())
    pixels = np.frombuffer(pointer, dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    return float(pixels[:, : image.width()].std())


def assert_nothing_internal(text: str, where: str, extra=()):
    for value in [*PLANTED_VALUES, *INTERNAL_FIELD_NAMES, *INTERNAL_WORDS, *extra]:
        assert value not in text, f"{where} contains internal '{value}'"


def svg_texts(path) -> list[tuple[str, float, float]]:
    """(text, x, y) of every text element of an SVG, x and y in mm on the page (the nested
    transforms applied)."""
    return [
        (element.text, *to_page(float(element.get("x", 0)), float(element.get("y", 0))))
        for element, _, to_page in svg_elements(path)
        if element.tag.endswith("}text") and element.text
    ]


def svg_paths(path) -> list[tuple[str, list[tuple[float, float]]]]:
    """(stroke colour, points) of every path of an SVG (the colour its own or its group's), the
    points in mm on the page."""
    found = []
    for element, stroke, to_page in svg_elements(path):
        if element.tag.endswith("}path"):
            numbers = [float(v) for v in re.findall(r"-?[\d.]+(?:e-?\d+)?", element.get("d", ""))]
            found.append((stroke, [to_page(x, y) for x, y in zip(numbers[::2], numbers[1::2], strict=False)]))
    return found


def svg_elements(path):
    """(element, stroke colour, to_page) of every element of an SVG: ``to_page(x, y)`` gives the
    element's coordinates in mm on the page (the nested transforms applied)."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(str(path)).getroot()
    _, _, width_px, _ = (float(v) for v in root.get("viewBox").split())
    mm_per_px = float(root.get("width").removesuffix("mm")) / width_px
    found = []

    def walk(element, matrix, stroke):
        transform = element.get("transform")
        if transform:
            a, b, c, d, e, f = (float(v) for v in re.findall(r"-?[\d.]+(?:e-?\d+)?", transform))
            m = matrix
            matrix = (
                m[0] * a + m[2] * b,
                m[1] * a + m[3] * b,
                m[0] * c + m[2] * d,
                m[1] * c + m[3] * d,
                m[0] * e + m[2] * f + m[4],
                m[1] * e + m[3] * f + m[5],
            )
        stroke = element.get("stroke", stroke)

        def to_page(x, y, m=matrix):
            return ((m[0] * x + m[2] * y + m[4]) * mm_per_px, (m[1] * x + m[3] * y + m[5]) * mm_per_px)

        found.append((element, stroke, to_page))
        for child in element:
            walk(child, matrix, stroke)

    walk(root, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), None)
    return found


# Words of the templates and texts in one language only, written out here (not read from the plugin).
DANISH_WORDS = [
    "Sektor",
    "Sektorer",
    "sektorer",
    "Betjent",
    "betjente",
    "Betjente",
    "Telefon",
    "Tlf",
    "Distrikt",
    "Distrikter",
    "Dato",
    "Kilder",
    "Kort",
    "Side",
    "af",
    "Signatur",
    "Periode",
    "akut",
    "ring",
    "nærpolitibetjent",
    "Nærpoliti",
    "INTERNT",
    "Nøgletal",
    "Befolkning",
    "Areal",
    "Forbrydelser",
    "Behov",
    "Faktor",
    "fortsat",
    "Hændelser",
    "Vold",
    "Indbrud",
    "Tyveri",
    "Narkotika",
    "Hærværk",
    "Chikane",
    "Anden",
    "indb",
    "betj",
    "Politiets",
    "sektorinddeling",
    "Nabosektorer",
    "følger",
    "Navn",
    "Nr",
    "Klik",
    "Vælg",
    "Adressens",
    "Brug",
    "Punktet",
    "Skriv",
    "Dansk",
    "Sprog",
    "Sektoroverdragelse",
    "udskrevet",
    "bemanding",
    "Samarbejdspartnere",
    "Åbne",
    "udfordringer",
    "Seneste",
    "Ingen",
    "Udfordring",
    "Opfølgning",
    "Målgruppe",
    "Handling",
    "Kontakt",
    "Sektoren",
    "Sektorloggen",
    "Ældre",
    "Åben",
    "gang",
    "man",
    "tir",
    "ons",
    "tor",
    "fre",
    "lør",
    "søn",
    "Efter",
]
ENGLISH_WORDS = [
    "Sector",
    "sectors",
    "Officer",
    "officers",
    "Phone",
    "District",
    "Date",
    "Sources",
    "Map",
    "Page",
    "Legend",
    "Period",
    "emergency",
    "call",
    "police",
    "INTERNAL",
    "Key",
    "Population",
    "Area",
    "Crimes",
    "Need",
    "Factor",
    "continued",
    "Incidents",
    "announced",
    "your",
    "No",
]


def words_absent(text: str, words, where: str) -> None:
    """None of ``words`` (as a whole word) is in ``text``."""
    found = [word for word in words if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)]
    assert not found, f"{where} holds {found}"


def assert_no_danish(text: str, where: str) -> None:
    words_absent(text, DANISH_WORDS, where)
    assert not re.search("[æøåÆØÅ]", text), f"{where} holds æ, ø or å"


def assert_no_112(text: str, where: str) -> None:
    """No 112 standing alone (a coordinate's or a hash's digits aside)."""
    assert not re.search(r"(?<![\w+/.=-])112(?![\w.])", text), f"{where} holds 112"
