"""HTML fragments for every generated page. Every record text goes through esc().

No MkDocs here: fragments are plain strings, injected by the thin plugin layer.
Links are relative (`rel`), so the site works under a sub-path and from a file server.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import quote

from ..records.model import Face
from ..records.schema.tables import FACE_FIELDS, VOORZIENING_FIELDS
from ..records.vocab import (
    CRISIS_LINES,
    DAGEN,
    DOELGROEPEN,
    KOSTEN,
    ROUTE_EXPLANATIONS,
    ROUTE_SLUGS,
    ROUTES,
    SOORTEN,
    TALEN,
    THEMAS,
    TOEGANG,
    TOEGANG_EXPLANATIONS,
    WETTEN,
)
from ..text import address_lines, dutch_date
from ..urls import (
    ALL_FACES_VCARD,
    FRONT_DOOR_URL,
    SPREEKUREN_URL,
    asset_url,
    doelgroep_url,
    kern_slug,
    kern_url,
    record_url,
    rel,
    vcard_url,
)
from . import safe_markdown
from .escaping import esc, json_for_script
from .markers import EVERYONE, WHOLE_MUNICIPALITY, filter_tags, kern_filters, markers
from .render_lijstje import bewaar_button, face_item, item_script, record_item
from .render_parts import (
    access_badge,
    card_badges,
    card_phone,
    extra_fields,
    face_card,
    face_details,
    group_link_line,
    link_list,
    phone_link,
    photo_html,
    theme_link_line,
    theme_links,
    web_link,
)
from .render_poster import poster_block
from .render_professionals import referral_section
from .render_routes import home_sections

LABEL_WEIGHT = "0.5"  # Pagefind weight of theme and target-group labels on a record page (name: 10)


# --- small parts ------------------------------------------------------------------

def card(v, from_url: str) -> str:
    provider = f'<p class="ww-card__provider">{esc(v.aanbieder)}</p>' if v.aanbieder else ""
    if v.wachttijd:  # as in search results (zoeken.js): the text and the month it was checked
        provider += f'<p class="ww-card__waiting"><strong>Wachttijd:</strong> {esc(v.wachttijd.summary)}</p>'
    return (
        f'<li class="ww-card"><h3 class="ww-card__title"><a href="{rel(from_url, record_url(v))}">{esc(v.naam)}</a>'
        f'</h3>{card_badges(v)}'
        f'<p class="ww-card__summary">{esc(v.samenvatting)}</p>{provider}{card_phone(v)}</li>'
    )


def card_list(records, from_url: str) -> str:
    if not records:
        return '<p class="ww-empty">Hier staat nog niets. Kijk bij een ander thema of <a href="' \
               + rel(from_url, "zoeken/") + '">zoek op een woord</a>.</p>'
    return '<ul class="ww-cards">' + "".join(card(v, from_url) for v in records) + "</ul>"


def pager(from_url: str, base_url: str, number: int, total_pages: int) -> str:
    if total_pages <= 1:
        return ""

    def page_url(n):
        return base_url if n == 1 else f"{base_url}pagina/{n}/"

    parts = ['<nav class="ww-pager" aria-label="Pagina\'s">']
    if number > 1:
        parts.append(f'<a rel="prev" href="{rel(from_url, page_url(number - 1))}">Vorige pagina</a>')
    parts.append(f'<span>Pagina {number} van {total_pages}</span>')
    if number < total_pages:
        parts.append(f'<a rel="next" href="{rel(from_url, page_url(number + 1))}">Volgende pagina</a>')
    parts.append("</nav>")
    return "".join(parts)


def search_form(from_url: str, field_id: str, label: str = "Waar zoek je hulp bij?", value: str = "") -> str:
    return (
        f'<form class="ww-search" action="{rel(from_url, "zoeken/")}" method="get" role="search" '
        f'aria-label="Zoek hulp">'
        f'<label for="{field_id}">{esc(label)}</label>'
        f'<div class="ww-search__row"><input id="{field_id}" name="q" type="search" value="{esc(value)}" '
        f'autocomplete="off" placeholder="Bijvoorbeeld: schulden, eenzaam, vervoer">'
        f'<button type="submit">Zoeken</button></div></form>'
    )


def contact_buttons(contact, name: str) -> str:
    items = []
    if contact.telefoon:
        items.append(f'<a class="ww-button" href="tel:{esc(contact.telefoon.tel)}">'
                     f'Bel {esc(contact.telefoon.display)}</a>')
    if contact.whatsapp:
        digits = contact.whatsapp.tel.lstrip("+")
        items.append(f'<a class="ww-button" href="https://wa.me/{esc(digits)}">'
                     f'WhatsApp {esc(contact.whatsapp.display)}</a>')
    if contact.email:
        items.append(f'<a class="ww-button" href="mailto:{esc(contact.email)}">Mail {esc(contact.email)}</a>')
    website = web_link(contact.website, f'Website<span class="ww-sr"> van {esc(name)}</span>', "ww-button")
    if website:
        items.append(website)
    if not items:
        return ""
    return '<ul class="ww-buttons">' + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def directions_url(loc) -> str:
    if loc.has_coordinates:
        return f"https://www.openstreetmap.org/directions?to={loc.lat}%2C{loc.lon}"
    query = " ".join(address_lines(loc))
    return "https://www.openstreetmap.org/search?query=" + quote(query)


def location_block(loc, tag: str = "li") -> str:
    lines = [esc(p) for p in address_lines(loc)]
    name = f"<strong>{esc(loc.naam)}</strong><br>" if loc.naam else ""
    access = f'<br><span class="ww-muted">{esc(loc.toegankelijkheid)}</span>' if loc.toegankelijkheid else ""
    route = ""
    if loc.adres or loc.has_coordinates:
        route = (f'<br><a href="{esc(directions_url(loc))}" rel="noopener nofollow">Routebeschrijving'
                 f'<span class="ww-sr"> naar {esc(loc.naam or loc.adres or "")}</span></a>')
    return f'<{tag}><address>{name}{"<br>".join(lines)}{access}{route}</address></{tag}>'


def hours_table(hours, caption: str) -> str:
    """A table of opening times with the "Nu open" line above it (wegwijzer.js fills it in)."""
    data = [{"d": list(o.dagen), "van": o.van, "tot": o.tot} for o in hours]
    rows = []
    for o in hours:
        days = ", ".join(DAGEN[d] for d in o.dagen)
        kind = '<span class="ww-kind">Spreekuur</span> ' if o.is_spreekuur else ""
        note = f' <span class="ww-muted">{esc(o.toelichting)}</span>' if o.toelichting else ""
        rows.append(f"<tr><th scope=\"row\">{esc(days)}</th><td>{kind}{esc(o.van)} – {esc(o.tot)}{note}</td></tr>")
    labels = ' data-open-text="Nu spreekuur" data-closed-text="Nu geen spreekuur"' \
        if all(o.is_spreekuur for o in hours) else ""
    return (f'<div class="ww-place__hours" data-pagefind-ignore>'
            f'<p class="ww-open-now" data-hours="{esc(json.dumps(data))}"{labels} aria-live="polite" hidden></p>'
            f'<table class="ww-hours"><caption class="ww-sr">{esc(caption)}</caption><tbody>{"".join(rows)}'
            f'</tbody></table></div>')


def places_block(v) -> str:
    """Where and when, grouped by place: each location with its own hours (and spreekuren), then
    the hours that belong to no place (a phone line, or a record with several places)."""
    if not v.locaties and not v.openingstijden:
        return ""
    items, loose = [], ""
    for loc, hours in v.hours_by_place():
        if loc is None:
            heading = '<h3 class="ww-place__title">Andere tijden</h3>' if v.locaties else ""
            loose = f'<div class="ww-place ww-place--loose">{heading}{hours_table(hours, "Tijden")}</div>'
            continue
        name = loc.naam or loc.adres or "deze plek"
        table = hours_table(hours, f"Tijden bij {name}") if hours else ""
        items.append(f'<li class="ww-place">{location_block(loc, tag="div")}{table}</li>')
    title = "Waar en wanneer" if v.locaties and v.openingstijden else ("Waar" if v.locaties else "Wanneer")
    places = f'<ul class="ww-places">{"".join(items)}</ul>' if items else ""
    return (f'<section class="ww-section" aria-labelledby="h-waar"><h2 id="h-waar">{title}</h2>{places}{loose}'
            f'</section>')


# --- pages ------------------------------------------------------------------------

def record_page(v, ctx, url: str) -> str:
    out = ['<article class="ww-record" data-pagefind-body>',
           f'<h1 data-pagefind-weight="10" data-pagefind-meta="title">{esc(v.naam)}</h1>',
           filter_tags(v)]
    if v.status == "tijdelijk-gesloten":
        out.append('<div class="ww-alert" role="note"><strong>Tijdelijk gesloten.</strong> '
                   'Deze voorziening is nu dicht. Bel of mail om te vragen wanneer ze weer open is.</div>')
    elif v.status == "gestopt":
        out.append('<div class="ww-alert ww-alert--stopped" role="note"><strong>Gestopt.</strong> '
                   'Deze voorziening bestaat niet meer. <a href="'
                   + rel(url, ROUTE_SLUGS[v.route] + "/") + '">Kijk wat er nog meer is</a>.</div>')
    out.append(f'<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">{esc(v.samenvatting)}'
               f'</p>')
    if v.aanbieder:
        out.append(f'<p class="ww-provider">Door <span data-pagefind-weight="3">{esc(v.aanbieder)}</span></p>')
    out.append(f'<p class="ww-actions ww-noprint" data-pagefind-ignore>{bewaar_button("v", v.id, url, v.naam)} '
               f'<button type="button" class="ww-button ww-button--licht" data-ww-poster hidden>Print als poster'
               f'</button></p>')
    # Access first: it is what a resident most needs to know.
    step = (f'<p><strong>Zo begin je:</strong> {esc(v.aanmelden)}</p>' if v.aanmelden else "")
    if v.wachttijd:
        step += (f'<p class="ww-waiting"><strong>Wachttijd:</strong> {esc(v.wachttijd.tekst)} '
                 f'<span class="ww-muted">(nagevraagd op {dutch_date(v.wachttijd.gecontroleerd)})</span></p>')
    out.append(f'<section class="ww-access ww-access--{esc(v.toegang)}" aria-labelledby="h-toegang" '
               f'data-pagefind-ignore>'
               f'<h2 id="h-toegang">Hoe kom je hier terecht?</h2><p>{access_badge(v.toegang)} '
               f'{esc(TOEGANG_EXPLANATIONS[v.toegang])}</p>{step}</section>')
    out.append(referral_section(v, url))
    buttons = contact_buttons(v.contact, v.naam)
    if buttons:
        out.append(f'<section class="ww-section" aria-labelledby="h-contact" data-pagefind-ignore>'
                   f'<h2 id="h-contact">Contact</h2>{buttons}</section>')
    if v.kosten or v.kosten_toelichting:
        label = esc(KOSTEN.get(v.kosten, "")) if v.kosten else ""
        note = esc(v.kosten_toelichting) if v.kosten_toelichting else ""
        out.append(f'<section class="ww-section" aria-labelledby="h-kosten"><h2 id="h-kosten">Kosten</h2>'
                   f'<p><strong>{label}</strong> {note}</p></section>')
    if v.beschrijving:
        out.append(f'<section class="ww-section ww-prose" aria-labelledby="h-meer"><h2 id="h-meer">Meer informatie</h2>'
                   f'{safe_markdown.render(v.beschrijving, shift_headings=2)}</section>')
    out.append(places_block(v))
    faces = ctx.dataset.faces_for(v.id)
    if faces:
        out.append('<section class="ww-section" aria-labelledby="h-gezichten" data-pagefind-ignore>'
                   '<h2 id="h-gezichten">Wie kun je bellen?</h2><ul class="ww-faces">'
                   + "".join(face_card(f, url, ctx.photos) for f in faces) + "</ul></section>")
    # The labels of the record's themes and target groups are searchable, with a low
    # weight (as in Meilisearch's themas_labels): "geld" or "ouderen" finds every record
    # of that theme or group, after the records that use the word themselves.
    details = []
    details.append(("Route", f'<a href="{rel(url, ROUTE_SLUGS[v.route] + "/")}">{esc(ROUTES[v.route])}</a>', False))
    details.append(("Thema's", theme_link_line(v.themas, url), True))
    details.append(("Voor wie", group_link_line(v.doelgroepen, url)
                    if v.doelgroepen else "Iedereen", bool(v.doelgroepen)))
    details.append(("Waar in de gemeente", where_in_municipality(v, url), False))
    if v.talen:
        details.append(("Talen", esc(", ".join(TALEN.get(t, t) for t in v.talen)), False))
    if v.wet:
        details.append(("Wet", esc(f"{v.wet} ({WETTEN[v.wet]})" if WETTEN.get(v.wet, v.wet) != v.wet else v.wet),
                        False))
    out.append('<section class="ww-section" aria-labelledby="h-details">'
               '<h2 id="h-details" data-pagefind-ignore>Voor wie en waar</h2><dl class="ww-details">'
               + "".join(f"<dt data-pagefind-ignore>{esc(k)}</dt>"
                         + (f'<dd data-pagefind-weight="{LABEL_WEIGHT}">{val}</dd>' if indexed
                            else f"<dd data-pagefind-ignore>{val}</dd>")
                         for k, val, indexed in details) + "</dl></section>")
    out.append(extra_fields(v, VOORZIENING_FIELDS))
    if v.trefwoorden:
        out.append(f'<p class="ww-keywords">Zoekwoorden: '
                   f'<span data-pagefind-weight="6">{esc(", ".join(v.trefwoorden))}</span></p>')
    out.append(report_block(v.naam, url, v.gecontroleerd, ctx))
    out.append(poster_block(v, ctx, url))
    out.append("</article>")
    out.append(item_script(record_item(v)))
    return "".join(out)


def where_in_municipality(v, url: str) -> str:
    """The kernen a record counts for (named, or where its places are), linked to their pages."""
    local = link_list([(kern_url(k), k) for k in v.local_kernen], url)
    if v.kernen:
        return local
    return f"{local} en de hele gemeente" if local else "De hele gemeente"


def report_block(name: str, url: str, checked: date, ctx) -> str:
    g = ctx.dataset.gemeente
    mail = ""
    if g:
        subject = quote(f"Klopt er iets niet? {name}")
        address = (ctx.site_url.rstrip("/") + "/" + url) if ctx.site_url else "/" + url
        body = quote(f"Het gaat om: {name}\nPagina: {address}\n\nWat klopt er niet?\n")
        mail = (f'<p><a class="ww-report" href="mailto:{esc(g.meldadres)}?subject={subject}&amp;body={body}">'
                f'Klopt er iets niet? Laat het ons weten</a></p>')
    return (f'<footer class="ww-checked" data-pagefind-ignore><p>Gecontroleerd op '
            f'<time datetime="{checked.isoformat()}">{dutch_date(checked)}</time>.</p>{mail}</footer>')


def listing_page(title: str, intro: str, records, url: str, base_url: str, number: int,
                 total_pages: int, total: int, extra: str = "") -> str:
    count = f'<p class="ww-count">{total} {"voorziening" if total == 1 else "voorzieningen"}</p>'
    heading = esc(title) + (f' <span class="ww-muted">(pagina {number})</span>' if number > 1 else "")
    return (f'<h1>{heading}</h1><p class="ww-lead">{esc(intro)}</p>{extra if number == 1 else ""}'
            f'<h2 class="ww-sr">Voorzieningen'
            f'</h2>{count}{card_list(records, url)}{pager(url, base_url, number, total_pages)}')


def home_page(ctx) -> str:
    g = ctx.dataset.gemeente
    url = ""
    tiles = "".join(
        f'<li><a class="ww-tile ww-tile--{r}" href="{ROUTE_SLUGS[r]}/"><span class="ww-tile__title">{esc(ROUTES[r])}'
        f'</span>'
        f'<span class="ww-tile__text">{esc(ROUTE_EXPLANATIONS[r])}</span></a></li>' for r in ROUTES)
    themes = theme_links(url)
    groups = "".join(f'<li><a href="{doelgroep_url(slug)}">{esc(label)}</a></li>'
                     for slug, label in DOELGROEPEN.items())
    kernen = "".join(f'<li><a href="{kern_url(k)}">{esc(k)}</a></li>' for k in (g.kernen if g else ()))
    name = esc(g.naam) if g else ""
    return (
        f'<div class="ww-home"><h1>Hulp en steun in {name}</h1>'
        f'<p class="ww-lead">Zoek je hulp, of wil je zelf iets doen? Hier vind je wat er is in {name}: '
        f'van tips en buurtinitiatieven tot professionele hulp.</p>'
        f'{search_form(url, "home-q")}'
        f'<h2 class="ww-sr">Kies hoe je geholpen wilt worden</h2><ul class="ww-tiles">{tiles}</ul>'
        f'<section class="ww-direct" aria-labelledby="h-direct"><h2 id="h-direct">Direct iemand spreken?</h2>'
        f'<p>Op de gezichtenkaart zie je wie je kunt bellen: met naam, foto en direct nummer.</p>'
        f'<p><a class="ww-button" href="gezichtenkaart/">Naar de gezichtenkaart</a></p>'
        f'<p>Liever langskomen? Bekijk de <a href="{SPREEKUREN_URL}">spreekuren deze week</a>.</p></section>'
        f'{home_sections(ctx, url)}'
        f'<section aria-labelledby="h-themas"><h2 id="h-themas">Waar gaat je vraag over?</h2>'
        f'<ul class="ww-themes">{themes}</ul></section>'
        f'<div class="ww-columns"><section aria-labelledby="h-groepen"><h2 id="h-groepen">Voor wie?</h2>'
        f'<ul class="ww-links">{groups}</ul></section>'
        f'<section aria-labelledby="h-kernen"><h2 id="h-kernen">In welk dorp of welke wijk?</h2>'
        f'<ul class="ww-links">{kernen}</ul></section></div>'
        f'{municipality_contact(g)}</div>'
    )


def municipality_contact(g, heading: str = "h2", url: str = "") -> str:
    """The municipality's own contact; ``url``: the page it is on (for the link to the front door)."""
    if not g:
        return ""
    items = []
    c = g.contact
    if c.telefoon:
        items.append(f'<li>Bel {phone_link(c.telefoon, "")}</li>')
    if c.email:
        items.append(f'<li>Mail <a href="mailto:{esc(c.email)}">{esc(c.email)}</a></li>')
    website = web_link(c.website, f"Website van de gemeente {esc(g.naam)}")
    if website:
        items.append(f"<li>{website}</li>")
    return (f'<section class="ww-municipality" aria-labelledby="h-gemeente">'
            f'<{heading} id="h-gemeente">Weet je niet waar je moet beginnen?</{heading}>'
            f'<p>Neem contact op met de gemeente {esc(g.naam)}. We denken met je mee.</p><ul>{"".join(items)}</ul>'
            f'<p><a href="{rel(url, FRONT_DOOR_URL)}">Zo werkt het: één loket, één verhaal, één contactpersoon</a></p>'
            f'</section>')


