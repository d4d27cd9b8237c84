"""The page model and HTML fragments, without MkDocs."""

import pytest

from builders import load, minimal_record, q, small_dataset, write
from wegwijzer.site import pages as pages_mod
from wegwijzer.site import render
from wegwijzer.site.pages import SiteContext, build_pages
from wegwijzer.site.render import card, record_page, rel


def make(folder, **kw):
    dataset, collector = load(folder)
    assert not collector.errors, [d.format() for d in collector.errors]
    return SiteContext(dataset, **kw)


def test_rel_links():
    assert rel("", "zoeken/") == "zoeken/"
    assert rel("samen-doen/x/", "zoeken/") == "../../zoeken/"
    assert rel("samen-doen/x/", "") == "../../"
    assert rel("", "") == "./"


def test_urls_titles_and_nav(data_dir):
    ctx = make(small_dataset(data_dir))
    pages = {p.url: p for p in build_pages(ctx)}
    assert pages["samen-doen/hoeskamer/"].title == "Hoeskamer Amstenrade"
    assert pages["laten-doen/schuldhulp/"].kind == "voorziening"
    assert "zelf-doen/verlopen/" not in pages  # expired
    assert {p.url for p in pages.values() if p.in_nav} == {
        "", "zelf-doen/", "samen-doen/", "laten-doen/", "gezichtenkaart/", "voor-professionals/", "zoeken/",
        "artikelen/", "begrippen/"}
    assert all(not p.in_nav for p in pages.values() if p.kind in ("voorziening", "gezicht"))
    assert len([p for p in pages.values() if p.kind == "thema"]) == 12
    assert len([p for p in pages.values() if p.kind == "doelgroep"]) == 8
    assert {"kern/amstenrade/", "kern/hulsberg/"} <= set(pages)
    assert pages["samen-doen/hoeskamer/"].src_uri == "samen-doen/hoeskamer/index.md"


def test_kern_and_doelgroep_lists_include_everyone_records(data_dir):
    ctx = make(small_dataset(data_dir))
    pages = {p.url: p for p in build_pages(ctx)}
    hulsberg = pages["kern/hulsberg/"].html()
    assert "Schuldhulp Beekdaelen" in hulsberg  # no kernen: whole municipality
    assert "Hoeskamer Amstenrade" not in hulsberg  # only Amstenrade
    ouderen = pages["doelgroep/ouderen/"].html()
    assert "Hoeskamer Amstenrade" in ouderen and "Schuldhulp Beekdaelen" not in ouderen


def test_lists_are_paginated(data_dir, monkeypatch):
    monkeypatch.setattr(pages_mod, "PER_PAGE", 2)
    for i in range(5):
        write(data_dir, f"inloop-{i}.yaml", minimal_record().replace("Hoeskamer Amstenrade", f"Inloop {i}"))
    pages = {p.url: p for p in build_pages(make(data_dir))}
    assert {"samen-doen/", "samen-doen/pagina/2/", "samen-doen/pagina/3/"} <= set(pages)
    assert "samen-doen/pagina/4/" not in pages
    second = pages["samen-doen/pagina/2/"].html()
    assert 'href="../../../samen-doen/pagina/3/"' in second and "Pagina 2 van 3" in second


def test_card_escapes_and_shows_badge_and_phone(data_dir):
    write(data_dir, "x.yaml", minimal_record("contact:\n  telefoon: 045 123 45 67\n").replace(
        "naam: Hoeskamer Amstenrade", "naam: " + q("<b>vet</b> & co")))
    ctx = make(data_dir)
    html = card(ctx.dataset.voorzieningen[0], "thema/ontmoeten/")
    assert "&lt;b&gt;vet&lt;/b&gt; &amp; co" in html and "<b>" not in html
    assert "Vrij toegankelijk" in html and 'href="tel:+31451234567"' in html
    assert 'href="../../samen-doen/x/"' in html


