"""One front door and a say for residents: /een-loket/, /klachten/, /postkaart/ and the
short feedback page each postcard's QR code leads to (/hoe-ging-het/<organisatie>/).

Made from gemeente.yaml (loket, klachten, bezwaar, terugkoppeling) and the records and faces
of the access organisations. Every text from the data is escaped; every link an editor gives
passes the one URL check (render_parts.web_link).
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
from ..urls import COMPLAINTS_URL, FRONT_DOOR_URL, POSTCARDS_URL, feedback_url, record_url, rel
from .escaping import esc
from .render import hours_table, statement_html
from .render_local import info_markers
from .render_parts import face_card, phone_link, web_link

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


def _channel_value(ch: Channel) -> str:
    if ch.soort == "telefoon" and ch.telefoon:
        return f'<p class="ww-channel__value">{phone_link(ch.telefoon)}</p>'
    if ch.soort == "whatsapp" and ch.telefoon:
        return (f'<p class="ww-channel__value"><a href="https://wa.me/{esc(ch.telefoon.tel.lstrip("+"))}">'
                f'WhatsApp {esc(ch.telefoon.display)}</a></p>')
    if ch.soort == "email" and ch.email:
        return f'<p class="ww-channel__value"><a href="mailto:{esc(ch.email)}">{esc(ch.email)}</a></p>'
    if ch.soort == "formulier":
        link = web_link(ch.website, "Naar het formulier")
        return f'<p class="ww-channel__value">{link}</p>' if link else ""
    parts = []
    if ch.telefoon:
        parts.append(phone_link(ch.telefoon))
    lines = [esc(p) for p in (ch.naam, *address_lines(ch)) if p]
    if lines:
        parts.append(f'<address>{"<br>".join(lines)}</address>')
    return "".join(f'<div class="ww-channel__value">{p}</div>' for p in parts)


def channel_block(ch: Channel) -> str:
    hours = hours_table(ch.tijden, f"Tijden: {KANALEN[ch.soort]}") if ch.tijden else ""
    note = f"<p>{esc(ch.uitleg)}</p>" if ch.uitleg else ""
    return (f'<li class="ww-channel ww-channel--{esc(ch.soort)}"><h3 class="ww-channel__title">'
            f'{esc(KANALEN[ch.soort])}</h3>{_channel_value(ch)}{note}{hours}</li>')


def _after_contact(g, ctx, url: str) -> str:
    loket = g.loket
    when = (f"Je krijgt binnen {esc(loket.gesprek_binnen)} een gesprek." if loket and loket.gesprek_binnen
            else "Je krijgt snel een afspraak voor een gesprek.")
    support = ctx.dataset.voorziening(loket.clientondersteuning) if loket and loket.clientondersteuning else None
    support_link = (f' <a href="{rel(url, record_url(support))}">Lees meer over {esc(support.naam)}</a>.'
                    if support else "")
    steps = [
        ("Je vertelt je vraag", "We luisteren en vragen door. Wat speelt er nog meer? Soms zit achter één vraag "
                                "een andere vraag. Daar willen we ook bij helpen."),
        ("Het gesprek", f"{when} Dat gesprek is vaak bij jou thuis, aan de keukentafel. Daarom heet het ook wel "
                        "het keukentafelgesprek."),
        ("Je mag iemand meenemen", "Neem iemand mee die je vertrouwt. Bijvoorbeeld je partner, een familielid, een "
                                   "buur of een vriend. Die kan meedenken en onthouden wat er is gezegd."),
        ("Gratis hulp bij het gesprek", "Je kunt gratis hulp krijgen van een cliëntondersteuner. Die werkt niet "
                                        "voor de gemeente en staat naast jou."),
        ("Eén contactpersoon", "Je vertelt je verhaal één keer. Je krijgt één contactpersoon. Die regelt het met "
                               "de anderen en houdt je op de hoogte."),
        ("Samen een plan", "Samen kijk je wat je zelf kunt, wat mensen om je heen kunnen doen en welke hulp je "
                           "nodig hebt. Krijg je hulp van de gemeente, dan krijg je een brief met het besluit: "
                           "de beschikking."),
    ]
    items = "".join(f'<li><strong>{esc(title)}.</strong> {esc(text)}{support_link if i == 3 else ""}</li>'
                    for i, (title, text) in enumerate(steps))
    return (f'<section aria-labelledby="h-daarna"><h2 id="h-daarna">Wat gebeurt er als je contact opneemt?</h2>'
            f'<ol class="ww-after">{items}</ol></section>')


def _faces(ctx, url: str) -> str:
    orgs = [o for o in organisations(ctx.dataset) if o.record is not None]
    blocks = []
    for org in orgs:
        faces = ctx.dataset.faces_for(org.slug)
        cards = ('<ul class="ww-faces">' + "".join(face_card(f, url, ctx.photos, heading="h4") for f in faces)
                 + "</ul>") if faces else ""
        blocks.append(f'<section class="ww-org" aria-labelledby="org-{esc(org.slug)}"><h3 id="org-{esc(org.slug)}">'
                      f'<a href="{rel(url, record_url(org.record))}">{esc(org.naam)}</a></h3>{cards}</section>')
    intro = ("<p>Hier werken de mensen die je helpen. Je kunt ze ook zelf bellen.</p>" if blocks else "")
    return (f'<section aria-labelledby="h-wie"><h2 id="h-wie">Wie helpt je?</h2>{intro}{"".join(blocks)}'
            f'<p><a href="{rel(url, "gezichtenkaart/")}">Iedereen op de gezichtenkaart</a></p></section>')


def front_door_page(ctx, url: str) -> str:
    g = ctx.dataset.gemeente
    loket = g.loket
    name = loket.naam if loket and loket.naam else f"de gemeente {g.naam}"
    intro = (loket.uitleg if loket and loket.uitleg else
             f"Heb je een vraag over zorg, hulp in huis, geld, werk of opvoeden? Dan kun je bij één loket terecht: "
             f"{name}. Eén keer bellen, mailen of langskomen is genoeg. Je hoeft niet zelf uit te zoeken wie je "
             f"nodig hebt.")
    channels = "".join(channel_block(ch) for ch in _channels(g))
    website = web_link(g.contact.website, f"Website van de gemeente {esc(g.naam)}")
    return (
        f'<div class="ww-loket" data-pagefind-body>'
        f'<h1 data-pagefind-weight="10" data-pagefind-meta="title">Eén loket voor hulp en zorg</h1>{info_markers()}'
        f'<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">{esc(intro)}</p>'
        f'<section aria-labelledby="h-kanalen"><h2 id="h-kanalen">Zo bereik je {esc(name)}</h2>'
        f'<ul class="ww-channels">{channels}</ul>{f"<p>{website}</p>" if website else ""}</section>'
        f'{_after_contact(g, ctx, url)}<div data-pagefind-ignore>{_faces(ctx, url)}</div>'
        f'<section aria-labelledby="h-mening" data-pagefind-ignore><h2 id="h-mening">Hoe ging het?</h2>'
        f'<p>We horen graag hoe het contact ging. Wat ging goed, en wat kan beter? '
        f'<a href="{rel(url, feedback_url(organisations(ctx.dataset)[0].slug))}">Vertel het ons</a>.</p>'
        f'<p>Niet tevreden? Lees hoe je een <a href="{rel(url, COMPLAINTS_URL)}">klacht indient of bezwaar maakt'
        f'</a>.</p><p class="ww-muted">Voor medewerkers: <a href="{rel(url, POSTCARDS_URL)}">postkaarten '
        f'"Hoe ging het?" om af te drukken</a>.</p></section></div>'
    )


# --- /klachten/ ----------------------------------------------------------------------------


def complaints_page(ctx, url: str) -> str:
    g = ctx.dataset.gemeente
    first = organisations(ctx.dataset)[0]
    choose = [
        ("#klacht", "Ging er iets mis in hoe je bent geholpen?", "Dien een klacht in"),
        ("#bezwaar", "Ben je het niet eens met een besluit van de gemeente?", "Maak bezwaar"),
        (rel(url, feedback_url(first.slug)), "Wil je vertellen hoe het contact ging?", "Vertel het ons"),
    ]
    options = "".join(f'<li>{esc(q)} <a href="{href}">{esc(action)}</a></li>' for href, q, action in choose)
    complaint = statement_html(_without_gaps(g, complaint_blocks(
        g, "Vind je dat de gemeente of een medewerker je niet goed heeft behandeld? Dan kun je een klacht "
           "indienen. Vertel wat er is gebeurd, wanneer, en met wie je contact had.")))
    report = (f'<p>Klopt er iets niet op deze website? Mail het naar '
              f'<a href="mailto:{esc(g.meldadres)}">{esc(g.meldadres)}</a>.</p>')
    return (
        f'<div class="ww-klachten" data-pagefind-body>'
        f'<h1 data-pagefind-weight="10" data-pagefind-meta="title">Klachten en bezwaar</h1>{info_markers()}'
        f'<p class="ww-lead" data-pagefind-weight="5" data-pagefind-meta="samenvatting">Ben je niet tevreden? '
        f'Zeg het. Wat je doet, hangt af van wat er is gebeurd.</p>'
        f'<ul class="ww-choose" data-pagefind-ignore>{options}</ul>'
        f'<section aria-labelledby="klacht"><h2 id="klacht">Een klacht indienen</h2>{complaint}</section>'
        f'{objection_section(ctx, url)}'
        f'<section aria-labelledby="h-anders"><h2 id="h-anders">Iets anders</h2>{report}</section></div>'
    )


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


def objection_section(ctx, url: str) -> str:
    g = ctx.dataset.gemeente
    b = g.bezwaar
    term = (b.termijn if b and b.termijn else OBJECTION_TERM)
    where = []
    if b and b.website:
        link = web_link(b.website, "Maak bezwaar via de website")
        if link:
            where.append(f"<li>{link}</li>")
    if b and b.email:
        where.append(f'<li>Mail je bezwaar naar <a href="mailto:{esc(b.email)}">{esc(b.email)}</a>.</li>')
    if b and b.adres:
        where.append(f"<li>Stuur een brief naar: {esc(b.adres)}</li>")
    phone = f" Twijfel je? Bel de gemeente op {phone_link(g.contact.telefoon, '')}." if g.contact.telefoon else ""
    where_html = (f'<ul>{"".join(where)}</ul>' if where else "") + (
        f"<p>In de brief met het besluit staat ook waar je je bezwaar heen stuurt.{phone}</p>")
    uitleg = f"<p>{esc(b.uitleg)}</p>" if b and b.uitleg else ""
    loket = g.loket
    support = ctx.dataset.voorziening(loket.clientondersteuning) if loket and loket.clientondersteuning else None
    help_link = (f' Een <a href="{rel(url, record_url(support))}">cliëntondersteuner</a> helpt je gratis.'
                 if support else "")
    return (
        f'<section aria-labelledby="bezwaar"><h2 id="bezwaar">Bezwaar maken tegen een besluit</h2>'
        f'<p>Heeft de gemeente een besluit over jou genomen, bijvoorbeeld in een beschikking? En ben je het daar niet '
        f'mee eens? Dan kun je bezwaar maken. De gemeente kijkt dan opnieuw naar het besluit.</p>{uitleg}'
        f'<h3>Hoeveel tijd heb je?</h3><p>Je hebt <strong>{esc(term)}</strong> de tijd. Die tijd begint op de dag na '
        f'de datum op de brief met het besluit. Ben je te laat? Dan kan de gemeente je bezwaar meestal niet meer '
        f'behandelen.</p>'
        f'<h3>Wat schrijf je op?</h3><ul><li>Je naam en adres.</li><li>De datum.</li>'
        f'<li>Over welk besluit het gaat. Stuur een kopie van de brief mee, of schrijf de datum en het kenmerk op.</li>'
        f'<li>Waarom je het er niet mee eens bent.</li><li>Je handtekening.</li></ul>'
        f'<p>Hulp nodig bij het schrijven?{help_link} Je kunt ook de gemeente bellen.</p>'
        f'<h3>Waar stuur je het heen?</h3>{where_html}'
        f'<h3>Wat gebeurt er daarna?</h3><p>Je krijgt een bericht dat je bezwaar binnen is. Vaak mag je in een '
        f'gesprek uitleggen waarom je het er niet mee eens bent. Daarna krijg je een nieuw besluit. Ben je het daar '
        f'ook niet mee eens? Dan kun je in beroep gaan bij de rechter. In het nieuwe besluit staat hoe.</p></section>'
    )


# --- /postkaart/ and /hoe-ging-het/<organisatie>/ ----------------------------------------------


def postcards_page(ctx, url: str, qr_codes: dict) -> str:
    """One A6 card per access organisation; ``qr_codes``: slug -> inline SVG (or None without site_url)."""
    cards = []
    for org in organisations(ctx.dataset):
        target = feedback_url(org.slug)
        address = (ctx.site_url.rstrip("/") + "/" + target) if ctx.site_url else None
        qr = qr_codes.get(org.slug)
        code = (f'<div class="ww-postcard__qr">{qr}</div>' if qr else
                '<p class="ww-placeholder ww-noprint">Hier komt de QR-code als site_url in mkdocs.yml staat.</p>')
        shown = esc(address.split("://", 1)[-1]) if address else f'<a href="{rel(url, target)}">Hoe ging het?</a>'
        phone = (f'<p>Liever bellen? {phone_link(org.telefoon, "")}</p>' if org.telefoon else "")
        cards.append(
            f'<li class="ww-postcard"><p class="ww-postcard__org">{esc(org.naam)}</p>'
            f'<h2 class="ww-postcard__title">Hoe ging het?</h2>'
            f'<p>Je had contact met {esc(org.naam)}. We willen graag weten hoe het ging. Het zijn een paar korte '
            f'vragen. Je hoeft je naam niet te geven.</p>{code}'
            f'<p>Scan de code met de camera van je telefoon. Of ga naar: <strong>{shown}</strong></p>{phone}</li>')
    return (
        '<div class="ww-postcards-page"><h1>Postkaarten "Hoe ging het?"</h1>'
        '<p class="ww-lead ww-noprint">Voor medewerkers: druk de kaarten af op A6 (één kaart per vel) en geef na '
        'een gesprek een kaart mee. Met de QR-code vertellen inwoners hoe het ging.</p>'
        '<p class="ww-noprint"><button type="button" class="ww-button" data-ww-print hidden>Afdrukken</button></p>'
        f'<ul class="ww-postcards">{"".join(cards)}</ul></div>'
    )


def _mail_address(g) -> str:
    fb = g.terugkoppeling
    return (fb.email if fb and fb.email else None) or g.contact.email or g.meldadres


def feedback_page(org: Organisation, ctx, url: str) -> str:
    """The short form behind a postcard. It posts to gemeente.yaml's terugkoppeling.formulier; without
    one it opens an e-mail with the answers (wegwijzer.js; without JavaScript the browser's own
    mailto form)."""
    g = ctx.dataset.gemeente
    fb = g.terugkoppeling
    subject = f"Hoe ging het? {org.naam}"
    if fb and fb.formulier and is_allowed_link(fb.formulier, allow_relative=False, schemes=WEB_SCHEMES):
        form_open = f'<form class="ww-feedback" action="{esc(fb.formulier)}" method="post">'
        after = ""
    else:
        address = _mail_address(g)
        form_open = (f'<form class="ww-feedback" action="mailto:{esc(address)}?subject={quote(subject)}" '
                     f'method="post" enctype="text/plain" data-ww-mail="{esc(address)}" '
                     f'data-ww-subject="{esc(subject)}">')
        after = ('<p class="ww-feedback__mail" role="status" hidden>Je e-mailprogramma opent nu met je antwoorden. '
                 'Druk daar op versturen. Gebeurt er niets? <a class="ww-feedback__link" href="#">Open de e-mail</a>.'
                 '</p>')
    fields = [f'<input type="hidden" name="organisatie" value="{esc(org.naam)}" data-question="Organisatie:">']
    for name, question, answers in QUESTIONS:
        options = "".join(f'<label class="ww-choice"><input type="radio" name="{name}" value="{esc(a)}"> '
                          f'{esc(a)}</label>' for a in answers)
        fields.append(f'<fieldset class="ww-question ww-question--{name}" data-question="{esc(question)}">'
                      f'<legend>{esc(question)}</legend>{options}</fieldset>')
    for name, question, kind in OPEN_QUESTIONS:
        asked = f'data-question="{esc(question)}"'
        control = (f'<textarea id="f-{name}" name="{name}" rows="4" maxlength="2000" {asked}></textarea>'
                   if kind == "textarea" else
                   f'<input id="f-{name}" name="{name}" type="text" maxlength="200" autocomplete="off" {asked}>')
        fields.append(f'<div class="ww-question"><label for="f-{name}">{esc(question)} '
                      f'<span class="ww-muted">(mag leeg blijven)</span></label>{control}</div>')
    return (
        f'<div class="ww-feedback-page"><h1>Hoe ging het?</h1>'
        f'<p class="ww-lead">Je had contact met {esc(org.naam)}. Vertel ons hoe het ging. Je hoeft je naam niet '
        f'te geven. Alle vragen mogen leeg blijven.</p>'
        f'{form_open}{"".join(fields)}<p><button type="submit" class="ww-button">Verstuur</button></p></form>{after}'
        f'<p>Wil je een klacht indienen? <a href="{rel(url, COMPLAINTS_URL)}">Zo doe je dat</a>.</p>'
        f'<p><a href="{rel(url, FRONT_DOOR_URL)}">Terug naar het loket</a></p></div>'
    )


def form_action_origin(gemeente) -> Optional[str]:
    """The address the feedback form posts to, for the Content-Security-Policy (None: e-mail)."""
    fb = gemeente.terugkoppeling if gemeente else None
    return fb.formulier if fb and fb.formulier else None