def route_extra(route: str, ctx, url: str) -> str:
    parts = []
    g = ctx.dataset.gemeente
    marktplaats = web_link(g.marktplaats, "Naar de marktplaats", "ww-button") if route == "samen" and g else ""
    if marktplaats:
        parts.append(f'<div class="ww-callout"><h2>Hulp vragen of aanbieden in je buurt</h2>'
                     f'<p>Op de marktplaats voor vrijwillige hulp vind je buren en vrijwilligers die willen helpen. '
                     f'Of je biedt zelf hulp aan.</p><p>{marktplaats}</p></div>')
    if route == "zelf" and ctx.articles:
        parts.append('<section aria-labelledby="h-artikelen"><h2 id="h-artikelen">Lees en ga zelf aan de slag</h2>'
                     + article_list(ctx.articles, url) + "</section>")
    themes = theme_links(url)
    parts.append(f'<details class="ww-themes-inline"><summary>Kies een thema</summary><ul class="ww-links">{themes}'
                 f'</ul></details>')
    return "".join(parts)


def article_list(articles, url: str) -> str:
    return '<ul class="ww-cards">' + "".join(
        f'<li class="ww-card"><h3 class="ww-card__title"><a href="{rel(url, a.url)}">{esc(a.title)}</a></h3>'
        f'<p class="ww-card__summary">{esc(a.samenvatting)}</p></li>' for a in articles) + "</ul>"


