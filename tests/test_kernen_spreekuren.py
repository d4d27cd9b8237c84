"""Kernen that are really local, and spreekuren tied to their places (issue 13, items 1, 2, 6).

A record counts for a kern when it names that kern or has a location in it; the kern page,
the Pagefind filter and the Meilisearch document all follow that one rule. Spreekuren are
opening times of the kind "spreekuur" at one of the record's locations.
"""

from __future__ import annotations

import re

from builders import GEMEENTE_YAML, check, load, minimal_face, minimal_record, the_diagnostic, write
from wegwijzer.search.documents import build_documents
from wegwijzer.site.markers import record_kern_filters
from wegwijzer.site.pages import SiteContext, build_pages
from wegwijzer.site.render import card, record_page
from wegwijzer.site.render_local import spreekuren

R = "voorzieningen/{}.yaml"


def named(name: str, extra: str = "", gecontroleerd: str = "2026-09-01") -> str:
    return minimal_record(extra, gecontroleerd).replace("Hoeskamer Amstenrade", name)


def local_data(data_dir):
    """Four records: one naming Amstenrade, one naming Amstenrade with a location in Hulsberg, one
    for everyone with a location in Hulsberg, one for everyone without a place."""
    write(data_dir, "genoemd.yaml", named("Genoemd Amstenrade", "kernen: [Amstenrade]\n"))
    write(data_dir, "elders.yaml", named("Genoemd met plek in Hulsberg", """
        kernen: [Amstenrade]
        locaties:
          - naam: Bieb Hulsberg
            plaats: Hulsberg
    """))
    write(data_dir, "plek.yaml", named("Iedereen met plek in Hulsberg", """
        locaties:
          - naam: Dorpshuis
            plaats: Voerendaal
            kern: hulsberg
    """))
    write(data_dir, "overal.yaml", named("Overal zonder plek"))
    write(data_dir, "gezichten/dorp.yaml",
          minimal_face("kernen: [Hulsberg]\n").replace("Anne Voorbeeld", "Dorpje Coördinator"))
    write(data_dir, "gezichten/ander.yaml",
          minimal_face("kernen: [Amstenrade]\n").replace("Anne Voorbeeld", "Ander Mens"))
    dataset, collector = load(data_dir)
    assert collector.errors == [], [d.format() for d in collector.errors]
    return dataset


def pages_of(dataset, **kw) -> dict:
    return {p.url: p for p in build_pages(SiteContext(dataset, **kw))}


def sections(html: str) -> list:
    return re.findall(r'<h2 id="([^"]+)"', html)


# --- kern pages ---------------------------------------------------------------------------------


def test_a_kern_page_shows_what_is_here_by_the_local_rule_then_people_spreekuren_and_the_whole(data_dir):
    html = pages_of(local_data(data_dir))["kern/hulsberg/"].html()
    assert sections(html) == ["h-hier", "h-mensen", "h-spreekuren", "h-hele-gemeente"]
    here = html[html.index('id="h-hier"'):html.index('id="h-mensen"')]
    assert "Genoemd met plek in Hulsberg" in here and "Iedereen met plek in Hulsberg" in here
    assert "Genoemd Amstenrade<" not in html and "Overal zonder plek" not in here
    people = html[html.index('id="h-mensen"'):html.index('id="h-spreekuren"')]
    assert "Dorpje Coördinator" in people and "Ander Mens" not in people
    whole = html[html.index('id="h-hele-gemeente"'):]
    assert "Overal zonder plek" in whole and "Iedereen met plek in Hulsberg" not in whole  # not twice
    assert "<details" in whole and "data-ww-wide-open" in whole and " open" not in whole.split(">")[0]


def test_the_kern_filter_follows_the_same_rule_on_both_backends(data_dir):
    dataset = local_data(data_dir)
    pagefind = {v.id: sorted(value for _, _, value in record_kern_filters(v)) for v in dataset.voorzieningen}
    assert pagefind == {"genoemd": ["amstenrade"], "elders": ["amstenrade", "hulsberg"],
                        "plek": ["hele-gemeente"], "overal": ["hele-gemeente"]}  # the whole: every kern
    docs = {d["record_id"]: d["kernen"] for d in build_documents(dataset) if d["soort"] == "voorziening"}
    assert docs == {"genoemd": ["amstenrade"], "elders": ["amstenrade", "hulsberg"],
                    "plek": ["amstenrade", "hulsberg"], "overal": ["amstenrade", "hulsberg"]}
    # One rule: a kern's page lists exactly the records whose search filter matches that kern.
    pages = pages_of(dataset)
    for kern in ("amstenrade", "hulsberg"):
        html = pages[f"kern/{kern}/"].html()
        listed = {v.id for v in dataset.voorzieningen if f">{v.naam}</a>" in html}
        matched = {rid for rid, kernen in docs.items() if kern in kernen}
        assert listed == matched, kern


