"""The public pages in a real browser: no serious accessibility violations (axe-core) at desktop and phone width, content
and navigation without JavaScript, a usable keyboard path with visible focus, and no sideways scrolling at 320 px.

Add a page to PAGES to check it everywhere (the catalogue adds a theme page, the A to Z index and a service page).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

# (name, path, what the page must show in its <h1>)
PAGES = [
    ("home", "/", "Huis van de Mechelaar"),
    ("standard page", "/toegankelijkheidsverklaring/", "Toegankelijkheidsverklaring"),
    ("standard page with table and questions", "/contact/", "Contact"),
    ("news page", "/nieuws/nieuw-digipunt-in-walem/", "Nieuw digipunt in het dorpshuis van Walem"),
    ("event page", "/evenementen/kerstmarkt-grote-markt-2026/", "Kerstmarkt op de Grote Markt"),
    ("404", "/deze-pagina-bestaat-niet/", "Deze pagina bestaat niet (meer)"),
    ("A to Z index", "/producten-en-diensten/", "Producten en diensten"),
    ("A to Z index filtered", "/producten-en-diensten/?doelgroep=Burger&letter=B", "Producten en diensten"),
    ("theme page", "/themas/identiteit-en-documenten/", "Identiteit en documenten"),
    ("service page", "/producten-en-diensten/identiteitskaart/", "Identiteitskaart (eID)"),
    ("service page with online button", "/producten-en-diensten/adreswijziging/", "Adreswijziging"),
    ("life event page", "/levensgebeurtenissen/je-gaat-verhuizen/", "verhuizen"),
    ("location page", "/locaties/huis-van-de-mechelaar/", "Huis van de Mechelaar"),
]
PAGE_IDS = [name for name, _, _ in PAGES]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "375px": {"width": 375, "height": 800}}
SERIOUS = {"serious", "critical"}

# The computed style of the focused element: visible focus means an outline or a box shadow.
FOCUS_STYLE = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  return {
    tag: element.tagName, name: element.getAttribute("name"), text: (element.textContent || "").trim().slice(0, 40),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0, shadow: style.boxShadow !== "none",
  };
}"""


def open_page(browser, site_url, path, viewport=None, javascript=True):
    context = browser.new_context(viewport=viewport or WIDTHS["desktop"], java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + path)
    return context, page


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=PAGE_IDS)
def test_no_serious_or_critical_axe_violations(browser, site_url, name, path, heading, width):
    context, page = open_page(browser, site_url, path, WIDTHS[width])
    try:
        assert heading in page.locator("h1").inner_text()
        results = Axe().run(page)
        serious = [v for v in results.response["violations"] if v["impact"] in SERIOUS]
        report = [(v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
        assert not serious, report
    finally:
        context.close()


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=PAGE_IDS)
def test_content_and_navigation_without_javascript(browser, site_url, name, path, heading):
    for viewport in WIDTHS.values():
        context, page = open_page(browser, site_url, path, viewport, javascript=False)
        try:
            assert page.locator("h1").is_visible() and heading in page.locator("h1").inner_text()
            menu_links = page.locator("nav[aria-label='Hoofdmenu'] a")
            assert menu_links.count() >= 4
            for index in range(menu_links.count()):
                assert menu_links.nth(index).is_visible()
            assert page.locator("footer").is_visible()
            assert page.locator("main").inner_text().strip()
        finally:
            context.close()


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=PAGE_IDS)
def test_keyboard_focus_is_always_visible(browser, site_url, name, path, heading):
    context, page = open_page(browser, site_url, path)
    try:
        seen = []
        for _ in range(25):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUS_STYLE)
            if focused is None:
                break
            assert focused["outline"] or focused["shadow"], f"focus not visible on {focused}"
            seen.append(focused)
        assert seen and seen[0]["text"] == "Naar de inhoud", "the skip link comes first"
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/deze-pagina-bestaat-niet/"])
def test_tab_from_the_top_reaches_the_search_box(browser, site_url, path):
    context, page = open_page(browser, site_url, path)
    try:
        for _ in range(20):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.getAttribute('name')") == "q":
                break
        else:
            pytest.fail("the search box cannot be reached with Tab")
        assert page.evaluate(FOCUS_STYLE)["outline"]
    finally:
        context.close()


def test_tab_from_the_top_reaches_the_first_top_task(browser, site_url):
    context, page = open_page(browser, site_url, "/")
    first_task = page.locator(".top-tasks a").first.get_attribute("href")
    try:
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.getAttribute('href')") == first_task:
                break
        else:
            pytest.fail("the first top task cannot be reached with Tab")
        focused = page.evaluate(FOCUS_STYLE)
        assert focused["outline"] or focused["shadow"]
    finally:
        context.close()


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=PAGE_IDS)
def test_no_sideways_scrolling_at_320_px(browser, site_url, name, path, heading):
    context, page = open_page(browser, site_url, path, {"width": 320, "height": 640})
    try:
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    finally:
        context.close()
