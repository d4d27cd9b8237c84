"""The one search description: every field of a search document, and how each backend uses it.

Everything else follows from this table:

- Meilisearch's settings (search/settings.py): ``searchableAttributes`` in this order,
  ``filterableAttributes``, ``sortableAttributes`` and the fields without typo tolerance;
- the documents (search/documents.py) may hold only these fields, and the fields whose words
  are stemmed (``stammen``) are those marked ``stemmed``;
- Pagefind's weights on the pages (templates: ``zoekgewicht("naam")``), its filter names
  (site/markers.py) and the vocabulary the built-in search corrects with
  (search/vocabulary.py: the words of the fields Pagefind indexes, of the same documents);
- what the search page asks Meilisearch to return (``RETRIEVED``, in the page's search config).

tests/test_search_fields.py checks the table against the documents and the settings both ways:
a document field this table does not name, or a named field no document has, fails.

Where the two backends differ, the table says so and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..errors import WegwijzerError


@dataclass(frozen=True)
class SearchField:
    name: str  # the document field
    # Searched by its words (Meilisearch: searchableAttributes, in the table's order).
    searched: bool = False
    # The weight of this text on a page for Pagefind ("1" is the page's plain text); None: not
    # in Pagefind's text index (with the reason in ``note``).
    pagefind_weight: Optional[str] = None
    stemmed: bool = False  # its words' lemmas go into ``stammen`` (Meilisearch has no Dutch stemming)
    typos: bool = True  # False: a typo must not find another postcode or phone number
    filter: bool = False  # Meilisearch: filterable and a facet
    pagefind_filter: Optional[str] = None  # Pagefind's name for the same filter (site/markers.py)
    sortable: bool = False
    retrieved: bool = False  # the search page shows it in a result
    # The built-in search corrects a misspelled word to a word of a field Pagefind indexes; it
    # prefers the words of these fields (a name, a keyword, a theme) to those of a long text.
    preferred: bool = False
    note: str = ""


# In order of relevance for Meilisearch: a hit in `naam` weighs more than one in `beschrijving`.
SEARCH_FIELDS: tuple[SearchField, ...] = (
    SearchField("id", note="the primary key: voorziening-<id>, gezicht-<id>, artikel-<slug>, ..."),
    SearchField("naam", searched=True, pagefind_weight="10", stemmed=True, sortable=True, retrieved=True,
                preferred=True),
    SearchField("trefwoorden", searched=True, pagefind_weight="6", stemmed=True, retrieved=True, preferred=True),
    SearchField("samenvatting", searched=True, pagefind_weight="5", stemmed=True, retrieved=True),
    SearchField("aanbieder", searched=True, pagefind_weight="3", stemmed=True),
    SearchField("beschrijving", searched=True, pagefind_weight="1", stemmed=True),
    SearchField("aanmelden", searched=True, stemmed=True,
                note="Pagefind: the access section is left out of the text index, so the same 'how to "
                     "start' sentences on many records ('Bel ons', 'Loop binnen') don't match every question"),
    SearchField("themas_labels", searched=True, pagefind_weight="0.5", preferred=True,
                note="'geld' finds every record of that theme, after those that use the word themselves"),
    SearchField("doelgroepen_labels", searched=True, pagefind_weight="0.5", preferred=True),
    SearchField("kernen_labels", searched=True,
                note="Pagefind: a kern is a filter; its name in the text would rank every record of a "
                     "village above the meaning of a word that is also part of the village's name"),
    SearchField("locaties", searched=True, pagefind_weight="1", stemmed=True),
    SearchField("plaatsen", searched=True, pagefind_weight="1"),
    SearchField("kosten_toelichting", searched=True, pagefind_weight="1", stemmed=True),
    SearchField("postcodes", searched=True, pagefind_weight="1", typos=False),
    SearchField("telefoon", searched=True, typos=False, retrieved=True,
                note="Pagefind: the buttons are left out of the text index; Pagefind splits a number "
                     "typed with spaces into words that match any number"),
    SearchField("extra", searched=True, pagefind_weight="1",
                note="fields a municipality declared without one of their own (records/extras.py)"),
    SearchField("stammen", searched=True,
                note="the lemmas of the stemmed fields; Pagefind stems by itself"),
    SearchField("soort", filter=True, pagefind_filter="soort", retrieved=True),
    SearchField("route", filter=True, pagefind_filter="route", retrieved=True,
                note="the search page puts results of equal relevance in route order, and shows the route"),
    SearchField("themas", filter=True, pagefind_filter="thema"),
    SearchField("doelgroepen", filter=True, pagefind_filter="doelgroep"),
    SearchField("kernen", filter=True, pagefind_filter="kern"),
    SearchField("toegang", filter=True, pagefind_filter="toegang", retrieved=True),
    SearchField("beslist", retrieved=True,
                note="who decides on access (records/access.py); Pagefind: meta 'beslist' on the page"),
    SearchField("kosten", filter=True, note="Meilisearch only, for other clients: the page does not filter on it"),
    SearchField("status", filter=True, retrieved=True, note="Pagefind: meta 'status' on the page"),
    SearchField("wet", filter=True, note="Meilisearch only, for other clients"),
    SearchField("talen", filter=True, note="Meilisearch only, for other clients"),
    SearchField("_geo", note="filterable and sortable: 'Bij mij in de buurt'; Pagefind has no distance"),
    SearchField("gecontroleerd", sortable=True, note="for operators: the records checked longest ago first"),
    SearchField("actief", note="1, or 0 for a stopped record: the first ranking rule puts those last"),
    SearchField("record_id", retrieved=True, note="the id of the record itself: the page's saved list uses it"),
    SearchField("url", retrieved=True),
    SearchField("wachttijd", retrieved=True),
)

FIELDS: dict[str, SearchField] = {f.name: f for f in SEARCH_FIELDS}
# The custom element of a page that holds its hidden Pagefind filters and meta (site/markers.py).
SEARCH_DATA_TAG = "ww-zoekdata"

SEARCHABLE = tuple(f.name for f in SEARCH_FIELDS if f.searched)
FILTERABLE = tuple(f.name for f in SEARCH_FIELDS if f.filter) + ("_geo",)
SORTABLE = tuple(f.name for f in SEARCH_FIELDS if f.sortable) + ("_geo",)
WITHOUT_TYPOS = tuple(f.name for f in SEARCH_FIELDS if not f.typos)
STEMMED = tuple(f.name for f in SEARCH_FIELDS if f.stemmed)
# The vocabulary of the built-in search (search/vocabulary.py): the words of what Pagefind indexes.
VOCABULARY_PREFERRED = tuple(f.name for f in SEARCH_FIELDS if f.pagefind_weight is not None and f.preferred)
VOCABULARY_OTHER = tuple(f.name for f in SEARCH_FIELDS if f.pagefind_weight is not None and not f.preferred)
RETRIEVED = tuple(f.name for f in SEARCH_FIELDS if f.retrieved)


class UnknownSearchField(WegwijzerError):
    """A template or module asked for a field the search description does not have."""


def pagefind_weight(name: str) -> str:
    """The Pagefind weight of a field's text on a page (templates: ``zoekgewicht``)."""
    field = FIELDS.get(name)
    if field is None or field.pagefind_weight is None:
        raise UnknownSearchField(f"Interne fout: het zoekveld '{name}' heeft geen gewicht voor Pagefind "
                                 "(search/fields.py).")
    return field.pagefind_weight


def pagefind_filter(name: str) -> str:
    """Pagefind's name for a document field's filter (markers on the pages)."""
    field = FIELDS.get(name)
    if field is None or field.pagefind_filter is None:
        raise UnknownSearchField(f"Interne fout: het zoekveld '{name}' is geen filter (search/fields.py).")
    return field.pagefind_filter
