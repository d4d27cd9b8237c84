"""The shared text helpers (wegwijzer.text), and what is written once stays written once.

- ``nearest`` ("Bedoel je ...?") gives exactly difflib's answer, found with RapidFuzz;
- Dutch dates, and a location as on an envelope or in one line;
- the month names, the labels of a search hit's kind, a location in one line and the list
  of every theme each have one home in the code (issue 20: they were written 2 to 5 times).
"""

from __future__ import annotations

import ast
import difflib
import re
from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import REPO
from wegwijzer.text import Choices, address_lines, dutch_date, location_line, month_year, nearest

PACKAGE = REPO / "src" / "wegwijzer"


def difflib_nearest(value: str, options, cutoff: float = 0.6):
    """The old implementation, word for word: difflib against every option."""
    by_lower = {}
    for option in options:
        by_lower.setdefault(option.lower(), option)
    match = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=cutoff)
    return by_lower[match[0]] if match else None


# --- nearest: the same answers as difflib ---------------------------------------------------

TABLE = [
    ("hulsbreg", ["Amstenrade", "Hulsberg"], "Hulsberg"),
    ("zzz", ["Amstenrade", "Hulsberg"], None),
    ("telefon", ["naam", "telefoon", "website", "email"], "telefoon"),
    ("schuldhulp-beek", ["schuldhulp-beek-1", "schuldhulp-geleen", "schuldhulp-beek"], "schuldhulp-beek"),
    ("abcd", ["abce", "abdc"], "abdc"),  # a tie: difflib keeps the larger option
    ("ab", ["AB", "ab"], "AB"),  # the first spelling of one lowered option
    ("", ["", "a"], ""),
    ("", ["a"], None),
    ("x", [], None),
    ("x" * 201, ["x" * 201], None),  # a huge value is no typo
]


@pytest.mark.parametrize("value, options, expected", TABLE)
def test_nearest_in_a_table(value, options, expected):
    assert nearest(value, options) == expected
    if len(value) <= 200:
        assert difflib_nearest(value, options) == expected


# Few letters, so that near misses, ties and case variants are common.
_word = st.text(alphabet="abcdeAB-", max_size=9)


@settings(max_examples=3000, deadline=None)
@given(_word, st.lists(_word, max_size=15), st.sampled_from([0.0, 0.3, 0.5, 0.6, 0.75, 0.9, 1.0]))
def test_nearest_is_difflib_on_random_strings(value, options, cutoff):
    assert nearest(value, options, cutoff) == difflib_nearest(value, options, cutoff)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30), st.lists(st.text(max_size=30), max_size=8))
def test_nearest_is_difflib_on_any_text(value, options):
    assert nearest(value, options) == difflib_nearest(value, options)


@settings(max_examples=500, deadline=None)
@given(_word, st.frozensets(_word, max_size=15))
def test_a_set_or_prepared_choices_answer_as_its_sorted_options(value, options):
    expected = difflib_nearest(value, sorted(options))
    assert nearest(value, options) == expected
    assert nearest(value, Choices(options)) == expected
    assert nearest(value, set(options)) == expected


def test_a_frozenset_is_prepared_once_for_many_lookups():
    from wegwijzer import text

    text._prepared.cache_clear()
    ids = frozenset(f"record-{i}" for i in range(2000))
    for typo in ("record-1x", "recrd-20", "rekord-300"):
        assert nearest(typo, ids) == difflib_nearest(typo, sorted(ids))
    assert (text._prepared.cache_info().misses, text._prepared.cache_info().hits) == (1, 2)
    text._prepared.cache_clear()


def test_a_cutoff_outside_zero_to_one_is_refused_as_difflib_does():
    with pytest.raises(ValueError):
        nearest("a", ["a"], cutoff=1.5)


# --- dates and places -----------------------------------------------------------------------