def test_record_page_has_pagefind_markup(data_dir):
    ctx = make(small_dataset(data_dir))
    v = ctx.dataset.voorziening("hoeskamer")
    html = record_page(v, ctx, "samen-doen/hoeskamer/")
    assert "data-pagefind-body" in html and 'data-pagefind-weight="10"' in html
    assert '<span data-pagefind-filter="route">samen</span>' in html
    assert '<span data-pagefind-filter="kern">amstenrade</span>' in html  # the kern's slug, as in its address
    assert '<span data-pagefind-filter="doelgroep">iedereen</span>' in html  # no doelgroepen: everyone
    assert "Anne Voorbeeld" in html  # face card of this voorziening
    assert "data-hours=" in html


def test_glossary_terms_are_explained_on_pages(data_dir):
    from wegwijzer.records.glossary import Term
    write(data_dir, "wmo.yaml", minimal_record("aanmelden: Vraag het aan via de Wmo.\n"))
    ctx = make(data_dir, terms=[Term("Wmo", "Een wet.", "Wet maatschappelijke ondersteuning")])
    page = next(p for p in build_pages(ctx) if p.url == "samen-doen/wmo/")
    assert '<abbr title="Wet maatschappelijke ondersteuning: Een wet.">Wmo</abbr>' in page.html(ctx.annotator)


def test_glossary_terms_are_explained_on_list_pages(data_dir):
    from wegwijzer.records.glossary import Term
    write(data_dir, "wmo.yaml", minimal_record().replace("samenvatting: Een", "samenvatting: Hulp uit de Wmo. Een"))
    ctx = make(data_dir, terms=[Term("Wmo", "Een wet.", "Wet maatschappelijke ondersteuning")])
    listing = next(p for p in build_pages(ctx) if p.url == "samen-doen/")
    assert '<abbr title="Wet maatschappelijke ondersteuning: Een wet.">Wmo</abbr>' in listing.html(ctx.annotator)


def test_glossary_skips_the_hidden_search_data_and_explains_the_visible_word(data_dir):
    from wegwijzer.records.glossary import Term
    write(data_dir, "ref.yaml", minimal_record().replace("toegang: vrij", "toegang: verwijzing"))
    ctx = make(data_dir, terms=[Term("verwijzing", "Een briefje van de huisarts.")])
    html = next(p for p in build_pages(ctx) if p.url == "samen-doen/ref/").html(ctx.annotator)
    hidden = html[html.index("<ww-zoekdata"):html.index("</ww-zoekdata>")]
    assert "<abbr" not in hidden and '<span data-pagefind-filter="toegang">verwijzing</span>' in hidden
    assert html.count('<abbr title="Een briefje van de huisarts.">') == 1


def test_record_page_shows_the_waiting_time_with_its_date(data_dir):
    small_dataset(data_dir)
    write(data_dir, "wachten.yaml", minimal_record("""
        wachttijd:
          tekst: binnen 3 werkdagen <b>een</b> gesprek
          gecontroleerd: 2026-11-02
    """))
    ctx = make(data_dir)
    html = record_page(ctx.dataset.voorziening("wachten"), ctx, "samen-doen/wachten/")
    assert ('<strong>Wachttijd:</strong> binnen 3 werkdagen &lt;b&gt;een&lt;/b&gt; gesprek '
            '<span class="ww-muted">(nagevraagd op 2 november 2026)</span>') in html
    assert "Wachttijd" not in record_page(ctx.dataset.voorziening("hoeskamer"), ctx, "samen-doen/hoeskamer/")


def _card_titles(html: str) -> list:
    import re
    return re.findall(r'<h3 class="ww-card__title"><a href="[^"]*">([^<]*)</a>', html)


