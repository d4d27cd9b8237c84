"""The search's word lists: what signals a crisis (crisis.yaml) and the words residents use,
in six languages, for what the site calls it (woordenboek.yaml).

Wegwijzer ships both lists (in the package: wegwijzer/search/) so every municipality's
search shows a crisis line and understands English, Arabic, Turkish, Polish and Ukrainian
from the start. A project adds to them with its own search/crisis.yaml and
search/woordenboek.yaml, in the same form; it cannot take the shipped rules away.

A word in these lists may hold alternatives (``slaat|slaan``), end in ``*`` (any ending:
``zelfmoord*``) or, for scripts that attach words to each other such as Arabic, stand
between two ``*`` (anywhere in a word). The build adds every inflected form of a listed
word (search/morphology.py), so ``sterven`` also matches ``stierf`` and ``gestorven``.

crisis.yaml: under ``soorten``, per kind of danger and per language, rules. A rule written
as a list (``[dood, willen]``) matches when all its words are in the question, in any
order, close together; one written as text (``"niet meer leven"``) when they stand in
that order, next to each other ('…' between two words allows up to two others there).
Under ``nooit``, per language, words that never count.

woordenboek.yaml: under ``begrippen``, concepts: ``zoek`` (the site's own Dutch words to
search for) and per language the words and short phrases residents use for it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable, Iterator, Optional, TypeGuard, TypeVar

from ..text import quoted
from .diagnostics import Collector, display_path
from .files import real_folder
from .vocab import CRISIS_SOORTEN, SEARCH_LANGUAGES
from .yamlsafe import Mapping, Node, Scalar, Sequence, YamlProblem, read_mapping

N = TypeVar("N", Mapping, Sequence, Scalar)
Words = tuple[str, ...]  # a word's alternatives, or a list of words
Rule = tuple[tuple[Words, ...], bool, tuple[int, ...], tuple[Words, ...]]  # see _rule
GroupLookup = Callable[[str, int], Optional[list[str]]]  # (group name, line) -> its words, or None (reported)

CRISIS_FILE = "crisis.yaml"
LEXICON_FILE = "woordenboek.yaml"
SHIPPED = Path(__file__).resolve().parent.parent / "search"  # the lists Wegwijzer ships
MAX_WORD = 60
MAX_RULE_WORDS = 8
MAX_BETWEEN = 2  # words that may stand at a '…' of a text rule
MAX_PHRASE_WORDS = 4  # the longest phrase of the woordenboek the page looks up (zoektaal.js MAX_PHRASE)
# Letters and digits, an apostrophe inside a word; spaces between words of a phrase.
_WORD = re.compile(r"^\*?[\w'’]+(?: [\w'’]+)*\*?$")


@dataclass(frozen=True)
class CrisisRule:
    soort: str  # vocab.CRISIS_SOORTEN
    taal: str
    woorden: tuple[Words, ...]  # per word of the rule: its alternatives
    volgorde: bool  # the words must stand in this order
    bron: str  # file:line, for messages and the benchmark
    tussen: tuple[int, ...] = ()  # in order: how many other words may stand before each word (0 or MAX_BETWEEN)
    niet: tuple[Words, ...] = ()  # words (each its alternatives) that, anywhere in the question, stop the rule


@dataclass(frozen=True)
class Concept:
    zoek: Words  # the site's own words
    woorden: tuple[tuple[str, Words], ...]  # ((language, (word or phrase, ...)), ...)
    bron: str


@dataclass(frozen=True)
class SearchLists:
    crisis: tuple[CrisisRule, ...] = ()
    nooit: tuple[tuple[str, Words], ...] = ()  # ((language, (word, ...)), ...): never a crisis signal
    begrippen: tuple[Concept, ...] = ()
    # ((kind, (Dutch site words, ...)), ...): what to search for in that crisis
    crisis_zoek: tuple[tuple[str, Words], ...] = ()


def load_search_lists(project_dir: Optional[Path], collector: Collector, cwd: Optional[Path] = None) -> SearchLists:
    """The shipped lists plus the project's own (``project_dir``: its search/ folder), with every
    problem of the project's files in ``collector``."""
    rules: list[CrisisRule] = []
    never: dict[str, list[str]] = {}  # language -> words
    concepts: list[Concept] = []
    crisis_search: dict[str, list[str]] = {}  # kind -> words
    seen: dict[tuple[str, str], str] = {}  # (language, word) -> where it stands, across both files
    # (language, name) -> words: the shipped groups, extended by the project's
    groups: dict[tuple[str, str], list[str]] = {}
    crisis_files: list[tuple[Mapping, str, Collector]] = []
    for folder, own in ((SHIPPED, False), (project_dir, True)):
        if folder is None:
            continue
        crisis = Path(folder) / CRISIS_FILE
        lexicon = Path(folder) / LEXICON_FILE
        report = collector if own else Collector()
        if os.path.lexists(crisis):
            mapping, shown = _read(crisis, report, cwd)
            if mapping is not None:
                _crisis_groups(mapping, shown, report, groups)
                crisis_files.append((mapping, shown, report))
        if os.path.lexists(lexicon):
            _load_lexicon(lexicon, report, cwd, concepts, seen)
        if not own:
            shipped = report
    for mapping, shown, report in crisis_files:  # the rules once every group is known
        _crisis_rules(mapping, shown, report, groups, rules, never)
        _crisis_search(mapping, shown, report, crisis_search)
    if shipped.diagnostics:  # a broken shipped list is our bug, never the editors'
        raise RuntimeError("\n".join(d.format() for d in shipped.diagnostics))
    return SearchLists(tuple(rules), tuple((lang, tuple(words)) for lang, words in sorted(never.items())),
                       tuple(concepts), tuple((kind, tuple(words)) for kind, words in crisis_search.items()))


