"""A record page printed as a one-page poster, for a waiting room or a community centre.

The poster is part of the record page, hidden on screen; "Print als poster" (bewaar.js)
prints only it. Its QR code is made at build time (qrcodes.py, segno) and leads to the
page's public address, so it needs mkdocs.yml ``site_url``; without it the poster shows
the address as text instead (filled in by the browser, as on the gezichtenkaart).
Every text from a record is escaped.
"""

from __future__ import annotations

from ..records.access import access_explanation, first_step
from ..records.vocab import DAGEN
from .escaping import trusted
from .qrcodes import titled
from .render_lijstje import where_to_go

MAX_HOURS = 3  # opening hours on a poster: more would not fit on one page in large type
MAX_STEP = 220  # characters of `aanmelden` on a poster; the QR code leads to the rest
MAX_PLACE = 120


def shorter(text: str, limit: int) -> str:
    """``text``, cut at a word before ``limit`` characters with an ellipsis when it is longer."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 2].rsplit(" ", 1)[0].rstrip(" ,.;:")
    return cut + " …"


def public_address(site_url: str, url: str) -> str:
    """The page's address on the public site, or '' when mkdocs.yml has no site_url."""
    return f"{site_url.rstrip('/')}/{url}" if site_url else ""


def poster_data(v, ctx, url: str) -> dict:
    """What the poster of record ``v`` shows (template wegwijzer/poster.html)."""
    g = ctx.dataset.gemeente
    address = public_address(ctx.site_url, url)
    svg = getattr(ctx, "qr", {}).get(address) if address else None
    step = access_explanation(v)
    if v.aanmelden:
        step = f"{first_step(v)} {shorter(v.aanmelden, MAX_STEP)}"
    where = where_to_go(v)
    return {
        "gemeente": g.naam if g else "",
        "naam": v.naam,
        "samenvatting": v.samenvatting,
        "step": step,
        "telefoon": v.contact.telefoon.display if v.contact.telefoon else "",
        "waar": shorter(where, MAX_PLACE) if where else "",
        "tijden": [{"dagen": ", ".join(DAGEN[d] for d in o.dagen), "van": o.van, "tot": o.tot}
                   for o in v.openingstijden[:MAX_HOURS]],
        # The QR code is SVG the build drew (segno), with its name escaped by titled().
        "qr": trusted(titled(svg, "QR-code naar de pagina van " + v.naam)) if svg else "",
        "adres": address if svg else (address or url),
    }
