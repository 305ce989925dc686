"""ypo:exportpublicwebmap — one self-contained page, tested in a real headless Chromium."""

import contextlib
import json
import re
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from tests.algorithms.publication_data import (
    PUBLIC_FIELD_NAMES,
    assert_no_112,
    assert_no_danish,
    assert_nothing_internal,
    planted_sample,
    small_sectors,
)
from tests.layers import box, line, memory_layer, point

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ALLOWED_KEYS = {*PUBLIC_FIELD_NAMES, "polygons", "label"}


def embedded_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="ypo-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def export(run_algorithm, sectors, path, **parameters):
    results, _ = run_algorithm(
        "ypo:exportpublicwebmap", {"SECTORS": sectors, "OUTPUT": str(path), **parameters}
    )
    return results, Path(path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample(run_algorithm, tmp_path_factory):
    return planted_sample(run_algorithm, tmp_path_factory.mktemp("publication") / "sample")


@pytest.fixture(scope="module")
def sample_page(run_algorithm, sample, tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "index.html"
    results, html = export(run_algorithm, sample["sectors"], path, TITLE="Bellahøj <test> & co")
    return path, html, results


def test_page_holds_only_allow_listed_data(sample_page, sample):
    path, html, results = sample_page
    assert results["SECTOR_COUNT"] == sample["count"] == 19
    data = embedded_data(html)
    assert len(data["sectors"]) == 19
    for sector in data["sectors"]:
        assert set(sector) == ALLOWED_KEYS
        assert sector["officer_name"] == f"Officer {sector['sector_id']}"
    assert [s["sector_id"] for s in data["sectors"]][:3] == ["FR-01", "FR-02", "FR-03"]
    assert {d["district"] for d in data["districts"]} == {"North East", "North West", "Frederiksberg"}
    assert_nothing_internal(html, "web map", extra=["internal", "Informant"])
    assert "<title>Bellahøj &lt;test&gt; &amp; co</title>" in html


def test_page_needs_no_network(sample_page):
    _, html, _ = sample_page
    # No URL the browser could fetch: only data: icons and the namespaces of SVG/XML.
    urls = set(re.findall(r"(?:https?:)?//[^\s\"'<>)]+", html))
    assert urls == {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in html
    assert "<script src" not in html and '<link rel="stylesheet"' not in html


def test_same_sectors_give_the_same_bytes(run_algorithm, tmp_path):
    _, first = export(run_algorithm, small_sectors(), tmp_path / "a.html")
    _, second = export(run_algorithm, small_sectors(), tmp_path / "b.html")
    assert first == second


def test_small_layer_values_and_missing_officer(run_algorithm, tmp_path):
    _, html = export(run_algorithm, small_sectors(crs="EPSG:4326"), tmp_path / "map.html")
    data = embedded_data(html)
    by_id = {s["sector_id"]: s for s in data["sectors"]}
    assert by_id["S1"]["officer_phone"] == "+45 1111 0001"
    assert by_id["S3"]["officer_name"] is None  # shown as "Betjent følger / Officer to be announced"
    ring = by_id["S1"]["polygons"][0][0]
    assert len(ring) == 41 and ring[0] == ring[-1]  # the box has a vertex every 100 m, closed
    assert all(12 < lon < 13 and 55 < lat < 56 for lon, lat in ring)  # lon/lat near Bellahøj
    assert_nothing_internal(html, "web map")


def test_sectors_without_id_is_a_clear_error(run_algorithm, tmp_path):
    layer = memory_layer("Polygon", ["name:string"], [(box(0, 0, 100, 100), "x")])
    with pytest.raises(QgsProcessingException, match="no field 'sector_id'"):
        run_algorithm("ypo:exportpublicwebmap", {"SECTORS": layer, "OUTPUT": str(tmp_path / "x.html")})


def test_through_qgis_process(qgis_process, sample, tmp_path):
    result = qgis_process.run(
        "ypo:exportpublicwebmap", SECTORS=sample["sectors"], OUTPUT=str(tmp_path / "index.html")
    )
    assert int(result["results"]["SECTOR_COUNT"]) == 19
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert len(embedded_data(html)["sectors"]) == 19
    assert_nothing_internal(html, "web map")


# --- in a real browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed (tools/setup.sh)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-default-apps",
        "--disable-extensions",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--window-size=1200,900",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def requests_seen(driver) -> list[tuple[str, str]]:
    """(document URL, requested URL) of every request the browser logged since the last call."""
    seen = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            seen.append((params.get("documentURL", ""), params["request"]["url"]))
    return seen


def test_in_chromium_all_sectors_drawn_click_shows_the_contact_and_no_request_leaves(browser, sample_page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    path, html, _ = sample_page
    browser.get_log("performance")  # forget earlier requests
    browser.get(path.as_uri())
    data = embedded_data(html)
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#map path.sector")) == 19
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#map text.label")) == 19
    assert browser.find_element(By.ID, "card").is_displayed() is False

    # Click the map where sector NE-03 is labelled (its point on surface): its card opens.
    labels = {e.text: e for e in browser.find_elements(By.CSS_SELECTOR, "svg#map text.label")}
    ActionChains(browser).move_to_element(labels["North East 3"]).click().perform()
    assert browser.find_element(By.ID, "card").is_displayed()
    assert browser.find_element(By.ID, "card-sector").text == "North East 3"
    assert browser.find_element(By.ID, "card-name").text == "Officer NE-03"
    phone = browser.find_element(By.ID, "card-phone")
    number = next(s["officer_phone"] for s in data["sectors"] if s["sector_id"] == "NE-03")
    assert phone.text == number and phone.get_attribute("href") == "tel:" + number.replace(" ", "")
    assert browser.find_element(By.ID, "card-email").get_attribute("href") == "mailto:ne03@politi.dk"
    selected = browser.find_elements(By.CSS_SELECTOR, "path.sector.selected")
    assert [p.get_attribute("data-sector-id") for p in selected] == ["NE-03"]

    # An address's coordinates (latitude, longitude) find its sector.
    lon, lat = next(s["label"] for s in data["sectors"] if s["sector_id"] == "FR-02")
    field = browser.find_element(By.ID, "coordinates")
    field.clear()
    field.send_keys(f"{lat}, {lon}")
    browser.find_element(By.ID, "find-button").click()
    assert browser.find_element(By.ID, "card-name").text == "Officer FR-02"
    field.clear()
    field.send_keys("10.0, 10.0")
    browser.find_element(By.ID, "find-button").click()
    assert browser.find_element(By.ID, "find-message").text == "Punktet ligger ikke i nogen sektor."

    # The list, and English.
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element(By.ID, "sector-select")).select_by_value("NW-05")
    assert browser.find_element(By.ID, "card-name").text == "Officer NW-05"
    browser.find_element(By.ID, "lang-en").click()
    assert browser.find_element(By.CSS_SELECTOR, ".card-heading").text == "Your local police officer"
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"

    seen = requests_seen(browser)
    page = path.as_uri()
    ours = [url for document, url in seen if document == page]
    assert ours and ours[0] == page  # the page itself…
    assert all(url == page or url.startswith(("data:", "about:")) for url in ours), ours  # …and nothing else
    # Nor did anything else in the browser go to the network meanwhile (its own chrome:// pages aside).
    assert not [url for _, url in seen if url.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))], seen
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []  # no blocked request, no script error


@contextlib.contextmanager
def narrow_window(browser, path, width, height):
    """The page at ``path`` in a window ``width`` pixels wide: nothing wider than the window."""
    browser.set_window_size(width, height)
    try:
        browser.get(path.as_uri())
        inner = browser.execute_script("return window.innerWidth")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= inner
        yield inner
    finally:
        browser.set_window_size(1200, 900)


def test_in_chromium_usable_on_a_phone(browser, sample_page):
    from selenium.webdriver.common.by import By

    path, _, _ = sample_page
    with narrow_window(browser, path, 390, 844) as width:
        map_box = browser.find_element(By.ID, "map").rect
        card_list = browser.find_element(By.ID, "sector-select").rect
        assert map_box["width"] <= width and card_list["y"] > map_box["y"]  # list below the map
        meta = browser.find_element(By.CSS_SELECTOR, "meta[name=viewport]").get_attribute("content")
        assert "width=device-width" in meta


# --- any country -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def english_page(run_algorithm, tmp_path_factory):
    path = tmp_path_factory.mktemp("web-en") / "index.html"
    _, html = export(
        run_algorithm, small_sectors(crs="EPSG:4326"), path, LANGUAGE="en", EMERGENCY_NUMBER="911"
    )
    return path, html


def test_english_page_with_911_has_no_danish_and_no_112(english_page):
    _, html = english_page
    data = embedded_data(html)
    assert data["languages"] == [{"code": "en", "name": "English"}]
    assert data["texts"]["en"]["emergency"] == "In an emergency call 911."
    assert "<title>Find your local police officer</title>" in html and '<html lang="en">' in html
    # The words of the page (its script is code: "ring" there is a polygon's ring, not Danish).
    code = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    assert_no_danish(html.replace(code, ""), "English web page")
    assert not re.search("[æøåÆØÅ]", html)
    assert_no_112(html, "English web page")


def test_the_example_coordinate_is_inside_a_published_sector(english_page, sample_page):
    from shapely.geometry import Point, Polygon

    for _, html in (english_page, sample_page[:2]):
        data = embedded_data(html)
        lat, lon = (float(v) for v in data["example"].split(", "))
        inside = [
            s["sector_id"]
            for s in data["sectors"]
            if any(Polygon(rings[0], rings[1:]).contains(Point(lon, lat)) for rings in s["polygons"])
        ]
        assert len(inside) == 1
        assert f'placeholder="{data["example"]}"' in html
        assert "55.7002, 12.5098" not in html  # the old (Copenhagen) example


def test_a_wrong_emergency_number_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="EMERGENCY_NUMBER '11-2-x' is not a number to call"):
        export(run_algorithm, small_sectors(), tmp_path / "x.html", EMERGENCY_NUMBER="11-2-x")
    assert not (tmp_path / "x.html").exists()


