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


# --- pages made from gemeente.yaml and the spreekuren of all records ------------------------

LIFE_EVENTS_URL = "levensloop/"
WORRIED_URL = "zorgen-om-een-ander/"
FRONT_DOOR_URL = "een-loket/"
COMPLAINTS_URL = "klachten/"
SPREEKUREN_URL = "spreekuren/"
POSTCARDS_URL = "postkaart/"
WHOLE_MUNICIPALITY_URL = "hele-gemeente/"


def feedback_url(slug: str) -> str:
    """The short feedback page a postcard's QR code leads to."""
    return f"hoe-ging-het/{slug}/"


def info_pages(gemeente) -> list:
    """(slug, url, title, summary, search words) of the pages made from gemeente.yaml, for the
    site (Pagefind reads the pages themselves) and the Meilisearch documents alike."""
    loket = gemeente.loket if gemeente else None
    door = (loket.naam if loket and loket.naam else "") or ""
    return [
        ("een-loket", FRONT_DOOR_URL, "Eén loket voor hulp en zorg",
         "Eén keer bellen, mailen of langskomen. Je vertelt je verhaal één keer en houdt één contactpersoon.",
         ["loket", "voordeur", "aanmelden", "hulp vragen", "bellen", "whatsapp", "binnenlopen", "huisbezoek",
          "keukentafelgesprek", "cliëntondersteuning", door]),
        ("klachten", COMPLAINTS_URL, "Klachten en bezwaar",
         "Niet tevreden over hoe je bent geholpen? Of niet eens met een besluit? Zo dien je een klacht of "
         "bezwaar in.", ["klacht", "bezwaar", "bezwaar maken", "ombudsman", "niet eens", "besluit",
                         "beschikking", "niet tevreden"]),
        ("spreekuren", SPREEKUREN_URL, "Spreekuren deze week",
         "Waar en wanneer je zonder afspraak met je vraag terechtkunt: per dag en per dorp of wijk.",
         ["spreekuur", "inloop", "inloopspreekuur", "zonder afspraak", "langskomen"]),
    ]