def articles_page(ctx, url: str) -> str:
    return ('<h1>Artikelen</h1><p class="ww-lead">Korte uitleg en tips. Daarmee kun je zelf verder.</p>'
            + article_list(ctx.articles, url))


def article_page(article, url: str, body_html: str) -> str:
    tags = [("filter", "soort", "artikel"), ("filter", "route", "zelf"), ("meta", "soort", "artikel")]
    tags += [("filter", "thema", t) for t in article.themas]
    lead = (f'<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">'
            f'{esc(article.samenvatting)}</p>'
            if article.samenvatting else "")
    themes = theme_link_line(article.themas, url)
    more = f'<p class="ww-muted" data-pagefind-ignore>Thema: {themes}</p>' if themes else ""
    return (f'<article class="ww-article" data-pagefind-body><h1 data-pagefind-weight="10" data-pagefind-meta="title">'
            f'{esc(article.title)}</h1>{markers(tags)}{lead}<div class="ww-prose">{body_html}</div>{more}</article>')


def gezichtenkaart_page(ctx, url: str, built: date) -> str:
    faces = ctx.dataset.gezichten
    groups: dict[str, list[Face]] = {}
    for f in faces:
        groups.setdefault(f.organisatie, []).append(f)
    sections = "".join(
        f'<section class="ww-org" aria-labelledby="org-{i}"><h2 id="org-{i}">{esc(org)}</h2>'
        f'<ul class="ww-faces">{"".join(face_card(f, url, ctx.photos) for f in members)}</ul></section>'
        for i, (org, members) in enumerate(groups.items(), 1))
    name = esc(ctx.dataset.gemeente.naam) if ctx.dataset.gemeente else ""
    return (
        f'<div class="ww-gezichtenkaart"><h1>Gezichtenkaart</h1>'
        f'<p class="ww-lead">Deze mensen kun je gewoon bellen. Ze helpen je verder of weten wie dat kan.</p>'
        f'<p class="ww-print-only">Gezichtenkaart {name} · stand van {dutch_date(built)} · '
        f'<span data-ww-address>{esc(url)}</span></p>'
        f'<ul class="ww-buttons ww-noprint"><li><a class="ww-button" href="{rel(url, ALL_FACES_VCARD)}" download>'
        f'Zet alle {len(faces)} gezichten in je telefoon</a></li>'
        f'<li><button type="button" class="ww-button" data-ww-print hidden>Afdrukken</button></li></ul>'
        f'<p class="ww-muted ww-noprint">Voor huisartsen en hulpverleners: het bestand met alle gezichten '
        f'(vCard) zet iedereen in één keer in je telefoon.</p>'
        f'{sections or "<p>Er staan nog geen gezichten op de kaart.</p>"}</div>'
    )


