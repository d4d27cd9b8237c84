"""Who decides on access (`beslist`, records/access.py), and zelf before samen before laten on
every list (issue 21, items 2 and 3)."""

import re

import pytest

from builders import GEMEENTE_YAML, build, load, minimal_record, the_diagnostic, write
from servers import serve
from wegwijzer.records.access import access_explanation, access_label, decider, first_step
from wegwijzer.search.documents import voorziening_document
from wegwijzer.site.pages import SiteContext, build_pages
from wegwijzer.site.render_lijstje import record_item

WLZ = """\
naam: Langdurige zorg aanvragen
samenvatting: Heb je de hele dag zorg nodig? Vraag dan langdurige zorg aan.
route: laten
toegang: beschikking
themas: [gezondheid]
wet: Wlz
aanmelden: Vraag het aan bij het CIZ.
gecontroleerd: 2026-09-01
"""


def _load_one(data_dir, text: str, name: str = "zorg"):
    write(data_dir, f"{name}.yaml", text)
    dataset, collector = load(data_dir)
    assert not collector.errors, [d.format() for d in collector.errors]
    return dataset.voorziening(name), collector


# --- who decides ----------------------------------------------------------------------------


def test_the_ciz_decides_wherever_the_record_is_shown(data_dir):
    v, collector = _load_one(data_dir, WLZ.replace("wet: Wlz\n", "wet: Wlz\nbeslist: ciz\n"))
    assert not collector.warnings, [d.format() for d in collector.warnings]
    assert decider(v) == "ciz"
    assert access_label(v) == "Besluit van het CIZ nodig"
    assert access_explanation(v) == "Het CIZ beslist of je Wlz-zorg krijgt."
    assert first_step(v) == "Het CIZ beslist eerst."
    item = record_item(v)
    assert item["toegang"] == "Besluit van het CIZ nodig" and item["hoe"].startswith("Het CIZ beslist eerst.")
    assert voorziening_document(v)["beslist"] == "ciz"
    pages = {p.url: p.html() for p in build_pages(SiteContext(load(data_dir)[0]))}
    for url in ("laten-doen/zorg/", "thema/gezondheid/", "laten-doen/"):
        assert "Besluit van het CIZ nodig" in pages[url], url
        assert "Beschikking van de gemeente nodig" not in pages[url], url
    assert "Het CIZ beslist of je Wlz-zorg krijgt." in pages["laten-doen/zorg/"]
    assert '<span data-pagefind-meta="beslist">ciz</span>' in pages["laten-doen/zorg/"]


def test_without_beslist_a_beschikking_is_the_gemeentes(data_dir):
    v, _ = _load_one(data_dir, minimal_record("aanmelden: Bel de gemeente.\n").replace("toegang: vrij",
                                                                                       "toegang: beschikking"))
    assert decider(v) == "gemeente"
    assert access_label(v) == "Beschikking van de gemeente nodig"
    assert access_explanation(v) == "De gemeente beslist na een gesprek of je deze hulp krijgt."
    assert first_step(v) == "De gemeente beslist eerst."
    assert voorziening_document(v)["beslist"] == "gemeente"


def test_a_referral_names_who_decides_only_when_the_record_says(data_dir):
    referral = minimal_record("aanmelden: Vraag een verwijzing.\n").replace("toegang: vrij", "toegang: verwijzing")
    v, _ = _load_one(data_dir, referral)
    assert decider(v) is None and "beslist" not in voorziening_document(v)
    assert access_label(v) == "Verwijzing nodig" and "beslist" not in access_explanation(v)
    v, _ = _load_one(data_dir, referral + "beslist: zorgverzekeraar\n", "verzekerd")
    assert access_label(v) == "Verwijzing nodig"
    assert access_explanation(v).endswith("De zorgverzekeraar beslist of je deze hulp krijgt.")
    assert access_explanation(v).startswith("Je hebt eerst een verwijzing nodig")


