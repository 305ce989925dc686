"""The streets of the web map (grouped by name, simplified to the drawing, coded as steps) and of the
printed pages (simplified to the paper, joined, named clear of labels) — by hand."""

import shapely

from ypo_plugin.core.streets import finest_page_scale, lines_clear_of, page_streets, web_streets

BOUNDS = (12.0, 55.0, 12.2, 55.1)  # 0.2° wide: simplified to 0.2 / 2000 = 1e-4°


def test_streets_by_hand():
    data = web_streets(
        ["Bygade", "Søndre  Allé", "Bygade", None],
        [
            shapely.LineString(
                [(12.0, 55.0), (12.00005, 55.0000001), (12.001, 55.0)]
            ),  # the middle point goes
            shapely.LineString([(12.1, 55.05), (12.1, 55.06)]),
            shapely.LineString([(12.15, 55.05), (12.15001, 55.05001)]),  # shorter than 1e-4°: left out
            shapely.LineString([(12.0, 55.0), (12.1, 55.1)]),  # no name: not a street
        ],
        BOUNDS,
    )
    assert data["origin"] == [1_200_000, 5_500_000] and data["step"] == 1e-5
    assert data["streets"] == [
        {"n": "Bygade", "m": True, "p": [[0, 0, 100, 0]]},
        {"n": "Søndre Allé", "m": True, "p": [[10_000, 5_000, 0, 1_000]]},
    ]


def test_only_the_twenty_longest_are_main():
    names = [f"Vej {n}" for n in range(25)]
    lines = [
        shapely.LineString([(12.0, 55.0 + n * 0.001), (12.0 + 0.001 * (n + 1), 55.0 + n * 0.001)])
        for n in range(25)
    ]
    streets = {street["n"]: street["m"] for street in web_streets(names, lines, BOUNDS)["streets"]}
    assert sorted(name for name, main in streets.items() if main) == sorted(f"Vej {n}" for n in range(5, 25))


def test_page_streets_measure_each_name_whole():
    # 21 streets 100 m … 2,100 m long; "Vej 0" is the shortest but has a second line of 2,000 m
    # written with other spacing: together 2,100 m, so "Vej 1" (200 m) is the one left out. The
    # 9,000 m line has no name: not a street.
    names = [f"Vej {n}" for n in range(21)] + ["Vej  0", None]
    lines = [shapely.LineString([(0, n * 10), (100 * (n + 1), n * 10)]) for n in range(21)]
    lines += [shapely.LineString([(0, -10), (2000, -10)]), shapely.LineString([(0, -20), (9000, -20)])]
    drawn, geometries, main = page_streets(names, lines, 1.0)
    assert drawn == sorted(f"Vej {n}" for n in range(21))  # "Vej 0", "Vej 1", "Vej 10", "Vej 11"…
    assert [name for name, flag in zip(drawn, main, strict=True) if not flag] == ["Vej 1"]
    assert len(shapely.get_parts(geometries[0])) == 2 and geometries[0].length == 2100


def test_page_streets_simplified_and_joined():
    # Tolerance 1 m: the middle point 0.2 m off the line goes; the two connected lines become one;
    # the 0.5 m piece is shorter than the tolerance and left out.
    names = ["Bygade", "Bygade", "Bygade"]
    lines = [
        shapely.LineString([(0, 0), (50, 0.2), (100, 0)]),
        shapely.LineString([(100, 0), (200, 0)]),
        shapely.LineString([(500, 500), (500.5, 500)]),
    ]
    drawn, geometries, main = page_streets(names, lines, 1.0)
    assert drawn == ["Bygade"] and main == [True]
    (part,) = shapely.get_parts(geometries[0])
    assert shapely.get_coordinates(part).tolist() == [[0, 0], [100, 0], [200, 0]]


def test_lines_clear_of_a_label():
    # A label box 40–60 × -5–5 and names 2 m high: the line keeps 0–38 and 62–100.
    line = shapely.LineString([(0, 0), (100, 0)])
    (clear,) = lines_clear_of([line], [shapely.box(40, -5, 60, 5)], 2.0)
    assert sorted(shapely.get_coordinates(part).tolist() for part in shapely.get_parts(clear)) == [
        [[0, 0], [38, 0]],
        [[62, 0], [100, 0]],
    ]
    assert lines_clear_of([line], [], 2.0) == [line]


def test_finest_page_scale_by_hand():
    # A map 200 × 100 mm, 10 % margin: a 100 × 50 m sector needs 0.5 m/mm, a 40 × 40 m one
    # 0.4 m/mm (its height decides); with the margin 0.44.
    assert abs(finest_page_scale([(0, 0, 100, 50), (10, 10, 50, 50)], (200, 100), 0.1) - 0.44) < 1e-12
