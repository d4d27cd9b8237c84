"""The web editor's configuration is made from the schema, and its file format keeps every
value as the checker reads it. The format's own JavaScript (wegwijzer-cms.js, with js-yaml
from admin/node_modules) runs in Node here on every file of the demo data."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from builders import DEMO_DATA, REPO, check, load
from wegwijzer.editors.cms import decap_config, widget
from wegwijzer.editors.walk import find_values
from wegwijzer.records.schema import tables
from wegwijzer.records.schema.framework import Field, choice, list_of, record, shape_of
from wegwijzer.records.schema.types import date_value, flag, time_value

KERNEN = ("Amstenrade", "Hulsberg")
CONFIG = decap_config("voorzieningen", KERNEN, {"name": "gitlab", "repo": "gemeente/kaart"},
                      content_folder="content", articles=("grip-op-je-geld",), worried_page=True)
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}
NODE_MODULES = REPO / "admin" / "node_modules"


def _flat(fields, prefix=""):
    for f in fields:
        yield prefix + f["name"], f
        yield from _flat(f.get("fields", []), prefix + f["name"] + ".")


def _schema(table, prefix=""):
    for name, field, _ in _schema_required(table, prefix):
        yield name, field


def _schema_required(table, prefix="", within_optional=False):
    """(name, field, required in the form): a field inside an optional group (wachttijd: tekst)
    is optional in the form, or Decap would refuse every record without that group; an item of
    a list (an opening time) has its own required fields."""
    for key, field in table.items():
        yield prefix + key, field, field.required and not within_optional
        shape = shape_of(field.convert)
        listed = shape.kind == "list" and shape.item
        shape = shape.item if listed else shape
        if shape.kind == "record":
            optional = False if listed else (within_optional or not field.required)
            yield from _schema_required(shape.fields, prefix + key + ".", optional)


@pytest.mark.parametrize("collection,table", [("voorzieningen", tables.VOORZIENING_FIELDS),
                                              ("gezichten", tables.FACE_FIELDS),
                                              ("levensloop", tables.LIFE_EVENT_FIELDS)])
def test_every_schema_field_is_in_the_editor_with_label_help_and_required(collection, table):
    form = dict(_flat(COLLECTIONS[collection]["fields"]))
    for name, field, required in _schema_required(table):
        assert name in form, f"{name} is missing from the web editor"
        assert form[name]["label"] == field.label and form[name]["hint"] == field.help
        assert form[name]["required"] is required, name


def test_an_optional_group_does_not_block_a_save_but_its_fields_are_in_the_form():
    form = dict(_flat(COLLECTIONS["voorzieningen"]["fields"]))
    assert tables.WAITING_FIELDS["tekst"].required and form["wachttijd.tekst"]["required"] is False
    assert form["openingstijden.dagen"]["required"] is True  # each opening time still needs its days
    gemeente = dict(_flat(COLLECTIONS["gemeente"]["files"][0]["fields"]))
    assert gemeente["klachten.ombudsman.naam"]["required"] is False
    assert gemeente["loket.kanalen.soort"]["required"] is True  # each channel still needs its kind


def test_inside_an_optional_group_the_form_requires_nothing_the_check_does():
    """Decap checks a nested field's `required` even when its optional group is left empty:
    a record without a waiting time could then not be saved. The check still requires both
    parts of a waiting time once it is filled in."""
    form = dict(_flat(COLLECTIONS["voorzieningen"]["fields"]))
    assert form["wachttijd"]["required"] is False
    assert form["wachttijd.tekst"]["required"] is False and tables.WAITING_FIELDS["tekst"].required
    assert form["openingstijden.van"]["required"] is True  # list items exist only once added


def test_gemeente_yaml_has_its_own_page_and_kernen_are_choices():
    page = COLLECTIONS["gemeente"]["files"][0]
    assert page["file"] == "voorzieningen/gemeente.yaml"
    kernen = dict(_flat(COLLECTIONS["voorzieningen"]["fields"]))["kernen"]
    assert kernen["widget"] == "select" and kernen["multiple"] is True
    assert [o["value"] for o in kernen["options"]] == list(KERNEN)


def test_vocabularies_are_choice_lists_and_nested_records_are_lists_of_objects():
    form = dict(_flat(COLLECTIONS["voorzieningen"]["fields"]))
    assert [o["value"] for o in form["route"]["options"]] == ["zelf", "samen", "laten"]
    assert form["themas"]["min"] == 1
    assert form["openingstijden"]["widget"] == "list" and form["openingstijden.dagen"]["multiple"] is True
    assert form["locaties"]["widget"] == "list" and form["contact"]["widget"] == "object"
    assert COLLECTIONS["gezichten"]["media_folder"] == ""  # the photo sits next to the card
    face = dict(_flat(COLLECTIONS["gezichten"]["fields"]))
    assert face["foto"]["widget"] == "wegwijzer-foto" and "{naam}" in face["foto"]["not_a_photo"]
    assert face["voorziening"]["widget"] == "relation"


def test_a_new_optional_field_needs_only_a_label_and_help():
    """What other engineers will add (spreekuren, wachttijd, verwijzen, ...) is handled generically."""
    spreekuur = record({"dag": Field(choice({"ma": "maandag", "di": "dinsdag"}, "dag"), required=True,
                                     label="Dag", help="Welke dag?"),
                        "van": Field(time_value, required=True, label="Van", help="Vanaf hoe laat?")},
                       dict, "een spreekuur")
    new = {
        "spreekuren": Field(list_of(spreekuur, allow_single=False), label="Spreekuren", help="Wanneer?"),
        "wachttijd_sinds": Field(date_value, label="Wachttijd gemeten", help="Wanneer?"),
        "verwijzen": Field(flag, label="Verwijzen", help="Ja of nee?"),
    }
    made = {key: widget(key, field, KERNEN) for key, field in new.items()}
    assert made["spreekuren"]["widget"] == "list"
    assert [f["name"] for f in made["spreekuren"]["fields"]] == ["dag", "van"]
    assert made["spreekuren"]["fields"][0]["widget"] == "select"
    assert made["spreekuren"]["fields"][1]["pattern"][1].startswith("Dit is geen geldige tijd.")
    assert made["wachttijd_sinds"]["required"] is False and "jaar-maand-dag" in made["wachttijd_sinds"]["pattern"][1]
    assert [o["value"] for o in made["verwijzen"]["options"]] == ["ja", "nee"]


def _patterns(fields, found=None):
    found = {} if found is None else found
    for f in fields:
        if "pattern" in f:
            found.setdefault(f["pattern"][0], f["pattern"][1])
        _patterns(f.get("fields", []), found)
        if "field" in f:
            _patterns([f["field"]], found)
    return found


def _node(script: str, payload) -> object:
    done = subprocess.run(["node", "-e", script], input=json.dumps(payload), capture_output=True, text=True,
                          timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_patterns_accept_every_value_the_checker_accepts_in_python_and_javascript():
    """Each pattern accepts every value of its kind in the demo data, in both regex engines."""
    kinds = {"phone": "phone", "url": "url", "email": "email", "postcode": "postcode", "date": "date",
             "time": "time", "coordinate": "coordinate", "language": "language"}
    values = find_values(DEMO_DATA, kinds, cwd=REPO)
    shapes = {}
    for table in (tables.VOORZIENING_FIELDS, tables.FACE_FIELDS, tables.GEMEENTE_FIELDS):
        for _, field in _schema(table):
            shape = shape_of(field.convert)
            shape = shape.item if shape.kind == "list" and shape.item else shape
            if shape.pattern:
                shapes[shape.kind] = shape
    cases = [(shapes[v.kind].pattern, v.value, True) for v in values if v.kind in shapes]
    cases += [(shapes["phone"].pattern, "12345", False), (shapes["url"].pattern, "www.zonder-https", False),
              (shapes["time"].pattern, "25:00", False), (shapes["date"].pattern, "1-9-2026", False)]
    assert len({c[0] for c in cases}) >= 7 and len(cases) > 100
    for pattern, value, expected in cases:
        assert bool(re.search(pattern, value)) is expected, (pattern, value)
    script = ("let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const c=JSON.parse(s);"
              "console.log(JSON.stringify(c.map(([p,v])=>new RegExp(p).test(v))))})")
    assert _node(script, cases) == [expected for _, _, expected in cases]


ROUND_TRIP = r"""
const fs = require('fs'), path = require('path'), vm = require('vm');
const modules = process.argv[1], assets = process.argv[2];
let formats = {};
const window = {
  jsyaml: require(path.join(modules, 'js-yaml')),
  h: () => null, createClass: (spec) => spec,
  CMS: {registerCustomFormat: (name, ext, f) => { formats[name] = f; }, registerWidget: () => {},
        getLocale: () => null, registerLocale: () => {}, init: () => {}},
};
vm.runInNewContext(fs.readFileSync(path.join(assets, 'wegwijzer-cms.js'), 'utf8'), {window, document: {}});
const format = formats['wegwijzer-yaml'];
let s = ''; process.stdin.on('data', d => s += d).on('end', () => {
  const out = {};
  for (const [name, text] of Object.entries(JSON.parse(s))) {
    const data = format.fromFile(text);
    out[name] = {data, saved: format.toFile(data, [])};
  }
  console.log(JSON.stringify(out));
});
"""


def _round_trip(files: dict) -> dict:
    done = subprocess.run(["node", "-e", ROUND_TRIP, str(NODE_MODULES), str(REPO / "src" / "wegwijzer" / "site" /
                                                                             "assets" / "admin")],
                          input=json.dumps(files), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_editor_format_saves_every_demo_file_so_that_the_checker_reads_the_same(tmp_path):
    copy = tmp_path / "voorzieningen"
    shutil.copytree(DEMO_DATA, copy)
    texts = {str(p.relative_to(copy)): p.read_text(encoding="utf-8") for p in copy.rglob("*.yaml")}
    result = _round_trip(texts)
    for name, entry in result.items():
        assert all(isinstance(v, (str, list, dict)) for v in entry["data"].values())  # nothing became a number
        (copy / name).write_text(entry["saved"], encoding="utf-8")
    assert texts != {n: e["saved"] for n, e in result.items()}  # it did rewrite them (comments, quoting)
    before, _ = load(DEMO_DATA)
    after, collector = load(copy)
    assert collector.errors == []

    def strip(items):  # where the file is does not matter; what it says does
        return [{k: v for k, v in vars(i).items() if k not in ("source", "foto")} for i in items]

    assert strip(after.voorzieningen) == strip(before.voorzieningen)
    assert strip(after.gezichten) == strip(before.gezichten)
    assert after.gemeente == before.gemeente


def test_yaml_1_1_pitfalls_survive_and_empty_fields_are_left_out():
    text = ("naam: Test\ntelefoon: 0451234567\nvan: 9.00\ntot: 10:00\ntalen: [no, nl]\ndemo: no\n"
            "gecontroleerd: 2026-09-01\nlat: 50.970\n")
    entry = _round_trip({"x.yaml": text})["x.yaml"]
    data = entry["data"]
    assert data["telefoon"] == "0451234567" and data["van"] == "9.00" and data["tot"] == "10:00"
    assert data["talen"] == ["no", "nl"] and data["demo"] == "no" and data["lat"] == "50.970"
    saved = entry["saved"]
    assert 'telefoon: "0451234567"' in saved and 'van: "9.00"' in saved and '- "no"' in saved
    assert "_wegwijzer" not in saved
    empty = _round_trip({"y.yaml": 'naam: Test\naanbieder: ""\ncontact:\n  email: ""\ntrefwoorden: []\n'})["y.yaml"]
    assert empty["saved"] == "naam: Test\n"


def test_the_round_trip_passes_the_command_line_check(tmp_path):
    copy = tmp_path / "voorzieningen"
    shutil.copytree(DEMO_DATA, copy)
    texts = {str(p.relative_to(copy)): p.read_text(encoding="utf-8") for p in copy.rglob("*.yaml")}
    for name, entry in _round_trip(texts).items():
        Path(copy / name).write_text(entry["saved"], encoding="utf-8")
    code, out, _ = check(copy, "--content", str(REPO / "content"))
    assert " 0 fouten" in out, out


def test_route_pages_are_collections_in_the_content_folder():
    events = COLLECTIONS["levensloop"]
    assert events["folder"] == "content/levensloop" and events["format"] == "wegwijzer-yaml"
    assert COLLECTIONS["zorgen-om-een-ander"]["files"][0]["file"] == "content/zorgen-om-een-ander.yaml"
    steps = dict(_flat(events["fields"]))
    assert steps["stappen.voorziening"]["widget"] == "relation"
    assert [o["value"] for o in steps["stappen.artikel"]["options"]] == ["grip-op-je-geld"]
    assert "pattern" in steps["volgorde"] and steps["stappen"]["min"] == 1
    without = decap_config("voorzieningen", KERNEN, {"name": "gitlab", "repo": "g/k"}, content_folder="content")
    assert [c["name"] for c in without["collections"]][-1] == "levensloop"  # no single file to edit


def test_the_editor_format_saves_the_route_pages_so_that_the_checker_reads_the_same(tmp_path):
    from builders import CONTENT
    from wegwijzer.records.checker import check_all

    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    files = [p for p in copy.rglob("*.yaml") if p.name != "begrippen.yaml"]
    texts = {str(p.relative_to(copy)): p.read_text(encoding="utf-8") for p in files}
    assert len(texts) >= 10
    for name, entry in _round_trip(texts).items():
        (copy / name).write_text(entry["saved"], encoding="utf-8")
    before, after = check_all(DEMO_DATA, CONTENT), check_all(DEMO_DATA, copy)
    assert after.ok and not [d for d in after.collector.diagnostics if "content" in d.path]

    def strip(pages):
        return [{k: v for k, v in vars(p).items() if k != "path"} for p in pages]

    assert strip(after.life_events) == strip(before.life_events) and strip([after.worried]) == strip([before.worried])
