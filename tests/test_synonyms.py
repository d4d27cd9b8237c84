"""The editors' synonyms file: its checks, its expansion and `wegwijzer check`."""

import pytest

from wegwijzer.cli import main
from wegwijzer.diagnostics import Collector
from wegwijzer.search import synonyms
from wegwijzer.search.synonyms import SYNONYMS_FILE, check_synonyms, expand, load_synonyms


def load(tmp_path, text, stop_words=()):
    path = tmp_path / "synoniemen.yaml"
    path.write_text(text, encoding="utf-8")
    groups, collector = load_synonyms(path, stop_words=stop_words, cwd=tmp_path)
    return groups, collector


def test_shipped_file_is_clean():
    collector = Collector()
    groups = check_synonyms(collector)
    assert collector.diagnostics == []
    assert any("schulden" in g for g in groups)


def test_expand_maps_every_word_to_all_others():
    assert expand([["a", "b", "c"], ["x", "y"]]) == {
        "a": ["b", "c"], "b": ["a", "c"], "c": ["a", "b"], "x": ["y"], "y": ["x"]}


def test_block_and_flow_style_and_normalisation(tmp_path):
    groups, collector = load(tmp_path, "groepen:\n  - [Schulden,  Rood   Staan]\n  -\n    - eenzaam\n    - alleen\n")
    assert collector.diagnostics == []
    assert groups == [["schulden", "rood staan"], ["eenzaam", "alleen"]]


@pytest.mark.parametrize("text, line, fragment", [
    ("groepen:\n  - [een twee drie vier, x]\n", 2, "meer dan 3 woorden"),
    ("groepen:\n  - [schulden, geld]\n  - [geld, poen]\n", 3, "andere groep (regel 2)"),
    ("groepen:\n  - [schulden]\n", 2, "minstens twee"),
    ("groepen:\n  - schulden\n", 2, "lijst van woorden"),
    ("groepen: schulden\n", 1, "hoort een lijst"),
    ("groep:\n  - [a, b]\n", 1, "Onbekend veld"),
    ("andere: 1\n", 1, "geen 'groepen:'"),
    ("groepen:\n  - [schulden, de]\n", 2, "stopwoord"),
    ("groepen:\n  - [schulden, <b>]\n", 2, "geen gewoon woord"),
    ("groepen:\n\t- [a, b]\n", 2, ""),
])
def test_problems_name_line_field_and_what_to_do(tmp_path, text, line, fragment):
    _, collector = load(tmp_path, text, stop_words=["de"])
    assert collector.errors, "expected an error"
    matching = [d for d in collector.sorted() if fragment in d.message]
    assert matching, [d.message for d in collector.errors]
    assert matching[0].path == "synoniemen.yaml"
    assert matching[0].line == line


def test_a_word_twice_in_one_group_is_a_warning(tmp_path):
    groups, collector = load(tmp_path, "groepen:\n  - [a, b, a]\n")
    assert not collector.errors and len(collector.warnings) == 1
    assert groups == [["a", "b"]]


def test_wegwijzer_check_reports_synonym_problems_and_fails(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "synoniemen.yaml"
    bad.write_text("groepen:\n  - [schulden]\n", encoding="utf-8")
    monkeypatch.setattr(synonyms, "SYNONYMS_FILE", bad)
    data = tmp_path / "data"
    data.mkdir()
    (data / "gemeente.yaml").write_text(
        "naam: X\nkernen: [A]\ncontact:\n  telefoon: 14 046\nmeldadres: m@x.example\n", encoding="utf-8")
    code = main(["check", str(data)])
    out = capsys.readouterr().out
    assert code == 1
    assert "synoniemen.yaml:2: groepen: fout:" in out
    assert SYNONYMS_FILE.is_file()  # the shipped file is untouched
