"""The record tables: which fields each file of the data format has, and their types.

The data format (docs/dataformaat.md) is the contract; this is its executable form.
"""

from __future__ import annotations

from .. import vocab
from ..model import AccessibilityFacts, Complaints, Contact, Location, Ombudsman, OpeningHours, SecurityContact
from .framework import (
    INVALID,
    Field,
    choice,
    did_you_mean,
    is_given,
    list_of,
    multiline_text,
    record,
    scalar_text,
    text,
)
from .types import coordinate, date_value, email, flag, language, phone, postcode, time_value, url

CONTACT_FIELDS = {
    "telefoon": Field(phone),
    "whatsapp": Field(phone),
    "email": Field(email),
    "website": Field(url),
}


contact = record(CONTACT_FIELDS, Contact, "het contact (telefoon, whatsapp, email, website)")

LOCATION_FIELDS = {
    "naam": Field(text(120)),
    "adres": Field(text(200)),
    "postcode": Field(postcode),
    "plaats": Field(text(80)),
    "lat": Field(coordinate(-90, 90)),
    "lon": Field(coordinate(-180, 180)),
    "toegankelijkheid": Field(text(500)),
}


def _check_location(node, values, ctx, name):
    given = {key for key in ("lat", "lon") if is_given(node, key)}
    if len(given) == 1:
        missing = "lon" if "lat" in given else "lat"
        ctx.error(node, f"{name}.{missing}", "Geef lat én lon, of laat ze allebei weg.")
        return False
    return True


location = record(LOCATION_FIELDS, Location, "een locatie (naam, adres, postcode, plaats, ...)", _check_location)

OPENING_FIELDS = {
    "dagen": Field(list_of(choice(vocab.DAGEN, "dag")), required=True),
    "van": Field(time_value, required=True),
    "tot": Field(time_value, required=True),
    "toelichting": Field(text(200)),
}


def _check_opening(node, values, ctx, name):
    ok = True
    van, tot = values.get("van"), values.get("tot")
    if van and tot and (van == "24:00" or van >= tot):
        ctx.error(node.get("tot"), f"{name}.tot",
                  f"De eindtijd {tot} ligt niet na de begintijd {van}. "
                  "Zet 'van' vóór 'tot' (sluiten om middernacht schrijf je als 24:00).")
        ok = False
    if values.get("dagen") == ():
        ctx.error(node, f"{name}.dagen", "Noem minstens één dag, bijvoorbeeld [ma, wo].")
        ok = False
    return ok


opening_hours = record(OPENING_FIELDS, OpeningHours, "een openingstijd (dagen, van, tot)", _check_opening)


def kern(node, ctx, name):
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


OMBUDSMAN_FIELDS = {
    "naam": Field(text(120), required=True),
    "website": Field(url),
    "telefoon": Field(phone),
}

COMPLAINTS_FIELDS = {
    "uitleg": Field(text(500)),
    "website": Field(url),
    "email": Field(email),
    "telefoon": Field(phone),
    "antwoord_binnen": Field(text(40)),
    "ombudsman": Field(record(OMBUDSMAN_FIELDS, Ombudsman, "de ombudsman (naam, website, telefoon)")),
}

ACCESSIBILITY_FIELDS = {
    "status": Field(choice(vocab.TOEGANKELIJKHEID_STATUS, "status")),
    "onderzocht_op": Field(date_value),
    "onderzocht_door": Field(text(120)),
    "verklaring": Field(url),
    "antwoord_binnen": Field(text(40)),
    "bekende_problemen": Field(list_of(text(300), allow_single=False)),
    "planning": Field(text(300)),
}


def _check_security(node, values, ctx, name):
    if values.get("email") or values.get("website") or is_given(node, "email") or is_given(node, "website"):
        return True
    ctx.error(node, f"{name}.email", "Geef een e-mailadres of een webadres waar iemand een beveiligingsprobleem "
                                     "kan melden: email: of website: onder beveiliging:.")
    return False


SECURITY_FIELDS = {
    "email": Field(email),
    "website": Field(url),
    "beleid": Field(url),
    "talen": Field(list_of(language)),
    "verloopt": Field(date_value, required=True, required_message=(
        "Zet bij beveiliging een datum 'verloopt:', uiterlijk over een jaar, bijvoorbeeld verloopt: 2027-06-30. "
        "Daarna geldt security.txt als verouderd.")),
}

GEMEENTE_FIELDS = {
    "naam": Field(text(80), required=True),
    "kernen": Field(list_of(text(80)), required=True),
    "contact": Field(contact, required=True),
    "meldadres": Field(email, required=True),
    "marktplaats": Field(url),
    "demo": Field(flag),  # extension: marks demo data so the site says so
    # extensions: facts for the accessibility statement, complaints and security.txt
    "toegankelijkheid": Field(record(ACCESSIBILITY_FIELDS, AccessibilityFacts,
                                     "de toegankelijkheid (status, onderzocht_op, onderzocht_door, ...)")),
    "klachten": Field(record(COMPLAINTS_FIELDS, Complaints, "de klachten (uitleg, website, email, telefoon, ...)")),
    "beveiliging": Field(record(SECURITY_FIELDS, SecurityContact, "de beveiliging (email, website, beleid, ...)",
                                _check_security)),
}

VOORZIENING_FIELDS = {
    "naam": Field(text(80), required=True),
    "samenvatting": Field(text(200), required=True),
    "route": Field(choice(vocab.ROUTES, "route"), required=True),
    "toegang": Field(choice(vocab.TOEGANG, "toegang"), required=True),
    "themas": Field(list_of(choice(vocab.THEMAS, "thema")), required=True),
    "doelgroepen": Field(list_of(choice(vocab.DOELGROEPEN, "doelgroep"))),
    "kernen": Field(list_of(kern)),
    "aanbieder": Field(text(120)),
    "beschrijving": Field(multiline_text),
    "aanmelden": Field(text(500)),
    "kosten": Field(choice(vocab.KOSTEN, "kosten")),
    "kosten_toelichting": Field(text(300)),
    "wet": Field(choice(vocab.WETTEN, "wet")),
    "contact": Field(contact),
    "locaties": Field(list_of(location, allow_single=False, unique=False)),
    "openingstijden": Field(list_of(opening_hours, allow_single=False, unique=False)),
    "trefwoorden": Field(list_of(text(80))),
    "talen": Field(list_of(language)),
    "status": Field(choice(vocab.STATUS, "status")),
    "geldig_tot": Field(date_value),
    "gecontroleerd": Field(date_value, required=True),
}

FACE_FIELDS = {
    "naam": Field(text(80), required=True),
    "functie": Field(text(80), required=True),
    "organisatie": Field(text(120), required=True),
    "voorziening": Field(text(80)),
    "telefoon": Field(phone, required=True),
    "email": Field(email),
    "bereikbaar": Field(text(200)),
    "vragen": Field(list_of(text(120))),
    "kernen": Field(list_of(kern)),
    "foto": Field(text(200)),
    "foto_alt": Field(text(200)),
    "toestemming": Field(
        date_value,
        required=True,
        required_message=(
            "Er staat geen 'toestemming'. Zonder vastgelegde toestemming mag deze kaart "
            "niet online. Zet de datum van toestemming erbij, bijvoorbeeld toestemming: 2026-03-14."
        ),
    ),
    "gecontroleerd": Field(date_value, required=True),
}
