"""Load a whole data folder: every file, every cross-reference, every warning."""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import AbstractSet, Any, Callable, Iterator, Optional, TypeVar

from ..errors import UsageError
from ..text import quoted
from ..urls import RESERVED_FACE_IDS, RESERVED_RECORD_IDS, kern_slug, kern_url
from .access import decider
from .diagnostics import Collector, Diagnostic, display_path
from .files import FileRefused, real_folder, real_path
from .images import IMAGE_SUFFIXES, image_problem
from .model import Dataset, Face, Municipality, Voorziening
from .placeholders import warn_in_yaml
from .readability import readability_problems
from .schema import tables
from .schema.framework import INVALID, Context, build_model, convert_fields, did_you_mean, is_given
from .vocab import BESLISSERS
from .yamlsafe import Mapping, Node, Scalar, Sequence, YamlProblem, read_mapping

ID_PATTERN = re.compile(r"^[a-z0-9-]{1,80}$")
PHOTO_SUFFIXES = IMAGE_SUFFIXES
GEMEENTE_FILE = "gemeente.yaml"
DEFAULT_DATA_DIR = "voorzieningen"  # the data folder commands use when none is given
FACES_DIR = "gezichten"
STALE_AFTER_DAYS = 365
WAITING_TIME_STALE_AFTER_DAYS = 92  # three months: waiting times change faster than the rest
# Who decides on access under a law the gemeente does not carry out.
LAW_DECIDERS = {"Wlz": "ciz", "Zvw": "zorgverzekeraar"}
SECURITY_RENEW_DAYS = 30  # warn this long before security.txt expires


T = TypeVar("T")
PARALLEL_FROM = 400  # below this many records, starting worker processes costs more than it saves


class DataFolderMissing(UsageError):
    """The data folder given to a command does not exist (exit 2)."""


