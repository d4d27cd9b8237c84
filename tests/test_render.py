"""The HTML of each generated page: what a resident reads, in order, and where each link goes.

The pages are read back with Python's HTML parser: the table below holds, per page, the
text chunks in reading order (joined with " | ") and every link as (address, link text).
A change to a label, a heading, a link or the order of sections fails here; when such a
change is meant, the table changes with it (it doubles as a review of the page's words).
The data is made from the model classes, with every optional field of a record filled.
A record page's text ends with its print-only poster and the JSON the lijstje reads
(#ww-item); a face page's with that JSON: both are part of what the page says.
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

import fragments
from builders import model_dataset
from wegwijzer.records.articles import Article
from wegwijzer.records.glossary import Term
from wegwijzer.records.model import Contact, OpeningHours, Phone, WaitingTime
from wegwijzer.search.fields import pagefind_weight
from wegwijzer.site import render, render_parts
from wegwijzer.site.pages import SiteContext
from wegwijzer.site.photos import PhotoSet


class Reading(HTMLParser):
    """Text chunks in reading order, every link, and every start tag with its attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts, self.links, self.tags, self._link = [], [], [], None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "a":
            self._link = [attrs.get("href"), ""]
            self.links.append(self._link)

    def handle_endtag(self, tag):
        if tag == "a":
            self._link = None

    def handle_data(self, data):
        if data.strip():
            self.texts.append(" ".join(data.split()))
        if self._link is not None:
            self._link[1] += data

    def result(self):
        return " | ".join(self.texts), [(href, " ".join(text.split())) for href, text in self.links]

    def attrs_of(self, tag, **match):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in match.items())]


def context():
    dataset = model_dataset()
    hoeskamer, schuldhulp = dataset.voorzieningen
    hoeskamer = dataclasses.replace(
        hoeskamer, status="tijdelijk-gesloten", aanmelden="Loop binnen.",
        wachttijd=WaitingTime("Geen.", date(2026, 11, 2)),
        contact=Contact(telefoon=Phone("045 123 45 67", "+31451234567"), whatsapp=Phone("06 12345678", "+31612345678"),
                        email="info@hoes.example", website="https://hoes.example/"),
        kosten="gratis", kosten_toelichting="Koffie kost niets.",
        openingstijden=(OpeningHours(("di", "do"), "10:00", "12:00", "Niet in de zomer."),),
        talen=("nl", "li"), wet="Wmo", trefwoorden=("koffie", "eenzaam"))
    gemeente = dataclasses.replace(dataset.gemeente, marktplaats="https://voorelkaar.example",
                                   contact=Contact(telefoon=Phone("14 046", "14046"), email="info@gemeente.example",
                                                   website="https://www.gemeente.example"))
    dataset = dataclasses.replace(dataset, gemeente=gemeente, voorzieningen=[hoeskamer, schuldhulp])
    articles = [Article("grip-op-geld", "Grip op je geld", "Zo begin je.", ("geld",), "Tekst.")]
    terms = [Term("Wmo", "Een wet.", "Wet maatschappelijke ondersteuning"), Term("CJG", "Centrum.")]
    return SiteContext(dataset, articles=articles, terms=terms, built=date(2026, 11, 23),
                       site_url="https://sociaalkaart.example/")


def rendered(name: str) -> str:
    ctx = context()
    full, minimal = ctx.dataset.voorzieningen
    face = ctx.dataset.gezichten[0]
    return {
        "full record": lambda: render.record_page(full, ctx, "samen-doen/hoeskamer-schinveld/"),
        "minimal record": lambda: render.record_page(minimal, ctx, "laten-doen/schuldhulp/"),
        "face page": lambda: render.face_page(face, ctx, "gezichtenkaart/anne-voorbeeld/"),
        "gezichtenkaart": lambda: render.gezichtenkaart_page(ctx, "gezichtenkaart/", ctx.built),
        "home": lambda: render.home_page(ctx),
        "route samen": lambda: render.route_extra("samen", ctx, "samen-doen/"),
        "route zelf": lambda: render.route_extra("zelf", ctx, "zelf-doen/"),
        "route laten": lambda: render.route_extra("laten", ctx, "laten-doen/"),
        "glossary": lambda: render.glossary_page(ctx.terms, "begrippen/"),
        "article": lambda: render.article_page(ctx.articles[0], "artikelen/grip-op-geld/", "<p>Tekst.</p>"),
        "listing": lambda: render.listing_page("Ouderen", "Intro.", [full], "doelgroep/ouderen/", "doelgroep/ouderen/",
                                               1, 1, 1),
        "articles": lambda: render.articles_page(ctx, "artikelen/"),
    }[name]()


