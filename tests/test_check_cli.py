"""`wegwijzer check`: output lines, summary, --strict, --format json and exit codes."""

import json
import re
import subprocess
import sys
from pathlib import Path

from builders import CLI_TIMEOUT, RECENT, TODAY, check, minimal_face, minimal_record, write

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<field>[\w.-]+): (?P<kind>fout|waarschuwing): (?P<message>.+)$")


def clean(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record(gecontroleerd=RECENT))


def with_warning(data_dir):
    """A valid record whose toegang needs an 'aanmelden' it does not have: a warning only."""
    record = minimal_record(gecontroleerd=RECENT).replace("toegang: vrij", "toegang: verwijzing")
    write(data_dir, "verwijzing.yaml", record)


def with_error(data_dir):
    write(data_dir, "fout.yaml", minimal_record(gecontroleerd=RECENT).replace("route: samen", "route: fiets"))


def test_a_clean_folder_exits_0(data_dir):
    clean(data_dir)
    code, out, err = check(data_dir)
    assert (code, err) == (0, "")
    assert out == "2 bestanden, 1 voorzieningen, 0 gezichten, 0 fouten, 0 waarschuwingen. Alles in orde.\n"


def test_warnings_only_exit_0(data_dir):
    clean(data_dir)
    with_warning(data_dir)
    code, out, _ = check(data_dir)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("voorzieningen/verwijzing.yaml:4: aanmelden: waarschuwing: Bij toegang 'verwijzing'")
    assert lines[-1] == ("3 bestanden, 2 voorzieningen, 0 gezichten, 0 fouten, 1 waarschuwingen. "
                         "Geen fouten, wel waarschuwingen: de site kan worden gebouwd.")


def test_strict_turns_warnings_into_exit_1(data_dir):
    clean(data_dir)
    with_warning(data_dir)
    code, out, _ = check(data_dir, "--strict")
    assert code == 1
    assert "1 waarschuwingen" in out.splitlines()[-1]


def test_strict_on_a_clean_folder_exits_0(data_dir):
    clean(data_dir)
    assert check(data_dir, "--strict")[0] == 0


def test_errors_exit_1(data_dir):
    clean(data_dir)
    with_error(data_dir)
    code, out, _ = check(data_dir)
    assert code == 1
    assert "voorzieningen/fout.yaml:3: route: fout: 'fiets' is niet toegestaan als route." in out
    assert out.splitlines()[-1].endswith("Er zijn fouten: de site wordt niet gebouwd tot ze zijn opgelost.")


def test_every_output_line_names_path_line_field_and_kind(data_dir):
    clean(data_dir)
    with_warning(data_dir)
    with_error(data_dir)
    write(data_dir, "kapot.yaml", "naam: Hoeskamer\n\tfoo: 1\n")
    write(data_dir, "gezichten/anne.yaml", minimal_face(gecontroleerd=RECENT))  # no photo: a warning
    _, out, _ = check(data_dir)
    *diagnostics, summary = out.splitlines()
    parsed = [LINE.match(line) for line in diagnostics]
    assert all(parsed), diagnostics
    assert [(m["path"], int(m["line"]), m["field"], m["kind"]) for m in parsed] == [
        ("voorzieningen/fout.yaml", 3, "route", "fout"),
        ("voorzieningen/gezichten/anne.yaml", 1, "foto", "waarschuwing"),
        ("voorzieningen/kapot.yaml", 2, "-", "fout"),
        ("voorzieningen/verwijzing.yaml", 4, "aanmelden", "waarschuwing"),
    ]
    assert summary.startswith("6 bestanden, 2 voorzieningen, 1 gezichten, 2 fouten, 2 waarschuwingen.")


def test_all_errors_of_a_file_are_reported_in_line_order(data_dir):
    write(data_dir, "hoeskamer.yaml", f"""
        naam: Hoeskamer
        samenvatting: Koffie en een praatje.
        route: fiets
        toegang: vrijj
        themas: [ontmoeten, sport]
        contact:
          telefoon: 12
          email: nee
          website: www.example.nl
        gecontroleerd: {RECENT}
        kosten: duur
    """)
    code, out, _ = check(data_dir)
    assert code == 1
    lines = [LINE.match(line) for line in out.splitlines()[:-1]]
    assert [(int(m["line"]), m["field"]) for m in lines] == [
        (3, "route"), (4, "toegang"), (5, "themas"), (7, "contact.telefoon"), (8, "contact.email"),
        (9, "contact.website"), (11, "kosten"),
    ]
    assert "7 fouten" in out.splitlines()[-1]


