"""The small parts the page renderers share: Dutch dates, badges, phone and web links, lists
of links, face cards and the address of our scripts.

render.py, render_professionals.py, render_routes.py and the other render modules build on
these; this module imports none of them back (only the lijstje's Bewaar button). Every text
from a record is escaped here (esc), as in render.py.
"""

from __future__ import annotations

from datetime import date

from .. import safeurl
from ..records.vocab import STATUS, TOEGANG
from ..urls import face_url, rel, vcard_url
from .escaping import esc
from .render_lijstje import bewaar_button

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def dutch_date(value: date) -> str:
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


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


def asset_url(ctx, name: str) -> str:
    """Our script's address (content-hashed by the plugin; the plain name without it)."""
    return getattr(ctx, "assets", {}).get(name, "assets/wegwijzer/" + name)
