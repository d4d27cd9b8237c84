"""The public attack corpus in tests/attacks/ (sources and versions in SOURCES.md), for the
browser escaping tests (a fixed sample) and benchmarks/bench_attacks.py (all of it)."""

from __future__ import annotations

import json
import random
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "attacks"
SAMPLE_SIZE = 48
SAMPLE_SEED = 25  # a fixed sample: the same strings in every run, so a failure can be repeated


def payloads() -> list:
    """Every distinct string of the corpus, in a stable order (blns first, then each list)."""
    found = {}
    for text in json.loads((CORPUS / "blns.json").read_text(encoding="utf-8")):
        found.setdefault(text, None)
    for path in sorted(CORPUS.glob("pat-*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            found.setdefault(line, None)
    return [text for text in found if text.strip()]


def sample(size: int = SAMPLE_SIZE) -> list:
    """A fixed sample, always including strings that open a tag, an attribute or a script."""
    every = payloads()
    markup = [p for p in every if "<" in p or '"' in p or "javascript:" in p.lower()]
    rng = random.Random(SAMPLE_SEED)
    chosen = rng.sample(markup, size // 2) + rng.sample([p for p in every if p not in markup], size - size // 2)
    return sorted(set(chosen), key=chosen.index)


def placeable(text: str) -> bool:
    """Strings YAML can carry in a double-quoted scalar and the check lets through: no control
    characters (the check refuses those, see test_hostile_values.py), and one line."""
    return not any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or 0xd800 <= ord(c) < 0xe000
                   or c in "\ufffe\uffff\u2028\u2029" for c in text)
