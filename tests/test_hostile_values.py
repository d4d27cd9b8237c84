"""Values the check used to accept (or crash on) and the build then failed on, hung on, lost
silently or published: each is now a Dutch message with file, line and field."""

from __future__ import annotations

import unicodedata

import pytest

from builders import GEMEENTE_YAML, load, minimal_face, minimal_record, q, the_diagnostic, write
from wegwijzer.records.diagnostics import MAX_PER_FILE, Collector
from wegwijzer.records.schema.framework import Context, list_of, text

R = "voorzieningen/hoeskamer.yaml"
F = "voorzieningen/gezichten/anne.yaml"


def _errors(collector, path=None):
    return [d for d in collector.errors if path is None or d.path == path]


# --- control characters, however they are written ----------------------------------------------

@pytest.mark.parametrize("escape", ["\\0", "\\x01", "\\a", "\\b", "\\e", "\\v", "\\f", "\\r", "\\x1b", "\\x7f",
                                    "\\x85", "\\u009b", "\\ud800", "\\uffff", "\\L", "\\P"])
def test_an_escaped_control_character_is_refused(data_dir, escape):
    write(data_dir, "hoeskamer.yaml", minimal_record(f'aanbieder: "Stichting{escape}Welzijn"\n'))
    dataset, collector = load(data_dir)
    d = the_diagnostic(collector, R)
    # libyaml refuses a lone surrogate itself: then the message is about the backslash alone
    assert d.line == 7 and "backslash" in d.message
    assert "onzichtbaar stuurteken" in d.message or escape == "\\ud800"
    assert dataset.voorzieningen == []


def test_tab_and_newline_escapes_stay_allowed(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record('beschrijving: "Eén\\n\\nTwee\\tdrie"\n'))
    dataset, collector = load(data_dir)
    assert collector.errors == [] and dataset.voorzieningen[0].beschrijving == "Eén\n\nTwee\tdrie"


def test_an_escaped_nul_in_a_photo_name_is_refused(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face('foto: "a\\0.jpg"\n'))
    dataset, collector = load(data_dir)
    assert "onzichtbaar stuurteken (U+0000)" in the_diagnostic(collector, F).message
    assert dataset.gezichten == []


def test_a_control_character_in_a_field_name_is_refused(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record('"naam\\0": x\n'))
    _, collector = load(data_dir)
    assert "onzichtbaar stuurteken" in the_diagnostic(collector, R).message


# --- numbers, lists and messages that grow with the input --------------------------------------

def test_a_number_of_5000_digits_is_an_error_not_a_traceback(tmp_path):
    from wegwijzer.records.levensloop import load_route_pages
    from wegwijzer.records.model import Dataset

    write(tmp_path, "levensloop/kind.yaml", f"titel: Kind\nintro: Je krijgt een kind.\nvolgorde: {'9' * 5000}\n"
                                            "stappen:\n  - voorziening: x\n")
    collector = Collector()
    load_route_pages(tmp_path, Dataset(tmp_path, None, [], []), [], collector, cwd=tmp_path)
    d = [d for d in collector.errors if d.field == "volgorde"][0]
    assert "geen geldig getal" in d.message and d.line == 3 and len(d.message) < 200


class _Counted:
    """A value that counts how often it is compared."""

    comparisons = 0

    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return hash(self.value)

    def __eq__(self, other):
        _Counted.comparisons += 1
        return self.value == other.value


def test_a_list_is_made_unique_without_comparing_every_pair():
    from wegwijzer.records.yamlsafe import Scalar, Sequence

    items = Sequence([Scalar(str(i), 1) for i in range(20_000)] + [Scalar("7", 2)], 1)
    convert = list_of(lambda node, ctx, name: _Counted(node.value))
    _Counted.comparisons = 0
    values = convert(items, Context(Collector(), "x.yaml"), "trefwoorden")
    assert len(values) == 20_000  # the repeated "7" is dropped
    assert _Counted.comparisons < 100  # 80,000 keywords took 472 s when every pair was compared


def test_a_huge_value_is_shortened_in_its_message(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"route: {'x' * 1_000_000}\n").replace("route: samen\n", ""))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, R, "route")
    assert len(d.message) < 300 and "(1.000.000 tekens)" in d.message