def test_in_chromium_an_english_page_has_no_language_buttons_and_finds_the_example(browser, english_page):
    from selenium.webdriver.common.by import By

    path, html = english_page
    browser.get(path.as_uri())
    assert browser.find_element(By.ID, "languages").is_displayed() is False
    assert browser.find_elements(By.CSS_SELECTOR, "#languages button") == []
    assert browser.find_element(By.CSS_SELECTOR, ".emergency").text == "In an emergency call 911."
    field = browser.find_element(By.ID, "coordinates")
    assert field.get_attribute("placeholder") == embedded_data(html)["example"]
    field.send_keys("10.0, 10.0")
    browser.find_element(By.ID, "find-button").click()
    assert browser.find_element(By.ID, "find-message").text == "The point is in no sector."
    field.clear()
    field.send_keys(embedded_data(html)["example"])
    browser.find_element(By.ID, "find-button").click()
    assert browser.find_element(By.ID, "card").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, ".card-heading").text == "Your local police officer"
    field.clear()
    field.send_keys("nowhere")
    browser.find_element(By.ID, "find-button").click()
    message = browser.find_element(By.ID, "find-message").text
    assert message == f"Enter latitude and longitude, e.g. {embedded_data(html)['example']}."


def test_missing_officers_are_named_in_the_pages_language(run_algorithm, tmp_path):
    from qgis.core import QgsProcessingFeedback

    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, warning):
            warnings.append(warning)

    run_algorithm(
        "ypo:exportpublicwebmap",
        {"SECTORS": small_sectors(officers=False), "LANGUAGE": "en+da", "OUTPUT": str(tmp_path / "a.html")},
        Feedback(),
    )
    run_algorithm(
        "ypo:exportpublicwebmap", {"SECTORS": small_sectors(), "OUTPUT": str(tmp_path / "b.html")}, Feedback()
    )
    assert warnings == [
        "SECTORS has no field officer_name, officer_phone, officer_email: shown as "
        "'Officer to be announced / Betjent følger' or '–'. Add the officers' contact details (e.g. with "
        "the Field calculator) before publishing.",
        "1 sectors have no officer_name: shown as 'Betjent følger / Officer to be announced'.",
    ]


