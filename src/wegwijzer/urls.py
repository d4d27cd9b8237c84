"""The site's addresses, in one place: pages, search documents and vCards link the same way.

Every address is a directory URL relative to the site root ('' is the home page), so the
site works under a sub-path and from a file server.
"""

from __future__ import annotations

from .records.vocab import ROUTE_SLUGS
from .text import slugify


def rel(from_url: str, to_url: str) -> str:
    """Relative link between two directory URLs ('' is the home page)."""
    prefix = "../" * from_url.count("/")
    return (prefix + to_url) or "./"


def kern_slug(name: str) -> str:
    """A kern's slug: its page address, its Pagefind filter value and its Meilisearch facet."""
    return slugify(name, fallback="kern")


def kern_url(name: str) -> str:
    return f"kern/{kern_slug(name)}/"


def record_url(record) -> str:
    return f"{ROUTE_SLUGS[record.route]}/{record.id}/"


def face_url(face) -> str:
    return f"gezichtenkaart/{face.id}/"


def article_url(article) -> str:
    return f"artikelen/{article.slug}/"


def theme_url(slug: str) -> str:
    return f"thema/{slug}/"


def doelgroep_url(slug: str) -> str:
    return f"doelgroep/{slug}/"


def vcard_url(face) -> str:
    return f"vcard/{face.id}.vcf"


ALL_FACES_VCARD = "vcard/alle-gezichten.vcf"
