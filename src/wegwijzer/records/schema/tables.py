"""The record tables: which fields each file of the data format has, and their types.

The data format (docs/dataformaat.md) is the contract; this is its executable form.
"""

from __future__ import annotations

from typing import Any, Callable

from .. import vocab
from ..model import (
    AccessibilityFacts,
    Channel,
    Complaints,
    Contact,
    CrisisLine,
    Feedback,
    FrontDoor,
    Location,
    Objection,
    Ombudsman,
    OpeningHours,
    Referral,
    SecurityContact,
    WaitingTime,
)
from ..yamlsafe import Mapping, Node
from .framework import (
    INVALID,
    Context,
    Field,
    Shape,
    choice,
    did_you_mean,
    is_given,
    list_of,
    record,
    scalar_text,
    shape_of,
    shaped,
    text,
)
from .types import (
    coordinate,
    crisis_phone,
    date_value,
    email,
    flag,
    language,
    markdown_text,
    phone,
    postcode,
    time_value,
    url,
    whole_number,
)

CONTACT_FIELDS = {
    "telefoon": Field(phone, label="Telefoon",
                      help="Het nummer dat inwoners kunnen bellen, bijvoorbeeld 045 123 45 67."),
    "whatsapp": Field(phone, label="WhatsApp",
                      help="Het nummer voor WhatsApp, als dat er is."),
    "email": Field(email, label="E-mail",
                   help="Het e-mailadres voor vragen, bijvoorbeeld info@welzijn.nl."),
    "website": Field(url, label="Website",
                     help="Het webadres met meer informatie. Begin met https://."),
    # extension (issue 14): shown on /voor-professionals/ and to referrers, never as a residents' button
    "professionals": Field(phone, label="Nummer voor professionals",
                           help="Een direct nummer voor huisartsen en hulpverleners. Inwoners zien het niet als "
                                "belknop."),
}


contact = record(CONTACT_FIELDS, Contact, "het contact (telefoon, whatsapp, email, website, professionals)")


def kern(node: Node, ctx: Context, name: str) -> Any:
    """A kern from gemeente.yaml, written in any case; unchecked while those are unknown."""
    value = scalar_text(node, ctx, name)
    if value is INVALID or ctx.kernen is None:
        return value
    for known in ctx.kernen:
        if value.lower() == known.lower():
            return known
    ctx.error(node, name, f"De kern '{value}' staat niet in gemeente.yaml.{did_you_mean(value, ctx.kernen)} "
                          f"Kies uit: {', '.join(ctx.kernen)}.")
    return INVALID


shaped(kern, Shape("kern"))  # the choices come from gemeente.yaml


LOCATION_FIELDS = {
    "naam": Field(text(120), label="Naam van de plek", example="Gemeenschapshuis De Kapelaan",
                  help="Bijvoorbeeld de naam van het gebouw."),
    "adres": Field(text(200), label="Adres", help="Straat en huisnummer."),
    "postcode": Field(postcode, label="Postcode", help="Vier cijfers en twee letters, bijvoorbeeld 6451 AA."),
    "plaats": Field(text(80), label="Plaats", help="Het dorp of de stad."),
    "lat": Field(coordinate(-90, 90), label="Breedtegraad (lat)",
                 help="Voor de kaart, bijvoorbeeld 50.9704. Vul lat én lon in, of geen van beide."),
    "lon": Field(coordinate(-180, 180, "5.9801"), label="Lengtegraad (lon)",
                 help="Voor de kaart, bijvoorbeeld 5.9801. Vul lat én lon in, of geen van beide."),
    "toegankelijkheid": Field(text(500), label="Toegankelijkheid",
                              help="Kun je er komen met een rolstoel? Is er een lift of een drempel?"),
    "kern": Field(kern, label="Kern",
                  help="In welke kern is deze plek? Laat leeg als de plaats al de naam van de kern is."),
}


def _check_location(node: Mapping, values: dict[str, Any], ctx: Context, name: str) -> bool:
    given = {key for key in ("lat", "lon") if is_given(node, key)}
    if "kern" not in values and values.get("plaats") and ctx.kernen:
        # A location in a village counts for that village: its place names the kern.
        named = {known.lower(): known for known in ctx.kernen}
        if values["plaats"].lower() in named:
            values["kern"] = named[values["plaats"].lower()]
    if len(given) == 1:
        missing = "lon" if "lat" in given else "lat"
        ctx.error(node, f"{name}.{missing}", "Geef lat én lon, of laat ze allebei weg.")
        return False
    return True


