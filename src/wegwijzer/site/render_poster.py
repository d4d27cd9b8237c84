"""A record page printed as a one-page poster, for a waiting room or a community centre.

The poster is part of the record page, hidden on screen; "Print als poster" (bewaar.js)
prints only it. Its QR code is made at build time (qrcodes.py, segno) and leads to the
page's public address, so it needs mkdocs.yml ``site_url``; without it the poster shows
the address as text instead (filled in by the browser, as on the gezichtenkaart).
Every text from a record is escaped.
"""

from __future__ import annotations

from ..records.vocab import DAGEN, TOEGANG_EXPLANATIONS
from .escaping import esc
from .qrcodes import titled
from .render_lijstje import FIRST_STEP, where_to_go

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


def poster_block(v, ctx, url: str) -> str:
    g = ctx.dataset.gemeente
    address = public_address(ctx.site_url, url)
    svg = getattr(ctx, "qr", {}).get(address) if address else None
    if svg:
        code = (f'<div class="ww-poster__qr">{titled(svg, "QR-code naar de pagina van " + v.naam)}'
                f'<p>Scan de code met de camera van je telefoon. Dan zie je alles over {esc(v.naam)}.</p>'
                f'<p class="ww-poster__adres">{esc(address)}</p></div>')
    else:
        code = (f'<div class="ww-poster__qr"><p>Kijk voor meer informatie op:</p>'
                f'<p class="ww-poster__adres" data-ww-address>{esc(address or url)}</p></div>')
    step = TOEGANG_EXPLANATIONS[v.toegang]
    if v.aanmelden:
        step = f"{FIRST_STEP[v.toegang]} {shorter(v.aanmelden, MAX_STEP)}"
    facts = [f"<p><strong>Zo kom je er:</strong> {esc(step)}</p>"]
    if v.contact.telefoon:
        facts.append(f"<p><strong>Bel:</strong> {esc(v.contact.telefoon.display)}</p>")
    where = where_to_go(v)
    if where:
        facts.append(f"<p><strong>Waar:</strong> {esc(shorter(where, MAX_PLACE))}</p>")
    if v.openingstijden:
        rows = "".join(f"<li>{esc(', '.join(DAGEN[d] for d in o.dagen))}: {esc(o.van)} – {esc(o.tot)}</li>"
                       for o in v.openingstijden[:MAX_HOURS])
        facts.append(f'<p><strong>Wanneer:</strong></p><ul class="ww-poster__tijden">{rows}</ul>')
    gemeente = f'<p class="ww-poster__gemeente">Gemeente {esc(g.naam)}</p>' if g else ""
    # Outside the search index: the page itself says all this, and the poster's fixed words
    # ("Scan de code met de camera van je telefoon") would make every record a hit for them.
    return (f'<div class="ww-poster" aria-hidden="true" data-pagefind-ignore>{gemeente}'
            f'<p class="ww-poster__naam">{esc(v.naam)}</p><p class="ww-poster__wat">{esc(v.samenvatting)}</p>'
            f'<div class="ww-poster__feiten">{"".join(facts)}</div>{code}</div>')
