"""The page model and HTML fragments, without MkDocs."""

from helpers import load, minimal_record, q, small_dataset, write
from wegwijzer.site import pages as pages_mod
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
