"""The glossary: loaded with file:line errors, and explained where terms occur."""

import re

import pytest

from builders import REPO, write
from wegwijzer.records.diagnostics import Collector
from wegwijzer.records.glossary import Term, load_glossary
from wegwijzer.site.glossary import Annotator


def test_demo_glossary_loads():
    collector = Collector()
    terms = load_glossary(REPO / "content" / "begrippen.yaml", collector)
    assert not collector.errors, [d.format() for d in collector.errors]
    assert {"Wmo", "CJG"} <= {t.term for t in terms}


def test_bad_entries_name_file_line_and_field(tmp_path):
    path = write(tmp_path, "begrippen.yaml", """
        - term: Wmo
          uitleg: Een wet.
        - term: CJG
        - term: Wmo
          uitleg: Nog eens.
        - trem: X
          uitleg: Y
    """)
    collector = Collector()
    terms = load_glossary(path, collector, cwd=tmp_path)
    assert [t.term for t in terms] == ["Wmo"]
    found = {(d.line, d.field) for d in collector.errors}
    assert (3, "uitleg") in found  # missing uitleg
    assert (4, "term") in found  # duplicate
    assert any(d.line == 6 and "trem" in d.field for d in collector.errors)
    assert all(d.path == "begrippen.yaml" for d in collector.errors)


def test_not_a_list_is_an_error(tmp_path):
    collector = Collector()
    load_glossary(write(tmp_path, "begrippen.yaml", "term: Wmo\n"), collector, cwd=tmp_path)
    assert collector.errors and "lijst" in collector.errors[0].message


def test_annotate_first_occurrence_outside_links():
    ann = Annotator([Term("Wmo", "Een wet.", "Wet maatschappelijke ondersteuning"),
                     Term("POH-GGZ", "Hulp bij de huisarts.")])
    out = ann.annotate('<h1>Wmo</h1><p>De Wmo en de Wmo. <a href="x">Wmo</a> Vraag de POH-GGZ.</p>')
    assert out.count("<abbr") == 2
    assert '<h1>Wmo</h1>' in out and '<a href="x">Wmo</a>' in out
    assert 'title="Wet maatschappelijke ondersteuning: Een wet."' in out


def one_pass_reference(annotator, fragment):
    """The plain definition Annotator.annotate must match: one regex pass over every tag
    and term, counting how deep we are in skip elements."""
    if not annotator.terms:
        return fragment
    alternatives = sorted(annotator.terms, key=len, reverse=True)
    pattern = re.compile(r"(<(/?)([a-zA-Z0-9-]+)[^>]*>)|(?<![\w-])("
                         + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])", re.IGNORECASE)
    done, depth = set(), [0]

    def replace(m):
        if m.group(1):
            if m.group(3).lower() in annotator.SKIP and not m.group(1).endswith("/>"):
                depth[0] = max(0, depth[0] + (-1 if m.group(2) else 1))
            return m.group(1)
        key = m.group(4).lower()
        term = annotator.terms.get(key)
        if depth[0] or term is None or term.term in done:
            return m.group(0)
        done.add(term.term)
        return annotator.abbr(key, m.group(4))

    return pattern.sub(replace, fragment)


def test_fast_annotation_equals_the_one_pass_reference():
    terms = [Term("Wmo", "Wet maatschappelijke ondersteuning"), Term("CJG", "Centrum voor jeugd & gezin", "x"),
             Term("eigen bijdrage", "Wat je zelf betaalt.")]
    a = Annotator(terms)
    cases = [
        "<p>De Wmo helpt. Wmo weer.</p>",
        '<h2>Wmo</h2><p title="Wmo en CJG">Het CJG en de wmo</p>',
        "<a href='x'>CJG <abbr>Wmo</abbr></a><p>Wmo-loket, de Wmo</p>",
        "<p>Eigen   bijdrage? Eigen bijdrage! <br/>CJG</p><h1>CJG</h1>",
        "</a></a><p>Wmo</p><a><h3>x</h3></a><p>CJG <img src='CJG.png'/> eigen bijdrage</p>",
        "<summary>Wmo</summary><!-- <a> CJG --> Wmo <h2x>CJG</h2x>",
        "<ww-zoekdata hidden><span>CJG</span></ww-zoekdata><select><option>Wmo</option></select><p>CJG Wmo</p>",
        "<a-b>Wmo</a-b><p>CJG</p>",
        "geen termen hier",
        "",
    ]
    for html in cases:
        assert a.annotate(html) == one_pass_reference(a, html), html