def test_json_output(data_dir):
    clean(data_dir)
    with_warning(data_dir)
    with_error(data_dir)
    code, out, err = check(data_dir, "--format", "json")
    assert (code, err) == (1, "")
    report = json.loads(out)
    assert {k: report[k] for k in ("files", "records", "published", "faces", "errors", "warnings")} == {
        "files": 4, "records": 2, "published": 2, "faces": 0, "errors": 1, "warnings": 1}
    assert report["diagnostics"] == [
        {"path": "voorzieningen/fout.yaml", "line": 3, "field": "route", "severity": "error",
         "message": "'fiets' is niet toegestaan als route. Kies uit: zelf, samen, laten."},
        {"path": "voorzieningen/verwijzing.yaml", "line": 4, "field": "aanmelden", "severity": "warning",
         "message": report["diagnostics"][1]["message"]},
    ]
    assert report["diagnostics"][1]["message"].startswith("Bij toegang 'verwijzing'")


def test_json_output_with_strict(data_dir):
    clean(data_dir)
    with_warning(data_dir)
    code, out, _ = check(data_dir, "--format", "json", "--strict")
    assert code == 1
    assert json.loads(out)["warnings"] == 1


def test_json_keeps_non_ascii_readable(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("kosten: één euro\n", gecontroleerd=RECENT))
    _, out, _ = check(data_dir, "--format", "json")
    assert "'één euro' is niet toegestaan" in out
    assert json.loads(out)["diagnostics"][0]["message"].startswith("'één euro'")


def test_the_default_data_folder_is_voorzieningen(data_dir):
    with_error(data_dir)
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "check"], cwd=data_dir.parent,
                          capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert proc.returncode == 1
    assert "voorzieningen/fout.yaml:3: route: fout:" in proc.stdout


def test_the_installed_command(data_dir):
    clean(data_dir)
    wegwijzer = Path(sys.executable).with_name("wegwijzer")  # the console script next to this Python
    proc = subprocess.run([str(wegwijzer), "check", "voorzieningen"], cwd=data_dir.parent,
                          capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.endswith("Alles in orde.\n")


def test_an_unknown_option_exits_2(data_dir):
    code, _, err = check(data_dir, "--format", "xml")
    assert code == 2
    assert "invalid choice" in err


PARALLEL_VS_SERIAL = """
import json, sys, threading
from datetime import date
from pathlib import Path
from wegwijzer.records import dataset as module

def run():
    dataset, collector = module.load_dataset(Path(sys.argv[1]), today=date(2026, 11, 23), cwd=Path(sys.argv[2]))
    return ([r.id for r in dataset.voorzieningen], [f.id for f in dataset.gezichten],
            [d.format() for d in collector.sorted()], dataset.files_read)

assert threading.active_count() == 1  # otherwise the loader stays in one process
parallel = run()
module.PARALLEL_FROM = 10**9
print(json.dumps({"parallel": parallel, "serial": run()}))
"""


def test_a_large_folder_reports_the_same_in_parallel_as_in_one_process(tmp_path, synthetic):
    """From 2 * PARALLEL_FROM records the loader uses both cores; the report must not change.
    Runs in a fresh process: the loader forks only when no other thread is running."""
    from wegwijzer.records.dataset import PARALLEL_FROM
    folder = tmp_path / "voorzieningen"
    written = synthetic.write_dataset(folder, 2 * PARALLEL_FROM, 5, seed=3, today=TODAY)
    broken = written.record_ids[::150]
    for record_id in broken:  # one error in a few files spread over the folder
        path = folder / f"{record_id}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("route: ", "route: x"), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", PARALLEL_VS_SERIAL, str(folder), str(tmp_path)],
                          capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    runs = json.loads(proc.stdout)
    assert runs["parallel"] == runs["serial"]
    ids, _, diagnostics, _ = runs["parallel"]
    assert [line.split(":")[0] for line in diagnostics if ": fout: " in line] == [
        f"voorzieningen/{record_id}.yaml" for record_id in sorted(broken)]
    assert len(ids) == len(written.record_ids) - len(broken)


# --- the same report in this process (records/checker.py), field by field -------------------------


def _report(data_dir, content=None, synonyms=None, monkeypatch=None):
    from wegwijzer.records.checker import check_all
    monkeypatch.chdir(data_dir.parent)  # paths as an editor sees them
    return check_all(data_dir, content, synonyms)