def _read(path: Path, collector: Collector, cwd: Optional[Path]) -> tuple[Optional[Mapping], str]:
    shown = display_path(path, cwd or Path.cwd())
    try:
        return read_mapping(path, real_folder(path.parent)), shown
    except YamlProblem as problem:
        collector.error(shown, problem.line, "", problem.message)
        return None, shown


# --- crisis.yaml ---------------------------------------------------------------------------

CRISIS_KEYS = ("soorten", "groepen", "nooit", "zoek")
_GROUP_NAME = re.compile(r"^[a-z][a-z0-9-]{0,30}$")


def _crisis_groups(mapping: Mapping, shown: str, collector: Collector,
                   groups: dict[tuple[str, str], list[str]]) -> None:
    """``groepen``: per language, named word groups the rules use as @name."""
    for key, (line, _) in mapping.entries.items():
        if key not in CRISIS_KEYS:
            collector.error(shown, line, key, f"Onbekend veld {quoted(key)}. Gebruik 'soorten:', 'groepen:', "
                                              "'nooit:' en 'zoek:'.")
    node = mapping.get("groepen")
    if node is None:
        return
    for language, named in _languages(node, shown, collector, "groepen"):
        if not _expect(named, Mapping, shown, collector, f"groepen.{language}",
                       "Zet hieronder de groepen met een naam, zoals 'persoon: [man, vrouw, partner]'."):
            continue
        for name, (line, words) in named.entries.items():
            field = f"groepen.{language}.{name}"
            if not _GROUP_NAME.match(name):
                collector.error(shown, line, field, f"{quoted(name)} is geen naam voor een groep. Gebruik kleine "
                                                    "letters, zoals 'persoon'.")
                continue
            mine = groups.setdefault((language, name), [])
            for item in _items(words, shown, collector, field):
                for alternative in item.value.split("|") if isinstance(item, Scalar) else [None]:
                    word = _word(Scalar(alternative, item.line) if alternative is not None else item, shown,
                                 collector, field, wildcards=True, phrase=False)
                    if word and word not in mine:
                        mine.append(word)


def _crisis_rules(mapping: Mapping, shown: str, collector: Collector, groups: dict[tuple[str, str], list[str]],
                  rules: list[CrisisRule], never: dict[str, list[str]]) -> None:
    kinds = mapping.get("soorten")
    if kinds is not None and _expect(kinds, Mapping, shown, collector, "soorten",
                                     "Onder 'soorten:' horen de soorten nood, zoals 'zelfdoding:'."):
        for kind, (line, languages) in kinds.entries.items():
            if kind not in CRISIS_SOORTEN:
                collector.error(shown, line, "soorten", f"{quoted(kind)} is geen soort nood. Kies uit: "
                                                        f"{', '.join(CRISIS_SOORTEN)}.")
                continue
            for language, node in _languages(languages, shown, collector, f"soorten.{kind}"):
                field = f"soorten.{kind}.{language}"
                for rule in _items(node, shown, collector, field):
                    lookup = partial(_group, language=language, groups=groups, shown=shown, collector=collector,
                                     field=field)
                    found = _rule(rule, shown, collector, field, lookup)
                    if found:
                        words, ordered, between, negatives = found
                        rules.append(CrisisRule(kind, language, words, ordered, f"{shown}:{rule.line}", between,
                                                negatives))
    never_node = mapping.get("nooit")
    if never_node is not None:
        for language, node in _languages(never_node, shown, collector, "nooit"):
            for item in _items(node, shown, collector, f"nooit.{language}"):
                word = _word(item, shown, collector, f"nooit.{language}", wildcards=False)
                if word:
                    never.setdefault(language, []).append(word)


