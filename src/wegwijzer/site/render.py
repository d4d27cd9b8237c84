"""HTML fragments for every generated page. Every record text goes through esc().

No MkDocs here: fragments are plain strings, injected by the thin plugin layer.
Links are relative (`rel`), so the site works under a sub-path and from a file server.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from ..records.extras import extra_values
from ..records.model import Face
from ..records.schema.tables import FACE_FIELDS, VOORZIENING_FIELDS
from ..records.vocab import (
    CRISIS_LINES,
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
from .escaping import esc, json_for_script, trusted
from .markers import EVERYONE, WHOLE_MUNICIPALITY, kern_filters, markers, record_tags, search_data
from .render_lijstje import face_item, record_item
from .render_parts import (
    card_data,
    details_data,
    face_card,
    face_card_data,
    group_link_items,
    hours_data,
    phone_link,
    photo_data,
    theme_link_items,
    theme_link_line,
    theme_links,
    web_address,
    web_link,
)
from .render_poster import poster_data
from .render_professionals import referral_data
from .render_routes import home_sections
from .templating import active, templates_of

# --- small parts ------------------------------------------------------------------

def record_card_data(v, from_url: str) -> dict:
    """What a record's card shows (template wegwijzer/kaart.html), on the page at ``from_url``."""
    return {**card_data(v), "naam": v.naam, "link": rel(from_url, record_url(v)), "samenvatting": v.samenvatting,
            "aanbieder": v.aanbieder or "", "wachttijd": v.wachttijd.summary if v.wachttijd else ""}


def card(v, from_url: str) -> str:
    return active().get_template("wegwijzer/kaart.html").render(kaart=record_card_data(v, from_url))


def card_list_data(records, from_url: str) -> dict:
    """The cards of template wegwijzer/kaarten.html, and the search page for a list without any."""
    return {"kaarten": [record_card_data(v, from_url) for v in records], "zoeken": rel(from_url, "zoeken/")}


def card_list(records, from_url: str) -> str:
    return active().get_template("wegwijzer/kaarten.html").render(kaarten=card_list_data(records, from_url))


def pager_data(from_url: str, base_url: str, number: int, total_pages: int) -> dict:
    """Page ``number`` of ``total_pages`` of the list at ``base_url`` (template wegwijzer/bladeren.html)."""
    def page_url(n):
        return rel(from_url, base_url if n == 1 else f"{base_url}pagina/{n}/")

    return {"nummer": number, "totaal": total_pages, "vorige": page_url(number - 1) if number > 1 else "",
            "volgende": page_url(number + 1) if number < total_pages else ""}


def pager(from_url: str, base_url: str, number: int, total_pages: int) -> str:
    return active().get_template("wegwijzer/bladeren.html").render(
        bladeren=pager_data(from_url, base_url, number, total_pages))


def search_form(from_url: str, field_id: str, label: str = "Waar zoek je hulp bij?", value: str = "") -> str:
    return (
        f'<form class="ww-search" action="{rel(from_url, "zoeken/")}" method="get" role="search" '
        f'aria-label="Zoek hulp">'
        f'<label for="{field_id}">{esc(label)}</label>'
        f'<div class="ww-search__row"><input id="{field_id}" name="q" type="search" value="{esc(value)}" '
        f'autocomplete="off" placeholder="Bijvoorbeeld: schulden, eenzaam, vervoer">'
        f'<button type="submit">Zoeken</button></div></form>'
    )


def contact_data(contact, name: str) -> dict:
    """How to reach a record (template wegwijzer/contactknoppen.html); ``name``: the record's."""
    phone = contact.telefoon
    whatsapp = contact.whatsapp
    return {"naam": name, "telefoon": {"tel": phone.tel, "display": phone.display} if phone else None,
            "whatsapp": {"nummer": whatsapp.tel.lstrip("+"), "display": whatsapp.display} if whatsapp else None,
            "email": contact.email or "", "website": web_address(contact.website)}


def contact_buttons(contact, name: str) -> str:
    return active().get_template("wegwijzer/contactknoppen.html").render(contact=contact_data(contact, name))


def directions_url(loc) -> str:
    if loc.has_coordinates:
        return f"https://www.openstreetmap.org/directions?to={loc.lat}%2C{loc.lon}"
    query = " ".join(address_lines(loc))
    return "https://www.openstreetmap.org/search?query=" + quote(query)


