"""The front door's pages from templates (een-loket.html, klachten.html, postkaart.html,
reactie.html): every text escaped, every editor's link checked, and a municipality changes one
block of a page from its own folder."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from builders import REPO, build_in_house_style, model_dataset, small_dataset, write
from wegwijzer.records.model import (
    Channel,
    Complaints,
    Contact,
    Dataset,
    Feedback,
    FrontDoor,
    Objection,
    Ombudsman,
    OpeningHours,
    Phone,
)
from wegwijzer.site import render_frontdoor
from wegwijzer.site.escaping import esc
from wegwijzer.site.pages import SiteContext

HOSTILE = "<script>x</script> O'Brien & \"Zn\""
ESCAPED = esc(HOSTILE)


def _hostile_context(site_url: str = "", **gemeente) -> SiteContext:
    """model_dataset() with a front door whose every text (and the names it shows) is ``HOSTILE``."""
    ds = model_dataset()
    phone = Phone(HOSTILE, HOSTILE)
    hours = (OpeningHours(("ma", "di"), "9:00", "12:00", toelichting=HOSTILE),)
    channels = (Channel("telefoon", telefoon=phone, tijden=hours, uitleg=HOSTILE),
                Channel("whatsapp", telefoon=phone), Channel("email", email=HOSTILE),
                Channel("formulier", website="https://formulier.example/?q=" + HOSTILE),
                Channel("binnenlopen", naam=HOSTILE, adres=HOSTILE, postcode=HOSTILE, plaats=HOSTILE),
                Channel("huisbezoek", uitleg=HOSTILE))
    g = replace(ds.gemeente, naam=HOSTILE, meldadres=HOSTILE,
                contact=Contact(telefoon=phone, email=HOSTILE, website="https://gemeente.example/" + HOSTILE),
                loket=FrontDoor(naam=HOSTILE, uitleg=HOSTILE, kanalen=channels, gesprek_binnen=HOSTILE,
                                organisaties=("schuldhulp",), clientondersteuning="hoeskamer-schinveld"),
                klachten=Complaints(uitleg=HOSTILE, website="https://klacht.example/" + HOSTILE, email=HOSTILE,
                                    telefoon=phone, antwoord_binnen=HOSTILE,
                                    ombudsman=Ombudsman(HOSTILE, "https://ombudsman.example/", phone)),
                bezwaar=Objection(uitleg=HOSTILE, website="https://bezwaar.example/" + HOSTILE, email=HOSTILE,
                                  adres=HOSTILE, termijn=HOSTILE),
                terugkoppeling=Feedback(email=HOSTILE))
    g = replace(g, **gemeente)
    records = [replace(v, naam=HOSTILE, contact=Contact(telefoon=phone)) for v in ds.voorzieningen]
    faces = [replace(f, naam=HOSTILE, functie=HOSTILE, organisatie=HOSTILE, bereikbaar=HOSTILE, vragen=(HOSTILE,),
                     email=HOSTILE, telefoon=phone) for f in ds.gezichten]
    return SiteContext(Dataset(ds.root, g, records, faces), [], site_url=site_url)


def _pages(ctx) -> dict:
    [org] = render_frontdoor.organisations(ctx.dataset)
    return {"een-loket/": render_frontdoor.front_door_page(ctx, "een-loket/"),
            "klachten/": render_frontdoor.complaints_page(ctx, "klachten/"),
            "postkaart/": render_frontdoor.postcards_page(ctx, "postkaart/", {}),
            "hoe-ging-het/schuldhulp/": render_frontdoor.feedback_page(org, ctx, "hoe-ging-het/schuldhulp/")}


# At least this many escaped texts on each page: the gemeente's, the channels', the faces'...
SHOWN = {"een-loket/": 20, "klachten/": 10, "postkaart/": 4, "hoe-ging-het/schuldhulp/": 5}


@pytest.mark.parametrize("url", sorted(SHOWN))
def test_every_text_on_a_front_door_page_is_escaped_once(url):
    page = _pages(_hostile_context(site_url="https://wegwijzer.example/"))[url]
    assert "<script>" not in page and HOSTILE not in page
    assert page.count(ESCAPED) >= SHOWN[url], page
    assert esc(ESCAPED) not in page  # not twice either ("Je krijgt binnen … een gesprek." was)


def test_the_front_door_shows_each_way_in_with_the_texts_as_given():
    page = _pages(_hostile_context())["een-loket/"]
    assert re.findall(r'<li class="ww-channel ww-channel--(\w+)">', page) == [
        "telefoon", "whatsapp", "email", "formulier", "binnenlopen", "huisbezoek"]
    assert f'<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">{ESCAPED}</p>' in page
    assert f"<address>{ESCAPED}<br>{ESCAPED}<br>{ESCAPED} {ESCAPED}</address>" in page  # building, street, town
    assert f'<td>9:00 – 12:00 <span class="ww-muted">{ESCAPED}</span></td>' in page
    assert f"<strong>Het gesprek.</strong> Je krijgt binnen {ESCAPED} een gesprek. Dat gesprek" in page
    assert f'<h4 class="ww-face__name"><a href="../gezichtenkaart/anne-voorbeeld/">{ESCAPED}</a></h4>' in page


def test_an_editors_link_is_written_only_when_the_url_check_allows_it():
    refused = "javascript:alert(1)"
    ctx = _hostile_context(contact=Contact(website=refused, email="info@gemeente.example"),
                           loket=FrontDoor(kanalen=(Channel("formulier", website=refused),)),
                           bezwaar=Objection(website=refused), klachten=Complaints(website=refused),
                           terugkoppeling=Feedback(formulier=refused, email="mening@gemeente.example"))
    pages = _pages(ctx)
    assert not [url for url, page in pages.items() if "javascript:" in page]
    assert "Naar het formulier" not in pages["een-loket/"] and "Website van de gemeente" not in pages["een-loket/"]
    assert "Maak bezwaar via de website" not in pages["klachten/"]
    # A form address that is refused: the answers go by e-mail, as without one.
    assert ('<form class="ww-feedback" action="mailto:mening@gemeente.example?subject=Hoe%20ging%20het%3F%20'
            in pages["hoe-ging-het/schuldhulp/"])
    allowed = _pages(_hostile_context(terugkoppeling=Feedback(formulier="https://formulier.example/mening")))
    assert ('<form class="ww-feedback" action="https://formulier.example/mening" method="post">'
            in allowed["hoe-ging-het/schuldhulp/"])
    assert 'class="ww-feedback__mail"' not in allowed["hoe-ging-het/schuldhulp/"]


def test_a_postcard_writes_the_builds_qr_code_as_it_is_and_the_rest_escaped():
    ctx = _hostile_context(site_url="https://wegwijzer.example/")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="QR"><path d="M0 0h1"/></svg>'
    page = render_frontdoor.postcards_page(ctx, "postkaart/", {"schuldhulp": svg})
    assert f'<div class="ww-postcard__qr">{svg}</div>' in page
    assert "<strong>wegwijzer.example/hoe-ging-het/schuldhulp/</strong>" in page
    without = render_frontdoor.postcards_page(replace(ctx, site_url=""), "postkaart/", {})
    assert "<svg" not in without
    assert '<strong><a href="../hoe-ging-het/schuldhulp/">Hoe ging het?</a></strong>' in without


def _municipality_style(tmp_path: Path) -> Path:
    """The repository's build/ plus one changed block in each front-door template."""
    style = tmp_path / "huisstijl"
    shutil.copytree(REPO / "build", style)
    write(style, "wegwijzer/een-loket.html", """
        {% extends "standaard/wegwijzer/een-loket.html" %}
        {% block daarna %}
          <section class="eigen-daarna"><h2>Zo gaat het bij ons in {{ loket.gemeente }}</h2></section>
        {% endblock %}
    """)
    write(style, "wegwijzer/klachten.html", """
        {% extends "standaard/wegwijzer/klachten.html" %}
        {% block anders %}<p class="eigen-anders">Schrijf ons: {{ klachten.meldadres }}</p>{% endblock %}
    """)
    write(style, "wegwijzer/postkaart.html", """
        {% extends "standaard/wegwijzer/postkaart.html" %}
        {% block kaart scoped %}<p class="eigen-kaart">Hoe was het bij {{ kaart.naam }}?</p>{% endblock %}
    """)
    write(style, "wegwijzer/reactie.html", """
        {% extends "standaard/wegwijzer/reactie.html" %}
        {% block intro %}<p class="eigen-intro">Zeg het maar, over {{ reactie.naam }}.</p>{% endblock %}
    """)
    return style


