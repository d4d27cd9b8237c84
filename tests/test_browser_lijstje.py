"""The lijstje in Chromium: save records and a face, see the counter, order and remove, print one
A4 handout whose QR codes lead to the pages, share it as a link another browser opens as the same
list, keep working offline once the pages are kept, and say so when a record has gone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from browser import LIJSTJE_KEY, LIJSTJE_LOADED, decoded_qr_codes, pdf_pages, saved_list_script
from builders import RECENT, build, q, small_dataset, write
from servers import serve
from wegwijzer.text import dutch_date

pytestmark = pytest.mark.browser

RECORDS = ["laten-doen/basis-ggz/", "laten-doen/sociaal-team/", "samen-doen/hoeskamer-heukelrade/"]
A4 = (595.3, 841.9)  # points


def _desktop(chromium, **options):
    return chromium.new_context(viewport={"width": 1280, "height": 900}, **options)


def _save(page, base, url, selector=".ww-actions [data-ww-bewaar]"):
    page.goto(base + url)
    button = page.locator(selector).first
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    return button.get_attribute("data-naam")


def _names(page):
    return page.locator("#lijstje-items .ww-lijstje__naam").all_inner_texts()


def _open_list(page, base, count):
    page.goto(base + "lijstje/")
    page.wait_for_function(LIJSTJE_LOADED, arg=count)


def _today():
    return dutch_date(datetime.now(ZoneInfo("Europe/Amsterdam")).date())


def _print_pdf(page):
    page.wait_for_function("n => document.querySelectorAll('#lijstje-items svg.ww-qr').length === n",
                           arg=page.locator("#lijstje-items > li:not(.ww-lijstje__item--weg)").count())
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi, for the QR codes below
    codes = decoded_qr_codes(page.screenshot(full_page=True))
    page.emulate_media(media="screen")
    return pdf_pages(pdf), codes


def test_save_three_records_and_a_face_then_print_one_a4_handout(chromium, demo_site):
    ctx = _desktop(chromium)
    page = ctx.new_page()
    names = [_save(page, demo_site, url) for url in RECORDS]
    names.append(_save(page, demo_site, "gezichtenkaart/", ".ww-face [data-ww-bewaar]"))
    face_url = page.locator(".ww-face [data-ww-bewaar]").first.get_attribute("data-url")
    counter = page.locator("[data-ww-lijstje]")
    assert counter.is_visible() and counter.locator("[data-ww-lijstje-aantal]").inner_text() == "4"

    _open_list(page, demo_site, 4)
    assert _names(page) == names
    assert page.locator("#lijstje-status").inner_text() == "Er staan 4 dingen op je lijstje."
    pages, codes = _print_pdf(page)
    ctx.close()

    assert len(pages) == 1
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2
    text = " ".join(pages[0].extract_text().split())
    for name in names:
        assert " ".join(name.split()) in text
    for expected in ("Gemeente Dalveld", "Hier kun je terecht", _today(), "Wat is het?", "Hoe kom je er?",
                     "Bellen: 045 711 88 00", "Adres: Gemeentehuis Dalveld, Raadhuisplein 1, 6421 AA Dalveld",
                     "Wachttijd: ongeveer 8 weken tot de intake."):
        assert expected in text, expected
    assert "Omhoog" not in text and "Deel het lijstje" not in text and "Wegwijzer Dalveld" not in text
    assert sorted(codes) == sorted(demo_site + url for url in RECORDS + [face_url])


def test_order_and_remove_are_kept(chromium, demo_site):
    ctx = _desktop(chromium)
    ctx.add_init_script(saved_list_script([("v", "basis-ggz", RECORDS[0]), ("v", "sociaal-team", RECORDS[1]),
                                           ("v", "hoeskamer-heukelrade", RECORDS[2])]))
    page = ctx.new_page()
    _open_list(page, demo_site, 3)
    first, second, third = _names(page)
    page.locator("#lijstje-items > li").nth(2).locator("[data-move=up]").click()
    assert _names(page) == [first, third, second]
    assert page.evaluate("document.activeElement.dataset.move") == "up"  # the focus stays on the moved item
    page.locator("#lijstje-items > li").nth(0).locator("[data-move=weg]").click()
    assert _names(page) == [third, second]
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{LIJSTJE_KEY}')).map(i => i.id)")
    assert stored == ["hoeskamer-heukelrade", "sociaal-team"]
    assert page.locator("[data-ww-lijstje-aantal]").inner_text() == "2"
    ctx.close()


def test_one_button_puts_zelf_then_samen_then_laten_then_the_people_first(chromium, demo_site):
    ctx = _desktop(chromium)
    ctx.add_init_script(saved_list_script([
        ("g", "anouk-pelzer", "gezichtenkaart/anouk-pelzer/"), ("v", "basis-ggz", RECORDS[0]),
        ("v", "hoeskamer-heukelrade", RECORDS[2]), ("v", "geldtest-online", "zelf-doen/geldtest-online/"),
        ("v", "sociaal-team", RECORDS[1])]))
    page = ctx.new_page()
    _open_list(page, demo_site, 5)
    face, ggz, hoeskamer, geldtest, team = _names(page)
    page.click("#lijstje-volgorde")
    # Within a route the resident's own order stays (basis-ggz was above sociaal-team).
    assert _names(page) == [geldtest, hoeskamer, ggz, team, face]
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{LIJSTJE_KEY}')).map(i => i.id)")
    assert stored == ["geldtest-online", "hoeskamer-heukelrade", "basis-ggz", "sociaal-team", "anouk-pelzer"]
    ctx.close()


def test_a_full_list_refuses_more_than_fits_on_one_a4(chromium, demo_site, demo_site_dir):
    records = sorted(p.parent.name for p in demo_site_dir.glob("samen-doen/*/index.html"))[:9]
    ctx = _desktop(chromium)
    ctx.add_init_script(saved_list_script([("v", r, f"samen-doen/{r}/") for r in records[:8]]))
    page = ctx.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(demo_site + f"samen-doen/{records[8]}/")
    page.click(".ww-actions [data-ww-bewaar]")
    assert page.locator(".ww-actions [data-ww-bewaar]").get_attribute("aria-pressed") == "false"
    assert dialogs and "vol" in dialogs[0]
    assert page.locator("[data-ww-lijstje-aantal]").inner_text() == "8"
    ctx.close()


def test_the_share_link_opens_as_the_same_list_in_a_fresh_browser(chromium, demo_site):
    ctx = _desktop(chromium)
    ctx.add_init_script("navigator.share = data => { window.__shared = data; return Promise.resolve(); };")
    ctx.add_init_script(saved_list_script([("v", "sociaal-team", RECORDS[1]), ("g", "bram-hendriks",
                                            "gezichtenkaart/bram-hendriks/"), ("v", "basis-ggz", RECORDS[0])]))
    page = ctx.new_page()
    _open_list(page, demo_site, 3)
    names = _names(page)
    page.click("#lijstje-deel")
    page.wait_for_function("window.__shared !== undefined")
    shared = page.evaluate("window.__shared")
    ctx.close()
    assert shared["url"] == demo_site + "lijstje/#lijst=l.sociaal-team,g.bram-hendriks,l.basis-ggz"

    other = _desktop(chromium)  # another phone: nothing saved
    page = other.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(shared["url"])
    page.wait_for_function(LIJSTJE_LOADED, arg=3)
    assert _names(page) == names
    assert "gedeeld" in page.inner_text("#lijstje-gedeeld")
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{LIJSTJE_KEY}')).map(i => i.id)") == \
        ["sociaal-team", "bram-hendriks", "basis-ggz"]
    assert page.evaluate("location.hash") == ""  # kept on this phone now; the address is clean again
    assert not [url for url in requests if "lijst=" in url]  # the fragment never went to a server
    other.close()


def test_without_web_share_the_link_is_copied(chromium, demo_site):
    ctx = _desktop(chromium, permissions=["clipboard-read", "clipboard-write"])
    ctx.add_init_script("delete Navigator.prototype.share; delete navigator.share;")
    ctx.add_init_script(saved_list_script([("v", "basis-ggz", RECORDS[0])]))
    page = ctx.new_page()
    _open_list(page, demo_site, 1)
    page.click("#lijstje-deel")
    page.wait_for_function("document.getElementById('lijstje-link-status').textContent.includes('gekopieerd')")
    link = demo_site + "lijstje/#lijst=l.basis-ggz"
    assert page.input_value("#lijstje-link-veld") == link
    assert page.evaluate("navigator.clipboard.readText()") == link
    ctx.close()


def test_a_shared_list_does_not_replace_your_own(chromium, demo_site):
    ctx = _desktop(chromium)
    ctx.add_init_script(saved_list_script([("v", "basis-ggz", RECORDS[0])]))
    page = ctx.new_page()
    page.goto(demo_site + "lijstje/#lijst=l.sociaal-team,x.kapot,s.<script>,g.BRAM")
    page.wait_for_function(LIJSTJE_LOADED, arg=1)  # only the valid token is read
    assert _names(page) == ["Sociaal Team Dalveld (Wmo-loket)"]
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{LIJSTJE_KEY}')).map(i => i.id)") == ["basis-ggz"]
    page.click("#lijstje-gedeeld button")
    page.wait_for_function(LIJSTJE_LOADED, arg=2)
    assert page.evaluate(f"JSON.parse(localStorage.getItem('{LIJSTJE_KEY}')).map(i => i.id)") == \
        ["basis-ggz", "sociaal-team"]
    ctx.close()


def test_the_list_works_offline_once_the_pages_are_kept(chromium, demo_site_dir):
    base, server = serve(demo_site_dir)
    ctx = _desktop(chromium)
    page = ctx.new_page()
    try:
        names = [_save(page, base, url) for url in RECORDS[:2]]
        names.append(_save(page, base, "gezichtenkaart/bram-hendriks/", ".ww-face-page [data-ww-bewaar]"))
        _open_list(page, base, 3)
        page.wait_for_function("navigator.serviceWorker.controller !== null")
        kept = [base + url for url in RECORDS[:2] + ["gezichtenkaart/bram-hendriks/", "lijstje/"]]
        page.wait_for_function("""urls => caches.open('wegwijzer-lijstje-v1').then(c => c.keys())
            .then(keys => urls.every(u => keys.some(k => k.url === u)))""", arg=kept)
    finally:
        server.shutdown()
        server.server_close()  # the site is gone from the network now
    page.reload()
    page.wait_for_function(LIJSTJE_LOADED, arg=3)
    assert _names(page) == names
    assert "geen internet" not in page.inner_text("#lijstje-items")
    pages, codes = _print_pdf(page)
    ctx.close()
    assert len(pages) == 1 and len(codes) == 3


def test_a_record_that_has_gone_is_said_and_left_off_the_print(chromium, tmp_path):
    data, site = small_dataset(tmp_path / "voorzieningen"), tmp_path / "site"
    assert build(data, site).ok
    base, server = serve(site)
    ctx = _desktop(chromium)
    page = ctx.new_page()
    try:
        _save(page, base, "samen-doen/hoeskamer/")
        _save(page, base, "laten-doen/schuldhulp/")
        (data / "schuldhulp.yaml").unlink()  # the record goes, and the hoeskamer moves to another route
        hoeskamer = (data / "hoeskamer.yaml").read_text(encoding="utf-8").replace("route: samen", "route: laten")
        write(data, "hoeskamer.yaml", hoeskamer)
        assert build(data, site).ok
        _open_list(page, base, 2)
        gone = page.locator(".ww-lijstje__item--weg")
        assert gone.count() == 1 and "Schuldhulp Beekdaelen" in gone.inner_text()
        assert "niet meer op de site" in gone.inner_text()
        assert "1 staat niet meer op de site" in page.inner_text("#lijstje-status")
        moved = page.evaluate(f"JSON.parse(localStorage.getItem('{LIJSTJE_KEY}'))[0].u")
        assert moved == "laten-doen/hoeskamer/"  # found under its new address
        pages, codes = _print_pdf(page)
    finally:
        ctx.close()
        server.shutdown()
    text = pages[0].extract_text()
    assert len(pages) == 1 and "Hoeskamer Amstenrade" in text and "Schuldhulp" not in text
    assert codes == [base + "laten-doen/hoeskamer/"]


@pytest.mark.parametrize("count", [4, 8])
def test_the_longest_records_still_print_on_one_a4(chromium, tmp_path, count):
    data = tmp_path / "voorzieningen"
    small_dataset(data, expired=False)
    long_text = "Woord " * 80
    for n in range(8):
        write(data, f"lang-{n}.yaml", f"""
            naam: {q((f"Voorziening met een lange naam nummer {n} " * 3)[:80].strip())}
            samenvatting: {q(long_text[:199].strip() + ".")}
            route: laten
            toegang: beschikking
            themas: [geld]
            aanmelden: {q(long_text[:499].strip() + ".")}
            contact:
              telefoon: 045 123 45 67
            locaties:
              - naam: {q(("Gebouw met een lange naam " * 5)[:119])}
                adres: {q(("Straat met een lange naam " * 4)[:99] + " 1")}
                postcode: 6436 AA
                plaats: Amstenrade
            wachttijd:
              tekst: {q(("lang wachten " * 10)[:119])}
              gecontroleerd: {RECENT}
            gecontroleerd: {RECENT}
        """)
    site = tmp_path / "site"
    result = build(data, site)
    assert result.ok, result.output
    base, server = serve(site)
    ctx = _desktop(chromium)
    ctx.add_init_script(saved_list_script([("v", f"lang-{n}", f"laten-doen/lang-{n}/") for n in range(count)]))
    page = ctx.new_page()
    try:
        _open_list(page, base, count)
        pages, codes = _print_pdf(page)
    finally:
        ctx.close()
        server.shutdown()
    assert len(pages) == 1
    assert len(codes) == count


def test_the_qr_library_ships_with_the_site(demo_site_dir):
    """The QR library ships with the site, under a content-hashed name, with its licence."""
    libraries = list(demo_site_dir.glob("assets/wegwijzer/lean-qr.*.js"))
    assert len(libraries) == 1 and (demo_site_dir / "assets" / "wegwijzer" / "lean-qr.LICENSE.txt").is_file()
    page = (demo_site_dir / "lijstje" / "index.html").read_text(encoding="utf-8")
    assert libraries[0].name in page and "http" not in page.split('id="lijstje-config">', 1)[1].split("</script>")[0]
