"""The normalised record model: what every consumer (site, search, vCards) reads.

Values here are already converted and checked; consumers never see raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Mapping, Optional

from ..text import month_year


@dataclass(frozen=True)
class Declared:
    """A model made from a table of the schema (records/schema/tables.py).

    ``extra`` holds the values of fields that are declared in the table but have no attribute
    here: a new optional field needs only its declaration and its documentation, and the record
    page and the search show it (records/extras.py). Keyword-only, so subclasses keep their own
    field order; left out of comparisons, as it only adds to what the named fields say. A plain
    dict, not a read-only view: the parallel loader sends records between processes (pickle).
    """

    extra: Mapping[str, Any] = field(default_factory=dict, kw_only=True, compare=False, repr=False)



@dataclass(frozen=True)
class Phone:
    display: str  # readable, e.g. "045 123 45 67"
    tel: str  # for tel: links, e.g. "+31451234567"


@dataclass(frozen=True)
class Contact(Declared):
    telefoon: Optional[Phone] = None
    whatsapp: Optional[Phone] = None
    email: Optional[str] = None
    website: Optional[str] = None
    professionals: Optional[Phone] = None  # a direct number for GPs and other referrers


@dataclass(frozen=True)
class Location(Declared):
    naam: Optional[str] = None
    adres: Optional[str] = None
    postcode: Optional[str] = None
    plaats: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    toegankelijkheid: Optional[str] = None
    kern: Optional[str] = None  # the kern it is in: given, or derived from `plaats`

    @property
    def has_coordinates(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class OpeningHours(Declared):
    dagen: tuple[str, ...]  # of "ma".."zo"
    van: str  # "HH:MM"
    tot: str  # "HH:MM", may be "24:00"
    toelichting: Optional[str] = None
    soort: str = "open"  # vocab.OPENINGSTIJD_SOORTEN: open hours or a spreekuur
    locatie: Optional[str] = None  # the naam of one of the record's locaties (checked when loading)

    @property
    def is_spreekuur(self) -> bool:
        return self.soort == "spreekuur"


@dataclass(frozen=True)
class WaitingTime(Declared):
    """How long a resident waits, as the editor wrote it, and when that was checked."""

    tekst: str  # "binnen 3 werkdagen een gesprek"
    gecontroleerd: date

    @property
    def summary(self) -> str:
        """As search results show it (Pagefind's meta and the Meilisearch document say the same)."""
        return f"{self.tekst} (nagevraagd in {month_year(self.gecontroleerd)})"


@dataclass(frozen=True)
class Referral(Declared):
    """What a GP or another professional needs to refer someone (/voor-professionals/)."""

    wie: tuple[str, ...] = ()  # who may refer: ("huisarts", "POH-GGZ")
    hoe: Optional[str] = None  # how to refer, plain text
    website: Optional[str] = None  # the referral form


@dataclass(frozen=True)
class Ombudsman(Declared):
    naam: str
    website: Optional[str] = None
    telefoon: Optional[Phone] = None


@dataclass(frozen=True)
class Complaints(Declared):
    """How a resident complains to the municipality: the accessibility page uses it, and so
    can any page about complaints (records/statement.py: complaint_blocks)."""

    uitleg: Optional[str] = None  # plain text: how to complain
    website: Optional[str] = None  # the complaint form
    email: Optional[str] = None
    telefoon: Optional[Phone] = None
    antwoord_binnen: Optional[str] = None  # "6 weken"
    ombudsman: Optional[Ombudsman] = None  # where to go next


@dataclass(frozen=True)
class Objection(Declared):
    """How a resident objects to a decision (bezwaar): the /klachten/ page says how and where."""

    uitleg: Optional[str] = None  # plain text
    website: Optional[str] = None  # the objection form
    email: Optional[str] = None
    adres: Optional[str] = None  # the postal address for a letter
    termijn: Optional[str] = None  # "6 weken" when not given (the law: Awb 6:7)


@dataclass(frozen=True)
class Channel(Declared):
    """One way into the front door (/een-loket/): phone, WhatsApp, e-mail, a web form, walking
    in or a home visit; with its hours and, for walking in, the address."""

    soort: str  # vocab.KANALEN
    telefoon: Optional[Phone] = None
    email: Optional[str] = None
    website: Optional[str] = None
    naam: Optional[str] = None  # the building, for walking in
    adres: Optional[str] = None
    postcode: Optional[str] = None
    plaats: Optional[str] = None
    tijden: tuple[OpeningHours, ...] = ()
    uitleg: Optional[str] = None


@dataclass(frozen=True)
class FrontDoor(Declared):
    """The one front door of the social domain (gemeente.yaml: loket)."""

    naam: Optional[str] = None  # "Sociaal Team Dalveld"
    uitleg: Optional[str] = None
    kanalen: tuple[Channel, ...] = ()
    gesprek_binnen: Optional[str] = None  # "5 werkdagen"
    organisaties: tuple[str, ...] = ()  # record ids of the access organisations (their faces, their postcards)
    clientondersteuning: Optional[str] = None  # record id


@dataclass(frozen=True)
class Feedback(Declared):
    """Where residents' answers on the feedback page go: a form address (POST), else an e-mail."""

    formulier: Optional[str] = None
    email: Optional[str] = None


@dataclass(frozen=True)
class AccessibilityFacts(Declared):
    """What the accessibility statement (/toegankelijkheid/) needs to say."""

    status: Optional[str] = None  # vocab.TOEGANKELIJKHEID_STATUS
    onderzocht_op: Optional[date] = None
    onderzocht_door: Optional[str] = None
    verklaring: Optional[str] = None  # the statement in the government register
    antwoord_binnen: Optional[str] = None  # "5 werkdagen"
    bekende_problemen: Optional[tuple[str, ...]] = None  # None: not filled in; (): none known
    planning: Optional[str] = None  # when the known problems are solved


@dataclass(frozen=True)
class SecurityContact(Declared):
    """/.well-known/security.txt (RFC 9116)."""

    verloopt: date
    email: Optional[str] = None
    website: Optional[str] = None
    beleid: Optional[str] = None
    talen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Municipality(Declared):
    naam: str
    kernen: tuple[str, ...]
    contact: Contact
    meldadres: str
    marktplaats: Optional[str] = None
    demo: bool = False
    toegankelijkheid: Optional[AccessibilityFacts] = None
    klachten: Optional[Complaints] = None
    bezwaar: Optional[Objection] = None
    loket: Optional[FrontDoor] = None
    terugkoppeling: Optional[Feedback] = None
    beveiliging: Optional[SecurityContact] = None
    crisis: tuple[CrisisLine, ...] = ()  # the municipality's own, shown besides the national ones


@dataclass(frozen=True)
class CrisisLine(Declared):
    """A line the search shows above the results when a question signals danger."""

    naam: str
    telefoon: tuple[Phone, ...]  # one or more
    soorten: tuple[str, ...]  # vocab.CRISIS_SOORTEN it is for
    chat: Optional[str] = None
    uitleg: Optional[str] = None


@dataclass(frozen=True)
class Voorziening(Declared):
    id: str
    naam: str
    samenvatting: str
    route: str
    toegang: str
    themas: tuple[str, ...]
    gecontroleerd: date
    doelgroepen: tuple[str, ...] = ()  # empty: everyone
    kernen: tuple[str, ...] = ()  # empty: the whole municipality
    beslist: Optional[str] = None  # who decides on access (records/access.py); None: the gemeente
    aanbieder: Optional[str] = None
    beschrijving: Optional[str] = None  # Markdown; raw HTML is never published
    aanmelden: Optional[str] = None
    verwijzen: Optional[Referral] = None
    kosten: Optional[str] = None
    kosten_toelichting: Optional[str] = None
    wet: Optional[str] = None
    contact: Contact = field(default_factory=Contact)
    locaties: tuple[Location, ...] = ()
    openingstijden: tuple[OpeningHours, ...] = ()
    trefwoorden: tuple[str, ...] = ()
    talen: tuple[str, ...] = ()
    status: str = "actief"
    geldig_tot: Optional[date] = None
    wachttijd: Optional[WaitingTime] = None
    source: Optional[Path] = None

    def place_of(self, hours: OpeningHours) -> Optional[Location]:
        """Where these hours are: the location they name. When no opening time of the record names
        a place, all of them are at its only location (if it has exactly one). None: no place
        (a phone line, or a record with several places)."""
        if hours.locatie:
            return next((loc for loc in self.locaties if loc.naam == hours.locatie), None)
        if len(self.locaties) == 1 and not any(h.locatie for h in self.openingstijden):
            return self.locaties[0]
        return None

    def hours_by_place(self) -> list[tuple[Optional[Location], list[OpeningHours]]]:
        """[(Location or None, [OpeningHours, ...]), ...]: every location with its hours, in the
        order of `locaties`, then the hours without a place (if any)."""
        groups: list[tuple[Optional[Location], list[OpeningHours]]] = [
            (loc, [h for h in self.openingstijden if self.place_of(h) is loc]) for loc in self.locaties]
        unplaced = [h for h in self.openingstijden if self.place_of(h) is None]
        return groups + ([(None, unplaced)] if unplaced else [])

    @property
    def local_kernen(self) -> tuple[str, ...]:
        """The kernen this record counts for: those it names and those its locations are in.
        A record that names no kern is also for the whole municipality (``kernen`` empty)."""
        return tuple(dict.fromkeys(self.kernen + tuple(loc.kern for loc in self.locaties if loc.kern)))


@dataclass(frozen=True)
class Face(Declared):
    id: str
    naam: str
    functie: str
    organisatie: str
    telefoon: Phone
    toestemming: date
    gecontroleerd: date
    voorziening: Optional[str] = None
    email: Optional[str] = None
    bereikbaar: Optional[str] = None
    vragen: tuple[str, ...] = ()
    kernen: tuple[str, ...] = ()
    foto: Optional[Path] = None  # absolute path of an existing photo, or None
    foto_alt: Optional[str] = None
    source: Optional[Path] = None

    @property
    def initials(self) -> str:
        parts = [p for p in self.naam.replace("-", " ").split() if p[:1].isupper()]
        if not parts:
            parts = self.naam.split()
        letters = parts[0][:1] + (parts[-1][:1] if len(parts) > 1 else "")
        return letters.upper()

    @property
    def alt_text(self) -> str:
        return self.foto_alt or self.naam


@dataclass
class Dataset:
    """Everything one data folder holds, after checking."""

    root: Path
    gemeente: Optional[Municipality]
    voorzieningen: list[Voorziening]  # published ones, sorted by id
    gezichten: list[Face]  # sorted by organisation, then name
    unpublished: list[Voorziening] = field(default_factory=list)  # past geldig_tot
    files_read: int = 0
    gemeente_lines: dict[str, int] = field(default_factory=dict)  # gemeente.yaml: field ('a.b') -> line
    record_ids: frozenset[str] = frozenset()  # every record file's id, also of records with errors or expired

    def voorziening(self, record_id: str) -> Optional[Voorziening]:
        return self._by_id().get(record_id)

    def _by_id(self) -> dict[str, Voorziening]:
        cache: Optional[dict[str, Voorziening]] = self.__dict__.get("_index")
        if cache is None:
            cache = {v.id: v for v in self.voorzieningen}
            self.__dict__["_index"] = cache
        return cache

    def faces_for(self, record_id: str) -> list[Face]:
        return [f for f in self.gezichten if f.voorziening == record_id]