def test_at_most_a_thousand_messages_per_file_and_a_summary(data_dir):
    unknown = "".join(f"k{i}: 1\n" for i in range(80_000))  # 100,000 printed 32 MB of messages
    write(data_dir, "hoeskamer.yaml", minimal_record(unknown))
    _, collector = load(data_dir)
    mine = [d for d in collector.sorted() if d.path == R]
    assert len(mine) == MAX_PER_FILE + 1
    assert mine[-1].message.startswith("Er zijn nog 79000 meldingen over dit bestand die hier niet staan")
    assert mine[-1].severity == "error" and mine[-1].line == 1007
    assert all(d.message.startswith("Onbekend veld 'k") for d in mine[:-1])


def test_messages_of_other_files_are_not_cut_by_one_noisy_file(data_dir):
    collector = Collector()
    for i in range(3 * MAX_PER_FILE):
        collector.error("a.yaml", i, "x", "m")
    collector.warning("b.yaml", 1, "y", "n")
    assert len([d for d in collector.diagnostics if d.path == "a.yaml"]) == MAX_PER_FILE + 1
    assert [d.message for d in collector.diagnostics if d.path == "b.yaml"] == ["n"]
    assert collector.sorted()[-1].path == "b.yaml"


# --- addresses -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, words", [
    ("https://www.gemeente.nl:99999/", "Het deel na de naam van de website"),
    ("https://www.gemeente.nl:abc/", "Het deel na de naam van de website"),
    ("https://www.gemeente.nl:0/", "Poort 0 bestaat niet"),
    ("https://iemand@www.gemeente.nl/", "Er staat een @ vóór de naam"),
    ("https://www.gemeente.nl@elders.example/", "Er staat een @ vóór de naam"),
    ("https://www.ge\u200bmeente.nl/", "onzichtbaar teken"),
    ("https://www.gemeente.nl/\u202etxt.exe", "onzichtbaar teken"),
    ("https://www.gemeente.nl/\u00a0x", "onzichtbaar teken"),
    ("https://www.p\u0430ypal.com/", "mengt letters uit verschillende schriften"),
    ("https://xn--pypal-4ve.com/", "mengt letters uit verschillende schriften"),
    ("https://\u0440\u0430\u0443\u0440\u0430\u04cf.com/", "lijkt op gewone letters"),
])
def test_addresses_that_mislead_are_refused(data_dir, value, words):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"contact:\n  website: {q(value)}\n"))
    dataset, collector = load(data_dir)
    assert words in the_diagnostic(collector, R, "contact.website").message
    assert dataset.voorzieningen == []


@pytest.mark.parametrize("value", ["https://www.gemeente.nl:8443/pad", "https://café.example/",
                                   "https://почта.example/", "https://www.gemeente.nl/a@b"])
def test_ordinary_addresses_stay_allowed(data_dir, value):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"contact:\n  website: {q(value)}\n"))
    _, collector = load(data_dir)
    assert collector.errors == []


def test_a_markdown_link_with_a_name_before_the_host_is_not_a_link():
    from wegwijzer.site.safe_markdown import render

    html = render("[De gemeente](https://www.gemeente.nl@elders.example/) en [wel](https://www.gemeente.nl/)")
    assert 'href="https://www.gemeente.nl/"' in html and "elders.example" not in html.split("<a", 2)[1]


# --- silent losses ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kernen", [["Dalveld", "Dalveld!"], ["Sint Odiliënberg", "Sint-Odilienberg"],
                                    [unicodedata.normalize("NFC", "Bünde"), "Bunde"], ["!!", "??"]])
def test_kernen_whose_addresses_collide(data_dir, kernen):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML.replace("kernen: [Amstenrade, Hulsberg]", f"kernen: {kernen}"))
    dataset, collector = load(data_dir)
    d = the_diagnostic(collector, "voorzieningen/gemeente.yaml", "kernen")
    assert "krijgen hetzelfde adres op de site" in d.message and d.line == 2
    assert dataset.gemeente is None


def test_the_same_kern_typed_in_two_unicode_forms_is_one_kern(data_dir):
    composed, decomposed = unicodedata.normalize("NFC", "Bünde"), unicodedata.normalize("NFD", "Bünde")
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML.replace("[Amstenrade, Hulsberg]", f"[{composed}, Hulsberg]"))
    write(data_dir, "hoeskamer.yaml", minimal_record(f"kernen: [{decomposed}]\n"))
    dataset, collector = load(data_dir)
    assert collector.errors == [] and dataset.voorzieningen[0].kernen == (composed,)


