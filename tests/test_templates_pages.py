"""The home page, the search page and the other pages of site/render.py in templates
(theme/wegwijzer/start.html, zoeken.html, crisis.html, ...): another municipality changes their
wording and layout from its own folder, and every text of the gemeente and its records stays
escaped in the blocks it wrote."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

from builders import GEMEENTE_YAML, REPO, build_in_house_style, q, small_dataset, write
from wegwijzer.site import templating
from wegwijzer.site.escaping import esc

HOSTILE = "<img src=x onerror=alert(1)> O'Brien & \"Zn\""
ROUTE_ORDER = re.compile(r'<a class="ww-tile ww-tile--(\w+)"')


def _municipality_style(tmp_path: Path) -> Path:
    """A second municipality's house style: the repository's build/ plus its own home page and
    crisis block, each changing one or two blocks of the shipped template."""
    style = tmp_path / "huisstijl"
    shutil.copytree(REPO / "build", style)
    # Its own welcome, and the route tiles with "Laten doen" first.
    write(style, "wegwijzer/start.html", """
        {% extends "standaard/wegwijzer/start.html" %}
        {% block welkom %}
          <h1 class="eigen-welkom">Welkom bij de sociale kaart van {{ start.naam }}</h1>
          <p class="ww-lead">Wat zoek je? Wij helpen je op weg.</p>
        {% endblock %}
        {% block routes %}
          <ul class="ww-tiles eigen-volgorde">
            {% for route in start.routes | reverse %}
              <li><a class="ww-tile ww-tile--{{ route.route }}" href="{{ route.url }}">{{ route.naam }}</a></li>
            {% endfor %}
          </ul>
        {% endblock %}
    """)
    # Its own words above the crisis lines; the lines as shipped.
    write(style, "wegwijzer/crisis.html", """
        {% extends "standaard/wegwijzer/crisis.html" %}
        {% block kop %}
          <h2 id="h-zoek-crisis">Ben je in gevaar? Bel meteen.</h2>
          <p class="eigen-crisis">Je staat er niet alleen voor. Eerste lijn: {{ crisis.lijnen[-1].naam }}.</p>
        {% endblock %}
    """)
    return style


def _data(tmp_path: Path) -> Path:
    """The small dataset, with a gemeente name and a crisis line of its own that need escaping."""
    data = small_dataset(tmp_path / "voorzieningen")
    write(data, "gemeente.yaml", GEMEENTE_YAML.replace("naam: Beekdaelen", f"naam: {q(HOSTILE)}")
          + "marktplaats: https://voorelkaar.example\ndemo: ja\n"
          + f"crisis:\n  - naam: {q(HOSTILE)}\n    telefoon: [088 123 45 67]\n    soorten: [zelfdoding]\n"
          + f"    uitleg: {q(HOSTILE)}\n")
    return data


def _built(tmp_path: Path, style: Path = None) -> Path:
    data = _data(tmp_path)
    article = "---\ntitle: Geld\nsamenvatting: Over geld.\nthemas: [geld]\n---\nTekst.\n"
    return build_in_house_style(tmp_path, data, style, article=article)


def _page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_a_municipality_rewrites_the_home_page_and_the_crisis_block_from_its_own_folder(tmp_path):
    site = _built(tmp_path, _municipality_style(tmp_path))

    home = _page(site, "")
    assert f'<h1 class="eigen-welkom">Welkom bij de sociale kaart van {esc(HOSTILE)}</h1>' in home
    assert "Hulp en steun in" not in home  # the shipped welcome is gone
    assert ROUTE_ORDER.findall(home) == ["laten", "samen", "zelf"]  # its own order
    assert '<ul class="ww-tiles eigen-volgorde">' in home
    # The rest as shipped: the search form, the themes and the municipality's contact.
    assert 'id="home-q"' in home and '<h2 id="h-themas">Waar gaat je vraag over?</h2>' in home
    assert f"Neem contact op met de gemeente {esc(HOSTILE)}. We denken met je mee." in home
    assert "<img src=x" not in home

    search = _page(site, "zoeken")
    start = search.index('<section id="zoek-crisis"')
    crisis = search[start:search.index("</section>", start)]
    assert '<h2 id="h-zoek-crisis">Ben je in gevaar? Bel meteen.</h2>' in crisis
    assert "Heb je nu hulp nodig?" not in crisis
    assert f'<p class="eigen-crisis">Je staat er niet alleen voor. Eerste lijn: {esc(HOSTILE)}.</p>' in crisis
    # The lines as shipped: the national ones, then the municipality's own, escaped.
    assert "Bel 113" in crisis and crisis.count(esc(HOSTILE)) == 3  # own block, its name, its explanation
    assert "<img src=x" not in search
    assert templating.active() is templating.shipped()  # the build's templates end with it


def test_without_overrides_the_home_page_and_the_crisis_block_are_as_shipped(tmp_path):
    site = _built(tmp_path)
    home = _page(site, "")
    assert f"<h1>Hulp en steun in {esc(HOSTILE)}</h1>" in home and "eigen-welkom" not in home
    assert ROUTE_ORDER.findall(home) == ["zelf", "samen", "laten"]
    search = _page(site, "zoeken")
    assert '<h2 id="h-zoek-crisis">Heb je nu hulp nodig? Je hoeft het niet alleen te doen.</h2>' in search
    assert "eigen-crisis" not in search and "<img src=x" not in search


def test_a_municipality_rewrites_the_search_pages_help_and_the_articles_text_stays_as_sanitised(tmp_path):
    from builders import model_dataset
    from wegwijzer.records.articles import Article
    from wegwijzer.site import render
    from wegwijzer.site.pages import SiteContext

    data = model_dataset()
    data = replace(data, gemeente=replace(data.gemeente, naam=HOSTILE))
    write(tmp_path / "huisstijl", "wegwijzer/zoek-hulp.html", """
        {% extends "standaard/wegwijzer/zoek-hulp.html" %}
        {% block direct %}
          <h3>Liever iemand spreken?</h3>
          <p class="eigen-hulp">Bel het sociaal team van {{ hulp.gemeente.naam }}.</p>
        {% endblock %}
    """)
    ctx = SiteContext(data, templates=templating.environment([tmp_path / "huisstijl"]))
    page = render.search_page(ctx, "zoeken/", {})
    assert f'<p class="eigen-hulp">Bel het sociaal team van {esc(HOSTILE)}.</p>' in page
    assert "Naar de gezichtenkaart" not in page  # the block it replaced
    assert "Kies een thema" in page and f"Neem contact op met de gemeente {esc(HOSTILE)}." in page
    assert "<img src=x" not in page

    article = Article("x", HOSTILE, HOSTILE, ("geld",), "Tekst.")
    html = render.article_page(article, "artikelen/x/", "<p>Tekst met <strong>nadruk</strong>.</p>")
    assert '<div class="ww-prose"><p>Tekst met <strong>nadruk</strong>.</p></div>' in html
    assert html.count(esc(HOSTILE)) == 2 and "<img src=x" not in html
    assert '<h1 data-pagefind-weight="10" data-pagefind-meta="title">' in html
    assert '<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">' in html