def face_page(face, ctx, url: str) -> str:
    tags = [("filter", "soort", "gezicht"), ("meta", "soort", "gezicht"),
            ("meta", "telefoon", face.telefoon.display), ("meta", "tel", face.telefoon.tel),
            ("meta", "functie", face.functie + " · " + face.organisatie),
            ("meta", "samenvatting", "Bel over: " + ", ".join(face.vragen) if face.vragen else face.functie)]
    tags += kern_filters(face.kernen)
    tags.append(("filter", "doelgroep", EVERYONE))
    link = ""
    v = ctx.dataset.voorziening(face.voorziening) if face.voorziening else None
    if v:
        tags += [("filter", "route", v.route), ("filter", "toegang", v.toegang)]
        tags += [("filter", "thema", t) for t in v.themas]
        link = f'<p>{esc(face.naam)} is het gezicht van <a href="{rel(url, record_url(v))}">{esc(v.naam)}</a>.</p>'
    vragen = (f'<p>Bel over: <span data-pagefind-weight="6">{esc(", ".join(face.vragen))}</span></p>'
              if face.vragen else "")
    email = (f'<li><a class="ww-button" href="mailto:{esc(face.email)}">Mail {esc(face.email)}</a></li>'
             if face.email else "")
    return (
        f'<article class="ww-face-page" data-pagefind-body><div class="ww-face-page__head">'
        f'<div class="ww-face__photo">{photo_html(face, url, ctx.photos, lazy=False)}</div><div>'
        f'<h1 data-pagefind-weight="10" data-pagefind-meta="title">{esc(face.naam)}</h1>{markers(tags)}'
        f'<p class="ww-lead"><span data-pagefind-weight="5">{esc(face.functie)}</span> bij '
        f'<span data-pagefind-weight="5">{esc(face.organisatie)}</span></p></div></div>'
        f'{vragen}{face_details(face)}{extra_fields(face, FACE_FIELDS)}{link}'
        f'<ul class="ww-buttons" data-pagefind-ignore><li>'
        f'<a class="ww-button" href="tel:{esc(face.telefoon.tel)}">Bel {esc(face.telefoon.display)}</a></li>{email}'
        f'<li><a class="ww-button" href="{rel(url, vcard_url(face))}" download>Zet in je telefoon</a></li>'
        f'<li>{bewaar_button("g", face.id, url, face.naam)}</li></ul>'
        f'<p data-pagefind-ignore><a href="{rel(url, "gezichtenkaart/")}">Alle gezichten</a></p>'
        f'{report_block(face.naam, url, face.gecontroleerd, ctx)}</article>{item_script(face_item(face))}'
    )


