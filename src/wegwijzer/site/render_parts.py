"""The data of the small parts the page templates share: a record's card labels, links to
themes and target groups, opening hours, text blocks, the one check for an editor's web
address, and face cards (templates wegwijzer/gezicht.html, foto.html, gezicht-details.html).

render.py, render_professionals.py, render_routes.py and the other render modules build on
these; this module imports none of them. Every text from a record is escaped by the templates'
autoescaping.
"""

from __future__ import annotations

import json
from typing import Optional

from .. import safeurl
from ..records.access import access_label
from ..records.vocab import DAGEN, DOELGROEPEN, ROUTES, STATUS, THEMAS
from ..urls import doelgroep_url, face_url, rel, theme_url, vcard_url
from .templating import active


def photo_data(face, from_url: str, photos: dict, size: int = 120, lazy: bool = True) -> dict:
    """What template wegwijzer/foto.html shows of a face's photo (or its initials)."""
    ps = photos.get(face.id)
    if not ps:
        return {"src": "", "initials": face.initials}
    webp = ", ".join(f'{rel(from_url, "fotos/" + ps.webp[w])} {i}x' for i, w in enumerate(sorted(ps.webp), 1))
    return {"webp": webp, "src": rel(from_url, "fotos/" + ps.jpeg[min(ps.jpeg)]), "alt": face.alt_text,
            "size": size, "lazy": lazy}




def details_data(face) -> dict:
    """What template wegwijzer/gezicht-details.html says about when and where to reach someone."""
    return {"bereikbaar": face.bereikbaar, "werkgebied": ", ".join(face.kernen)}


def face_card_data(face, from_url: str, photos: dict, heading: str = "h3", link: bool = True,
                   data: Optional[dict] = None) -> dict:
    """The variables of template wegwijzer/gezicht.html for ``face`` on the page at ``from_url``:
    ``kaart``, ``foto`` and ``details``; ``data``: its data-* attributes, by name."""
    kaart = {"id": face.id, "naam": face.naam, "heading": heading, "data": data or {},
             "link": rel(from_url, face_url(face)) if link else "",
             "functie": face.functie, "organisatie": face.organisatie, "vragen": ", ".join(face.vragen),
             "tel": face.telefoon.tel, "telefoon": face.telefoon.display, "email": face.email,
             "vcard": rel(from_url, vcard_url(face)), "bewaar_url": face_url(face)}
    return {"kaart": kaart, "foto": photo_data(face, from_url, photos), "details": details_data(face)}


def face_card(face, from_url: str, photos: dict, heading: str = "h3", link: bool = True,
              data: Optional[dict] = None) -> str:
    """A face on a list (template wegwijzer/gezicht.html)."""
    return active().get_template("wegwijzer/gezicht.html").render(
        face_card_data(face, from_url, photos, heading, link, data))


def web_address(url) -> str:
    """An editor's address when a page may link to it (the one URL check, wegwijzer.safeurl, as
    a browser reads it: only http(s)), else ''."""
    if not url or not safeurl.is_allowed_link(url, allow_relative=False, schemes=safeurl.WEB_SCHEMES):
        return ""
    return url


def hours_data(hours, caption: str) -> dict:
    """What template wegwijzer/tijden.html shows: a table of times with the "Nu open" line above
    it, the times as JSON for wegwijzer.js, which fills that line in."""
    return {"caption": caption,
            "data": json.dumps([{"d": list(o.dagen), "van": o.van, "tot": o.tot} for o in hours]),
            "spreekuur": all(o.is_spreekuur for o in hours),
            "rows": [{"dagen": ", ".join(DAGEN[d] for d in o.dagen), "spreekuur": o.is_spreekuur,
                      "van": o.van, "tot": o.tot, "toelichting": o.toelichting or ""} for o in hours]}


def text_blocks(blocks) -> list:
    """Text blocks of records/statement.py for template wegwijzer/tekstblokken.html (the
    accessibility statement, complaints); a link only when the one URL check allows it."""
    return [{"kind": b.kind, "text": b.text, "items": list(b.items), "url": web_address(b.url),
             "link_text": b.link_text, "missing": bool(b.missing)} for b in blocks]


def card_data(v) -> dict:
    """What a card or a route step shows of record ``v`` beside its name (templates
    wegwijzer/kaart-labels.html and kaart-telefoon.html)."""
    return {"toegang": v.toegang, "toegang_label": access_label(v),
            "status_label": "" if v.status == "actief" else STATUS[v.status], "route_label": ROUTES[v.route],
            "telefoon": v.contact.telefoon}


def theme_links(url: str) -> list:
    """Every theme as a link to its page ({url, label}: template wegwijzer/themas.html), for a
    list on the page at ``url``."""
    return [{"url": rel(url, theme_url(slug)), "label": label} for slug, label in THEMAS.items()]


def theme_link_items(themas, from_url: str) -> list:
    """Some themes as links ({url, label}: template wegwijzer/links.html), on the page at ``from_url``."""
    return [{"url": rel(from_url, theme_url(t)), "label": THEMAS[t]} for t in themas]


def group_link_items(doelgroepen, from_url: str) -> list:
    """Some target groups as links ({url, label}: template wegwijzer/links.html)."""
    return [{"url": rel(from_url, doelgroep_url(d)), "label": DOELGROEPEN[d]} for d in doelgroepen]