location = record(LOCATION_FIELDS, Location, "een locatie (naam, adres, postcode, plaats, ...)", _check_location)

OPENING_FIELDS = {
    "dagen": Field(list_of(choice(vocab.DAGEN, "dag")), required=True, label="Dagen",
                   help="Op welke dagen zijn deze tijden? Kies één of meer dagen."),
    "van": Field(time_value, required=True, label="Van", help="Hoe laat het begint, bijvoorbeeld 9:00."),
    "tot": Field(time_value, required=True, label="Tot", example="17:00",
                 help="Hoe laat het eindigt, bijvoorbeeld 17:30. Middernacht is 24:00."),
    "toelichting": Field(text(200), label="Toelichting", help="Bijvoorbeeld: niet in de schoolvakantie."),
    "soort": Field(choice(vocab.OPENINGSTIJD_SOORTEN, "soort"), label="Soort",
                   help="Kies spreekuur als er dan iemand is voor vragen, bijvoorbeeld in de bibliotheek. "
                        "Laat leeg voor gewone openingstijden."),
    "locatie": Field(text(120), label="Locatie", example="Gemeenschapshuis De Kapelaan",
                     help="Waar is dit? Schrijf de naam van een plek uit Locaties. Laat leeg als er één plek is."),
}


def _check_opening(node: Mapping, values: dict[str, Any], ctx: Context, name: str) -> bool:
    ok = True
    van, tot = values.get("van"), values.get("tot")
    if van and tot and (van == "24:00" or van >= tot):
        ctx.error(node.get("tot") or node, f"{name}.tot",
                  f"De eindtijd {tot} ligt niet na de begintijd {van}. "
                  "Zet 'van' vóór 'tot' (sluiten om middernacht schrijf je als 24:00).")
        ok = False
    if values.get("dagen") == ():
        ctx.error(node, f"{name}.dagen", "Noem minstens één dag, bijvoorbeeld [ma, wo].")
        ok = False
    return ok


opening_hours = record(OPENING_FIELDS, OpeningHours, "een openingstijd (dagen, van, tot)", _check_opening)

WAITING_FIELDS = {
    "tekst": Field(text(120), required=True, label="Wachttijd",
                   help="Hoe lang iemand wacht, in gewone woorden. Bijvoorbeeld: binnen 3 werkdagen een gesprek."),
    "gecontroleerd": Field(date_value, required=True, label="Gecontroleerd op",
                           help="Wanneer je de wachttijd hebt nagevraagd. Na drie maanden meldt de controle dat."),
}

waiting_time = record(WAITING_FIELDS, WaitingTime, "de wachttijd (tekst, gecontroleerd)")


REFERRAL_FIELDS = {
    "wie": Field(list_of(text(80)), label="Wie mag verwijzen", example="huisarts",
                 help="Bijvoorbeeld huisarts, POH-GGZ of wijkteam. Gescheiden door komma's."),
    "hoe": Field(text(500), label="Zo verwijs je", example="Stuur een verwijsbrief via Zorgdomein.",
                 help="Wat doet de verwijzer? Bijvoorbeeld: Stuur een verwijsbrief via Zorgdomein."),
    "website": Field(url, label="Verwijsformulier",
                     help="Het webadres van het formulier of de pagina voor verwijzers, als die er is."),
}


def _one_of(first: str, second: str, message: str) -> Callable[[Mapping, dict[str, Any], Context, str], bool]:
    """A record's check: ``first`` or ``second`` is given (also when its value was wrong,
    which is reported on its own); else ``message``, on ``first``."""
    def check(node: Mapping, values: dict[str, Any], ctx: Context, name: str) -> bool:
        if any(values.get(key) or is_given(node, key) for key in (first, second)):
            return True
        ctx.error(node, f"{name}.{first}", message)
        return False
    return check


referral = record(REFERRAL_FIELDS, Referral, "verwijzen (wie, hoe, website)",
                  _one_of("wie", "hoe", "Zet onder verwijzen ten minste wie mag verwijzen (wie: [huisarts]) of hoe "
                                        "je verwijst (hoe: ...)."))


