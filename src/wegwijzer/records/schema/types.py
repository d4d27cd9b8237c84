"""The value types of the data format: each parses one editor's text or says why not.

Every converter here is a ``scalar`` (see ``framework``): it gets the stripped text and
raises ``Invalid`` with the Dutch message an editor reads.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Optional

from ...safeurl import web_address_problem
from ..markdown_limits import markdown_problems
from ..model import Phone
from ..yamlsafe import Node, Scalar
from .framework import INVALID, Context, Converter, Invalid, Shape, invalid_message, multiline_text, scalar, shaped

# Each type's Shape carries its message halves and a pattern a web form can check (the
# patterns are written so that Python and JavaScript read them the same way).
DATE = Shape("date", pattern=r"^\d{4}-\d{1,2}-\d{1,2}$", problem="geen geldige datum",
             hint="Schrijf jaar-maand-dag, bijvoorbeeld 2026-09-01.", example="2026-09-01")
TIME = Shape("time", pattern=r"^([01]?\d|2[0-4])[:.][0-5]\d$", problem="geen geldige tijd",
             hint="Schrijf uren:minuten, bijvoorbeeld 9:00 of 17:30.", example="9:00")
POSTCODE = Shape("postcode", pattern=r"^[1-9]\d{3} ?[A-Za-z]{2}$", problem="geen geldige postcode",
                 hint="Schrijf vier cijfers en twee letters, bijvoorbeeld 6451 AA.", example="6451 AA")
EMAIL = Shape("email", pattern=r"^(mailto:)?[^\s@]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$",
              problem="geen geldig e-mailadres",
              hint="Schrijf alleen het adres, bijvoorbeeld info@gemeente.nl.", example="info@gemeente.nl")
URL = Shape("url", pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s<>\"'`\\/]+\.[^\s<>\"'`\\]+$",
            problem="geen geldig webadres",
            hint="Begin met https:// (of http://), bijvoorbeeld https://www.gemeente.nl.",
            example="https://www.gemeente.nl")
PHONE = Shape("phone", pattern=r"^(\+31|0031|\(?0|14 ?0)[0-9 ()./-]{2,17}$",
              problem="geen geldig Nederlands telefoonnummer",
              hint="Schrijf het zoals je het belt, bijvoorbeeld 045 123 45 67, 06 12345678 of 14 045.",
              example="045 123 45 67")
FLAG = Shape("flag", options=(("ja", "ja"), ("nee", "nee")), problem="geen ja of nee", hint="Schrijf ja of nee.",
             example="nee")
LANGUAGE = Shape("language", pattern=r"^[A-Za-z]{2,3}$", problem="geen taalcode",
                 hint="Gebruik een code van 2 of 3 letters, zoals nl, en, ar of tr.", example="nl")

_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


@scalar(shape=DATE)
def date_value(value: str) -> date:
    match = _DATE.match(value)
    if match:
        try:
            return date(*map(int, match.groups()))
        except ValueError:
            pass
    raise Invalid(invalid_message(value, DATE))


_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


@scalar(shape=TIME)
def time_value(value: str) -> str:
    match = _TIME.match(value)
    if match:
        hours, minutes = int(match.group(1)), int(match.group(2))
        if (hours < 24 and minutes < 60) or (hours == 24 and minutes == 0):
            return f"{hours:02d}:{minutes:02d}"
    raise Invalid(invalid_message(value, TIME))


_POSTCODE = re.compile(r"^([1-9]\d{3})\s*([A-Za-z]{2})$")


@scalar(shape=POSTCODE)
def postcode(value: str) -> str:
    match = _POSTCODE.match(value)
    if not match:
        raise Invalid(invalid_message(value, POSTCODE))
    return f"{match.group(1)} {match.group(2).upper()}"


_EMAIL_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"  # one part of the domain
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@" + _EMAIL_LABEL + r"(?:\." + _EMAIL_LABEL + r")+$")


@scalar(shape=EMAIL)
def email(value: str) -> str:
    if value.lower().startswith("mailto:"):
        value = value[7:]
    if not _EMAIL.match(value) or len(value) > 254:
        raise Invalid(invalid_message(value, EMAIL))
    return value


@scalar(shape=URL)
def url(value: str) -> str:
    """A website: an http(s) address as a browser reads it (see wegwijzer.safeurl)."""
    problem = web_address_problem(value)
    if problem:
        raise Invalid(problem)
    return value


@scalar(shape=PHONE)
def phone(value: str) -> Phone:
    parsed = parse_phone(value)
    if parsed is None:
        raise Invalid(invalid_message(value, PHONE))
    return parsed


SHORT_PHONE = Shape("short-phone", pattern=r"^(1\d{2,5}|(\+31|0031|\(?0|14 ?0)[0-9 ()./-]{2,17})$",
                    problem="geen geldig Nederlands telefoonnummer",
                    hint="Schrijf het zoals je het belt, bijvoorbeeld 113, 0800 0113 of 088 123 45 67.", example="113")
_SHORT = re.compile(r"^1\d{2,5}$")


@scalar(shape=SHORT_PHONE)
def crisis_phone(value: str) -> Phone:
    """A phone number, or a short number such as 112 or 113 (crisis lines only)."""
    parsed = parse_crisis_phone(value)
    if parsed is None:
        raise Invalid(invalid_message(value, SHORT_PHONE))
    return parsed


def parse_crisis_phone(value: str) -> Optional[Phone]:
    """A Dutch number (parse_phone) or a short number such as 112 and 113, or None."""
    digits = re.sub(r"\s", "", value)
    if _SHORT.match(digits):
        return Phone(digits, digits)
    return parse_phone(value)


def coordinate(low: float, high: float, example: str = "50.9704") -> Converter:
    shape = Shape("coordinate", pattern=r"^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$",
                  problem="geen geldige coördinaat",
                  hint=f"Schrijf een getal tussen {low:g} en {high:g}, bijvoorbeeld {example}.", example=example)

    @scalar(shape=shape)
    def parse(value: str) -> float:
        number: Optional[float]
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            number = None
        if number is None or not (low <= number <= high) or number != number:
            raise Invalid(invalid_message(value, shape))
        return number

    return parse


def whole_number(low: int, high: int, example: str = "10") -> Converter:
    shape = Shape("number", pattern=r"^\d{1,6}$", problem="geen geldig getal",
                  hint=f"Schrijf een heel getal van {low} tot en met {high}, bijvoorbeeld {example}.", example=example)

    digits = len(str(high))

    @scalar(shape=shape)
    def parse(value: str) -> int:
        # The length first: int() of a 5,000-digit text raises (Python's conversion limit).
        if len(value) > digits or not value.isascii() or not value.isdigit() or not (low <= int(value) <= high):
            raise Invalid(invalid_message(value, shape))
        return int(value)

    return parse


_YES, _NO = ("ja", "yes", "true", "waar"), ("nee", "no", "false", "onwaar")


@scalar(shape=FLAG)
def flag(value: str) -> bool:
    lowered = value.lower()
    if lowered in _YES or lowered in _NO:
        return lowered in _YES
    raise Invalid(invalid_message(value, FLAG))


_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@scalar(shape=LANGUAGE)
def language(value: str) -> str:
    code = value.lower()
    if not _LANGUAGE.match(code):
        raise Invalid(invalid_message(value, LANGUAGE))
    return code


def markdown_text(max_len: int) -> Converter:
    """A text with Markdown (paragraphs, bold, links), within the limits of records.markdown_limits.
    Each problem is reported on the file line it is on."""

    def convert(node: Node, ctx: Context, name: str) -> Any:
        value = multiline_text(node, ctx, name)
        if value is INVALID or not isinstance(node, Scalar):  # only a Scalar gives a text
            return INVALID
        if len(value) > max_len:
            ctx.error(node, name, f"Deze tekst is {len(value):,} tekens; het maximum is {max_len:,}. Maak hem korter."
                      .replace(",", "."))
            return INVALID
        problems = markdown_problems(value)
        for line, message in problems:
            ctx.collector.error(ctx.path, _text_line(node, line), name, message)
        return INVALID if problems else value

    return shaped(convert, Shape("multiline", max_len=max_len))


def _text_line(node: Scalar, line: int) -> int:
    """The file line of line ``line`` (1-based) of a text: a block text (| or >) starts on the line
    after its field name, any other on the same line."""
    return node.line + line - (0 if node.block else 1)


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