def test_a_record_page_names_the_kernen_it_counts_for(data_dir):
    dataset = local_data(data_dir)
    ctx = SiteContext(dataset)
    plek = record_page(dataset.voorziening("plek"), ctx, "samen-doen/plek/")
    assert '<a href="../../kern/hulsberg/">Hulsberg</a> en de hele gemeente' in plek
    overal = record_page(dataset.voorziening("overal"), ctx, "samen-doen/overal/")
    assert "<dd data-pagefind-ignore>De hele gemeente</dd>" in overal


def test_long_local_lists_are_paginated_and_the_whole_municipality_links_to_its_list(data_dir, monkeypatch):
    from wegwijzer.site import pages as pages_module
    monkeypatch.setattr(pages_module, "PER_PAGE", 2)
    for i in range(3):
        write(data_dir, f"hier-{i}.yaml", named(f"Hier {i}", "kernen: [Hulsberg]\n"))
        write(data_dir, f"overal-{i}.yaml", named(f"Overal {i}"))
    dataset, _ = load(data_dir)
    pages = pages_of(dataset)
    first = pages["kern/hulsberg/"].html()
    assert "3 voorzieningen" in first and "Hier 2" not in first
    assert 'href="../../kern/hulsberg/pagina/2/"' in first
    assert "Hier 2" in pages["kern/hulsberg/pagina/2/"].html()
    assert 'href="../../hele-gemeente/">Alle 3 voorzieningen voor de hele gemeente' in first
    assert "Overal 2" in pages["hele-gemeente/pagina/2/"].html()


# --- spreekuren -----------------------------------------------------------------------------


SPREEKUREN = """
    kernen: [Amstenrade]
    locaties:
      - naam: Bibliotheek
        plaats: Hulsberg
      - naam: Huisarts
        plaats: Heerlen
    openingstijden:
      - dagen: [ma, di, wo, do, vr]
        van: 9:00
        tot: 17:00
        toelichting: Telefonisch bereikbaar.
      - dagen: [di]
        van: 10:00
        tot: 12:00
        soort: spreekuur
        locatie: bibliotheek
      - dagen: [do]
        van: 13:00
        tot: 14:00
        soort: spreekuur
        locatie: Huisarts
      - dagen: [vr]
        van: 8:00
        tot: 9:00
        soort: spreekuur
"""


def test_spreekuren_are_tied_to_their_place_and_checked_with_file_line_and_field(data_dir):
    write(data_dir, "spreekuur.yaml", named("Spreekuur", SPREEKUREN))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    v = dataset.voorziening("spreekuur")
    assert [h.locatie for h in v.openingstijden] == [None, "Bibliotheek", "Huisarts", None]  # as the place is named
    groups = [(loc.naam if loc else None, [h.van for h in hours]) for loc, hours in v.hours_by_place()]
    assert groups == [("Bibliotheek", ["10:00"]), ("Huisarts", ["13:00"]), (None, ["09:00", "08:00"])]

    write(data_dir, "fout.yaml", named("Fout", SPREEKUREN.replace("locatie: bibliotheek", "locatie: Biblioteek")
                                       .replace("soort: spreekuur\n        locatie: Huisarts",
                                                "soort: spreekur\n        locatie: Huisarts")))
    _, collector = load(data_dir)
    place = the_diagnostic(collector, R.format("fout"), "openingstijden.locatie")
    assert place.line == 22 and place.severity == "error"
    assert "Er is geen locatie met de naam 'Biblioteek'. Bedoel je 'Bibliotheek'? Kies uit: Bibliotheek, Huisarts." \
        == place.message
    kind = the_diagnostic(collector, R.format("fout"), "openingstijden.soort")
    assert kind.line == 26 and "Bedoel je 'spreekuur'?" in kind.message


def test_a_location_without_a_name_cannot_be_chosen(data_dir):
    write(data_dir, "x.yaml", named("X", """
        locaties:
          - plaats: Hulsberg
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 10:00
            locatie: Bieb
    """))
    _, collector = load(data_dir)
    assert "geen van de locaties heeft een naam" in the_diagnostic(collector, R.format("x"),
                                                                   "openingstijden.locatie").message


def test_the_only_location_holds_the_hours_unless_an_hour_names_a_place(data_dir):
    write(data_dir, "een.yaml", named("Een plek", """
        locaties:
          - naam: Buurthuis
            plaats: Hulsberg
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 10:00
            soort: spreekuur
    """))
    dataset, _ = load(data_dir)
    [(place, hours)] = dataset.voorziening("een").hours_by_place()
    assert place.naam == "Buurthuis" and len(hours) == 1
    assert [s.kernen for s in spreekuren(dataset.voorzieningen)] == [("Hulsberg",)]
    # Once an hour names its place, the editor is explicit: an hour without one has no place.
    write(data_dir, "een.yaml", named("Een plek", """
        locaties:
          - naam: Buurthuis
            plaats: Hulsberg
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 10:00
            soort: spreekuur
            locatie: Buurthuis
          - dagen: [ma, di]
            van: 8:00
            tot: 17:00
            toelichting: Telefonisch.
    """))
    dataset, _ = load(data_dir)
    groups = [(loc.naam if loc else None, [h.van for h in hours]) for loc, hours in
              dataset.voorziening("een").hours_by_place()]
    assert groups == [("Buurthuis", ["09:00"]), (None, ["08:00"])]