def search_page(ctx, url: str, search_config: dict) -> str:
    g = ctx.dataset.gemeente
    kernen = list(g.kernen) if g else []
    labels = {"route": ROUTES, "thema": THEMAS, "doelgroep": DOELGROEPEN,
              "kern": {kern_slug(k): k for k in kernen}, "toegang": TOEGANG,
              "soort": SOORTEN}
    names = {"route": "Route", "thema": "Thema", "doelgroep": "Voor wie", "kern": "Dorp of wijk", "toegang": "Toegang"}
    selects = "".join(
        f'<div class="ww-filter"><label for="f-{key}">{esc(label)}</label><select id="f-{key}" name="{key}">'
        f'<option value="">Alle</option>'
        + "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in labels[key].items())
        + "</select></div>" for key, label in names.items())
    preconnect = ""
    if search_config.get("backend") == "meilisearch":
        from ..search.siteconfig import origin
        preconnect = f'<link rel="preconnect" href="{esc(origin(search_config["url"]))}" crossorigin>'
    return (
        f'{preconnect}<div class="ww-zoeken" data-root="{rel(url, "")}" data-everyone="{EVERYONE}" '
        f'data-whole="{WHOLE_MUNICIPALITY}"><h1>Zoeken</h1>'
        f'<form class="ww-search ww-search--full" action="./" method="get" role="search" '
        f'aria-label="Zoeken en filteren" id="zoekformulier">'
        f'<label for="zoek-q">Waar zoek je hulp bij?</label>'
        f'<div class="ww-search__row"><input id="zoek-q" name="q" type="search" autocomplete="off" '
        f'placeholder="Bijvoorbeeld: schulden, eenzaam, vervoer"><button type="submit">Zoeken</button></div>'
        # Closed on phones until opened (results first; the counts download only then),
        # open on wider screens and when the address already names a filter (zoeken.js).
        f'<details class="ww-filters-panel" id="zoek-filters"><summary>Filters <span id="zoek-filters-gekozen"></span>'
        f'</summary><fieldset class="ww-filters"><legend class="ww-sr">Filters</legend>{selects}</fieldset>'
        f'</details></form>'
        f'{crisis_block(ctx)}'
        f'<p id="zoek-status" class="ww-count" role="status" aria-live="polite" aria-atomic="true"></p>'
        f'<p id="zoek-gezocht" class="ww-searched" hidden></p>'
        f'<p id="zoek-suggestie" class="ww-suggestion" hidden></p>'
        f'<h2 class="ww-sr">Resultaten</h2><ol id="zoek-resultaten" class="ww-cards ww-results"></ol>'
        f'<p><button type="button" id="zoek-meer" class="ww-button" hidden>Meer resultaten</button></p>'
        f'{dead_end_help(ctx, url)}'
        f'<noscript><div class="ww-callout">'
        f'<p>Zoeken werkt alleen met JavaScript. Zonder JavaScript vind je alles via de thema\'s:</p>'
        f'<ul class="ww-links">{theme_links(url)}</ul></div></noscript>'
        f'<script type="application/json" id="zoek-labels">{json_for_script(labels)}</script>'
        f'<script type="application/json" id="zoek-config">{json_for_script(search_config)}</script>'
        f'<script type="application/json" id="zoek-taal">{json_for_script(ctx.search_language)}</script>'
        f'<script src="{rel(url, asset_url(ctx, "zoektaal.js"))}" defer></script>'
        f'<script src="{rel(url, asset_url(ctx, "zoeken.js"))}" defer></script></div>'
    )


