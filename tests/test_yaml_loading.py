"""YAML as editors write it: every scalar stays text until the schema converts it.

YAML 1.1 would read `0451234567` as an octal number, `10:00` as 600, `no` as false and
`2026-09-01` as a timestamp object. These tests pin the values the editor meant.
"""

from datetime import date

import pytest
import yaml

from builders import load, minimal_face, minimal_record, photo, write
from wegwijzer.records import yamlsafe
from wegwijzer.records.model import Phone
from wegwijzer.records.yamlsafe import Mapping, Scalar, Sequence, YamlProblem, read_mapping

SPEC_RECORD = """\
naam: Hoeskamer Schinveld
samenvatting: Een huiskamer in het dorp. Kom langs voor koffie en een praatje.
route: samen
toegang: vrij
themas: [ontmoeten]
doelgroepen: [ouderen, volwassenen]
kernen: [Hulsberg]
aanbieder: Stichting Welzijn Beekdaelen
beschrijving: |
  Elke dinsdag en donderdag staat de koffie klaar.

  Neem gerust iemand mee.
aanmelden: Gewoon binnenlopen. Aanmelden is niet nodig.
kosten: gratis
kosten_toelichting: Koffie en thee kosten € 0,50.
wet: Wmo
contact:
  telefoon: 0451234567
  whatsapp: 06 12345678
  email: hoeskamer@welzijn.example
  website: https://welzijn.example/hoeskamer
locaties:
  - naam: Gemeenschapshuis De Aod Sjoel
    adres: Kerkstraat 1
    postcode: 6451 AA
    plaats: Schinveld
    lat: 50.9704
    lon: 5.9801
    toegankelijkheid: Drempelvrij, invalidentoilet aanwezig.
openingstijden:
  - dagen: [di, do]
    van: 10:00
    tot: 12:00
    toelichting: Niet in de schoolvakanties.
trefwoorden: [koffie, inloop, eenzaam, praatje]
talen: [nl, no]
status: actief
geldig_tot: 2027-06-30
gecontroleerd: 2026-09-01
"""


@pytest.fixture
def spec_record(data_dir):
    write(data_dir, "hoeskamer-schinveld.yaml", SPEC_RECORD)
    dataset, collector = load(data_dir)
    assert collector.diagnostics == [], [d.format() for d in collector.diagnostics]
    return dataset.voorziening("hoeskamer-schinveld")


def test_the_spec_example_loads_as_the_editor_meant_it(spec_record):
    r = spec_record
    assert (r.naam, r.route, r.toegang, r.kosten, r.wet, r.status) == (
        "Hoeskamer Schinveld", "samen", "vrij", "gratis", "Wmo", "actief")
    assert r.themas == ("ontmoeten",)
    assert r.doelgroepen == ("ouderen", "volwassenen")
    assert r.kernen == ("Hulsberg",)
    assert r.beschrijving == "Elke dinsdag en donderdag staat de koffie klaar.\n\nNeem gerust iemand mee."
    assert r.kosten_toelichting == "Koffie en thee kosten € 0,50."
    assert r.trefwoorden == ("koffie", "inloop", "eenzaam", "praatje")
    location = r.locaties[0]
    assert (location.adres, location.plaats, location.lat, location.lon) == (
        "Kerkstraat 1", "Schinveld", 50.9704, 5.9801)
    assert r.contact.email == "hoeskamer@welzijn.example"
    assert r.contact.website == "https://welzijn.example/hoeskamer"


def test_a_phone_number_with_a_leading_zero_is_not_octal(spec_record):
    assert spec_record.contact.telefoon == Phone("045 123 45 67", "+31451234567")
    assert spec_record.contact.whatsapp == Phone("06 12345678", "+31612345678")


def test_a_postcode_with_a_space(spec_record):
    assert spec_record.locaties[0].postcode == "6451 AA"


