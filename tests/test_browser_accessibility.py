"""axe-core finds no violations on every page type, at phone and desktop size;
and the site is usable at 320 px, at 200 % zoom and with the keyboard only."""

import pytest

from browser import saved_list_script
from builders import REPO

AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {
    "home": "",
    "route": "samen-doen/",
    "thema": "thema/geld/",
    "record": "samen-doen/hoeskamer-heukelrade/",
    "gezichtenkaart": "gezichtenkaart/",
    "zoeken": "zoeken/?q=schulden",
    "zoeken met filters": "zoeken/?q=hulp&thema=geld",  # the filter panel open, with counts
    "kern": "kern/heukelrade/",
    "hele gemeente": "hele-gemeente/",
    "spreekuren": "spreekuren/",
    "levensloop overzicht": "levensloop/",
    "levensloop": "levensloop/je-krijgt-een-kind/",
    "zorgen om een ander": "zorgen-om-een-ander/",
    "een loket": "een-loket/",
    "klachten": "klachten/",
    "postkaart": "postkaart/",
    "hoe ging het": "hoe-ging-het/sociaal-team/",
    "voor professionals": "voor-professionals/?kern=heukelrade",
    "lijstje": "lijstje/",  # with a record and a face saved (SAVED)
    "zoeken zonder resultaat": "zoeken/?q=xylofoon",  # the help when nothing is found
    "zoeken met een typfout": "zoeken/?q=mantelzrog",  # "Bedoelde je: …?"
    "zoeken alleen stopwoorden": "zoeken/?q=ik+wil+het",  # the friendly hint
    "zoeken in nood": "zoeken/?q=ik+wil+niet+meer+leven",  # the crisis lines above the results
}
SAVED = saved_list_script([("v", "basis-ggz", "laten-doen/basis-ggz/"), ("g", "bram-hendriks",
                                                                       "gezichtenkaart/bram-hendriks/")])
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}

pytestmark = pytest.mark.browser


def open_page(page, url):
    page.context.add_init_script(SAVED)  # the header counter and the Bewaar buttons show their saved state
    page.goto(url)
    if "zoeken/" in url:
        page.wait_for_function("(() => { const s = document.getElementById('zoek-status').textContent;"
                               " return s && !s.startsWith('Bezig'); })()")
    if url.endswith("lijstje/"):
        page.wait_for_function("document.querySelectorAll('#lijstje-items .ww-lijstje__feit').length > 2")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("kind", PAGES)
def test_axe_no_violations(chromium, demo_site, kind, size):
    assert AXE.is_file(), "run 'npm ci' in tests/ to install axe-core"
    width, height = SIZES[size]
    ctx = chromium.new_context(viewport={"width": width, "height": height})
    page = ctx.new_page()
    open_page(page, demo_site + PAGES[kind])
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    ctx.close()
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    assert violations == [], summary


@pytest.mark.parametrize("kind", PAGES)
def test_no_horizontal_scroll_at_320px(chromium, demo_site, kind):
    ctx = chromium.new_context(viewport={"width": 320, "height": 640})
    page = ctx.new_page()
    open_page(page, demo_site + PAGES[kind])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    ctx.close()
    assert overflow <= 0


@pytest.mark.parametrize("kind", ["home", "record", "zoeken"])
def test_usable_at_200_percent_zoom(chromium, demo_site, kind):
    # 200 % zoom of a 1280 px window is a 640 px CSS viewport at device scale 2.
    ctx = chromium.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = ctx.new_page()
    open_page(page, demo_site + PAGES[kind])
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    ctx.close()
    assert overflow <= 0


def test_lang_is_dutch(phone, demo_site):
    for url in PAGES.values():
        phone.goto(demo_site + url)
        assert phone.get_attribute("html", "lang") == "nl"


def _focus_outline(page):
    return page.evaluate("""() => {
        const s = getComputedStyle(document.activeElement);
        const e = document.activeElement;
        return {outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, shadow: s.boxShadow !== 'none',
                id: e.id, cls: e.className, tag: e.tagName};
    }""")


def test_keyboard_reaches_search_and_route_tile_with_visible_focus(chromium, demo_site):
    ctx = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    page.goto(demo_site)
    reached = {}
    for _ in range(40):
        page.keyboard.press("Tab")
        info = _focus_outline(page)
        if info["tag"] == "INPUT" and "search" not in reached:
            reached["search"] = info
        if "ww-tile" in (info["cls"] or "") and "tile" not in reached:
            reached["tile"] = info
        if len(reached) == 2:
            break
    ctx.close()
    assert set(reached) == {"search", "tile"}, reached
    for info in reached.values():
        assert info["outline"] or info["shadow"], info


def test_photos_have_alt_text(phone, demo_site):
    phone.goto(demo_site + "gezichtenkaart/")
    images = phone.locator("main img")
    assert images.count() > 0
    for i in range(images.count()):
        alt = images.nth(i).get_attribute("alt")
        assert alt and alt.strip()


def test_result_count_is_announced(phone, demo_site):
    phone.goto(demo_site + "zoeken/?q=schulden")
    status = phone.locator("#zoek-status")
    phone.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text().split()[0].isdigit()
