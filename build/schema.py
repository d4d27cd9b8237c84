"""The typed schema of the data format.

Each field has a converter that turns a YAML node into a checked value or reports
why it cannot, with the line of the node. A record collects every problem of every
field; nothing stops at the first error.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Optional
from urllib.parse import urlsplit

from . import vocab
from .model import Contact, Location, OpeningHours, Phone
from .yamlsafe import Mapping, Scalar, Sequence

INVALID = object()  # a converter's "reported, no value"


@dataclass
class Context:
    """Where a value comes from, so a converter can report precisely."""

    collector: object
    path: str
    kernen: Optional[tuple] = None  # the gemeente's kernen, once known

    def error(self, node, field_name, message):
        self.collector.error(self.path, node.line, field_name, message)

    def warning(self, node, field_name, message):
        self.collector.warning(self.path, node.line, field_name, message)


@dataclass(frozen=True)
class Field:
    convert: Callable  # (node, ctx, name) -> value | INVALID
    required: bool = False
    required_message: str = ""


# --- scalar converters ---------------------------------------------------------------


def _scalar_text(node, ctx, name) -> object:
    if isinstance(node, Scalar):
        return node.value.strip()
    kind = "een lijst" if isinstance(node, Sequence) else "losse velden"
    ctx.error(node, name, f"Hier hoort één tekst, maar er staat {kind}. Schrijf de waarde achter de dubbele punt.")
    return INVALID


class Invalid(ValueError):
    """Raised by a value parser; its text is the editor's message."""


def scalar(parse):
    """Make a field converter from ``parse(text) -> value``, which raises Invalid(message).

    The frame every scalar field shares: it must be one text, and a problem is
    reported on the value's line under the field's name.
    """

    def convert(node, ctx, name):
        value = _scalar_text(node, ctx, name)
        if value is INVALID:
            return INVALID
        try:
            return parse(value)
        except Invalid as problem:
            ctx.error(node, name, str(problem))
            return INVALID

    return convert


def text(max_len: Optional[int] = None):
    @scalar
    def parse(value):
        if max_len and len(value) > max_len:
            raise Invalid(f"Deze tekst is {len(value)} tekens; het maximum is {max_len}. Maak hem korter.")
        return value

    return parse


def multiline_text(node, ctx, name):
    if isinstance(node, Scalar):
        return node.value.strip("\n").rstrip()
    return _scalar_text(node, ctx, name)


def choice(allowed, label: str = "waarde", case_sensitive: bool = False):
    allowed = list(allowed)
    lookup = {option if case_sensitive else option.lower(): option for option in allowed}

    @scalar
    def parse(value):
        option = lookup.get(value if case_sensitive else value.lower())
        if option is None:
            raise Invalid(_not_allowed(value, allowed, label))
        return option

    return parse


def _not_allowed(value, allowed, label):
    hint = _nearest(value, allowed)
    suggestion = f" Bedoel je '{hint}'?" if hint else ""
    return f"'{value}' is niet toegestaan als {label}.{suggestion} Kies uit: {', '.join(allowed)}."


def _nearest(value, options):
    lowered = {o.lower(): o for o in options}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@scalar
def date_value(value):
    match = _DATE.match(value)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            pass
    raise Invalid(f"'{value}' is geen geldige datum. Schrijf jaar-maand-dag, bijvoorbeeld 2026-09-01.")


_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


@scalar
def time_value(value):
    match = _TIME.match(value)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if (hours < 24 and minutes < 60) or (hours == 24 and minutes == 0):
            return f"{hours:02d}:{minutes:02d}"
    raise Invalid(f"'{value}' is geen geldige tijd. Schrijf uren:minuten, bijvoorbeeld 9:00 of 17:30.")


_POSTCODE = re.compile(r"^([1-9]\d{3})\s*([A-Za-z]{2})$")


@scalar
def postcode(value):
    match = _POSTCODE.match(value)
    if not match:
        raise Invalid(f"'{value}' is geen geldige postcode. Schrijf vier cijfers en twee letters, bijvoorbeeld 6451 AA.")
    return f"{match.group(1)} {match.group(2).upper()}"


_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")


@scalar
def email(value):
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL.match(value) or len(value) > 254:
        raise Invalid(f"'{value}' is geen geldig e-mailadres. Schrijf alleen het adres, bijvoorbeeld info@gemeente.nl.")
    return value