def crisis_lines(g) -> list:
    """Every crisis line the search page may show: the national ones (records/vocab.py), which a
    municipality cannot take away, then gemeente.yaml's own, each as a CrisisLine."""
    from ..records.model import CrisisLine, Phone
    from ..records.schema.types import parse_crisis_phone

    def phone(number: str) -> Phone:
        parsed = parse_crisis_phone(number)
        if parsed is None:  # a typo in vocab.CRISIS_LINES
            raise ValueError(f"CRISIS_LINES: {number!r} is not a phone number")
        return parsed

    national = [CrisisLine(naam, tuple(phone(n) for n in numbers), kinds, chat, uitleg)
                for naam, numbers, chat, uitleg, kinds in CRISIS_LINES]
    return national + list(g.crisis if g else ())


def crisis_block(ctx) -> str:
    """Shown above the results when a question signals danger (zoektaal.js Crisis, on both search
    backends, whatever the filters and whether a search server answers). Each line says for which
    kinds of danger it is; the page shows those first and 112 always."""
    items = []
    for line in crisis_lines(ctx.dataset.gemeente):
        calls = "".join(f'<a class="ww-button ww-crisis__call" href="tel:{esc(p.tel)}">Bel {esc(p.display)}</a>'
                        for p in line.telefoon)
        chat = web_link(line.chat, "Chat", "ww-button ww-button--secondary") if line.chat else ""
        explanation = f"<p>{esc(line.uitleg)}</p>" if line.uitleg else ""
        items.append(f'<li class="ww-crisis__line" data-soorten="{esc(" ".join(line.soorten))}">'
                     f'<p class="ww-crisis__name"><strong>{esc(line.naam)}</strong></p>{explanation}'
                     f'<p class="ww-crisis__actions">{calls}{chat}</p></li>')
    return (f'<section id="zoek-crisis" class="ww-crisis" aria-labelledby="h-zoek-crisis" hidden>'
            f'<h2 id="h-zoek-crisis">Heb je nu hulp nodig? Je hoeft het niet alleen te doen.</h2>'
            f'<p>Bel of chat nu. Je kunt er direct terecht.</p>'
            f'<ul class="ww-crisis__lines">{"".join(items)}</ul></section>')


