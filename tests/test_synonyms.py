"""The editors' synonyms file: its checks, its expansion and `wegwijzer check`."""

import pytest

from builders import PROJECT_SYNONYMS, REPO
from wegwijzer.cli import main
from wegwijzer.records.diagnostics import Collector
from wegwijzer.records.synonyms import DEFAULT_SYNONYMS_FILE, check_synonyms, expand, find_synonyms_file, load_synonyms


def load(tmp_path, text, stop_words=("de",)):
    path = tmp_path / "synoniemen.yaml"
    path.write_text(text, encoding="utf-8")
    groups, collector = load_synonyms(path, stop_words=stop_words, cwd=tmp_path)
    return groups, collector


def test_the_projects_file_is_clean():
    collector = Collector()
    groups = check_synonyms(collector, find_synonyms_file(REPO))
    assert collector.diagnostics == []
    assert any("schulden" in g for g in groups)


def test_a_project_without_a_synonyms_file_has_none(tmp_path):
    assert find_synonyms_file(tmp_path) is None
    assert find_synonyms_file(REPO) == REPO / DEFAULT_SYNONYMS_FILE
    assert find_synonyms_file(tmp_path, "eigen.yaml") == tmp_path / "eigen.yaml"  # named: must exist


def test_a_named_synonyms_file_that_is_missing_is_an_error(tmp_path):
    collector = Collector()
    assert check_synonyms(collector, tmp_path / "weg.yaml", cwd=tmp_path) == []
    assert [(d.path, d.line) for d in collector.errors] == [("weg.yaml", 1)]
    assert "bestaat niet, dus het kan niet worden gelezen" in collector.errors[0].message


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
    ("groepen:\n\t- [a, b]\n", 2, "Er staat een tab"),
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


@pytest.mark.parametrize("named", [False, True], ids=["project-file", "--synonyms"])
def test_wegwijzer_check_reports_synonym_problems_and_fails(tmp_path, monkeypatch, capsys, named):
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / ("eigen.yaml" if named else DEFAULT_SYNONYMS_FILE)
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_text("groepen:\n  - [schulden]\n", encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    (data / "gemeente.yaml").write_text(
        "naam: X\nkernen: [A]\ncontact:\n  telefoon: 14 046\nmeldadres: m@x.example\n", encoding="utf-8")
    code = main(["check", str(data), *(["--synonyms", str(bad)] if named else [])])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{bad.name}:2: groepen: fout:" in out
    assert PROJECT_SYNONYMS.is_file()  # the project's own file is untouched
