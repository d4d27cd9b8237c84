"""One declaration per field: an optional field added to a table in records/schema/tables.py
reaches the checker, the skeleton, the web editor, the record page and both searches, and
`wegwijzer check` never ends in a traceback when the model class has no attribute for it.

The first test works on a scratch copy of the package with the declaration written into
tables.py, as a developer adds one, and runs the real CLI on it. The others add the field in
process (monkeypatch) to look at the built page and the search documents.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builders import CLI_TIMEOUT, GEMEENTE_YAML, RECENT, REPO, build, minimal_face, minimal_record, write
from wegwijzer.errors import WegwijzerError
from wegwijzer.records.model import Declared
from wegwijzer.records.schema import tables
from wegwijzer.records.schema.framework import Field, SchemaMismatch, build_model, text
from wegwijzer.search.documents import face_document, voorziening_document

PARKING = ('    "parkeren": Field(text(200), label="Parkeren",\n'
           '                      help="Waar kun je de auto of de fiets kwijt?"),\n')
TABLE_START = "VOORZIENING_FIELDS = {\n"


def scratch_package(tmp_path: Path) -> Path:
    """A copy of src/ with the field `parkeren` declared in VOORZIENING_FIELDS, and nothing else."""
    src = tmp_path / "src"
    shutil.copytree(REPO / "src" / "wegwijzer", src / "wegwijzer", ignore=shutil.ignore_patterns("__pycache__"))
    table_file = src / "wegwijzer" / "records" / "schema" / "tables.py"
    source = table_file.read_text(encoding="utf-8")
    assert source.count(TABLE_START) == 1, "tables.py no longer starts VOORZIENING_FIELDS as this test expects"
    table_file.write_text(source.replace(TABLE_START, TABLE_START + PARKING), encoding="utf-8")
    return src


def run(src: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=CLI_TIMEOUT * 3)


def test_a_field_declared_in_a_scratch_copy_is_checked_offered_and_searched(tmp_path):
    src = scratch_package(tmp_path)
    data = tmp_path / "voorzieningen"
    write(data, "gemeente.yaml", GEMEENTE_YAML)
    write(data, "hoeskamer.yaml", minimal_record("parkeren: Fietsen in de stalling naast de kerk.\n",
                                                 gecontroleerd=RECENT))

    checked = run(src, tmp_path, "-m", "wegwijzer", "check", "voorzieningen", "--strict")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr

    # The declaration's converter checks the value: file, line and field in the message.
    write(data, "hoeskamer.yaml", minimal_record("parkeren: [een, lijst]\n", gecontroleerd=RECENT))
    wrong = run(src, tmp_path, "-m", "wegwijzer", "check", "voorzieningen")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert "hoeskamer.yaml:7" in wrong.stdout and "parkeren" in wrong.stdout, wrong.stdout
    # A typo of the new field's name is answered with the new name.
    write(data, "hoeskamer.yaml", minimal_record("parkere: Bij de kerk.\n", gecontroleerd=RECENT))
    typo = run(src, tmp_path, "-m", "wegwijzer", "check", "voorzieningen")
    assert "parkeren" in typo.stdout and typo.returncode == 1, typo.stdout

    made = run(src, tmp_path, "-m", "wegwijzer", "nieuw", "voorziening", "buurtbus", "voorzieningen")
    assert made.returncode == 0, made.stdout + made.stderr
    skeleton = (data / "buurtbus.yaml").read_text(encoding="utf-8")
    assert "parkeren:" in skeleton and "Waar kun je de auto of de fiets kwijt?" in skeleton

    probe = ("import json, sys\n"
             "from wegwijzer.editors.cms import decap_config\n"
             "from wegwijzer.records.dataset import load_dataset\n"
             "from wegwijzer.search.documents import voorziening_document\n"
             "config = decap_config('voorzieningen', ('Amstenrade',), {'name': 'git-gateway'})\n"
             "fields = [c for c in config['collections'] if c['name'] == 'voorzieningen'][0]['fields']\n"
             "dataset, _ = load_dataset(__import__('pathlib').Path('voorzieningen'))\n"
             "record = dataset.voorziening('hoeskamer')\n"
             "print(json.dumps({'editor': [f for f in fields if f['name'] == 'parkeren'],\n"
             "                  'document': voorziening_document(record)}))\n")
    write(data, "hoeskamer.yaml", minimal_record("parkeren: Fietsen in de stalling naast de kerk.\n",
                                                 gecontroleerd=RECENT))
    probed = run(src, tmp_path, "-c", probe)
    assert probed.returncode == 0, probed.stderr
    found = json.loads(probed.stdout)
    assert [f["label"] for f in found["editor"]] == ["Parkeren"]
    assert found["editor"][0]["hint"] == "Waar kun je de auto of de fiets kwijt?"
    assert found["document"]["extra"] == ["Fietsen in de stalling naast de kerk."]


@pytest.fixture
def parking_declared(monkeypatch):
    """The field `parkeren` on voorzieningen and `rolstoel` (yes/no, not searched) on face cards,
    declared in process; the model classes have no attribute for either."""
    from wegwijzer.records.schema.types import flag
    monkeypatch.setitem(tables.VOORZIENING_FIELDS, "parkeren",
                        Field(text(200), label="Parkeren", help="Waar kun je de auto kwijt?"))
    monkeypatch.setitem(tables.VOORZIENING_FIELDS, "intern",
                        Field(text(200), label="Intern", help="Alleen voor de redactie.", shown=False,
                              searched=False))
    monkeypatch.setitem(tables.FACE_FIELDS, "rolstoel",
                        Field(flag, label="Komt ook aan huis met rolstoelbus", help="Ja of nee.", searched=False))


def test_a_declared_field_is_on_the_page_escaped_and_in_the_documents(parking_declared, tmp_path):
    from builders import photo
    data = tmp_path / "voorzieningen"
    write(data, "gemeente.yaml", GEMEENTE_YAML)
    write(data, "hoeskamer.yaml", minimal_record(
        "parkeren: 'Achter de kerk <b>gratis</b> & dichtbij'\nintern: 'Sleutel bij Jan'\n"))
    write(data, "gezichten/anne.yaml", minimal_face("rolstoel: ja\n"))
    photo(data / "gezichten" / "anne.jpg")
    site = tmp_path / "site"
    built = build(data, site)
    assert built.ok, built.output

    record = next(path for path in site.glob("*/hoeskamer/index.html"))
    page = record.read_text(encoding="utf-8")
    assert "<dt data-pagefind-ignore>Parkeren</dt><dd>Achter de kerk &lt;b&gt;gratis&lt;/b&gt; &amp; dichtbij</dd>" \
        in page
    assert "Sleutel bij Jan" not in page and "Intern" not in page
    face_page = (site / "gezichtenkaart" / "anne" / "index.html").read_text(encoding="utf-8")
    assert "Komt ook aan huis met rolstoelbus</dt><dd data-pagefind-ignore>ja</dd>" in face_page

    from wegwijzer.records.dataset import load_dataset
    dataset, _ = load_dataset(data)
    document = voorziening_document(dataset.voorziening("hoeskamer"))
    assert document["extra"] == ["Achter de kerk <b>gratis</b> & dichtbij"]
    assert face_document(dataset.gezichten[0])["extra"] == []  # declared searched=False


def test_records_without_the_new_field_have_nothing_extra(parking_declared, data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record())
    from builders import load
    dataset, collector = load(data_dir)
    assert not collector.errors
    assert voorziening_document(dataset.voorziening("hoeskamer"))["extra"] == []


def test_a_record_with_extra_values_travels_between_processes(parking_declared, data_dir):
    """The loader checks large folders in worker processes and sends the records back (pickle)."""
    import pickle

    from builders import load
    write(data_dir, "hoeskamer.yaml", minimal_record("parkeren: Bij de kerk.\n"))
    write(data_dir, "buurtbus.yaml", minimal_record().replace("Hoeskamer Amstenrade", "Buurtbus"))
    dataset, _ = load(data_dir)
    for record in dataset.voorzieningen:
        copy = pickle.loads(pickle.dumps(record))
        assert copy == record and dict(copy.extra) == dict(record.extra)
    assert dict(dataset.voorziening("hoeskamer").extra) == {"parkeren": "Bij de kerk."}


def test_a_model_that_cannot_keep_a_declared_field_is_a_message_not_a_traceback():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Closed:
        naam: str

    @dataclass(frozen=True)
    class Open(Declared):
        naam: str

    with pytest.raises(SchemaMismatch) as raised:
        build_model(Closed, {"naam": "x", "parkeren": "y"})
    assert isinstance(raised.value, WegwijzerError) and "parkeren" in raised.value.message
    kept = build_model(Open, {"naam": "x", "parkeren": "y"})
    assert kept.naam == "x" and dict(kept.extra) == {"parkeren": "y"}
    assert build_model(Open, {"naam": "x"}).extra == {}
