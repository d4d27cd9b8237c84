"""One front door and a say for residents: /een-loket/, /klachten/, /postkaart/ and the
short feedback page each postcard's QR code leads to (/hoe-ging-het/<organisatie>/).

Made from gemeente.yaml (loket, klachten, bezwaar, terugkoppeling) and the records and faces
of the access organisations. Python builds the data each page shows; the templates make the
markup (theme/wegwijzer/een-loket.html, klachten.html, postkaart.html, reactie.html, with
tijden.html, tekstblokken.html and zoekdata.html), escaping every text. Every link an editor
gives passes the one URL check (safeurl, through render_parts.web_address).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional
from urllib.parse import quote

from ..records.model import Channel
from ..records.statement import Block, complaint_blocks
from ..records.vocab import KANALEN
from ..safeurl import WEB_SCHEMES, is_allowed_link
from ..text import address_lines
from ..urls import (
    COMPLAINTS_URL,
    FRONT_DOOR_URL,
    POSTCARDS_URL,
    feedback_url,
    record_url,
    rel,
)
from .escaping import trusted
from .render_local import info_data
from .render_parts import face_card_data, hours_data, text_blocks
from .templating import templates_of

# The questions of the feedback page, with the names the form sends (docs/site.md: "A say for residents").
QUESTIONS = (
    ("gehoord", "Voelde je je gehoord?", ("ja", "een beetje", "nee")),
    ("volgende_stap", "Weet je wat er nu gaat gebeuren?", ("ja", "een beetje", "nee")),
    ("cijfer", "Welk cijfer geef je het contact?", tuple(str(n) for n in range(1, 11))),
)
OPEN_QUESTIONS = (
    ("beter", "Wat kan er beter?", "textarea"),
    ("contact", "Wil je dat we contact met je opnemen? Schrijf dan je telefoonnummer of e-mailadres.", "input"),
)
OBJECTION_TERM = "6 weken"  # the law (Algemene wet bestuursrecht, article 6:7)


@dataclass(frozen=True)
class Organisation:
    """An access organisation: who a postcard and a feedback page are about."""

    slug: str
    naam: str
    record: object = None  # Voorziening, or None for the municipality itself
    telefoon: object = None  # Phone


def organisations(dataset) -> list:
    """The access organisations of gemeente.yaml's loket, or the municipality when it names none."""
    g = dataset.gemeente
    named = [dataset.voorziening(i) for i in (g.loket.organisaties if g and g.loket else ())]
    found = [Organisation(v.id, v.naam, v, v.contact.telefoon) for v in named if v is not None]
    if found or g is None:
        return found
    return [Organisation("gemeente", f"de gemeente {g.naam}", None, g.contact.telefoon)]


# --- the parts the pages share -------------------------------------------------------------


def _render(ctx, template: str, **data) -> str:
    return templates_of(ctx).get_template(f"wegwijzer/{template}").render(**data)


def _web(url) -> str:
    """An editor's address for a link to another site, or '' when the one URL check refuses it."""
    return url if url and is_allowed_link(url, allow_relative=False, schemes=WEB_SCHEMES) else ""


def _phone(phone) -> Optional[dict]:
    return {"tel": phone.tel, "display": phone.display} if phone else None


def _support(ctx, url: str) -> Optional[dict]:
    """The record of gemeente.yaml's loket.clientondersteuning, as a link from the page at ``url``."""
    loket = ctx.dataset.gemeente.loket
    v = ctx.dataset.voorziening(loket.clientondersteuning) if loket and loket.clientondersteuning else None
    return {"naam": v.naam, "href": rel(url, record_url(v))} if v else None


# --- /een-loket/ ---------------------------------------------------------------------------


def _channels(g) -> tuple:
    if g.loket and g.loket.kanalen:
        return g.loket.kanalen
    c = g.contact  # without loket: the municipality's own contact
    found = []
    if c.telefoon:
        found.append(Channel("telefoon", telefoon=c.telefoon))
    if c.whatsapp:
        found.append(Channel("whatsapp", telefoon=c.whatsapp))
    if c.email:
        found.append(Channel("email", email=c.email))
    return tuple(found)


