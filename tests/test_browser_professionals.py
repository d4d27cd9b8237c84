"""/voor-professionals/ in Chromium: the filters live in the address (a practice bookmarks its
view), the faces shown follow the kern rule and the voorziening's themes and target groups, and
every voorziening shows what a referrer needs. And a record page prints as a one-page poster
whose QR code (made at build time with segno) leads to the page's public address."""

from __future__ import annotations

import re

import pytest

from browser import decoded_qr_codes, pdf_pages
from builders import DEMO_DATA, RECENT, REPO, build, load, small_dataset, write
from servers import serve
from wegwijzer.site import render_professionals
from wegwijzer.site.pages import SiteContext
from wegwijzer.urls import kern_slug

pytestmark = pytest.mark.browser

SITE_URL = "https://wegwijzer.dalveld.example/"  # mkdocs.yml's site_url


def _expected(kern="", thema="", doelgroep=""):
    """The face ids the page should show for a choice, worked out in Python from the rule."""
    dataset, _ = load(DEMO_DATA)
    ctx = SiteContext(dataset)
    shown = set()
    for v, faces in render_professionals.groups_of(ctx):
        if thema and (v is None or thema not in v.themas):
            continue
        if doelgroep and v is not None and v.doelgroepen and doelgroep not in v.doelgroepen:
            continue
        for face in faces:
            value = render_professionals.face_kernen(face, v)
            if not kern or value == "*" or kern in value.split():
                shown.add(face.id)
    return shown


def _shown(page):
    links = page.eval_on_selector_all(".ww-pro-groep:not([hidden]) .ww-face:not([hidden]) .ww-face__name a",
                                      "els => els.map(e => e.getAttribute('href'))")
    return {href.rstrip("/").rsplit("/", 1)[-1] for href in links}


def test_filters_in_the_address_choose_the_faces_and_stay_there(phone, demo_site):
    phone.goto(demo_site + "voor-professionals/?kern=heukelrade&thema=opvoeden")
    assert phone.input_value("#pro-kern") == "heukelrade" and phone.input_value("#pro-thema") == "opvoeden"
    expected = _expected("heukelrade", "opvoeden")
    assert 0 < len(expected) < len(_expected())
    assert _shown(phone) == expected
    assert phone.inner_text("#pro-status") == f"{len(expected)} gezicht{'en' if len(expected) != 1 else ''} voor " \
                                              "deze keuze."
    assert phone.get_attribute("#pro-zoeken", "href") == "../zoeken/?kern=heukelrade&thema=opvoeden"

    phone.select_option("#pro-doelgroep", "ouders")
    assert phone.evaluate("location.search") == "?kern=heukelrade&thema=opvoeden&doelgroep=ouders"
    assert _shown(phone) == _expected("heukelrade", "opvoeden", "ouders")
    phone.select_option("#pro-thema", "")
    phone.select_option("#pro-doelgroep", "")
    assert phone.evaluate("location.search") == "?kern=heukelrade"
    bookmarked = phone.url
    phone.goto(demo_site)
    phone.goto(bookmarked)  # the bookmark opens the same view
    assert phone.input_value("#pro-kern") == "heukelrade" and _shown(phone) == _expected("heukelrade")
    phone.click("#pro-wis")
    assert phone.evaluate("location.search") == "" and _shown(phone) == _expected()


def test_every_kern_theme_and_group_shows_what_the_rule_says(phone, demo_site):
    dataset, _ = load(DEMO_DATA)
    for kern in dataset.gemeente.kernen:
        phone.goto(demo_site + f"voor-professionals/?kern={kern_slug(kern)}")
        assert _shown(phone) == _expected(kern=kern_slug(kern)), kern
    for thema in ("geld", "psyche", "opvoeden", "verslaving"):
        phone.goto(demo_site + f"voor-professionals/?thema={thema}")
        assert _shown(phone) == _expected(thema=thema), thema
    phone.goto(demo_site + "voor-professionals/?doelgroep=ouderen&kern=onbekend&thema=%3Cscript%3E")
    assert phone.input_value("#pro-kern") == "" and phone.input_value("#pro-thema") == ""  # unknown values: all
    assert _shown(phone) == _expected(doelgroep="ouderen")


