"""QR codes for the printed postcards, made at build time with segno as inline SVG.

segno (a well-kept, dependency-free QR library) writes the SVG; we only add an accessible
name. No request leaves the site and no script runs: the code is part of the page.
"""

from __future__ import annotations

from .escaping import esc


def qr_svg(address: str, label: str) -> str:
    """An inline SVG QR code for ``address`` (error correction M: a card may get creased)."""
    import segno

    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(scale=4, border=4, title=label, svgclass="ww-qr", lineclass=None, omitsize=True)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{esc(label)}" ', 1)