def test_the_week_of_spreekuren_by_day_and_kern(data_dir):
    write(data_dir, "spreekuur.yaml", named("Spreekuur", SPREEKUREN))
    write(data_dir, "dicht.yaml", named("Dicht", SPREEKUREN + "status: tijdelijk-gesloten\n"))
    dataset, _ = load(data_dir)
    week = spreekuren(dataset.voorzieningen)
    assert [(s.day, s.van, s.kernen) for s in week] == [
        ("di", "10:00", ("Hulsberg",)),  # at the library in Hulsberg
        ("do", "13:00", ()),  # at the GP in Heerlen: outside the kernen
        ("vr", "08:00", ("Amstenrade",)),  # no place: the kernen the record names
    ]  # the closed record's spreekuren are not there, and open hours are not spreekuren
    pages = pages_of(dataset)
    week_html = pages["spreekuren/"].html()
    assert [m for m in re.findall(r'data-ww-day="(\w+)"', week_html)] == ["di", "do", "vr"]
    assert 'Elders of zonder vaste plek' in week_html and "Dicht" not in week_html
    tuesday = week_html[week_html.index('id="dag-di"'):week_html.index('id="dag-do"')]
    assert '<a href="../kern/hulsberg/">Hulsberg</a>' in tuesday and "Bibliotheek, Hulsberg" in tuesday
    hulsberg = pages["kern/hulsberg/"].html()
    spreek = hulsberg[hulsberg.index('id="h-spreekuren"'):hulsberg.index('id="h-hele-gemeente"')
                      if 'id="h-hele-gemeente"' in hulsberg else None]
    assert "10:00 – 12:00" in spreek and "13:00" not in spreek and "08:00" not in spreek
    assert "08:00 – 09:00" in pages["kern/amstenrade/"].html()


def test_the_record_page_groups_hours_by_place_with_open_now_per_place(data_dir):
    write(data_dir, "spreekuur.yaml", named("Spreekuur", SPREEKUREN))
    dataset, _ = load(data_dir)
    html = record_page(dataset.voorziening("spreekuur"), SiteContext(dataset), "samen-doen/spreekuur/")
    places = re.findall(r'<li class="ww-place">.*?</li>', html, re.S)
    assert len(places) == 2 and "Bibliotheek" in places[0] and "10:00 – 12:00" in places[0]
    assert "13:00" not in places[0] and "Huisarts" in places[1]
    assert html.count('class="ww-open-now"') == 3  # each place, and the times without a place
    assert html.count('data-open-text="Nu spreekuur"') == 2
    loose = html[html.index("Andere tijden"):]
    assert "Telefonisch bereikbaar." in loose and "08:00 – 09:00" in loose


def test_new_fields_of_old_records_are_all_optional(data_dir):
    """Existing data stays valid: a record and gemeente.yaml without any new field check clean."""
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML)
    write(data_dir, "oud.yaml", named("Oud", """
        locaties:
          - naam: Buurthuis
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 10:00
    """, gecontroleerd="2026-11-20"))
    code, out, _ = check(data_dir, "--strict")
    assert code == 0, out


# --- waiting times in lists and search results ------------------------------------------------


def test_the_waiting_time_is_on_cards_in_pagefind_meta_and_in_the_meilisearch_document(data_dir):
    write(data_dir, "wachten.yaml", named("Wachten", """
        wachttijd:
          tekst: binnen 3 werkdagen <b>een</b> gesprek
          gecontroleerd: 2026-11-02
    """))
    dataset, _ = load(data_dir)
    v = dataset.voorziening("wachten")
    shown = "binnen 3 werkdagen &lt;b&gt;een&lt;/b&gt; gesprek (nagevraagd in november 2026)"
    assert f"<strong>Wachttijd:</strong> {shown}" in card(v, "samen-doen/")
    page = record_page(v, SiteContext(dataset), "samen-doen/wachten/")
    assert f'<span data-pagefind-meta="wachttijd">{shown}</span>' in page
    [doc] = [d for d in build_documents(dataset) if d.get("record_id") == "wachten"]
    assert doc["wachttijd"] == "binnen 3 werkdagen <b>een</b> gesprek (nagevraagd in november 2026)"
    write(data_dir, "wachten.yaml", named("Wachten"))
    dataset, _ = load(data_dir)
    assert "wachttijd" not in build_documents(dataset)[0] and "Wachttijd" not in card(dataset.voorzieningen[0], "")
