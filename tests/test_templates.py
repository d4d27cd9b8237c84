"""The page markup's templates (site/templating.py): escaped, the same bytes as before, and a
municipality changes a page's wording and layout from its own folder without touching Python."""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

from builders import REPO, build_in_house_style, small_dataset, write
from wegwijzer.site import templating
from wegwijzer.site.escaping import esc, finalize, trusted

SRC = REPO / "src" / "wegwijzer"
TEMPLATES = SRC / "site" / "theme" / "wegwijzer"

# Who may mark markup as written-as-is, and why: each is HTML the build made or sanitised.
# Markup() itself: the escaping module, and where a finished page body enters Material's
# autoescaping page template (the body is ours: templates, sanitised Markdown).
MARKUP_CALLERS = {
    ("site/escaping.py", "trusted"),
    ("site/escaping.py", "finalize"),
    ("site/glossary.py", "explain"),  # the uitleg filter: the value escaped by esc(), plus <abbr> around a term
    ("site/plugin.py", "on_page_context"),  # the page body into Material's main.html
    ("site/shell.py", "__init__"),  # the page shell's placeholder for that body
    ("site/shell.py", "ww_shell"),  # the shell with the body (and the title, escaped) filled in
}
TRUSTED_CALLERS = {
    ("site/escaping.py", "json_script"),  # json_for_script: no '</script>' break-out possible
    ("site/render_poster.py", "poster_data"),  # the QR code's SVG, drawn by segno; its name escaped
    ("site/render.py", "record_data"),  # a record's description: editors' Markdown, sanitised by safe_markdown
    ("site/render.py", "listing_page"),  # the part above a list (route_extra, a theme's articles), escaped there
    ("site/render_frontdoor.py", "_postcard"),  # the postcard's QR code: SVG drawn by segno, its name escaped
    ("site/render.py", "content_page_data"),  # an editor's own page: its Markdown, sanitised by safe_markdown
    ("site/render.py", "article_data"),  # an article's text: its Markdown rendered and sanitised by safe_markdown
}


def test_every_value_in_a_template_is_escaped_as_esc_does():
    hostile = "<script>alert('x')</script> & \"quoted\""
    env = templating.shipped()
    page = env.from_string('<p title="{{ v }}">{{ v }}</p>').render(v=hostile)
    assert page == f'<p title="{esc(hostile)}">{esc(hostile)}</p>'
    assert "<script>" not in page
    assert str(finalize(trusted("<b>made here</b>"))) == "<b>made here</b>"


def test_no_template_marks_a_value_safe():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for marker in (r"\|\s*safe\b", r"autoescape\s+false", r"\bMarkup\b", r"\|\s*forceescape\b"):
            if re.search(marker, text):
                found.append(f"{path.relative_to(REPO)}: {marker}")
    assert list(TEMPLATES.rglob("*.html")), "no templates found"
    assert found == []


def _calls(tree: ast.AST, names: set) -> list:
    """(function the call is in, name called) for calls of ``names`` anywhere in ``tree``."""
    found = []

    def visit(node, function):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            function = node.name
        if isinstance(node, ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if called in names:
                found.append((function, called))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "")
    return found


def test_only_the_named_places_write_markup_unescaped():
    """Markup() only where MARKUP_CALLERS says; trusted() only where TRUSTED_CALLERS says."""
    calls = {"Markup": set(), "trusted": set()}
    for path in sorted(SRC.rglob("*.py")):
        name = path.relative_to(SRC).as_posix()
        for function, called in _calls(ast.parse(path.read_text(encoding="utf-8")), set(calls)):
            calls[called].add((name, function))
    assert calls["Markup"] == MARKUP_CALLERS
    assert calls["trusted"] == TRUSTED_CALLERS


def test_markup_lines_are_joined_without_the_layout_written_for_people():
    source = ('<ul>\n  <li>{{ a }}</li>\n  {% if b %}\n    <li>b</li>\n  {% endif %}\n</ul>\n'
              '<p>Druk op <b>x</b> en\n  dan verder.</p>')
    assert templating.one_line(source) == ('<ul><li>{{ a }}</li>{% if b %}<li>b</li>{% endif %}</ul>'
                                           '<p>Druk op <b>x</b> en dan verder.</p>')


def _municipality_style(tmp_path: Path) -> Path:
    """Another municipality's house style: the repository's build/ plus two templates of its own."""
    style = tmp_path / "huisstijl"
    shutil.copytree(REPO / "build", style)
    # One block: its own first line above the shipped facts, the rest of the poster as shipped.
    write(style, "wegwijzer/poster.html", """
        {% extends "standaard/wegwijzer/poster.html" %}
        {% block feiten %}
          <p class="eigen-regel">Vragen? Bel ons gerust: {{ poster.telefoon or "het algemene nummer" }}</p>
          {{ super() }}
        {% endblock %}
    """)
    # A whole page: another layout and wording.
    write(style, "wegwijzer/lijstje.html", """
        <section class="eigen-lijstje" data-root="{{ lijstje.root }}">
          <h1>Jouw bewaarde hulp in {{ lijstje.gemeente }}</h1>
          <ol id="lijstje-items"></ol>
          <script type="application/json" id="lijstje-config">{{ lijstje.config | json_script }}</script>
          <script src="{{ lijstje.script }}" defer></script>
        </section>
    """)
    return style