def dead_end_help(ctx, url: str) -> str:
    """Shown by the search page when a search finds nothing (both backends): never a dead end.

    The three routes, the themes, the gezichtenkaart and the municipality's own contact.
    """
    routes = "".join(f'<li><a href="{rel(url, ROUTE_SLUGS[r] + "/")}">{esc(ROUTES[r])}</a>: '
                     f'{esc(ROUTE_EXPLANATIONS[r])}</li>' for r in ROUTES)
    themes = theme_links(url)
    return (
        f'<section id="zoek-hulp" class="ww-dead-end" aria-labelledby="h-zoek-hulp" hidden>'
        f'<h2 id="h-zoek-hulp">Zo vind je toch wat je zoekt</h2>'
        f'<p id="zoek-hint"></p>'
        f'<p id="zoek-zonder-filters" hidden><a class="ww-button" href="./">Zoek zonder filters</a></p>'
        f'<h3>Kies hoe je geholpen wilt worden</h3><ul class="ww-links">{routes}</ul>'
        f'<h3>Kies een thema</h3><ul class="ww-themes">{themes}</ul>'
        f'<h3>Direct iemand spreken?</h3>'
        f'<p>Op de gezichtenkaart zie je wie je kunt bellen: met naam, foto en direct nummer.</p>'
        f'<p><a class="ww-button" href="{rel(url, "gezichtenkaart/")}">Naar de gezichtenkaart</a></p>'
        f'{municipality_contact(ctx.dataset.gemeente, heading="h3", url=url)}</section>'
    )


