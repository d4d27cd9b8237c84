"""The value types of the data format: each parses one editor's text or says why not.

Every converter here is a ``scalar`` (see ``framework``): it gets the stripped text and
raises ``Invalid`` with the Dutch message an editor reads.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ...safeurl import web_address_problem
from ..model import Phone
from .framework import Invalid, scalar

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
        raise Invalid(f"'{value}' is geen geldige postcode. Schrijf vier cijfers en twee letters, "
                      "bijvoorbeeld 6451 AA.")
    return f"{match.group(1)} {match.group(2).upper()}"


_EMAIL_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"  # one part of the domain
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + _EMAIL_LABEL + r"(?:\." + _EMAIL_LABEL + r")+$")


@scalar
def email(value):
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL.match(value) or len(value) > 254:
        raise Invalid(f"'{value}' is geen geldig e-mailadres. Schrijf alleen het adres, bijvoorbeeld info@gemeente.nl.")
    return value


@scalar
def url(value):
    """A website: an http(s) address as a browser reads it (see wegwijzer.safeurl)."""
    problem = web_address_problem(value)
    if problem:
        raise Invalid(problem)
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
