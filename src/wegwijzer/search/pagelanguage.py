"""Everything the search page's language tools read (site/assets/zoektaal.js), made at build time.

- #zoek-taal (in the search page): filler words, synonyms, the crisis signals with every
  form of their words, the file names of the word files, and the words of place names;
- zoeken/woorden-<letter>.<hash>.json: the site's own words (search/vocabulary.py);
- zoeken/vormen-<letter>.<hash>.json: per form a resident may type, the site words of the
  same lemma ('liep' -> 'lopen'), loaded only for a word the site does not have;
- zoeken/begrippen-<bucket>.<hash>.json: the woordenboek, by the first two letters of a
  resident's word or phrase, in any of the six languages: what to search for on this site.

Plain Python on the check's result (no MkDocs), like the Meilisearch documents, which read
the same lemmas (search/documents.py).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, AbstractSet, Any, Iterable, Optional, TypedDict

from ..records import vocab
from ..records.model import Dataset
from ..records.searchlists import MAX_PHRASE_WORDS, SearchLists
from .freedict import english_dutch
from .morphology import IRREGULAR, LANGUAGES, FormCache, FormTable, expand, fold, forms_of, lemma
from .plaintext import words
from .vocabulary import (
    SiteForms,
    Vocabulary,
    forms_files,
    key,
    on_site,
    plain,
    search_language,
    vocabulary_file_name,
    vocabulary_files,
)

if TYPE_CHECKING:
    from ..records.checker import CheckResult

Forms = dict[str, dict[str, list[str]]]  # language -> {folded word: its forms} (one part of a FormTable)
Lexicon = dict[str, list[Any]]  # folded word or phrase -> [language, weak, site words ...]
LexiconEntry = tuple[str, str, bool, list[str]]  # (word or phrase, language, weak, site words)

LEXICON_NAME = "begrippen-{{}}.{}.json"
FORMS_NAME = "vormen-{{}}.{}.json"
MAX_SAME_LEMMA = 3  # site words a typed form stands for, best first
MIN_FORM = 3  # shorter forms ('s' of 'het') are never looked up
_forms_cache: FormCache = {}  # project additions' forms between builds of one process (the preview)


@dataclass
class PageLanguage:
    language: dict[str, Any]  # #zoek-taal
    files: dict[str, str] = field(default_factory=dict)  # path under zoeken/ -> JSON text


def bucket(word: str) -> str:
    """The woordenboek file of a word: its first two letters when they are a-z ('de' for 'debt'),
    else 'u' and the code points of its first two characters in hex (Arabic, Cyrillic, ...), '_'
    when it starts with a digit. Small files: a question loads one per word."""
    first = fold(word)[:BUCKET_LETTERS]
    if first and all("a" <= c <= "z" for c in first):
        return first
    if not first[:1].isalpha():
        return "_"
    return "u" + "-".join(f"{ord(c):x}" for c in first)


BUCKET_LETTERS = 2


def page_language(result: CheckResult, vocabulary: Vocabulary) -> PageLanguage:
    """#zoek-taal and the word files, for a check's result and the site's vocabulary
    (search/vocabulary.py build_vocabulary)."""
    lists = result.search_lists
    forms: FormTable = expand(lists, _forms_cache) if lists else {}
    lexicon = _lexicon_files(lists, forms["begrippen"], vocabulary, english_dutch()) if lists else {}
    starts = {"+".join(entry.split(" ")[:2]) for text in lexicon.values() for entry in json.loads(text)["woorden"]
              if " " in entry}
    words_files = vocabulary_files(vocabulary, starts)
    words_name = vocabulary_file_name(words_files)
    form_files = forms_files(_site_forms(vocabulary))
    forms_name = vocabulary_file_name(form_files, FORMS_NAME)
    lexicon_name = vocabulary_file_name(lexicon, LEXICON_NAME)
    language = search_language(list(result.synonyms), vocabulary, words_name)
    language["vormenlijst"] = forms_name
    language["vormletters"] = "".join(sorted(form_files))
    language["crisis"] = crisis_data(lists, forms["crisis"], vocabulary) if lists else \
        {"regels": [], "soorten": [], "nooit": [], "zoek": {}}
    language["begrippen"] = lexicon_name
    language["begripdelen"] = sorted(lexicon)
    language["zinlengte"] = MAX_PHRASE_WORDS
    language["uitgangen"] = ENDINGS
    language["plaatsen"] = place_words(result.dataset)
    # For ranking: how many pages the search can find (a word on most of them says little).
    language["paginas"] = len(result.dataset.voorzieningen) + len(result.dataset.gezichten) + len(result.articles)
    files = {words_name.format(letter): text for letter, text in words_files.items()}
    files.update({forms_name.format(letter): text for letter, text in form_files.items()})
    files.update({lexicon_name.format(b): text for b, text in lexicon.items()})
    return PageLanguage(language, files)


# --- word forms of the site's own words --------------------------------------------------------

def _site_forms(vocabulary: Vocabulary) -> SiteForms:
    """{typed form (plain): (its lemma, [site words of that lemma, best first])} for every form of a
    lemma of a site word: the page searches Pagefind for the site words and Meilisearch for the
    lemma (documents carry their words' lemmas, search/documents.py). A site word whose lemma is
    itself and the only one of its lemma on the site needs no entry."""
    by_lemma: dict[str, list[str]] = {}
    for word in vocabulary:
        by_lemma.setdefault(lemma(word, "nl"), []).append(word)
    ranked = {k: sorted(v, key=lambda w: (-vocabulary[w][1], -vocabulary[w][0], w))[:MAX_SAME_LEMMA]
              for k, v in by_lemma.items()}
    found: SiteForms = {}
    for base, forms in forms_of(ranked, "nl").items():
        site_words = ranked.get(base)
        if not site_words:
            continue
        same_key = {key(w) for w in site_words}
        for form in forms:
            typed = plain(form)
            if len(typed) < MIN_FORM or key(typed) in same_key and len(site_words) == 1:
                continue  # the page finds this form by its key (zoektaal.js Vocabulary.form)
            if typed != base or len(site_words) > 1 or plain(site_words[0]) != typed:
                found[typed] = (base, site_words)
    return found


# --- the crisis signals ------------------------------------------------------------------------------

# Languages whose crisis words get every form from the dictionary. The others inflect a word
# into dozens of forms (Turkish, Polish, Ukrainian, Arabic): their rules name stems with *.
CRISIS_FORMS = ("nl", "en")


def crisis_data(lists: SearchLists, forms: Forms, vocabulary: Vocabulary | None = None) -> dict[str, Any]:
    """The crisis rules for the page: per rule its kind, for a rule in order how many other words may
    stand before each of its words (0 for any order), and per word every folded form it may take
    (a word with * stays a pattern); per kind the words to search for that are on this site."""
    kinds = list(vocab.CRISIS_SOORTEN)
    rules: list[list[Any]] = []  # [kind, words before each word or 0, words(, words that stop the rule)]
    for rule in lists.crisis:
        words = [_crisis_options(alternatives, rule.taal, forms) for alternatives in rule.woorden]
        compiled: list[Any] = [kinds.index(rule.soort), list(rule.tussen) if rule.volgorde else 0, words]
        if rule.niet:
            compiled.append([_crisis_options(alternatives, rule.taal, forms) for alternatives in rule.niet])
        rules.append(compiled)
    never = sorted({fold(w) for _, words_ in lists.nooit for w in words_})
    known = {plain(w) for w in vocabulary or {}}
    search = {kind: [w for w in words_ if on_site(w, known)] for kind, words_ in lists.crisis_zoek}
    return {"soorten": kinds, "regels": rules, "nooit": never, "zoek": {k: v for k, v in search.items() if v}}


def _crisis_options(alternatives: Iterable[str], language: str, forms: Forms) -> list[str]:
    options: set[str] = set()
    for word in alternatives:
        folded = fold(word)
        if "*" in word or language not in CRISIS_FORMS:
            options.add(folded)
        else:
            options.update(forms.get(language, {}).get(folded, [folded]))
    return sorted(options)


# --- the woordenboek -------------------------------------------------------------------------------

def _lexicon_files(lists: SearchLists, forms: Forms, vocabulary: Vocabulary,
                   dictionary: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """{bucket: JSON (``_lexicon_json``)} of the folded words and phrases of the woordenboek: only the
    concepts with a search word on this site, every form of a single-word entry. Then the English
    words of ``dictionary`` (search/freedict.py) the woordenboek lacks, whose Dutch translations
    are on the site, as weak entries."""
    known = {plain(w) for w in vocabulary}
    dutch = known | _FILLER
    entries: Lexicon = {}
    for concept in lists.begrippen:
        search = [w for w in concept.zoek if on_site(w, known)]
        if not search:
            continue
        for language, listed in concept.woorden:
            for entry in listed:
                folded = fold(entry)
                variants = [folded] if " " in entry else forms.get(language, {}).get(folded, [folded])
                if language in ENDINGS["talen"]:  # a Turkish verb has hundreds: the shortest, the rest by likeForm
                    variants = sorted(variants, key=lambda v: (len(v), v))[:MAX_FORMS]
                for variant in variants:
                    if variant != folded and language != "nl" and variant in dutch:
                        continue  # a form that is also a Dutch word ('weer' of 'weed') would fire on Dutch questions
                    if variant != folded and language in ENDINGS["talen"] and like_form(variant, folded):
                        continue  # the page meets this form itself (zoektaal.js likeForm): no need to list it
                    mine = entries.setdefault(variant, [language, False])
                    mine.extend(w for w in search if w not in mine)
    for variant, search in _dictionary_entries(dictionary or {}, known, dutch, entries).items():
        entries[variant] = ["en", True, *search]
    buckets: dict[str, list[LexiconEntry]] = {}
    for entry, (language, weak, *search) in sorted(entries.items()):
        buckets.setdefault(bucket(entry), []).append((entry, language, weak, search))
    return {b: _lexicon_json(part) for b, part in sorted(buckets.items())}


# Languages whose words take more endings than a dictionary lists: the page meets a typed word
# whose ending differs from a listed one (zoektaal.js likeForm, with these numbers): they share
# all but the listed word's last `los` letters and at least `min`, and the typed one is at most
# `langer` letters longer. The build leaves such forms out of the files.
class Endings(TypedDict):
    talen: list[str]
    min: int
    los: int
    langer: int


ENDINGS: Endings = {"talen": [lang for lang in LANGUAGES if lang not in IRREGULAR], "min": 5, "los": 2, "langer": 10}


MAX_FORMS = 24  # forms listed per word of those languages


def like_form(typed: str, listed: str) -> bool:
    """zoektaal.js likeForm: does the page meet ``typed`` as a form of ``listed``?"""
    if len(listed) < ENDINGS["min"] or len(typed) < ENDINGS["min"] - 1 \
            or len(typed) > len(listed) + ENDINGS["langer"]:
        return False
    shared = len(os.path.commonprefix([typed, listed]))
    return shared >= max(ENDINGS["min"], len(listed) - ENDINGS["los"])


MAX_DICTIONARY_WORDS = 3  # site words an English dictionary word stands for, in the dictionary's order
MIN_DICTIONARY_WORD = 4  # shorter English words are mostly function words ('can', 'the', 'for')


def _dictionary_entries(dictionary: dict[str, tuple[str, ...]], known: AbstractSet[str], dutch: AbstractSet[str],
                        curated: Lexicon) -> dict[str, list[str]]:
    """{folded English word or form: [site words]} for the dictionary's words whose translations are on
    the site: not a word the woordenboek has, nor one that is also Dutch ('arm', 'hand')."""
    found: dict[str, list[str]] = {}
    for word, translations in dictionary.items():
        folded = fold(word)
        if len(folded) < MIN_DICTIONARY_WORD or folded in curated or folded in dutch \
                or len(folded.split()) > MAX_PHRASE_WORDS or any(w in _ENGLISH_FILLER for w in folded.split()):
            continue
        search = [t for t in translations if _plain_words(t) and on_site(t, known)][:MAX_DICTIONARY_WORDS]
        if search:
            found[folded] = search
    single = [w for w in found if " " not in w]
    for word, word_forms in (forms_of(single, "en").items() if single else ()):
        for form in word_forms:
            if form != word and form not in found and form not in curated and form not in dutch:
                found[form] = found[word]
    return found


_FILLER = frozenset(fold(w) for w in (*vocab.STOP_WORDS, *vocab.QUESTION_FILLER))
_ENGLISH_FILLER = frozenset(fold(w) for w in vocab.ENGLISH_FILLER)


def _plain_words(translation: str) -> bool:
    """A translation worth searching: letters only ('waar ... heen' is not), no filler word ('samen met')."""
    parts = translation.split()
    return all(p.isalpha() and fold(p) not in _FILLER for p in parts)


def _lexicon_json(entries: list[LexiconEntry]) -> str:
    """One woordenboek file: the site words of each concept once ("zoek"), and per word or phrase
    its language and the number of its concept (a Turkish word has dozens of forms), and a 1 for a
    dictionary's (weak) entry."""
    concepts: list[list[str]] = []
    numbers: dict[tuple[str, ...], int] = {}  # site words -> their concept's number
    words: dict[str, list[Any]] = {}
    for entry, language, weak, search in entries:
        key = tuple(search)
        if key not in numbers:
            numbers[key] = len(concepts)
            concepts.append(search)
        words[entry] = [language, numbers[key], 1] if weak else [language, numbers[key]]
    return json.dumps({"zoek": concepts, "woorden": words}, ensure_ascii=False, separators=(",", ":"))


# --- place names -----------------------------------------------------------------------------------

def place_words(dataset: Dataset) -> list[list[Any]]:
    """The words of place names (kernen, the names and streets of locations, places): a question
    word that is one of them counts as the place only when the question names the whole place
    (site/assets/zoeken.js), so 'linde' does not pull up 'Huiskamer De Linde'."""
    names = set(dataset.gemeente.kernen if dataset.gemeente else ())
    for record in dataset.voorzieningen:
        for location in record.locaties:
            names.update(n for n in (location.naam, location.plaats, _street(location.adres)) if n)
    found: dict[str, set[str]] = {}
    for name in names:
        parts = [plain(w) for w in words(name)]
        for part in parts:
            found.setdefault(part, set()).add(" ".join(parts))
    return sorted([part, sorted(full)] for part, full in found.items() if part not in _COMMON_IN_NAMES)


# Words that stand in many place names but carry a meaning of their own in a question.
_COMMON_IN_NAMES = frozenset(("huis", "huiskamer", "centrum", "gemeenschapshuis", "buurthuis", "wijkcentrum",
                              "school", "kerk", "bibliotheek", "gemeentehuis", "zorgcentrum", "praktijk",
                              "straat", "laan", "weg", "plein", "steeg"))


def _street(address: Optional[str]) -> Optional[str]:
    """'Dorpsstraat 12a' -> 'Dorpsstraat'."""
    if not address:
        return None
    return " ".join(w for w in address.split() if not any(c.isdigit() for c in w)) or None