@pytest.mark.parametrize("wet, right", [("Wlz", "ciz"), ("Zvw", "zorgverzekeraar")])
def test_the_check_warns_when_the_gemeente_would_decide_under_the_wlz_or_zvw(data_dir, wet, right):
    write(data_dir, "zorg.yaml", WLZ.replace("wet: Wlz", f"wet: {wet}"))
    _, collector = load(data_dir)
    found = the_diagnostic(collector, "voorzieningen/zorg.yaml", "beslist")
    assert found.severity == "warning" and found.line == 4  # the toegang line: beslist is not there
    assert f"Bij de {wet} beslist" in found.message and f"'beslist: {right}'" in found.message
    write(data_dir, "zorg.yaml", WLZ.replace("wet: Wlz", f"wet: {wet}") + "beslist: gemeente\n")
    found = the_diagnostic(load(data_dir)[1], "voorzieningen/zorg.yaml", "beslist")
    assert found.line == 9
    write(data_dir, "zorg.yaml", WLZ.replace("wet: Wlz", f"wet: {wet}") + f"beslist: {right}\n")
    assert not load(data_dir)[1].diagnostics


def test_the_check_warns_when_someone_decides_on_free_access_and_refuses_an_unknown_decider(data_dir):
    write(data_dir, "inloop.yaml", minimal_record("beslist: ciz\n"))
    found = the_diagnostic(load(data_dir)[1], "voorzieningen/inloop.yaml", "beslist")
    assert found.severity == "warning" and "Bij toegang 'vrij'" in found.message and found.line == 7
    write(data_dir, "inloop.yaml", minimal_record("beslist: de buurvrouw\n"))
    found = the_diagnostic(load(data_dir)[1], "voorzieningen/inloop.yaml", "beslist")
    assert found.severity == "error" and "Kies uit: gemeente, ciz" in found.message


# --- zelf, samen, laten -----------------------------------------------------------------------

# Names in the opposite order of their routes: a list sorted by name alone would show laten first.
ROUTED = [("a-laten", "Aanvraag", "laten"), ("b-samen", "Buurthuis", "samen"), ("c-zelf", "Checklist", "zelf"),
          ("d-laten", "Dagbesteding", "laten"), ("e-zelf", "Eerste hulp online", "zelf")]
IN_ROUTE_ORDER = ["Checklist", "Eerste hulp online", "Buurthuis", "Aanvraag", "Dagbesteding"]


def _routed_dataset(data_dir, extra: str = ""):
    for rid, name, route in ROUTED:
        text = minimal_record(extra).replace("Hoeskamer Amstenrade", name).replace("route: samen", f"route: {route}")
        write(data_dir, f"{rid}.yaml", text)
    dataset, collector = load(data_dir)
    assert not collector.errors, [d.format() for d in collector.errors]
    return dataset