WHAT_A_RESIDENT_READS = {
    'full record': (
        'Hoeskamer Schinveld | voorziening | samen | vrij | ontmoeten | ouderen | schinveld | voorziening | '
        'vrij | samen | tijdelijk-gesloten | 045 123 45 67 | +31451234567 | Geen. (nagevraagd in november '
        '2026) | Tijdelijk gesloten. | Deze voorziening is nu dicht. Bel of mail om te vragen wanneer ze weer '
        'open is. | Een huiskamer in het dorp. | Door | Stichting Welzijn | Bewaar | Hoeskamer Schinveld op '
        'je lijstje | Print als poster | Hoe kom je hier terecht? | Vrij toegankelijk | Je kunt zo '
        'binnenlopen of bellen. | Zo begin je: | Loop binnen. | Wachttijd: | Geen. | (nagevraagd op 2 '
        'november 2026) | Contact | Bel 045 123 45 67 | WhatsApp 06 12345678 | Mail info@hoes.example | '
        'Website | van Hoeskamer Schinveld | Kosten | Gratis | Koffie kost niets. | Meer informatie | Elke | '
        'dinsdag | koffie. Zie | de website | . <b>raw</b> | Waar en wanneer | Zonder coördinaten | Schinveld '
        '| De Aod Sjoel | Kerkstraat 1 | 6451 AA Schinveld | Routebeschrijving | naar De Aod Sjoel | Andere '
        'tijden | Tijden | dinsdag, donderdag | 10:00 – 12:00 | Niet in de zomer. | Voor wie en waar | Route '
        "| Samen doen | Thema's | Ontmoeten en meedoen | Voor wie | Ouderen | Waar in de gemeente | Schinveld "
        '| Talen | Nederlands, Limburgs | Wet | Wmo (Wet maatschappelijke ondersteuning) | Zoekwoorden: | '
        'koffie, eenzaam | Gecontroleerd op | 1 september 2026 | . | Klopt er iets niet? Laat het ons weten | '
        'Gemeente Beekdaelen | Hoeskamer Schinveld | Een huiskamer in het dorp. | Zo kom je er: | Je kunt zo '
        'gaan. Loop binnen. | Bel: | 045 123 45 67 | Waar: | Zonder coördinaten, Schinveld | Wanneer: | '
        'dinsdag, donderdag: 10:00 – 12:00 | Kijk voor meer informatie op: | '
        'https://sociaalkaart.example/samen-doen/hoeskamer-schinveld/ | {"k": "v", "id": '
        '"hoeskamer-schinveld", "u": "samen-doen/hoeskamer-schinveld/", "naam": "Hoeskamer Schinveld", "wat": '
        '"Een huiskamer in het dorp.", "toegang": "Vrij toegankelijk", "hoe": "Je kunt zo gaan. Loop '
        'binnen.", "tel": "045 123 45 67", "tel_link": "+31451234567", "adres": "Zonder coördinaten, '
        'Schinveld", "extra": "Let op: nu tijdelijk gesloten."}'
        ,
        [('tel:+31451234567', 'Bel 045 123 45 67'), ('https://wa.me/31612345678', 'WhatsApp 06 12345678'),
         ('mailto:info@hoes.example', 'Mail info@hoes.example'),
         ('https://hoes.example/', 'Website van Hoeskamer Schinveld'), ('https://welzijn.example', 'de website'),
         ('https://www.openstreetmap.org/directions?to=50.9704%2C5.9801', 'Routebeschrijving naar De Aod Sjoel'),
         ('../../samen-doen/', 'Samen doen'), ('../../thema/ontmoeten/', 'Ontmoeten en meedoen'),
         ('../../doelgroep/ouderen/', 'Ouderen'), ('../../kern/schinveld/', 'Schinveld'),
         (('mailto:meld@gemeente.example?subject=Klopt%20er%20iets%20niet%3F%20Hoeskamer%20Schinveld&b'
          'ody=Het%20gaat%20om%3A%20Hoeskamer%20Schinveld%0APagina%3A%20https%3A//sociaalkaart.exampl'
          'e/samen-doen/hoeskamer-schinveld/%0A%0AWat%20klopt%20er%20niet%3F%0A'),
          'Klopt er iets niet? Laat het ons weten')]),
    'minimal record': (
        'Schuldhulpverlening | voorziening | laten | verwijzing | geld | iedereen | hele-gemeente | '
        'voorziening | verwijzing | laten | Hulp bij schulden. | Bewaar | Schuldhulpverlening op je lijstje | '
        'Print als poster | Hoe kom je hier terecht? | Verwijzing nodig | Je hebt eerst een verwijzing nodig, '
        'bijvoorbeeld van de huisarts of het CJG. | Zo begin je: | Bel de gemeente. | Wie kun je bellen? | AV '
        '| Anne Voorbeeld | Schuldhulpverlener | Gemeente | Bel over: | Schulden, Post | Bel Anne Voorbeeld '
        'op | 06 12345678 | Zet in je telefoon | (Anne Voorbeeld, vCard) | Bewaar | Anne Voorbeeld op je '
        "lijstje | Voor wie en waar | Route | Laten doen | Thema's | Geld, schulden en formulieren | Voor wie "
        '| Iedereen | Waar in de gemeente | De hele gemeente | Gecontroleerd op | 1 september 2026 | . | '
        'Klopt er iets niet? Laat het ons weten | Gemeente Beekdaelen | Schuldhulpverlening | Hulp bij '
        'schulden. | Zo kom je er: | Je hebt een verwijzing nodig. Bel de gemeente. | Kijk voor meer '
        'informatie op: | https://sociaalkaart.example/laten-doen/schuldhulp/ | {"k": "v", "id": '
        '"schuldhulp", "u": "laten-doen/schuldhulp/", "naam": "Schuldhulpverlening", "wat": "Hulp bij '
        'schulden.", "toegang": "Verwijzing nodig", "hoe": "Je hebt een verwijzing nodig. Bel de gemeente."}'
        ,
        [('../../gezichtenkaart/anne-voorbeeld/', 'Anne Voorbeeld'),
         ('tel:+31612345678', 'Bel Anne Voorbeeld op 06 12345678'),
         ('../../vcard/anne-voorbeeld.vcf', 'Zet in je telefoon (Anne Voorbeeld, vCard)'),
         ('../../laten-doen/', 'Laten doen'), ('../../thema/geld/', 'Geld, schulden en formulieren'),
         (('mailto:meld@gemeente.example?subject=Klopt%20er%20iets%20niet%3F%20Schuldhulpverlening&bod'
          'y=Het%20gaat%20om%3A%20Schuldhulpverlening%0APagina%3A%20https%3A//sociaalkaart.example/la'
          'ten-doen/schuldhulp/%0A%0AWat%20klopt%20er%20niet%3F%0A'),
          'Klopt er iets niet? Laat het ons weten')]),
    'face page': (
        'AV | Anne Voorbeeld | gezicht | gezicht | 06 12345678 | +31612345678 | Schuldhulpverlener · Gemeente '
        '| Bel over: Schulden, Post | hele-gemeente | iedereen | laten | verwijzing | geld | '
        'Schuldhulpverlener | bij | Gemeente | Bel over: | Schulden, Post | Anne Voorbeeld is het gezicht van '
        '| Schuldhulpverlening | . | Bel 06 12345678 | Zet in je telefoon | Bewaar | Anne Voorbeeld op je '
        'lijstje | Alle gezichten | Gecontroleerd op | 1 september 2026 | . | Klopt er iets niet? Laat het '
        'ons weten | {"k": "g", "id": "anne-voorbeeld", "u": "gezichtenkaart/anne-voorbeeld/", "naam": "Anne '
        'Voorbeeld", "wat": "Schuldhulpverlener bij Gemeente.", "hoe": "Je mag deze persoon gewoon bellen.", '
        '"tel": "06 12345678", "tel_link": "+31612345678", "extra": "Bel over: Schulden, Post."}'
        ,
        [('../../laten-doen/schuldhulp/', 'Schuldhulpverlening'), ('tel:+31612345678', 'Bel 06 12345678'),
         ('../../vcard/anne-voorbeeld.vcf', 'Zet in je telefoon'), ('../../gezichtenkaart/', 'Alle gezichten'),
         (('mailto:meld@gemeente.example?subject=Klopt%20er%20iets%20niet%3F%20Anne%20Voorbeeld&body=H'
          'et%20gaat%20om%3A%20Anne%20Voorbeeld%0APagina%3A%20https%3A//sociaalkaart.example/gezichte'
          'nkaart/anne-voorbeeld/%0A%0AWat%20klopt%20er%20niet%3F%0A'),
          'Klopt er iets niet? Laat het ons weten')]),
    'gezichtenkaart': (
        'Gezichtenkaart | Deze mensen kun je gewoon bellen. Ze helpen je verder of weten wie dat kan. | '
        'Gezichtenkaart Beekdaelen · stand van 23 november 2026 · | gezichtenkaart/ | Zet alle 1 gezichten in '
        'je telefoon | Afdrukken | Voor huisartsen en hulpverleners: het bestand met alle gezichten (vCard) '
        'zet iedereen in één keer in je telefoon. | Gemeente | AV | Anne Voorbeeld | Schuldhulpverlener | '
        'Gemeente | Bel over: | Schulden, Post | Bel Anne Voorbeeld op | 06 12345678 | Zet in je telefoon | '
        '(Anne Voorbeeld, vCard) | Bewaar | Anne Voorbeeld op je lijstje'
        ,
        [('../vcard/alle-gezichten.vcf', 'Zet alle 1 gezichten in je telefoon'),
         ('../gezichtenkaart/anne-voorbeeld/', 'Anne Voorbeeld'),
         ('tel:+31612345678', 'Bel Anne Voorbeeld op 06 12345678'),
         ('../vcard/anne-voorbeeld.vcf', 'Zet in je telefoon (Anne Voorbeeld, vCard)')]),
    'home': (
        'Hulp en steun in Beekdaelen | Zoek je hulp, of wil je zelf iets doen? Hier vind je wat er is in '
        'Beekdaelen: van tips en buurtinitiatieven tot professionele hulp. | Waar zoek je hulp bij? | Zoeken '
        '| Kies hoe je geholpen wilt worden | Zelf doen | Informatie, tips en tests. Daarmee ga je zelf aan '
        'de slag. | Samen doen | Hulp van buren, vrijwilligers en mensen die hetzelfde meemaken. | Laten doen '
        '| Hulp van een professional, zoals een hulpverlener of de gemeente. | Direct iemand spreken? | Op de '
        'gezichtenkaart zie je wie je kunt bellen: met naam, foto en direct nummer. | Naar de gezichtenkaart '
        '| Liever langskomen? Bekijk de | spreekuren deze week | . | Waar gaat je vraag over? | Geld, '
        'schulden en formulieren | Werk, school en dagbesteding | Wonen en huishouden | Gezondheid en '
        'beperking | Zorgen, stress en psychische klachten | Opvoeden en opgroeien | Ontmoeten en meedoen | '
        'Mantelzorg en zorgen voor een ander | Vervoer en boodschappen | Veiligheid en huiselijk geweld | '
        'Alcohol, drugs en gokken | Taal, lezen en digitale vaardigheden | Voor wie? | Kinderen (0–12) | '
        'Jongeren (12–23) | Ouders en opvoeders | Volwassenen | Ouderen | Mantelzorgers | Nieuwkomers | '
        'Mensen met een beperking | In welk dorp of welke wijk? | Nuth | Sint Joost | Schinveld | Weet je '
        'niet waar je moet beginnen? | Neem contact op met de gemeente Beekdaelen. We denken met je mee. | '
        'Bel | 14 046 | Mail | info@gemeente.example | Website van de gemeente Beekdaelen | Zo werkt het: één '
        'loket, één verhaal, één contactpersoon'
        ,
        [('zelf-doen/', 'Zelf doenInformatie, tips en tests. Daarmee ga je zelf aan de slag.'),
         ('samen-doen/', 'Samen doenHulp van buren, vrijwilligers en mensen die hetzelfde meemaken.'),
         ('laten-doen/', 'Laten doenHulp van een professional, zoals een hulpverlener of de gemeente.'),
         ('gezichtenkaart/', 'Naar de gezichtenkaart'), ('spreekuren/', 'spreekuren deze week'),
         ('thema/geld/', 'Geld, schulden en formulieren'), ('thema/werk/', 'Werk, school en dagbesteding'),
         ('thema/wonen/', 'Wonen en huishouden'), ('thema/gezondheid/', 'Gezondheid en beperking'),
         ('thema/psyche/', 'Zorgen, stress en psychische klachten'), ('thema/opvoeden/', 'Opvoeden en opgroeien'),
         ('thema/ontmoeten/', 'Ontmoeten en meedoen'), ('thema/mantelzorg/', 'Mantelzorg en zorgen voor een ander'),
         ('thema/vervoer/', 'Vervoer en boodschappen'), ('thema/veiligheid/', 'Veiligheid en huiselijk geweld'),
         ('thema/verslaving/', 'Alcohol, drugs en gokken'), ('thema/taal/', 'Taal, lezen en digitale vaardigheden'),
         ('doelgroep/kinderen/', 'Kinderen (0–12)'), ('doelgroep/jongeren/', 'Jongeren (12–23)'),
         ('doelgroep/ouders/', 'Ouders en opvoeders'), ('doelgroep/volwassenen/', 'Volwassenen'),
         ('doelgroep/ouderen/', 'Ouderen'), ('doelgroep/mantelzorgers/', 'Mantelzorgers'),
         ('doelgroep/nieuwkomers/', 'Nieuwkomers'), ('doelgroep/beperking/', 'Mensen met een beperking'),
         ('kern/nuth/', 'Nuth'), ('kern/sint-joost/', 'Sint Joost'), ('kern/schinveld/', 'Schinveld'),
         ('tel:14046', '14 046'), ('mailto:info@gemeente.example', 'info@gemeente.example'),
         ('https://www.gemeente.example', 'Website van de gemeente Beekdaelen'),
         ('een-loket/', 'Zo werkt het: één loket, één verhaal, één contactpersoon')]),
    'route samen': (
        'Hulp vragen of aanbieden in je buurt | Op de marktplaats voor vrijwillige hulp vind je buren en '
        'vrijwilligers die willen helpen. Of je biedt zelf hulp aan. | Naar de marktplaats | Kies een thema |'
        ' Geld, schulden en formulieren | Werk, school en dagbesteding | Wonen en huishouden | Gezondheid en '
        'beperking | Zorgen, stress en psychische klachten | Opvoeden en opgroeien | Ontmoeten en meedoen | '
        'Mantelzorg en zorgen voor een ander | Vervoer en boodschappen | Veiligheid en huiselijk geweld | '
        'Alcohol, drugs en gokken | Taal, lezen en digitale vaardigheden'
        ,
        [('https://voorelkaar.example', 'Naar de marktplaats'), ('../thema/geld/', 'Geld, schulden en formulieren'),
         ('../thema/werk/', 'Werk, school en dagbesteding'), ('../thema/wonen/', 'Wonen en huishouden'),
         ('../thema/gezondheid/', 'Gezondheid en beperking'),
         ('../thema/psyche/', 'Zorgen, stress en psychische klachten'),
         ('../thema/opvoeden/', 'Opvoeden en opgroeien'), ('../thema/ontmoeten/', 'Ontmoeten en meedoen'),
         ('../thema/mantelzorg/', 'Mantelzorg en zorgen voor een ander'),
         ('../thema/vervoer/', 'Vervoer en boodschappen'),
         ('../thema/veiligheid/', 'Veiligheid en huiselijk geweld'),
         ('../thema/verslaving/', 'Alcohol, drugs en gokken'),
         ('../thema/taal/', 'Taal, lezen en digitale vaardigheden')]),
    'route zelf': (
        'Lees en ga zelf aan de slag | Grip op je geld | Zo begin je. | Kies een thema | Geld, schulden en '
        'formulieren | Werk, school en dagbesteding | Wonen en huishouden | Gezondheid en beperking | Zorgen,'
        ' stress en psychische klachten | Opvoeden en opgroeien | Ontmoeten en meedoen | Mantelzorg en zorgen'
        ' voor een ander | Vervoer en boodschappen | Veiligheid en huiselijk geweld | Alcohol, drugs en '
        'gokken | Taal, lezen en digitale vaardigheden'
        ,
        [('../artikelen/grip-op-geld/', 'Grip op je geld'), ('../thema/geld/', 'Geld, schulden en formulieren'),
         ('../thema/werk/', 'Werk, school en dagbesteding'), ('../thema/wonen/', 'Wonen en huishouden'),
         ('../thema/gezondheid/', 'Gezondheid en beperking'),
         ('../thema/psyche/', 'Zorgen, stress en psychische klachten'),
         ('../thema/opvoeden/', 'Opvoeden en opgroeien'), ('../thema/ontmoeten/', 'Ontmoeten en meedoen'),
         ('../thema/mantelzorg/', 'Mantelzorg en zorgen voor een ander'),
         ('../thema/vervoer/', 'Vervoer en boodschappen'),
         ('../thema/veiligheid/', 'Veiligheid en huiselijk geweld'),
         ('../thema/verslaving/', 'Alcohol, drugs en gokken'),
         ('../thema/taal/', 'Taal, lezen en digitale vaardigheden')]),
    'route laten': (
        'Kies een thema | Geld, schulden en formulieren | Werk, school en dagbesteding | Wonen en huishouden '
        '| Gezondheid en beperking | Zorgen, stress en psychische klachten | Opvoeden en opgroeien | '
        'Ontmoeten en meedoen | Mantelzorg en zorgen voor een ander | Vervoer en boodschappen | Veiligheid en'
        ' huiselijk geweld | Alcohol, drugs en gokken | Taal, lezen en digitale vaardigheden'
        ,
        [('../thema/geld/', 'Geld, schulden en formulieren'), ('../thema/werk/', 'Werk, school en dagbesteding'),
         ('../thema/wonen/', 'Wonen en huishouden'), ('../thema/gezondheid/', 'Gezondheid en beperking'),
         ('../thema/psyche/', 'Zorgen, stress en psychische klachten'),
         ('../thema/opvoeden/', 'Opvoeden en opgroeien'), ('../thema/ontmoeten/', 'Ontmoeten en meedoen'),
         ('../thema/mantelzorg/', 'Mantelzorg en zorgen voor een ander'),
         ('../thema/vervoer/', 'Vervoer en boodschappen'),
         ('../thema/veiligheid/', 'Veiligheid en huiselijk geweld'),
         ('../thema/verslaving/', 'Alcohol, drugs en gokken'),
         ('../thema/taal/', 'Taal, lezen en digitale vaardigheden')]),
    'glossary': (
        'Begrippen | Woorden die hulpverleners en de gemeente vaak gebruiken, in gewone taal uitgelegd. | Wmo'
        ' | (Wet maatschappelijke ondersteuning) | Een wet. | CJG | Centrum.'
        ,
        []),
    'article': (
        'Grip op je geld | artikel | zelf | artikel | geld | Zo begin je. | Tekst. | Thema: | Geld, schulden '
        'en formulieren'
        ,
        [('../../thema/geld/', 'Geld, schulden en formulieren')]),
    'listing': (
        'Ouderen | Intro. | Voorzieningen | 1 voorziening | Hoeskamer Schinveld | Vrij toegankelijk | '
        'Tijdelijk gesloten | Samen doen | Een huiskamer in het dorp. | Stichting Welzijn | Wachttijd: | '
        'Geen. (nagevraagd in november 2026) | Bel | 045 123 45 67'
        ,
        [('../../samen-doen/hoeskamer-schinveld/', 'Hoeskamer Schinveld'), ('tel:+31451234567', 'Bel 045 123 45 67')]),
    'articles': (
        'Artikelen | Korte uitleg en tips. Daarmee kun je zelf verder. | Grip op je geld | Zo begin je.'
        ,
        [('../artikelen/grip-op-geld/', 'Grip op je geld')]),
}


