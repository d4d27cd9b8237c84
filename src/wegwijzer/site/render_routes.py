"""Route pages from content/: life events (/levensloop/) and "Zorgen om een ander".

Residents come with a moment in their life ("we krijgen een kind", "ik verlies mijn
werk"), not with a theme. Each route page (records/levensloop.py) leads them through the
records and articles an editor chose, in order, each with why it helps now. Every text
from a file is escaped.
"""

from __future__ import annotations

from ..urls import FRONT_DOOR_URL, LIFE_EVENTS_URL, WORRIED_URL, record_url, rel
from .escaping import esc
from .markers import EVERYONE, WHOLE_MUNICIPALITY, markers
from .render_parts import card_badges, card_phone, group_link_line, theme_link_line


def _step(step, ctx, url: str, number: int) -> str:
    why = f'<p class="ww-step__why">{esc(step.uitleg)}</p>' if step.uitleg else ""
    if step.voorziening:
        v = ctx.dataset.voorziening(step.voorziening)
        if v is None:  # no longer on the site: `wegwijzer check` warned about it
            return ""
        return (f'<li class="ww-step"><h3 class="ww-step__title"><span class="ww-sr">Stap {number}: </span>'
                f'<a href="{rel(url, record_url(v))}">{esc(v.naam)}</a></h3>{why}{card_badges(v)}'
                f'<p class="ww-card__summary">{esc(v.samenvatting)}</p>{card_phone(v)}</li>')
    article = next((a for a in ctx.articles if a.slug == step.artikel), None)
    if article is None:
        return ""
    summary = f'<p class="ww-card__summary">{esc(article.samenvatting)}</p>' if article.samenvatting else ""
    return (f'<li class="ww-step"><h3 class="ww-step__title"><span class="ww-sr">Stap {number}: </span>'
            f'<a href="{rel(url, article.url)}">{esc(article.title)}</a></h3>{why}'
            f'<p class="ww-card__badges"><span class="ww-route">Om te lezen</span></p>{summary}</li>')


def _steps(page, ctx, url: str) -> str:
    items, number = [], 0
    for step in page.stappen:
        html = _step(step, ctx, url, number + 1)
        if html:
            number += 1
            items.append(html)
    return '<ol class="ww-steps">' + "".join(items) + "</ol>"


def route_page(page, ctx, url: str) -> str:
    """A life event or the "Zorgen om een ander" page."""
    soort = "pagina" if page.worried else "levensloop"
    tags = [("filter", "soort", soort), ("meta", "soort", soort), ("filter", "kern", WHOLE_MUNICIPALITY)]
    tags += [("filter", "thema", t) for t in page.themas]
    tags += [("filter", "doelgroep", d) for d in (page.doelgroepen or (EVERYONE,))]
    note = (f'<div class="ww-alert ww-alert--note" role="note"><strong>Let op:</strong> {esc(page.let_op)}</div>'
            if page.let_op else "")
    about = []
    if page.themas:
        about.append(f'Thema: {theme_link_line(page.themas, url)}')
    if page.doelgroepen:
        about.append(f'Voor: {group_link_line(page.doelgroepen, url)}')
    more = "".join(f"<p>{line}</p>" for line in about)
    back = ("" if page.worried else
            f'<p><a href="{rel(url, LIFE_EVENTS_URL)}">Andere momenten in je leven</a></p>')
    return (
        f'<article class="ww-route-page" data-pagefind-body>'
        f'<h1 data-pagefind-weight="10" data-pagefind-meta="title">{esc(page.titel)}</h1>{markers(tags)}'
        f'<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">{esc(page.intro)}</p>'
        f'{note}<section aria-labelledby="h-stappen"><h2 id="h-stappen">Wat kun je doen?</h2>'
        f'{_steps(page, ctx, url)}</section>'
        f'<div class="ww-callout" data-pagefind-ignore><h2>Weet je niet waar je moet beginnen?</h2>'
        f'<p>Bel, mail of kom langs bij één loket. Je vertelt je verhaal één keer.</p>'
        f'<p><a class="ww-button" href="{rel(url, FRONT_DOOR_URL)}">Zo werkt het loket</a></p></div>'
        f'<div class="ww-muted" data-pagefind-ignore>{more}</div>{back}</article>'
    )


def life_events_page(ctx, url: str) -> str:
    events = ctx.life_events
    items = "".join(
        f'<li class="ww-card"><h2 class="ww-card__title"><a href="{rel(url, e.url)}">{esc(e.titel)}</a></h2>'
        f'<p class="ww-card__summary">{esc(e.intro)}</p></li>' for e in events)
    body = f'<ul class="ww-cards">{items}</ul>' if events else '<p class="ww-empty">Hier staat nog niets.</p>'
    worried = (f'<div class="ww-callout"><h2>Maak je je zorgen om iemand anders?</h2>'
               f'<p><a href="{rel(url, WORRIED_URL)}">{esc(ctx.worried.titel)}</a></p></div>'
               if ctx.worried else "")
    return ('<h1>Wat gebeurt er in je leven?</h1><p class="ww-lead">Soms verandert er veel tegelijk. Kies wat er '
            'bij jou speelt. Dan zie je wat je kunt regelen, en wie je daarbij helpt.</p>' + body + worried)


def home_sections(ctx, url: str = "") -> str:
    """The home page's entries: life events, and "Zorgen om een ander" on its own."""
    parts = []
    if ctx.worried:
        parts.append(f'<section class="ww-callout ww-worried" aria-labelledby="h-zorgen">'
                     f'<h2 id="h-zorgen">Maak je je zorgen om iemand anders?</h2>'
                     f'<p>{esc(ctx.worried.intro)}</p>'
                     f'<p><a class="ww-button" href="{rel(url, WORRIED_URL)}">{esc(ctx.worried.titel)}</a></p>'
                     f'</section>')
    if ctx.life_events:
        links = "".join(f'<li><a href="{rel(url, e.url)}">{esc(e.titel)}</a></li>' for e in ctx.life_events)
        parts.append(f'<section aria-labelledby="h-leven"><h2 id="h-leven">Er verandert iets in je leven</h2>'
                     f'<ul class="ww-themes">{links}</ul>'
                     f'<p><a href="{rel(url, LIFE_EVENTS_URL)}">Alle momenten in het leven</a></p></section>')
    return "".join(parts)


__all__ = ["home_sections", "life_events_page", "route_page"]
