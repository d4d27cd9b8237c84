"""HTML fragments for every generated page. Every record text goes through esc().

No MkDocs here: fragments are plain strings, injected by the thin plugin layer.
Links are relative (`rel`), so the site works under a sub-path and from a file server.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Optional
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
from .escaping import esc, trusted
from .markers import EVERYONE, WHOLE_MUNICIPALITY, filter_tags, kern_filters, markers, search_data
from .render_lijstje import bewaar_button, face_item, item_script, record_item
from .render_parts import (
    access_badge,
    card_badges,
    card_phone,
    extra_fields,
    face_card,
    face_card_data,
    face_details,
    group_link_line,
    link_list,
    photo_html,
    text_blocks,
    theme_link_items,
    theme_link_line,
    theme_links,
    web_address,
    web_link,
)
from .render_poster import poster_block
from .render_professionals import referral_section
from .render_routes import home_sections_data
from .templating import active, templates_of

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


def search_form_data(from_url: str, field_id: str, label: str = "Waar zoek je hulp bij?", value: str = "") -> dict:
    """What template wegwijzer/zoekformulier.html shows: a search form to the search page."""
    return {"actie": rel(from_url, "zoeken/"), "veld": field_id, "label": label, "waarde": value}


def search_form(from_url: str, field_id: str, label: str = "Waar zoek je hulp bij?", value: str = "") -> str:
    return active().get_template("wegwijzer/zoekformulier.html").render(
        zoekformulier=search_form_data(from_url, field_id, label, value))


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


def _page(ctx, template: str, **data) -> str:
    """Template ``wegwijzer/<template>`` of the build (the project's overrides first) with ``data``."""
    return templates_of(ctx).get_template(f"wegwijzer/{template}").render(**data)


def home_data(ctx) -> dict:
    """What the home page shows (template wegwijzer/start.html)."""
    g = ctx.dataset.gemeente
    url = ""
    return {
        "naam": g.naam if g else "",
        "zoekformulier": search_form_data(url, "home-q"),
        "routes": [{"route": r, "url": rel(url, ROUTE_SLUGS[r] + "/"), "naam": ROUTES[r],
                    "uitleg": ROUTE_EXPLANATIONS[r]} for r in ROUTES],
        "gezichtenkaart": rel(url, "gezichtenkaart/"),
        "spreekuren": rel(url, SPREEKUREN_URL),
        "thuis": home_sections_data(ctx, url),
        "themas": theme_links(url),
        "doelgroepen": [{"url": rel(url, doelgroep_url(slug)), "label": label} for slug, label in DOELGROEPEN.items()],
        "kernen": [{"url": rel(url, kern_url(k)), "label": k} for k in (g.kernen if g else ())],
        "gemeente": municipality_data(g),
    }


def home_page(ctx) -> str:
    return _page(ctx, "start.html", start=home_data(ctx))


def municipality_data(g, heading: str = "h2", url: str = "") -> Optional[dict]:
    """The municipality's own contact (template wegwijzer/gemeente-contact.html), or None without
    gemeente.yaml; ``url``: the page it is on (for the link to the front door)."""
    if not g:
        return None
    c = g.contact
    return {"naam": g.naam, "kop": heading,
            "telefoon": {"tel": c.telefoon.tel, "display": c.telefoon.display} if c.telefoon else None,
            "email": c.email or "", "website": web_address(c.website), "loket": rel(url, FRONT_DOOR_URL)}


def municipality_contact(g, heading: str = "h2", url: str = "") -> str:
    """The municipality's own contact; ``url``: the page it is on (for the link to the front door)."""
    data = municipality_data(g, heading, url)
    if data is None:
        return ""
    return active().get_template("wegwijzer/gemeente-contact.html").render(gemeente=data)


def route_extra_data(route: str, ctx, url: str) -> dict:
    """What a route page shows below its records (template wegwijzer/route-extra.html)."""
    g = ctx.dataset.gemeente
    return {"marktplaats": web_address(g.marktplaats) if route == "samen" and g else "",
            "artikelen": article_items(ctx.articles, url) if route == "zelf" else [],
            "themas": theme_links(url)}


def route_extra(route: str, ctx, url: str) -> str:
    return _page(ctx, "route-extra.html", extra=route_extra_data(route, ctx, url))


def article_items(articles, url: str) -> list:
    """Articles as cards (template wegwijzer/artikel-lijst.html), on the page at ``url``."""
    return [{"url": rel(url, a.url), "titel": a.title, "samenvatting": a.samenvatting} for a in articles]


def article_list(articles, url: str) -> str:
    return active().get_template("wegwijzer/artikel-lijst.html").render(artikelen=article_items(articles, url))


def articles_page(ctx, url: str) -> str:
    return _page(ctx, "artikelen.html", artikelen=article_items(ctx.articles, url))


def article_data(article, url: str, body_html: str) -> dict:
    """What an article's page shows (template wegwijzer/artikel.html); ``body_html``: its text."""
    tags = [("filter", "soort", "artikel"), ("filter", "route", "zelf"), ("meta", "soort", "artikel")]
    tags += [("filter", "thema", t) for t in article.themas]
    # The article's text: the editor's Markdown, rendered and sanitised by safe_markdown.render
    # (assemble.editor_page), written as it is.
    return {"titel": article.title, "zoekdata": search_data(tags), "samenvatting": article.samenvatting or "",
            "tekst": trusted(body_html), "themas": theme_link_items(article.themas, url)}


def article_page(article, url: str, body_html: str) -> str:
    return active().get_template("wegwijzer/artikel.html").render(artikel=article_data(article, url, body_html))


def gezichtenkaart_data(ctx, url: str, built: date) -> dict:
    """What /gezichtenkaart/ shows (template wegwijzer/gezichtenkaart.html)."""
    faces = ctx.dataset.gezichten
    groups: dict[str, list[Face]] = {}
    for f in faces:
        groups.setdefault(f.organisatie, []).append(f)
    return {"gemeente": ctx.dataset.gemeente.naam if ctx.dataset.gemeente else "", "datum": dutch_date(built),
            "adres": url, "vcard": rel(url, ALL_FACES_VCARD), "aantal": len(faces),
            "organisaties": [{"naam": org, "gezichten": [face_card_data(f, url, ctx.photos) for f in members]}
                             for org, members in groups.items()]}


def gezichtenkaart_page(ctx, url: str, built: date) -> str:
    return _page(ctx, "gezichtenkaart.html", kaart=gezichtenkaart_data(ctx, url, built))


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


def search_page_data(ctx, url: str, search_config: dict) -> dict:
    """What /zoeken/ shows (template wegwijzer/zoeken.html)."""
    g = ctx.dataset.gemeente
    kernen = list(g.kernen) if g else []
    labels = {"route": ROUTES, "thema": THEMAS, "doelgroep": DOELGROEPEN,
              "kern": {kern_slug(k): k for k in kernen}, "toegang": TOEGANG,
              "soort": SOORTEN}
    names = {"route": "Route", "thema": "Thema", "doelgroep": "Voor wie", "kern": "Dorp of wijk", "toegang": "Toegang"}
    preconnect = ""
    if search_config.get("backend") == "meilisearch":
        from ..search.siteconfig import origin
        preconnect = origin(search_config["url"])
    return {"preconnect": preconnect, "root": rel(url, ""), "iedereen": EVERYONE, "hele_gemeente": WHOLE_MUNICIPALITY,
            "filters": [{"naam": key, "label": label, "keuzes": list(labels[key].items())}
                        for key, label in names.items()],
            "crisis": crisis_data(ctx), "hulp": dead_end_data(ctx, url), "themas": theme_links(url),
            "labels": labels, "config": search_config, "taal": ctx.search_language,
            "zoektaal_js": rel(url, asset_url(ctx, "zoektaal.js")), "zoeken_js": rel(url, asset_url(ctx, "zoeken.js"))}


def search_page(ctx, url: str, search_config: dict) -> str:
    return _page(ctx, "zoeken.html", zoeken=search_page_data(ctx, url, search_config))


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


def crisis_data(ctx) -> dict:
    """The crisis lines as template wegwijzer/crisis.html shows them."""
    return {"lijnen": [{"soorten": " ".join(line.soorten), "naam": line.naam, "uitleg": line.uitleg or "",
                        "telefoons": [{"tel": p.tel, "display": p.display} for p in line.telefoon],
                        "chat": web_address(line.chat)}
                       for line in crisis_lines(ctx.dataset.gemeente)]}


def crisis_block(ctx) -> str:
    """Shown above the results when a question signals danger (zoektaal.js Crisis, on both search
    backends, whatever the filters and whether a search server answers). Each line says for which
    kinds of danger it is; the page shows those first and 112 always."""
    return _page(ctx, "crisis.html", crisis=crisis_data(ctx))


def dead_end_data(ctx, url: str) -> dict:
    """Shown by the search page when a search finds nothing (both backends): never a dead end.

    The three routes, the themes, the gezichtenkaart and the municipality's own contact
    (template wegwijzer/zoek-hulp.html).
    """
    return {"routes": [{"url": rel(url, ROUTE_SLUGS[r] + "/"), "naam": ROUTES[r], "uitleg": ROUTE_EXPLANATIONS[r]}
                       for r in ROUTES],
            "themas": theme_links(url), "gezichtenkaart": rel(url, "gezichtenkaart/"),
            "gemeente": municipality_data(ctx.dataset.gemeente, heading="h3", url=url)}


def dead_end_help(ctx, url: str) -> str:
    return _page(ctx, "zoek-hulp.html", hulp=dead_end_data(ctx, url))


def glossary_data(terms) -> list:
    """The glossary's terms (template wegwijzer/begrippen.html)."""
    return [{"anker": t.anchor, "term": t.term, "afkorting_van": t.afkorting_van or "", "uitleg": t.uitleg}
            for t in terms]


def glossary_page(terms, url: str) -> str:
    return active().get_template("wegwijzer/begrippen.html").render(begrippen=glossary_data(terms))


def statement_html(blocks) -> str:
    """Text blocks of records/statement.py (template wegwijzer/tekstblokken.html); every text
    escaped, every link through the URL check."""
    return active().get_template("wegwijzer/tekstblokken.html").render(blokken=text_blocks(blocks))


def accessibility_page(ctx) -> str:
    """/toegankelijkheid/ made from gemeente.yaml (when the project has no content/toegankelijkheid.md)."""
    from ..records.statement import accessibility_statement

    return _page(ctx, "toegankelijkheid.html", blokken=text_blocks(accessibility_statement(ctx.dataset.gemeente)))