def test_the_report_counts_everything_it_read(data_dir, monkeypatch):
    clean(data_dir)
    with_error(data_dir)
    write(data_dir, "verlopen.yaml", minimal_record("geldig_tot: 2020-01-01\n", gecontroleerd=RECENT)
          .replace("Hoeskamer Amstenrade", "Oud"))
    write(data_dir, "gezichten/anne.yaml", minimal_face(gecontroleerd=RECENT))
    content = data_dir.parent / "content"
    write(content, "begrippen.yaml", "- term: Wmo\n  uitleg: Een wet.\n")
    write(content, "artikelen/geld.md", "---\ntitle: Geld\nsamenvatting: Zo.\n---\nTekst.\n")
    write(content, "toegankelijkheid.md", "# Toegankelijkheid\n\nOns eigen verhaal.\n")
    result = _report(data_dir, content, None, monkeypatch)
    # the record with an error is no record (yet); the expired one is, but not published
    assert result.summary() == {"files": 5, "records": 2, "published": 1, "faces": 1, "articles": 1, "errors": 1,
                                "warnings": len(result.collector.warnings)}
    assert [t.term for t in result.terms] == ["Wmo"] and [a.title for a in result.articles] == ["Geld"]
    assert not result.ok and not result.passes() and not result.passes(strict=True)
    last = result.as_text().splitlines()[-1]
    assert last == (f"5 bestanden, 2 voorzieningen, 1 gezichten, 1 fouten, {len(result.collector.warnings)} "
                    "waarschuwingen. Er zijn fouten: de site wordt niet gebouwd tot ze zijn opgelost.")
    assert result.as_text().splitlines()[:-1] == [d.format() for d in result.collector.sorted()]
    payload = json.loads(result.as_json())
    assert {k: v for k, v in payload.items() if k != "diagnostics"} == result.summary()
    assert payload["diagnostics"] == [d.as_dict() for d in result.collector.sorted()]
    assert {"path": "voorzieningen/fout.yaml", "line": 3, "field": "route", "severity": "error"}.items() <= \
        payload["diagnostics"][0].items()


def test_the_verdicts_of_the_report(data_dir, monkeypatch):
    clean(data_dir)
    result = _report(data_dir, None, None, monkeypatch)
    assert result.ok and result.passes() and result.passes(strict=True)
    assert result.as_text() == "2 bestanden, 1 voorzieningen, 0 gezichten, 0 fouten, 0 waarschuwingen. Alles in orde."
    with_warning(data_dir)
    result = _report(data_dir, None, None, monkeypatch)
    assert result.ok and result.passes() and not result.passes(strict=True)
    assert result.as_text().endswith("1 waarschuwingen. Geen fouten, wel waarschuwingen: de site kan worden gebouwd.")


def test_without_its_own_statement_the_report_names_each_missing_accessibility_fact(data_dir, monkeypatch):
    clean(data_dir)
    content = data_dir.parent / "content"
    content.mkdir()
    result = _report(data_dir, content, None, monkeypatch)
    gaps = [d for d in result.collector.warnings if d.path == "voorzieningen/gemeente.yaml"]
    assert {d.field for d in gaps} == {"toegankelijkheid.status", "toegankelijkheid.onderzocht_op",
                                        "toegankelijkheid.onderzocht_door", "toegankelijkheid.bekende_problemen",
                                        "toegankelijkheid.antwoord_binnen", "toegankelijkheid.verklaring", "klachten"}
    assert all(d.line == 1 and "De pagina Toegankelijkheid toont nu '" in d.message
               and f"Vul '{d.field}' in gemeente.yaml in" in d.message for d in gaps)
    # Its own page: no such warnings; no content folder (check without --content): none either.
    write(content, "toegankelijkheid.md", "# Toegankelijkheid\n")
    assert not [d for d in _report(data_dir, content, None, monkeypatch).collector.warnings
                if d.path == "voorzieningen/gemeente.yaml"]
    assert not _report(data_dir, None, None, monkeypatch).collector.warnings
    assert not _report(data_dir, data_dir.parent / "bestaat-niet", None, monkeypatch).collector.warnings


def test_the_line_of_a_missing_fact_is_where_its_group_starts(data_dir, monkeypatch):
    (data_dir / "gemeente.yaml").write_text((data_dir / "gemeente.yaml").read_text(encoding="utf-8")
                                            + "toegankelijkheid:\n  status: voldoet\n", encoding="utf-8")
    clean(data_dir)
    content = data_dir.parent / "content"
    content.mkdir()
    gaps = [d for d in _report(data_dir, content, None, monkeypatch).collector.warnings
            if d.field.startswith("toegankelijkheid.")]
    assert gaps and {d.line for d in gaps} == {8}, [(d.field, d.line) for d in gaps]


def test_a_data_folder_without_gemeente_yaml_gets_no_statement_warnings(tmp_path, monkeypatch):
    from wegwijzer.records.checker import warn_statement_gaps
    from wegwijzer.records.diagnostics import Collector
    folder = tmp_path / "voorzieningen"
    write(folder, "hoeskamer.yaml", minimal_record(gecontroleerd=RECENT))
    result = _report(folder, None, None, monkeypatch)
    collector = Collector()
    warn_statement_gaps(result.dataset, collector)
    assert collector.diagnostics == []


def test_synonym_problems_are_in_the_same_report(data_dir, monkeypatch):
    clean(data_dir)
    synonyms = write(data_dir.parent, "synoniemen.yaml", "groepen:\n  - [schulden]\n")
    result = _report(data_dir, None, synonyms, monkeypatch)
    assert [(d.path, d.line) for d in result.collector.errors] == [("synoniemen.yaml", 2)]
