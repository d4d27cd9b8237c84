"""The glossary: loaded with file:line errors, and explained where terms occur."""

import re

from helpers import REPO, write
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
            if m.group(3).lower() in annotator._SKIP and not m.group(1).endswith("/>"):
                depth[0] = max(0, depth[0] + (-1 if m.group(2) else 1))
            return m.group(1)
        key = m.group(4).lower()
        if depth[0] or key in done or key not in annotator.terms:
            return m.group(0)
        done.add(key)
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


def test_fast_annotation_equals_the_reference_on_every_demo_page():
    from helpers import DEMO_DATA, load
    from wegwijzer.site.pages import SiteContext, build_pages
    terms = load_glossary(REPO / "content" / "begrippen.yaml", Collector())
    dataset, _ = load(DEMO_DATA)
    ctx = SiteContext(dataset, terms=terms)
    annotated = 0
    for page in build_pages(ctx):
        body = page.make_html()
        fast = ctx.annotator.annotate(body)
        assert fast == one_pass_reference(ctx.annotator, body), page.url
        annotated += fast != body
    assert annotated > 50  # the demo's jargon is really explained across the site