# --- address search ------------------------------------------------------------------------------

# Addresses on the three small sectors (S1 | S2 | S3, 1 km each), one outside, one without a number.
ADDRESS_ROWS = [
    (point(500, 500), "Søndre Allé", "12B", "2700", "Brønshøj"),
    (point(520, 500), "Søndre Allé", "12", "2700", "Brønshøj"),
    (point(1500, 500), "Søndre Allé", "14", "2700", "Brønshøj"),
    (point(2500, 500), "Bygade", "1", "2400", "København NV"),
    (point(1500, 200), "Bygade", "3", "2400", "København NV"),
    (point(5000, 5000), "Ude Vej", "5", "2400", "København NV"),
    (point(600, 600), "Mark", None, "2700", "Brønshøj"),
]


# Streets along the addresses (one name twice, in two lines), and one without a name.
STREET_ROWS = [
    (line((0, 500), (1000, 500)), "Søndre Allé"),
    (line((1000, 500), (2000, 520)), "Søndre Allé"),
    (line((1500, 0), (1500, 1000)), "Bygade"),
    (line((2500, 0), (2500, 1000)), None),
]


@pytest.fixture(scope="module")
def address_page(run_algorithm, tmp_path_factory):
    addresses = memory_layer(
        "Point",
        ["street:string", "house_number:string", "postcode:string", "city:string"],
        ADDRESS_ROWS,
        "EPSG:4326",
        name="addresses",
    )
    streets = memory_layer("LineString", ["name:string"], STREET_ROWS, name="streets")
    path = tmp_path_factory.mktemp("web-addresses") / "index.html"
    results, html = export(run_algorithm, small_sectors(), path, ADDRESSES=addresses, STREETS=streets)
    return path, html, results


