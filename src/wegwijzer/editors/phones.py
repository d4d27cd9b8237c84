"""Phone numbers, checked as far as that is possible without calling them.

`wegwijzer check` already knows the format (``types.parse_phone``). Here the
``phonenumbers`` library (Google's libphonenumber data) adds whether the number can
exist in the Dutch numbering plan: a real area code, a mobile number of the right
length, a service number (0800, 0900, 14 0xx). Whether someone answers cannot be known
without calling; the report says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import phonenumbers
from phonenumbers import PhoneNumberType

from ..records.schema.framework import invalid_message
from ..records.schema.types import PHONE, parse_phone

_KINDS = {
    PhoneNumberType.FIXED_LINE: "vast nummer",
    PhoneNumberType.MOBILE: "mobiel nummer",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "vast of mobiel nummer",
    PhoneNumberType.TOLL_FREE: "gratis nummer (0800)",
    PhoneNumberType.PREMIUM_RATE: "betaald nummer (090x)",
    PhoneNumberType.SHARED_COST: "nummer met gedeelde kosten",
    PhoneNumberType.VOIP: "internetnummer",
    PhoneNumberType.UAN: "servicenummer",
    PhoneNumberType.PAGER: "piepernummer",
    PhoneNumberType.VOICEMAIL: "voicemailnummer",
}

NOT_CALLED = "Het nummer is niet gebeld: of er iemand opneemt, weet je pas als je belt."


@dataclass(frozen=True)
class PhoneResult:
    value: str
    ok: bool
    kind: str  # what the number is (Dutch), or "" when it cannot exist
    message: str  # Dutch: what is wrong and what to do, or what was checked


def check_phone(value: str) -> PhoneResult:
    if parse_phone(value) is None:
        return PhoneResult(value, False, "", invalid_message(value, PHONE))
    number = _parse(value)
    if number is None or not phonenumbers.is_valid_number(number):
        return PhoneResult(value, False, "",
                           f"'{value}' kan geen Nederlands nummer zijn: het netnummer of de lengte bestaat niet. "
                           "Controleer het nummer op de website of de brief van de aanbieder.")
    kind = _KINDS.get(phonenumbers.number_type(number), "nummer")
    return PhoneResult(value, True, kind, f"Kan bestaan ({kind}). {NOT_CALLED}")


def _parse(value: str) -> Optional[phonenumbers.PhoneNumber]:
    try:
        return phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return None
