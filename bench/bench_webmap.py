"""The public web map with an address index: page size and search time in headless Chromium.

A synthetic station (its own generator): 40 sectors tiling 20 × 20 km near Copenhagen, 2,000
streets with Danish names (æ, ø, å) of 10 to 90 houses (some with letters), 12 postcodes; the
addresses as many as asked (default 100,000 and 20,000), written with the plugin's own page
builder (``web_map_data`` + ``build_address_index``). The page is opened from a file in headless
Chromium and each query is answered by the page's own search (``ypoSearchAddresses``), timed in
the browser with ``performance.now()``; the table gives the median and the slowest of the
queries. Targets: a page of at most 3 MB and a search of at most 50 ms with 100,000 addresses.

    python3 bench/bench_webmap.py [--addresses 100000 20000]
"""

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import Transformer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ypo_plugin.core.address_index import build_address_index  # noqa: E402
from ypo_plugin.core.counting import assign_points  # noqa: E402
from ypo_plugin.core.publication import public_frame, web_map_data, web_map_html  # noqa: E402

PAGE_TARGET_MB = 3.0
SEARCH_TARGET_MS = 50.0
SIDE_M = 20_000.0
ORIGIN = (710_000.0, 6_170_000.0)  # EPSG:25832, Copenhagen's west
STREET_COUNT = 2000
FIRST_PARTS = ("Søndre", "Nørre", "Vester", "Øster", "Store", "Lille", "Gamle", "Ny", "Ålholm", "Bispe")
SECOND_PARTS = ("Allé", "gade", "vej", "stræde", "Boulevard", "have", "bakken", "løkken", "engen", "toften")
QUERIES = (
    "sø",
    "søndre allé",
    "Sondre Alle 12",
    "Soendre Alle 12B",
    "nørre gade 5",
    "vester vej 31, 2700",
    "2700",
    "ålholm",
    "bispe boulevard 8",
    "gamle have 70 a",
)


def synthetic_station(addresses: int, seed: int = 1):
    """Sectors (public frame in EPSG:4326) and the address columns in lon/lat."""
    rng = np.random.default_rng(seed)
    to_lonlat = Transformer.from_crs("EPSG:25832", "EPSG:4326", always_xy=True)
    cells = [
        shapely.box(
            ORIGIN[0] + i * SIDE_M / 8,
            ORIGIN[1] + j * SIDE_M / 5,
            ORIGIN[0] + (i + 1) * SIDE_M / 8,
            ORIGIN[1] + (j + 1) * SIDE_M / 5,
        )
        for j in range(5)
        for i in range(8)
    ]
    sectors = gpd.GeoDataFrame(
        {
            "sector_id": [f"S-{n + 1:02d}" for n in range(len(cells))],
            "sector_name": [f"Sektor {n + 1}" for n in range(len(cells))],
            "officer_name": [f"Betjent {n + 1}" for n in range(len(cells))],
        },
        geometry=cells,
        crs="EPSG:25832",
    ).to_crs("EPSG:4326")
    names = [f"{a} {b}" if b[0].isupper() else f"{a}{b}" for a in FIRST_PARTS for b in SECOND_PARTS]
    names = [f"{name} {n}" if n else name for n in range(STREET_COUNT // len(names)) for name in names]
    houses = rng.integers(10, 91, len(names))
    houses = np.maximum(1, np.round(houses * addresses / houses.sum())).astype(int)
    street, number, postcode, x, y = [], [], [], [], []
    for name, count in zip(names, houses, strict=True):
        start = rng.uniform(0, SIDE_M, 2) + ORIGIN
        direction = rng.normal(size=2)
        direction /= np.linalg.norm(direction)
        code = str(2000 + 100 * rng.integers(0, 12))
        for house in range(count):
            street.append(name)
            number.append(f"{house + 1}{'AB'[house % 2] if house % 7 == 3 else ''}")
            postcode.append(code)
            x.append(start[0] + direction[0] * 15 * house)
            y.append(start[1] + direction[1] * 15 * house)
    lon, lat = to_lonlat.transform(np.array(x), np.array(y))
    return public_frame(sectors), street, number, postcode, np.column_stack([lon, lat])


def build_page(addresses: int, folder: Path) -> tuple[Path, int, int]:
    frame, street, number, postcode, lonlat = synthetic_station(addresses)
    sector = assign_points(lonlat, frame.geometry.values.to_numpy())
    index = build_address_index(street, number, postcode, None, lonlat, sector)
    html = web_map_html(web_map_data(frame, "Find din nærpolitibetjent", addresses=index.data))
    path = folder / f"webmap_{addresses}.html"
    path.write_text(html, encoding="utf-8")
    index_bytes = len(web_map_html(web_map_data(frame, "x", addresses=index.data)).encode()) - len(
        web_map_html(web_map_data(frame, "x")).encode()
    )
    return path, index.count, index_bytes


def browser(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_AVOID_STATS", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def measure(driver, path: Path, rounds: int = 5) -> tuple[float, float, float]:
    """Page load (ms), median and slowest search (ms) over the queries, ``rounds`` times each."""
    driver.get(path.as_uri())
    load = driver.execute_script(
        "var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;"
    )
    times = driver.execute_script(
        """
        var queries = arguments[0], rounds = arguments[1], times = [];
        for (var r = 0; r < rounds; r++) {
          queries.forEach(function (q) {
            var start = performance.now();
            window.ypoSearchAddresses(q);
            times.push(performance.now() - start);
          });
        }
        return times;
        """,
        list(QUERIES),
        rounds,
    )
    return load, statistics.median(times), max(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addresses", type=int, nargs="+", default=[100_000, 20_000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        driver = browser(folder / "profile")
        try:
            for count in args.addresses:
                path, indexed, index_bytes = build_page(count, folder)
                load, median, slowest = measure(driver, path)
                rows.append((indexed, path.stat().st_size, index_bytes, load, median, slowest))
        finally:
            driver.quit()
    print("Public web map with addresses, headless Chromium (the page's own search)")
    header = (
        f"{'addresses':>10}{'page MB':>10}{'index MB':>10}{'load ms':>10}{'search median ms':>18}"
        f"{'slowest ms':>12}"
    )
    print(header)
    print("-" * len(header))
    for indexed, size, index_bytes, load, median, slowest in rows:
        print(
            f"{indexed:>10,}{size / 1e6:>10.2f}{index_bytes / 1e6:>10.2f}{load:>10.0f}{median:>18.2f}"
            f"{slowest:>12.2f}"
        )
    largest = max(rows)
    ok = largest[1] / 1e6 <= PAGE_TARGET_MB and largest[5] <= SEARCH_TARGET_MS
    print(
        f"\ntargets with {largest[0]:,} addresses: page ≤ {PAGE_TARGET_MB:g} MB, search ≤ "
        f"{SEARCH_TARGET_MS:g} ms: {'within target' if ok else 'OVER TARGET'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
