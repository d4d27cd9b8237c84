"""The page model: which pages the site has, their URLs and titles, and their HTML.

Plain Python (no MkDocs): the plugin turns each Page into a generated MkDocs file.
Record and face pages are deliberately not in the navigation; route, theme, target
group and kern pages carry the lists (paginated, so no page grows with the data).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Optional

from ..records.model import Dataset
from ..records.vocab import DOELGROEPEN, ROUTE_EXPLANATIONS, ROUTE_SLUGS, ROUTES, THEMAS
from ..urls import doelgroep_url, face_url, kern_url, record_url, theme_url
from . import render, render_lijstje, render_professionals
from .glossary import Annotator

PER_PAGE = 50


@dataclass
class SiteContext:
    dataset: Dataset
    articles: list = field(default_factory=list)
    terms: list = field(default_factory=list)
    photos: dict = field(default_factory=dict)  # face id -> photos.PhotoSet
    built: date = field(default_factory=date.today)
    search_config: dict = field(default_factory=dict)
    site_url: str = ""  # mkdocs.yml site_url, for absolute addresses in e-mails and vCards
    assets: dict = field(default_factory=dict)  # our scripts and CSS: name -> address from the site root
    qr: dict = field(default_factory=dict)  # public page address -> poster QR code (SVG), see qrcodes.py
    search_language: dict = field(default_factory=dict)  # search/vocabulary.py search_language()

    def __post_init__(self):
        self.annotator = Annotator(self.terms)


@dataclass
class Page:
    url: str  # directory URL relative to the site root; '' is the home page
    title: str  # plain text; escaped where it is shown
    kind: str
    make_html: Callable[[], str]
    in_nav: bool = False
    hide: tuple = ("toc",)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"

    def html(self, annotator: Optional[Annotator] = None) -> str:
        body = self.make_html()
        return annotator.annotate(body) if annotator else body


NAV = [  # (title, url) in the order residents need them
    ("Home", ""),
    ("Zelf doen", "zelf-doen/"),
    ("Samen doen", "samen-doen/"),
    ("Laten doen", "laten-doen/"),
    ("Gezichtenkaart", "gezichtenkaart/"),
    ("Voor professionals", render_professionals.URL),
    ("Zoeken", "zoeken/"),
    ("Artikelen", "artikelen/"),
    ("Begrippen", "begrippen/"),
]


def _listing(pages, title, intro, base_url, kind, records, ctx, extra=None):
    total = len(records)
    total_pages = max(1, math.ceil(total / PER_PAGE))
    for number in range(1, total_pages + 1):
        url = base_url if number == 1 else f"{base_url}pagina/{number}/"
        chunk = records[(number - 1) * PER_PAGE: number * PER_PAGE]
        shown_title = title if number == 1 else f"{title} (pagina {number})"

        def make(chunk=chunk, url=url, number=number):
            more = extra(url) if extra else ""
            return render.listing_page(title, intro, chunk, url, base_url, number, total_pages, total, more)

        pages.append(Page(url, shown_title, kind, make, in_nav=(number == 1 and kind == "route")))


def _by_name(records):
    return sorted(records, key=lambda v: (v.status == "gestopt", v.naam.lower()))


def build_pages(ctx: SiteContext) -> list:
    ds = ctx.dataset
    records = _by_name(ds.voorzieningen)
    pages = [Page("", "Home", "home", lambda: render.home_page(ctx), in_nav=True, hide=("navigation", "toc"))]

    for route, label in ROUTES.items():
        _listing(pages, label, ROUTE_EXPLANATIONS[route], f"{ROUTE_SLUGS[route]}/", "route",
                 [v for v in records if v.route == route], ctx,
                 extra=lambda url, route=route: render.route_extra(route, ctx, url))
    for slug, label in THEMAS.items():
        _listing(pages, label, f"Alles over {label.lower()}: van tips tot professionele hulp.",
                 theme_url(slug), "thema", [v for v in records if slug in v.themas], ctx,
                 extra=lambda url, slug=slug: _theme_articles(ctx, slug, url))
    for slug, label in DOELGROEPEN.items():
        _listing(pages, label, f"Voorzieningen voor {label[0].lower() + label[1:]}, en voorzieningen voor iedereen.",
                 doelgroep_url(slug), "doelgroep",
                 [v for v in records if not v.doelgroepen or slug in v.doelgroepen], ctx)
    for kern in (ds.gemeente.kernen if ds.gemeente else ()):
        _listing(pages, kern, f"Wat er is in {kern}, en wat er is voor de hele gemeente.",
                 kern_url(kern), "kern",
                 [v for v in records if not v.kernen or kern in v.kernen], ctx)

    for v in ds.voorzieningen:
        url = record_url(v)
        pages.append(Page(url, v.naam, "voorziening", lambda v=v, url=url: render.record_page(v, ctx, url)))

    pages.append(Page("gezichtenkaart/", "Gezichtenkaart", "gezichtenkaart",
                      lambda: render.gezichtenkaart_page(ctx, "gezichtenkaart/", ctx.built), in_nav=True))
    for face in ds.gezichten:
        url = face_url(face)
        pages.append(Page(url, face.naam, "gezicht", lambda f=face, url=url: render.face_page(f, ctx, url)))

    pages.extend(professional_pages(ctx))

    pages.append(Page("zoeken/", "Zoeken", "zoeken",
                      lambda: render.search_page(ctx, "zoeken/", ctx.search_config), in_nav=True,
                      hide=("toc",)))
    pages.append(Page("artikelen/", "Artikelen", "artikelen",
                      lambda: render.articles_page(ctx, "artikelen/"), in_nav=True))
    pages.append(Page("begrippen/", "Begrippen", "begrippen",
                      lambda: render.glossary_page(ctx.terms, "begrippen/"), in_nav=True))
    return pages


def _theme_articles(ctx, slug, url):
    articles = [a for a in ctx.articles if slug in a.themas]
    if not articles:
        return ""
    return ('<section aria-labelledby="h-lees"><h2 id="h-lees">Lees meer</h2>'
            + render.article_list(articles, url) + "</section>")


def professional_pages(ctx: SiteContext) -> list:
    """/voor-professionals/ (the referrers' gezichtenkaart) and /lijstje/ (the list to print or share)."""
    return [
        Page(render_professionals.URL, render_professionals.TITLE, "voor-professionals",
             lambda: render_professionals.professionals_page(ctx), in_nav=True),
        Page(render_lijstje.URL, "Mijn lijstje", "lijstje",
             lambda: render_lijstje.lijstje_page(ctx, render_lijstje.URL, ctx.assets.get(QR_LIBRARY_ASSET, ""))),
    ]


QR_LIBRARY_ASSET = "lean-qr.js"  # ctx.assets key of the browser's QR library (plugin.py copies it from npm)
