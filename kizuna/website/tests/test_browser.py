"""The website in a real browser: Playwright drives Debian's Chromium (never a downloaded
browser) against a live server holding the real registers and curated links.

Each page, in English and Japanese, on a desktop and a 375 px phone: no console errors, no
failed requests, no request to another host, every image loaded (none showing its alt text
instead), no serious accessibility violation (axe-core); screenshots are saved under
test-artifacts/screenshots/ for people to look at.
"""

import os
import re
from contextlib import suppress
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kizuna.registry.models import Link

playwright = pytest.importorskip("playwright.sync_api")
# Pages behave alike on both databases (the page tests run on each): drive them once, on PostgreSQL.
pytestmark = pytest.mark.engine_independent

# Playwright's sync API keeps an event loop in this thread; the ORM calls the fixtures make
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[3]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"
DEVICES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
PAGES = {
    "home": "/",
    "history": "/history/",
    "directory": "/links/",
    "link": "/links/east-dunbartonshire-yoichi/",  # with the history of its parties
    "authority": "/authorities/jp-014087/",
    "former-council": "/authorities/strathkelvin/",
    "machine-name": "/authorities/gb-middlesbrough/",  # a 自動表記 name
    "search": "/search/?q=yoichi",
    "map": "/map/",
    "statistics": "/statistics/",
}


@pytest.fixture
def site(live_server, registry):
    """The live server's address, over the real registry (restored for each test: live_server
    tests run in transactional_db, which empties the database after each one)."""
    return live_server.url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium fonts-ipafont-gothic")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class Watched:
    """A page that records console errors, failed requests and requests to other hosts."""

    def __init__(self, browser, base: str, device: str = "desktop", language: str = "en"):
        self.context = browser.new_context(viewport=DEVICES[device], locale=language)
        self.page = self.context.new_page()
        self.host = urlparse(base).netloc
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed {r.url}"))
        self.page.on("request", self.check_host)
        self.page.on(
            "response", lambda r: r.status >= 400 and self.problems.append(f"{r.status} {r.url}")
        )

    def check_host(self, request):
        if urlparse(request.url).netloc not in ("", self.host):
            self.problems.append(f"other host {request.url}")

    def close(self):
        self.context.close()


def broken_images(page) -> list[str]:
    """Every <img>, Leaflet's markers and tiles included, loaded: none is left showing its alt
    text (Leaflet's "Marker") in place of the image."""
    with suppress(playwright.TimeoutError):  # the ones still loading are reported below
        page.wait_for_function("[...document.images].every(image => image.complete)", timeout=5000)
    return page.evaluate(
        """[...document.images]
        .filter(image => !(image.complete && image.naturalWidth > 0))
        .map(image => `image not loaded: ${image.src}`
            + (image.alt ? ` (its alt text "${image.alt}" shows instead)` : ""))"""
    )


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, "
        "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']})"
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_every_page_is_clean_and_accessible(site, browser, device, language):
    SHOTS.mkdir(parents=True, exist_ok=True)
    prefix = "" if language == "en" else "/ja"
    report = {}
    for name, path in PAGES.items():
        watched = Watched(browser, site, device, language)
        page = watched.page
        page.goto(site + prefix + path, wait_until="networkidle")
        if name == "map":
            page.wait_for_selector(".maps[data-loaded]")
        page.screenshot(path=str(SHOTS / f"{name}-{language}-{device}.png"), full_page=True)
        assert page.locator("html").get_attribute("lang") == language
        problems = watched.problems + broken_images(page) + axe_violations(page)
        if problems:
            report[name] = problems
        watched.close()
    assert report == {}


@pytest.mark.parametrize("query", ["余市", "よいち", "yoichii"])
def test_search_leads_to_yoichi(site, browser, query):
    watched = Watched(browser, site)
    page = watched.page
    page.goto(f"{site}/")
    page.fill("#home-q", query)
    page.press("#home-q", "Enter")
    page.locator("ol.results a").first.click()
    page.wait_for_url("**/authorities/jp-014087/")
    assert "余市町" in page.inner_text("h1")
    assert watched.problems == []
    watched.close()


def test_suggestions_appear_as_you_type(site, browser):
    watched = Watched(browser, site)
    page = watched.page
    page.goto(f"{site}/links/")
    page.type("#site-q", "gatesh", delay=30)
    page.wait_for_selector("#suggestions a")
    assert "Gateshead" in page.inner_text("#suggestions")
    watched.close()


