"""Shared helpers for the test suite: paths, data folders, the CLI, site builds, servers.

Fixtures live in conftest.py; everything a test imports lives here.

Data-folder tests build a small folder per test:

    def test_something(data_dir):
        write(data_dir, "hoeskamer.yaml", '''
            naam: Hoeskamer
            ...
        ''')
        dataset, collector = load(data_dir)          # in process, fixed date
        code, out, err = check(data_dir, "--strict")  # the real CLI, in a subprocess

`data_dir` is ``<tmp>/voorzieningen`` with a valid gemeente.yaml (kernen Amstenrade and
Hulsberg). Both `load` and `check` run from ``<tmp>``, so paths come out as an editor
sees them: ``voorzieningen/hoeskamer.yaml``.

Date warnings depend on "today": `load` uses the fixed TODAY; the CLI uses the real
date, so records meant for the CLI use RECENT as their `gecontroleerd`.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import io
import json
import subprocess
import sys
import textwrap
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import requests
from meilisearch.errors import MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError
from meilisearch.models.index import IndexStats
from meilisearch.models.key import Key, KeysResults
from meilisearch.models.task import Task, TaskInfo

from wegwijzer.errors import WegwijzerError
from wegwijzer.records.dataset import load_dataset

REPO = Path(__file__).resolve().parent.parent
DEMO_DATA = REPO / "voorzieningen"
CONTENT = REPO / "content"
MKDOCS_YML = REPO / "mkdocs.yml"
PROJECT_SYNONYMS = REPO / "search" / "synoniemen.yaml"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

TODAY = date(2026, 11, 23)  # "today" for in-process loads: date warnings stay deterministic
RECENT = (date.today() - timedelta(days=7)).isoformat()  # never stale for the CLI's real today
CLI_TIMEOUT = 20  # seconds; a hang fails the test instead of the whole run

GEMEENTE_YAML = """\
naam: Beekdaelen
kernen: [Amstenrade, Hulsberg]
contact:
  telefoon: "14 046"
  email: info@gemeente.example
  website: https://www.gemeente.example
meldadres: socialekaart@gemeente.example
"""


def minimal_record(extra: str = "", gecontroleerd: str = "2026-09-01") -> str:
    """A valid voorziening with only the required fields (lines 1-6), plus ``extra`` lines."""
    return (
        "naam: Hoeskamer Amstenrade\n"
        "samenvatting: Een huiskamer in het dorp. Kom langs voor koffie.\n"
        "route: samen\n"
        "toegang: vrij\n"
        "themas: [ontmoeten]\n"
        f"gecontroleerd: {gecontroleerd}\n"
        + textwrap.dedent(extra).lstrip("\n")
    )


def minimal_face(extra: str = "", gecontroleerd: str = "2026-09-01") -> str:
    """A valid face card with only the required fields (lines 1-6), plus ``extra`` lines."""
    return (
        "naam: Anne Voorbeeld\n"
        "functie: Ouderenadviseur\n"
        "organisatie: Stichting Welzijn Beekdaelen\n"
        "telefoon: 06 12345678\n"
        "toestemming: 2026-03-14\n"
        f"gecontroleerd: {gecontroleerd}\n"
        + textwrap.dedent(extra).lstrip("\n")
    )


def write(folder: Path, relpath: str, text) -> Path:
    """Write ``text`` (dedented; bytes are written as they are) to ``folder/relpath``."""
    path = Path(folder) / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def load(folder: Path, today: date = TODAY):
    """load_dataset in this process, run from the folder's parent: (Dataset, Collector)."""
    folder = Path(folder)
    return load_dataset(folder, today=today, cwd=folder.parent)


def check(folder: Path, *args: str, timeout: float = CLI_TIMEOUT):
    """Run ``python -m wegwijzer check <folder> *args`` from the folder's parent.

    Returns (exit code, stdout, stderr). A run that takes longer than ``timeout``
    raises subprocess.TimeoutExpired, which fails the test.
    """
    folder = Path(folder)
    proc = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "check", folder.name, *args],
        cwd=folder.parent, capture_output=True, text=True, encoding="utf-8", timeout=timeout,
    )
    return proc.returncode, proc.stdout, proc.stderr