# A face card's voorziening: a record's id (its file name), checked once all records are known.
voorziening_id = shaped(text(80), Shape("voorziening", max_len=80))
# A face card's photo: a file name in gezichten/, checked against the folder when loading.
photo_name = shaped(text(200), Shape("photo", max_len=200))


OMBUDSMAN_FIELDS = {
    "naam": Field(text(120), required=True, label="Naam",
                  help="Bijvoorbeeld Nationale ombudsman, of de ombudsman van de regio."),
    "website": Field(url, label="Website", help="Het webadres van de ombudsman."),
    "telefoon": Field(phone, label="Telefoon", help="Het nummer van de ombudsman."),
}

COMPLAINTS_FIELDS = {
    "uitleg": Field(text(500), label="Uitleg",
                    help="In gewone taal: hoe dien je een klacht in en wat gebeurt er dan?"),
    "website": Field(url, label="Website", help="De pagina waar je een klacht indient."),
    "email": Field(email, label="E-mail", help="Het adres voor klachten."),
    "telefoon": Field(phone, label="Telefoon", help="Het nummer voor klachten."),
    "antwoord_binnen": Field(text(40), label="Antwoord binnen",
                             help="Hoe snel je antwoord krijgt, bijvoorbeeld: 6 weken."),
    "ombudsman": Field(record(OMBUDSMAN_FIELDS, Ombudsman, "de ombudsman (naam, website, telefoon)"),
                       label="Ombudsman", help="Waar je heen kunt als je het niet eens bent met het antwoord."),
}

OBJECTION_FIELDS = {
    "uitleg": Field(text(500), label="Uitleg",
                    help="In gewone taal: hoe maak je bezwaar tegen een besluit, en wat gebeurt er dan?"),
    "website": Field(url, label="Website", help="De pagina waar je bezwaar maakt."),
    "email": Field(email, label="E-mail", help="Het adres voor bezwaren, als dat mag per e-mail."),
    "adres": Field(text(200), label="Postadres",
                   help="Waar je een brief heen stuurt, bijvoorbeeld: Gemeente Dalveld, Postbus 1, 6420 AA Dalveld."),
    "termijn": Field(text(40), label="Termijn",
                     help="Hoe lang je de tijd hebt. Laat leeg: dan staat er 6 weken, zoals de wet zegt."),
}

# A channel's hours: the days and times of an opening time, without a kind or a place.
CHANNEL_HOURS_FIELDS = {key: OPENING_FIELDS[key] for key in ("dagen", "van", "tot", "toelichting")}

# Which field each kind of channel needs (its value is how a resident uses it).
CHANNEL_NEEDS = {"telefoon": "telefoon", "whatsapp": "telefoon", "email": "email", "formulier": "website",
                 "binnenlopen": "adres"}


def _check_channel(node: Mapping, values: dict[str, Any], ctx: Context, name: str) -> bool:
    needed = CHANNEL_NEEDS.get(values.get("soort", ""))
    if not needed or needed in values or is_given(node, needed):
        return True
    example = CHANNEL_FIELDS[needed].example or shape_of(CHANNEL_FIELDS[needed].convert).example
    ctx.error(node, f"{name}.{needed}", f"Bij soort '{values['soort']}' hoort '{needed}: ...'. Vul het in, "
                                        f"bijvoorbeeld {needed}: {example}.")
    return False


CHANNEL_FIELDS = {
    "soort": Field(choice(vocab.KANALEN, "soort"), required=True, label="Soort",
                   help="Hoe bereik je het loket: bellen, WhatsApp, e-mail, een formulier, binnenlopen of "
                        "een huisbezoek?"),
    "telefoon": Field(phone, label="Telefoon", help="Het nummer om te bellen of te WhatsAppen."),
    "email": Field(email, label="E-mail", help="Het e-mailadres van het loket."),
    "website": Field(url, label="Website", help="De pagina met het formulier. Begin met https://."),
    "naam": Field(text(120), label="Naam van de plek", help="Bij binnenlopen: bijvoorbeeld Gemeentehuis."),
    "adres": Field(text(200), label="Adres", example="Raadhuisplein 1", help="Bij binnenlopen: straat en huisnummer."),
    "postcode": Field(postcode, label="Postcode", help="Vier cijfers en twee letters, bijvoorbeeld 6451 AA."),
    "plaats": Field(text(80), label="Plaats", help="Het dorp of de stad."),
    "tijden": Field(list_of(record(CHANNEL_HOURS_FIELDS, OpeningHours, "een tijd (dagen, van, tot)", _check_opening),
                            allow_single=False, unique=False),
                    label="Tijden", help="Wanneer kan het? Voeg een regel toe voor elke tijd."),
    "uitleg": Field(text(300), label="Uitleg",
                    help="Wat moet iemand weten? Bijvoorbeeld: je krijgt binnen een werkdag antwoord."),
}

