"""The lijstje: places and people a resident or a GP keeps, without an account or a server.

"Bewaar" on every record page and face card puts an item on a list in the browser
(localStorage; bewaar.js), a counter in the header shows it, and /lijstje/ shows, orders,
prints and shares it (lijstje.js). Each record and face page carries what the list needs
about it as JSON (``#ww-item``), so /lijstje/ reads the current facts from the page itself
(or from the copy the service worker keeps, offline) and notices when a page has gone.

Every text from a record is escaped: by the templates' autoescaping, the JSON with
json_for_script (no ``</script>`` break-out); lijstje.js puts it on the page as text only.
"""

from __future__ import annotations

from ..records.access import access_explanation, access_label, first_step
from ..records.vocab import ROUTE_SLUGS
from ..text import location_line
from ..urls import asset_url, face_url, record_url, rel
from .templating import templates_of

URL = "lijstje/"
MAX_ITEMS = 8  # what fits on one A4 handout with a QR code each
FACES_FOLDER = "gezichtenkaart"
SERVICE_WORKER = "sw.js"  # at the site root: its scope is the whole site (never renamed, so never hashed)


def where_to_go(v) -> str:
    """Where to go, for a handout: the record's first location with an address, in one line."""
    return next((location_line(loc) for loc in v.locaties if loc.adres or loc.plaats), "")


def record_item(v) -> dict:
    """What the lijstje and its printed handout say about a voorziening (B1 Dutch)."""
    hoe = f"{first_step(v)} {v.aanmelden}" if v.aanmelden else access_explanation(v)
    item = {"k": "v", "id": v.id, "u": record_url(v), "naam": v.naam, "wat": v.samenvatting,
            "toegang": access_label(v), "hoe": hoe}
    if v.contact.telefoon:
        item["tel"], item["tel_link"] = v.contact.telefoon.display, v.contact.telefoon.tel
    if where := where_to_go(v):
        item["adres"] = where
    if v.wachttijd:
        item["extra"] = f"Wachttijd: {v.wachttijd.tekst}."
    if v.status != "actief":
        item["extra"] = {"tijdelijk-gesloten": "Let op: nu tijdelijk gesloten.",
                         "gestopt": "Let op: deze hulp is gestopt."}[v.status]
    return item


def face_item(face) -> dict:
    """What the lijstje and its handout say about a person of the gezichtenkaart."""
    hoe = "Je mag deze persoon gewoon bellen." + (f" Bereikbaar: {face.bereikbaar}." if face.bereikbaar else "")
    item = {"k": "g", "id": face.id, "u": face_url(face), "naam": face.naam,
            "wat": f"{face.functie} bij {face.organisatie}.", "hoe": hoe,
            "tel": face.telefoon.display, "tel_link": face.telefoon.tel}
    if face.vragen:
        item["extra"] = "Bel over: " + ", ".join(face.vragen) + "."
    return item


def lijstje_page(ctx, url: str, qr_library: str = "") -> str:
    """/lijstje/ (template wegwijzer/lijstje.html)."""
    g = ctx.dataset.gemeente
    name = g.naam if g else ""
    # In route order, then the people: lijstje.js orders the list by it ("Eerst wat je zelf kunt doen").
    folders = {"z": ROUTE_SLUGS["zelf"], "s": ROUTE_SLUGS["samen"], "l": ROUTE_SLUGS["laten"], "g": FACES_FOLDER}
    config = {"gemeente": name, "max": MAX_ITEMS, "folders": folders,
              "qr": rel(url, qr_library) if qr_library else ""}
    lijstje = {"root": rel(url, ""), "gemeente": name, "config": config,
               "script": rel(url, asset_url(ctx, "lijstje.js"))}
    return templates_of(ctx).get_template("wegwijzer/lijstje.html").render(lijstje=lijstje)