@pytest.mark.parametrize("name", list(WHAT_A_RESIDENT_READS))
def test_what_a_resident_reads_and_where_each_link_goes(name):
    texts, links = Reading(rendered(name)).result()
    assert (texts, links) == WHAT_A_RESIDENT_READS[name]


# --- what the page's scripts, styles and search index rely on ---------------------------------


def test_the_record_page_carries_the_search_weights_hooks_and_sections():
    page = Reading(rendered("full record"))
    assert page.attrs_of("article") == [{"class": "ww-record", "data-pagefind-body": None}]
    assert page.attrs_of("h1") == [{"data-pagefind-weight": "10", "data-pagefind-meta": "title"}]
    assert page.attrs_of("p", **{"class": "ww-lead"}) == [
        {"class": "ww-lead", "data-pagefind-weight": "5", "data-pagefind-meta": "samenvatting"}]
    weights = [a["data-pagefind-weight"] for t, a in page.tags if t == "span" and "data-pagefind-weight" in a]
    assert weights == ["3", "6"]  # provider, keywords
    assert page.attrs_of("div", role="note") == [{"class": "ww-alert", "role": "note"}]
    sections = [(a.get("class"), a.get("aria-labelledby"), "data-pagefind-ignore" in a) for t, a in page.tags
                if t == "section"]
    assert sections == [("ww-access ww-access--vrij", "h-toegang", True), ("ww-section", "h-contact", True),
                        ("ww-section", "h-kosten", False), ("ww-section ww-prose", "h-meer", False),
                        ("ww-section", "h-waar", False), ("ww-section", "h-details", False)]
    # Places are searchable; their hours, the buttons and the print-only poster are not.
    assert page.attrs_of("div", **{"class": "ww-place__hours"}) == [
        {"class": "ww-place__hours", "data-pagefind-ignore": None}]
    assert page.attrs_of("p", **{"class": "ww-actions ww-noprint"}) == [
        {"class": "ww-actions ww-noprint", "data-pagefind-ignore": None}]
    assert page.attrs_of("div", **{"class": "ww-poster"}) == [
        {"class": "ww-poster", "aria-hidden": "true", "data-pagefind-ignore": None}]
    # "Voor wie en waar": only the labels of themes and target groups are searched, with a low weight.
    details = [(t, a.get("data-pagefind-weight"), "data-pagefind-ignore" in a) for t, a in page.tags
               if t in ("dt", "dd")]
    ignored, label = ("dd", None, True), ("dd", pagefind_weight("themas_labels"), False)
    assert details == [("dt", None, True), ignored, ("dt", None, True), label, ("dt", None, True), label,
                       ("dt", None, True), ignored, ("dt", None, True), ignored, ("dt", None, True), ignored]
    assert page.attrs_of("h2", id="h-details") == [{"id": "h-details", "data-pagefind-ignore": None}]
    # "Bewaar" and "Print als poster" wait for their script (bewaar.js), which reads #ww-item.
    assert page.attrs_of("button") == [
        {"type": "button", "class": "ww-bewaar ww-noprint", "data-ww-bewaar": "v", "data-id": "hoeskamer-schinveld",
         "data-url": "samen-doen/hoeskamer-schinveld/", "data-naam": "Hoeskamer Schinveld", "aria-pressed": "false",
         "hidden": None},
        {"type": "button", "class": "ww-button ww-button--licht", "data-ww-poster": None, "hidden": None}]
    html = rendered("full record")
    assert page.attrs_of("script") == [{"type": "application/json", "id": "ww-item"}]
    assert html.index("</article>") < html.index('<script type="application/json" id="ww-item">')  # not indexed
    [hours] = page.attrs_of("p", **{"class": "ww-open-now"})
    assert json.loads(hours.pop("data-hours")) == [{"d": ["di", "do"], "van": "10:00", "tot": "12:00"}]
    assert hours == {"class": "ww-open-now", "aria-live": "polite", "hidden": None}
    assert [a["class"] for a in page.attrs_of("span") if a.get("class", "").startswith("ww-badge")] == [
        "ww-badge ww-badge--vrij"]
    web = [a for a in page.attrs_of("a") if a["href"].startswith("https://")]
    assert [(a["href"].split("/")[2], a.get("rel")) for a in web] == [
        ("wa.me", None), ("hoes.example", "noopener nofollow"), ("welzijn.example", "noopener nofollow"),
        ("www.openstreetmap.org", "noopener nofollow")]
    assert page.attrs_of("time") == [{"datetime": "2026-09-01"}]
    assert page.attrs_of("a", **{"class": "ww-report"})