def location_data(loc, tag: str = "li") -> dict:
    """One place (template wegwijzer/plek.html), in a ``tag`` element."""
    routed = loc.adres or loc.has_coordinates
    return {"tag": tag, "naam": loc.naam or "", "regels": address_lines(loc),
            "toegankelijkheid": loc.toegankelijkheid or "", "route": directions_url(loc) if routed else "",
            "route_naar": loc.naam or loc.adres or ""}


def location_block(loc, tag: str = "li") -> str:
    return active().get_template("wegwijzer/plek.html").render(plek=location_data(loc, tag))


def hours_table(hours, caption: str) -> str:
    """A table of opening times with the "Nu open" line above it (wegwijzer.js fills it in)."""
    return active().get_template("wegwijzer/tijden.html").render(tijden=hours_data(hours, caption))


def places_data(v) -> dict:
    """Where and when, grouped by place: each location with its own hours (and spreekuren), then
    the hours that belong to no place (a phone line, or a record with several places); template
    wegwijzer/plekken.html. Empty for a record without places or times."""
    if not v.locaties and not v.openingstijden:
        return {}
    items, loose = [], None
    for loc, hours in v.hours_by_place():
        if loc is None:
            loose = {"kop": "Andere tijden" if v.locaties else "", "tijden": hours_data(hours, "Tijden")}
            continue
        name = loc.naam or loc.adres or "deze plek"
        items.append({"plek": location_data(loc, tag="div"),
                      "tijden": hours_data(hours, f"Tijden bij {name}") if hours else None})
    title = "Waar en wanneer" if v.locaties and v.openingstijden else ("Waar" if v.locaties else "Wanneer")
    return {"kop": title, "plekken": items, "los": loose}


def places_block(v) -> str:
    return active().get_template("wegwijzer/plekken.html").render(plekken=places_data(v))


# --- pages ------------------------------------------------------------------------

def record_data(v, ctx, url: str) -> dict:
    """What the page of record ``v`` at ``url`` shows (template wegwijzer/voorziening.html)."""
    wet = f"{v.wet} ({WETTEN[v.wet]})" if v.wet and WETTEN.get(v.wet, v.wet) != v.wet else (v.wet or "")
    pagina = {
        "id": v.id, "naam": v.naam, "status": v.status, "samenvatting": v.samenvatting,
        "aanbieder": v.aanbieder or "", "bewaar_url": url,
        "toegang": {"slug": v.toegang, "label": TOEGANG[v.toegang], "uitleg": TOEGANG_EXPLANATIONS[v.toegang]},
        "aanmelden": v.aanmelden or "",
        "wachttijd": {"tekst": v.wachttijd.tekst, "nagevraagd": dutch_date(v.wachttijd.gecontroleerd)}
        if v.wachttijd else None,
        "verwijzen": referral_data(v, url),
        "kosten": KOSTEN.get(v.kosten, "") if v.kosten else "", "kosten_toelichting": v.kosten_toelichting or "",
        # Editors' Markdown, sanitised by safe_markdown (nh3): the page's own headings stay above it.
        "beschrijving": trusted(safe_markdown.render(v.beschrijving, shift_headings=2)) if v.beschrijving else "",
        "gezichten": [face_card_data(f, url, ctx.photos) for f in ctx.dataset.faces_for(v.id)],
        "route": {"link": rel(url, ROUTE_SLUGS[v.route] + "/"), "naam": ROUTES[v.route]},
        "themas": theme_link_items(v.themas, url), "doelgroepen": group_link_items(v.doelgroepen, url),
        "talen": ", ".join(TALEN.get(t, t) for t in v.talen), "wet": wet,
        "trefwoorden": ", ".join(v.trefwoorden),
    }
    return {"pagina": pagina, "zoekdata": search_data(record_tags(v)), "contact": contact_data(v.contact, v.naam),
            "plekken": places_data(v), "waar": where_data(v, url), "velden": extra_values(v, VOORZIENING_FIELDS),
            "gecontroleerd": report_data(v.naam, url, v.gecontroleerd, ctx), "poster": poster_data(v, ctx, url),
            "item": record_item(v)}