@pytest.mark.parametrize("count, per_page, expected_pages", [(5, 2, 3), (4, 2, 2), (1, 2, 1), (3, 1, 3)])
def test_every_record_is_on_exactly_one_list_page_in_name_order(data_dir, monkeypatch, count, per_page,
                                                                 expected_pages):
    monkeypatch.setattr(pages_mod, "PER_PAGE", per_page)
    names = [f"Inloop {chr(ord('a') + i)}" for i in range(count)]
    for i, name in enumerate(reversed(names)):  # written in the other order: the list sorts by name
        write(data_dir, f"inloop-{i}.yaml", minimal_record().replace("Hoeskamer Amstenrade", name))
    pages = [p for p in build_pages(make(data_dir)) if p.url.startswith("samen-doen/") and p.kind == "route"]
    assert [p.url for p in pages] == ["samen-doen/"] + [f"samen-doen/pagina/{n}/" for n in
                                                         range(2, expected_pages + 1)]
    assert [p.title for p in pages] == ["Samen doen"] + [f"Samen doen (pagina {n})" for n in
                                                         range(2, expected_pages + 1)]
    assert [p.in_nav for p in pages] == [True] + [False] * (expected_pages - 1)
    shown = [_card_titles(p.html()) for p in pages]
    assert [name for chunk in shown for name in chunk] == names  # each once, none lost, in order
    assert all(1 <= len(chunk) <= per_page for chunk in shown)
    for p in pages:
        assert f'<p class="ww-count">{count} {"voorziening" if count == 1 else "voorzieningen"}</p>' in p.html()


def test_the_pager_links_to_the_neighbouring_pages_only(data_dir, monkeypatch):
    monkeypatch.setattr(pages_mod, "PER_PAGE", 1)
    for i in range(3):
        write(data_dir, f"inloop-{i}.yaml", minimal_record().replace("Hoeskamer Amstenrade", f"Inloop {i}"))
    pages = {p.url: p.html() for p in build_pages(make(data_dir))}
    first, second, third = pages["samen-doen/"], pages["samen-doen/pagina/2/"], pages["samen-doen/pagina/3/"]
    assert ('<nav class="ww-pager" aria-label="Pagina\'s"><span>Pagina 1 van 3</span>'
            '<a rel="next" href="../samen-doen/pagina/2/">Volgende pagina</a></nav>') in first
    assert ('<nav class="ww-pager" aria-label="Pagina\'s"><a rel="prev" href="../../../samen-doen/">Vorige pagina</a>'
            '<span>Pagina 2 van 3</span><a rel="next" href="../../../samen-doen/pagina/3/">Volgende pagina</a>'
            '</nav>') in second
    assert ('<a rel="prev" href="../../../samen-doen/pagina/2/">Vorige pagina</a><span>Pagina 3 van 3</span>'
            '</nav>') in third
    assert '<span class="ww-muted">(pagina 2)</span>' in second and "(pagina" not in first.split("</h1>")[0]
    # A list that fits on one page has no pager at all.
    assert "ww-pager" not in pages["thema/geld/"] and "Hier staat nog niets" in pages["thema/geld/"]


def test_lists_sort_by_name_ignoring_case_with_stopped_records_last(data_dir):
    for rid, name, status in [("b", "bakkerij", "actief"), ("a", "Zwembad", "actief"), ("c", "Aap", "gestopt"),
                              ("d", "Appel", "tijdelijk-gesloten"), ("e", "Beek", "actief")]:
        write(data_dir, f"{rid}.yaml", minimal_record(f"status: {status}\n").replace("Hoeskamer Amstenrade", name))
    pages = {p.url: p.html() for p in build_pages(make(data_dir))}
    assert _card_titles(pages["samen-doen/"]) == ["Appel", "bakkerij", "Beek", "Zwembad", "Aap"]


def test_only_the_first_page_of_a_list_carries_its_extra_part(data_dir, monkeypatch):
    monkeypatch.setattr(pages_mod, "PER_PAGE", 1)
    write(data_dir, "gemeente.yaml", (data_dir / "gemeente.yaml").read_text() + "marktplaats: https://voorelkaar.example\n")
    for i in range(2):
        write(data_dir, f"inloop-{i}.yaml", minimal_record().replace("Hoeskamer Amstenrade", f"Inloop {i}"))
    pages = {p.url: p.html() for p in build_pages(make(data_dir))}
    first, second = pages["samen-doen/"], pages["samen-doen/pagina/2/"]
    assert "https://voorelkaar.example" in first and "Kies een thema" in first
    assert "voorelkaar" not in second and "Kies een thema" not in second
    # A list without an extra part goes straight from its introduction to the records.
    ouderen = pages["doelgroep/ouderen/"]
    assert ouderen.startswith("<h1>Ouderen</h1><p class=\"ww-lead\">") and "None" not in ouderen
    assert '</p><p class="ww-count">' in ouderen and '<h2 class="ww-route-kop ww-route-kop--samen">' in ouderen