def diagnostics_for(collector, path: str, field: str = None) -> list:
    """The diagnostics for one printed path (and field, if given)."""
    return [d for d in collector.diagnostics
            if d.path == path and (field is None or d.field == field)]


def the_diagnostic(collector, path: str, field: str = None):
    """The one diagnostic for ``path`` (and ``field``); fails if there is not exactly one."""
    found = diagnostics_for(collector, path, field)
    assert len(found) == 1, f"expected one diagnostic for {path} {field or ''}, got: " + "\n".join(
        d.format() for d in collector.diagnostics)
    return found[0]


# --- site builds and a local server ------------------------------------------------------

# Each payload tries another way in: a script tag, an event handler, a template.
PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">{{ 7*7 }}'
SHORT = '<img src=x onerror=window.__pwned=1>{{7*7}}'  # fits 80-character fields


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def small_dataset(folder: Path, expired: bool = True) -> Path:
    write(folder, "gemeente.yaml", GEMEENTE_YAML + "marktplaats: https://voorelkaar.example\ndemo: ja\n")
    write(folder, "hoeskamer.yaml", f"""
        naam: Hoeskamer Amstenrade
        samenvatting: Een huiskamer in het dorp. Kom langs voor koffie.
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        kernen: [Amstenrade]
        aanmelden: Gewoon binnenlopen.
        contact:
          telefoon: 045 123 45 67
        openingstijden:
          - dagen: [di, do]
            van: 10:00
            tot: 12:00
        gecontroleerd: {RECENT}
    """)
    write(folder, "schuldhulp.yaml", f"""
        naam: Schuldhulp Beekdaelen
        samenvatting: Hulp als je schulden hebt. Een coach kijkt samen met je naar je geld.
        route: laten
        toegang: verwijzing
        themas: [geld]
        doelgroepen: [volwassenen]
        aanmelden: Bel het sociaal team.
        wet: Participatiewet
        gecontroleerd: {RECENT}
    """)
    write(folder, "gesloten.yaml", f"""
        naam: Inloop Hulsberg
        samenvatting: Een inloop voor iedereen. Nu even dicht.
        route: samen
        toegang: vrij
        themas: [ontmoeten]
        status: tijdelijk-gesloten
        gecontroleerd: {RECENT}
    """)
    if expired:
        write(folder, "verlopen.yaml", f"""
            naam: Oude Zomeractie
            samenvatting: Een actie die voorbij is.
            route: zelf
            toegang: vrij
            themas: [geld]
            geldig_tot: 2020-01-01
            gecontroleerd: {RECENT}
        """)
    write(folder, "gezichten/anne-voorbeeld.yaml", f"""
        naam: Anne Voorbeeld
        functie: Ouderenadviseur
        organisatie: Stichting Welzijn Beekdaelen
        voorziening: hoeskamer
        telefoon: 06 12345678
        vragen: [Eenzaamheid, Vervoer]
        toestemming: 2026-03-14
        gecontroleerd: {RECENT}
    """)
    return folder


def injection_dataset(folder: Path) -> Path:
    """Injection strings in every text field of a record and of a face card."""
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    write(folder, "injectie.yaml", f"""
        naam: {q("Inloop " + SHORT)}
        samenvatting: {q("Kom langs. " + PAYLOAD)}
        route: samen
        toegang: verwijzing
        themas: [ontmoeten]
        aanbieder: {q("Stichting " + PAYLOAD)}
        beschrijving: {q("Tekst " + PAYLOAD + " [klik](javascript:window.__pwned=1) ![x](https://evil.example/x.png)"
                        + chr(10) + "{: onclick=window.__pwned=1 }" + chr(10) + chr(10)
                        + "<div onmouseover=window.__pwned=1>x</div>")}
        aanmelden: {q("Bel ons. " + PAYLOAD)}
        kosten: bijdrage
        kosten_toelichting: {q("Vijf euro " + PAYLOAD)}
        contact:
          telefoon: 045 123 45 67
          website: https://voorbeeld.example/pad?a=1&b=2
        locaties:
          - naam: {q("Zaal " + PAYLOAD)}
            adres: {q("Straat 1 " + PAYLOAD)}
            postcode: 6436 AA
            plaats: {q("Amstenrade " + SHORT)}
            toegankelijkheid: {q("Drempel " + PAYLOAD)}
        openingstijden:
          - dagen: [ma]
            van: 9:00
            tot: 17:00
            toelichting: {q("Niet in de vakantie " + PAYLOAD)}
        trefwoorden: [{q("koffie " + SHORT)}]
        gecontroleerd: {RECENT}
    """)
    write(folder, "gezichten/injectie-gezicht.yaml", f"""
        naam: {q("Anne " + SHORT)}
        functie: {q("Adviseur " + SHORT)}
        organisatie: {q("Welzijn " + PAYLOAD)}
        voorziening: injectie
        telefoon: 06 12345678
        bereikbaar: {q("ma-vr " + PAYLOAD)}
        vragen: [{q("Geld " + PAYLOAD)}]
        foto_alt: {q("Foto " + PAYLOAD)}
        toestemming: 2026-03-14
        gecontroleerd: {RECENT}
    """)
    photo(folder / "gezichten" / "injectie-gezicht.jpg")
    return folder