def test_in_chromium_streets_are_drawn_and_the_main_ones_named(browser, address_page):
    from selenium.webdriver.common.by import By

    path, html, _ = address_page
    assert [street["n"] for street in embedded_data(html)["streets"]["streets"]] == ["Bygade", "Søndre Allé"]
    browser.get(path.as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg#map path.street")) == 2
    labels = browser.find_elements(By.CSS_SELECTOR, "svg#map text.street-label")
    assert sorted(label.text for label in labels) == ["Bygade", "Søndre Allé"]
    # under the sector boundaries and labels, never in the way of a click
    order = browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('svg#map > g'), "
        "function (g) { return g.firstChild ? g.firstChild.getAttribute('class') : ''; })"
    )
    assert order.index("street main") < order.index("district") < order.index("label")


def test_address_counts_and_index(address_page):
    _, html, results = address_page
    assert (results["ADDRESS_COUNT"], results["ADDRESSES_OUTSIDE"]) == (6, 1)
    index = embedded_data(html)["addresses"]
    assert [street["n"] for street in index["streets"]] == ["Bygade", "Søndre Allé", "Ude Vej"]
    assert [(entry["code"], entry["city"], entry["sectors"]) for entry in index["postcodes"]] == [
        ("2400", "København NV", [1, 2]),
        ("2700", "Brønshøj", [0, 1]),
    ]
    assert_nothing_internal(html, "web map with addresses")


def search_for(browser, text, keys=()):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    field = browser.find_element(By.ID, "address")
    field.clear()
    field.send_keys(text)
    for key in keys:
        field.send_keys(getattr(Keys, key))
    field.send_keys(Keys.ENTER)