def _full_context():
    """model_dataset() with an article, glossary terms and a search configuration: every kind of page."""
    from datetime import date as _date

    from builders import model_dataset
    from wegwijzer.records.articles import Article
    from wegwijzer.records.glossary import Term
    articles = [Article("grip-op-geld", "Grip op je geld", "Zo begin je.", ("geld",), "Tekst.")]
    return SiteContext(model_dataset(), articles=articles, terms=[Term("Wmo", "Een wet.")],
                       built=_date(2026, 11, 23), search_config={"backend": "meilisearch", "url": "https://z.example",
                                                                  "index": "w", "key": "k"})


def test_every_page_has_its_address_title_kind_and_place_in_the_navigation():
    from wegwijzer.records.vocab import DOELGROEPEN, THEMAS
    ctx = _full_context()
    pages = build_pages(ctx)
    fixed = [(p.url, p.title, p.kind, p.in_nav, p.hide) for p in pages
             if p.kind not in ("route", "thema", "doelgroep", "kern")]
    assert fixed == [
        ("", "Home", "home", True, ("navigation", "toc")),
        ("hele-gemeente/", "Voor de hele gemeente", "hele-gemeente", False, ("toc",)),
        ("spreekuren/", "Spreekuren deze week", "spreekuren", False, ("toc",)),
        ("samen-doen/hoeskamer-schinveld/", "Hoeskamer Schinveld", "voorziening", False, ("toc",)),
        ("laten-doen/schuldhulp/", "Schuldhulpverlening", "voorziening", False, ("toc",)),
        ("gezichtenkaart/", "Gezichtenkaart", "gezichtenkaart", True, ("toc",)),
        ("gezichtenkaart/anne-voorbeeld/", "Anne Voorbeeld", "gezicht", False, ("toc",)),
        ("voor-professionals/", "Voor huisartsen en hulpverleners", "voor-professionals", True, ("toc",)),
        ("lijstje/", "Mijn lijstje", "lijstje", False, ("toc",)),
        ("zoeken/", "Zoeken", "zoeken", True, ("toc",)),
        ("artikelen/", "Artikelen", "artikelen", True, ("toc",)),
        ("begrippen/", "Begrippen", "begrippen", True, ("toc",)),
        ("een-loket/", "Eén loket voor hulp en zorg", "een-loket", False, ("toc",)),
        ("klachten/", "Klachten en bezwaar", "klachten", False, ("toc",)),
        ("postkaart/", "Postkaarten: Hoe ging het?", "postkaart", False, ("toc",)),
        ("hoe-ging-het/gemeente/", "Hoe ging het?", "hoe-ging-het", False, ("toc",)),
    ]
    lists = [(p.url, p.title, p.kind) for p in pages if p.kind in ("thema", "doelgroep", "kern")]
    assert lists == ([(f"thema/{s}/", t, "thema") for s, t in THEMAS.items()]
                     + [(f"doelgroep/{s}/", t, "doelgroep") for s, t in DOELGROEPEN.items()]
                     + [("kern/nuth/", "Nuth", "kern"), ("kern/sint-joost/", "Sint Joost", "kern"),
                        ("kern/schinveld/", "Schinveld", "kern")])