def glossary_page(terms, url: str) -> str:
    if not terms:
        return "<h1>Begrippen</h1><p>Er zijn nog geen begrippen.</p>"
    items = "".join(
        f'<dt id="{esc(t.anchor)}">{esc(t.term)}'
        + (f' <span class="ww-muted">({esc(t.afkorting_van)})</span>' if t.afkorting_van else "")
        + f"</dt><dd>{esc(t.uitleg)}</dd>" for t in terms)
    return ('<h1>Begrippen</h1><p class="ww-lead">Woorden die hulpverleners en de gemeente vaak gebruiken, '
            f'in gewone taal uitgelegd.</p><dl class="ww-glossary">{items}</dl>')


def statement_html(blocks) -> str:
    """Text blocks of records/statement.py as HTML; every text escaped, every link through the URL check."""
    out = []
    for block in blocks:
        if block.kind == "h2":
            out.append(f"<h2>{esc(block.text)}</h2>")
        elif block.kind == "ul":
            out.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>")
        elif block.kind == "link":
            link = web_link(block.url, esc(block.link_text))
            text = " ".join(part for part in (esc(block.text), link) if part)
            out.append(f"<p>{text}</p>")
        else:
            cls = ' class="ww-placeholder"' if block.missing else ""
            out.append(f"<p{cls}>{esc(block.text)}</p>")
    return "".join(out)


def accessibility_page(ctx) -> str:
    """/toegankelijkheid/ made from gemeente.yaml (when the project has no content/toegankelijkheid.md)."""
    from ..records.statement import accessibility_statement

    return "<h1>Toegankelijkheid</h1>" + statement_html(accessibility_statement(ctx.dataset.gemeente))