def test_jargon_explained_while_the_markup_is_made_as_on_the_finished_page():
    """The templates explain each term where it is written (glossary.for_templates); on every
    demo page that gives exactly what one pass over the finished page would, and a lot of it."""
    from builders import DEMO_DATA, load
    from wegwijzer.site import templating
    from wegwijzer.site.pages import SiteContext, build_pages
    terms = load_glossary(REPO / "content" / "begrippen.yaml", Collector())
    dataset, _ = load(DEMO_DATA)
    templates = templating.environment((), terms)
    token = templating.use(templates)
    try:
        ctx = SiteContext(dataset, terms=terms, templates=templates)
        annotated = 0
        for page in build_pages(ctx):
            plain = page.html()  # no glossary: every value only escaped
            made = page.html(ctx.annotator)
            assert made == one_pass_reference(ctx.annotator, plain), page.url
            annotated += made != plain
    finally:
        templating.release(token)
    assert annotated > 50  # the demo's jargon is really explained across the site


WMO = Term("Wmo", "Een wet.", "Wet maatschappelijke ondersteuning")
TIP = '<abbr title="Wet maatschappelijke ondersteuning: Een wet.">'


@pytest.mark.parametrize("fragment, expected", [
    # the first occurrence only, its own spelling kept
    ("<p>de wmo en de Wmo</p>", f"<p>de {TIP}wmo</abbr> en de Wmo</p>"),
    # whole words only: not inside a longer word or a compound with a hyphen
    ("<p>Wmo-loket, deWmo, Wmo2, Wmo.</p>", f"<p>Wmo-loket, deWmo, Wmo2, {TIP}Wmo</abbr>.</p>"),
    # never inside links, headings, buttons and the other skipped elements; after them again
    ("<a href='x'>Wmo</a><p>Wmo</p>", f"<a href='x'>Wmo</a><p>{TIP}Wmo</abbr></p>"),
    ("<h1>Wmo</h1><h4 class='x'>Wmo</h4><h5>Wmo</h5>", f"<h1>Wmo</h1><h4 class='x'>Wmo</h4><h5>{TIP}Wmo</abbr></h5>"),
    ("<button>Wmo</button><summary>Wmo</summary><option>Wmo</option><p>Wmo</p>",
     f"<button>Wmo</button><summary>Wmo</summary><option>Wmo</option><p>{TIP}Wmo</abbr></p>"),
    ("<script>Wmo</script><style>Wmo</style><title>Wmo</title><textarea>Wmo</textarea><p>Wmo</p>",
     f"<script>Wmo</script><style>Wmo</style><title>Wmo</title><textarea>Wmo</textarea><p>{TIP}Wmo</abbr></p>"),
    ("<select><option>Wmo</option></select><abbr>Wmo</abbr> Wmo",
     f"<select><option>Wmo</option></select><abbr>Wmo</abbr> {TIP}Wmo</abbr>"),
    ("<ww-zoekdata hidden><span>Wmo</span></ww-zoekdata>Wmo",
     f"<ww-zoekdata hidden><span>Wmo</span></ww-zoekdata>{TIP}Wmo</abbr>"),
    # nested skipped elements: still inside until the outer one closes
    ("<a><h3>x</h3>Wmo</a>Wmo", f"<a><h3>x</h3>Wmo</a>{TIP}Wmo</abbr>"),
    ("<A HREF='x'>Wmo</A>Wmo", f"<A HREF='x'>Wmo</A>{TIP}Wmo</abbr>"),
    # elements whose names only start like a skipped one are text containers
    ("<address>Wmo</address>", f"<address>{TIP}Wmo</abbr></address>"),
    ("<a-b>Wmo</a-b>", f"<a-b>{TIP}Wmo</abbr></a-b>"),
    ("<abbrx>Wmo</abbrx>", f"<abbrx>{TIP}Wmo</abbr></abbrx>"),
    # a self-closing tag opens nothing; a stray closing tag closes nothing below zero
    ("<a/>Wmo", f"<a/>{TIP}Wmo</abbr>"),
    ("</a></h2><p>Wmo</p>", f"</a></h2><p>{TIP}Wmo</abbr></p>"),
    # attribute values are not text
    ('<p title="Wmo" data-x="de Wmo">Wmo</p>', f'<p title="Wmo" data-x="de Wmo">{TIP}Wmo</abbr></p>'),
    ("<img alt='Wmo'>", "<img alt='Wmo'>"),
    ('<P TITLE="de Wmo">Wmo</P>', f'<P TITLE="de Wmo">{TIP}Wmo</abbr></P>'),
    # a skip element opened but not closed in this fragment: the text before it is still text
    ("Wmo <a href='x'>", f"{TIP}Wmo</abbr> <a href='x'>"),
    # a self-closing skip tag does not end the search for the others
    ("<a/><h1>Wmo</h1>Wmo", f"<a/><h1>Wmo</h1>{TIP}Wmo</abbr>"),
    # a '<' that starts no tag (a comment, a stray sign) is text, not a tag to stay out of
    ("<!-- x --> Wmo", f"<!-- x --> {TIP}Wmo</abbr>"),
    ("<p>3 < 4 en de Wmo</p>", f"<p>3 < 4 en de {TIP}Wmo</abbr></p>"),
    ("geen term", "geen term"),
    ("", ""),
])
def test_annotation_of_one_term(fragment, expected):
    assert Annotator([WMO]).annotate(fragment) == expected