@scalar
def url(value):
    parts = urlsplit(value) if not re.search(r"[\s<>\"'`\\]", value) else None
    if not parts or parts.scheme.lower() not in ("http", "https") or not parts.hostname or "." not in parts.hostname:
        raise Invalid(f"'{value}' is geen geldig webadres. Begin met https:// (of http://), bijvoorbeeld https://www.gemeente.nl.")
    return value


@scalar
def phone(value):
    parsed = parse_phone(value)
    if parsed is None:
        raise Invalid(f"'{value}' is geen geldig Nederlands telefoonnummer. Schrijf het zoals je het belt, "
                      "bijvoorbeeld 045 123 45 67, 06 12345678 of 14 045.")
    return parsed


def coordinate(low: float, high: float):
    @scalar
    def parse(value):
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            number = None
        if number is None or not (low <= number <= high) or number != number:
            raise Invalid(f"'{value}' is geen geldige coördinaat. Schrijf een getal tussen {low:g} en {high:g}, "
                          "bijvoorbeeld 50.9704.")
        return number

    return parse


_YES, _NO = ("ja", "yes", "true", "waar"), ("nee", "no", "false", "onwaar")


@scalar
def flag(value):
    lowered = value.lower()
    if lowered in _YES or lowered in _NO:
        return lowered in _YES
    raise Invalid(f"'{value}' is geen ja of nee. Schrijf ja of nee.")


_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@scalar
def language(value):
    code = value.lower()
    if not _LANGUAGE.match(code):
        raise Invalid(f"'{value}' is geen taalcode. Gebruik een code van 2 of 3 letters, zoals nl, en, ar of tr.")
    return code


# --- phone numbers ------------------------------------------------------------------

_THREE_DIGIT_AREAS = {
    "010", "013", "015", "020", "023", "024", "026", "030", "033", "035", "036", "038",
    "040", "043", "045", "046", "050", "053", "055", "058", "070", "071", "072", "073",
    "074", "075", "076", "077", "078", "079",
}


def parse_phone(value: str) -> Optional[Phone]:
    """A Dutch number as people write it, or None. Handles +31, 0031, 14 0xx, 0800/0900."""
    if re.search(r"[^\d\s+()./-]", value):
        return None
    digits = re.sub(r"[\s()./-]", "", value)
    if digits.startswith("+31"):
        digits = "0" + digits[3:].lstrip("0")
    elif digits.startswith("0031"):
        digits = "0" + digits[4:].lstrip("0")
    if not digits.isdigit():
        return None
    if digits.startswith("140") and len(digits) in (5, 6):  # municipal short number 14 0xx(x)
        return Phone(f"14 {digits[2:]}", digits)
    if digits[:4] in ("0800", "0900", "0906", "0909") and len(digits) in (8, 11):
        rest = digits[4:]
        readable = rest if len(rest) == 4 else f"{rest[:3]} {rest[3:]}"
        return Phone(f"{digits[:4]} {readable}", digits)
    if len(digits) != 10 or not digits.startswith("0") or digits[1] == "0":
        return None
    return Phone(_readable(value, digits), "+31" + digits[1:])


def _readable(written: str, digits: str) -> str:
    written = " ".join(written.split())
    if re.search(r"[\s-]", written) and not written.startswith(("+", "00")):
        return written  # the editor already grouped it; keep their grouping
    if digits.startswith("06"):
        return f"06 {digits[2:6]} {digits[6:]}"
    if digits.startswith(("085", "088", "084", "087", "091")) or digits[:3] in _THREE_DIGIT_AREAS:
        return f"{digits[:3]} {digits[3:6]} {digits[6:8]} {digits[8:]}"
    return f"{digits[:4]} {digits[4:6]} {digits[6:8]} {digits[8:]}"


# --- composite converters -----------------------------------------------------------


def list_of(item_convert, allow_single: bool = True, unique: bool = True):
    """A list (``[a, b]`` or dashes); a single value is accepted as a list of one."""

    def convert(node, ctx, name):
        if isinstance(node, Scalar):
            if not allow_single:
                ctx.error(node, name, "Hier hoort een lijst, bijvoorbeeld [a, b].")
                return INVALID
            if node.value.strip() == "":
                return ()
            items = [node]
        elif isinstance(node, Sequence):
            items = node.items
        else:
            ctx.error(node, name, "Hier hoort een lijst, bijvoorbeeld [a, b], maar er staan losse velden.")
            return INVALID
        values = []
        ok = True
        for item in items:
            value = item_convert(item, ctx, name)
            if value is INVALID:
                ok = False
            elif not unique or value not in values:
                values.append(value)
        return tuple(values) if ok else INVALID

    return convert


