"""Close to home: the kern pages and the spreekuren of the week.

A record counts for a kern when it names that kern or has a location in it
(``Voorziening.local_kernen``). A kern page shows, in this order: what is in the kern,
the kern's people (face cards whose ``kernen`` include it), this week's spreekuren there,
and then what is there for the whole municipality (closed on phones). Spreekuren are
opening times of the kind "spreekuur", each at a place (records/model.py ``place_of``).
Every text from a record is escaped (render.esc).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..records.model import Location, Voorziening
from ..records.vocab import DAGEN
from ..text import location_line
from ..urls import SPREEKUREN_URL, WHOLE_MUNICIPALITY_URL, kern_slug, kern_url, record_url, rel
from .escaping import esc
from .render import card_list, pager
from .render_parts import face_card

OTHER_PLACES = "Elders"  # a spreekuur outside the kernen, or at no fixed place, in a record for everyone


@dataclass(frozen=True)
class Spreekuur:
    """One spreekuur of a record on one day, where it is held."""

    record: Voorziening
    day: str  # "ma" .. "zo"
    van: str
    tot: str
    toelichting: Optional[str]
    place: Optional[Location]
    kernen: tuple  # the kernen it counts for; () for elsewhere


def spreekuren(records) -> list:
    """Every spreekuur of the week of records that are open (not closed for now or stopped), by
    day, then start time, then name. A spreekuur counts for the kern of its place; one without a
    place counts for the kernen its record names."""
    found = []
    for v in records:
        if v.status != "actief":
            continue
        for hours in v.openingstijden:
            if not hours.is_spreekuur:
                continue
            place = v.place_of(hours)
            if place is not None:
                kernen = (place.kern,) if place.kern else ()
            else:
                kernen = tuple(v.kernen)
            for day in hours.dagen:
                found.append(Spreekuur(v, day, hours.van, hours.tot, hours.toelichting, place, kernen))
    order = list(DAGEN)
    return sorted(found, key=lambda s: (order.index(s.day), s.van, s.record.naam.lower()))


def _place_text(s: Spreekuur) -> str:
    if s.place is None:
        return ""
    line = location_line(s.place)
    return f'<span class="ww-spreekuur__place">{esc(line)}</span>' if line else ""


def spreekuur_item(s: Spreekuur, from_url: str) -> str:
    note = f' <span class="ww-muted">{esc(s.toelichting)}</span>' if s.toelichting else ""
    place = _place_text(s)
    return (f'<li class="ww-spreekuur"><span class="ww-spreekuur__time">{esc(s.van)} – {esc(s.tot)}</span> '
            f'<a href="{rel(from_url, record_url(s.record))}">{esc(s.record.naam)}</a>'
            f'{place}{note}</li>')


def _day_heading(day: str, level: str, prefix: str) -> str:
    return (f'<{level} id="{prefix}{day}" data-ww-day="{day}">{esc(DAGEN[day].capitalize())} '
            f'<span class="ww-today-label" hidden>(vandaag)</span></{level}>')


def spreekuren_by_day(items, from_url: str, kernen: Optional[tuple], level: str = "h2", prefix: str = "dag-") -> str:
    """Days in the week's order; within a day, by kern (in gemeente.yaml's order, then elsewhere)
    when ``kernen`` is given, else one list."""
    if not items:
        return ""
    out = []
    for day in DAGEN:
        today = [s for s in items if s.day == day]
        if not today:
            continue
        out.append(f'<section class="ww-day" aria-labelledby="{prefix}{day}">{_day_heading(day, level, prefix)}')
        if kernen is None:
            out.append('<ul class="ww-spreekuren">' + "".join(spreekuur_item(s, from_url) for s in today) + "</ul>")
        else:
            sub = "h3" if level == "h2" else "h4"
            for kern in (*kernen, OTHER_PLACES):
                here = [s for s in today if (kern in s.kernen if kern != OTHER_PLACES else not s.kernen)]
                if not here:
                    continue
                title = (f'<a href="{rel(from_url, kern_url(kern))}">{esc(kern)}</a>' if kern != OTHER_PLACES
                         else "Elders of zonder vaste plek")
                out.append(f'<{sub} class="ww-day__kern">{title}</{sub}><ul class="ww-spreekuren">'
                           + "".join(spreekuur_item(s, from_url) for s in here) + "</ul>")
        out.append("</section>")
    return "".join(out)


def spreekuren_page(ctx, url: str, items) -> str:
    g = ctx.dataset.gemeente
    kernen = tuple(g.kernen) if g else ()
    body = spreekuren_by_day(items, url, kernen) or (
        '<p class="ww-empty">Er staan nog geen spreekuren op de site. Kijk bij de '
        f'<a href="{rel(url, "zoeken/")}">zoekfunctie</a> of bel de gemeente.</p>')
    kern_links = "".join(f'<li><a href="{rel(url, kern_url(k))}">{esc(k)}</a></li>' for k in kernen)
    days = [(f"dag-{d}", DAGEN[d].capitalize()) for d in DAGEN if any(s.day == d for s in items)]
    return (
        '<div class="ww-spreekuren-page" data-pagefind-body>'
        f'<h1 data-pagefind-weight="10" data-pagefind-meta="title">Spreekuren deze week</h1>{info_markers()}'
        '<p class="ww-lead" data-pagefind-meta="samenvatting">Bij een spreekuur kun je zonder afspraak langskomen '
        'met je vraag. Hier zie je per dag waar dat kan, per dorp of wijk.</p>'
        '<p class="ww-noprint" data-pagefind-ignore><button type="button" class="ww-button" data-ww-print hidden>'
        'Afdrukken</button></p>'
        f'<div data-pagefind-ignore>{jump_nav(days) if days else ""}{body}</div>'
        f'<nav class="ww-noprint" aria-labelledby="h-per-kern" data-pagefind-ignore><h2 id="h-per-kern">'
        f'Alles in je eigen dorp of wijk</h2><ul class="ww-links">{kern_links}</ul></nav></div>'
    )


def info_markers() -> str:
    """Search data of a page for everyone, everywhere (soort "pagina")."""
    from .markers import EVERYONE, WHOLE_MUNICIPALITY, markers

    return markers([("filter", "soort", "pagina"), ("meta", "soort", "pagina"), ("filter", "doelgroep", EVERYONE),
                    ("filter", "kern", WHOLE_MUNICIPALITY)])


def kern_page(kern: str, ctx, url: str, local, local_total: int, total_pages: int, whole, whole_total: int,
              items) -> str:
    """Page 1 of /kern/<slug>/: here, the people, the spreekuren, then the whole municipality."""
    faces = [f for f in ctx.dataset.gezichten if kern in f.kernen]
    here = (f'<section aria-labelledby="h-hier"><h2 id="h-hier">In {esc(kern)}</h2>'
            f'<p class="ww-count">{local_total} {"voorziening" if local_total == 1 else "voorzieningen"}</p>'
            f'{card_list(local, url) if local else _nothing_here(kern)}'
            f'{pager(url, url, 1, total_pages)}</section>')
    people = (f'<section aria-labelledby="h-mensen"><h2 id="h-mensen">Mensen in {esc(kern)}</h2>'
              + (f'<p>Deze mensen werken in {esc(kern)}. Je kunt ze gewoon bellen.</p><ul class="ww-faces">'
                 + "".join(face_card(f, url, ctx.photos) for f in faces) + "</ul>" if faces else
                 f'<p>Voor {esc(kern)} staat nog niemand op de kaart. Op de <a href="{rel(url, "gezichtenkaart/")}">'
                 'gezichtenkaart</a> vind je iedereen die je kunt bellen.</p>')
              + "</section>")
    hours = spreekuren_by_day(items, url, None, level="h3", prefix="kern-dag-")
    spreek = (f'<section aria-labelledby="h-spreekuren"><h2 id="h-spreekuren">Spreekuren in {esc(kern)} deze week'
              '</h2>' + (hours or f'<p>In {esc(kern)} zijn geen vaste spreekuren.</p>')
              + f'<p><a href="{rel(url, SPREEKUREN_URL)}">Alle spreekuren in de gemeente</a></p></section>')
    more = (f'<p><a href="{rel(url, WHOLE_MUNICIPALITY_URL)}">Alle {whole_total} voorzieningen voor de hele '
            'gemeente</a></p>' if whole_total > len(whole) else "")
    # Closed on phones (the kern comes first), open on wide screens and in print (wegwijzer.js).
    everywhere = (f'<section class="ww-whole" aria-labelledby="h-hele-gemeente"><h2 id="h-hele-gemeente">'
                  f'Voor de hele gemeente</h2><p>Dit is er voor iedereen in de gemeente, ook in {esc(kern)}.</p>'
                  f'<details class="ww-whole__list" data-ww-wide-open><summary>Toon de {whole_total} '
                  f'{"voorziening" if whole_total == 1 else "voorzieningen"} voor de hele gemeente</summary>'
                  f'{card_list(whole, url)}{more}</details></section>' if whole else "")
    jumps = [("h-hier", f"In {kern}"), ("h-mensen", "Mensen"), ("h-spreekuren", "Spreekuren")]
    if whole:
        jumps.append(("h-hele-gemeente", "Voor de hele gemeente"))
    return (f'<div class="ww-kern" data-kern="{esc(kern_slug(kern))}"><h1>{esc(kern)}</h1>'
            f'<p class="ww-lead">Wat er is in {esc(kern)}: plekken en hulp in de buurt, mensen die je kunt bellen '
            f'en spreekuren. Daarna wat er is voor de hele gemeente.</p>{jump_nav(jumps)}'
            f'{here}{people}{spreek}{everywhere}</div>')


def jump_nav(targets) -> str:
    """Links to the parts of a long page (a phone scrolls a lot)."""
    links = "".join(f'<li><a href="#{anchor}">{esc(label)}</a></li>' for anchor, label in targets)
    return f'<nav class="ww-jump ww-noprint" aria-label="Op deze pagina"><ul>{links}</ul></nav>'


def _nothing_here(kern: str) -> str:
    return (f'<p class="ww-empty">Er staan nog geen voorzieningen die alleen in {esc(kern)} zijn. '
            'Kijk hieronder wat er is voor de hele gemeente.</p>')