def test_every_term_once_longest_match_first_and_each_call_afresh():
    ann = Annotator([Term("eigen", "Van jezelf."), Term("eigen bijdrage", "Wat je zelf betaalt."),
                     Term("CJG", "Centrum voor jeugd & gezin.")])
    fragment = "<p>De eigen bijdrage, eigen geld en het CJG. Eigen bijdrage.</p>"
    expected = ('<p>De <abbr title="Wat je zelf betaalt.">eigen bijdrage</abbr>, <abbr title="Van jezelf.">eigen'
                '</abbr> geld en het <abbr title="Centrum voor jeugd &amp; gezin.">CJG</abbr>. Eigen bijdrage.</p>')
    assert ann.annotate(fragment) == expected
    assert ann.annotate(fragment) == expected  # a new page: every term once again


def test_terms_with_characters_that_html_escapes_match_the_escaped_text():
    ann = Annotator([Term("R&D", "Onderzoek."), Term("(W)mo", "Haakjes.")])
    assert ann.annotate("<p>R&amp;D en (W)mo</p>") == ('<p><abbr title="Onderzoek.">R&amp;D</abbr> en '
                                                       '<abbr title="Haakjes.">(W)mo</abbr></p>')


def test_without_terms_nothing_changes():
    ann = Annotator([])
    assert ann.annotate("<p>Wmo</p>") == "<p>Wmo</p>"
    assert ann.terms == {}


def test_a_term_with_a_quote_is_found_in_escaped_record_text_and_in_markdown_text():
    from wegwijzer.site import safe_markdown
    from wegwijzer.site.escaping import esc
    ann = Annotator([Term("baby's", "Kinderen tot 1 jaar."), Term('"Thuis"', "Het programma.")])
    tip = '<abbr title="Kinderen tot 1 jaar.">'
    record_text = f"<p>{esc('Voor baby' + chr(39) + 's en ouders.')}</p>"  # esc(): baby&#x27;s
    assert ann.annotate(record_text) == f"<p>Voor {tip}baby&#x27;s</abbr> en ouders.</p>"
    markdown_text = safe_markdown.render("Voor *ouders* van baby's.")  # Markdown: baby's
    assert ann.annotate(markdown_text) == f"<p>Voor <em>ouders</em> van {tip}baby's</abbr>.</p>"
    both = record_text + markdown_text  # one tooltip per page, whichever spelling comes first
    assert ann.annotate(both).count("<abbr") == 1
    assert ann.annotate(f"<p>{esc(chr(34) + 'Thuis' + chr(34))}</p>") == (
        '<p><abbr title="Het programma.">&quot;Thuis&quot;</abbr></p>')


