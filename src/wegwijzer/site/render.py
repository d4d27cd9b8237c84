"""The body of every generated page: the data each page's template shows (``*_data``), and the
template rendered with it (templates in theme/wegwijzer/, autoescaped: every record text is
escaped there). A municipality overrides a template or a block of one from its own folder.

No MkDocs here: bodies are plain strings, injected by the thin plugin layer.
Links are relative (`rel`), so the site works under a sub-path and from a file server.
"""

from __future__ import annotations

from datetime import date
from typing import Optional
from urllib.parse import quote

from ..records.access import access_explanation, access_label, decision_badge
from ..records.extras import extra_values
from ..records.model import Face
from ..records.schema.tables import FACE_FIELDS, VOORZIENING_FIELDS
from ..records.vocab import (
    BESLISSERS,
    CRISIS_LINES,
    DOELGROEPEN,
    KOSTEN,
    ROUTE_EXPLANATIONS,
    ROUTE_SLUGS,
    ROUTES,
    SOORTEN,
    STATUS,
    TALEN,
    THEMAS,
    TOEGANG,
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
from .escaping import trusted
from .markers import EVERYONE, WHOLE_MUNICIPALITY, filter_tag, kern_filters, record_tags, search_data
from .render_lijstje import face_item, record_item
from .render_parts import (
    card_data,
    details_data,
    face_card_data,
    group_link_items,
    hours_data,
    photo_data,
    text_blocks,
    theme_link_items,
    theme_links,
    web_address,
)
from .render_poster import poster_data
from .render_professionals import referral_data
from .render_routes import home_sections_data
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


def route_groups(records, from_url: str) -> list:
    """[{route, naam, kaarten}] for records in route order (vocab.in_route_order): one group per
    route that has any, and stopped help last under its own heading, as it is sorted."""
    groups: dict[str, list] = {}
    for v in records:
        groups.setdefault("gestopt" if v.status == "gestopt" else v.route, []).append(v)
    return [{"route": key, "naam": ROUTES.get(key) or STATUS[key], "kaarten": card_list_data(found, from_url)}
            for key, found in groups.items()]


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


def search_form_data(from_url: str, field_id: str, label: str = "Waar zoek je hulp bij?", value: str = "") -> dict:
    """What template wegwijzer/zoekformulier.html shows: a search form to the search page."""
    return {"actie": rel(from_url, "zoeken/"), "veld": field_id, "label": label, "waarde": value}




def contact_data(contact, name: str) -> dict:
    """How to reach a record (template wegwijzer/contactknoppen.html); ``name``: the record's."""
    phone = contact.telefoon
    whatsapp = contact.whatsapp
    return {"naam": name, "telefoon": {"tel": phone.tel, "display": phone.display} if phone else None,
            "whatsapp": {"nummer": whatsapp.tel.lstrip("+"), "display": whatsapp.display} if whatsapp else None,
            "email": contact.email or "", "website": web_address(contact.website)}




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




# --- pages ------------------------------------------------------------------------

def record_data(v, ctx, url: str) -> dict:
    """What the page of record ``v`` at ``url`` shows (template wegwijzer/voorziening.html)."""
    wet = f"{v.wet} ({WETTEN[v.wet]})" if v.wet and WETTEN.get(v.wet, v.wet) != v.wet else (v.wet or "")
    pagina = {
        "id": v.id, "naam": v.naam, "status": v.status, "samenvatting": v.samenvatting,
        "aanbieder": v.aanbieder or "", "bewaar_url": url,
        "toegang": {"slug": v.toegang, "label": access_label(v), "uitleg": access_explanation(v)},
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




def listing_page(title: str, intro: str, records, url: str, base_url: str, number: int,
                 total_pages: int, total: int, extra: str = "", per_route: bool = False) -> str:
    """One page of a list of records (template wegwijzer/lijst.html); ``extra``: the part above
    the list on page 1 (route_extra, a theme's articles). ``per_route``: the records (in route
    order, vocab.in_route_order) under a heading per route, so zelf doen is seen first."""
    # Markup made by route_extra and pages.py's list of a theme's articles, which escape every text.
    routes = route_groups(records, url) if per_route else []
    # Each card is made once: under its route's heading, or (a route's own list) in one list.
    lijst = {"titel": title, "intro": intro, "nummer": number, "aantal": total, "extra": trusted(extra),
             "kaarten": card_list_data([] if routes else records, url), "routes": routes,
             "bladeren": pager_data(url, base_url, number, total_pages)}
    return active().get_template("wegwijzer/lijst.html").render(lijst=lijst)


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
    tags = [filter_tag("soort", "artikel"), filter_tag("route", "zelf"), ("meta", "soort", "artikel")]
    tags += [filter_tag("themas", t) for t in article.themas]
    # The article's text: the editor's Markdown, rendered and sanitised by safe_markdown.render
    # (assemble.editor_page), written as it is.
    return {"titel": article.title, "zoekdata": search_data(tags), "samenvatting": article.samenvatting or "",
            "tekst": trusted(body_html), "themas": theme_link_items(article.themas, url)}


def article_page(article, url: str, body_html: str) -> str:
    return active().get_template("wegwijzer/artikel.html").render(artikel=article_data(article, url, body_html))


def content_page_data(title: str, body_html: str) -> dict:
    """What an editor's own page shows (template wegwijzer/inhoudspagina.html). Its text is the
    editor's Markdown, rendered and sanitised by safe_markdown.render (assemble.editor_page),
    written as it is."""
    return {"titel": title, "tekst": trusted(body_html), "eigen_kop": "<h1" in body_html}


def content_page(title: str, body_html: str) -> str:
    return active().get_template("wegwijzer/inhoudspagina.html").render(pagina=content_page_data(title, body_html))


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


def face_data(face, ctx, url: str) -> dict:
    """What the page of a face at ``url`` shows (template wegwijzer/gezicht-pagina.html)."""
    tags = [filter_tag("soort", "gezicht"), ("meta", "soort", "gezicht"),
            ("meta", "telefoon", face.telefoon.display), ("meta", "tel", face.telefoon.tel),
            ("meta", "functie", face.functie + " · " + face.organisatie),
            ("meta", "samenvatting", "Bel over: " + ", ".join(face.vragen) if face.vragen else face.functie)]
    tags += kern_filters(face.kernen)
    tags.append(filter_tag("doelgroepen", EVERYONE))
    v = ctx.dataset.voorziening(face.voorziening) if face.voorziening else None
    if v:
        tags += [filter_tag("route", v.route), filter_tag("toegang", v.toegang)]
        tags += [filter_tag("themas", t) for t in v.themas]
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


def search_page_data(ctx, url: str, search_config: dict) -> dict:
    """What /zoeken/ shows (template wegwijzer/zoeken.html)."""
    g = ctx.dataset.gemeente
    kernen = list(g.kernen) if g else []
    labels = {"route": ROUTES, "thema": THEMAS, "doelgroep": DOELGROEPEN,
              "kern": {kern_slug(k): k for k in kernen}, "toegang": TOEGANG,
              "soort": SOORTEN, "beslist": {key: decision_badge(key) for key in BESLISSERS}}
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


def dead_end_data(ctx, url: str) -> dict:
    """Shown by the search page when a search finds nothing (both backends): never a dead end.

    The three routes, the themes, the gezichtenkaart and the municipality's own contact
    (template wegwijzer/zoek-hulp.html).
    """
    return {"routes": [{"url": rel(url, ROUTE_SLUGS[r] + "/"), "naam": ROUTES[r], "uitleg": ROUTE_EXPLANATIONS[r]}
                       for r in ROUTES],
            "themas": theme_links(url), "gezichtenkaart": rel(url, "gezichtenkaart/"),
            "gemeente": municipality_data(ctx.dataset.gemeente, heading="h3", url=url)}


def glossary_data(terms) -> list:
    """The glossary's terms (template wegwijzer/begrippen.html)."""
    return [{"anker": t.anchor, "term": t.term, "afkorting_van": t.afkorting_van or "", "uitleg": t.uitleg}
            for t in terms]


def glossary_page(terms, url: str) -> str:
    return active().get_template("wegwijzer/begrippen.html").render(begrippen=glossary_data(terms))




def accessibility_page(ctx) -> str:
    """/toegankelijkheid/ made from gemeente.yaml (when the project has no content/toegankelijkheid.md)."""
    from ..records.statement import accessibility_statement

    return _page(ctx, "toegankelijkheid.html", blokken=text_blocks(accessibility_statement(ctx.dataset.gemeente)))