def test_a_stopped_record_points_to_its_route():
    ctx = context()
    stopped = dataclasses.replace(ctx.dataset.voorzieningen[1], status="gestopt")
    page = Reading(render.record_page(stopped, ctx, "laten-doen/schuldhulp/"))
    assert page.attrs_of("div", role="note") == [{"class": "ww-alert ww-alert--stopped", "role": "note"}]
    assert ("../../laten-doen/", "Kijk wat er nog meer is") in page.result()[1]
    assert "Gestopt. | Deze voorziening bestaat niet meer." in page.result()[0]


@pytest.mark.parametrize("address", [None, "", "mailto:a@b.example", "javascript:alert(1)", "../zoeken/",
                                     "//evil.example/", "ftp://a.example/"])
def test_a_web_link_is_made_only_for_a_web_address(address):
    assert render_parts.web_address(address) == ""


def test_web_links_and_contact_buttons():
    assert render_parts.web_address("http://a.example/?x=1&y=2") == "http://a.example/?x=1&y=2"
    assert fragments.contact_buttons(Contact(), "X") == ""
    assert fragments.contact_buttons(Contact(website="javascript:alert(1)"), "X") == ""
    assert fragments.contact_buttons(Contact(email="a@b.example"), "X") == (
        '<ul class="ww-buttons"><li><a class="ww-button" href="mailto:a@b.example">Mail a@b.example</a></li></ul>')


