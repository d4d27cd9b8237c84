"""Hostile and broken input: a clean diagnostic with file and line, never a crash or a hang.

Every case runs the real CLI in a subprocess with a timeout, next to one valid record,
and asserts: exit code 1, the exact `path:line: field: fout:` line with the gist of the
message, no traceback, and that the valid record was still checked.
"""

import os

import pytest

from builders import RECENT, check, load, minimal_record, write

BILLION_LAUGHS = """\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

RECORD = minimal_record(gecontroleerd=RECENT).encode("utf-8")

# (case id, file name, content, line, field, gist of the message)
CASES = [
    ("alias-bomb", "lol.yaml", BILLION_LAUGHS, 1, "-", "Ankers (&) en verwijzingen (*) zijn niet toegestaan"),
    ("alias-deep-in-file", "lol.yaml", RECORD + b"trefwoorden: &t [a]\ntalen: *t\n", 7, "-", "Ankers (&)"),
    ("over-1-mib", "groot.yaml", b"naam: " + b"x" * (1024 * 1024) + b"\n", 1, "-", "groter dan 1 MiB"),
    ("latin-1", "latin.yaml", b"naam: Hoeskamer\nsamenvatting: Caf\xe9 in het dorp.\n", 2, "-",
     "niet opgeslagen als UTF-8"),
    ("utf-16", "utf16.yaml", "naam: Hoeskamer\n".encode("utf-16"), 1, "-", "niet opgeslagen als UTF-8"),
    ("list-at-top", "lijst.yaml", "- naam: Hoeskamer\n- naam: Inloop\n", 1, "-",
     "Het bestand bevat een lijst, maar moet velden bevatten"),
    ("text-at-top", "tekst.yaml", "Hoeskamer in het dorp\n", 1, "-", "Het bestand bevat losse tekst"),
    ("list-for-contact", "contact.yaml", RECORD + b"contact: [a, b]\n", 7, "contact",
     "Hier horen de velden van het contact"),
    ("mapping-for-locaties", "locatie.yaml", RECORD + b"locaties:\n  naam: Buurthuis\n", 8, "locaties",
     "Hier hoort een lijst"),
    ("list-for-naam", "naam.yaml", RECORD.replace(b"naam: Hoeskamer Amstenrade", b"naam: [a, b]"), 1, "naam",
     "Hier hoort één tekst, maar er staat een lijst"),
    ("empty", "leeg.yaml", b"", 1, "-", "Het bestand is leeg"),
    ("whitespace-only", "leeg.yaml", b"  \n\n   \n", 1, "-", "Het bestand is leeg"),
    ("comment-only", "leeg.yaml", b"# naam: Hoeskamer\n   # nog niet af\n", 1, "-", "Het bestand is leeg"),
    ("document-marker-only", "leeg.yaml", b"---\n", 1, "-", "Het bestand is leeg"),
    ("tab-indent", "tab.yaml", b"naam: Hoeskamer\ncontact:\n\ttelefoon: 045 123 45 67\n", 3, "-",
     "Er staat een tab"),
    ("tab-in-nested-indent", "tab.yaml", b"naam: Hoeskamer\ncontact:\n  email: a@b.nl\n  \twebsite: x\n", 4, "-",
     "Er staat een tab"),
    ("missing-colon", "colon.yaml", b"naam: Hoeskamer\nsamenvatting Een huiskamer.\nroute: samen\n", 2, "-",
     "Er mist een dubbele punt"),
    ("duplicate-key", "dubbel.yaml", RECORD + b"naam: Nog een naam\n", 7, "-",
     "Het veld 'naam' staat twee keer in het bestand (ook op regel 1)"),
    ("duplicate-nested-key", "dubbel.yaml", RECORD + b"contact:\n  email: a@b.nl\n  email: c@d.nl\n", 9, "-",
     "Het veld 'email' staat twee keer"),
    ("unclosed-double-quote", "quote.yaml", b'naam: "Hoeskamer\nroute: samen\ntoegang: vrij\n', 1, "-",
     "Er ontbreekt een afsluitend aanhalingsteken"),
    ("unclosed-single-quote", "quote.yaml", RECORD + b"aanbieder: 't Hoes\n", 7, "-", "afsluitend aanhalingsteken"),
    ("unclosed-flow-list", "flow.yaml", RECORD + b"trefwoorden: [koffie, thee\ntalen: [nl]\n", 7, "-",
     "Een lijst tussen [ ] of { } is niet goed afgesloten"),
    ("100000-brackets", "diep.yaml", b"naam: " + b"[" * 100_000 + b"\n", 1, "-", "te diep genest"),
    ("100000-braces", "diep.yaml", b"naam: " + b"{a: " * 100_000 + b"\n", 1, "-", "te diep genest"),
    ("deep-block-nesting", "diep.yaml", ("a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, 700))).encode(),
     21, "-", "te diep genest"),
    ("nul-byte", "nul.yaml", b"naam: Hoeskamer\nroute: sa\x00men\n", 2, "-", "NUL-teken"),
    ("control-character", "stuur.yaml", RECORD + b"aanbieder: Stichting\x1b Welzijn\n", 7, "-",
     "onzichtbaar stuurteken (U+001B)"),
    ("two-documents", "twee.yaml", RECORD + b"---\nnaam: Tweede\n", 7, "-", "meer dan één document"),
    ("mapping-as-key", "sleutel.yaml", b"{naam: x}: Hoeskamer\n", 1, "-", "Een veldnaam moet gewone tekst zijn"),
    ("ampersand-in-broken-file", "amp.yaml", RECORD + b'aanbieder: "Zorg & Welzijn\n', 7, "-",
     "afsluitend aanhalingsteken"),
    ("star-at-start", "ster.yaml", RECORD + b"aanbieder: *Nieuw* in het dorp\n", 7, "-",
     "zet hem dan tussen aanhalingstekens"),
    ("yml-extension", "hoeskamer.yml", RECORD, 1, "-", "Hernoem het naar hoeskamer.yaml"),
    ("name-with-space", "Hoeskamer Schinveld.yaml", RECORD, 1, "-",
     "Gebruik alleen kleine letters, cijfers en streepjes"),
    ("name-with-capitals", "Hoeskamer.yaml", RECORD, 1, "-", "bijvoorbeeld hoeskamer-schinveld.yaml"),
    ("name-too-long", "a" * 81 + ".yaml", RECORD, 1, "-", "hoogstens 80 tekens"),
    ("bad-face-card", "gezichten/anne.yaml", b"- Anne\n", 1, "-", "Het bestand bevat een lijst"),
]


@pytest.mark.parametrize("name, content, line, field, gist", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_bad_input_gives_a_clean_diagnostic(data_dir, name, content, line, field, gist):
    write(data_dir, "goed.yaml", RECORD)
    write(data_dir, name, content)
    code, out, err = check(data_dir)
    assert "Traceback" not in out + err
    assert err == ""
    assert code == 1
    expected = f"voorzieningen/{name}:{line}: {field}: fout: "
    reported = [ln for ln in out.splitlines() if ln.startswith(expected)]
    assert len(reported) == 1, f"no line starting with {expected!r} in:\n{out}"
    assert gist in reported[0]
    assert "\n" not in reported[0]
    summary = out.splitlines()[-1]
    assert ", 1 voorzieningen," in summary  # the valid record next to it was still checked
    assert "Er zijn fouten" in summary


def test_a_folder_named_like_a_record(data_dir):
    write(data_dir, "goed.yaml", RECORD)
    (data_dir / "x.yaml").mkdir()
    write(data_dir, "x.yaml/binnen.yaml", RECORD)
    code, out, err = check(data_dir)
    assert code == 1 and "Traceback" not in out + err
    assert "voorzieningen/x.yaml:1: -: fout: 'x.yaml' is een map, dus er kan geen record in staan." in out
    assert ", 1 voorzieningen," in out.splitlines()[-1]


def test_a_dangling_link_named_like_a_record(data_dir):
    write(data_dir, "goed.yaml", RECORD)
    (data_dir / "weg.yaml").symlink_to(data_dir / "bestaat-niet.yaml")
    code, out, err = check(data_dir)
    assert code == 1 and "Traceback" not in out + err
    assert ("voorzieningen/weg.yaml:1: -: fout: 'weg.yaml' is een snelkoppeling naar een bestand dat niet bestaat"
            in out)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_does_not_hang_the_run(data_dir):
    write(data_dir, "goed.yaml", RECORD)
    os.mkfifo(data_dir / "pijp.yaml")
    code, out, err = check(data_dir)
    assert code == 1 and "Traceback" not in out + err
    assert "voorzieningen/pijp.yaml:1: -: fout: 'pijp.yaml' is geen gewoon bestand" in out


def test_a_broken_gemeente_yaml_still_checks_the_records(data_dir):
    write(data_dir, "gemeente.yaml", "- Beekdaelen\n")
    write(data_dir, "goed.yaml", RECORD)
    write(data_dir, "fout.yaml", RECORD.replace(b"route: samen", b"route: fiets"))
    code, out, err = check(data_dir)
    assert code == 1 and "Traceback" not in out + err
    assert "voorzieningen/gemeente.yaml:1: -: fout: Het bestand bevat een lijst" in out
    assert "voorzieningen/fout.yaml:3: route: fout: 'fiets' is niet toegestaan als route." in out


def test_a_data_folder_that_does_not_exist(tmp_path):
    code, out, err = check(tmp_path / "bestaat-niet")
    assert code == 2
    assert "Traceback" not in out + err
    assert "De map 'bestaat-niet' bestaat niet" in err


def test_a_file_of_exactly_one_mib_is_read(data_dir):
    text = minimal_record().encode("utf-8")
    padding = 1024 * 1024 - len(text) - len(b"# \n")
    write(data_dir, "hoeskamer.yaml", text + b"# " + b"x" * padding + b"\n")
    assert (data_dir / "hoeskamer.yaml").stat().st_size == 1024 * 1024
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert [r.id for r in dataset.voorzieningen] == ["hoeskamer"]


def test_many_bad_files_at_once_stay_fast(data_dir):
    """One of each defect, twenty times over: one run, every file reported once."""
    names = []
    for copy in range(20):
        for case_id, name, content, *_ in CASES:
            if "/" in name or not name.endswith(".yaml") or name[0].isupper() or len(name) > 85:
                continue
            unique = f"{case_id}-{copy}.yaml"
            write(data_dir, unique, content)
            names.append(unique)
    code, out, err = check(data_dir, timeout=20)
    assert code == 1 and "Traceback" not in out + err
    reported = {ln.split(":", 1)[0] for ln in out.splitlines()[:-1]}
    assert reported == {f"voorzieningen/{name}" for name in names}