@pytest.mark.parametrize("path", ["pagina.yaml", "gezichten/alle-gezichten.yaml"])
def test_file_names_the_site_uses_itself(data_dir, path):
    write(data_dir, path, minimal_face() if "gezichten" in path else minimal_record())
    dataset, collector = load(data_dir)
    d = the_diagnostic(collector, f"voorzieningen/{path}")
    assert "gebruikt de site zelf al" in d.message
    assert dataset.voorzieningen == [] and dataset.gezichten == []


def test_consent_in_the_future_is_refused(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face().replace("toestemming: 2026-03-14", "toestemming: 2999-01-01"))
    dataset, collector = load(data_dir)
    d = the_diagnostic(collector, F, "toestemming")
    assert d.severity == "error" and d.line == 5 and "ligt in de toekomst" in d.message
    assert dataset.gezichten == []


def test_consent_given_today_is_fine(data_dir):
    from builders import TODAY

    write(data_dir, "gezichten/anne.yaml", minimal_face().replace("toestemming: 2026-03-14",
                                                                   f"toestemming: {TODAY.isoformat()}"))
    dataset, collector = load(data_dir)
    assert [d for d in collector.errors] == [] and len(dataset.gezichten) == 1


def test_glossary_terms_are_compared_after_unicode_normalisation(tmp_path):
    from wegwijzer.records.glossary import load_glossary

    nfd = unicodedata.normalize("NFD", "Cliënt")
    path = write(tmp_path, "begrippen.yaml", f"- term: Cliënt\n  uitleg: a\n- term: {nfd}\n  uitleg: b\n"
                                             "- term: CLIËNT\n  uitleg: c\n")
    collector = Collector()
    terms = load_glossary(path, collector, cwd=tmp_path)
    assert len(terms) == 1 and [d.line for d in collector.errors] == [3, 5]


@pytest.mark.parametrize("term", ["amp", "lt", "gt", "quot", "x27", "39", "nbsp"])
def test_glossary_terms_that_are_entity_names_never_break_an_entity(term):
    from wegwijzer.records.glossary import Term
    from wegwijzer.site.glossary import Annotator

    escaped = "<p>Tom &amp; Jerry &lt;3 &gt; &quot;hoi&quot; it&#x27;s &#39;x&#39; a&nbsp;b</p>"
    annotated = Annotator([Term(term, "uitleg")]).annotate(escaped + f"<p>{term}</p>")
    assert annotated.startswith(escaped)  # every entity intact
    assert annotated.endswith(f'<p><abbr title="uitleg">{term}</abbr></p>')


def test_a_duplicate_field_in_front_matter_is_reported_on_its_own_line(tmp_path):
    from wegwijzer.records.articles import load_articles

    write(tmp_path, "artikelen/geld.md", "---\ntitle: Geld\nsamenvatting: a\ntitle: Nog eens\n---\nTekst\n")
    collector = Collector()
    load_articles(tmp_path, collector, cwd=tmp_path)
    d = collector.errors[0]
    assert (d.line, d.message) == (4, "Het veld 'title' staat twee keer in het bestand (ook op regel 2). "
                                      "Houd er één over.")


# --- text and Markdown sizes ----------------------------------------------------------------------

def test_a_description_over_ten_thousand_characters(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record(f"beschrijving: {'woord ' * 2000}\n"))
    _, collector = load(data_dir)
    assert "het maximum is 10.000" in the_diagnostic(collector, R, "beschrijving").message


def test_markdown_problems_in_a_description_name_their_line(data_dir):
    brackets = "[" * 101
    write(data_dir, "hoeskamer.yaml", minimal_record(f"beschrijving: |\n  Eerste alinea.\n\n  {brackets}\n"))
    _, collector = load(data_dir)
    d = the_diagnostic(collector, R, "beschrijving")
    assert d.line == 10 and "101 haken [" in d.message


def test_a_text_field_converter_still_limits_length():
    convert = text(5)
    collector = Collector()
    from wegwijzer.records.yamlsafe import Scalar

    assert convert(Scalar("x" * 6, 3), Context(collector, "a.yaml"), "naam") is not None
    assert collector.errors[0].message == "Deze tekst is 6 tekens; het maximum is 5. Maak hem korter."