def test_directions_use_coordinates_or_the_address():
    from wegwijzer.records.model import Location
    assert render.directions_url(Location(lat=50.97, lon=5.98)) == (
        "https://www.openstreetmap.org/directions?to=50.97%2C5.98")
    assert render.directions_url(Location(adres="Kerkstraat 1", postcode="6451 AA", plaats="Schinveld")) == (
        "https://www.openstreetmap.org/search?query=Kerkstraat%201%206451%20AA%20Schinveld")
    without_route = Reading(fragments.location_block(Location(naam="Zaal", plaats="Nuth")))
    assert without_route.result() == ("Zaal | Nuth", [])


def test_a_face_photo_in_two_sizes_and_initials_without_one():
    face = model_dataset().gezichten[0]
    photos = {face.id: PhotoSet({}, {240: "anne-240.webp", 480: "anne-480.webp"}, {240: "anne-240.jpg"})}
    assert fragments.photo_html(face, "gezichtenkaart/anne-voorbeeld/", photos, lazy=False) == (
        '<picture><source type="image/webp" srcset="../../fotos/anne-240.webp 1x, ../../fotos/anne-480.webp 2x">'
        '<img src="../../fotos/anne-240.jpg" alt="Anne Voorbeeld" width="120" height="120" decoding="async">'
        '</picture>')
    assert 'loading="lazy"' in fragments.photo_html(face, "gezichtenkaart/", photos)
    assert fragments.photo_html(face, "gezichtenkaart/", {}) == (
        '<span class="ww-initials" aria-hidden="true">AV</span>')


