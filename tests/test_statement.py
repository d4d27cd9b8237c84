"""No placeholder goes live unnoticed, and gemeente.yaml holds the facts the accessibility
statement, the complaints text and security.txt need (optional fields)."""

from __future__ import annotations

import pytest

from builders import GEMEENTE_YAML, RECENT, build, check, load, small_dataset, write
from wegwijzer.records.statement import PLACEHOLDER, accessibility_statement, statement_gaps

FACTS = """\
toegankelijkheid:
  status: voldoet-gedeeltelijk
  onderzocht_op: 2026-10-01
  onderzocht_door: Team Digitaal
  verklaring: https://register.example/verklaring/1
  antwoord_binnen: 5 werkdagen
  bekende_problemen: []
klachten:
  website: https://www.gemeente.example/klacht
  ombudsman:
    naam: Nationale ombudsman
    website: https://ombudsman.example
"""


@pytest.mark.parametrize("written", ["[Vul in: datum]", "[vul in]", "[VUL IN: iets]", "[ Vul  in ]",
                                     "[vul in: telefoon van de gemeente]"])
def test_check_warns_on_a_placeholder_in_content_and_strict_fails(data_dir, written):
    content = data_dir.parent / "content"
    write(content, "toegankelijkheid.md", f"---\ntitle: Toegankelijkheid\n---\n\nEerste regel.\n\nStatus: {written}.\n")
    code, out, _ = check(data_dir, "--content", "content")
    assert code == 0
    assert f"content/toegankelijkheid.md:7: tekst: waarschuwing: Hier staat nog '{written}'" in out
    code, _, _ = check(data_dir, "--content", "content", "--strict")
    assert code == 1


def test_check_warns_on_placeholders_in_records_faces_articles_and_glossary(data_dir):
    small_dataset(data_dir)
    write(data_dir, "extra.yaml", f"""
        naam: Extra
        samenvatting: "[Vul in: samenvatting]"
        route: zelf
        toegang: vrij
        themas: [geld]
        locaties:
          - naam: "Zaal [vul in: naam]"
        gecontroleerd: {RECENT}
    """)
    content = data_dir.parent / "content"
    write(content, "artikelen/tips.md", "---\ntitle: Tips\nsamenvatting: \"[Vul in]\"\n---\n\nTekst.\n")
    write(content, "begrippen.yaml", "- term: Wmo\n  uitleg: \"[VUL IN: uitleg]\"\n")
    write(content, "toegankelijkheid.md", "---\ntitle: Toegankelijkheid\n---\n\nKlaar.\n")
    _, out, _ = check(data_dir, "--content", "content")
    for expected in ("voorzieningen/extra.yaml:2: samenvatting: waarschuwing: Hier staat nog '[Vul in: samenvatting]'",
                     "voorzieningen/extra.yaml:7: locaties.naam: waarschuwing: Hier staat nog '[vul in: naam]'",
                     "content/artikelen/tips.md:3: tekst: waarschuwing: Hier staat nog '[Vul in]'",
                     "content/begrippen.yaml:2: uitleg: waarschuwing: Hier staat nog '[VUL IN: uitleg]'"):
        assert expected in out, out


def test_the_generated_statement_warns_once_per_missing_fact(data_dir):
    dataset, _ = load(data_dir)
    gaps = statement_gaps(dataset.gemeente)
    page_text = " ".join(" ".join((b.text, *b.items)) for b in accessibility_statement(dataset.gemeente))
    assert len(gaps) == len(PLACEHOLDER.findall(page_text)) == 7
    (data_dir.parent / "content").mkdir()
    code, out, _ = check(data_dir, "--content", "content", "--strict")
    warned = [line for line in out.splitlines() if "De pagina Toegankelijkheid toont nu" in line]
    assert len(warned) == 7 and code == 1
    assert {line.split(": ")[1] for line in warned} == {field for field, _ in gaps}
    assert all(line.startswith("voorzieningen/gemeente.yaml:") for line in warned)


def test_gemeente_facts_fill_every_placeholder(data_dir):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML + FACTS)
    dataset, collector = load(data_dir)
    assert collector.diagnostics == []
    assert statement_gaps(dataset.gemeente) == []
    (data_dir.parent / "content").mkdir()
    code, out, _ = check(data_dir, "--content", "content", "--strict")
    assert code == 0, out


