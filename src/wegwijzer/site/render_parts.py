"""The small parts the page renderers share: Dutch dates, badges, phone and web links, lists
of links, face cards and the address of our scripts.

render.py, render_professionals.py, render_routes.py and the other render modules build on
these; this module imports none of them back (only the lijstje's Bewaar button). Every text
from a record is escaped here (esc), as in render.py.
"""

from __future__ import annotations

from .. import safeurl
from ..records.vocab import DOELGROEPEN, ROUTES, STATUS, THEMAS, TOEGANG
from ..urls import doelgroep_url, face_url, rel, theme_url, vcard_url
from .escaping import esc
from .render_lijstje import bewaar_button


def access_badge(toegang: str) -> str:
    return f'<span class="ww-badge ww-badge--{esc(toegang)}">{esc(TOEGANG[toegang])}</span>'


def status_badge(status: str) -> str:
    if status == "actief":
        return ""
    return f'<span class="ww-badge ww-badge--status">{esc(STATUS[status])}</span>'


def phone_link(phone, label_prefix: str = "Bel") -> str:
    return (f'<a class="ww-phone" href="tel:{esc(phone.tel)}">'
            f'<span class="ww-sr">{esc(label_prefix)} </span>{esc(phone.display)}</a>')


def web_link(url, inner_html: str, cls: str = "") -> str:
    """A link to another site from an editor's address, or '' when the one URL check
    (wegwijzer.safeurl, as a browser reads it) does not allow it: only http(s)."""
    if not url or not safeurl.is_allowed_link(url, allow_relative=False, schemes=safeurl.WEB_SCHEMES):
        return ""
    class_attr = f' class="{cls}"' if cls else ""
    return f'<a{class_attr} href="{esc(url)}" rel="noopener nofollow">{inner_html}</a>'


def link_list(items, from_url):
    return ", ".join(f'<a href="{rel(from_url, url)}">{esc(label)}</a>' for url, label in items)


def photo_html(face, from_url: str, photos: dict, size: int = 120, lazy: bool = True) -> str:
    ps = photos.get(face.id)
    if not ps:
        return f'<span class="ww-initials" aria-hidden="true">{esc(face.initials)}</span>'
    webp = ", ".join(f'{rel(from_url, "fotos/" + ps.webp[w])} {i}x' for i, w in enumerate(sorted(ps.webp), 1))
    loading = ' loading="lazy"' if lazy else ""
    return (f'<picture><source type="image/webp" srcset="{webp}">'
            f'<img src="{rel(from_url, "fotos/" + ps.jpeg[min(ps.jpeg)])}" alt="{esc(face.alt_text)}" '
            f'width="{size}" height="{size}"{loading} decoding="async"></picture>')


def face_details(face) -> str:
    """What a face card and a face page both say about when and where to reach someone."""
    parts = []
    if face.bereikbaar:
        parts.append(f'<p><span class="ww-label">Bereikbaar:</span> {esc(face.bereikbaar)}</p>')
    if face.kernen:
        parts.append(f'<p><span class="ww-label">Werkgebied:</span> {esc(", ".join(face.kernen))}</p>')
    return "".join(parts)


def face_card(face, from_url: str, photos: dict, heading: str = "h3", link: bool = True, attrs: str = "") -> str:
    """A face on a list; ``attrs``: extra attributes of its <li> (already escaped)."""
    name = esc(face.naam)
    if link:
        name = f'<a href="{rel(from_url, face_url(face))}">{name}</a>'
    parts = [f'<li class="ww-face"{attrs}><div class="ww-face__photo">{photo_html(face, from_url, photos)}</div>',
             f'<div class="ww-face__body"><{heading} class="ww-face__name">{name}</{heading}>',
             f'<p class="ww-face__role">{esc(face.functie)}<br><span class="ww-muted">{esc(face.organisatie)}</span>'
             f'</p>']
    if face.vragen:
        parts.append(f'<p><span class="ww-label">Bel over:</span> {esc(", ".join(face.vragen))}</p>')
    parts.append(face_details(face))
    parts.append(f'<p class="ww-face__phone">{phone_link(face.telefoon, "Bel " + face.naam + " op")}</p>')
    if face.email:
        parts.append(f'<p class="ww-noprint"><a href="mailto:{esc(face.email)}">{esc(face.email)}</a></p>')
    parts.append(f'<p class="ww-noprint"><a href="{rel(from_url, vcard_url(face))}" download>'
                 f'Zet in je telefoon<span class="ww-sr"> ({esc(face.naam)}, vCard)</span></a></p>')
    parts.append(f'<p class="ww-noprint">{bewaar_button("g", face.id, face_url(face), face.naam)}</p>')
    parts.append("</div></li>")
    return "".join(parts)


def card_badges(v) -> str:
    """A record's badges on a card or a route step: access, status and route."""
    return (f'<p class="ww-card__badges">{access_badge(v.toegang)} {status_badge(v.status)}'
            f'<span class="ww-route">{esc(ROUTES[v.route])}</span></p>')


def card_phone(v) -> str:
    return f'<p class="ww-card__phone">{phone_link(v.contact.telefoon)}</p>' if v.contact.telefoon else ""


def theme_links(url: str) -> str:
    """Every theme as a list item linking to its page, for a list on the page at ``url``."""
    return "".join(f'<li><a href="{rel(url, theme_url(slug))}">{esc(label)}</a></li>' for slug, label in THEMAS.items())


def theme_link_line(themas, from_url: str) -> str:
    """Some themes as links in one line ("Geld, Wonen"), on the page at ``from_url``."""
    return link_list([(theme_url(t), THEMAS[t]) for t in themas], from_url)


def group_link_line(doelgroepen, from_url: str) -> str:
    """Some target groups as links in one line, on the page at ``from_url``."""
    return link_list([(doelgroep_url(d), DOELGROEPEN[d]) for d in doelgroepen], from_url)