def test_the_report_link_without_a_site_address_or_a_municipality():
    ctx = context()
    ctx.site_url = ""
    html = fragments.report_block("X", "zoeken/", date(2026, 1, 2), ctx)
    assert "Pagina%3A%20/zoeken/" in html and "2 januari 2026" in html
    ctx.dataset = dataclasses.replace(ctx.dataset, gemeente=None)
    assert Reading(fragments.report_block("X", "zoeken/", date(2026, 1, 2), ctx)).result() == (
        "Gecontroleerd op | 2 januari 2026 | .", [])
    assert fragments.municipality_contact(None) == ""


def test_counts_lists_and_empty_pages():
    assert '<p class="ww-count">2 voorzieningen</p>' in render.listing_page("T", "I", [], "x/", "x/", 1, 1, 2)
    empty = Reading(render.card_list([], "thema/geld/"))
    assert empty.result() == ("Hier staat nog niets. Kijk bij een ander thema of | zoek op een woord | .",
                              [("../../zoeken/", "zoek op een woord")])
    assert render.glossary_page([], "begrippen/") == "<h1>Begrippen</h1><p>Er zijn nog geen begrippen.</p>"
    ctx = context()
    ctx.dataset = dataclasses.replace(ctx.dataset, gezichten=[], gemeente=None)
    assert "Er staan nog geen gezichten op de kaart." in render.gezichtenkaart_page(ctx, "gezichtenkaart/", ctx.built)
    minimal = ctx.dataset.voorzieningen[1]
    card = Reading(render.card(minimal, "laten-doen/"))
    assert card.result() == ("Schuldhulpverlening | Verwijzing nodig | Laten doen | Hulp bij schulden.",
                             [("../laten-doen/schuldhulp/", "Schuldhulpverlening")])


def test_a_face_page_without_a_voorziening_and_with_an_email():
    ctx = context()
    face = dataclasses.replace(ctx.dataset.gezichten[0], voorziening=None, email="anne@x.example", vragen=())
    html = render.face_page(face, ctx, "gezichtenkaart/anne-voorbeeld/")
    texts, links = Reading(html).result()
    assert "is het gezicht van" not in texts and "Bel over" not in texts
    assert ("mailto:anne@x.example", "Mail anne@x.example") in links
    filters = re.findall(r'data-pagefind-filter="([^"]+)">([^<]*)<', html)
    assert filters == [("soort", "gezicht"), ("kern", "hele-gemeente"), ("doelgroep", "iedereen")]
    linked = render.face_page(ctx.dataset.gezichten[0], ctx, "gezichtenkaart/anne-voorbeeld/")
    assert re.findall(r'data-pagefind-filter="([^"]+)">([^<]*)<', linked) == filters + [
        ("route", "laten"), ("toegang", "verwijzing"), ("thema", "geld")]


