"""The search's word lists (search/crisis.yaml, search/woordenboek.yaml): the shipped ones load,
a project's own add to them, and every mistake in a project's file is named with file, line
and field."""

import gzip
import json

import pytest

from wegwijzer.records.diagnostics import Collector
from wegwijzer.records.searchlists import CRISIS_FILE, LEXICON_FILE, SHIPPED, load_search_lists
from wegwijzer.records.vocab import CRISIS_SOORTEN, SEARCH_LANGUAGES


def lists_of(tmp_path, crisis=None, lexicon=None):
    folder = tmp_path / "search"
    folder.mkdir(exist_ok=True)
    if crisis is not None:
        (folder / CRISIS_FILE).write_text(crisis, encoding="utf-8")
    if lexicon is not None:
        (folder / LEXICON_FILE).write_text(lexicon, encoding="utf-8")
    collector = Collector()
    return load_search_lists(folder, collector, cwd=tmp_path), collector


def test_the_shipped_lists_cover_every_kind_and_language():
    lists = load_search_lists(None, Collector())
    kinds = {rule.soort for rule in lists.crisis}
    assert kinds == set(CRISIS_SOORTEN)
    # a resident in crisis may not write Dutch: every search language has rules for suicide and abuse
    for kind in ("zelfdoding", "huiselijk-geweld"):
        assert {rule.taal for rule in lists.crisis if rule.soort == kind} == set(SEARCH_LANGUAGES), kind
    languages = {lang for concept in lists.begrippen for lang, words in concept.woorden if words}
    assert languages >= set(SEARCH_LANGUAGES) - {"nl"}
    assert len(lists.begrippen) >= 100


def test_a_projects_rules_add_to_the_shipped_ones(tmp_path):
    shipped = load_search_lists(None, Collector())
    lists, collector = lists_of(tmp_path, crisis=(
        "groepen:\n  nl:\n    persoon: [zwager]\n"
        "soorten:\n  zelfdoding:\n    nl:\n      - [klaar, ermee]\n"
        "  huiselijk-geweld:\n    nl:\n      - ['@persoon', slaat]\n"))
    assert collector.diagnostics == []
    assert len(lists.crisis) == len(shipped.crisis) + 2
    own = [rule for rule in lists.crisis if rule.bron.startswith("search/")]
    assert [rule.bron for rule in own] == ["search/crisis.yaml:7", "search/crisis.yaml:10"]
    assert own[0].woorden == (("klaar",), ("ermee",)) and not own[0].volgorde
    # the project's group word joins the shipped group of that name
    assert "zwager" in own[1].woorden[0] and "partner" in own[1].woorden[0]


def test_text_rules_keep_their_order_and_gaps(tmp_path):
    lists, collector = lists_of(tmp_path, crisis="soorten:\n  zelfdoding:\n    nl:\n"
                                                 "      - \"wil … dood\"\n      - [slaat, '!bal|tennis']\n")
    assert collector.diagnostics == []
    gap, negative = [rule for rule in lists.crisis if rule.bron.startswith("search/")]
    assert gap.volgorde and gap.woorden == (("wil",), ("dood",)) and gap.tussen == (0, 2)
    assert negative.niet == (("bal", "tennis"),) and negative.woorden == (("slaat",),)


def test_a_projects_concepts_add_to_the_shipped_ones(tmp_path):
    lists, collector = lists_of(tmp_path, lexicon="begrippen:\n  - zoek: [kledingbank]\n"
                                                  "    en: [free clothes]\n    pl: [darmowe ubrania]\n")
    assert collector.diagnostics == []
    own = lists.begrippen[-1]
    assert own.zoek == ("kledingbank",)
    assert dict(own.woorden) == {"en": ("free clothes",), "pl": ("darmowe ubrania",)}
    assert own.bron == "search/woordenboek.yaml:2"


@pytest.mark.parametrize("crisis, line, field, fragment", [
    ("soorten: [\n", 2, "", "Hier ontbreekt een waarde"),
    ("soort:\n  zelfdoding: {}\n", 1, "soort", "Onbekend veld 'soort'"),
    ("soorten:\n  verdriet:\n    nl: [[huilen]]\n", 2, "soorten", "'verdriet' is geen soort nood"),
    ("soorten:\n  zelfdoding:\n    fr: [[mourir]]\n", 3, "soorten.zelfdoding", "'fr' is geen taalcode"),
    ("soorten:\n  zelfdoding:\n    nl:\n      - [dood, '<script>']\n", 4, "soorten.zelfdoding.nl",
     "geen gewoon woord"),
    ("soorten:\n  zelfdoding:\n    nl:\n      - ['@onbekend', dood]\n", 4, "soorten.zelfdoding.nl",
     "geen groep @onbekend"),
    ("soorten:\n  zelfdoding:\n    nl:\n      - [a, b, c, d, e, f, g, h, i]\n", 4, "soorten.zelfdoding.nl",
     "1 tot 8 woorden"),
    ("soorten:\n  zelfdoding:\n    nl:\n      - ['!alleen']\n", 4, "soorten.zelfdoding.nl", "1 tot 8 woorden"),
    ("soorten:\n  zelfdoding:\n    nl:\n      - [dood, [willen]]\n", 4, "soorten.zelfdoding.nl",
     "alleen woorden, geen lijsten"),
    ("soorten:\n  zelfdoding:\n    nl:\n      - {dood: 1}\n", 4, "soorten.zelfdoding.nl", "Een regel is een lijst"),
    ("soorten:\n  zelfdoding:\n    nl: dood\n", 3, "soorten.zelfdoding.nl", "Hier hoort een lijst"),
    ("soorten:\n  zelfdoding: [dood]\n", 2, "soorten.zelfdoding", "per taal de woorden"),
    ("groepen:\n  nl:\n    Persoon: [man]\n", 3, "groepen.nl.Persoon", "geen naam voor een groep"),
    ("nooit:\n  nl: ['dood*']\n", 2, "nooit.nl", "geen gewoon woord"),
])
def test_a_wrong_crisis_file_is_named_with_line_and_field(tmp_path, crisis, line, field, fragment):
    lists, collector = lists_of(tmp_path, crisis=crisis)
    assert [(d.path, d.line, d.field) for d in collector.errors] == [("search/crisis.yaml", line, field)]
    assert fragment in collector.errors[0].message
    assert len(lists.crisis) == len(load_search_lists(None, Collector()).crisis)  # the shipped rules stay


