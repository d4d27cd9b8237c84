"""Life events and "Zorgen om een ander" from content/, one front door, complaints and
objections, postcards and the feedback form (issue 13, items 3, 4, 5, 7): checked with file,
line and field, rendered escaped, found by both search backends."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builders import GEMEENTE_YAML, PAYLOAD, check, load, minimal_face, minimal_record, q, the_diagnostic, write
from wegwijzer.errors import WegwijzerError
from wegwijzer.records.checker import check_all
from wegwijzer.search.documents import build_documents
from wegwijzer.site import render_frontdoor
from wegwijzer.site.pages import SiteContext, build_pages
from wegwijzer.site.policy import content_security_policy

EVENT = """
titel: Je krijgt een kind
intro: Je bent zwanger. Er komt veel op je af. Hier zie je wat je kunt regelen.
volgorde: 10
themas: [opvoeden]
doelgroepen: [ouders]
stappen:
  - voorziening: kraamzorg
    uitleg: Meld je aan in de vierde maand.
  - artikel: zwanger
  - voorziening: cjg
"""


def project(tmp_path, event: str = EVENT, gemeente_extra: str = ""):
    """A data folder and a content folder, as a municipality keeps them."""
    data, content = tmp_path / "voorzieningen", tmp_path / "content"
    write(data, "gemeente.yaml", GEMEENTE_YAML + gemeente_extra)
    write(data, "kraamzorg.yaml", minimal_record("aanmelden: Bel.\n").replace("Hoeskamer Amstenrade", "Kraamzorg"))
    write(data, "cjg.yaml", minimal_record().replace("Hoeskamer Amstenrade", "CJG"))
    write(data, "sociaal-team.yaml", minimal_record().replace("Hoeskamer Amstenrade", "Sociaal Team"))
    write(data, "gezichten/anne.yaml", minimal_face("voorziening: sociaal-team\n"))
    write(content, "artikelen/zwanger.md", "---\ntitle: Zwanger, en nu?\nsamenvatting: Wat je regelt.\n---\n\nTekst.\n")
    write(content, "levensloop/kind.yaml", event)
    write(content, "zorgen-om-een-ander.yaml", EVENT.replace("Je krijgt een kind", "Zorgen om een ander")
          .replace("volgorde: 10\n", "let_op: Is er direct gevaar? Bel 112.\n"))
    return data, content


def checked(data, content):
    import os
    here = os.getcwd()
    os.chdir(data.parent)  # paths as the editor sees them
    try:
        return check_all(data, content)
    finally:
        os.chdir(here)


def site(result, **kw) -> dict:
    ctx = SiteContext(result.dataset, list(result.articles), life_events=list(result.life_events),
                      worried=result.worried, **kw)
    return {p.url: p for p in build_pages(ctx)}


# --- life events --------------------------------------------------------------------------------


def test_a_life_event_leads_through_its_steps_in_order(tmp_path):
    result = checked(*project(tmp_path))
    assert not result.collector.errors, [d.format() for d in result.collector.errors]
    assert not [d for d in result.collector.diagnostics if d.path.startswith("content/")]
    [event] = result.life_events
    pages = site(result)
    html = pages["levensloop/kind/"].html()
    steps = re.findall(r'<li class="ww-step">.*?<a href="([^"]+)">([^<]+)</a>', html)
    assert steps == [("../../samen-doen/kraamzorg/", "Kraamzorg"), ("../../artikelen/zwanger/", "Zwanger, en nu?"),
                     ("../../samen-doen/cjg/", "CJG")]
    assert "Meld je aan in de vierde maand." in html
    assert '<span data-pagefind-filter="soort">levensloop</span>' in html and 'data-pagefind-body' in html
    assert '<a href="../levensloop/kind/">Je krijgt een kind</a>' in pages["levensloop/"].html()
    home = pages[""].html()
    assert '<a href="levensloop/kind/">Je krijgt een kind</a>' in home
    assert 'id="h-zorgen"' in home and '<a class="ww-button" href="zorgen-om-een-ander/">Zorgen om een ander' in home
    worried = pages["zorgen-om-een-ander/"].html()
    assert "<strong>Let op:</strong> Is er direct gevaar? Bel 112." in worried


def test_references_are_checked_with_file_line_and_field(tmp_path):
    bad = EVENT.replace("voorziening: kraamzorg", "voorziening: kraamzrg").replace("artikel: zwanger",
                                                                                    "artikel: zwangr")
    bad += "  - voorziening: cjg\n    artikel: zwanger\n"
    result = checked(*project(tmp_path, bad))
    c, path = result.collector, "content/levensloop/kind.yaml"
    record = the_diagnostic(c, path, "stappen.voorziening")
    assert (record.severity, record.line) == ("warning", 7)  # the data folder may be another's: left out
    assert "Er is geen voorziening met id 'kraamzrg'" in record.message and "Bedoel je 'kraamzorg'?" in record.message
    article = the_diagnostic(c, path, "stappen.artikel")
    assert (article.severity, article.line) == ("error", 9) and "Bedoel je 'zwanger'?" in article.message
    both = the_diagnostic(c, path, "stappen")
    assert both.severity == "error" and both.line == 11
    assert result.life_events == ()


def test_a_step_to_a_record_that_is_not_there_is_left_out(tmp_path):
    data, content = project(tmp_path, EVENT.replace("voorziening: cjg", "voorziening: elders"))
    result = checked(data, content)
    assert not result.collector.errors
    html = site(result)["levensloop/kind/"].html()
    assert html.count('<li class="ww-step">') == 2 and "elders" not in html
    only_missing = "titel: Leeg\nintro: Niets hier.\nstappen:\n  - voorziening: weg\n"
    write(content, "levensloop/leeg.yaml", only_missing)
    result = checked(data, content)
    assert [e.slug for e in result.life_events] == ["kind"]
    assert "Geen van de stappen staat op de site" in the_diagnostic(result.collector, "content/levensloop/leeg.yaml",
                                                                     "stappen").message


def test_the_command_line_check_reports_route_pages_too(tmp_path):
    data, content = project(tmp_path, EVENT.replace("volgorde: 10", "volgorde: tien"))
    code, out, _ = check(data, "--content", "content")
    assert code == 1 and "content/levensloop/kind.yaml:3: volgorde: fout: 'tien' is geen geldig getal." in out


@pytest.mark.parametrize("name", ["Kind.yaml", "kind.yml"])
def test_a_file_name_that_cannot_be_an_address_is_refused(tmp_path, name):
    data, content = project(tmp_path)
    write(content, f"levensloop/{name}", EVENT)
    result = checked(data, content)
    assert "de naam wordt het adres van de pagina" in result.collector.errors[0].message


def test_route_pages_escape_every_text(tmp_path):
    data, content = project(tmp_path, f"titel: {q('Titel ' + PAYLOAD[:60])}\nintro: {q('Intro ' + PAYLOAD)}\n"
                                      f"let_op: {q('Let ' + PAYLOAD)}\nstappen:\n  - voorziening: cjg\n"
                                      f"    uitleg: {q('Uitleg ' + PAYLOAD)}\n")
    result = checked(data, content)
    html = site(result)["levensloop/kind/"].html() + site(result)[""].html()
    assert "<script>" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_life_events_are_search_documents(tmp_path):
    result = checked(*project(tmp_path))
    docs = {d["id"]: d for d in build_documents(result.dataset, result.articles, result.life_events, result.worried)}
    event = docs["levensloop-kind"]
    assert event["url"] == "levensloop/kind/" and event["soort"] == "levensloop" and event["themas"] == ["opvoeden"]
    assert event["trefwoorden"] == ["Kraamzorg", "CJG"] and "vierde maand" in event["beschrijving"]
    assert docs["pagina-zorgen-om-een-ander"]["url"] == "zorgen-om-een-ander/"


# --- one front door, complaints, postcards, feedback ----------------------------------------------

LOKET = """
loket:
  naam: Sociaal Team Beekdaelen
  kanalen:
    - soort: telefoon
      telefoon: 14 046
      tijden:
        - dagen: [ma, di]
          van: 8:30
          tot: 17:00
    - soort: binnenlopen
      naam: Gemeentehuis
      adres: Markt 1
      plaats: Nuth
    - soort: huisbezoek
      uitleg: Wij komen bij je thuis.
  gesprek_binnen: 5 werkdagen
  organisaties: [sociaal-team, cjg]
  clientondersteuning: cjg