def _crisis_search(mapping: Mapping, shown: str, collector: Collector, found: dict[str, list[str]]) -> None:
    """``zoek``: per kind of danger, the site's words to search for besides the question's own
    (the crisis service, Veilig Thuis), so the right records stand below the crisis lines."""
    node = mapping.get("zoek")
    if node is None or not _expect(node, Mapping, shown, collector, "zoek",
                                   "Onder 'zoek:' staat per soort nood een lijst woorden, zoals "
                                   "'huiselijk-geweld: [veilig thuis]'."):
        return
    for kind, (line, words) in node.entries.items():
        if kind not in CRISIS_SOORTEN:
            collector.error(shown, line, "zoek", f"{quoted(kind)} is geen soort nood. Kies uit: "
                                                 f"{', '.join(CRISIS_SOORTEN)}.")
            continue
        mine = found.setdefault(kind, [])
        for item in _items(words, shown, collector, f"zoek.{kind}"):
            word = _word(item, shown, collector, f"zoek.{kind}", wildcards=False)
            if word and word not in mine:
                mine.append(word)


def _group(name: str, line: int, language: str, groups: dict[tuple[str, str], list[str]], shown: str,
           collector: Collector, field: str) -> Optional[list[str]]:
    """The words of group @name in ``language``, or None (reported)."""
    words = groups.get((language, name))
    if words:
        return words
    known = sorted(n for lang, n in groups if lang == language)
    collector.error(shown, line, field, f"Er is geen groep @{name} voor de taal {language}. "
                                        + (f"Kies uit: {', '.join('@' + n for n in known)}." if known else
                                           "Zet hem onder 'groepen:'."))
    return None


def _rule(node: Node, shown: str, collector: Collector, field: str, group: GroupLookup) -> Optional[Rule]:
    """(alternatives per word, in order?, words allowed before each, negative words) of one rule, or
    None when it is wrong (reported). In a text rule the words stand next to each other, except
    where '…' (or '...') allows up to MAX_BETWEEN others. A word '@name' is a group's words; a
    word starting with '!' must not be in the question at all. ``group(name, line)`` looks up a
    group."""
    between: list[int] = []
    parts: list[Node]
    if isinstance(node, Scalar):
        ordered, parts, gap = True, [], 0
        for token in node.value.replace("…", " … ").split():
            if token in ("…", "...", ".."):
                gap = MAX_BETWEEN
            else:
                parts.append(Scalar(token, node.line))
                if not token.startswith("!"):
                    between.append(gap)
                gap = 0
    elif isinstance(node, Sequence):
        ordered, parts = False, node.items
    else:
        collector.error(shown, node.line, field, "Een regel is een lijst woorden, zoals [dood, willen], of een tekst "
                                                 "tussen aanhalingstekens, zoals \"niet meer leven\".")
        return None
    words: list[Words] = []
    negatives: list[Words] = []
    for part in parts:
        if not isinstance(part, Scalar):
            collector.error(shown, part.line, field, "Zet in een regel alleen woorden, geen lijsten.")
            return None
        negative = part.value.startswith("!")
        alternatives: list[str] = []
        for alternative in part.value.lstrip("!").split("|"):
            if alternative.startswith("@"):
                found = group(alternative[1:], part.line)
                if found is None:
                    return None
                alternatives.extend(w for w in found if w not in alternatives)
                continue
            word = _word(Scalar(alternative, part.line), shown, collector, field, wildcards=True, phrase=False)
            if word is None:
                return None
            alternatives.append(word)
        (negatives if negative else words).append(tuple(alternatives))
    if not words or len(words) > MAX_RULE_WORDS:
        collector.error(shown, node.line, field, f"Een regel heeft 1 tot {MAX_RULE_WORDS} woorden. Splits hem, of "
                                                 "haal woorden weg.")
        return None
    return tuple(words), ordered, tuple(between), tuple(negatives)


# --- woordenboek.yaml ----------------------------------------------------------------------------

def _load_lexicon(path: Path, collector: Collector, cwd: Optional[Path], concepts: list[Concept],
                  seen: dict[tuple[str, str], str]) -> None:
    mapping, shown = _read(path, collector, cwd)
    if mapping is None:
        return
    for key, (line, _) in mapping.entries.items():
        if key != "begrippen":
            collector.error(shown, line, key, f"Onbekend veld {quoted(key)}. Zet alle begrippen onder 'begrippen:'.")
    node = mapping.get("begrippen")
    for item in _items(node, shown, collector, "begrippen") if node is not None else ():
        if not isinstance(item, Mapping):
            collector.error(shown, item.line, "begrippen", "Een begrip heeft velden: 'zoek:' en per taal de woorden, "
                                                           "zoals 'en: [debt, debts]'.")
            continue
        concept = _concept(item, shown, collector, seen)
        if concept:
            concepts.append(concept)