@pytest.mark.parametrize("lexicon, line, field, fragment", [
    ("begrip:\n  - zoek: [a]\n", 1, "begrip", "Onbekend veld 'begrip'"),
    ("begrippen:\n  - schulden\n", 2, "begrippen", "Een begrip heeft velden"),
    ("begrippen:\n  - zoek: [schulden]\n", 2, "begrippen", "Dit begrip is leeg"),
    ("begrippen:\n  - zoek: [schulden]\n    fr: [dette]\n", 3, "begrippen.fr", "'fr' is geen taalcode"),
    ("begrippen:\n  - zoek: [schulden]\n    en: ['debt*']\n", 3, "begrippen.en", "geen gewoon woord"),
    ("begrippen:\n  - zoek: [schulden]\n    en: [i can not pay my bills]\n", 3, "begrippen.en", "meer dan 4 woorden"),
    ("begrippen:\n  - zoek: [a]\n    en: [flat]\n  - zoek: [b]\n    en: [flat]\n", 5, "begrippen.en",
     "staat al bij een ander begrip (search/woordenboek.yaml:3)"),
])
def test_a_wrong_lexicon_is_named_with_line_and_field(tmp_path, lexicon, line, field, fragment):
    _, collector = lists_of(tmp_path, lexicon=lexicon)
    assert [(d.path, d.line, d.field) for d in collector.errors] == [("search/woordenboek.yaml", line, field)]
    assert fragment in collector.errors[0].message


def test_a_word_the_shipped_lexicon_has_is_refused_in_a_projects_own(tmp_path):
    shipped = load_search_lists(None, Collector())
    language, words = next((lang, words) for lang, words in shipped.begrippen[0].woorden if words)
    _, collector = lists_of(tmp_path, lexicon=f"begrippen:\n  - zoek: [iets]\n    {language}: [{words[0]}]\n")
    assert [d.line for d in collector.errors] == [3]
    assert "woordenboek.yaml" in collector.errors[0].message  # where the word already stands


def test_a_broken_shipped_list_is_a_bug_not_an_editors_error(tmp_path, monkeypatch):
    (tmp_path / CRISIS_FILE).write_text("soorten:\n  verdriet: {}\n", encoding="utf-8")
    monkeypatch.setattr("wegwijzer.records.searchlists.SHIPPED", tmp_path)
    with pytest.raises(RuntimeError, match="verdriet"):
        load_search_lists(None, Collector())


def test_the_shipped_table_of_word_forms_is_up_to_date():
    """vormen.json.gz holds the inflected forms of every word in the shipped lists; a word added
    to crisis.yaml without regenerating it (python -m wegwijzer.search.morphology) would match
    only as written, and a new simplemma would make the build ignore the table."""
    from importlib.metadata import version

    from wegwijzer.search import morphology

    with gzip.open(SHIPPED / "vormen.json.gz", "rt", encoding="utf-8") as stored:
        table = json.load(stored)
    assert table["simplemma"] == version("simplemma"), "run: python -m wegwijzer.search.morphology"
    wanted = morphology.words_to_expand(load_search_lists(None, Collector()))
    for part, by_language in wanted.items():
        for language, words in by_language.items():
            assert set(table["vormen"][part][language]) == words, "run python -m wegwijzer.search.morphology"


def test_check_names_a_broken_list_and_the_build_stops_before_writing(project):
    """`wegwijzer check` from the project folder reports the project's search/woordenboek.yaml by file,
    line and field; `wegwijzer build` refuses and the live site stays as it was."""
    import hashlib

    from builders import build, check, project_config, write

    config = project_config(project)
    site = project / "site"
    assert build(project / "voorzieningen", site, config_file=config).ok
    before = {p: hashlib.sha256(p.read_bytes()).digest() for p in site.rglob("*") if p.is_file()}
    write(project, "search/woordenboek.yaml", "begrippen:\n  - zoek: [koffie]\n    xx: [coffee]\n")
    code, out, _ = check(project / "voorzieningen")
    assert code == 1
    assert "search/woordenboek.yaml:3: begrippen.xx: fout: 'xx' is geen taalcode van de zoekfunctie" in out
    failed = build(project / "voorzieningen", site, config_file=config)
    assert failed.code == 1 and "woordenboek.yaml:3" in failed.output
    assert {p: hashlib.sha256(p.read_bytes()).digest() for p in site.rglob("*") if p.is_file()} == before