def test_a_municipality_changes_a_pages_wording_and_layout_from_its_own_folder(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    # Not isolated: this test checks that the build itself releases its templates.
    site = build_in_house_style(tmp_path, data, _municipality_style(tmp_path), isolated=False)

    record = (site / "samen-doen" / "hoeskamer" / "index.html").read_text(encoding="utf-8")
    poster = record[record.index('<div class="ww-poster"'):]
    own, shipped = poster.index("Vragen? Bel ons gerust: 045 123 45 67"), poster.index("Zo kom je er:")
    assert own < shipped  # the block changed, the shipped facts follow
    assert "Scan de code" in poster or "Kijk voor meer informatie op:" in poster  # the rest as shipped

    lijstje = (site / "lijstje" / "index.html").read_text(encoding="utf-8")
    assert '<section class="eigen-lijstje"' in lijstje
    assert "Jouw bewaarde hulp in Beekdaelen" in lijstje
    # The build is over: its templates do not reach what the process renders next.
    assert templating.active() is templating.shipped()
    assert "<h1 class=\"ww-noprint\">Mijn lijstje</h1>" not in lijstje  # the page title stays


def test_without_overrides_the_shipped_templates_are_used(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    site = build_in_house_style(tmp_path, data)
    record = (site / "samen-doen" / "hoeskamer" / "index.html").read_text(encoding="utf-8")
    assert "Vragen? Bel ons gerust" not in record and "<strong>Zo kom je er:</strong>" in record
    assert "<h1 class=\"ww-noprint\">Mijn lijstje</h1>" in (site / "lijstje" / "index.html").read_text(encoding="utf-8")


def test_a_face_card_escapes_every_text_of_the_face_with_or_without_a_photo():
    from dataclasses import replace
    from types import SimpleNamespace

    from builders import model_dataset
    from wegwijzer.site.render_parts import face_card

    hostile = "<img src=x onerror=alert(1)> O'Brien & \"Zn\""
    face = replace(model_dataset().gezichten[0], naam=hostile, functie=hostile, bereikbaar=hostile,
                   vragen=(hostile,), kernen=(hostile,))
    photos = {face.id: SimpleNamespace(webp={240: "anne.1.webp", 120: "anne.0.webp"}, jpeg={120: "anne.0.jpg"})}
    for with_photo in (photos, {}):
        card = face_card(face, "gezichtenkaart/", with_photo, data={"kernen": hostile})
        assert "<img src=x" not in card and hostile not in card
        assert card.count(esc(hostile)) >= 6  # name, role, questions, reach, area, data-kernen, ...
        assert ('<img src="../fotos/anne.0.jpg"' in card) == bool(with_photo)
        assert ('class="ww-initials"' in card) != bool(with_photo)


def test_the_referrers_page_escapes_every_fact_and_a_municipality_rewrites_one_block(tmp_path):
    from dataclasses import replace
    from datetime import date

    from builders import model_dataset
    from wegwijzer.records.model import Referral, WaitingTime
    from wegwijzer.site.pages import SiteContext
    from wegwijzer.site.render_professionals import professionals_page

    hostile = "<img src=x onerror=alert(1)> O'Brien & \"Zn\""
    data = model_dataset()
    record = replace(data.voorzieningen[1], naam=hostile,
                     verwijzen=Referral(wie=(hostile,), hoe=hostile, website="javascript:alert(1)"),
                     wachttijd=WaitingTime(tekst=hostile, gecontroleerd=date(2026, 11, 2)))
    data = replace(data, voorzieningen=[data.voorzieningen[0], record])
    page = professionals_page(SiteContext(data, templates=templating.shipped()))
    assert "<img src=x" not in page and "javascript:" not in page
    assert page.count(esc(hostile)) >= 5  # the name, who may refer, how, the waiting time, the Bewaar button
    assert "(nagevraagd op 2 november 2026)" in page

    write(tmp_path / "huisstijl", "wegwijzer/voor-professionals.html", """
        {% extends "standaard/wegwijzer/voor-professionals.html" %}
        {% block uitleg %}
          <p class="eigen-uitleg">Bel eerst het sociaal team van {{ pagina.gemeente }}.</p>
        {% endblock %}
    """)
    own = templating.environment([tmp_path / "huisstijl"])
    page = professionals_page(SiteContext(data, templates=own))
    assert '<p class="eigen-uitleg">Bel eerst het sociaal team van Beekdaelen.</p>' in page
    assert "Wie bel je, kan iemand er zo heen" not in page
    assert page.count(esc(hostile)) >= 5  # the rest as shipped


def test_a_route_page_escapes_the_editors_text_and_a_municipality_without_one_loket_rewrites_that_block(tmp_path):
    from dataclasses import replace

    from wegwijzer.records.checker import check_all
    from wegwijzer.site.pages import SiteContext
    from wegwijzer.site.render_routes import route_page

    hostile = "<img src=x onerror=alert(1)> O'Brien & \"Zn\""
    result = check_all(REPO / "voorzieningen", REPO / "content")
    event = replace(result.life_events[0], titel=hostile, intro=hostile, let_op=hostile)
    ctx = SiteContext(result.dataset, list(result.articles), templates=templating.shipped())
    page = route_page(event, ctx, "levensloop/x/")
    assert "<img src=x" not in page and page.count(esc(hostile)) == 3
    assert "Bel, mail of kom langs bij één loket." in page

    write(tmp_path / "huisstijl", "wegwijzer/levensloop.html", """
        {% extends "standaard/wegwijzer/levensloop.html" %}
        {% block beginnen %}
          <div class="ww-callout"><h2>Weet je niet waar je moet beginnen?</h2>
          <p>Ga naar het CJG als het over een kind gaat,
            en naar de ouderenadviseur als het over een oudere gaat.</p></div>
        {% endblock %}
    """)
    ctx = SiteContext(result.dataset, list(result.articles), templates=templating.environment([tmp_path / "huisstijl"]))
    page = route_page(event, ctx, "levensloop/x/")
    assert "Ga naar het CJG als het over een kind gaat" in page
    assert "één loket" not in page
    assert page.count(esc(hostile)) == 3 and '<ol class="ww-steps">' in page  # the rest as shipped
