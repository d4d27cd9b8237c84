"""Small text helpers every layer shares: one slug, one "did you mean", a value in a message,
Dutch month names and dates, a location in one line.

One implementation each, so a kern's page address, its Pagefind filter value and its
Meilisearch facet value are always the same string.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

# Letters that Unicode does not decompose into a base letter plus accents.
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l",
                                "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "œ": "oe", "Œ": "oe", "ĳ": "ij",
                                "Ĳ": "ij"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def slugify(text: str, fallback: str = "") -> str:
    """'Sint-Odiliënberg' -> 'sint-odilienberg', "'s-Gravenvoeren" -> 's-gravenvoeren'.

    Accents are dropped, every run of other characters becomes one '-', and the result
    is ``fallback`` when nothing is left.
    """
    plain = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    ascii_only = plain.encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", ascii_only.lower()).strip("-") or fallback


class Choices:
    """Options made ready once for many "did you mean" lookups: lowered, each once.

    A set's options are taken in sorted order, so which spelling of two that differ only in
    case is suggested does not depend on the set's order.
    """

    def __init__(self, options: Iterable[str]):
        if isinstance(options, (set, frozenset)):
            options = sorted(options)
        self.by_lower: dict[str, str] = {}
        for option in options:
            self.by_lower.setdefault(option.lower(), option)
        self.lowered = list(self.by_lower)


@functools.lru_cache(maxsize=16)
def _prepared(options) -> Choices:
    return Choices(options)


def _choices(options) -> Choices:
    """The options ready for lookups: made once per frozenset or tuple (the record ids of a
    data folder are asked for again with every missing reference), else made now."""
    if isinstance(options, Choices):
        return options
    if isinstance(options, (frozenset, tuple)):
        return _prepared(options)
    return Choices(options)


def nearest(value: str, options, cutoff: float = 0.6) -> Optional[str]:
    """The option most like ``value`` (ignoring case), or None when none is close enough.

    The same answer as ``difflib.get_close_matches(value, options, n=1, cutoff=cutoff)`` on
    the lowered options, without comparing ``value`` with every option in Python.
    RapidFuzz's ratio (2 * longest common subsequence / total length, in C) is never below
    difflib's (whose matching blocks are one common subsequence), so it finds every option
    difflib would keep and an upper bound of its difflib score; difflib then scores them,
    best bound first, until no bound left can beat (or tie) the best score found.
    ``options`` may be any iterable of strings, or a ``Choices`` made once for many lookups.
    """
    if len(value) > 200:  # a typo of a name or id is short; comparing a huge text would only cost time
        return None
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError(f"cutoff must be in [0.0, 1.0]: {cutoff!r}")
    choices = _choices(options)
    wanted = value.lower()
    close = process.extract(wanted, choices.lowered, scorer=fuzz.ratio, limit=None,
                            score_cutoff=max(0.0, cutoff * 100 - 1e-6))
    close.sort(key=lambda hit: -hit[1])  # best bound first (extract sorts too; the loop relies on it)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(wanted)
    best = None  # (difflib's ratio, option): its choice is the highest ratio, then the largest option
    for option, bound, _index in close:
        if best is not None and bound / 100 < best[0] - 1e-9:
            break
        matcher.set_seq1(option)
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, option) > best):
            best = (score, option)
    return choices.by_lower[best[1]] if best else None


def month_year(value) -> str:
    """'november 2026' for a date."""
    return f"{MONTHS[value.month - 1]} {value.year}"


def dutch_date(value) -> str:
    """'3 november 2026' for a date."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def address_lines(place) -> list:
    """A location's (or a front-door channel's) address as on an envelope, the lines it has:
    ['Markt 1', '6191 AB Beek']."""
    town = " ".join(p for p in (place.postcode, place.plaats) if p)
    return [p for p in (place.adres, town) if p]


def location_line(place) -> str:
    """A location in one line, the parts it has: 'Hoeskamer, Markt 1, 6191 AB Beek'."""
    return ", ".join(p for p in (place.naam, *address_lines(place)) if p)


SHOWN_MAX = 60  # characters of an editor's value quoted in a message


def quoted(value: str, limit: int = SHOWN_MAX) -> str:
    """An editor's value for a message: in quotes, control characters made visible, and cut
    after ``limit`` characters, so a 1,000,000-character value stays a readable line."""
    visible = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 else c for c in value[:limit + 1])
    if len(value) > limit:
        visible = visible[:limit] + f"… ({len(value):,} tekens)".replace(",", ".")
    return f"'{visible}'"