def test_in_chromium_an_address_in_three_spellings_finds_its_officer(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    browser.get(path.as_uri())
    assert browser.find_element(By.ID, "coordinates").is_displayed() is False  # one search box
    assert browser.find_element(By.CSS_SELECTOR, "label[for=address]").text == "Adresse"
    for spelling in ("søndre allé 12b", "Sondre Alle 12B", "Soendre  Alle 12 b"):
        browser.execute_script("window.location.hash = ''; document.getElementById('card').hidden = true")
        search_for(browser, spelling)
        assert browser.find_element(By.ID, "card").is_displayed(), spelling
        assert browser.find_element(By.ID, "card-name").text == "Anna Holm", spelling
        assert browser.find_element(By.ID, "address-message").text == "Søndre Allé 12B, 2700 Brønshøj"
    assert browser.find_element(By.ID, "show-all").is_displayed()  # the map is zoomed to the sector
    assert len(browser.find_elements(By.CSS_SELECTOR, "circle.marker")) == 1
    labels = browser.execute_script("return window.ypoSearchAddresses('søndre allé 1')")
    assert labels == [
        "Søndre Allé 12, 2700 Brønshøj",
        "Søndre Allé 12B, 2700 Brønshøj",
        "Søndre Allé 14, 2700 Brønshøj",
    ]


def test_in_chromium_suggestions_after_two_letters(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    browser.get(path.as_uri())
    field = browser.find_element(By.ID, "address")
    field.send_keys("s")
    assert browser.find_element(By.ID, "address-list").is_displayed() is False
    field.send_keys("ø")
    options = browser.find_elements(By.CSS_SELECTOR, "#address-list [role=option]")
    assert [option.text for option in options] == ["Søndre Allé"]
    assert field.get_attribute("aria-expanded") == "true"


def test_in_chromium_a_postcode_lists_its_sectors_and_a_street_its_own(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    browser.get(path.as_uri())
    search_for(browser, "2400")
    assert browser.find_element(By.ID, "address-message").text == "Sektorer i 2400 København NV:"
    buttons = browser.find_elements(By.CSS_SELECTOR, "#address-sectors button")
    assert [button.text for button in buttons] == ["Sector two", "Sector three"]
    buttons[1].click()
    assert browser.find_element(By.ID, "card-sector").text == "Sector three"
    search_for(browser, "Søndre Allé")
    assert browser.find_element(By.ID, "address-message").text == "Sektorer i Søndre Allé:"
    assert [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#address-sectors button")] == [
        "Sector one",
        "Sector two",
    ]


def test_in_chromium_an_address_outside_says_so_with_both_numbers(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    browser.get(path.as_uri())
    search_for(browser, "ude vej 5")
    assert browser.find_element(By.ID, "address-message").text == (
        "Adressen ligger ikke i nogen af stationens sektorer. Ved akut behov ring 112; ellers ring til "
        "politiet på 114."
    )
    assert browser.find_element(By.ID, "card").is_displayed() is False
    search_for(browser, "Nowhere Street 1")
    assert browser.find_element(By.ID, "address-message").text == "Ingen adresse passer til søgningen."


def test_in_chromium_the_search_works_by_keyboard_alone(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    browser.get(path.as_uri())
    search_for(browser, "bygade 3", keys=("ARROW_DOWN",))
    assert browser.find_element(By.ID, "card-name").text == "Bo Berg"
    assert browser.switch_to.active_element.get_attribute("id") == "address"


AXE = Path(__file__).resolve().parents[2] / "build" / "axe" / "axe.min.js"


def axe_violations(browser) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations of the page as it is now: "rule: target" lines."""
    assert AXE.is_file(), f"{AXE} is missing: run make setup (tools/fetch_axe.py)"
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(function (r) { done(r.violations.map(function (v) {"
        "  return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); });"
    )
    return result


def test_in_chromium_axe_finds_no_violation_empty_with_a_card_and_suggestions(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    browser.get(path.as_uri())
    assert axe_violations(browser) == []
    search_for(browser, "søndre allé 12b")
    assert browser.find_element(By.ID, "card").is_displayed()
    assert axe_violations(browser) == []
    browser.find_element(By.ID, "address").send_keys(" ")
    browser.find_element(By.ID, "address").clear()
    browser.find_element(By.ID, "address").send_keys("byg")
    assert browser.find_element(By.ID, "address-list").is_displayed()
    assert axe_violations(browser) == []
    browser.find_element(By.ID, "lang-en").click()
    assert axe_violations(browser) == []


def test_in_chromium_the_page_is_usable_at_360_pixels(browser, address_page):
    from selenium.webdriver.common.by import By

    path, _, _ = address_page
    with narrow_window(browser, path, 360, 740) as width:
        search_for(browser, "bygade 1")
        card = browser.find_element(By.ID, "card").rect
        assert card["x"] >= 0 and card["x"] + card["width"] <= width


def test_in_chromium_axe_finds_no_violation_on_a_page_without_addresses(browser, sample_page):
    path, _, _ = sample_page
    browser.get(path.as_uri())
    assert axe_violations(browser) == []
    browser.execute_script("window.ypoSelectSector('NE-03')")
    assert axe_violations(browser) == []