def record(fields: dict, model: Callable, label: str, check: Optional[Callable] = None):
    """A nested mapping (contact, a location, an opening time).

    ``check(node, values, ctx, name) -> bool`` reports rules between fields. It runs on
    the fields that converted, even when others did not, so every problem is reported.
    """

    def convert(node, ctx, name):
        if not isinstance(node, Mapping):
            ctx.error(node, name, f"Hier horen de velden van {label}, ieder op een eigen regel ingesprongen.")
            return INVALID
        values, ok = convert_fields(node, fields, ctx, prefix=f"{name}.")
        if check is not None:
            ok = check(node, values, ctx, name) and ok
        return model(**values) if ok else INVALID

    convert.fields = fields  # lets an unknown-field message point into nested records
    return convert


def convert_fields(mapping: Mapping, fields: dict, ctx: Context, prefix: str = ""):
    """Convert every field of a mapping; report unknown, missing and invalid ones.

    Returns (values, ok): the values that converted, so later checks can still run
    on them, and whether everything was valid.
    """
    values = {}
    ok = True
    for key, (key_line, node) in mapping.entries.items():
        spec = fields.get(key)
        if spec is None:
            ok = _unknown_field(key, key_line, fields, ctx, prefix) and ok
            continue
        if isinstance(node, Scalar) and node.plain and node.value.strip() == "":
            continue  # "veld:" with nothing after it counts as absent
        value = spec.convert(node, ctx, prefix + key)
        if value is INVALID:
            ok = False
        else:
            values[key] = value
    for key, spec in fields.items():
        if spec.required and key not in values and not _reported(mapping, key):
            message = spec.required_message or f"Het verplichte veld '{key}' ontbreekt. Voeg een regel '{key}: ...' toe."
            ctx.collector.error(ctx.path, mapping.line, prefix + key, message)
            ok = False
    return values, ok


def _reported(mapping: Mapping, key: str) -> bool:
    node = mapping.get(key)
    return node is not None and not (isinstance(node, Scalar) and node.value.strip() == "")


def _unknown_field(key, line, fields, ctx, prefix):
    ctx.collector.error(ctx.path, line, prefix + key, f"Onbekend veld '{key}'.{_field_hint(key, fields)}")
    return False


def _field_hint(key: str, fields: dict) -> str:
    """The nearest known name, also looking one level down (telefon -> contact.telefoon)."""
    candidates = {name: name for name in fields}
    for name, spec in fields.items():
        for sub in getattr(spec.convert, "fields", ()):
            candidates.setdefault(sub, f"{name}.{sub}")
    scored = [(difflib.SequenceMatcher(None, key.lower(), c).ratio(), c) for c in candidates]
    score, best = max(scored)
    if score < 0.6:
        return f" Bekende velden: {', '.join(fields)}."
    target = candidates[best]
    if "." in target:
        parent, sub = target.split(".", 1)
        return f" Bedoel je '{sub}'? Dat veld hoort onder '{parent}:', ingesprongen."
    return f" Bedoel je '{target}'?"


# --- the record types ---------------------------------------------------------------

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
    given = {key for key in ("lat", "lon") if _reported(node, key)}
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
    value = _scalar_text(node, ctx, name)
    if value is INVALID or ctx.kernen is None:
        return value
    for known in ctx.kernen:
        if value.lower() == known.lower():
            return known
    hint = _nearest(value, ctx.kernen)
    suggestion = f" Bedoel je '{hint}'?" if hint else ""
    ctx.error(node, name, f"De kern '{value}' staat niet in gemeente.yaml.{suggestion} Kies uit: {', '.join(ctx.kernen)}.")
    return INVALID


GEMEENTE_FIELDS = {
    "naam": Field(text(80), required=True),
    "kernen": Field(list_of(text(80)), required=True),
    "contact": Field(contact, required=True),
    "meldadres": Field(email, required=True),
    "marktplaats": Field(url),
    "demo": Field(flag),  # extension: marks demo data so the site says so
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
