"""The search vocabulary and the built-in search's language data, made at build time.

The search page (site/assets/zoektaal.js) corrects a misspelled word to a word that
occurs on the site, splits a compound that is not on the site into words that are, and
maps another form of a word ("eenzame") to the one the site uses ("eenzaam"). For that
it needs the words of the site: every word of the fields Pagefind indexes, read from the
search documents of the records, faces and articles (search/fields.py says which fields
those are, and which of them a correction prefers).

The vocabulary is split by a word's first letter into files
(``zoeken/woorden-<letter>.<hash>.json``) that the page loads only when a query needs
them: a misspelled word loads the file of its first letter (a correction keeps the first
letter), a compound also those of its possible parts. For each word it keeps how many
pages use it (1-9, capped) and whether it occurs in a preferred field (a name, keywords, a
face's questions, a theme or target group label): a correction prefers those words, then
frequent ones.

Plain Python on the record model (no MkDocs), like the Meilisearch documents.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from typing import Any, Collection, Iterable, Iterator, Sequence

from ..records import vocab
from ..records.articles import Article
from ..records.model import Dataset
from .documents import page_documents
from .fields import VOCABULARY_OTHER, VOCABULARY_PREFERRED
from .plaintext import WORD, words

MAX_COUNT = 9  # page counts above this are all "frequent"
VOCABULARY_NAME = "woorden-{{}}.{}.json"  # in the search page's folder: letter, hash
OTHER = "_"  # the file of words that do not begin with a-z

Vocabulary = dict[str, tuple[int, bool]]  # word -> (pages that use it, in a name/keyword/theme/role)
SiteForms = dict[str, tuple[str, list[str]]]  # typed form -> (its lemma, site words); pagelanguage._site_forms
Texts = tuple[list[str], list[str]]  # (important texts, other texts) of a page

def plain(word: str) -> str:
    """A word without accents, as Pagefind and the search page compare words."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def key(word: str) -> str:
    """zoektaal.js ``key``: two forms of one Dutch word get one key ('schulden'/'schuld',
    'eenzame'/'eenzaam', 'huizen'/'huis'); the page finds such a form without a list."""
    w = plain(word.lower())
    w = w[:1] + w[1:].replace("eau", "o").replace("ij", "ei").replace("au", "ou")
    found = re.match(r"^(.{3,}?)(en|s|e)$", w)
    if found:
        w = found.group(1)
    w = re.sub(r"([^aeiou])\1$", r"\1", w)
    w = re.sub(r"z$", "s", w)
    w = re.sub(r"v$", "f", w)
    return re.sub(r"([aeiou])\1", r"\1", w)


def _texts(doc: dict[str, Any], names: Sequence[str]) -> list[str]:
    texts: list[str] = []
    for name in names:
        value = doc.get(name) or ""
        texts.extend(value if isinstance(value, list) else [value])
    return texts


def page_texts(dataset: Dataset, articles: Iterable[Article] = ()) -> Iterator[Texts]:
    """(preferred texts, other texts) for every page Pagefind indexes: the fields of its search
    document that Pagefind indexes (search/fields.py), so the vocabulary and both searches read
    the same text."""
    for doc in page_documents(dataset, articles):
        yield _texts(doc, VOCABULARY_PREFERRED), _texts(doc, VOCABULARY_OTHER)


def build_vocabulary(dataset: Dataset, articles: Iterable[Article] = ()) -> Vocabulary:
    """word -> (number of pages that use it, used in a name/keyword/theme/role)."""
    pages: Counter[str] = Counter()
    important: set[str] = set()
    for key_texts, other_texts in page_texts(dataset, articles):
        key_words = {w for text in key_texts for w in words(text)}
        important |= key_words
        pages.update(key_words | {w for text in other_texts for w in words(text)})
    # Sorted: the counts were gathered from sets, whose order changes with every process, and the
    # files made from this dict must not.
    return {w: (n, w in important) for w, n in sorted(pages.items())}