def test_every_page_shows_what_its_renderer_makes():
    ctx = _full_context()
    pages = {p.url: p for p in build_pages(ctx)}
    hoeskamer, schuldhulp = ctx.dataset.voorzieningen
    face = ctx.dataset.gezichten[0]
    assert pages[""].html() == render.home_page(ctx)
    assert pages["samen-doen/hoeskamer-schinveld/"].html() == render.record_page(hoeskamer, ctx,
                                                                                  "samen-doen/hoeskamer-schinveld/")
    assert pages["gezichtenkaart/"].html() == render.gezichtenkaart_page(ctx, "gezichtenkaart/", ctx.built)
    assert pages["gezichtenkaart/anne-voorbeeld/"].html() == render.face_page(face, ctx,
                                                                              "gezichtenkaart/anne-voorbeeld/")
    assert pages["zoeken/"].html() == render.search_page(ctx, "zoeken/", ctx.search_config)
    assert "https://z.example" in pages["zoeken/"].html()
    assert pages["artikelen/"].html() == render.articles_page(ctx, "artikelen/")
    assert pages["begrippen/"].html() == render.glossary_page(ctx.terms, "begrippen/")
    assert "Een wet." in pages["begrippen/"].html()
    # The annotator explains terms on every page it is given to.
    assert pages["begrippen/"].html(ctx.annotator) == ctx.annotator.annotate(pages["begrippen/"].html())


def test_list_introductions_and_a_themes_articles():
    ctx = _full_context()
    pages = {p.url: p.html() for p in build_pages(ctx)}
    assert pages["zelf-doen/"].startswith(
        '<h1>Zelf doen</h1><p class="ww-lead">Informatie, tips en tests. Daarmee ga je zelf aan de slag.</p>')
    assert 'Lees en ga zelf aan de slag' in pages["zelf-doen/"]  # the route's own extra part: the articles
    assert pages["thema/geld/"].startswith(
        '<h1>Geld, schulden en formulieren</h1><p class="ww-lead">Alles over geld, schulden en formulieren: '
        'van tips tot professionele hulp.</p><section aria-labelledby="h-lees"><h2 id="h-lees">Lees meer</h2>'
        '<ul class="ww-cards"><li class="ww-card"><h3 class="ww-card__title"><a href="../../artikelen/grip-op-geld/">'
        'Grip op je geld</a></h3>')
    assert '</p></li></ul></section><p class="ww-count">' in pages["thema/geld/"]
    assert pages["thema/wonen/"].startswith(  # no article on this theme: no section at all
        '<h1>Wonen en huishouden</h1><p class="ww-lead">Alles over wonen en huishouden: van tips tot professionele '
        'hulp.</p><h2 class="ww-sr">Voorzieningen</h2>')  # and, empty, no route headings
    assert pages["doelgroep/ouderen/"].startswith(
        '<h1>Ouderen</h1><p class="ww-lead">Voorzieningen voor ouderen, en voorzieningen voor iedereen.</p>')
    assert pages["kern/schinveld/"].startswith(
        '<div class="ww-kern" data-kern="schinveld"><h1>Schinveld</h1><p class="ww-lead">Wat er is in Schinveld: '
        'plekken en hulp in de buurt, mensen die je kunt bellen en spreekuren. Daarna wat er is voor de hele '
        'gemeente.</p>')
    # A kern page: what is there first, then (closed on a phone) what is there for the whole municipality.
    here, whole = pages["kern/schinveld/"].split('<section class="ww-whole" aria-labelledby="h-hele-gemeente">')
    assert _card_titles(here) == ["Hoeskamer Schinveld"] and _card_titles(whole) == ["Schuldhulpverlening"]
    here, whole = pages["kern/nuth/"].split('<section class="ww-whole" aria-labelledby="h-hele-gemeente">')
    assert _card_titles(here) == [] and _card_titles(whole) == ["Schuldhulpverlening"]
    assert _card_titles(pages["doelgroep/ouderen/"]) == ["Hoeskamer Schinveld", "Schuldhulpverlening"]
    assert _card_titles(pages["doelgroep/jongeren/"]) == ["Schuldhulpverlening"]
    assert _card_titles(pages["thema/geld/"]) == ["Grip op je geld", "Schuldhulpverlening"]  # article, then records
    assert _card_titles(pages["laten-doen/"]) == ["Schuldhulpverlening"]


def test_a_dataset_without_a_municipality_file_has_no_kern_pages():
    import dataclasses
    ctx = _full_context()
    ctx.dataset = dataclasses.replace(ctx.dataset, gemeente=None)
    assert not [p for p in build_pages(ctx) if p.kind == "kern"]