def test_each_voorziening_says_what_a_referrer_needs(phone, demo_site):
    phone.goto(demo_site + "voor-professionals/")
    group = phone.locator(".ww-pro-groep", has=phone.locator("h2", has_text="Jeugdhulp"))
    text = group.inner_text()
    for expected in ("Toegang", "Verwijzing nodig", "Wie mag verwijzen", "huisarts, jeugdarts",
                     "Zo verwijs je", "Voor professionals", "045 711 20 90", "Wachttijd",
                     "binnen 3 weken een eerste gesprek"):
        assert expected in text, expected
    assert group.locator("a[href='tel:+31457112090']").count() == 1
    assert group.locator("a[href='https://www.cjgdalveld.example/verwijzers'][rel~=nofollow]").count() == 1
    assert "045 711 10 00" in phone.inner_text(".ww-pro .ww-callout")  # the municipality's line
    assert phone.locator(".ww-pro [data-ww-bewaar]:visible").count() > 10  # places and faces go on the lijstje


def test_a_record_page_prints_as_a_one_page_poster_with_its_qr_code(chromium, demo_site):
    ctx = chromium.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi, for the QR code below
    ctx.add_init_script("window.print = () => { window.__printed = true; };")
    page = ctx.new_page()
    page.goto(demo_site + "laten-doen/basis-ggz/")
    page.click("[data-ww-poster]")
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    codes = decoded_qr_codes(page.screenshot(full_page=True))
    pdf = page.pdf(format="A4")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    normal = pdf_pages(page.pdf(format="A4"))  # after printing, a normal print is the page again
    ctx.close()
    pages = pdf_pages(pdf)
    assert len(pages) == 1
    text = "".join(pages[0].extract_text().split())  # without the line breaks of the layout
    for expected in ("Gemeente Dalveld", "Behandeling bij GGZ Heuvelland", "Helpen de gesprekken bij de huisarts",
                     "Zo kom je er:", "Bel: 045 711 88 00", "Parklaan 60", SITE_URL + "laten-doen/basis-ggz/"):
        assert "".join(expected.split()) in text, expected
    assert "voorbeeldsite" not in text and "Printalsposter" not in text
    assert codes == [SITE_URL + "laten-doen/basis-ggz/"]
    assert "Hoe kom je hier terecht?" in " ".join(p.extract_text() for p in normal)


def test_the_longest_record_still_makes_a_one_page_poster(chromium, tmp_path):
    data = small_dataset(tmp_path / "voorzieningen", expired=False)
    words = "Woord " * 100
    write(data, "lang.yaml", f"""
        naam: {("Een voorziening met een heel lange naam " * 3)[:80].strip()}
        samenvatting: {words[:199].strip()}.
        route: laten
        toegang: beschikking
        themas: [geld]
        aanmelden: {words[:499].strip()}.
        contact:
          telefoon: 045 123 45 67
        locaties:
          - naam: {("Gebouw met een lange naam " * 5)[:119].strip()}
            adres: {("Straat met een lange naam " * 4)[:99].strip()} 1
            postcode: 6436 AA
            plaats: Amstenrade
        openingstijden:
          - dagen: [ma, di, wo, do, vr]
            van: 9:00
            tot: 17:00
          - dagen: [za]
            van: 10:00
            tot: 12:00
          - dagen: [zo]
            van: 10:00
            tot: 11:00
          - dagen: [zo]
            van: 14:00
            tot: 15:00
        gecontroleerd: {RECENT}
    """)
    site = tmp_path / "site"
    assert build(data, site).ok
    base, server = serve(site)
    ctx = chromium.new_context()
    ctx.add_init_script("window.print = () => {};")
    page = ctx.new_page()
    try:
        page.goto(base + "laten-doen/lang/")
        page.click("[data-ww-poster]")
        page.emulate_media(media="print")
        pages = pdf_pages(page.pdf(format="A4"))
    finally:
        ctx.close()
        server.shutdown()
    assert len(pages) == 1 and "Scan de code" in pages[0].extract_text()


def test_the_poster_qr_code_is_segno_svg_without_style_and_cached(demo_site_dir):
    page = (demo_site_dir / "laten-doen" / "basis-ggz" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg [^>]*class="ww-qr"[^>]*>.*?</svg>', page, re.S).group(0)
    assert "style" not in svg and "<script" not in svg and 'aria-label="QR-code naar de pagina van' in svg
    assert list((REPO / ".wegwijzer" / "cache" / "qr").glob("*.svg"))
