"""Who decides on access to a voorziening, and what residents and referrers read about it.

``toegang`` says how a resident gets in (vrij, verwijzing, beschikking); the optional
``beslist`` says who decides. Without it a beschikking is the gemeente's, as most are. The
badge, the explanation and the first step on every page, card, handout and search result
come from here, so a Wlz record says that the CIZ decides wherever it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from .vocab import BESLISSERS, FIRST_STEP, TOEGANG, TOEGANG_EXPLANATIONS

if TYPE_CHECKING:
    from .model import Voorziening


def decider(v: Voorziening) -> Optional[str]:
    """Who decides (a key of vocab.BESLISSERS): the record's ``beslist``, else the gemeente for
    a beschikking. None where nobody decides (vrij toegankelijk) or a referral does not say."""
    if v.toegang == "vrij":
        return None
    return v.beslist or ("gemeente" if v.toegang == "beschikking" else None)


def _who(key: str) -> str:
    """'Het CIZ', 'De gemeente': the decider at the start of a sentence."""
    name = BESLISSERS[key]
    return name[0].upper() + name[1:]


def decision_badge(key: str) -> str:
    """The badge of a beschikking decided by ``key``: the gemeente's keeps its familiar words."""
    return TOEGANG["beschikking"] if key == "gemeente" else f"Besluit van {BESLISSERS[key]} nodig"


def access_label(v: Voorziening) -> str:
    """The badge: 'Vrij toegankelijk', 'Verwijzing nodig', 'Besluit van het CIZ nodig', ..."""
    key = decider(v)
    return decision_badge(key) if v.toegang == "beschikking" and key else TOEGANG[v.toegang]


def access_explanation(v: Voorziening) -> str:
    """One or two sentences: how a resident gets in, and who decides ('Het CIZ beslist of je
    Wlz-zorg krijgt.')."""
    key = decider(v)
    if key is None or (v.toegang == "beschikking" and key == "gemeente"):
        return TOEGANG_EXPLANATIONS[v.toegang]
    help_word = "Wlz-zorg" if v.wet == "Wlz" else "deze hulp"
    sentence = f"{_who(key)} beslist of je {help_word} krijgt."
    return f"{TOEGANG_EXPLANATIONS['verwijzing']} {sentence}" if v.toegang == "verwijzing" else sentence


def first_step(v: Voorziening) -> str:
    """The access route in one short sentence, before the record's ``aanmelden``."""
    if v.toegang == "beschikking":
        return f"{_who(decider(v) or 'gemeente')} beslist eerst."
    return FIRST_STEP[v.toegang]
