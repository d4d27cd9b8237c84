"""A rough B1 check for summaries: short sentences and no very long words.

Deliberately simple and explainable to an editor; it flags, it never blocks.
"""

from __future__ import annotations

import re

MAX_WORDS_PER_SENTENCE = 20
MAX_LETTERS_PER_WORD = 20

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


def readability_problems(text: str) -> list[str]:
    """Plain-Dutch advice for the editor; empty when the text reads easily."""
    problems = []
    cleaned = re.sub(r"\S+@\S+|https?://\S+", " ", text)
    for sentence in _SENTENCE_END.split(cleaned.strip()):
        words = _WORD.findall(sentence)
        if len(words) > MAX_WORDS_PER_SENTENCE:
            start = " ".join(words[:4])
            problems.append(
                f"de zin die begint met '{start} ...' heeft {len(words)} woorden "
                f"(houd zinnen onder {MAX_WORDS_PER_SENTENCE + 1} woorden)"
            )
    long_words = sorted({w for w in _WORD.findall(cleaned) if len(w) > MAX_LETTERS_PER_WORD})
    if long_words:
        problems.append(
            "lange woorden maken de tekst moeilijk: " + ", ".join(long_words[:3])
        )
    return problems
