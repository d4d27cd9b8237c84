"""The accessibility statement and the complaints text, made from gemeente.yaml.

Plain text blocks, no HTML: the site renders them (site/render.py) and `wegwijzer check`
reads the same blocks to warn about every fact that is still missing, so what the
checker reports is exactly what the page would show. A missing fact becomes a visible
placeholder ``[Vul in: …]`` (never invented), and the checker warns about each one.
A project that keeps its own content/toegankelijkheid.md uses that page instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..text import dutch_date
from .model import AccessibilityFacts, Municipality
from .vocab import TOEGANKELIJKHEID_STATUS

STATEMENT_FILE = "toegankelijkheid.md"  # in the content folder: an editor's own statement
# "[Vul in …]" in any case and spacing: text an editor still has to write.
PLACEHOLDER = re.compile(r"\[\s*vul\s+in\b[^\]\n]*\]", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    """One part of the page: kind is 'h2', 'p', 'ul' (items) or 'link' (text, then a link)."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    url: Optional[str] = None
    link_text: str = ""
    missing: Optional[str] = None  # the gemeente.yaml field an editor should fill in

    @property
    def placeholders(self) -> list[str]:
        return PLACEHOLDER.findall(" ".join((self.text, *self.items)))


def placeholder(what: str) -> str:
    return f"[Vul in: {what}]"


def _gap(field: str, what: str, before: str = "", after: str = "") -> Block:
    return Block("p", f"{before}{placeholder(what)}{after}", missing=field)


def accessibility_statement(gemeente: Municipality) -> list[Block]:
    """The blocks of /toegankelijkheid/ for a Municipality (records.model)."""
    facts = gemeente.toegankelijkheid
    blocks = [
        Block("p", "Iedereen moet deze website kunnen gebruiken. Ook als je slecht ziet, slecht hoort of geen "
                   "muis gebruikt. En ook als je moeite hebt met lezen. Daarom letten we op toegankelijkheid."),
        Block("h2", "Wat we doen"),
        Block("ul", items=("We schrijven in eenvoudige taal, op taalniveau B1.",
                           "De website werkt met alleen een toetsenbord.",
                           "De website werkt met een schermlezer en met vergroting.",
                           "Teksten en knoppen hebben genoeg contrast.",
                           "De website werkt ook goed op een telefoon.",
                           "De website laadt niets van andere websites.")),
        Block("h2", "Welke norm we volgen"),
        Block("p", "De website moet voldoen aan de norm WCAG 2.1, niveau AA. Dat is de Europese norm voor "
                   "toegankelijke websites. Overheden in Nederland moeten zich hieraan houden."),
        Block("h2", "Hoe ver zijn we?"),
    ]
    blocks += _progress(facts)
    blocks.append(Block("h2", "Wat nog niet goed werkt"))
    blocks += _known_problems(facts)
    blocks += [
        Block("p", "Sommige informatie komt van andere organisaties. Bijvoorbeeld een link naar hun website. "
                   "Die websites vallen niet onder deze verklaring."),
        Block("h2", "Loop je ergens tegenaan?"),
        Block("p", f"Kun je iets op deze website niet lezen of gebruiken? Mail dan naar {gemeente.meldadres}. "
                   "Dan zoeken we samen een oplossing."),
    ]
    if facts and facts.antwoord_binnen:
        blocks.append(Block("p", f"Je krijgt binnen {facts.antwoord_binnen} antwoord."))
    else:
        blocks.append(_gap("toegankelijkheid.antwoord_binnen", "binnen hoeveel werkdagen je antwoord krijgt",
                           "Je krijgt antwoord binnen ", "."))
    if gemeente.contact.telefoon:
        blocks.append(Block("p", f"Liever bellen? Bel de gemeente op {gemeente.contact.telefoon.display}."))
    blocks.append(Block("h2", "Niet tevreden over het antwoord?"))
    blocks += complaint_blocks(gemeente, "Ben je niet tevreden over hoe we je melding hebben opgepakt? "
                                         "Dan kun je een klacht indienen bij de gemeente.")
    blocks.append(Block("h2", "Toegankelijkheidsverklaring"))
    if facts and facts.verklaring:
        blocks.append(Block("link", "De officiële toegankelijkheidsverklaring staat in het register van de overheid.",
                            url=facts.verklaring, link_text="Lees de verklaring in het register"))
    else:
        blocks.append(_gap("toegankelijkheid.verklaring", "link naar de verklaring in het register",
                           "De officiële toegankelijkheidsverklaring staat in het register van de overheid. "))
    return blocks