def test_a_municipality_changes_one_block_of_each_front_door_page(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    gemeente = data / "gemeente.yaml"
    gemeente.write_text(gemeente.read_text(encoding="utf-8").replace("naam: Beekdaelen", 'naam: "Beek & Daelen"'),
                        encoding="utf-8")
    site = build_in_house_style(tmp_path, data, _municipality_style(tmp_path))

    def page(url):
        return (site / url / "index.html").read_text(encoding="utf-8")

    loket = page("een-loket")
    assert '<section class="eigen-daarna"><h2>Zo gaat het bij ons in Beek &amp; Daelen</h2></section>' in loket
    assert "Wat gebeurt er als je contact opneemt?" not in loket  # the block replaced...
    assert 'id="h-kanalen"' in loket and 'id="h-wie"' in loket and 'id="h-mening"' in loket  # ...the rest shipped

    klachten = page("klachten")
    assert '<p class="eigen-anders">Schrijf ons: socialekaart@gemeente.example</p>' in klachten
    assert 'id="h-anders"' not in klachten and "Je hebt <strong>6 weken</strong> de tijd" in klachten

    cards = page("postkaart")
    own = '<p class="eigen-kaart">Hoe was het bij de gemeente Beek &amp; Daelen?</p>'
    assert f'<li class="ww-postcard">{own}</li>' in cards
    assert "Voor medewerkers: druk de kaarten af op A6" in cards

    feedback = page("hoe-ging-het/gemeente")
    assert '<p class="eigen-intro">Zeg het maar, over de gemeente Beek &amp; Daelen.</p>' in feedback
    assert "Vertel ons hoe het ging." not in feedback and 'name="gehoord"' in feedback
