"""The page model: which pages the site has, their URLs and titles, and their HTML.

Plain Python (no MkDocs): the plugin turns each Page into a generated MkDocs file.
Record and face pages are deliberately not in the navigation; route, theme, target
group and kern pages carry the lists (paginated, so no page grows with the data). Pages
close to home (kernen, spreekuren), route pages from content/ (life events) and the
front door (loket, complaints, postcards, feedback) have their own render modules.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Callable, Optional

from ..records.levensloop import RoutePage
from ..records.model import Dataset
from ..records.vocab import DOELGROEPEN, ROUTE_EXPLANATIONS, ROUTE_SLUGS, ROUTES, THEMAS, in_route_order
from ..urls import (
    COMPLAINTS_URL,
    FRONT_DOOR_URL,
    LIFE_EVENTS_URL,
    POSTCARDS_URL,
    SPREEKUREN_URL,
    WHOLE_MUNICIPALITY_URL,
    WORRIED_URL,
    doelgroep_url,
    face_url,
    feedback_url,
    kern_url,
    record_url,
    theme_url,
)
from . import render, render_frontdoor, render_lijstje, render_local, render_professionals, render_routes
from .glossary import Annotator, explaining

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
    life_events: list = field(default_factory=list)  # records/levensloop.RoutePage, in order
    worried: Optional[RoutePage] = None  # the "Zorgen om een ander" RoutePage, if the project has one
    qr: dict = field(default_factory=dict)  # public page address -> poster QR code (SVG), see qrcodes.py
    search_language: dict = field(default_factory=dict)  # search/vocabulary.py search_language()
    templates: Optional[object] = None  # templating.environment(): the project's overrides, then ours

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
        """The page's body; with ``annotator``, its jargon explained as the templates write it."""
        with explaining(annotator):
            return self.make_html()


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
            return render.listing_page(title, intro, chunk, url, base_url, number, total_pages, total, more,
                                       per_route=kind != "route")

        pages.append(Page(url, shown_title, kind, make, in_nav=(number == 1 and kind == "route")))


def build_pages(ctx: SiteContext) -> list:
    ds = ctx.dataset
    records = in_route_order(ds.voorzieningen)
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
    _local_pages(pages, records, ctx)

    for v in ds.voorzieningen:
        url = record_url(v)
        pages.append(Page(url, v.naam, "voorziening", partial(render.record_page, v, ctx, url)))

    pages.append(Page("gezichtenkaart/", "Gezichtenkaart", "gezichtenkaart",
                      lambda: render.gezichtenkaart_page(ctx, "gezichtenkaart/", ctx.built), in_nav=True))
    for face in ds.gezichten:
        url = face_url(face)
        pages.append(Page(url, face.naam, "gezicht", partial(render.face_page, face, ctx, url)))

    pages.extend(professional_pages(ctx))

    pages.append(Page("zoeken/", "Zoeken", "zoeken",
                      lambda: render.search_page(ctx, "zoeken/", ctx.search_config), in_nav=True,
                      hide=("toc",)))
    pages.append(Page("artikelen/", "Artikelen", "artikelen",
                      lambda: render.articles_page(ctx, "artikelen/"), in_nav=True))
    pages.append(Page("begrippen/", "Begrippen", "begrippen",
                      lambda: render.glossary_page(ctx.terms, "begrippen/"), in_nav=True))
    _route_pages(pages, ctx)
    _front_door_pages(pages, ctx)
    return pages