FRONT_DOOR_FIELDS = {
    "naam": Field(text(120), label="Naam van het loket",
                  help="Hoe inwoners het loket kennen, bijvoorbeeld Sociaal Team."),
    "uitleg": Field(text(600), label="Uitleg",
                    help="In gewone taal: waarvoor kun je bij het loket terecht? Laat leeg voor de standaardtekst."),
    "kanalen": Field(list_of(record(CHANNEL_FIELDS, Channel, "een kanaal (soort, telefoon, adres, tijden, ...)",
                                    _check_channel), allow_single=False, unique=False),
                     label="Kanalen", help="Alle manieren om het loket te bereiken, ieder met de tijden."),
    "gesprek_binnen": Field(text(40), label="Gesprek binnen",
                            help="Hoe snel iemand een gesprek krijgt, bijvoorbeeld: 5 werkdagen."),
    "organisaties": Field(list_of(voorziening_id), label="Toegangsorganisaties",
                          help="De voorzieningen waar inwoners binnenkomen, zoals het Sociaal Team en het CJG. "
                               "Hun gezichten staan op de pagina."),
    "clientondersteuning": Field(voorziening_id, label="Cliëntondersteuning",
                                 help="De voorziening voor gratis, onafhankelijke cliëntondersteuning."),
}

FEEDBACK_FIELDS = {
    "formulier": Field(url, label="Formulieradres",
                       help="Het adres waar het formulier 'Hoe ging het?' de antwoorden heen stuurt. "
                            "Laat leeg: dan opent een e-mail."),
    "email": Field(email, label="E-mail",
                   help="Waar de e-mail met de antwoorden heen gaat als er geen formulieradres is."),
}

ACCESSIBILITY_FIELDS = {
    "status": Field(choice(vocab.TOEGANKELIJKHEID_STATUS, "status"), label="Status",
                    help="Hoe goed de site aan de eisen voldoet, volgens het laatste onderzoek."),
    "onderzocht_op": Field(date_value, label="Onderzocht op",
                           help="De datum van het onderzoek, bijvoorbeeld 2026-05-01."),
    "onderzocht_door": Field(text(120), label="Onderzocht door", help="Wie het onderzoek deed."),
    "verklaring": Field(url, label="Verklaring",
                        help="Het webadres van de toegankelijkheidsverklaring in het landelijke register."),
    "antwoord_binnen": Field(text(40), label="Antwoord binnen",
                             help="Hoe snel iemand antwoord krijgt op een melding, bijvoorbeeld: 5 werkdagen."),
    "bekende_problemen": Field(list_of(text(300), allow_single=False), label="Bekende problemen",
                               help="Wat nog niet goed werkt. Eén probleem per regel."),
    "planning": Field(text(300), label="Planning", help="Wanneer de problemen zijn opgelost."),
}


SECURITY_FIELDS = {
    "email": Field(email, label="E-mail", help="Waar iemand een beveiligingsprobleem meldt."),
    "website": Field(url, label="Website", help="Een pagina om een beveiligingsprobleem te melden."),
    "beleid": Field(url, label="Beleid", help="Het webadres van het beleid voor het melden van kwetsbaarheden."),
    "talen": Field(list_of(language), label="Talen", help="In welke talen je mag melden, bijvoorbeeld [nl, en]."),
    "verloopt": Field(date_value, required=True, label="Verloopt", help=(
        "Tot wanneer deze gegevens gelden, uiterlijk over een jaar. Zet dan een nieuwe datum."), required_message=(
        "Zet bij beveiliging een datum 'verloopt:', uiterlijk over een jaar, bijvoorbeeld verloopt: 2027-06-30. "
        "Daarna geldt security.txt als verouderd.")),
}

