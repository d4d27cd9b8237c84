"""English words the woordenboek does not list, from FreeDict's English–Dutch dictionary.

The curated woordenboek (search/woordenboek.yaml) holds the social domain's words in six
languages. For the rest of English, the build reads Debian's package
``dict-freedict-eng-nld`` (FreeDict, about 7,700 English words with their Dutch
translations) when it is installed: an English word gets an entry when one of its Dutch
translations is on the site. Such an entry is weaker than a curated one (the page ranks it
by how rare its words are, not as the need of the question), because a dictionary lists
every sense of a word ('help' also gives 'bijstand').

The dictionary is read as dictd writes it: ``<name>.index`` (word, offset and length, in
dictd's base-64 numbers) and ``<name>.dict.dz`` (gzip-compatible). No library reads dictd
files in Python (the dictd tools are a server and its client), so the two dozen lines are
here.
"""

from __future__ import annotations

import gzip
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DEFAULT_BASE = Path("/usr/share/dictd/freedict-eng-nld")  # Debian's dict-freedict-eng-nld
ENVIRONMENT = "WEGWIJZER_FREEDICT"  # another place (the path without .index), or "uit" for none
_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_NUMBERED = re.compile(r"^\d+\.\s*")
_BRACKETS = re.compile(r"\([^)]*\)")
_WORDS = re.compile(r"^[a-z][a-z' -]*[a-z]$")
MAX_SIZE = 50 * 1024 * 1024  # the Debian files are 0.2 MB; a bigger one is not a dictionary


def dictionary_base() -> Path | None:
    """The dictionary's files (without .index / .dict.dz) when they are there, else None."""
    chosen = os.environ.get(ENVIRONMENT, "")
    if chosen.strip().lower() in ("uit", "off", "0"):
        return None
    base = Path(chosen) if chosen else DEFAULT_BASE
    index, data = base.with_name(base.name + ".index"), base.with_name(base.name + ".dict.dz")
    return base if index.is_file() and data.is_file() else None


def english_dutch(base: Path | None = None) -> dict[str, tuple[str, ...]]:
    """{English word or phrase: (Dutch translations, ...)}, lower case; {} without the dictionary."""
    base = base or dictionary_base()
    if base is None:
        return {}
    index, data = base.with_name(base.name + ".index"), base.with_name(base.name + ".dict.dz")
    return _read(str(index), str(data), index.stat().st_mtime_ns, data.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _read(index: str, data: str, *_mtimes: int) -> dict[str, tuple[str, ...]]:
    if os.path.getsize(index) > MAX_SIZE or os.path.getsize(data) > MAX_SIZE:
        return {}
    with gzip.open(data, "rb") as stream:
        text = stream.read(MAX_SIZE + 1)
    found: dict[str, tuple[str, ...]] = {}
    for line in Path(index).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00database"):
            continue
        word = _normal(parts[0])
        start, length = _number(parts[1]), _number(parts[2])
        if not _WORDS.match(word) or start is None or length is None:
            continue
        translations = _translations(text[start:start + length].decode("utf-8", "replace"))
        if translations:
            found[word] = tuple(dict.fromkeys(found.get(word, ()) + translations))
    return found


def _number(digits: str) -> int | None:
    value = 0
    for char in digits:
        position = _DIGITS.find(char)
        if position < 0:
            return None
        value = value * 64 + position
    return value


def _translations(entry: str) -> tuple[str, ...]:
    """The Dutch words of one entry: the lines after the headword, numbered senses or not."""
    words = []
    for line in entry.splitlines()[1:]:
        for part in _BRACKETS.sub("", _NUMBERED.sub("", line)).split(","):
            word = _normal(part)
            if word and len(word) <= 60:
                words.append(word)
    return tuple(dict.fromkeys(words))


def _normal(text: str) -> str:
    """Lower case, one space, and the ligature ĳ written as ij (FreeDict's Dutch has it)."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())