def test_times_are_not_sexagesimal(spec_record):
    hours = spec_record.openingstijden[0]
    assert (hours.dagen, hours.van, hours.tot) == (("di", "do"), "10:00", "12:00")
    assert hours.toelichting == "Niet in de schoolvakanties."


def test_no_is_norwegian_not_false(spec_record):
    assert spec_record.talen == ("nl", "no")


def test_dates_are_dates(spec_record):
    assert spec_record.gecontroleerd == date(2026, 9, 1)
    assert spec_record.geldig_tot == date(2027, 6, 30)


def test_yaml_1_1_booleans_nulls_and_numbers_stay_text(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record("""
        aanbieder: yes
        aanmelden: ~
        kosten_toelichting: 1_000
        trefwoorden: [on, off, null, 0x1F, 1e3, .inf]
    """).replace("naam: Hoeskamer Amstenrade", "naam: No"))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    r = dataset.voorziening("hoeskamer")
    assert (r.naam, r.aanbieder, r.aanmelden, r.kosten_toelichting) == ("No", "yes", "~", "1_000")
    assert r.trefwoorden == ("on", "off", "null", "0x1F", "1e3", ".inf")


def test_an_unquoted_mobile_number_in_a_face_card(data_dir):
    write(data_dir, "gezichten/anne.yaml", minimal_face().replace("06 12345678", "0612345678"))
    photo(data_dir / "gezichten" / "anne.jpg")
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.gezichten[0].telefoon == Phone("06 1234 5678", "+31612345678")


def test_a_utf8_bom_is_accepted(data_dir):
    write(data_dir, "hoeskamer.yaml", b"\xef\xbb\xbf" + minimal_record().encode("utf-8"))
    write(data_dir, "gemeente.yaml", b"\xef\xbb\xbf" + (data_dir / "gemeente.yaml").read_bytes())
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.voorziening("hoeskamer").naam == "Hoeskamer Amstenrade"
    assert dataset.gemeente.naam == "Beekdaelen"


def test_windows_line_endings_keep_line_numbers(data_dir):
    text = minimal_record("route: fiets\n").replace("route: samen\n", "")
    write(data_dir, "hoeskamer.yaml", text.replace("\n", "\r\n").encode("utf-8"))
    _, collector = load(data_dir)
    [d] = collector.diagnostics
    assert (d.line, d.field) == (6, "route")


def test_non_ascii_text_is_kept(data_dir):
    write(data_dir, "hoeskamer.yaml", minimal_record().replace(
        "naam: Hoeskamer Amstenrade", "naam: Café ’t Hökske – ôngerwèg"))
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert dataset.voorziening("hoeskamer").naam == "Café ’t Hökske – ôngerwèg"


def test_every_node_keeps_its_line(tmp_path):
    path = write(tmp_path, "r.yaml", """
        naam: Hoeskamer
        contact:
          telefoon: 045 123 45 67
        talen:
          - nl
          - "li"
        beschrijving: |
          Regel een.
    """)
    root = read_mapping(path)
    assert isinstance(root, Mapping)
    assert root.entries["naam"][0] == 1
    contact_line, contact = root.entries["contact"]
    assert (contact_line, contact.line) == (2, 3)
    assert contact.entries["telefoon"] == (3, contact.get("telefoon"))
    assert contact.get("telefoon").line == 3
    talen = root.get("talen")
    assert isinstance(talen, Sequence)
    assert [(item.value, item.line, item.plain) for item in talen.items] == [("nl", 5, True), ("li", 6, False)]
    assert root.get("beschrijving").value == "Regel een.\n"
    assert root.get("beschrijving").plain is False


# The loader has two tree builders: libyaml's composer for ordinary files and an
# iterative event walker for anything that might nest deeply. They must agree.

BUILDERS = [yamlsafe._build_from_composer, yamlsafe._build_from_events]


