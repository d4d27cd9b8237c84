"""/voor-professionals/: the gezichtenkaart for GPs and other referrers.

In a consult a GP needs three things: who to call directly, whether the patient can just
go, and what to hand the patient. This page shows the faces grouped by the voorziening
they belong to, with what a referrer needs per voorziening (access route, who may refer,
how, a number for professionals, the waiting time), filterable by kern, theme and target
group. The filters live in the address (``?kern=…&thema=…&doelgroep=…``, the same names
and values as /zoeken/), so a practice bookmarks its own view; professionals.js applies
them in the browser. Without JavaScript the page shows every face.

Every text from a record is escaped here (esc), as in render.py.
"""

from __future__ import annotations

from typing import Optional

from ..records.model import Face, Voorziening
from ..records.vocab import DOELGROEPEN, THEMAS, TOEGANG_EXPLANATIONS
from ..text import dutch_date
from ..urls import asset_url, kern_slug, record_url, rel
from .escaping import esc
from .render_lijstje import bewaar_button
from .render_parts import access_badge, face_card, phone_link, web_link

URL = "voor-professionals/"
TITLE = "Voor huisartsen en hulpverleners"
EVERYWHERE = "*"  # filter value: for the whole municipality, or for everyone
FILTERS = {"kern": "Dorp of wijk", "thema": "Thema", "doelgroep": "Voor wie"}


def face_kernen(face, v) -> str:
    """The kern filter value of a face: its own werkgebied, else its voorziening's kernen
    (those it names and those of its locations); a record without ``kernen`` is also for the
    whole municipality (Voorziening.local_kernen)."""
    if face.kernen:
        return " ".join(kern_slug(k) for k in face.kernen)
    if v is None or not v.kernen:
        return EVERYWHERE
    return " ".join(kern_slug(k) for k in v.local_kernen)


def referral_facts(v, from_url: str, with_access: bool = True) -> list:
    """(label, HTML) pairs: what a referrer needs to know about ``v``."""
    facts = []
    if with_access:
        facts.append(("Toegang", f"{access_badge(v.toegang)} {esc(TOEGANG_EXPLANATIONS[v.toegang])}"))
    r = v.verwijzen
    if r and r.wie:
        facts.append(("Wie mag verwijzen", esc(", ".join(r.wie))))
    if r and (r.hoe or r.website):
        link = web_link(r.website, f'Naar het verwijsformulier<span class="ww-sr"> van {esc(v.naam)}</span>')
        facts.append(("Zo verwijs je", " ".join(part for part in (esc(r.hoe or ""), link) if part)))
    elif with_access and v.aanmelden:
        facts.append(("Zo begin je", esc(v.aanmelden)))
    if v.contact.professionals:
        facts.append(("Voor professionals", phone_link(v.contact.professionals, f"Bel {v.naam} op")))
    elif with_access and v.contact.telefoon:
        facts.append(("Telefoon", phone_link(v.contact.telefoon, f"Bel {v.naam} op")))
    if v.wachttijd:
        facts.append(("Wachttijd", f'{esc(v.wachttijd.tekst)} <span class="ww-muted">(nagevraagd op '
                                   f'{dutch_date(v.wachttijd.gecontroleerd)})</span>'))
    return facts


def facts_list(facts) -> str:
    return '<dl class="ww-referral">' + "".join(f"<dt>{esc(k)}</dt><dd>{html}</dd>" for k, html in facts) + "</dl>"


def referral_section(v, url: str) -> str:
    """The record page's part for referrers, when the record has something only they need."""
    if not (v.verwijzen or v.contact.professionals):
        return ""
    return (f'<section class="ww-section ww-verwijzen" aria-labelledby="h-verwijzen" data-pagefind-ignore>'
            f'<h2 id="h-verwijzen">Voor huisartsen en hulpverleners</h2>'
            f'{facts_list(referral_facts(v, url, with_access=False))}'
            f'<p class="ww-noprint"><a href="{rel(url, URL)}">Alle gezichten voor verwijzers</a></p></section>')


def _filters(ctx) -> str:
    g = ctx.dataset.gemeente
    options = {"kern": {kern_slug(k): k for k in (g.kernen if g else ())}, "thema": THEMAS, "doelgroep": DOELGROEPEN}
    selects = "".join(
        f'<div class="ww-filter"><label for="pro-{key}">{esc(label)}</label><select id="pro-{key}" name="{key}">'
        f'<option value="">Alle</option>'
        + "".join(f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options[key].items())
        + "</select></div>" for key, label in FILTERS.items())
    return (f'<form class="ww-pro-filters ww-noprint" id="pro-filters" action="./" method="get" '
            f'aria-label="Filter de gezichten"><fieldset class="ww-filters"><legend class="ww-sr">Filters</legend>'
            f'{selects}</fieldset><p class="ww-pro-filters__buttons"><button type="submit" class="ww-button">Toon'
            f'</button> <a href="./" id="pro-wis">Alle filters weg</a></p></form>')