def load_dataset(root: Path, today: Optional[date] = None, cwd: Optional[Path] = None) -> tuple[Dataset, Collector]:
    """Return (Dataset, Collector). The dataset holds only what is safe to publish."""
    root = Path(root)
    if not root.is_dir():
        raise DataFolderMissing(f"De map '{root}' bestaat niet. Geef de map met de gegevens op.")
    loader = _Loader(root, today or date.today(), cwd or Path.cwd())
    with _no_cycle_collection():
        return loader.run(), loader.collector


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Loading allocates millions of small objects and creates no reference cycles, so
    Python's cycle collector would only rescan them, again and again (a fifth of the run
    at 10,000 records). Reference counting still frees everything as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Loader:
    def __init__(self, root: Path, today: date, cwd: Path):
        self.root = root
        self.today = today
        self.cwd = cwd.resolve()
        self.collector = Collector()
        self.files_read = 0
        self.kernen: Optional[tuple[str, ...]] = None
        self.gemeente_lines: dict[str, int] = {}  # "toegankelijkheid.status" -> line, for later warnings
        self._paths: dict[int, Path] = {}  # id(mapping) -> file, for checks that run after loading
        self.real_root = real_folder(root)  # links in the data folder may only lead inside it

    def shown(self, path: Path) -> str:
        return display_path(path, self.cwd)  # cheap: both sides are resolved once

    def run(self) -> Dataset:
        gemeente = self._load_gemeente()
        record_files = self._record_files(self.root, RESERVED_RECORD_IDS)
        records = self._load_records(record_files)
        ids = frozenset(path.stem for path in record_files)  # an invalid record is reported on its own
        faces: list[Face] = []
        for face, mapping in self._load_all(self._record_files(self.root / FACES_DIR, RESERVED_FACE_IDS), self._face):
            if self._references_known(mapping, ids) and face:
                faces.append(face)
        published, unpublished = self._split_published(records)
        self._gemeente_references(ids, {r.id for r in unpublished})
        faces.sort(key=lambda f: (f.organisatie.lower(), f.naam.lower()))
        return Dataset(self.root, gemeente, published, faces, unpublished, self.files_read, self.gemeente_lines,
                       ids)

    def context(self, path: Path) -> Context:
        return Context(self.collector, self.shown(path), self.kernen)

    # --- files ----------------------------------------------------------------------

    def _record_files(self, folder: Path, reserved: AbstractSet[str] = frozenset()) -> list[Path]:
        if not folder.is_dir():
            if os.path.lexists(folder):
                self.collector.error(self.shown(folder), 1, "",
                                     f"'{folder.name}' is geen map. De gezichtenkaarten horen in een map "
                                     f"{folder.name}/ in de gegevensmap; hernoem dit bestand.")
            return []
        files = []
        with os.scandir(folder) as scan:  # scandir knows file types without a stat per file
            entries = sorted((e for e in scan if e.name.endswith((".yaml", ".yml"))), key=lambda e: e.name)
        for entry in entries:
            path = folder / entry.name
            if path.name.startswith(".") or path.name == GEMEENTE_FILE:
                continue
            if entry.is_symlink() and not self._link_inside(path):
                continue
            if not entry.is_file():  # a folder, a dangling link, a pipe: never open it
                what = "een map" if entry.is_dir() else "geen gewoon bestand"
                self.collector.error(self.shown(path), 1, "",
                                     f"'{path.name}' is {what}, dus er kan geen record in staan. "
                                     "Geef het een andere naam of verwijder het.")
            elif path.stem in reserved:
                self.collector.error(self.shown(path), 1, "",
                                     f"De naam '{path.stem}' gebruikt de site zelf al voor een pagina of bestand. "
                                     f"Geef het bestand een andere naam, bijvoorbeeld {path.stem}-1.yaml.")
            elif path.suffix == ".yml":
                self.collector.error(self.shown(path), 1, "",
                                     f"Dit bestand wordt niet gelezen. Hernoem het naar {path.stem}.yaml.")
            elif path.suffix == ".yaml":
                if ID_PATTERN.match(path.stem):
                    files.append(path)
                else:
                    self.collector.error(
                        self.shown(path), 1, "",
                        "De bestandsnaam is ook het adres van de pagina. Gebruik alleen kleine letters, "
                        "cijfers en streepjes (hoogstens 80 tekens), bijvoorbeeld hoeskamer-schinveld.yaml.")
        return files

    def _link_inside(self, path: Path) -> bool:
        """A link in the data folder must lead to a file inside it (reported when it does not)."""
        try:
            real_path(path, self.real_root)
            return True
        except FileRefused as refused:
            self.collector.error(self.shown(path), 1, "", refused.message)
            return False

    def _read(self, path: Path) -> Optional[Mapping]:
        self.files_read += 1
        try:
            mapping = read_mapping(path, self.real_root)
            warn_in_yaml(mapping, self.collector, self.shown(path))
            return mapping
        except YamlProblem as problem:
            self.collector.error(self.shown(path), problem.line, "", problem.message)
        except OSError as err:
            self.collector.error(self.shown(path), 1, "", f"Het bestand kan niet worden gelezen: {err.strerror}.")
        return None

    def _load_records(self, paths: list[Path]) -> list[Voorziening]:
        """Valid voorzieningen; large folders are read on every core."""
        workers = min(os.cpu_count() or 1, len(paths) // PARALLEL_FROM)
        if workers < 2 or threading.active_count() > 1:  # fork is only safe single-threaded
            return [r for r, _ in self._load_all(paths, self._voorziening) if r]
        chunks = [paths[i::workers] for i in range(workers)]
        context = multiprocessing.get_context("fork")
        with context.Pool(workers) as pool:
            parts = pool.map(_load_records_chunk, [(self, chunk) for chunk in chunks])
        records = []
        for part_records, diagnostics, files_read in parts:
            records.extend(part_records)
            self.collector.diagnostics.extend(diagnostics)
            self.files_read += files_read
        return records

    def _load_all(self, paths: list[Path], load_one: Callable[[Path, Mapping], tuple[Optional[T], Mapping]]
                  ) -> list[tuple[Optional[T], Mapping]]:
        """(item or None, mapping) for every readable file."""
        results = []
        for path in paths:
            mapping = self._read(path)
            if mapping is not None:
                self._paths[id(mapping)] = path
                results.append(load_one(path, mapping))
        return results

    # --- gemeente.yaml --------------------------------------------------------------

    def _load_gemeente(self) -> Optional[Municipality]:
        path = self.root / GEMEENTE_FILE
        if not os.path.lexists(path):
            self.collector.error(self.shown(path), 1, "",
                                 "gemeente.yaml ontbreekt. Maak dit bestand met naam, kernen, contact en meldadres.")
            return None
        mapping = self._read(path)
        if mapping is None:
            return None
        self._gemeente_mapping = mapping
        ctx = self.context(path)
        values, ok = convert_fields(mapping, tables.GEMEENTE_FIELDS, ctx)
        if values.get("kernen") == ():  # also when other fields are wrong: report everything
            ctx.error(mapping.get("kernen") or mapping, "kernen", "Noem minstens één kern (dorp of wijk).")
            ok = False
        elif values.get("kernen") and not _kern_addresses_unique(values["kernen"], mapping.get("kernen") or mapping,
                                                                 ctx):
            ok = False
        self.kernen = values.get("kernen") or None  # records are checked against valid kernen
        self.gemeente_lines = _field_lines(mapping)
        if values.get("beveiliging"):
            self._warn_security_expiry(values["beveiliging"].verloopt, mapping, ctx)
        return build_model(Municipality, values) if ok else None

    def _warn_security_expiry(self, expires: date, mapping: Mapping, ctx: Context) -> None:
        section = mapping.get("beveiliging")  # a Mapping: it converted
        node = (section.get("verloopt") if isinstance(section, Mapping) else None) or mapping
        days = (expires - self.today).days
        if days < 0:
            ctx.warning(node, "beveiliging.verloopt",
                        f"security.txt is verlopen sinds {expires.isoformat()}. Controleer de gegevens onder "
                        "beveiliging: en zet een nieuwe datum, uiterlijk over een jaar.")
        elif days <= SECURITY_RENEW_DAYS:
            ctx.warning(node, "beveiliging.verloopt",
                        f"security.txt verloopt over {days} dagen. Controleer de gegevens onder beveiliging: en "
                        "zet een nieuwe datum, uiterlijk over een jaar.")
        elif days > 366:
            ctx.warning(node, "beveiliging.verloopt",
                        "Deze datum ligt meer dan een jaar vooruit. Kies een datum binnen een jaar, zodat de "
                        "gegevens geregeld worden gecontroleerd.")

    # --- records --------------------------------------------------------------------

    def _voorziening(self, path: Path, mapping: Mapping) -> tuple[Optional[Voorziening], Mapping]:
        ctx = self.context(path)
        values, ok = convert_fields(mapping, tables.VOORZIENING_FIELDS, ctx)
        if values.get("themas") == ():
            ctx.error(mapping.get("themas") or mapping, "themas", "Noem minstens één thema.")
            ok = False
        if is_given(mapping, "openingstijden") and not self._places_known(values, mapping, ctx):
            ok = False
        if not ok:
            return None, mapping
        record = build_model(Voorziening, values, id=path.stem, source=path)
        self._warn_voorziening(record, mapping, ctx)
        return record, mapping

    def _places_known(self, values: dict[str, Any], mapping: Mapping, ctx: Context) -> bool:
        """Each opening time's `locatie` names one of the record's locaties (any case). Checked on
        the file's own lines, so it is reported even when another part of the hours is wrong; valid
        hours keep that location's own naam, so the site finds the place."""
        if "locaties" not in values and is_given(mapping, "locaties"):
            return True  # the locaties are wrong themselves: reported there
        named: dict[str, list[str]] = {}
        for loc in values.get("locaties", ()):
            if loc.naam:
                named.setdefault(loc.naam.lower(), []).append(loc.naam)
        nodes = mapping.get("openingstijden")
        items = nodes.items if isinstance(nodes, Sequence) else []
        canonical: dict[int, str] = {}
        ok = True
        for index, item in enumerate(items):
            node = item.get("locatie") if isinstance(item, Mapping) else None
            if not isinstance(node, Scalar) or not node.value.strip():
                continue
            wanted = node.value.strip()
            found = named.get(wanted.lower(), [])
            if len(found) == 1:
                canonical[index] = found[0]
                continue
            ok = False
            if len(found) > 1:
                ctx.error(node, "openingstijden.locatie",
                          f"Er zijn {len(found)} locaties met de naam '{found[0]}'. Geef ze elk een eigen naam, "
                          "dan weet de site welke plek je bedoelt.")
            elif not named:
                ctx.error(node, "openingstijden.locatie",
                          f"Er is geen locatie met de naam '{wanted}': geen van de locaties heeft een naam. "
                          "Geef de plek onder 'locaties' een naam: 'naam: ...', en schrijf die naam hier.")
            else:
                names = [group[0] for group in named.values()]
                ctx.error(node, "openingstijden.locatie",
                          f"Er is geen locatie met de naam '{wanted}'.{did_you_mean(wanted, names)} "
                          f"Kies uit: {', '.join(names)}.")
        if ok and "openingstijden" in values:
            values["openingstijden"] = tuple(replace(hours, locatie=canonical[i]) if i in canonical else hours
                                             for i, hours in enumerate(values["openingstijden"]))
        return ok

    def _warn_voorziening(self, record: Voorziening, mapping: Mapping, ctx: Context) -> None:
        self._warn_stale(record.gecontroleerd, mapping, ctx)
        if record.wachttijd and (self.today - record.wachttijd.gecontroleerd).days > WAITING_TIME_STALE_AFTER_DAYS:
            node = mapping.get("wachttijd") or mapping
            ctx.warning((node.get("gecontroleerd") or node) if isinstance(node, Mapping) else node,
                        "wachttijd.gecontroleerd",
                        f"De wachttijd is op {record.wachttijd.gecontroleerd.isoformat()} voor het laatst nagevraagd, "
                        "meer dan drie maanden geleden. Vraag hem opnieuw na en zet de datum van vandaag bij "
                        "'gecontroleerd' onder 'wachttijd'.")
        if record.geldig_tot and record.geldig_tot < self.today:
            ctx.warning(mapping.get("geldig_tot") or mapping, "geldig_tot",
                        f"Deze voorziening was geldig tot {record.geldig_tot.isoformat()} en staat daarom niet "
                        "meer op de site. Verleng de datum als ze nog bestaat, of verwijder het bestand.")
        if record.toegang in ("verwijzing", "beschikking") and not record.aanmelden:
            ctx.warning(mapping.get("toegang") or mapping, "aanmelden",
                        f"Bij toegang '{record.toegang}' moet een inwoner weten wat de eerste stap is. "
                        "Voeg 'aanmelden: ...' toe, bijvoorbeeld: Vraag een verwijzing aan de huisarts.")
        self._warn_decider(record, mapping, ctx)
        problems = readability_problems(record.samenvatting)
        if problems:
            ctx.warning(mapping.get("samenvatting") or mapping, "samenvatting",
                        "De samenvatting is moeilijk te lezen: " + "; ".join(problems)
                        + ". Schrijf korte zinnen met gewone woorden.")

    @staticmethod
    def _warn_decider(record: Voorziening, mapping: Mapping, ctx: Context) -> None:
        """Who decides must match how one gets in, and the law: the gemeente decides nothing under
        the Wlz (the CIZ does) or the Zvw (the zorgverzekeraar, or a GP's referral)."""
        node = mapping.get("beslist") or mapping.get("toegang") or mapping
        if record.beslist and record.toegang == "vrij":
            ctx.warning(node, "beslist", "Bij toegang 'vrij' kan iedereen zo komen en beslist niemand. Haal 'beslist' "
                                         "weg, of kies toegang verwijzing of beschikking.")
        elif record.wet in LAW_DECIDERS and decider(record) == "gemeente":
            right = LAW_DECIDERS[record.wet]
            ctx.warning(node, "beslist", f"Bij de {record.wet} beslist {BESLISSERS[right]}, niet de gemeente. "
                                         f"Zet 'beslist: {right}' bij deze voorziening.")

    def _warn_stale(self, checked: date, mapping: Mapping, ctx: Context) -> None:
        age = (self.today - checked).days
        if age > STALE_AFTER_DAYS:
            ctx.warning(mapping.get("gecontroleerd") or mapping, "gecontroleerd",
                        f"Dit is {age // 30} maanden geleden voor het laatst gecontroleerd. "
                        "Controleer de gegevens en zet de datum van vandaag bij 'gecontroleerd'.")
        elif checked > self.today:
            ctx.warning(mapping.get("gecontroleerd") or mapping, "gecontroleerd",
                        "Deze datum ligt in de toekomst. Zet de datum waarop je de gegevens controleerde.")

    # --- face cards -----------------------------------------------------------------

    def _face(self, path: Path, mapping: Mapping) -> tuple[Optional[Face], Mapping]:
        ctx = self.context(path)
        values, ok = convert_fields(mapping, tables.FACE_FIELDS, ctx)
        photo = self._photo(path, values.pop("foto", None), mapping, ctx)
        if not ok or photo is INVALID:
            return None, mapping
        if values["toestemming"] > self.today:
            ctx.error(mapping.get("toestemming") or mapping, "toestemming",
                      f"De datum van toestemming ({values['toestemming'].isoformat()}) ligt in de toekomst. Zet de "
                      "datum waarop deze persoon toestemming gaf; tot die dag komt de kaart niet online.")
            return None, mapping
        face = build_model(Face, values, id=path.stem, foto=photo, source=path)
        self._warn_stale(face.gecontroleerd, mapping, ctx)
        return face, mapping

    def _photo(self, card: Path, named: Optional[str], mapping: Mapping, ctx: Context) -> Any:  # Path, None, INVALID
        """The face card's photo: the file named in `foto`, or <id>.jpg (.png, .webp) beside the card.
        It must be inside the data folder and decode in full (records/images.py)."""
        folder = card.parent
        if named is None:
            for suffix in PHOTO_SUFFIXES:
                candidate = folder / f"{card.stem}{suffix}"
                if os.path.lexists(candidate):
                    return self._photo_file(candidate, mapping, ctx)
            ctx.warning(mapping, "foto",
                        f"Er is geen foto. De kaart toont nu initialen. Zet een foto naast de kaart als "
                        f"{card.stem}.jpg (alleen met toestemming).")
            return None
        node = mapping.get("foto") or mapping
        candidate = folder / named
        if named.startswith(("/", "\\")) or ":" in named or not candidate.resolve().is_relative_to(self.real_root):
            ctx.error(node, "foto", f"De foto {quoted(named)} staat buiten de gegevensmap. Zet de foto in de map "
                                    "gezichten/ en schrijf alleen de bestandsnaam.")
            return INVALID
        if candidate.suffix.lower() not in PHOTO_SUFFIXES:
            ctx.error(node, "foto", f"{quoted(named)} is geen foto die de site kan tonen. "
                                    "Gebruik .jpg, .jpeg, .png of .webp.")
            return INVALID
        if not os.path.lexists(candidate):
            ctx.warning(node, "foto", f"De foto {quoted(named)} is niet gevonden in gezichten/. De kaart toont nu "
                                      "initialen. Controleer de bestandsnaam.")
            return None
        return self._photo_file(candidate, node, ctx)

    def _photo_file(self, candidate: Path, node: Node, ctx: Context) -> Any:  # a Path or INVALID
        """The photo's real path, or INVALID with the reason (a link out of the data folder, a pipe, a
        file that is no whole JPEG, PNG or WebP image, too many pixels)."""
        problem = image_problem(candidate, self.real_root)
        if problem:
            ctx.error(node, "foto", problem)
            return INVALID
        return candidate.resolve()

    # --- cross-references -----------------------------------------------------------

    def _references_known(self, mapping: Mapping, ids: AbstractSet[str]) -> bool:
        """A face card's `voorziening` must name an existing record file."""
        node = mapping.get("voorziening")
        wanted = node.value.strip() if isinstance(node, Scalar) else ""
        if not wanted or wanted in ids:
            return True
        self.collector.error(self.shown(self._current_path(mapping)), (node or mapping).line, "voorziening",
                             f"Er is geen voorziening met id '{wanted}' (een bestand {wanted}.yaml)."
                             + did_you_mean(wanted, ids))
        return False

    def _gemeente_references(self, ids: AbstractSet[str], unpublished: AbstractSet[str]) -> None:
        """gemeente.yaml's loket names records: each must exist, and should be on the site."""
        mapping = getattr(self, "_gemeente_mapping", None)
        loket = mapping.get("loket") if mapping is not None else None
        if not isinstance(loket, Mapping):
            return
        ctx = self.context(self.root / GEMEENTE_FILE)
        named = loket.get("organisaties")
        pairs = [(node, "loket.organisaties") for node in (named.items if isinstance(named, Sequence) else [named])]
        pairs.append((loket.get("clientondersteuning"), "loket.clientondersteuning"))
        for node, field in pairs:
            if isinstance(node, Scalar) and node.value.strip():
                check_reference(ctx, node, field, node.value.strip(), ids, unpublished)

    def _current_path(self, mapping: Mapping) -> Path:
        return self._paths[id(mapping)]

    def _split_published(self, records: list[Voorziening]) -> tuple[list[Voorziening], list[Voorziening]]:
        expired = [bool(r.geldig_tot and r.geldig_tot < self.today) for r in records]
        published = [r for r, gone in zip(records, expired, strict=True) if not gone]
        unpublished = [r for r, gone in zip(records, expired, strict=True) if gone]
        return sorted(published, key=lambda r: r.id), unpublished


def check_reference(ctx: Context, node: Node, field: str, wanted: str, ids: AbstractSet[str],
                    unpublished: AbstractSet[str], missing_is_error: bool = True) -> bool:
    """A reference to a record by its id: an error when no such file exists (a warning with
    ``missing_is_error`` off: the step is left out), a warning when the record is no longer on
    the site (its geldig_tot has passed). True when it can be shown."""
    if wanted not in ids:
        message = (f"Er is geen voorziening met id '{wanted}' (een bestand {wanted}.yaml)."
                   + did_you_mean(wanted, ids))
        if missing_is_error:
            ctx.error(node, field, message)
        else:
            ctx.warning(node, field, message + " Deze stap staat daarom niet op de site.")
        return False
    if wanted in unpublished:
        ctx.warning(node, field, f"De voorziening '{wanted}' staat niet meer op de site (geldig_tot is voorbij). "
                                 "Kies een andere, of verleng de datum in het bestand.")
        return False
    return True


def _kern_addresses_unique(kernen: tuple[str, ...], node: Node, ctx: Context) -> bool:
    """Every kern gets its own page (kern/<slug>/), filter value and facet: two names that make the
    same slug ('Dalveld' and 'Dalveld!', or 'é' typed two ways) would silently share one."""
    first: dict[str, str] = {}  # slug -> the kern that has it
    ok = True
    for name in kernen:
        slug = kern_slug(name)
        if slug in first:
            ctx.error(node, "kernen", f"De kernen {quoted(first[slug])} en {quoted(name)} krijgen hetzelfde adres op "
                                      f"de site ({kern_url(name)}). Geef elke kern een naam die meer verschilt, of "
                                      "noem hem één keer.")
            ok = False
        else:
            first[slug] = name
    return ok


def _field_lines(mapping: Mapping, prefix: str = "") -> dict[str, int]:
    """The line of every field (nested ones as 'a.b'); a missing field's parent line stands in later."""
    lines = {}
    for key, (line, node) in mapping.entries.items():
        lines[prefix + key] = line
        if isinstance(node, Mapping):
            lines.update(_field_lines(node, prefix + key + "."))
    return lines


def _load_records_chunk(job: tuple[_Loader, list[Path]]) -> tuple[list[Voorziening], list[Diagnostic], int]:
    """Worker: load some record files with a copy of the parent's loader state."""
    loader, paths = job
    loader.collector = Collector()
    loader.files_read = 0
    records = [r for r, _ in loader._load_all(paths, loader._voorziening) if r]
    return records, loader.collector.diagnostics, loader.files_read
