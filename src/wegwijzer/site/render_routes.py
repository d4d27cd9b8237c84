"""Route pages from content/: life events (/levensloop/) and "Zorgen om een ander".

Residents come with a moment in their life ("we krijgen een kind", "ik verlies mijn
werk"), not with a theme. Each route page (records/levensloop.py) leads them through the
records and articles an editor chose, in order, each with why it helps now. The markup is
in templates wegwijzer/levensloop*.html; every text from a file is escaped there.
"""

from __future__ import annotations

from ..urls import FRONT_DOOR_URL, LIFE_EVENTS_URL, WORRIED_URL, record_url, rel
from .markers import EVERYONE, WHOLE_MUNICIPALITY, search_data
from .render_parts import card_data, group_link_items, theme_link_items
from .templating import templates_of


def _step(step, ctx, url: str) -> dict | None:
    """A step of a route page, or None when what it names is no longer on the site
    (`wegwijzer check` warned about it)."""
    if step.voorziening:
        v = ctx.dataset.voorziening(step.voorziening)
        if v is None:
            return None
        return {"url": rel(url, record_url(v)), "naam": v.naam, "uitleg": step.uitleg or "",
                "kaart": card_data(v), "samenvatting": v.samenvatting}
    article = next((a for a in ctx.articles if a.slug == step.artikel), None)
    if article is None:
        return None
    return {"url": rel(url, article.url), "naam": article.title, "uitleg": step.uitleg or "", "kaart": None,
            "samenvatting": article.samenvatting or ""}


def route_page(page, ctx, url: str) -> str:
    """A life event or the "Zorgen om een ander" page (template wegwijzer/levensloop.html)."""
    soort = "pagina" if page.worried else "levensloop"
    tags = [("filter", "soort", soort), ("meta", "soort", soort), ("filter", "kern", WHOLE_MUNICIPALITY)]
    tags += [("filter", "thema", t) for t in page.themas]
    tags += [("filter", "doelgroep", d) for d in (page.doelgroepen or (EVERYONE,))]
    steps = [step for step in (_step(s, ctx, url) for s in page.stappen) if step]
    route = {"titel": page.titel, "intro": page.intro, "let_op": page.let_op or "", "zoekdata": search_data(tags),
             "stappen": steps, "loket": rel(url, FRONT_DOOR_URL),
             "themas": theme_link_items(page.themas, url), "doelgroepen": group_link_items(page.doelgroepen, url),
             "terug": "" if page.worried else rel(url, LIFE_EVENTS_URL)}
    return templates_of(ctx).get_template("wegwijzer/levensloop.html").render(route=route)


def life_events_page(ctx, url: str) -> str:
    """/levensloop/ (template wegwijzer/levensloop-overzicht.html)."""
    overzicht = {"momenten": [{"url": rel(url, e.url), "titel": e.titel, "intro": e.intro} for e in ctx.life_events],
                 "zorgen": {"url": rel(url, WORRIED_URL), "titel": ctx.worried.titel} if ctx.worried else None}
    return templates_of(ctx).get_template("wegwijzer/levensloop-overzicht.html").render(overzicht=overzicht)


def home_sections_data(ctx, url: str = "") -> dict:
    """The home page's entries: life events, and "Zorgen om een ander" on its own (``thuis`` of
    template wegwijzer/levensloop-thuis.html, which wegwijzer/start.html includes)."""
    return {"zorgen": {"url": rel(url, WORRIED_URL), "titel": ctx.worried.titel, "intro": ctx.worried.intro}
            if ctx.worried else None,
            "momenten": [{"url": rel(url, e.url), "titel": e.titel} for e in ctx.life_events],
            "alle": rel(url, LIFE_EVENTS_URL)}


__all__ = ["home_sections_data", "life_events_page", "route_page"]
