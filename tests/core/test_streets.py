"""The web map's streets: grouped by name, simplified to the drawing, coded as steps — by hand."""

import shapely

from ypo_plugin.core.streets import web_streets

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


def test_main_street_lines_measure_each_name_whole():
    from ypo_plugin.core.streets import main_street_lines

    # 21 streets 100 m … 2,100 m long; "Vej 0" is the shortest but has a second line of 2,000 m
    # written with other spacing: together 2,100 m, so "Vej 1" (200 m) is the one left out.
    names = [f"Vej {n}" for n in range(21)] + ["Vej  0", None]
    lines = [shapely.LineString([(0, n * 10), (100 * (n + 1), n * 10)]) for n in range(21)]
    lines += [shapely.LineString([(0, -10), (2000, -10)]), shapely.LineString([(0, -20), (9000, -20)])]
    flags = main_street_lines(names, lines)
    assert [name for name, main in zip(names, flags, strict=True) if not main] == ["Vej 1", None]