def _card_titles(html: str) -> list:
    return re.findall(r'<h3 class="ww-card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_every_list_puts_zelf_then_samen_then_laten_each_under_its_heading(data_dir):
    pages = {p.url: p.html() for p in build_pages(SiteContext(_routed_dataset(data_dir, "kernen: [Amstenrade]\n")))}
    for url in ("thema/ontmoeten/", "doelgroep/ouderen/", "kern/amstenrade/"):
        assert _card_titles(pages[url])[:5] == IN_ROUTE_ORDER, url
    theme = pages["thema/ontmoeten/"]
    headings = re.findall(r'<h2 class="ww-route-kop[^"]*">([^<]*)</h2>', theme)
    assert headings == ["Zelf doen", "Samen doen", "Laten doen"]
    # Each heading stands right before its own cards.
    marks = [theme.index(m) for m in ('">Zelf doen</h2>', ">Checklist<", '">Samen doen</h2>', ">Buurthuis<",
                                      '">Laten doen</h2>', ">Aanvraag<")]
    assert marks == sorted(marks)
    # A route's own list needs no heading per route.
    assert "ww-route-kop" not in pages["laten-doen/"]


def test_stopped_help_comes_last_under_its_own_heading(data_dir):
    _routed_dataset(data_dir)
    write(data_dir, "f-zelf.yaml", minimal_record("status: gestopt\n").replace("Hoeskamer Amstenrade", "Folder")
          .replace("route: samen", "route: zelf"))
    dataset, _ = load(data_dir)
    theme = {p.url: p.html() for p in build_pages(SiteContext(dataset))}["thema/ontmoeten/"]
    assert _card_titles(theme) == IN_ROUTE_ORDER + ["Folder"]
    headings = re.findall(r'<h2 class="ww-route-kop[^"]*">([^<]*)</h2>', theme)
    assert headings == ["Zelf doen", "Samen doen", "Laten doen", "Gestopt"]


def test_the_whole_municipality_list_is_in_route_order_too(data_dir):
    pages = {p.url: p.html() for p in build_pages(SiteContext(_routed_dataset(data_dir)))}
    assert _card_titles(pages["hele-gemeente/"]) == IN_ROUTE_ORDER


def test_referrers_see_the_voorzieningen_in_route_order_with_the_route(data_dir):
    _routed_dataset(data_dir)
    for rid, _, _ in ROUTED:
        write(data_dir, f"gezichten/{rid}.yaml", "\n".join([
            f"naam: Persoon {rid}", "functie: Adviseur", "organisatie: Welzijn", "telefoon: 06 12345678",
            "toestemming: 2026-03-14", "gecontroleerd: 2026-09-01", f"voorziening: {rid}", ""]))
    dataset, collector = load(data_dir)
    assert not collector.errors, [d.format() for d in collector.errors]
    html = {p.url: p.html() for p in build_pages(SiteContext(dataset))}["voor-professionals/"]
    groups = re.findall(r'<h2 id="pro-\d+"><a href="[^"]*">([^<]*)</a></h2>', html)
    assert groups == IN_ROUTE_ORDER
    assert "<dt>Route</dt>" in html and "Zelf doen" in html.split("Checklist", 1)[1].split("</dl>", 1)[0]


# --- search results of equal relevance ------------------------------------------------------


@pytest.mark.browser
def test_search_results_of_equal_relevance_come_zelf_first_and_say_who_decides(tmp_path, phone):
    """Five records alike but for their route and a name of the same length: Pagefind scores
    them the same, and the page shows zelf, samen, laten; a CIZ record's badge names the CIZ."""
    data_dir = tmp_path / "voorzieningen"
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML)
    names = [("a", "Plek Aap", "laten"), ("b", "Plek Bes", "samen"), ("c", "Plek Cor", "zelf"),
             ("d", "Plek Dop", "laten"), ("e", "Plek Eik", "zelf")]
    for rid, name, route in names:
        write(data_dir, f"{rid}.yaml", minimal_record().replace("Hoeskamer Amstenrade", name)
              .replace("route: samen", f"route: {route}").replace("koffie", "pannenkoeken"))
    write(data_dir, "wlz.yaml", WLZ.replace("wet: Wlz\n", "wet: Wlz\nbeslist: ciz\n"))
    result = build(data_dir, tmp_path / "site")
    assert result.ok, result.output
    url, server = serve(tmp_path / "site")
    try:
        phone.goto(url + "zoeken/?q=pannenkoeken")
        phone.wait_for_function("document.getElementById('zoek-status').textContent.includes('resulta')")
        titles = phone.eval_on_selector_all("#zoek-resultaten li h3", "hs => hs.map(h => h.textContent)")
        routes = phone.eval_on_selector_all("#zoek-resultaten li .ww-route", "rs => rs.map(r => r.textContent)")
        assert sorted(titles) == sorted(n for _, n, _ in names)
        assert routes == ["Zelf doen", "Zelf doen", "Samen doen", "Laten doen", "Laten doen"], titles
        assert titles == ["Plek Cor", "Plek Eik", "Plek Bes", "Plek Aap", "Plek Dop"]
        phone.goto(url + "zoeken/?q=langdurige+zorg")
        phone.wait_for_function("document.getElementById('zoek-status').textContent.includes('resulta')")
        first = phone.locator("#zoek-resultaten li").first
        assert first.locator(".ww-badge--beschikking").inner_text() == "Besluit van het CIZ nodig"
    finally:
        server.shutdown()