def test_the_search_page_gives_its_script_everything_it_reads():
    ctx = context()
    ctx.assets = {"zoeken.js": "assets/wegwijzer/zoeken.0123456789.js",
                  "zoektaal.js": "assets/wegwijzer/zoektaal.0123456789.js"}
    ctx.search_language = {"vulwoorden": ["ik", "mijn"], "synoniemen": [{"alle": ["schulden"], "zoek": ["schulden"]}],
                           "woordenlijst": "woorden-{}.0123456789.json"}
    html = render.search_page(ctx, "zoeken/", {})
    pagefind_only = Reading(html)
    [root] = pagefind_only.attrs_of("div", **{"class": "ww-zoeken"})
    assert root == {"class": "ww-zoeken", "data-root": "../", "data-everyone": "iedereen",
                    "data-whole": "hele-gemeente"}
    ids = {a["id"] for _, a in pagefind_only.tags if "id" in a}
    assert {"zoekformulier", "zoek-q", "zoek-filters", "zoek-filters-gekozen", "zoek-status", "zoek-suggestie",
            "zoek-resultaten", "zoek-meer", "zoek-hulp", "zoek-hint", "zoek-zonder-filters", "zoek-labels",
            "zoek-config", "zoek-taal", "f-route", "f-thema", "f-doelgroep", "f-kern", "f-toegang"} <= ids
    # The language tools first: zoeken.js uses them (both deferred, so they run in this order).
    assert pagefind_only.attrs_of("script")[-2:] == [
        {"src": "../assets/wegwijzer/zoektaal.0123456789.js", "defer": None},
        {"src": "../assets/wegwijzer/zoeken.0123456789.js", "defer": None}]
    assert not pagefind_only.attrs_of("link")

    def script_data(name):
        return json.loads(re.search(f'<script type="application/json" id="{name}">(.*?)</script>', html).group(1))
    labels = script_data("zoek-labels")
    assert labels["kern"] == {"nuth": "Nuth", "sint-joost": "Sint Joost", "schinveld": "Schinveld"}
    assert labels["soort"] == {"voorziening": "Voorziening", "gezicht": "Persoon om te bellen", "artikel": "Artikel",
                               "levensloop": "Levensgebeurtenis", "pagina": "Uitleg"}
    assert script_data("zoek-config") == {}  # no Meilisearch: the page uses Pagefind
    assert script_data("zoek-taal") == ctx.search_language
    kern_select = re.search(r'<select id="f-kern" name="kern">(.*?)</select>', render.search_page(ctx, "zoeken/", {}))
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', kern_select.group(1)) == [
        ("", "Alle"), ("nuth", "Nuth"), ("sint-joost", "Sint Joost"), ("schinveld", "Schinveld")]
    meili = {"backend": "meilisearch", "url": "https://zoek.example", "index": "w", "key": "k"}
    with_meili = Reading(render.search_page(ctx, "zoeken/", meili))
    assert with_meili.attrs_of("link") == [{"rel": "preconnect", "href": "https://zoek.example", "crossorigin": None}]
    assert json.dumps(meili) in with_meili.texts
    assert render.search_page(context(), "zoeken/", {}).count('src="../assets/wegwijzer/zoeken.js"') == 1


def test_the_accessibility_statement_blocks():
    from wegwijzer.records.statement import Block
    html = fragments.statement_html([Block("h2", "Kop"), Block("ul", items=("a", "b")),
                                  Block("link", "Lees", url="https://a.example/", link_text="hier"),
                                  Block("link", "Geen link", url="javascript:x", link_text="x"),
                                  Block("p", "[Vul in: datum]", missing=True), Block("p", "Gewoon.")])
    assert html == ('<h2>Kop</h2><ul><li>a</li><li>b</li></ul>'
                    '<p>Lees <a href="https://a.example/" rel="noopener nofollow">hier</a></p><p>Geen link</p>'
                    '<p class="ww-placeholder">[Vul in: datum]</p><p>Gewoon.</p>')


def test_the_search_page_reads_as_a_form_with_five_filters():
    texts = Reading(render.search_page(context(), "zoeken/", {})).texts
    start = texts.index("Route")
    labels = [t for t in texts[start:] if t in ("Route", "Thema", "Voor wie", "Dorp of wijk", "Toegang")]
    assert labels == ["Route", "Thema", "Voor wie", "Dorp of wijk", "Toegang"]
    assert texts[start:start + 5] == ["Route", "Alle", "Zelf doen", "Samen doen", "Laten doen"]
    assert texts.count("Alle") == 5
    html = render.search_page(context(), "zoeken/", {})
    assert html.count('<div class="ww-filter"><label for="f-') == 5 and html.count("</select></div>") == 5
    noscript = Reading(html.split("<noscript>")[1].split("</noscript>")[0])
    assert noscript.links[0] == ["../thema/geld/", "Geld, schulden en formulieren"] and len(noscript.links) == 12
    assert noscript.texts[0] == "Zoeken werkt alleen met JavaScript. Zonder JavaScript vind je alles via de thema's:"


def test_the_generated_accessibility_page():
    ctx = context()
    from wegwijzer.records.statement import accessibility_statement
    assert render.accessibility_page(ctx) == "<h1>Toegankelijkheid</h1>" + fragments.statement_html(
        accessibility_statement(ctx.dataset.gemeente))
    assert "[Vul in" in render.accessibility_page(ctx)  # the model municipality has no facts yet


def test_markers_of_faces_and_articles():
    ctx = context()
    face = re.findall(r'<span data-pagefind-(filter|meta)="([^"]+)">([^<]*)<',
                      render.face_page(ctx.dataset.gezichten[0], ctx, "gezichtenkaart/anne-voorbeeld/"))
    assert face == [("filter", "soort", "gezicht"), ("meta", "soort", "gezicht"), ("meta", "telefoon", "06 12345678"),
                    ("meta", "tel", "+31612345678"), ("meta", "functie", "Schuldhulpverlener · Gemeente"),
                    ("meta", "samenvatting", "Bel over: Schulden, Post"), ("filter", "kern", "hele-gemeente"),
                    ("filter", "doelgroep", "iedereen"), ("filter", "route", "laten"),
                    ("filter", "toegang", "verwijzing"), ("filter", "thema", "geld")]
    quiet = dataclasses.replace(ctx.dataset.gezichten[0], vragen=())
    assert ("meta", "samenvatting", "Schuldhulpverlener") in re.findall(
        r'<span data-pagefind-(filter|meta)="([^"]+)">([^<]*)<', render.face_page(quiet, ctx, "gezichtenkaart/x/"))
    article = render.article_page(ctx.articles[0], "artikelen/grip-op-geld/", "<p>Tekst.</p>")
    assert re.findall(r'<span data-pagefind-(filter|meta)="([^"]+)">([^<]*)<', article) == [
        ("filter", "soort", "artikel"), ("filter", "route", "zelf"), ("meta", "soort", "artikel"),
        ("filter", "thema", "geld")]
    bare = dataclasses.replace(ctx.articles[0], samenvatting="", themas=())
    assert Reading(render.article_page(bare, "artikelen/x/", "<p>Tekst.</p>")).result() == (
        "Grip op je geld | artikel | zelf | artikel | Tekst.", [])


