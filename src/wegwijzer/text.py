"""Small text helpers every layer shares: one slug, one "did you mean", Dutch month names.

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
    by_lower = {}
    for option in options:
        by_lower.setdefault(option.lower(), option)
    match = difflib.get_close_matches(value.lower(), list(by_lower), n=1, cutoff=cutoff)
    return by_lower[match[0]] if match else None


def month_year(value) -> str:
    """'november 2026' for a date."""
    return f"{MONTHS[value.month - 1]} {value.year}"