bezwaar:
  email: bezwaar@gemeente.example
  adres: Postbus 1, 6360 AA Nuth
"""


def test_the_front_door_lists_every_channel_what_happens_next_and_the_faces(tmp_path):
    result = checked(*project(tmp_path, gemeente_extra=LOKET))
    assert not result.collector.errors, [d.format() for d in result.collector.errors]
    html = site(result)["een-loket/"].html()
    channels = re.findall(r'<li class="ww-channel ww-channel--(\w+)">', html)
    assert channels == ["telefoon", "binnenlopen", "huisbezoek"]
    assert 'href="tel:+3114046"' not in html  # 14 046 is dialled as it is
    assert "Markt 1" in html and "Wij komen bij je thuis." in html and "data-hours" in html
    assert "Je krijgt binnen 5 werkdagen een gesprek." in html and "één contactpersoon" in html.lower()
    assert '<a href="../samen-doen/cjg/">Lees meer over CJG</a>' in html  # cliëntondersteuning
    assert "Anne Voorbeeld" in html  # the face of the access organisation sociaal-team
    assert '<a href="../hoe-ging-het/sociaal-team/">Vertel het ons</a>' in html


def test_the_front_door_without_loket_uses_the_municipalitys_contact(tmp_path):
    result = checked(*project(tmp_path))
    html = site(result)["een-loket/"].html()
    assert re.findall(r"ww-channel--(\w+)", html) == ["telefoon", "email"]
    assert '<a href="../hoe-ging-het/gemeente/">' in html  # one postcard, for the municipality


def test_loket_channels_and_references_are_checked(tmp_path):
    broken = LOKET.replace("      telefoon: 14 046\n", "").replace("[sociaal-team, cjg]", "[sociaal-team, cgj]")
    data, _ = project(tmp_path, gemeente_extra=broken)
    _, collector = load(data)
    channel = the_diagnostic(collector, "voorzieningen/gemeente.yaml", "loket.kanalen.telefoon")
    assert channel.line == 12 and channel.message.startswith("Bij soort 'telefoon' hoort 'telefoon: ...'.")
    org = the_diagnostic(collector, "voorzieningen/gemeente.yaml", "loket.organisaties")
    assert org.line == 24 and "Bedoel je 'cjg'?" in org.message


def test_complaints_page_has_complaints_bezwaar_with_its_term_and_where(tmp_path):
    result = checked(*project(tmp_path, gemeente_extra=LOKET))
    html = site(result)["klachten/"].html()
    assert ['klacht', 'bezwaar', 'h-anders'] == re.findall(r'<section aria-labelledby="([^"]+)"', html)
    assert "Je hebt <strong>6 weken</strong> de tijd" in html and "dag na de datum op de brief" in html
    assert 'href="mailto:bezwaar@gemeente.example"' in html and "Postbus 1, 6360 AA Nuth" in html
    # Without klachten: what is true, not a placeholder (the accessibility page shows those).
    assert "[Vul in" not in html and "bel 14 046" in html and "Vraag de gemeente welke ombudsman" in html
    own = checked(*project(tmp_path / "b", gemeente_extra=LOKET.replace("bezwaar:", "bezwaar:\n  termijn: 8 weken")))
    assert "<strong>8 weken</strong>" in site(own)["klachten/"].html()


def test_postcards_have_a_qr_code_to_the_feedback_page_only_with_site_url(tmp_path):
    result = checked(*project(tmp_path, gemeente_extra=LOKET))
    with_url = site(result, site_url="https://wegwijzer.gemeente.example/")
    cards = with_url["postkaart/"].html()
    assert cards.count('<li class="ww-postcard">') == 2
    assert len(re.findall(r'<svg [^>]*role="img" aria-label="QR-code naar Hoe ging het\? voor ', cards)) == 2
    assert "wegwijzer.gemeente.example/hoe-ging-het/sociaal-team/" in cards
    assert {"hoe-ging-het/sociaal-team/", "hoe-ging-het/cjg/"} <= set(with_url)
    without = site(result)["postkaart/"].html()
    assert "<svg" not in without and "site_url" in without


def test_the_feedback_form_opens_an_email_or_posts_to_the_configured_address(tmp_path):
    result = checked(*project(tmp_path, gemeente_extra=LOKET))
    html = site(result)["hoe-ging-het/cjg/"].html()
    assert re.search(r'<form class="ww-feedback" action="mailto:info@gemeente\.example\?subject=[^"]+" '
                     r'method="post" enctype="text/plain" data-ww-mail="info@gemeente\.example"', html)
    assert '<input type="hidden" name="organisatie" value="CJG"' in html
    assert {"gehoord", "volgende_stap", "cijfer", "beter", "contact"} <= set(re.findall(r'name="(\w+)"', html))
    posted = checked(*project(tmp_path / "b", gemeente_extra=LOKET + "terugkoppeling:\n"
                                                                       "  formulier: https://formulier.example/mening\n"))
    form = site(posted)["hoe-ging-het/cjg/"].html()
    assert '<form class="ww-feedback" action="https://formulier.example/mening" method="post">' in form
    assert "data-ww-mail" not in form


def test_the_policy_allows_exactly_the_feedback_forms_address():
    assert "form-action 'self' mailto:;" in content_security_policy({})
    policy = content_security_policy({}, "https://user:pw@Formulier.example:8443/mening?x=1")
    assert "form-action 'self' https://formulier.example:8443;" in policy and "mailto" not in policy
    with pytest.raises(WegwijzerError, match="terugkoppeling.formulier"):
        content_security_policy({}, "https://form'ulier.example/")


def test_front_door_texts_are_escaped(tmp_path):
    evil = LOKET.replace("naam: Sociaal Team Beekdaelen", f"naam: {q('Team ' + PAYLOAD[:90])}").replace(
        "uitleg: Wij komen bij je thuis.", f"uitleg: {q('Thuis ' + PAYLOAD)}")
    result = checked(*project(tmp_path, gemeente_extra=evil))
    pages = site(result, site_url="https://x.example/")
    for url in ("een-loket/", "klachten/", "postkaart/", "hoe-ging-het/cjg/"):
        html = pages[url].html()
        assert "<script>" not in html and "<img src=x" not in html, url


def test_the_organisations_of_the_front_door(tmp_path):
    result = checked(*project(tmp_path, gemeente_extra=LOKET))
    assert [(o.slug, o.naam) for o in render_frontdoor.organisations(result.dataset)] == [
        ("sociaal-team", "Sociaal Team"), ("cjg", "CJG")]


def test_the_demo_content_checks_clean_with_the_demo_data():
    from builders import CONTENT, DEMO_DATA
    result = check_all(DEMO_DATA, CONTENT)
    assert result.ok and len(result.life_events) >= 9 and result.worried is not None
    assert not [d for d in result.collector.warnings if "levensloop" in d.path or "zorgen" in d.path]
    assert Path(CONTENT / "zorgen-om-een-ander.yaml").is_file()
