"""The pages close to home in templates (kern.html, spreekuren.html and their parts): every text
of a record or a kern escaped, and a municipality changes one block of a page from its own folder."""

from __future__ import annotations

import shutil

from builders import GEMEENTE_YAML, REPO, build_in_house_style, load, q, small_dataset, write
from wegwijzer.site.escaping import esc
from wegwijzer.site.pages import SiteContext, build_pages

HOSTILE = "<script>x</script> O'Brien & \"Zn\""


def hostile_data(data_dir):
    """A kern, a record with a spreekuur there, and a face in it, all named with markup and quotes."""
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML.replace("kernen: [Amstenrade, Hulsberg]",
                                                           f"kernen: [{q(HOSTILE)}, Hulsberg]"))
    write(data_dir, "inloop.yaml", f"""
        naam: {q("Inloop " + HOSTILE)}
        samenvatting: {q("Kom langs. " + HOSTILE)}
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        kernen: [{q(HOSTILE)}]
        openingstijden:
          - dagen: [di]
            van: 10:00
            tot: 12:00
            soort: spreekuur
            toelichting: {q("Zonder afspraak " + HOSTILE)}
        gecontroleerd: 2026-09-01
    """)
    write(data_dir, "overal.yaml", f"""
        naam: {q("Overal " + HOSTILE)}
        samenvatting: Voor iedereen.
        route: zelf
        toegang: vrij
        themas: [geld]
        locaties:
          - naam: {q("Zaal " + HOSTILE)}
            plaats: {q("Plaats " + HOSTILE)}
        openingstijden:
          - dagen: [wo]
            van: 9:00
            tot: 10:00
            soort: spreekuur
            locatie: {q("Zaal " + HOSTILE)}
        gecontroleerd: 2026-09-01
    """)
    write(data_dir, "gezichten/anne.yaml", f"""
        naam: {q("Anne " + HOSTILE)}
        functie: {q(HOSTILE)}
        organisatie: Welzijn
        telefoon: 06 12345678
        bereikbaar: {q(HOSTILE)}
        kernen: [{q(HOSTILE)}]
        toestemming: 2026-03-14
        gecontroleerd: 2026-09-01
    """)
    dataset, collector = load(data_dir)
    assert collector.errors == [], [d.format() for d in collector.errors]
    return dataset


def test_every_text_on_the_kern_and_spreekuren_pages_is_escaped(data_dir):
    pages = {p.url: p for p in build_pages(SiteContext(hostile_data(data_dir)))}
    kern = next(p for url, p in pages.items() if url.startswith("kern/") and p.title == HOSTILE).html()
    week = pages["spreekuren/"].html()
    for html in (kern, week):
        assert "<script>x" not in html and HOSTILE not in html
    # The kern's name (title, lead, sections, jump links), the record, the face, the spreekuur's note.
    assert kern.count(esc(HOSTILE)) >= 10
    for text in ("Inloop ", "Anne ", "Zonder afspraak "):
        assert esc(text + HOSTILE) in kern
    # The kern's link, the record, its note, and the place of the other spreekuur.
    for text in ("Inloop ", "Zonder afspraak ", "Overal ", "Zaal "):
        assert esc(text + HOSTILE) in week
    assert f'<a href="../kern/script-x-script-o-brien-zn/">{esc(HOSTILE)}</a>' in week


def test_a_municipality_changes_one_block_of_the_kern_and_spreekuren_pages(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    style = tmp_path / "huisstijl"
    shutil.copytree(REPO / "build", style)
    write(style, "wegwijzer/kern.html", """
        {% extends "standaard/wegwijzer/kern.html" %}
        {% block mensen %}
          <p class="eigen-mensen">Bel het wijkteam van {{ kern.naam }}.</p>
        {% endblock %}
    """)
    write(style, "wegwijzer/spreekuren.html", """
        {% extends "standaard/wegwijzer/spreekuren.html" %}
        {% block uitleg %}<p class="eigen-uitleg">Kom gewoon langs.</p>{% endblock %}
    """)
    site = build_in_house_style(tmp_path, data, style)

    kern = (site / "kern" / "amstenrade" / "index.html").read_text(encoding="utf-8")
    assert '<p class="eigen-mensen">Bel het wijkteam van Amstenrade.</p>' in kern
    assert 'id="h-mensen"' not in kern  # the block replaced
    assert kern.index('id="h-hier"') < kern.index("eigen-mensen") < kern.index('id="h-spreekuren"')
    assert "Hoeskamer Amstenrade" in kern  # the rest as shipped

    week = (site / "spreekuren" / "index.html").read_text(encoding="utf-8")
    assert '<p class="eigen-uitleg">Kom gewoon langs.</p>' in week
    assert "Bij een spreekuur kun je zonder afspraak langskomen" not in week
    assert "Alles in je eigen dorp of wijk" in week  # the rest as shipped