def _group(v, faces, ctx, url: str, index: int) -> str:
    """One voorziening (or, for ``v`` None, the faces without one) with its faces."""
    items = "".join(_face_item(face, v, ctx, url) for face in faces)
    if v is None:
        head = f'<h2 id="pro-{index}">Andere mensen om te bellen</h2>'
        themes, groups = "", EVERYWHERE
    else:
        head = (f'<h2 id="pro-{index}"><a href="{rel(url, record_url(v))}">{esc(v.naam)}</a></h2>'
                f'{facts_list(referral_facts(v, url))}'
                f'<p class="ww-noprint">{bewaar_button("v", v.id, record_url(v), v.naam)}</p>')
        themes = " ".join(v.themas)
        groups = " ".join(v.doelgroepen) or EVERYWHERE
    return (f'<section class="ww-pro-groep" aria-labelledby="pro-{index}" data-themas="{esc(themes)}" '
            f'data-doelgroepen="{esc(groups)}">{head}<ul class="ww-faces">{items}</ul></section>')


def _face_item(face, v, ctx, url: str) -> str:
    return face_card(face, url, ctx.photos, data={"kernen": face_kernen(face, v)})


def groups_of(ctx) -> list:
    """[(voorziening or None, faces)]: voorzieningen by name, then the faces without one."""
    by_record: dict[str, tuple[Voorziening, list[Face]]] = {}
    others: list[Face] = []
    for face in ctx.dataset.gezichten:
        v = ctx.dataset.voorziening(face.voorziening) if face.voorziening else None
        if v is None:
            others.append(face)
        else:
            by_record.setdefault(v.id, (v, []))[1].append(face)
    ordered = sorted(by_record.values(), key=lambda pair: pair[0].naam.lower())
    groups: list[tuple[Optional[Voorziening], list[Face]]] = [
        (v, sorted(faces, key=lambda f: f.naam.lower())) for v, faces in ordered]
    if others:
        groups.append((None, others))
    return groups


def professionals_page(ctx, url: str = URL) -> str:
    g = ctx.dataset.gemeente
    direct = ""
    if g and g.contact.professionals:
        direct = (f'<p class="ww-callout">Vragen over verwijzen of over een inwoner? Bel de gemeente '
                  f'{esc(g.naam)} op het nummer voor professionals: '
                  f'{phone_link(g.contact.professionals, "Bel de gemeente op")}.</p>')
    groups = groups_of(ctx)
    sections = "".join(_group(v, faces, ctx, url, i) for i, (v, faces) in enumerate(groups, 1))
    total = len(ctx.dataset.gezichten)
    return (
        f'<div class="ww-pro" data-everywhere="{EVERYWHERE}"><h1>{esc(TITLE)}</h1>'
        f'<p class="ww-lead">Wie bel je, kan iemand er zo heen, en wat geef je mee? Hier staan de mensen van de '
        f'gezichtenkaart met per voorziening de toegang, wie mag verwijzen, hoe je verwijst, een nummer voor '
        f'professionals en de wachttijd.</p>'
        f'<p class="ww-noprint">Kies een dorp, thema of groep. Je keuze staat in het adres van deze pagina: '
        f'zet hem in je favorieten, dan heb je je eigen overzicht. Met <strong>Bewaar</strong> zet je plekken '
        f'op <a href="{rel(url, "lijstje/")}">het lijstje</a> dat je de patiënt meegeeft.</p>'
        f'{direct}{_filters(ctx)}'
        f'<noscript><p class="ww-muted">Zonder JavaScript zie je alle gezichten; de filters werken dan niet.</p>'
        f'</noscript>'
        f'<p id="pro-status" class="ww-count" role="status" aria-live="polite">{total} '
        f'{"gezicht" if total == 1 else "gezichten"}</p>'
        f'<p class="ww-noprint"><a id="pro-zoeken" href="{rel(url, "zoeken/")}">Zoek ook in alle voorzieningen'
        f'</a></p>'
        f'{sections or "<p>Er staan nog geen gezichten op de kaart.</p>"}'
        f'<script src="{rel(url, asset_url(ctx, "professionals.js"))}" defer></script></div>'
    )