def photo(path: Path, colour=(90, 130, 170)):
    from PIL import Image
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (600, 800), colour).save(path, "JPEG")
    return path


MEILI_VARIABLES = ("MEILI_URL", "MEILI_SEARCH_KEY", "MEILI_INDEX", "MEILI_MASTER_KEY")


def project_config(folder: Path, replacements: dict = None) -> Path:
    """A copy of the repository's mkdocs.yml in ``folder``, with its house style (build/) and
    the web editor's bundle still taken from the repository and each ``old: new`` text of ``replacements`` applied."""
    text = MKDOCS_YML.read_text(encoding="utf-8").replace("custom_dir: build", f"custom_dir: {REPO / 'build'}")
    # The web editor's bundle, too, comes from the repository (admin/node_modules).
    text = text.replace("      admin:\n", f"      admin:\n        node_modules: {REPO / 'admin' / 'node_modules'}\n")
    for old, new in (replacements or {}).items():
        assert old in text, f"{old!r} is not in mkdocs.yml"
        text = text.replace(old, new)
    path = Path(folder) / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Build:
    """What `wegwijzer build` did: its exit code and everything it printed (errors included)."""

    code: int
    output: str

    @property
    def ok(self) -> bool:
        return self.code == 0


def build(data_dir: Path, site_dir: Path, env: dict = None, config_file: Path = None,
          site_config: Path = None) -> Build:
    """Build in process, as `wegwijzer build` does. The build sees only the MEILI_* variables in
    ``env`` (none by default, whatever the shell has) and only the .wegwijzer/meili.json at
    ``site_config`` (none by default)."""
    import pytest

    from wegwijzer.site import plugin
    from wegwijzer.site.sitebuild import build_site
    out = io.StringIO()
    code = 0
    with pytest.MonkeyPatch.context() as mp:
        for name in MEILI_VARIABLES:
            mp.delenv(name, raising=False)
        for name, value in (env or {}).items():
            mp.setenv(name, value)
        mp.setattr(plugin, "SITE_CONFIG_FILE", Path(site_config or Path(site_dir).parent / "geen-meili.json"))
        try:
            build_site(str(config_file or MKDOCS_YML), data_dir and str(data_dir), str(site_dir), out=out)
        except WegwijzerError as err:  # what `wegwijzer build` prints on stderr
            print(err.message, file=out)
            code = err.exit_code
    return Build(code, out.getvalue())


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site_dir: Path):
    """Serve ``site_dir`` on 127.0.0.1; returns (base URL, server). Call server.shutdown()."""
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


# --- small datasets made from the model classes ------------------------------------------------