def test_a_term_of_one_character_is_explained_too():
    ann = Annotator([Term("€", "Euro."), Term("Wmo", "Een wet.")])
    assert ann.annotate("<p>Kost 5 € via de Wmo</p>") == ('<p>Kost 5 <abbr title="Euro.">€</abbr> via de '
                                                         '<abbr title="Een wet.">Wmo</abbr></p>')


# --- the glossary in the templates (glossary.for_templates, the uitleg filter) ---------------

def _render(tmp_path, source: str, terms=(WMO,), **values) -> str:
    """``source`` as a municipality's own template, rendered as one page with the glossary."""
    from wegwijzer.site import templating
    from wegwijzer.site.glossary import explaining
    (tmp_path / "eigen.html").write_text(source, encoding="utf-8")
    env = templating.environment([tmp_path], terms)
    with explaining(Annotator(terms)):
        return env.get_template("eigen.html").render(**values)


def test_a_value_written_as_text_is_explained_once_per_page(tmp_path):
    out = _render(tmp_path, "<p>{{ a }}</p><p>{{ b }}</p>", a="De Wmo helpt.", b="Ook de Wmo.")
    assert out == f"<p>De {TIP}Wmo</abbr> helpt.</p><p>Ook de Wmo.</p>"


def test_a_fixed_text_of_a_template_is_explained_and_counts_for_the_page(tmp_path):
    out = _render(tmp_path, "<p>Vraag het via de Wmo.</p><p>{{ a }}</p>", a="De Wmo.")
    assert out == f"<p>Vraag het via de {TIP}Wmo</abbr>.</p><p>De Wmo.</p>"


def test_no_tooltip_in_attributes_links_headings_or_what_is_made_inside_them(tmp_path):
    (tmp_path / "deel.html").write_text("<span>Wmo {{ a }}</span>", encoding="utf-8")
    source = ('<a href="/{{ a }}" title="{{ a }}">{{ a }} Wmo {% include "deel.html" %}</a>'
              '<h2>{{ a }}</h2><{{ kop }} class="x" title="{{ a }}">{{ a }}</{{ kop }}><p>{{ a }}</p>')
    assert _render(tmp_path, source, a="Wmo", kop="h3") == (
        '<a href="/Wmo" title="Wmo">Wmo Wmo <span>Wmo Wmo</span></a>'
        f'<h2>Wmo</h2><h3 class="x" title="Wmo">Wmo</h3><p>{TIP}Wmo</abbr></p>')
    # an element named by a value that may hold a tooltip gets one, never in its attributes;
    # written without spaces too
    assert _render(tmp_path, '<{{kop}} title="{{a}}">{{a}}</{{kop}}>', a="Wmo", kop="h5") == (
        f'<h5 title="Wmo">{TIP}Wmo</abbr></h5>')