CRISIS_FIELDS = {
    "naam": Field(text(80), required=True, label="Naam",
                  help="Hoe inwoners de hulplijn kennen, bijvoorbeeld Crisisdienst GGZ Zuid-Limburg."),
    "telefoon": Field(list_of(crisis_phone), required=True, label="Telefoon",
                      help="Het nummer of de nummers om te bellen. Ook korte nummers zoals 113 mogen."),
    "soorten": Field(list_of(choice(vocab.CRISIS_SOORTEN, "soort")), required=True, label="Waarvoor",
                     help="Bij welke nood de zoekpagina deze hulplijn toont."),
    "chat": Field(url, label="Chat", help="Het webadres om te chatten, als dat kan. Begin met https://."),
    "uitleg": Field(text(200), label="Uitleg",
                    help="Eén korte zin: wanneer bel je, en is het dag en nacht of gratis?"),
}

GEMEENTE_FIELDS = {
    "naam": Field(text(80), required=True, label="Naam van de gemeente", help="Bijvoorbeeld Beekdaelen."),
    "kernen": Field(list_of(text(80)), required=True, label="Kernen",
                    help="Alle dorpen en wijken van de gemeente. Records kiezen hieruit."),
    "contact": Field(contact, required=True, label="Contact van de gemeente",
                     help="Hoe inwoners de gemeente bereiken. Dit staat op elke pagina."),
    "meldadres": Field(email, required=True, label="Meldadres",
                       help="Het e-mailadres waar inwoners een fout op de site melden."),
    "marktplaats": Field(url, label="Marktplaats",
                         help="Het webadres van de vrijwilligersmarkt, als de gemeente die heeft."),
    # extension: marks demo data so the site says so
    "demo": Field(flag, label="Demo", help="Zet op ja als de gegevens verzonnen zijn. De site zegt dat dan."),
    # extensions: facts for the accessibility statement, complaints and security.txt
    "toegankelijkheid": Field(record(ACCESSIBILITY_FIELDS, AccessibilityFacts,
                                     "de toegankelijkheid (status, onderzocht_op, onderzocht_door, ...)"),
                              label="Toegankelijkheid",
                              help="De feiten voor de toegankelijkheidsverklaring op de site."),
    "klachten": Field(record(COMPLAINTS_FIELDS, Complaints, "de klachten (uitleg, website, email, telefoon, ...)"),
                      label="Klachten", help="Hoe inwoners een klacht indienen, en bij wie ze daarna terecht kunnen."),
    # extensions: objections, the one front door and residents' feedback (/klachten/, /een-loket/, /postkaart/)
    "bezwaar": Field(record(OBJECTION_FIELDS, Objection, "het bezwaar (uitleg, website, email, adres, termijn)"),
                     label="Bezwaar", help="Hoe en waar inwoners bezwaar maken tegen een besluit."),
    "loket": Field(record(FRONT_DOOR_FIELDS, FrontDoor, "het loket (naam, kanalen, organisaties, ...)"),
                   label="Eén loket", help="De voordeur voor hulp en zorg: hoe je het loket bereikt en wat er "
                                          "daarna gebeurt."),
    "terugkoppeling": Field(record(FEEDBACK_FIELDS, Feedback, "de terugkoppeling (formulier, email)"),
                            label="Hoe ging het?",
                            help="Waar de antwoorden van de postkaart 'Hoe ging het?' heen gaan."),
    "beveiliging": Field(record(SECURITY_FIELDS, SecurityContact, "de beveiliging (email, website, beleid, ...)",
                                _one_of("email", "website", "Geef een e-mailadres of een webadres waar iemand een "
                                        "beveiligingsprobleem kan melden: email: of website: onder beveiliging:.")),
                         label="Beveiliging", help="Waar iemand een beveiligingsprobleem meldt (voor security.txt)."),
    # extension (issue 19): the municipality's own crisis lines, shown with 113, Veilig Thuis and 112
    "crisis": Field(list_of(record(CRISIS_FIELDS, CrisisLine, "een hulplijn (naam, telefoon, soorten, ...)"),
                            allow_single=False, unique=False),
                    label="Hulplijnen in nood",
                    help="Eigen hulplijnen die de zoekpagina boven de resultaten toont als iemand in nood zoekt. "
                         "113, Veilig Thuis en 112 staan er altijd al."),
}