def _concept(item: Mapping, shown: str, collector: Collector, seen: dict[tuple[str, str], str]) -> Optional[Concept]:
    search: Words = ()
    by_language: list[tuple[str, Words]] = []
    ok = True
    for key, (line, node) in item.entries.items():
        field = f"begrippen.{key}"
        if key == "zoek":
            search = tuple(w for w in (_word(i, shown, collector, field, wildcards=False)
                                       for i in _items(node, shown, collector, field)) if w)
        elif key in SEARCH_LANGUAGES:
            words: list[str] = []
            for i in _items(node, shown, collector, field):
                word = _word(i, shown, collector, field, wildcards=False)
                if word is None:
                    ok = False
                    continue
                if len(word.split()) > MAX_PHRASE_WORDS:
                    collector.error(shown, i.line, field, f"{quoted(word)} heeft meer dan {MAX_PHRASE_WORDS} woorden. "
                                                          "De zoekpagina herkent zinnetjes van hoogstens "
                                                          f"{MAX_PHRASE_WORDS} woorden: maak het korter.")
                    ok = False
                    continue
                where = seen.get((key, word))
                if where is not None:
                    collector.error(shown, i.line, field, f"{quoted(word)} staat al bij een ander begrip ({where}). "
                                                          "Een woord hoort bij één begrip per taal: haal het hier "
                                                          "weg, of voeg de begrippen samen.")
                    ok = False
                    continue
                seen[(key, word)] = f"{shown}:{i.line}"
                words.append(word)
            by_language.append((key, tuple(words)))
        else:
            collector.error(shown, line, field, f"{quoted(key)} is geen taalcode van de zoekfunctie. Kies uit: zoek, "
                                                f"{', '.join(SEARCH_LANGUAGES)}.")
            ok = False
    if not ok:
        return None
    if not search or not any(words for _, words in by_language):
        collector.error(shown, item.line, "begrippen", "Dit begrip is leeg. Het heeft 'zoek:' nodig (de woorden van de "
                                                       "site) en minstens één taal met woorden.")
        return None
    return Concept(search, tuple(by_language), f"{shown}:{item.line}")


# --- shared -----------------------------------------------------------------------------------

def _languages(node: Node, shown: str, collector: Collector, field: str) -> Iterator[tuple[str, Node]]:
    """(language, node) for every language under ``node``; unknown codes are reported."""
    if not _expect(node, Mapping, shown, collector, field, "Zet hieronder per taal de woorden, zoals 'nl:' en 'en:'."):
        return
    for language, (line, child) in node.entries.items():
        if language not in SEARCH_LANGUAGES:
            collector.error(shown, line, field, f"{quoted(language)} is geen taalcode van de zoekfunctie. Kies uit: "
                                                f"{', '.join(SEARCH_LANGUAGES)}.")
            continue
        yield language, child


def _items(node: Node, shown: str, collector: Collector, field: str) -> list[Node]:
    if isinstance(node, Sequence):
        return node.items
    if isinstance(node, Scalar) and not node.value.strip():
        return []
    collector.error(shown, node.line, field, "Hier hoort een lijst: begin elke regel met een streepje (- ...).")
    return []


def _expect(node: Node, kind: type[N], shown: str, collector: Collector, field: str, message: str) -> TypeGuard[N]:
    if isinstance(node, kind):
        return True
    collector.error(shown, node.line, field, message)
    return False


def _word(node: Node, shown: str, collector: Collector, field: str, wildcards: bool,
          phrase: bool = True) -> Optional[str]:
    """A word (or, with ``phrase``, a short phrase) in lower case, or None when it is wrong (reported)."""
    if not isinstance(node, Scalar):
        collector.error(shown, node.line, field, "Hier hoort één woord, geen lijst.")
        return None
    word = " ".join(node.value.split()).lower()
    stars = word.startswith("*") or word.endswith("*")
    if not word or len(word) > MAX_WORD or not _WORD.match(word) or (stars and not wildcards) \
            or (" " in word and not phrase) or word.strip("*") == "":
        what = "letters, cijfers en een * aan het begin of eind" if wildcards else "letters en cijfers"
        collector.error(shown, node.line, field, f"{quoted(word)} is geen gewoon woord. Gebruik {what} (hoogstens "
                                                 f"{MAX_WORD} tekens).")
        return None
    return word
