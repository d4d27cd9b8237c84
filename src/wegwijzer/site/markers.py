"""Hidden search data in each page: the filters and meta Pagefind reads.

Filter values are the same slugs as in the page addresses and the Meilisearch facets
(``urls.kern_slug`` for kernen), so a filter means the same on both search backends.
"""

from __future__ import annotations

from ..urls import kern_slug
from .escaping import esc

SEARCH_DATA_TAG = "ww-zoekdata"  # a custom element holding the hidden search filters and meta
EVERYONE = "iedereen"  # filter value of records without doelgroepen
WHOLE_MUNICIPALITY = "hele-gemeente"  # filter value of records without kernen


def kern_filters(kernen) -> list:
    """The kern filter tags of a record or face: its kernen, or the whole municipality."""
    return [("filter", "kern", kern_slug(k)) for k in kernen] or [("filter", "kern", WHOLE_MUNICIPALITY)]


def filter_tags(v) -> str:
    """Hidden Pagefind filter/meta markers."""
    tags = [("filter", "soort", "voorziening"), ("filter", "route", v.route), ("filter", "toegang", v.toegang)]
    tags += [("filter", "thema", t) for t in v.themas]
    # One marker value for "everyone" keeps the filter index small at 10,000 records;
    # the search page asks for {any: [value, EVERYONE]}.
    tags += [("filter", "doelgroep", d) for d in (v.doelgroepen or (EVERYONE,))]
    tags += kern_filters(v.kernen)
    tags += [("meta", "soort", "voorziening"), ("meta", "toegang", v.toegang), ("meta", "route", v.route)]
    if v.status != "actief":
        tags.append(("meta", "status", v.status))
    if v.contact.telefoon:
        tags += [("meta", "telefoon", v.contact.telefoon.display), ("meta", "tel", v.contact.telefoon.tel)]
    return markers(tags)


def markers(tags) -> str:
    """Pagefind filters/meta as element text (inline "key:value" would split on commas).

    data-pagefind-ignore keeps the values out of the full-text index but Pagefind
    still reads filters and meta inside it. The element has its own name so the glossary
    leaves it alone (a tooltip on a hidden value would use up the visible first one).
    """
    return (f'<{SEARCH_DATA_TAG} hidden data-pagefind-ignore>'
            + "".join(f'<span data-pagefind-{kind}="{esc(key)}">{esc(value)}</span>' for kind, key, value in tags)
            + f"</{SEARCH_DATA_TAG}>")


