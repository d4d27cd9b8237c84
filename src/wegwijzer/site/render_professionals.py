"""/voor-professionals/: the gezichtenkaart for GPs and other referrers.

In a consult a GP needs three things: who to call directly, whether the patient can just
go, and what to hand the patient. This page shows the faces grouped by the voorziening
they belong to, with what a referrer needs per voorziening (access route, who may refer,
how, a number for professionals, the waiting time), filterable by kern, theme and target
group. The filters live in the address (``?kern=…&thema=…&doelgroep=…``, the same names
and values as /zoeken/), so a practice bookmarks its own view; professionals.js applies
them in the browser. Without JavaScript the page shows every face.

The markup is in templates wegwijzer/voor-professionals.html, verwijzen.html and
verwijsfeiten.html; every text from a record is escaped there.
"""

from __future__ import annotations

from typing import Optional

from ..records.access import access_explanation, access_label
from ..records.model import Face, Voorziening
from ..records.vocab import DOELGROEPEN, ROUTES, THEMAS, in_route_order
from ..text import dutch_date
from ..urls import asset_url, kern_slug, record_url, rel
from .render_parts import face_card_data, web_address
from .templating import templates_of

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


def _phone(phone, sr: str) -> dict:
    return {"tel": phone.tel, "display": phone.display, "sr": sr}


def _fact(label: str, tekst: str = "", **parts) -> dict:
    """One fact of template wegwijzer/verwijsfeiten.html: a label, a text and the parts it has."""
    return {"label": label, "tekst": tekst, "toegang": parts.get("toegang"), "formulier": parts.get("formulier", ""),
            "naam": parts.get("naam", ""), "telefoon": parts.get("telefoon"), "nagevraagd": parts.get("nagevraagd", "")}


def referral_facts(v, from_url: str, with_access: bool = True) -> list:
    """What a referrer needs to know about ``v`` (the facts of template wegwijzer/verwijsfeiten.html)."""
    facts = []
    if with_access:
        facts.append(_fact("Route", ROUTES[v.route]))
        facts.append(_fact("Toegang", access_explanation(v), toegang={"slug": v.toegang, "label": access_label(v)}))
    r = v.verwijzen
    if r and r.wie:
        facts.append(_fact("Wie mag verwijzen", ", ".join(r.wie)))
    if r and (r.hoe or r.website):
        facts.append(_fact("Zo verwijs je", r.hoe or "", formulier=web_address(r.website), naam=v.naam))
    elif with_access and v.aanmelden:
        facts.append(_fact("Zo begin je", v.aanmelden))
    if v.contact.professionals:
        facts.append(_fact("Voor professionals", telefoon=_phone(v.contact.professionals, f"Bel {v.naam} op")))
    elif with_access and v.contact.telefoon:
        facts.append(_fact("Telefoon", telefoon=_phone(v.contact.telefoon, f"Bel {v.naam} op")))
    if v.wachttijd:
        facts.append(_fact("Wachttijd", v.wachttijd.tekst, nagevraagd=dutch_date(v.wachttijd.gecontroleerd)))
    return facts


def referral_data(v, url: str) -> Optional[dict]:
    """The record page's part for referrers (template wegwijzer/verwijzen.html: ``feiten`` and
    ``alle_gezichten``), or None when the record has nothing only they need."""
    if not (v.verwijzen or v.contact.professionals):
        return None
    return {"feiten": referral_facts(v, url, with_access=False), "alle_gezichten": rel(url, URL)}


def _filters(ctx) -> list:
    g = ctx.dataset.gemeente
    options = {"kern": {kern_slug(k): k for k in (g.kernen if g else ())}, "thema": THEMAS, "doelgroep": DOELGROEPEN}
    return [{"key": key, "label": label, "options": list(options[key].items())} for key, label in FILTERS.items()]


def _group(v, faces, ctx, url: str) -> dict:
    """One voorziening (or, for ``v`` None, the faces without one) with its faces."""
    group = {"gezichten": [face_card_data(face, url, ctx.photos, data={"kernen": face_kernen(face, v)})
                           for face in faces],
             "naam": "", "themas": "", "doelgroepen": EVERYWHERE}
    if v is not None:
        group.update(naam=v.naam, id=v.id, url=rel(url, record_url(v)), bewaar_url=record_url(v),
                     feiten=referral_facts(v, url), themas=" ".join(v.themas),
                     doelgroepen=" ".join(v.doelgroepen) or EVERYWHERE)
    return group


def groups_of(ctx) -> list:
    """[(voorziening or None, faces)]: voorzieningen in route order (zelf, samen, laten; each by
    name), then the faces without one."""
    by_record: dict[str, tuple[Voorziening, list[Face]]] = {}
    others: list[Face] = []
    for face in ctx.dataset.gezichten:
        v = ctx.dataset.voorziening(face.voorziening) if face.voorziening else None
        if v is None:
            others.append(face)
        else:
            by_record.setdefault(v.id, (v, []))[1].append(face)
    groups: list[tuple[Optional[Voorziening], list[Face]]] = [
        (v, sorted(by_record[v.id][1], key=lambda f: f.naam.lower()))
        for v in in_route_order(v for v, _ in by_record.values())]
    if others:
        groups.append((None, others))
    return groups


def professionals_page(ctx, url: str = URL) -> str:
    """/voor-professionals/ (template wegwijzer/voor-professionals.html)."""
    g = ctx.dataset.gemeente
    total = len(ctx.dataset.gezichten)
    pagina = {
        "overal": EVERYWHERE, "titel": TITLE, "lijstje": rel(url, "lijstje/"), "zoeken": rel(url, "zoeken/"),
        "gemeente": g.naam if g else "",
        "gemeente_telefoon": g.contact.professionals if g and g.contact.professionals else None,
        "filters": _filters(ctx),
        "aantal": f'{total} {"gezicht" if total == 1 else "gezichten"}',
        "groepen": [_group(v, faces, ctx, url) for v, faces in groups_of(ctx)],
        "script": rel(url, asset_url(ctx, "professionals.js")),
    }
    return templates_of(ctx).get_template("wegwijzer/voor-professionals.html").render(pagina=pagina)
