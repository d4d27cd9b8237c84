"""Hidden search data in each page: the filters and meta Pagefind reads (filter names from the
one search description, search/fields.py).

Filter values are the same slugs as in the page addresses and the Meilisearch facets
(``urls.kern_slug`` for kernen), so a filter means the same on both search backends.
"""

from __future__ import annotations

from ..records.access import decider
from ..search.fields import SEARCH_DATA_TAG, pagefind_filter
from ..urls import kern_slug

EVERYONE = "iedereen"  # filter value of records without doelgroepen
WHOLE_MUNICIPALITY = "hele-gemeente"  # filter value of records without kernen


def kern_filters(kernen) -> list:
    """The kern filter tags of a face card or a page: its kernen, or the whole municipality."""
    return [filter_tag("kernen", kern_slug(k)) for k in kernen] or [filter_tag("kernen", WHOLE_MUNICIPALITY)]


def record_kern_filters(v) -> list:
    """A record counts for the kernen it names and those its locations are in. One that names
    none is for the whole municipality, which the search page matches with every kern: it gets
    only that value, so a filter count never counts it twice (search/documents.py: the same rule)."""
    return kern_filters(v.local_kernen if v.kernen else ())




def filter_tag(search_field: str, value: str) -> tuple[str, str, str]:
    """A Pagefind filter of a page: the ``search_field``'s filter (search/fields.py) with ``value``."""
    return ("filter", pagefind_filter(search_field), value)


def record_tags(v) -> list:
    """The filters and meta of record ``v``, (kind, key, value) triples."""
    tags = [filter_tag("soort", "voorziening"), filter_tag("route", v.route), filter_tag("toegang", v.toegang)]
    tags += [filter_tag("themas", t) for t in v.themas]
    # One marker value for "everyone" keeps the filter index small at 10,000 records;
    # the search page asks for {any: [value, EVERYONE]}.
    tags += [filter_tag("doelgroepen", d) for d in (v.doelgroepen or (EVERYONE,))]
    tags += record_kern_filters(v)
    tags += [("meta", "soort", "voorziening"), ("meta", "toegang", v.toegang), ("meta", "route", v.route)]
    if who := decider(v):
        tags.append(("meta", "beslist", who))
    if v.status != "actief":
        tags.append(("meta", "status", v.status))
    if v.contact.telefoon:
        tags += [("meta", "telefoon", v.contact.telefoon.display), ("meta", "tel", v.contact.telefoon.tel)]
    if v.wachttijd:
        tags.append(("meta", "wachttijd", v.wachttijd.summary))
    return tags




def search_data(tags) -> dict:
    """The variables of template wegwijzer/zoekdata.html for ``tags``, (kind, key, value) triples."""
    return {"tag": SEARCH_DATA_TAG, "tags": list(tags)}