VOORZIENING_FIELDS = {
    "naam": Field(text(80), required=True, label="Naam",
                  help="De naam zoals inwoners hem kennen, bijvoorbeeld Hoeskamer Schinveld."),
    "samenvatting": Field(text(200), required=True, label="Samenvatting",
                          help="Eén of twee korte zinnen: wat is het en voor wie? Gebruik gewone woorden."),
    "route": Field(choice(vocab.ROUTES, "route"), required=True, label="Route",
                   help="Zelf doen: informatie en tips. Samen doen: met buren of vrijwilligers. "
                        "Laten doen: hulp van een professional."),
    "toegang": Field(choice(vocab.TOEGANG, "toegang"), required=True, label="Toegang",
                     help="Kan iedereen zo komen (vrij), is een verwijzing nodig, of beslist de gemeente "
                          "(beschikking)?"),
    # extension (issue 21): who decides on access, where that is not the gemeente (records/access.py)
    "beslist": Field(choice(vocab.BESLISSERS, "beslisser"), label="Wie beslist",
                     help="Wie beslist of iemand deze hulp krijgt, bijvoorbeeld ciz bij de Wlz? "
                          "Laat leeg als de gemeente beslist of als iedereen zo kan komen."),
    "themas": Field(list_of(choice(vocab.THEMAS, "thema")), required=True, label="Thema's",
                    help="Waar gaat het over? Kies één of meer thema's."),
    "doelgroepen": Field(list_of(choice(vocab.DOELGROEPEN, "doelgroep")), label="Doelgroepen",
                         help="Voor wie is het? Laat leeg als het voor iedereen is."),
    "kernen": Field(list_of(kern), label="Kernen",
                    help="In welke dorpen of wijken? Laat leeg als het voor de hele gemeente is."),
    "aanbieder": Field(text(120), label="Aanbieder", help="Wie biedt het aan, bijvoorbeeld Stichting Welzijn."),
    "beschrijving": Field(markdown_text(10_000), label="Beschrijving",
                          help="Meer uitleg voor wie verder leest. Korte alinea's; vet en links mogen."),
    "aanmelden": Field(text(500), label="Aanmelden",
                       help="Wat is de eerste stap? Bijvoorbeeld: Bel ons, of vraag een verwijzing aan de huisarts."),
    # extension (issue 14): what a GP or another professional needs to refer someone
    "verwijzen": Field(referral, label="Verwijzen",
                       help="Voor huisartsen en hulpverleners: wie mag verwijzen en hoe doe je dat?"),
    "kosten": Field(choice(vocab.KOSTEN, "kosten"), label="Kosten", help="Is het gratis, of betaal je iets?"),
    "kosten_toelichting": Field(text(300), label="Uitleg over de kosten",
                                help="Bijvoorbeeld: Koffie is gratis, de maaltijd kost € 6."),
    "wet": Field(choice(vocab.WETTEN, "wet"), label="Wet",
                 help="Onder welke wet valt deze hulp? Laat leeg als je het niet weet."),
    "contact": Field(contact, label="Contact", help="Hoe inwoners contact opnemen."),
    "locaties": Field(list_of(location, allow_single=False, unique=False), label="Locaties",
                      help="Waar is het? Voeg een locatie toe voor elke plek."),
    "openingstijden": Field(list_of(opening_hours, allow_single=False, unique=False), label="Openingstijden",
                            help="Wanneer kun je komen of bellen? Voeg een regel toe voor elke tijd."),
    "trefwoorden": Field(list_of(text(80)), label="Trefwoorden",
                         help="Woorden die inwoners intypen als ze dit zoeken, gescheiden door komma's."),
    "talen": Field(list_of(language), label="Talen",
                   help="In welke talen kun je geholpen worden? Codes van 2 of 3 letters, zoals nl, en, ar."),
    "status": Field(choice(vocab.STATUS, "status"), label="Status",
                    help="Actief, tijdelijk gesloten of gestopt. Laat leeg als het gewoon doorgaat."),
    "geldig_tot": Field(date_value, label="Geldig tot",
                        help="Na deze datum verdwijnt de pagina van de site. Laat leeg als het blijft."),
    "wachttijd": Field(waiting_time, label="Wachttijd",
                       help="Hoe lang wacht iemand, en wanneer heb je dat nagevraagd? Laat leeg als je het niet weet."),
    "gecontroleerd": Field(date_value, required=True, label="Gecontroleerd op",
                           help="De datum waarop je alle gegevens hebt gecontroleerd."),
}