def _progress(facts: Optional[AccessibilityFacts]) -> list[Block]:
    blocks = []
    if facts and facts.status:
        blocks.append(Block("p", TOEGANKELIJKHEID_STATUS[facts.status]))
    else:
        blocks.append(_gap("toegankelijkheid.status", "voldoet de website volledig, gedeeltelijk of nog niet aan "
                                                      "WCAG 2.1 AA?"))
    if facts and facts.onderzocht_op:
        blocks.append(Block("p", f"Dit hebben we het laatst gecontroleerd op {dutch_date(facts.onderzocht_op)}."))
    else:
        blocks.append(_gap("toegankelijkheid.onderzocht_op", "datum van het laatste onderzoek",
                           "Dit hebben we het laatst gecontroleerd op ", "."))
    if facts and facts.onderzocht_door:
        blocks.append(Block("p", f"Het onderzoek is gedaan door {facts.onderzocht_door}."))
    else:
        blocks.append(_gap("toegankelijkheid.onderzocht_door", "wie het onderzoek deed",
                           "Het onderzoek is gedaan door ", "."))
    return blocks


def _known_problems(facts: Optional[AccessibilityFacts]) -> list[Block]:
    if not facts or facts.bekende_problemen is None:
        return [_gap("toegankelijkheid.bekende_problemen", "de onderdelen die nog niet toegankelijk zijn, met de "
                                                           "reden")]
    if not facts.bekende_problemen:
        return [Block("p", "We weten nu van geen onderdelen die niet goed werken.")]
    blocks = [Block("ul", items=facts.bekende_problemen)]
    if facts.planning:
        blocks.append(Block("p", facts.planning))
    else:
        blocks.append(_gap("toegankelijkheid.planning", "wanneer deze onderdelen verbeterd zijn"))
    return blocks


def complaint_blocks(gemeente: Municipality, intro: str = "") -> list[Block]:
    """How to complain and where to go next: for the accessibility page and any complaints page."""
    complaints = gemeente.klachten
    blocks = [Block("p", intro)] if intro else []
    if complaints is None or not (complaints.uitleg or complaints.website or complaints.email
                                  or complaints.telefoon):
        return blocks + [_gap("klachten", "hoe en waar je een klacht indient")]
    if complaints.uitleg:
        blocks.append(Block("p", complaints.uitleg))
    if complaints.website:
        blocks.append(Block("link", "", url=complaints.website, link_text="Dien een klacht in via de website"))
    if complaints.email:
        blocks.append(Block("p", f"Of mail je klacht naar {complaints.email}."))
    if complaints.telefoon:
        blocks.append(Block("p", f"Of bel {complaints.telefoon.display}."))
    if complaints.antwoord_binnen:
        blocks.append(Block("p", f"Je krijgt binnen {complaints.antwoord_binnen} antwoord op je klacht."))
    ombudsman = complaints.ombudsman
    if ombudsman is None:
        blocks.append(_gap("klachten.ombudsman", "welke ombudsman voor deze gemeente geldt",
                           "Ben je daarna nog niet tevreden? Dan kun je naar de ombudsman. "))
        return blocks
    blocks.append(Block("p", f"Ben je daarna nog niet tevreden? Dan kun je naar de {ombudsman.naam}."
                        + (f" Bel {ombudsman.telefoon.display}." if ombudsman.telefoon else "")))
    if ombudsman.website:
        blocks.append(Block("link", "", url=ombudsman.website, link_text=f"Naar de website van de {ombudsman.naam}"))
    return blocks


def statement_gaps(gemeente: Municipality) -> list[tuple[str, str]]:
    """(field, placeholder text) for every fact the generated statement still lacks."""
    return [(block.missing, found) for block in accessibility_statement(gemeente) if block.missing
            for found in block.placeholders]