def test_faces_are_grouped_by_organisation_with_numbered_headings():
    ctx = context()
    anne = ctx.dataset.gezichten[0]
    bert = dataclasses.replace(anne, id="bert", naam="Bert", organisatie="Welzijn", email="bert@x.example",
                               bereikbaar="Ma-vr 9-12", kernen=("Nuth", "Schinveld"), vragen=())
    carla = dataclasses.replace(anne, id="carla", naam="Carla")
    ctx.dataset = dataclasses.replace(ctx.dataset, gezichten=[anne, bert, carla])
    html = render.gezichtenkaart_page(ctx, "gezichtenkaart/", ctx.built)
    headings = re.findall(r'<section class="ww-org" aria-labelledby="(org-\d)"><h2 id="(org-\d)">([^<]*)</h2>', html)
    assert headings == [("org-1", "org-1", "Gemeente"), ("org-2", "org-2", "Welzijn")]
    assert "Zet alle 3 gezichten in je telefoon" in html
    texts, links = Reading(html.split('<h2 id="org-2">')[1]).result()
    assert texts == ("Welzijn | B | Bert | Schuldhulpverlener | Welzijn | Bereikbaar: | Ma-vr 9-12 | Werkgebied: | "
                     "Nuth, Schinveld | Bel Bert op | 06 12345678 | bert@x.example | Zet in je telefoon | "
                     "(Bert, vCard) | Bewaar | Bert op je lijstje")
    assert ("mailto:bert@x.example", "bert@x.example") in links
    assert html.count('<li class="ww-face">') == 3 and html.count("</div></li>") == 3


def test_locations_hours_costs_languages_and_law_in_every_combination():
    from wegwijzer.records.model import Location
    block = fragments.location_block(Location(adres="Markt 1", toegankelijkheid="Drempel bij de deur."))
    assert Reading(block).result() == (
        "Markt 1 | Drempel bij de deur. | Routebeschrijving | naar Markt 1",
        [("https://www.openstreetmap.org/search?query=Markt%201", "Routebeschrijving naar Markt 1")])
    assert "<br>" in fragments.location_block(Location(adres="Markt 1", postcode="6411 AA", plaats="Heerlen"))
    hours = fragments.hours_table((OpeningHours(("ma",), "09:00", "12:00"),
                                OpeningHours(("wo", "vr"), "13:00", "24:00")), "Tijden bij Markt 1")
    assert Reading(hours).texts == ["Tijden bij Markt 1", "maandag", "09:00 – 12:00", "woensdag, vrijdag",
                                    "13:00 – 24:00"]
    assert hours.count("<tr>") == 2 and "</td></tr><tr>" in hours and "data-open-text" not in hours
    # Spreekuren say so on their row, and "Nu open" becomes "Nu spreekuur" when all the times are spreekuren.
    spreekuur = fragments.hours_table((OpeningHours(("di",), "10:00", "11:00", "Zonder afspraak.", soort="spreekuur"),),
                                   "Tijden")
    assert Reading(spreekuur).texts == ["Tijden", "dinsdag", "Spreekuur", "10:00 – 11:00", "Zonder afspraak."]
    assert 'data-open-text="Nu spreekuur" data-closed-text="Nu geen spreekuur"' in spreekuur
    # Where and when: the heading says which of the two the record has; hours go with their only place.
    markt, monday = (Location(adres="Markt 1"),), (OpeningHours(("ma",), "09:00", "12:00"),)
    for changes, expected in [
        ({}, ""),
        ({"locaties": markt}, "Waar | Markt 1 | Routebeschrijving | naar Markt 1"),
        ({"openingstijden": monday}, "Wanneer | Tijden | maandag | 09:00 – 12:00"),
        ({"locaties": markt, "openingstijden": monday},
         "Waar en wanneer | Markt 1 | Routebeschrijving | naar Markt 1 | Tijden bij Markt 1 | maandag | 09:00 – 12:00"),
    ]:
        base = context().dataset.voorzieningen[1]
        assert Reading(fragments.places_block(dataclasses.replace(base, **changes))).result()[0] == expected, changes
    ctx = context()
    base = ctx.dataset.voorzieningen[1]
    for changes, expected in [
        ({"kosten": "gratis"}, "Kosten | Gratis"),
        ({"kosten_toelichting": "Vraag ernaar."}, "Kosten | Vraag ernaar."),
        ({"talen": ("nl", "xx")}, "Talen | Nederlands, xx"),
        ({"wet": "Jeugdwet"}, "Wet | Jeugdwet"),
        ({"wet": "Eigen regeling"}, "Wet | Eigen regeling"),
    ]:
        page = render.record_page(dataclasses.replace(base, **changes), ctx, "laten-doen/schuldhulp/")
        texts = Reading(page).result()[0]
        assert expected in texts, (changes, texts)
    plain = Reading(render.record_page(base, ctx, "laten-doen/schuldhulp/")).result()[0]
    assert "Kosten" not in plain and "Talen" not in plain and "Wet" not in plain and "Wachttijd" not in plain
    described = dataclasses.replace(base, beschrijving="# Kop\n\nTekst.")
    assert "<h3>Kop</h3>" in render.record_page(described, ctx, "laten-doen/schuldhulp/")  # below the page's h2s
    whatsapp = fragments.contact_buttons(Contact(whatsapp=Phone("06 11111111", "+31611111111")), "X")
    assert 'href="https://wa.me/31611111111"' in whatsapp and "WhatsApp 06 11111111" in whatsapp