def test_language_switch_keeps_the_page(site, browser):
    watched = Watched(browser, site)
    page = watched.page
    page.goto(f"{site}/links/gateshead-komatsu/")
    page.click("a[hreflang=ja]")
    page.wait_for_url("**/ja/links/gateshead-komatsu/")
    page.click("a[hreflang=en]")
    page.wait_for_url(f"{site}/links/gateshead-komatsu/")
    assert watched.problems == []
    watched.close()


def test_directory_filter_narrows_and_survives_reload(site, browser):
    watched = Watched(browser, site)
    page = watched.page
    page.goto(f"{site}/links/")
    everything = page.inner_text("#results-heading")
    page.select_option("#id_nation", "Scotland")
    page.wait_for_url("**nation=Scotland**")
    page.wait_for_function(
        "before => document.querySelector('#results-heading').innerText !== before", arg=everything
    )
    narrowed = page.inner_text("#results-heading")
    assert narrowed != everything
    page.reload()
    assert page.inner_text("#results-heading") == narrowed
    assert page.locator("#id_nation").input_value() == "Scotland"
    assert watched.problems == []
    watched.close()


def drawn_links(page, map_id: str) -> int:
    """The links a map accounts for: the numbers on its clusters and in its markers' titles
    ("Yoichi 余市町 · 1 link")."""
    labels = page.eval_on_selector_all(
        f"#{map_id} .leaflet-marker-icon",
        "icons => icons.map(icon => icon.getAttribute('aria-label') || icon.title)",
    )
    counts = (n for label in labels for n in re.findall(r"([\d,]+) links?\b", label))
    return sum(int(n.replace(",", "")) for n in counts)


def placed_links(side: str, **filters) -> int:
    """The links whose authority on this side has somewhere to be drawn."""
    links = Link.objects.with_authorities().select_related(f"{side}__replaced_by")
    return sum(getattr(link, side).position is not None for link in links.filter(**filters))


def test_map_clusters_authorities_on_offline_tiles(site, browser):
    watched = Watched(browser, site)
    page = watched.page
    tiles = []
    page.on("response", lambda r: "/tiles/" in r.url and r.status == 200 and tiles.append(r))
    page.goto(f"{site}/map/", wait_until="networkidle")
    page.wait_for_selector(".maps[data-loaded]")
    assert page.locator("#map-gb .map-cluster").count() > 0
    assert page.locator("#map-jp .map-cluster").count() > 0
    assert page.locator(".maps img.leaflet-marker-icon").count() > 0
    assert drawn_links(page, "map-gb") == placed_links("uk_authority")
    assert drawn_links(page, "map-jp") == placed_links("jp_authority")
    assert tiles, "no tile came from Kizuna's offline basemap"

    view = page.get_attribute("#map-gb", "data-view")
    page.locator("#map-gb .map-cluster").first.dispatch_event("click")  # zooms in on it
    page.wait_for_function(
        "view => document.querySelector('#map-gb').dataset.view !== view", arg=view
    )
    assert int(re.search(r"zoom=(\d+)", page.get_attribute("#map-gb", "data-view"))[1]) > 5

    page.locator("#map-jp img.leaflet-marker-icon").first.dispatch_event("click")
    popup = page.locator("#map-jp .leaflet-popup-content")
    assert popup.locator("a[href^='/authorities/']").count() > 0
    assert popup.locator("a[href^='/links/']").count() > 0
    assert broken_images(page) == []
    assert watched.problems == []
    watched.close()


def test_map_filters_change_what_is_drawn(site, browser):
    watched = Watched(browser, site)
    page = watched.page
    page.goto(f"{site}/map/", wait_until="networkidle")
    page.wait_for_selector(".maps[data-loaded]")
    everything = drawn_links(page, "map-gb")
    page.select_option("#id_nation", "Scotland")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/map/**nation=Scotland**")
    page.wait_for_selector(".maps[data-loaded]")
    scottish = placed_links("uk_authority", uk_authority__nation="Scotland")
    assert 0 < scottish < everything
    assert drawn_links(page, "map-gb") == drawn_links(page, "map-jp") == scottish
    assert watched.problems == []
    watched.close()