def _local_pages(pages, records, ctx):
    """Kern pages (what is here, the people, the spreekuren, then the whole municipality), the
    list for the whole municipality and the week's spreekuren (site/render_local.py)."""
    ds = ctx.dataset
    kernen = tuple(ds.gemeente.kernen) if ds.gemeente else ()
    week = render_local.spreekuren(records)
    whole_all = [v for v in records if not v.kernen]
    for kern in kernen:
        local = [v for v in records if kern in v.local_kernen]
        whole = [v for v in whole_all if kern not in v.local_kernen]
        base = kern_url(kern)
        total_pages = max(1, math.ceil(len(local) / PER_PAGE))
        here = [s for s in week if kern in s.kernen]

        def make(kern=kern, local=local, whole=whole, here=here, base=base, total_pages=total_pages):
            return render_local.kern_page(kern, ctx, base, local[:PER_PAGE], len(local), total_pages,
                                          whole[:PER_PAGE], len(whole), here)

        pages.append(Page(base, kern, "kern", make))
        for number in range(2, total_pages + 1):  # more of what is here: plain list pages
            url = f"{base}pagina/{number}/"
            chunk = local[(number - 1) * PER_PAGE: number * PER_PAGE]

            more = partial(render.listing_page, f"In {kern}", f"Wat er is in {kern}.", chunk, url, base, number,
                           total_pages, len(local))
            pages.append(Page(url, f"In {kern} (pagina {number})", "kern", more))
    _listing(pages, "Voor de hele gemeente", "Wat er is voor iedereen in de gemeente, in elk dorp en elke wijk.",
             WHOLE_MUNICIPALITY_URL, "hele-gemeente", whole_all, ctx)
    pages.append(Page(SPREEKUREN_URL, "Spreekuren deze week", "spreekuren",
                      lambda: render_local.spreekuren_page(ctx, SPREEKUREN_URL, week)))


def _route_pages(pages, ctx):
    """Life events and "Zorgen om een ander", from content/ (site/render_routes.py)."""
    if ctx.life_events:
        pages.append(Page(LIFE_EVENTS_URL, "Wat gebeurt er in je leven?", "levensloop",
                          lambda: render_routes.life_events_page(ctx, LIFE_EVENTS_URL)))
    for event in ctx.life_events:
        pages.append(Page(event.url, event.titel, "levensgebeurtenis",
                          partial(render_routes.route_page, event, ctx, event.url)))
    if ctx.worried:
        pages.append(Page(WORRIED_URL, ctx.worried.titel, "zorgen",
                          lambda: render_routes.route_page(ctx.worried, ctx, WORRIED_URL)))


def _front_door_pages(pages, ctx):
    """One front door, complaints and objections, postcards and feedback (site/render_frontdoor.py)."""
    if ctx.dataset.gemeente is None:
        return
    pages.append(Page(FRONT_DOOR_URL, "Eén loket voor hulp en zorg", "een-loket",
                      lambda: render_frontdoor.front_door_page(ctx, FRONT_DOOR_URL)))
    pages.append(Page(COMPLAINTS_URL, "Klachten en bezwaar", "klachten",
                      lambda: render_frontdoor.complaints_page(ctx, COMPLAINTS_URL)))
    orgs = render_frontdoor.organisations(ctx.dataset)
    pages.append(Page(POSTCARDS_URL, "Postkaarten: Hoe ging het?", "postkaart",
                      lambda: render_frontdoor.postcards_page(ctx, POSTCARDS_URL, _qr_codes(ctx, orgs))))
    for org in orgs:
        url = feedback_url(org.slug)
        pages.append(Page(url, "Hoe ging het?", "hoe-ging-het",
                          partial(render_frontdoor.feedback_page, org, ctx, url)))


def _qr_codes(ctx, orgs) -> dict:
    """slug -> inline SVG QR code leading to the organisation's feedback page (none without site_url).

    The plugin makes the codes ahead, with the posters' (ctx.qr, cached on disk); a code it did not
    make (a page model built without the plugin) is made here, by the same helper."""
    if not ctx.site_url:
        return {}
    from .qrcodes import qr_svg, titled
    from .render_poster import public_address

    codes = {}
    for org in orgs:
        address = public_address(ctx.site_url, feedback_url(org.slug))
        svg = ctx.qr.get(address) or qr_svg(address)
        codes[org.slug] = titled(svg, f"QR-code naar Hoe ging het? voor {org.naam}")
    return codes


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


QR_LIBRARY_ASSET = "lean-qr.js"  # ctx.assets key of the browser's QR library (assemble.py copies it from npm)