def test_dutch_dates_and_months():
    assert dutch_date(date(2026, 11, 3)) == "3 november 2026"
    assert month_year(date(2026, 3, 31)) == "maart 2026"
    assert [dutch_date(date(2026, m, 1)).split()[1] for m in range(1, 13)] == [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december"]


def _place(naam=None, adres=None, postcode=None, plaats=None):
    return SimpleNamespace(naam=naam, adres=adres, postcode=postcode, plaats=plaats)


@pytest.mark.parametrize("place, lines, line", [
    (_place("Hoeskamer", "Markt 1", "6191 AB", "Beek"), ["Markt 1", "6191 AB Beek"],
     "Hoeskamer, Markt 1, 6191 AB Beek"),
    (_place(adres="Markt 1", plaats="Beek"), ["Markt 1", "Beek"], "Markt 1, Beek"),
    (_place("Hoeskamer", plaats="Beek"), ["Beek"], "Hoeskamer, Beek"),
    (_place("Hoeskamer", postcode="6191 AB"), ["6191 AB"], "Hoeskamer, 6191 AB"),
    (_place(), [], ""),
])
def test_a_location_as_on_an_envelope_and_in_one_line(place, lines, line):
    assert address_lines(place) == lines
    assert location_line(place) == line


# --- written once -----------------------------------------------------------------------------

def _sources(*suffixes):
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in suffixes:
            yield path, path.read_text(encoding="utf-8")


def _shown(path):
    return str(path.relative_to(PACKAGE))


def test_the_month_names_are_written_only_in_text_py():
    found = {_shown(p) for p, source in _sources(".py", ".js", ".html", ".yaml") if "januari" in source.lower()}
    assert found == {"text.py"}, "use wegwijzer.text.MONTHS, dutch_date or month_year"


def test_the_labels_of_a_search_hits_kind_are_declared_only_in_vocab():
    # A mapping from a kind of hit to its label ("gezicht": "..."), or a label itself, elsewhere.
    again = re.compile(r"""["']gezicht["']\s*:\s*["']|Persoon om te bellen|["']Levensgebeurtenis["']""")
    found = {_shown(p) for p, source in _sources(".py", ".js", ".html") if again.search(source)}
    assert found == {"records/vocab.py"}, "use records.vocab.SOORTEN"


def test_the_search_page_labels_every_kind_of_search_document():
    from wegwijzer.records.vocab import SOORTEN
    from wegwijzer.search import documents

    assert set(SOORTEN) == {"voorziening", "gezicht", "artikel", "levensloop", "pagina"}
    assert documents._head("gezicht", "x", "u/", "N")["soort"] == "gezicht"
    assert SOORTEN["gezicht"] == "Persoon om te bellen"  # the page's label (render.search_data), not the document's


def test_a_location_is_put_in_one_line_only_in_text_py():
    # Joining a location's parts by hand: use text.address_lines or text.location_line.
    joined = re.compile(r"join\(.*\.(adres|postcode|plaats)\b")
    found = [f"{_shown(p)}:{n}" for p, source in _sources(".py") if p.name != "text.py"
             for n, line in enumerate(source.splitlines(), 1) if joined.search(line)]
    assert not found, found


def test_the_list_of_every_theme_is_made_once():
    # Every theme's address is made in one of these (site pages link through them).
    allowed = {("site/render_parts.py", "theme_links"), ("site/render_parts.py", "theme_link_items"),
               ("site/pages.py", "build_pages"), ("urls.py", "theme_url")}
    found = set()
    for path, source in _sources(".py"):
        for function in ast.walk(ast.parse(source)):
            if isinstance(function, ast.FunctionDef):
                for node in ast.walk(function):
                    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "theme_url"
                            or isinstance(node, ast.Attribute) and node.attr == "items"
                            and isinstance(node.value, ast.Name) and node.value.id == "THEMAS"):
                        found.add((_shown(path), function.name))
    assert found <= allowed, found - allowed
    assert ("site/render_parts.py", "theme_links") in found