def model_dataset():
    """A tiny Dataset built directly from the model classes (no YAML)."""
    from wegwijzer.records.model import Contact, Dataset, Face, Location, Municipality, Phone, Voorziening

    gemeente = Municipality("Beekdaelen", ("Nuth", "Sint Joost", "Schinveld"),
                            Contact(telefoon=Phone("14 046", "14046")), "meld@gemeente.example")
    hoeskamer = Voorziening(
        id="hoeskamer-schinveld", naam="Hoeskamer Schinveld", samenvatting="Een huiskamer in het dorp.",
        route="samen", toegang="vrij", themas=("ontmoeten",), gecontroleerd=date(2026, 9, 1),
        doelgroepen=("ouderen",), kernen=("Schinveld",), aanbieder="Stichting Welzijn",
        beschrijving="Elke **dinsdag** koffie. Zie [de website](https://welzijn.example).\n<b>raw</b>",
        contact=Contact(telefoon=Phone("045 123 45 67", "+31451234567")),
        locaties=(Location(naam="Zonder coördinaten", plaats="Schinveld"),
                  Location(naam="De Aod Sjoel", adres="Kerkstraat 1", postcode="6451 AA", plaats="Schinveld",
                           lat=50.9704, lon=5.9801)),
        trefwoorden=("koffie", "eenzaam"), kosten="gratis")
    schuldhulp = Voorziening(
        id="schuldhulp", naam="Schuldhulpverlening", samenvatting="Hulp bij schulden.",
        route="laten", toegang="verwijzing", themas=("geld",), gecontroleerd=date(2026, 9, 1),
        aanmelden="Bel de gemeente.")
    face = Face(id="anne-voorbeeld", naam="Anne Voorbeeld", functie="Schuldhulpverlener", organisatie="Gemeente",
                telefoon=Phone("06 12345678", "+31612345678"), toestemming=date(2026, 3, 14),
                gecontroleerd=date(2026, 9, 1), voorziening="schuldhulp", vragen=("Schulden", "Post"))
    return Dataset(Path("."), gemeente, [hoeskamer, schuldhulp], [face])


# --- synthetic data (benchmarks/synthetic.py) --------------------------------------------------


def synthetic_module():
    """The benchmarks' generator: ``write_dataset(folder, n_records, n_faces, seed)``, loaded once."""
    name = "wegwijzer_synthetic"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "synthetic.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


def link_server_module():
    """benchmarks/linkserver.py: ``LinkServer(host, delay, slow, tls)``, a real HTTP server on loopback."""
    name = "wegwijzer_linkserver"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "linkserver.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


# --- a test double of our usage of meilisearch-python -----------------------------------------
#
# Shared helpers for the search tests (kept out of conftest.py on purpose).
#
# ``ClientDouble`` is a hand-written TEST DOUBLE OF OUR OWN USAGE of meilisearch-python:
# it implements only the calls search/indexer.py and search/keys.py make, returns the
# client's real model classes (TaskInfo, Task, Key, IndexStats) and raises the client's
# real exceptions, and it can simulate a failed task, a refused connection, a wrong key
# and a timeout. It proves our control flow. It is NOT a model of Meilisearch and proves
# nothing about compatibility with a real server: that is what test_meili_live.py is for.

STAMP = "2026-01-01T00:00:00.000000Z"


def api_error(status: int, code: str, message: str) -> MeilisearchApiError:
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps({"message": message, "code": code, "type": "invalid_request",
                                    "link": "https://example.invalid"}).encode()
    return MeilisearchApiError(message, response)


class _IndexDouble:
    def __init__(self, client, uid):
        self.client = client
        self.uid = uid

    def update_settings(self, body):
        self.client.calls.append(("update_settings", self.uid))
        self.client.maybe_raise("update_settings")
        self.client.indexes[self.uid]["settings"] = body
        return self.client.enqueue("settingsUpdate", self.uid)

    def add_documents_in_batches(self, documents, batch_size=1000, primary_key=None):
        self.client.calls.append(("add_documents_in_batches", self.uid, len(documents), batch_size))
        self.client.maybe_raise("add_documents")
        infos = []
        for start in range(0, len(documents), batch_size):
            batch = documents[start:start + batch_size]
            infos.append(self.client.enqueue("documentAdditionOrUpdate", self.uid, documents=batch))
        return infos

    def get_stats(self):
        self.client.calls.append(("get_stats", self.uid))
        count = self.client.count_override
        if count is None:
            count = len(self.client.indexes[self.uid]["documents"])
        return IndexStats(numberOfDocuments=count, isIndexing=False, fieldDistribution={})


