"""`wegwijzer rapport`: the editors' to-do list, most urgent first, as text, JSON and an HTML page."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta

from builders import CLI_TIMEOUT, TODAY, minimal_face, minimal_record, write
from wegwijzer.editors.links import LinkResult, save_cache
from wegwijzer.editors.report import build_report


def days_ago(n: int) -> str:
    return (TODAY - timedelta(days=n)).isoformat()


def todo_data(data_dir):
    write(data_dir, "oud.yaml", minimal_record(gecontroleerd=days_ago(500)))
    write(data_dir, "bijna-oud.yaml", minimal_record(gecontroleerd=days_ago(350)))
    write(data_dir, "vers.yaml", minimal_record("aanmelden: Kom langs.\n", gecontroleerd=days_ago(10)))
    write(data_dir, "verlopen.yaml", minimal_record("geldig_tot: " + days_ago(3) + "\n", gecontroleerd=days_ago(10)))
    write(data_dir, "verloopt.yaml", minimal_record("geldig_tot: " + (TODAY + timedelta(days=12)).isoformat() + "\n",
                                                    gecontroleerd=days_ago(10)))
    write(data_dir, "moeilijk.yaml", minimal_record(gecontroleerd=days_ago(10)).replace(
        "Een huiskamer in het dorp. Kom langs voor koffie.",
        "Arbeidsmarktparticipatiebevorderingstraject voor iedereen die wil."))
    write(data_dir, "verwijzing.yaml", minimal_record(gecontroleerd=days_ago(10)).replace(
        "toegang: vrij", "toegang: verwijzing"))
    write(data_dir, "kapotte-link.yaml", minimal_record("contact:\n  website: https://weg.example/pagina\n",
                                                        gecontroleerd=days_ago(10)))
    write(data_dir, "gezichten/zonder-foto.yaml", minimal_face(gecontroleerd=days_ago(10)))
    write(data_dir, "gezichten/zonder-toestemming.yaml",
          minimal_face(gecontroleerd=days_ago(10)).replace("toestemming: 2026-03-14\n", ""))


def by_file(report):
    found = {}
    for item in report.items:
        found.setdefault(item.path.split("/", 1)[1], []).append(item.category)
    return found


def test_every_kind_of_work_is_listed_by_file(data_dir, tmp_path):
    todo_data(data_dir)
    cache = tmp_path / "links.json"
    save_cache(cache, {"https://weg.example/pagina": LinkResult("https://weg.example/pagina", "niet-gevonden", 404,
                                                                checked_at=time.time())})
    report = build_report(data_dir, today=TODAY, cwd=data_dir.parent, link_cache=cache)
    files = by_file(report)
    assert "verouderd" in files["oud.yaml"]
    assert "controle" in files["bijna-oud.yaml"]
    assert "verlopen" in files["verlopen.yaml"]
    assert "verloopt" in files["verloopt.yaml"]
    assert "leesbaarheid" in files["moeilijk.yaml"]
    assert "volgende-stap" in files["verwijzing.yaml"]
    assert "link" in files["kapotte-link.yaml"]
    assert "foto" in files["gezichten/zonder-foto.yaml"]
    assert "toestemming" in files["gezichten/zonder-toestemming.yaml"]
    assert "vers.yaml" not in files  # nothing to do there
    for item in report.items:
        assert item.path.startswith("voorzieningen/") and item.todo.strip()


def test_most_urgent_first(data_dir, tmp_path):
    todo_data(data_dir)
    report = build_report(data_dir, today=TODAY, cwd=data_dir.parent, link_cache=tmp_path / "geen.json")
    urgencies = [item.urgency for item in report.items]
    assert urgencies == sorted(urgencies)
    order = [item.category for item in report.items]
    assert order.index("toestemming") < order.index("verlopen") < order.index("verouderd") < \
        order.index("verloopt") < order.index("controle") < order.index("leesbaarheid") < order.index("volgende-stap")


def test_due_and_expiring_soon_say_by_when(data_dir, tmp_path):
    todo_data(data_dir)
    report = build_report(data_dir, today=TODAY, cwd=data_dir.parent, link_cache=tmp_path / "geen.json")
    due = next(i for i in report.items if i.category == "controle")
    assert (TODAY + timedelta(days=15)).isoformat() in due.todo and due.line == 6
    expiring = next(i for i in report.items if i.category == "verloopt")
    assert (TODAY + timedelta(days=12)).isoformat() in expiring.todo and expiring.field == "geldig_tot"


def test_the_command_writes_text_json_and_an_html_page_outside_the_site(data_dir, tmp_path):
    todo_data(data_dir)
    write(data_dir, "injectie.yaml", minimal_record(gecontroleerd=days_ago(500)).replace(
        "naam: Hoeskamer Amstenrade", 'naam: "<script>alert(1)</script>"'))
    page = tmp_path / "rapport" / "index.html"
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "rapport", "voorzieningen", "--html", str(page)],
                          cwd=data_dir.parent, capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert proc.returncode == 0, proc.stderr
    assert "voorzieningen/gezichten/zonder-toestemming.yaml" in proc.stdout
    first = proc.stdout.splitlines()[0]
    assert first.startswith("voorzieningen/gezichten/zonder-toestemming.yaml:") and "toestemming" in first
    text = page.read_text(encoding="utf-8")
    assert "<h2>Gezicht zonder datum van toestemming" in text and "voorzieningen/oud.yaml" in text
    assert "<script>" not in text
    as_json = subprocess.run([sys.executable, "-m", "wegwijzer", "rapport", "voorzieningen", "--format", "json",
                              "--html", str(page)], cwd=data_dir.parent, capture_output=True, text=True,
                             timeout=CLI_TIMEOUT)
    report = json.loads(as_json.stdout)
    assert report["items"][0]["category"] == "toestemming"
    assert {"path", "line", "field", "todo", "urgency", "heading"} <= set(report["items"][0])


def test_nothing_to_do(data_dir, tmp_path):
    write(data_dir, "vers.yaml", minimal_record("aanmelden: Kom langs.\n", gecontroleerd=days_ago(10)))
    report = build_report(data_dir, today=TODAY, cwd=data_dir.parent, link_cache=tmp_path / "geen.json")
    assert report.items == [] and "Niets te doen" in report.as_text()
