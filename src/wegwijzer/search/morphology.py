"""Word forms: which words are forms of one another ('loopt', 'liep' and 'gelopen' of 'lopen').

The forms come from a well-kept lemma list, simplemma's dictionaries (Dutch, English,
Arabic, Turkish, Polish, Ukrainian), at build time. The page needs no lemmatiser: the build
writes, for the words it cares about (the site's words, the crisis signals, the
woordenboek), every form a resident may type, and the page looks the typed word up. So
the rules are the same in Python and in the browser: they are one table.

``fold`` is the one comparison form, the same as zoektaal.js's ``fold``: lower case, no
accents, and the few letters Unicode does not decompose (Turkish dotless ı, Polish ł)
written plainly, apostrophes inside words dropped (Ukrainian б'є).
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

if TYPE_CHECKING:
    from ..records.searchlists import SearchLists

LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "'": "", "’": "",
                       "ـ": ""})  # the Arabic tatweel stretches a word, nothing more
# The forms of the shipped lists (search/crisis.yaml, search/woordenboek.yaml), made once by
# `python -m wegwijzer.search.morphology`: loading the Polish and Turkish dictionaries takes
# seconds, so a build does that only for a project's own additions.
SHIPPED_FORMS = Path(__file__).resolve().parent / "vormen.json.gz"

FormTable = dict[str, dict[str, dict[str, list[str]]]]  # {"crisis"|"begrippen": {language: {word: forms}}}
FormCache = dict[tuple[str, str, frozenset[str]], dict[str, list[str]]]  # see expand


def fold(word: str) -> str:
    """'Zelfmoord' -> 'zelfmoord', 'Öldürmek' -> 'oldurmek', 'أريد' -> 'اريد', "б'є" -> 'бє'."""
    if word.isascii():  # most dictionary words: nothing to decompose (a build folds a million of them)
        return word.lower().translate(_FOLD)
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").translate(_FOLD)


@lru_cache(maxsize=None)
def _dictionary(language: str) -> Mapping[str, str]:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    return DefaultDictionaryFactory().get_dictionary(language)


@lru_cache(maxsize=200_000)
def lemma(word: str, language: str = "nl") -> str:
    """The dictionary form of ``word`` ('liep' -> 'lopen'), folded; the word itself when the
    dictionary does not know it. Only the dictionary, no guessing rules: the page has the same
    table (the forms this build writes), so a word means the same on both sides."""
    found = _dictionary(language).get(word.lower())
    return fold((found or word).replace("_", ""))


def forms_of(lemmas: Iterable[str], language: str, via_lemma: bool = True) -> dict[str, set[str]]:
    """{word: {every form of it the dictionary knows, folded}} for ``lemmas``; a word the dictionary
    does not know gets itself only. One step further too: the forms of a form that is a lemma
    itself (simplemma has 'krassen' -> 'krassen', 'kras' -> 'krassen' but 'krast' -> 'kras').
    With ``via_lemma`` a word that is itself a form ('debts') gets the forms of its lemma too; the
    crisis rules go without, because they name forms on purpose ('geslagen' is not 'slaat')."""
    # In the order given, not a set's: callers let the first word win a form two words share, and
    # a set's order changes with every process (PYTHONHASHSEED), so the site's files would too.
    wanted = list(dict.fromkeys(fold(w) for w in lemmas))
    own_lemma = {w: lemma(w, language) if via_lemma else w for w in wanted}
    by_base = _bases(set(wanted) | set(own_lemma.values()), language)
    found = {w: {w} | by_base.get(w, set()) | by_base.get(own_lemma[w], set()) for w in wanted}
    second = {f for forms in found.values() for f in forms} - set(wanted)
    more: dict[str, set[str]] = _bases(second, language) if second else {}
    for forms in found.values():
        for f in list(forms):
            forms |= more.get(f, set())
    if language not in IRREGULAR:
        for word, forms in found.items():
            forms.intersection_update({f for f in forms if f[:SAME_START] == word[:SAME_START]} | {word})
    if language != "nl":
        dutch = _dutch_words()
        for word, forms in found.items():
            forms.difference_update({f for f in forms if f != word and (len(f) < MIN_FORM or f in dutch)})
    return found


# A form of a word in another language that is also a Dutch word (Polish 'man' of 'mania', English
# 'rent' is fine but 'arm' of 'arms' is Dutch too) would fire on Dutch questions: it is left out,
# as are forms of one to three letters. The word as listed stays.
MIN_FORM = 4


@lru_cache(maxsize=1)
def _dutch_words() -> frozenset[str]:
    """Every Dutch word simplemma's dictionary knows, as form or lemma, folded."""
    table = _dictionary("nl")
    return frozenset(fold(w) for pair in table.items() for w in pair)


