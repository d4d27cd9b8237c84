"""Text as the search reads it: editors' Markdown as plain text, and the words of a text.

Shared by the Meilisearch documents (documents.py) and the built-in search's vocabulary
(vocabulary.py), which import it and not each other.
"""

from __future__ import annotations

import re
from typing import Optional

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_TAG = re.compile(r"<[^>]+>")
_MD_MARKS = re.compile(r"(^|\s)[#>*+-]+\s|[*_`~]+")


def plain_text(markdown: Optional[str]) -> str:
    """Markdown as searchable text: link texts kept, markup and raw HTML dropped."""
    if not markdown:
        return ""
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_TAG.sub(" ", text)
    text = "\n".join(_MD_MARKS.sub(r"\1", line) for line in text.splitlines())
    return " ".join(text.split())


# A word: letters only (digits, phone numbers and postcodes are never corrected).
WORD = re.compile(r"[^\W\d_]+")
MIN_LETTERS = 3  # shorter words are never corrected or used as a compound part


def words(text: str) -> list[str]:
    """The words of ``text``, lower case, with their accents (``café``), of 3 letters or more."""
    return [w for w in WORD.findall(text.lower()) if len(w) >= MIN_LETTERS]