def record_page(v, ctx, url: str) -> str:
    return templates_of(ctx).get_template("wegwijzer/voorziening.html").render(record_data(v, ctx, url))


def where_data(v, url: str) -> dict:
    """The kernen a record counts for (named, or where its places are), as links to their pages,
    and whether it is for the whole municipality (template wegwijzer/waar-in-de-gemeente.html)."""
    return {"kernen": [{"url": rel(url, kern_url(k)), "label": k} for k in v.local_kernen],
            "hele_gemeente": not v.kernen}


def where_in_municipality(v, url: str) -> str:
    """The kernen a record counts for (named, or where its places are), linked to their pages."""
    return active().get_template("wegwijzer/waar-in-de-gemeente.html").render(waar=where_data(v, url))


def report_data(name: str, url: str, checked: date, ctx) -> dict:
    """When a page was checked, and the e-mail that reports a mistake on it (template
    wegwijzer/gecontroleerd.html)."""
    g = ctx.dataset.gemeente
    mail = None
    if g:
        address = (ctx.site_url.rstrip("/") + "/" + url) if ctx.site_url else "/" + url
        mail = {"adres": g.meldadres, "onderwerp": quote(f"Klopt er iets niet? {name}"),
                "tekst": quote(f"Het gaat om: {name}\nPagina: {address}\n\nWat klopt er niet?\n")}
    return {"iso": checked.isoformat(), "datum": dutch_date(checked), "mail": mail}


def report_block(name: str, url: str, checked: date, ctx) -> str:
    return templates_of(ctx).get_template("wegwijzer/gecontroleerd.html").render(
        gecontroleerd=report_data(name, url, checked, ctx))


def listing_page(title: str, intro: str, records, url: str, base_url: str, number: int,
                 total_pages: int, total: int, extra: str = "") -> str:
    """One page of a list of records (template wegwijzer/lijst.html); ``extra``: the part above
    the list on page 1 (route_extra, a theme's articles)."""
    # Markup made by route_extra and pages.py's list of a theme's articles, which escape every text.
    lijst = {"titel": title, "intro": intro, "nummer": number, "aantal": total, "extra": trusted(extra),
             "kaarten": card_list_data(records, url), "bladeren": pager_data(url, base_url, number, total_pages)}
    return active().get_template("wegwijzer/lijst.html").render(lijst=lijst)


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


def face_data(face, ctx, url: str) -> dict:
    """What the page of a face at ``url`` shows (template wegwijzer/gezicht-pagina.html)."""
    tags = [("filter", "soort", "gezicht"), ("meta", "soort", "gezicht"),
            ("meta", "telefoon", face.telefoon.display), ("meta", "tel", face.telefoon.tel),
            ("meta", "functie", face.functie + " · " + face.organisatie),
            ("meta", "samenvatting", "Bel over: " + ", ".join(face.vragen) if face.vragen else face.functie)]
    tags += kern_filters(face.kernen)
    tags.append(("filter", "doelgroep", EVERYONE))
    v = ctx.dataset.voorziening(face.voorziening) if face.voorziening else None
    if v:
        tags += [("filter", "route", v.route), ("filter", "toegang", v.toegang)]
        tags += [("filter", "thema", t) for t in v.themas]
    gezicht = {"id": face.id, "naam": face.naam, "functie": face.functie, "organisatie": face.organisatie,
               "vragen": ", ".join(face.vragen), "tel": face.telefoon.tel, "telefoon": face.telefoon.display,
               "email": face.email or "", "vcard": rel(url, vcard_url(face)), "bewaar_url": url,
               "gezichtenkaart": rel(url, "gezichtenkaart/"),
               "voorziening": {"link": rel(url, record_url(v)), "naam": v.naam} if v else None}
    return {"gezicht": gezicht, "zoekdata": search_data(tags), "foto": photo_data(face, url, ctx.photos, lazy=False),
            "details": details_data(face), "velden": extra_values(face, FACE_FIELDS),
            "gecontroleerd": report_data(face.naam, url, face.gecontroleerd, ctx), "item": face_item(face)}


def face_page(face, ctx, url: str) -> str:
    return templates_of(ctx).get_template("wegwijzer/gezicht-pagina.html").render(face_data(face, ctx, url))


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
