"""The site's addresses, in one place: pages, search documents and vCards link the same way.

Every address is a directory URL relative to the site root ('' is the home page), so the
site works under a sub-path and from a file server. A shared module like ``text``: it
imports nothing of ours but ``text``, so the checker can ask which addresses the build
keeps for itself.
"""

from __future__ import annotations

from .text import slugify

ROUTE_SLUGS = {"zelf": "zelf-doen", "samen": "samen-doen", "laten": "laten-doen"}


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
ASSET_PREFIX = "assets/wegwijzer/"  # our scripts and styles, content-hashed by the plugin


def asset_url(ctx, name: str) -> str:
    """Our script's address: the plugin's content-hashed one (``ctx.assets``), else the plain name."""
    return getattr(ctx, "assets", {}).get(name, ASSET_PREFIX + name)


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


def info_pages(gemeente) -> list[tuple[str, str, str, str, list[str]]]:
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


# --- addresses the build keeps for itself ---------------------------------------------------
#
# An editor's page or image in content/ must not land on one of these: it would be dropped or
# overwritten without a word, so `wegwijzer check` refuses it (records/content.py).
# tests/test_content_folder.py builds the demo and fails when the build writes a top-level
# name that is not listed here.

GENERATED_FOLDERS = frozenset((
    *ROUTE_SLUGS.values(), "thema", "doelgroep", "kern", "hele-gemeente", "gezichtenkaart", "voor-professionals",
    "zoeken", "begrippen", "levensloop", "zorgen-om-een-ander", "een-loket", "klachten", "spreekuren",
    "postkaart", "hoe-ging-het", "lijstje", "vcard", "fotos", "assets", "pagefind", "admin", "search",
))
GENERATED_ROOT_FILES = frozenset(("index.html", "404.html", "sitemap.xml", "sitemap.xml.gz", "sw.js"))
# Folders whose own index page the build makes, while editors add pages inside (content/artikelen/<slug>.md).
GENERATED_INDEXES = frozenset(("artikelen/index.html",))
# Pages the build makes only when the editors have none of their own.
EDITOR_MAY_REPLACE = frozenset(("toegankelijkheid/index.html",))


# File names in the data folder that the site uses itself: a record at laten-doen/pagina/ would sit
# among the list's pages (laten-doen/pagina/2/), a face card 'alle-gezichten' would overwrite the
# vCard with every face.
RESERVED_RECORD_IDS = frozenset(("pagina",))
RESERVED_FACE_IDS = frozenset((ALL_FACES_VCARD.rsplit("/", 1)[1].removesuffix(".vcf"),))


def is_generated(dest_path: str) -> bool:
    """Whether the build writes ``dest_path`` (a path in the site folder, such as 'kern/x/index.html')."""
    first = dest_path.split("/", 1)[0]
    return (first in GENERATED_FOLDERS or first.startswith(".") or dest_path in GENERATED_ROOT_FILES
            or dest_path in GENERATED_INDEXES)