# Languages whose forms may start differently (went - go, was - zijn). In the others the
# dictionaries' few forms that start with other letters are mistakes or other words (Turkish
# 'işsiz' has thousands of forms in simplemma's list): a form keeps the word's first letters.
IRREGULAR = ("nl", "en")
SAME_START = 2


def _bases(wanted: set[str], language: str) -> dict[str, set[str]]:
    """{lemma: {folded forms}} for the ``wanted`` lemmas, in one pass over the dictionary."""
    found: dict[str, set[str]] = {}
    for form, base in _dictionary(language).items():
        base = fold(base.replace("_", ""))
        if base in wanted:
            found.setdefault(base, set()).add(fold(form))
    return found


def shipped_forms() -> FormTable:
    """{"crisis"|"begrippen": {language: {word: [forms]}}} for the shipped lists (empty when the file
    is missing or made with another simplemma)."""
    if not SHIPPED_FORMS.is_file():
        return {}
    data = json.loads(gzip.decompress(SHIPPED_FORMS.read_bytes()))
    forms: FormTable = data["vormen"] if data.get("simplemma") == version("simplemma") else {}
    return forms


MIN_EXPANDED = 5  # shorter words ('niet', 'arm', 'man') share their lemma with unrelated words ('nietje', 'armer')
PARTS = {"crisis": False, "begrippen": True}  # the two lists, and whether a form's lemma counts (forms_of)


def expandable(word: str) -> bool:
    """A single word without wildcards, long enough for its forms to mean the same."""
    return "*" not in word and " " not in word and len(word) >= MIN_EXPANDED


def words_to_expand(lists: SearchLists) -> dict[str, dict[str, set[str]]]:
    """{"crisis"|"begrippen": {language: {folded words}}}: the words of the search lists
    (records/searchlists.py) whose forms the page should know."""
    wanted: dict[str, dict[str, set[str]]] = {part: {language: set() for language in LANGUAGES} for part in PARTS}
    for rule in lists.crisis:
        for alternatives in rule.woorden + rule.niet:
            wanted["crisis"][rule.taal].update(fold(w) for w in alternatives if expandable(w))
    for concept in lists.begrippen:
        for language, words in concept.woorden:
            wanted["begrippen"][language].update(fold(w) for w in words if expandable(w))
    return wanted


def expand(lists: SearchLists, extra_cache: FormCache | None = None) -> FormTable:
    """{"crisis"|"begrippen": {language: {word: forms}}} for every word of ``lists``: from the shipped
    table where it has the word, else from the dictionaries (seconds for Polish and Turkish;
    ``extra_cache`` keeps those answers between builds in one process)."""
    table = shipped_forms()
    result: FormTable = {}
    for part, by_language in words_to_expand(lists).items():
        result[part] = {}
        for language, words in by_language.items():
            known = table.get(part, {}).get(language, {})
            missing = {w for w in words if w not in known}
            extra: dict[str, list[str]] = {}
            if missing:
                key = (part, language, frozenset(missing))
                if extra_cache is not None and key in extra_cache:
                    extra = extra_cache[key]
                else:
                    extra = {w: sorted(f) for w, f in forms_of(sorted(missing), language, PARTS[part]).items()}
                    if extra_cache is not None:
                        extra_cache[key] = extra
            result[part][language] = {w: known.get(w) or extra.get(w) or [w] for w in words}
    return result


def write_shipped_forms() -> Path:
    """Make vormen.json.gz from the shipped lists (run after changing them; a test checks it)."""
    from ..records.diagnostics import Collector
    from ..records.searchlists import load_search_lists

    lists = load_search_lists(None, Collector())
    table = {part: {language: {w: sorted(f) for w, f in sorted(forms_of(words, language, PARTS[part]).items())}
                    for language, words in by_language.items()}
             for part, by_language in words_to_expand(lists).items()}
    payload = json.dumps({"simplemma": version("simplemma"), "vormen": table}, ensure_ascii=False, sort_keys=True)
    SHIPPED_FORMS.write_bytes(gzip.compress(payload.encode("utf-8"), 9, mtime=0))
    return SHIPPED_FORMS


if __name__ == "__main__":
    print(write_shipped_forms())