def test_an_own_statement_page_replaces_the_generated_one(data_dir):
    write(data_dir.parent / "content", "toegankelijkheid.md", "---\ntitle: Toegankelijkheid\n---\n\nEigen tekst.\n")
    code, out, _ = check(data_dir, "--content", "content", "--strict")
    assert code == 0, out


@pytest.mark.parametrize("extra, field, line, gist", [
    ("toegankelijkheid:\n  status: goed\n", "toegankelijkheid.status", 9, "'goed' is niet toegestaan als status"),
    ("toegankelijkheid:\n  verklaring: javascript:alert(1)\n", "toegankelijkheid.verklaring", 9,
     "geen geldig webadres"),
    ("toegankelijkheid:\n  onderzocht_op: 1 oktober\n", "toegankelijkheid.onderzocht_op", 9, "geen geldige datum"),
    ("toegankelijkheid:\n  bekende_problemen: geen\n", "toegankelijkheid.bekende_problemen", 9,
     "Hier hoort een lijst"),
    ("klachten:\n  website: '//evil.example'\n", "klachten.website", 9, "geen geldig webadres"),
    ("klachten:\n  ombudsman:\n    website: https://o.example\n", "klachten.ombudsman.naam", 10,
     "Het verplichte veld 'naam' ontbreekt"),
    ("klachten:\n  telefon: 14 046\n", "klachten.telefon", 9, "Bedoel je 'telefoon'?"),
    ("beveiliging:\n  email: security@gemeente.example\n", "beveiliging.verloopt", 9, "verloopt:"),
    ("beveiliging:\n  verloopt: 2027-01-01\n", "beveiliging.email", 9, "Geef een e-mailadres of een webadres"),
    ("beveiliging:\n  website: 'jav&#x61;script:x'\n  verloopt: 2027-01-01\n", "beveiliging.website", 9,
     "geen geldig webadres"),
])
def test_bad_gemeente_facts_are_errors_with_file_line_and_field(data_dir, extra, field, line, gist):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML + extra)
    _, collector = load(data_dir)
    found = [d for d in collector.errors if d.field == field]
    assert len(found) == 1, [d.format() for d in collector.diagnostics]
    assert found[0].path == "voorzieningen/gemeente.yaml" and found[0].line == line
    assert gist in found[0].message


@pytest.mark.parametrize("expires, warned", [("2026-11-01", "is verlopen"), ("2026-12-10", "verloopt over 17 dagen"),
                                             ("2028-06-01", "meer dan een jaar"), ("2027-06-01", None)])
def test_security_txt_expiry_is_watched(data_dir, expires, warned):
    write(data_dir, "gemeente.yaml", GEMEENTE_YAML + f"beveiliging:\n  email: s@gemeente.example\n"
                                                      f"  verloopt: {expires}\n")
    _, collector = load(data_dir)  # today is builders.TODAY, 2026-11-23
    messages = [d.message for d in collector.warnings if d.field == "beveiliging.verloopt"]
    assert (messages == []) if warned is None else (len(messages) == 1 and warned in messages[0])


def test_the_built_site_has_security_txt_and_a_statement_without_placeholders(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    write(data, "gemeente.yaml", GEMEENTE_YAML + FACTS + "beveiliging:\n  email: security@gemeente.example\n"
          "  beleid: https://www.gemeente.example/melden\n  talen: [nl, en]\n  verloopt: 2099-01-01\n")
    result = build(data, tmp_path / "site")
    assert result.ok, result.output
    text = (tmp_path / "site" / ".well-known" / "security.txt").read_text(encoding="utf-8")
    assert text == ("Contact: mailto:security@gemeente.example\nExpires: 2099-01-01T00:00:00Z\n"
                    "Policy: https://www.gemeente.example/melden\nPreferred-Languages: nl, en\n"
                    # mkdocs.yml has a site_url (the posters' QR codes need the public address)
                    "Canonical: https://wegwijzer.dalveld.example/.well-known/security.txt\n")
    page = (tmp_path / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    assert not PLACEHOLDER.search(page)
    assert "Deze website voldoet voor een deel aan de norm." in page
    assert 'href="https://register.example/verklaring/1" rel="noopener nofollow"' in page


def test_without_a_security_block_there_is_no_security_txt(tmp_path):
    result = build(small_dataset(tmp_path / "voorzieningen"), tmp_path / "site")
    assert result.ok, result.output
    assert not (tmp_path / "site" / ".well-known").exists()