def test_no_tooltip_in_a_macro_made_inside_a_link(tmp_path):
    macro = "{% macro m() %}<i>Wmo</i>{% endmacro %}"
    called = _render(tmp_path, macro + '<a href="#">{{ m() }}</a><p>{{ a }}</p>', a="Wmo")
    assert called == f'<a href="#"><i>Wmo</i></a><p>{TIP}Wmo</abbr></p>'
    # a {% call %} block is quiet until its end, however often the macro calls its body
    twice = "{% macro m() %}<i>{{ caller() }} Wmo {{ caller() }}</i>{% endmacro %}"
    block = _render(tmp_path, twice + '<a href="#">{% call m() %}x{% endcall %}</a><p>{{ a }}</p>', a="Wmo")
    assert block == f'<a href="#"><i>x Wmo x</i></a><p>{TIP}Wmo</abbr></p>'
    # the same block outside a link is explained
    outside = _render(tmp_path, twice + "{% call m() %}x{% endcall %}")
    assert outside == f"<i>x {TIP}Wmo</abbr> x</i>"
    # after a heading named by a value (with a link in it), and after a block that was not
    # quiet, a link is quiet again
    heading = '<{{ kop }}><a href="#">{{ m() }}</a>{{ m() }}</{{ kop }}>'
    bold = "{% macro b() %}<b>{{ caller() }}</b>{% endmacro %}{% call b() %}x{% endcall %}"
    after = _render(tmp_path, macro + heading + bold + '<a href="#">{{ m() }}</a><p>{{ a }}</p>', kop="h3", a="Wmo")
    assert after == (f'<h3><a href="#"><i>Wmo</i></a><i>Wmo</i></h3><b>x</b><a href="#"><i>Wmo</i></a>'
                     f'<p>{TIP}Wmo</abbr></p>')


def test_the_template_is_read_as_html(tmp_path):
    # an attribute value is text of the tag, also after a '>' inside its quotes
    quoted = _render(tmp_path, "<p title=\">{{ a }}\" data-x='>{{ a }}'>{{ a }}</p>", a="Wmo")
    assert quoted == f"<p title=\">Wmo\" data-x='>Wmo'>{TIP}Wmo</abbr></p>"
    # a comment is neither text nor a tag, also where a value or a '-->' splits it
    comment = _render(tmp_path, "<p><!-- Wmo <a> {{ a }}--></p><!--{{ a }}-->Wmo<!-- b --> {{ a }}", a="Wmo")
    assert comment == f"<p><!-- Wmo <a> Wmo--></p><!--Wmo-->{TIP}Wmo</abbr><!-- b --> Wmo"
    # an attribute value without quotes
    assert _render(tmp_path, "<p data-x=X>{{ a }}</p>", a="Wmo") == f"<p data-x=X>{TIP}Wmo</abbr></p>"
    # a tag that closes itself opens nothing; one closed out of order closes its own element
    closed = _render(tmp_path, '<a id="x"/><p>{{ a }}</p>', a="Wmo")
    assert closed == f'<a id="x"/><p>{TIP}Wmo</abbr></p>'
    slash = _render(tmp_path, '<a href="#" {{ b }}>zie /{{ a }}</a><p>{{ a }}</p>', a="Wmo", b="")
    assert slash == f'<a href="#" >zie /Wmo</a><p>{TIP}Wmo</abbr></p>'
    misnested = _render(tmp_path, "<h2><button>x</h2>{{ a }}</button><p>{{ a }}</p>", a="Wmo")
    assert misnested == f"<h2><button>x</h2>Wmo</button><p>{TIP}Wmo</abbr></p>"
    # a term that is also a tag name is explained in text, never inside the tag
    section = Term("section", "Een deel.")
    assert _render(tmp_path, "<section>{{ a }}</section>", terms=(section,), a="section") == (
        '<section><abbr title="Een deel.">section</abbr></section>')


def test_explained_values_stay_escaped(tmp_path):
    hostile = Term("<b>Wmo</b>", "\"><script>alert(1)</script>")
    out = _render(tmp_path, "<p>{{ a }}</p>", terms=(hostile,), a="<b>Wmo</b> <script>x</script>")
    assert "<script>" not in out and "<b>" not in out
    assert out.startswith('<p><abbr title="&quot;&gt;&lt;script&gt;')


def test_without_a_page_being_made_values_are_only_escaped(tmp_path):
    from wegwijzer.site import templating
    (tmp_path / "eigen.html").write_text("<p>{{ a }} Wmo</p>", encoding="utf-8")
    env = templating.environment([tmp_path], (WMO,))
    assert env.get_template("eigen.html").render(a="Wmo & co") == "<p>Wmo &amp; co Wmo</p>"