FACE_FIELDS = {
    "naam": Field(text(80), required=True, label="Naam", help="Voornaam en achternaam."),
    "functie": Field(text(80), required=True, label="Functie", help="Bijvoorbeeld Ouderenadviseur."),
    "organisatie": Field(text(120), required=True, label="Organisatie",
                         help="Waar deze persoon werkt, bijvoorbeeld Stichting Welzijn."),
    "voorziening": Field(voorziening_id, label="Voorziening",
                         help="De voorziening waar deze persoon bij hoort: de bestandsnaam zonder .yaml."),
    "telefoon": Field(phone, required=True, label="Direct telefoonnummer",
                      help="Het nummer waarop je deze persoon zelf bereikt."),
    "email": Field(email, label="E-mail", help="Het eigen e-mailadres van deze persoon."),
    "bereikbaar": Field(text(200), label="Bereikbaar",
                        help="Wanneer is deze persoon te bereiken? Bijvoorbeeld ma t/m do."),
    "vragen": Field(list_of(text(120)), label="Vragen",
                    help="Met welke vragen kun je bij deze persoon terecht? Gescheiden door komma's."),
    "kernen": Field(list_of(kern), label="Kernen",
                    help="Voor welke dorpen of wijken? Laat leeg voor de hele gemeente."),
    "foto": Field(photo_name, label="Foto",
                  help="Een foto van het gezicht, alleen met toestemming. Wordt opgeslagen als <id>.jpg."),
    "foto_alt": Field(text(200), label="Beschrijving van de foto",
                      help="Voor wie de foto niet kan zien. Laat leeg: dan is het de naam."),
    "toestemming": Field(
        date_value,
        required=True,
        required_message=(
            "Er staat geen 'toestemming'. Zonder vastgelegde toestemming mag deze kaart "
            "niet online. Zet de datum van toestemming erbij, bijvoorbeeld toestemming: 2026-03-14."
        ),
        label="Toestemming gegeven op",
        help="De datum waarop deze persoon toestemming gaf voor de kaart en de foto. Zonder datum komt de kaart "
             "niet online.",
    ),
    "gecontroleerd": Field(date_value, required=True, label="Gecontroleerd op",
                           help="De datum waarop je alle gegevens hebt gecontroleerd."),
}


# --- route pages in content/: life events (levensloop/<slug>.yaml) and zorgen-om-een-ander.yaml ---

# An article chosen by its file name (content/artikelen/<naam>.md), checked once the articles are known.
artikel_slug = shaped(text(80), Shape("artikel", max_len=80))

STEP_FIELDS = {
    "voorziening": Field(voorziening_id, label="Voorziening",
                         help="Een voorziening voor deze stap: de bestandsnaam zonder .yaml. Of kies een artikel."),
    "artikel": Field(artikel_slug, label="Artikel",
                     help="Een artikel voor deze stap: de bestandsnaam zonder .md. Of kies een voorziening."),
    "uitleg": Field(text(300), label="Waarom deze stap",
                    help="Eén korte zin: waarom is dit nu handig? Bijvoorbeeld: Regel dit in de vierde maand."),
}

LIFE_EVENT_FIELDS = {
    "titel": Field(text(80), required=True, label="Titel",
                   help="Het moment in het leven, zoals een inwoner het zegt. Bijvoorbeeld: Je krijgt een kind."),
    "intro": Field(text(600), required=True, label="Inleiding",
                   help="Twee of drie korte zinnen in gewone taal: wat verandert er en wat kun je regelen?"),
    "let_op": Field(text(300), label="Let op",
                    help="Iets wat niet mag wachten, bijvoorbeeld een termijn of een noodnummer. Staat bovenaan."),
    "volgorde": Field(whole_number(0, 999), label="Volgorde",
                      help="Waar dit in de lijst staat: lage getallen eerst. Laat leeg: dan op alfabet, achteraan."),
    "themas": Field(list_of(choice(vocab.THEMAS, "thema")), label="Thema's", help="Bij welke thema's hoort dit?"),
    "doelgroepen": Field(list_of(choice(vocab.DOELGROEPEN, "doelgroep")), label="Doelgroepen",
                         help="Voor wie is dit vooral? Laat leeg als het voor iedereen is."),
    "stappen": Field(list_of(record(STEP_FIELDS, dict, "een stap (voorziening of artikel, uitleg)"),
                             allow_single=False, unique=False), required=True, label="Stappen",
                     help="De voorzieningen en artikelen die helpen, in de volgorde waarin je ze nodig hebt."),
}