def _shown_as(ch: Channel) -> str:
    """How a channel's way in is shown: a phone, WhatsApp or e-mail link, the form, or else its
    phone and address (walking in, a home visit)."""
    if ch.soort in ("telefoon", "whatsapp") and ch.telefoon:
        return ch.soort
    if ch.soort == "email" and ch.email:
        return "email"
    if ch.soort == "formulier":
        return "formulier"
    return "adres"


def channel_data(ch: Channel) -> dict:
    """One way in, as template wegwijzer/een-loket.html shows it in its list of channels."""
    return {"soort": ch.soort, "titel": KANALEN[ch.soort], "vorm": _shown_as(ch),
            "telefoon": _phone(ch.telefoon), "whatsapp": ch.telefoon.tel.lstrip("+") if ch.telefoon else "",
            "email": ch.email or "", "formulier": _web(ch.website),
            "adres": [p for p in (ch.naam, *address_lines(ch)) if p], "uitleg": ch.uitleg or "",
            "tijden": hours_data(ch.tijden, f"Tijden: {KANALEN[ch.soort]}") if ch.tijden else None}


def _organisations_with_faces(ctx, url: str) -> list:
    return [{"slug": org.slug, "naam": org.naam, "href": rel(url, record_url(org.record)),
             "gezichten": [face_card_data(f, url, ctx.photos, heading="h4") for f in ctx.dataset.faces_for(org.slug)]}
            for org in organisations(ctx.dataset) if org.record is not None]


def front_door_data(ctx, url: str) -> dict:
    """What /een-loket/ shows (template wegwijzer/een-loket.html)."""
    g = ctx.dataset.gemeente
    loket = g.loket
    return {
        "zoekdata": info_data(),
        "gemeente": g.naam,
        "naam": loket.naam if loket and loket.naam else f"de gemeente {g.naam}",
        "uitleg": loket.uitleg if loket and loket.uitleg else "",
        "kanalen": [channel_data(ch) for ch in _channels(g)],
        "website": _web(g.contact.website),
        "gesprek_binnen": loket.gesprek_binnen if loket and loket.gesprek_binnen else "",
        "ondersteuning": _support(ctx, url),
        "organisaties": _organisations_with_faces(ctx, url),
        "gezichtenkaart": rel(url, "gezichtenkaart/"),
        "reactie": rel(url, feedback_url(organisations(ctx.dataset)[0].slug)),
        "klachten": rel(url, COMPLAINTS_URL),
        "postkaarten": rel(url, POSTCARDS_URL),
    }


def front_door_page(ctx, url: str) -> str:
    return _render(ctx, "een-loket.html", loket=front_door_data(ctx, url))


# --- /klachten/ ----------------------------------------------------------------------------


def _without_gaps(g, blocks) -> list:
    """The complaint blocks with what is true without the missing facts, instead of '[Vul in: …]':
    the accessibility page (which `wegwijzer check` warns about) shows the gaps, this page does not,
    so data without `klachten:` stays as valid as it was."""
    out = []
    for block in blocks:
        if block.missing == "klachten":
            how = []
            if g.contact.telefoon:
                how.append(f"bel {g.contact.telefoon.display}")
            if g.contact.email:
                how.append(f"mail naar {g.contact.email}")
            out.append(Block("p", f"Neem contact op met de gemeente{': ' + ' of '.join(how) if how else ''}. "
                                  "Zeg dat je een klacht wilt indienen. Dan hoor je hoe het verder gaat."))
            out.append(Block("p", "Ben je daarna nog niet tevreden? Dan kun je naar de ombudsman. Vraag de gemeente "
                                  "welke ombudsman voor jou geldt."))
        elif block.missing == "klachten.ombudsman":
            out.append(Block("p", "Ben je daarna nog niet tevreden? Dan kun je naar de ombudsman. Vraag de gemeente "
                                  "welke ombudsman voor jou geldt."))
        else:
            out.append(block)
    return out