def _shape(node):
    if isinstance(node, Scalar):
        return ("scalar", node.value, node.line, node.plain)
    if isinstance(node, Sequence):
        return ("seq", node.line, [_shape(item) for item in node.items])
    return ("map", node.line, [(key, line, _shape(value)) for key, (line, value) in node.entries.items()])


def test_both_tree_builders_build_the_same_tree():
    composed, walked = (_shape(build(SPEC_RECORD)) for build in BUILDERS)
    assert composed == walked
    assert composed[0] == "map" and len(composed[2]) == 21


def test_a_long_ordinary_record_uses_the_event_builder_and_still_loads(data_dir):
    many = "".join(f"  - woord{i}\n" for i in range(1200))  # more than 1000 '- ' indicators
    write(data_dir, "hoeskamer.yaml", minimal_record("trefwoorden:\n" + many))
    assert yamlsafe._may_nest_deeper((data_dir / "hoeskamer.yaml").read_text(), yamlsafe._COMPOSER_SAFE_DEPTH)
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert len(dataset.voorziening("hoeskamer").trefwoorden) == 1200


@pytest.mark.parametrize("build", BUILDERS, ids=["composer", "events"])
@pytest.mark.parametrize("text, line, gist", [
    ("naam: a\nroute: b\nnaam: c\n", 3, "Het veld 'naam' staat twee keer in het bestand (ook op regel 1)"),
    ("naam: a\nlijst: &x [a]\nander: *x\n", 2, "Ankers (&) en verwijzingen (*) zijn niet toegestaan"),
    ("naam: a\n[x, y]: b\n", 2, "Een veldnaam moet gewone tekst zijn"),
    ("naam: a\nnaam2: 'b\n", 2, "afsluitend aanhalingsteken"),
    ("naam: a\n---\nnaam: b\n", 2, "meer dan één document"),
    ("a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, 30)), None, "te diep genest"),
])
def test_both_tree_builders_refuse_the_same_things(build, text, line, gist):
    with pytest.raises(YamlProblem) as problem:
        build(text)
    assert gist in problem.value.message
    if line is not None:
        assert problem.value.line == line


# Most files skip the anchor pre-parse: only text where libyaml could see an anchor or
# alias is parsed a second time. The filter may say "maybe" too often, never too seldom.

@pytest.mark.parametrize("text", [
    "a: &x 1\n", "a: [&x 1]\n", '{"a":&x b}\n', "- &a x\n", "? &a x\n: y\n", "key: !!str &a x\n",
    "a: 1\n&a b: c\n", "a: [b,&c d]\n", "a: {b: *c}\n", "a:\t&x 1\n", "&a b: 1\n", "a: *_x\n", "a: &-x 1\n",
])
def test_every_real_anchor_or_alias_passes_the_filter(text):
    events = list(yaml.parse(text, Loader=yaml.CBaseLoader))
    assert any(getattr(e, "anchor", None) or isinstance(e, yaml.AliasEvent) for e in events)
    assert yamlsafe._may_have_anchor(text)
    with pytest.raises(YamlProblem, match="Ankers"):
        yamlsafe._build_tree(text)


@pytest.mark.parametrize("text", [
    "naam: Zorg & Welzijn\n", "beschrijving: |\n  **Let op:** neem alles mee.\n", "kosten: 2*3 euro\n",
    "naam: R&D-team\n", "a: 'x & y'\n",
])
def test_ordinary_ampersands_and_stars_skip_the_second_parse(text):
    assert not yamlsafe._may_have_anchor(text)
    assert isinstance(yamlsafe._build_tree(text), Mapping)


def test_loading_leaves_the_cycle_collector_as_it_was(data_dir):
    import gc
    write(data_dir, "hoeskamer.yaml", minimal_record())
    assert gc.isenabled()
    load(data_dir)
    assert gc.isenabled()
    gc.disable()
    try:
        load(data_dir)
        assert not gc.isenabled()
    finally:
        gc.enable()


# libyaml and pure-Python PyYAML word their errors differently and stop at different
# nesting depths (our own limit, libyaml's, or the input running out may fire first).
# Whichever fires, the editor reads the same Dutch message on the right line.

PARSERS = [pytest.param(None, id="libyaml"), pytest.param(yamlsafe.PURE_PYTHON_LOADER, id="pure-python")]


@pytest.fixture(params=PARSERS)
def parser(request, monkeypatch):
    if request.param is not None:
        monkeypatch.setattr(yamlsafe, "_Loader", request.param)
    return request.param


# A short unclosed list is a syntax error first (tested below); from about 1000 levels
# on, an unclosed one reaches a depth limit before the parser notices it is unclosed.
NESTINGS = [
    pytest.param(depth, opener, closer, closed, id=f"{opener.strip()}x{depth}-{'closed' if closed else 'open'}")
    for depth in (21, 999, 1000, 1001, 5000, 100_000)
    for opener, closer in (("[", "]"), ("{a: ", "}"), ("[{a: ", "}]"))
    for closed in (True, False)
    if closed or depth >= 1000
]


@pytest.mark.parametrize("depth, opener, closer, closed", NESTINGS)
def test_deep_nesting_is_refused_in_dutch_whichever_limit_fires_first(parser, depth, opener, closer, closed):
    nested = opener * depth + "x" + (closer * depth if closed else "")
    text = "naam: Hoeskamer\nsamenvatting: " + nested + "\n"
    with pytest.raises(YamlProblem) as problem:
        yamlsafe.parse_text(text)
    assert problem.value.message == "De gegevens zijn te diep genest."
    assert problem.value.line == 2


# Every kind of syntax error both parsers know, with the line the editor should look at.
SYNTAX_ERRORS = [
    ("naam: @x\n", 1, "teken dat niet mag"),
    ("naam: `x`\n", 1, "teken dat niet mag"),
    ('naam: "Hoeskamer\n', 1, "afsluitend aanhalingsteken"),
    ("naam: !x!y z\n", 1, "uitroepteken"),
    ('naam: "C:\\qtemp"\n', 1, "backslash"),
    ('naam: "\\xZZ"\n', 1, "backslash"),
    ("naam: x\n- a\n", 2, None),
    ("naam: 'x' y\n", 1, None),
    ("%YAML 1.1\n%YAML 1.1\n---\nnaam: x\n", 2, "begint met %"),
    ("%TAG ! a\n%TAG ! b\n---\na: 1\n", 2, "begint met %"),
    ("%YAML 2.0\n---\nnaam: x\n", 1, "begint met %"),
    ("naam: & x\n", 1, "Ankers"),
    ("naam: [a, : ]\n", 1, None),
    ("naam: {a: b\nc: d\n", 1, "niet goed afgesloten"),
    ("naam: |x\n  a\n", 1, "Na | of >"),
    ("a:\n  b: c\n d: e\n", 3, None),
    ("a: |\n    x\n  y\n", 3, None),
    ("? a\n? b\n: c\n: d\n", 4, None),
    ("a" * 1100 + ": b\n", 1, None),
    ("naam: [a, b\n", 1, "niet goed afgesloten"),
    ("naam: Hoeskamer\nroute: samen\n  toegang: vrij\n", 3, None),
]

# Words of the parsers' English messages that must never reach an editor.
_ENGLISH = ("found", "expected", "while", "scanning", "parsing", "character", "token", "stream")


@pytest.mark.parametrize("text, line, gist", SYNTAX_ERRORS)
def test_every_parser_error_is_explained_in_dutch(parser, text, line, gist):
    with pytest.raises(YamlProblem) as problem:
        yamlsafe.parse_text(text)
    message = problem.value.message
    assert not [word for word in _ENGLISH if word in message.lower().split()], message
    assert "YAML (" not in message  # the old fallback quoted the parser's English
    if gist:
        assert gist in message
    assert problem.value.line == line
