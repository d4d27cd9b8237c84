"""Browser helpers: Debian's Chromium for Playwright, the lijstje in a page, printed PDFs and QR codes read back."""

from __future__ import annotations

import io
import json
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


# --- the lijstje (tests/test_browser_lijstje.py and the page-type tests) ---------------------------

LIJSTJE_KEY = "wegwijzer-lijstje"  # bewaar.js's localStorage key


def saved_list_script(items) -> str:
    """An init script that puts ``items`` ([(kind, id, page address)]) on the browser's lijstje, once:
    pages opened later in the same context see what the page itself made of it."""
    data = [{"k": kind, "id": item_id, "u": url, "n": item_id} for kind, item_id, url in items]
    key = json.dumps(LIJSTJE_KEY)
    return f"if (localStorage.getItem({key}) === null) localStorage.setItem({key}, {json.dumps(json.dumps(data))});"


LIJSTJE_LOADED = """n => document.querySelectorAll('#lijstje-items > li').length === n
    && ![...document.querySelectorAll('#lijstje-items > li')].some(li => li.textContent.includes('Even laden'))"""


def pdf_pages(pdf: bytes):
    """The pages of a PDF (pypdf): their count, size and text."""
    import pypdf

    return pypdf.PdfReader(io.BytesIO(pdf)).pages


def decoded_qr_codes(png: bytes) -> list:
    """The text of every QR code in a screenshot (zxing-cpp)."""
    import zxingcpp
    from PIL import Image

    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]