class ClientDouble:
    """See the module docstring: a double of our usage of the client, not of Meilisearch."""

    def __init__(self, existing=None, fail_task=None, raise_on=None, keys=None):
        # uid -> {"documents": {id: doc}, "settings": dict}
        self.indexes = {uid: {"documents": {d["id"]: d for d in docs}, "settings": {}}
                        for uid, docs in (existing or {}).items()}
        self.fail_task = fail_task or {}  # (type, occurrence) -> error dict; occurrence is 1-based
        self.raise_on = raise_on or {}  # method name -> exception to raise
        self.calls = []
        self.tasks = {}
        self.seen = {}
        self.count_override = None
        self.keys = list(keys or [])

    # -- helpers
    def maybe_raise(self, name):
        err = self.raise_on.get(name)
        if err is not None:
            raise err

    def enqueue(self, kind, uid, **payload):
        number = len(self.tasks) + 1
        self.seen[kind] = self.seen.get(kind, 0) + 1
        error = self.fail_task.get((kind, self.seen[kind]))
        self.tasks[number] = (kind, uid, payload, error)
        return TaskInfo(taskUid=number, indexUid=uid, status="enqueued", type=kind, enqueuedAt=STAMP)

    def _apply(self, kind, uid, payload):
        if kind == "indexCreation":
            self.indexes[uid] = {"documents": {}, "settings": {}}
        elif kind == "indexDeletion":
            self.indexes.pop(uid, None)
        elif kind == "documentAdditionOrUpdate":
            self.indexes[uid]["documents"].update({d["id"]: d for d in payload["documents"]})
        elif kind == "indexSwap":
            a, b = payload["pair"]
            self.indexes[a], self.indexes[b] = self.indexes[b], self.indexes[a]

    # -- the client calls we use
    def get_raw_index(self, uid):
        self.calls.append(("get_raw_index", uid))
        self.maybe_raise("get_raw_index")
        if uid not in self.indexes:
            raise api_error(404, "index_not_found", f"Index `{uid}` not found.")
        return {"uid": uid, "primaryKey": "id"}

    def get_raw_indexes(self, parameters=None):
        self.calls.append(("get_raw_indexes",))
        self.maybe_raise("get_raw_indexes")
        results = [{"uid": uid, "primaryKey": "id"} for uid in sorted(self.indexes)]
        return {"results": results, "offset": 0, "limit": (parameters or {}).get("limit", 20), "total": len(results)}

    def create_index(self, uid, options=None):
        self.calls.append(("create_index", uid))
        self.maybe_raise("create_index")
        return self.enqueue("indexCreation", uid)

    def index(self, uid):
        return _IndexDouble(self, uid)

    def swap_indexes(self, parameters):
        pair = parameters[0]["indexes"]
        self.calls.append(("swap_indexes", tuple(pair)))
        self.maybe_raise("swap_indexes")
        return self.enqueue("indexSwap", None, pair=pair)

    def delete_index(self, uid):
        self.calls.append(("delete_index", uid))
        self.maybe_raise("delete_index")
        return self.enqueue("indexDeletion", uid)

    def wait_for_task(self, uid, timeout_in_ms=5000, interval_in_ms=50):
        self.calls.append(("wait_for_task", uid))
        self.maybe_raise("wait_for_task")
        kind, index_uid, payload, error = self.tasks[uid]
        if error is None:
            self._apply(kind, index_uid, payload)
            status = "succeeded"
        else:
            status = "failed"
        return Task(uid=uid, indexUid=index_uid, status=status, type=kind, enqueuedAt=STAMP, error=error)

    def get_keys(self, parameters=None):
        self.calls.append(("get_keys",))
        self.maybe_raise("get_keys")
        offset = (parameters or {}).get("offset", 0)
        limit = (parameters or {}).get("limit", 20)
        page = self.keys[offset:offset + limit]
        return KeysResults(results=page, offset=offset, limit=limit, total=len(self.keys))

    def create_key(self, options):
        self.calls.append(("create_key", options["name"]))
        self.maybe_raise("create_key")
        key = make_key(f"uid-{len(self.keys) + 1}", f"zoek{len(self.keys) + 1:060d}", options["name"],
                       options["actions"], options["indexes"])
        self.keys.append(key)
        return key


def make_key(uid, key, name, actions, indexes, expires=None):
    return Key(uid=uid, key=key, name=name, description=None, actions=list(actions), indexes=list(indexes),
               createdAt=STAMP, expiresAt=expires)


def refused():
    return MeilisearchCommunicationError("HTTPConnectionPool(host='127.0.0.1', port=9): Connection refused")


def timed_out():
    return MeilisearchTimeoutError("timeout of 300000ms has exceeded")