def vocabulary_json(vocabulary: Vocabulary, lexicon_starts: Iterable[str] = ()) -> str:
    """The file the search page loads: words sorted, and one weight letter per word.

    ``{"woorden": "aanbod aanmelden …", "gewicht": "3b1…", "begrippen": "fles+wijn krat+bier …"}``: a
    digit 1-9 is how many pages use the word (9: nine or more); a letter a-i is the same count
    for a word from a name, keywords, a theme or a role. Sorted words compress well (about 3
    bytes a word). ``begrippen``: the first two words of the woordenboek's phrases that begin
    with a word of this file ('fles+wijn' of 'fles wijn opentrekken'): the page looks up the
    woordenboek only for a site word followed by such a second word, and for words the site
    does not have. (A single site word is searched as typed, so its entry is never needed.)
    """
    ordered = sorted(vocabulary)
    weights = "".join((chr(96 + min(n, MAX_COUNT)) if key else str(min(n, MAX_COUNT)))
                      for n, key in (vocabulary[w] for w in ordered))
    data = {"woorden": " ".join(ordered), "gewicht": weights}
    starts = sorted(set(lexicon_starts))
    if starts:
        data["begrippen"] = " ".join(starts)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def forms_json(forms: SiteForms) -> str:
    """The file of word forms a resident may type (search/morphology.py) that start with one letter,
    loaded only when a typed word is not on the site: ``{"vormen": "loopt,lopen:liep,gelopen;…"}``,
    the site words of one lemma (best first), then its forms; the words once, not once per form."""
    by_words: dict[str, list[str]] = {}
    for form, (_, site) in sorted(forms.items()):
        by_words.setdefault(",".join(site), []).append(form)
    text = ";".join(f"{site}:{','.join(typed)}" for site, typed in sorted(by_words.items()))
    return json.dumps({"vormen": text}, ensure_ascii=False, separators=(",", ":"))


def first_letter(word: str) -> str:
    """The vocabulary file a word belongs to: its first letter without accents, a-z, else ``_``."""
    letter = plain(word)[:1]
    return letter if "a" <= letter <= "z" else OTHER


def vocabulary_files(vocabulary: Vocabulary, lexicon_starts: Iterable[str] = ()) -> dict[str, str]:
    """{letter: file content}: the vocabulary split by first letter (see ``vocabulary_json``);
    ``lexicon_starts``: the first two words of the woordenboek's phrases, as 'first+second'."""
    parts: dict[str, Vocabulary] = {}
    starts: dict[str, list[str]] = {}
    for word, value in vocabulary.items():
        parts.setdefault(first_letter(word), {})[word] = value
    by_first: dict[str, set[str]] = {}
    for pair in lexicon_starts:
        by_first.setdefault(pair.partition("+")[0], set()).add(pair)
    for word in vocabulary:
        starts.setdefault(first_letter(word), []).extend(by_first.get(plain(word), ()))
    return {letter: vocabulary_json(part, starts.get(letter, ())) for letter, part in sorted(parts.items())}


def forms_files(forms: SiteForms) -> dict[str, str]:
    """{letter: file content}: the forms split by the typed form's first letter (``forms_json``)."""
    parts: dict[str, SiteForms] = {}
    for form, site in forms.items():
        parts.setdefault(first_letter(form), {})[form] = site
    return {letter: forms_json(part) for letter, part in sorted(parts.items())}


def vocabulary_file_name(files: dict[str, str], pattern: str = VOCABULARY_NAME) -> str:
    """The file name pattern (``{}`` for the letter), with a hash of all files: a browser never
    keeps an old vocabulary."""
    digest = hashlib.sha256("\n".join(f"{k}:{v}" for k, v in sorted(files.items())).encode("utf-8"))
    return pattern.format(digest.hexdigest()[:10])


def on_site(phrase: str, vocabulary: Collection[str]) -> bool:
    """Every word of ``phrase`` occurs on the site (a synonym worth searching for). ``vocabulary``:
    the site's words, or a set of them already ``plain``."""
    known = {plain(w) for w in vocabulary} if not isinstance(vocabulary, set) else vocabulary
    found = [plain(w) for w in WORD.findall(phrase.lower())]
    return bool(found) and all(w in known for w in found)


def search_language(groups: Iterable[Sequence[str]], vocabulary: Vocabulary, vocabulary_file: str) -> dict[str, Any]:
    """The built-in search's language data for the search page (#zoek-taal).

    - ``vulwoorden``: stop words and question filler, dropped from a query;
    - ``synoniemen``: each group of search/synoniemen.yaml as ``alle`` (every phrase, to
      recognise it in a query) and ``zoek`` (the phrases that occur on the site: the
      others would find nothing);
    - ``woordenlijst``: the vocabulary files' name pattern, next to the search page (``{}``
      stands for the letter), and ``woordletters``: the letters that have a file.
    """
    known = {plain(w) for w in vocabulary}
    synonyms = []
    for group in groups:
        present = [p for p in group if on_site(p, known)]
        if present:
            synonyms.append({"alle": list(group), "zoek": present})
    filler = sorted(set(vocab.STOP_WORDS) | set(vocab.QUESTION_FILLER))
    letters = "".join(sorted({first_letter(w) for w in vocabulary}))
    return {"vulwoorden": filler, "synoniemen": synonyms, "woordenlijst": vocabulary_file, "woordletters": letters}
