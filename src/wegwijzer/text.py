"""Small text helpers every layer shares: one slug, one "did you mean", a value in a message,
Dutch month names.

One implementation each, so a kern's page address, its Pagefind filter value and its
Meilisearch facet value are always the same string.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Iterable, Optional

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


def nearest(value: str, options: Iterable[str], cutoff: float = 0.6) -> Optional[str]:
    """The option most like ``value`` (ignoring case), or None when none is close enough."""
    if len(value) > 200:  # a typo of a name or id is short; comparing a huge text would only cost time
        return None
    by_lower: dict[str, str] = {}
    for option in options:
        by_lower.setdefault(option.lower(), option)
    match = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=cutoff)
    return by_lower[match[0]] if match else None


def month_year(value) -> str:
    """'november 2026' for a date."""
    return f"{MONTHS[value.month - 1]} {value.year}"


SHOWN_MAX = 60  # characters of an editor's value quoted in a message


def quoted(value: str, limit: int = SHOWN_MAX) -> str:
    """An editor's value for a message: in quotes, control characters made visible, and cut
    after ``limit`` characters, so a 1,000,000-character value stays a readable line."""
    visible = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 else c for c in value[:limit + 1])
    if len(value) > limit:
        visible = visible[:limit] + f"… ({len(value):,} tekens)".replace(",", ".")
    return f"'{visible}'"