def objection_data(ctx, url: str) -> dict:
    """How to object to a decision: the term, where to send it, who helps (gemeente.yaml: bezwaar)."""
    g = ctx.dataset.gemeente
    b = g.bezwaar
    return {"termijn": b.termijn if b and b.termijn else OBJECTION_TERM,
            "uitleg": b.uitleg if b and b.uitleg else "",
            "website": _web(b.website) if b else "",
            "email": b.email if b and b.email else "",
            "adres": b.adres if b and b.adres else "",
            "telefoon": _phone(g.contact.telefoon),
            "ondersteuning": _support(ctx, url)}


def complaints_data(ctx, url: str) -> dict:
    """What /klachten/ shows (template wegwijzer/klachten.html)."""
    g = ctx.dataset.gemeente
    return {"zoekdata": info_data(),
            "reactie": rel(url, feedback_url(organisations(ctx.dataset)[0].slug)),
            "klacht": text_blocks(_without_gaps(g, complaint_blocks(g))),
            "bezwaar": objection_data(ctx, url),
            "meldadres": g.meldadres}


def complaints_page(ctx, url: str) -> str:
    return _render(ctx, "klachten.html", klachten=complaints_data(ctx, url))


# --- /postkaart/ and /hoe-ging-het/<organisatie>/ ----------------------------------------------


def _postcard(org: Organisation, ctx, url: str, qr_codes: dict) -> dict:
    target = feedback_url(org.slug)
    address = (ctx.site_url.rstrip("/") + "/" + target) if ctx.site_url else ""
    qr = qr_codes.get(org.slug)
    # The QR code is SVG the build drew (segno, pages._qr_codes), with its name escaped by titled().
    return {"naam": org.naam, "qr": trusted(qr) if qr else "",
            "adres": address.split("://", 1)[-1] if address else "", "href": rel(url, target),
            "telefoon": _phone(org.telefoon)}


def postcards_page(ctx, url: str, qr_codes: dict) -> str:
    """One A6 card per access organisation; ``qr_codes``: slug -> inline SVG (or None without site_url)."""
    cards = [_postcard(org, ctx, url, qr_codes) for org in organisations(ctx.dataset)]
    return _render(ctx, "postkaart.html", postkaarten={"kaarten": cards})


def _mail_address(g) -> str:
    fb = g.terugkoppeling
    return (fb.email if fb and fb.email else None) or g.contact.email or g.meldadres


def feedback_data(org: Organisation, ctx, url: str) -> dict:
    """What the feedback page of ``org`` shows (template wegwijzer/reactie.html)."""
    g = ctx.dataset.gemeente
    fb = g.terugkoppeling
    subject = f"Hoe ging het? {org.naam}"
    form = _web(fb.formulier) if fb else ""
    return {"naam": org.naam, "formulier": form,
            "mail": "" if form else _mail_address(g), "onderwerp": subject, "onderwerp_url": quote(subject),
            "vragen": [{"naam": name, "vraag": question, "antwoorden": list(answers)}
                       for name, question, answers in QUESTIONS],
            "open_vragen": [{"naam": name, "vraag": question, "soort": kind}
                            for name, question, kind in OPEN_QUESTIONS],
            "klachten": rel(url, COMPLAINTS_URL), "loket": rel(url, FRONT_DOOR_URL)}


def feedback_page(org: Organisation, ctx, url: str) -> str:
    """The short form behind a postcard. It posts to gemeente.yaml's terugkoppeling.formulier; without
    one it opens an e-mail with the answers (wegwijzer.js; without JavaScript the browser's own
    mailto form)."""
    return _render(ctx, "reactie.html", reactie=feedback_data(org, ctx, url))


def form_action_origin(gemeente) -> Optional[str]:
    """The address the feedback form posts to, for the Content-Security-Policy (None: e-mail)."""
    fb = gemeente.terugkoppeling if gemeente else None
    return fb.formulier if fb and fb.formulier else None
