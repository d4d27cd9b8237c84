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
SECRET = "wachtwoord=geheim-7f3a"  # in the files outside the project (conftest.py's project fixture)

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
    Image.new("RGB", (600, 800), colour).save(path)  # the format follows the suffix (.jpg, .png, .webp)
    return path


MEILI_VARIABLES = ("MEILI_URL", "MEILI_SEARCH_KEY", "MEILI_INDEX", "MEILI_MASTER_KEY")


def project_config(folder: Path, replacements: dict = None) -> Path:
    """A copy of the repository's mkdocs.yml in ``folder``, with its house style (build/) and
    the web editor's bundle still taken from the repository and each ``old: new`` text of ``replacements`` applied."""
    text = MKDOCS_YML.read_text(encoding="utf-8").replace("custom_dir: build", f"custom_dir: {REPO / 'build'}")
    # The web editor's bundle, too, comes from the repository (admin/node_modules).
    text = text.replace("      admin:\n", f"      admin:\n        node_modules: {REPO / 'admin' / 'node_modules'}\n")
    # ... and so does the site's QR library (vendor/node_modules).
    text = text.replace("      data_dir: voorzieningen\n",
                        f"      data_dir: voorzieningen\n      vendor_dir: {REPO / 'vendor' / 'node_modules'}\n")
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


class _WithHeaders(_Quiet):
    """Sends the server's extra headers with every answer, and 404.html for a missing page."""

    def end_headers(self):
        for name, value in self.server.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_with_headers(site_dir: Path, headers: dict):
    """Like serve(), but every answer carries ``headers`` and a missing page gets 404.html."""
    handler = functools.partial(_WithHeaders, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.extra_headers = dict(headers)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/", server


# --- `wegwijzer serve` in its own process -------------------------------------------------------

PREVIEW_WAIT_S = 120  # one rebuild on a busy 2-core machine


class Preview:
    """`wegwijzer serve` on 127.0.0.1 port 0 (the server picks the port and prints it).

    Its output is drained by a thread into ``output`` (a full pipe would block the server),
    and the address is taken from its first line. A rebuild is waited for as MkDocs' own
    page script does: the long poll /livereload/<epoch>/<id> answers when a newer build is
    online. ``stop()`` ends the process."""

    def __init__(self, data_dir, cwd, *args: str):
        import queue
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "wegwijzer", "serve", str(data_dir), "-a", "127.0.0.1:0", *args],
            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
            bufsize=1)
        self.lines = queue.Queue()
        self.output = []
        threading.Thread(target=self._drain, daemon=True).start()
        try:
            self.url = self._wait_for_address()
        except BaseException:
            self.stop()
            raise

    def _drain(self):
        for line in self.proc.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put(None)

    def _wait_for_address(self) -> str:
        import re
        while True:
            line = self.lines.get(timeout=PREVIEW_WAIT_S)
            if line is None:
                raise AssertionError("serve stopped:\n" + "".join(self.output))
            found = re.search(r"Voorbeeld op (http://127\.0\.0\.1:\d+/)", line)
            if found:
                return found.group(1)

    def get(self, path: str) -> str:
        """A page of the preview (the site is online once the address is printed)."""
        answer = requests.get(self.url + path, timeout=30)
        answer.raise_for_status()
        return answer.text

    @staticmethod
    def epoch(page: str) -> int:
        """The build a page was served from (MkDocs puts it into every page's live-reload script)."""
        import re
        return int(re.search(r"livereload\((\d+), \d+\)", page).group(1))

    def page_after_rebuild(self, path: str, page: str, contains: str) -> str:
        """``path`` once a rebuild after the one ``page`` came from shows ``contains``. Each step
        waits for the next finished rebuild (an editor's save can cause more than one)."""
        import time
        epoch = self.epoch(page)
        deadline = time.monotonic() + PREVIEW_WAIT_S
        while time.monotonic() < deadline:
            answer = requests.get(f"{self.url}livereload/{epoch}/1", timeout=90)  # returns at the next build
            epoch = int(answer.text)
            page = self.get(path)
            if contains in page:
                return page
        raise AssertionError(f"{path} did not show {contains!r} after rebuilds:\n" + "".join(self.output[-40:]))

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


# --- nginx with the shipped configuration (deploy/nginx/) -------------------------------------

NGINX = Path("/usr/sbin/nginx")
NGINX_BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
NGINX_SNIPPET = REPO / "deploy" / "nginx" / "wegwijzer.conf"


def nginx_config(folder: Path, site_dir: Path, port: int) -> Path:
    """A minimal nginx.conf around the shipped server snippet, as a deployer's server block
    would include it (plain HTTP on 127.0.0.1 instead of HTTPS)."""
    import os

    temp = "\n".join(f"  {kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                        "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the test's private folder
    path = Path(folder) / "nginx.conf"
    path.write_text(f"""{user}daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
load_module {NGINX_BROTLI_MODULE};
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
{temp}
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    root {site_dir};
    include {NGINX_SNIPPET};
    include {site_dir}/.deploy/nginx-csp.conf;
  }}
}}
""", encoding="utf-8")
    return path


def start_nginx(folder: Path, site_dir: Path):
    """nginx on 127.0.0.1 with the shipped configuration: (base URL, process).

    The port is bound here (port 0) and the listening socket handed to nginx, which
    takes over inherited sockets named in its NGINX environment variable: no
    pick-a-port-then-close race."""
    import os
    import socket
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    port = listener.getsockname()[1]
    os.set_inheritable(listener.fileno(), True)
    config = nginx_config(folder, site_dir, port)
    log = Path(folder) / "error.log"
    proc = subprocess.Popen([str(NGINX), "-e", str(log), "-p", str(folder), "-c", str(config)],
                            pass_fds=[listener.fileno()], env={"NGINX": f"{listener.fileno()};"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    listener.close()  # nginx has its own copy
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 10
    while True:
        try:
            requests.get(base, timeout=1)
            return base, proc
        except requests.ConnectionError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("nginx did not start: " + (log.read_text() if log.exists() else "")) from None
            time.sleep(0.05)


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


# --- filter-evasion vectors (tests/test_link_vectors.py, tests/test_browser_link_vectors.py) ----
#
# Written by us as test data: ways to smuggle a script link, another site's link or markup
# past a filter. Each is (name, what an editor types, the address in it or None). The
# address is what a URL field would hold; the text goes into every text field.

LINK_VECTORS = [
    # scheme obfuscation
    ("plain", "[klik](javascript:alert(1))", "javascript:alert(1)"),
    ("upper", "[klik](JAVASCRIPT:alert(1))", "JAVASCRIPT:alert(1)"),
    ("mixed-case", "[klik](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)"),
    ("leading-space", "[klik]( javascript:alert(1))", " javascript:alert(1)"),
    ("angle-destination", "[klik](<javascript:alert(1)>)", "javascript:alert(1)"),
    ("autolink", "<javascript:alert(1)>", "javascript:alert(1)"),
    ("with-title", '[klik](javascript:alert(1) "titel")', "javascript:alert(1)"),
    ("reference", "[klik][r]\n\n[r]: javascript:alert(1)", "javascript:alert(1)"),
    ("reference-angle", "[klik][r]\n\n[r]: <jav&#x61;script:alert(1)>", "jav&#x61;script:alert(1)"),
    ("image-in-link", "[![a](x.png)](javascript:alert(1))", "javascript:alert(1)"),
    ("comment-trick", "[klik](javascript://%0aalert(1))", "javascript://%0aalert(1)"),
    ("feed-wrapper", "[klik](feed:javascript:alert(1))", "feed:javascript:alert(1)"),
    # character references
    ("decimal-first", "[klik](&#106;avascript:alert(1))", "&#106;avascript:alert(1)"),
    ("hex-all", "[klik](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
     "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)"),
    ("hex-no-semicolons", "[klik](&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a;alert(1))",
     "&#x6a&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3a;alert(1)"),
    ("padded-decimal", "[klik](&#0000106&#0000097vascript:alert(1))", "&#0000106&#0000097vascript:alert(1)"),
    ("one-hex-letter", "[klik](jav&#x61;script:alert(1))", "jav&#x61;script:alert(1)"),
    ("named-colon", "[klik](javascript&colon;alert(1))", "javascript&colon;alert(1)"),
    ("decimal-colon", "[klik](javascript&#58;alert(1))", "javascript&#58;alert(1)"),
    ("hex-colon", "[klik](jAvAsCrIpT&#x3A;alert(1))", "jAvAsCrIpT&#x3A;alert(1)"),
    ("padded-s", "[klik](java&#0000115;cript:alert(1))", "java&#0000115;cript:alert(1)"),
    # whitespace and control characters
    ("named-tab", "[klik](java&Tab;script:alert(1))", "java&Tab;script:alert(1)"),
    ("named-newline", "[klik](java&NewLine;script:alert(1))", "java&NewLine;script:alert(1)"),
    ("decimal-tab", "[klik](java&#9;script:alert(1))", "java&#9;script:alert(1)"),
    ("decimal-lf", "[klik](java&#10;script:alert(1))", "java&#10;script:alert(1)"),
    ("decimal-cr", "[klik](ja&#x0D;vascript:alert(1))", "ja&#x0D;vascript:alert(1)"),
    ("leading-control", "[klik](&#1;javascript:alert(1))", "&#1;javascript:alert(1)"),
    ("leading-shift-out", "[klik](&#14;javascript:alert(1))", "&#14;javascript:alert(1)"),
    ("leading-entity-space", "[klik](&#x20;javascript:alert(1))", "&#x20;javascript:alert(1)"),
    ("nul-in-scheme", "[klik](java&#0;script:alert(1))", "java&#0;script:alert(1)"),
    ("yaml-tab", "[klik](java\tscript:alert(1))", "java\tscript:alert(1)"),
    # other dangerous schemes
    ("data-base64", "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
     "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="),
    ("data-upper", "[klik](DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E)",
     "DATA:text/html,%3Cscript%3Ealert(1)%3C/script%3E"),
    ("data-entity-colon", "[klik](data&colon;text/html,x)", "data&colon;text/html,x"),
    ("vbscript", "[klik](vbscript:msgbox(1))", "vbscript:msgbox(1)"),
    ("vbscript-entity", "[klik](VBScript&#58;msgbox(1))", "VBScript&#58;msgbox(1)"),
    ("file", "[klik](file:///etc/passwd)", "file:///etc/passwd"),
    # protocol-relative: another site without a scheme
    ("protocol-relative", "[klik](//evil.example/x)", "//evil.example/x"),
    ("backslashes", "[klik](\\\\\\\\evil.example/x)", "\\\\evil.example/x"),
    ("slash-backslash", "[klik](/\\\\evil.example/x)", "/\\evil.example/x"),
    ("entity-slashes", "[klik](&#47;&#47;evil.example/x)", "&#47;&#47;evil.example/x"),
    ("tab-slashes", "[klik](/&Tab;/evil.example/x)", "/&Tab;/evil.example/x"),
    # attribute break-out
    ("quote-break-out", '[klik](https://a.example/"onmouseover="alert(1))', 'https://a.example/"onmouseover="alert(1)'),
    ("title-break-out", '[klik](https://a.example "t" onclick="alert(1)")', None),
    ("single-quote-break-out", "[klik](https://a.example/'><img src=x onerror=alert(1)>)",
     "https://a.example/'><img src=x onerror=alert(1)>"),
    ("autolink-break-out", '<http://a.example" onmouseover="alert(1)>', 'http://a.example" onmouseover="alert(1)'),
    ("attr-list", "[klik](https://a.example){: onclick=alert(1) }", None),
    # raw HTML, SVG and MathML (all must stay text)
    ("raw-anchor", '<a href="javascript:alert(1)">klik</a>', None),
    ("raw-img", "<img src=x onerror=alert(1)>", None),
    ("raw-iframe", '<iframe src="javascript:alert(1)"></iframe>', None),
    ("raw-form", '<form action="javascript:alert(1)"><button>klik</button></form>', None),
    ("raw-details", "<details open ontoggle=alert(1)>x</details>", None),
    ("svg-xlink", '<svg><a xlink:href="javascript:alert(1)"><text y="20">klik</text></a></svg>', None),
    ("svg-animate", '<svg><a><animate attributeName="href" values="javascript:alert(1)"/>'
                    '<text y="20">klik</text></a></svg>', None),
    ("mathml-mglyph", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", None),
    ("mathml-href", '<math href="javascript:alert(1)"><mi>klik</mi></math>', None),
    ("html-block", "<div>\n<a href=javascript:alert(1)>klik</a>\n</div>", None),
]

# The text fields of a voorziening and of a face card, with their length limits.
RECORD_TEXT_FIELDS = {"naam": 80, "samenvatting": 200, "aanbieder": 120, "beschrijving": None, "aanmelden": 500,
                      "kosten_toelichting": 300}
LOCATION_TEXT_FIELDS = {"naam": 120, "adres": 200, "plaats": 80, "toegankelijkheid": 500}
FACE_TEXT_FIELDS = {"naam": 80, "functie": 80, "organisatie": 120, "bereikbaar": 200, "foto_alt": 200}


def _fits(text: str, limit) -> bool:
    return limit is None or len(text) <= limit


def vector_dataset(folder: Path) -> Path:
    """One voorziening and one face card per vector, the vector in every text field that can
    hold it (a field's length limit), plus an article holding every vector."""
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    for number, (_, text, _) in enumerate(LINK_VECTORS, 1):
        rid = f"vector-{number:02d}"
        lines = [f"{field}: {q(text)}" for field, limit in RECORD_TEXT_FIELDS.items() if _fits(text, limit)]
        if not _fits(text, RECORD_TEXT_FIELDS["naam"]):
            lines.append(f"naam: Vector {number}")
        if not _fits(text, RECORD_TEXT_FIELDS["samenvatting"]):
            lines.append(f"samenvatting: Vector {number}.")
        location = [f"    {field}: {q(text)}" for field, limit in LOCATION_TEXT_FIELDS.items() if _fits(text, limit)]
        lines += ["route: samen", "toegang: verwijzing", "themas: [ontmoeten]", "locaties:",
                  "  - postcode: 6436 AA", *location, "openingstijden:", "  - dagen: [ma]", "    van: 9:00",
                  "    tot: 17:00", f"    toelichting: {q(text)}", f"trefwoorden: [{q(text[:80])}]",
                  f"gecontroleerd: {RECENT}"]
        write(folder, f"{rid}.yaml", "\n".join(lines) + "\n")
        face = [f"{field}: {q(text)}" for field, limit in FACE_TEXT_FIELDS.items() if _fits(text, limit)]
        if not _fits(text, FACE_TEXT_FIELDS["naam"]):
            face.append(f"naam: Gezicht {number}")
        for field in ("functie", "organisatie"):
            if not _fits(text, FACE_TEXT_FIELDS[field]):
                face.append(f"{field}: Vector {number}")
        face += [f"voorziening: {rid}", "telefoon: 06 12345678", f"vragen: [{q(text[:120])}]",
                 "toestemming: 2026-03-14", f"gecontroleerd: {RECENT}"]
        write(folder, f"gezichten/{rid}-gezicht.yaml", "\n".join(face) + "\n")
    return folder


def vector_article(content: Path) -> Path:
    body = "\n\n".join(f"{text}\n\n---" for _, text, _ in LINK_VECTORS)
    return write(content, "artikelen/vectoren.md", "---\ntitle: Vectoren\nsamenvatting: Alle vectoren.\n---\n\n"
                 + body + "\n")


# --- a real Meilisearch server on 127.0.0.1 ------------------------------------------------------

MEILI_EXECUTABLE = "meilisearch"
MEILI_NO_SERVER = ("no 'meilisearch' executable on PATH and MEILI_URL is not set: "
                   "the live Meilisearch tests need a server")


def meili_binary():
    """The `meilisearch` executable on PATH, or None."""
    import shutil
    return shutil.which(MEILI_EXECUTABLE)


def _listening_ports(pid: int) -> list:
    """TCP ports the process ``pid`` listens on (Linux /proc): the port the server chose itself."""
    import os
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = []
    for table in ("tcp", "tcp6"):
        try:
            lines = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
                ports.append(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


class MeiliServer:
    """A Meilisearch process the tests own: 127.0.0.1, a port the server picks itself (port 0),
    its own temporary database, dump and snapshot folders, and a random master key.

    ``stop()`` ends it (SIGTERM, then SIGKILL); ``start()`` again runs it on the same
    database (with a new port: read ``url`` after each start).
    """

    def __init__(self, folder: Path, binary: str = None, master_key: str = None, extra_args=()):
        import secrets
        self.folder = Path(folder)
        self.binary = binary or meili_binary()
        self.master_key = master_key or secrets.token_urlsafe(32)
        self.db = self.folder / "data.ms"
        self.dumps = self.folder / "dumps"
        self.snapshots = self.folder / "snapshots"
        self.extra_args = list(extra_args)
        self.process = None
        self.url = ""
        self.log_path = self.folder / "meilisearch.log"

    def command(self) -> list:
        return [self.binary, "--http-addr", "127.0.0.1:0", "--db-path", str(self.db),
                "--dump-dir", str(self.dumps), "--snapshot-dir", str(self.snapshots),
                "--master-key", self.master_key, "--no-analytics", "--env", "development",
                "--log-level", "WARN", *self.extra_args]

    def start(self, timeout: float = 30) -> "MeiliServer":
        import time
        self.folder.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.command(), stdout=log, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL, cwd=self.folder)
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"meilisearch stopped at start (exit {self.process.returncode}): {self.log_tail()}")
            ports = _listening_ports(self.process.pid)
            if ports:
                self.url = f"http://127.0.0.1:{ports[0]}"
                if self.healthy():
                    return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"meilisearch was not healthy within {timeout} s: {self.log_tail()}")

    def healthy(self) -> bool:
        try:
            answer = requests.get(self.url + "/health", timeout=2)
            return answer.status_code == 200 and answer.json().get("status") == "available"
        except (requests.RequestException, ValueError):
            return False

    def stop(self, timeout: float = 30) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)

    def log_tail(self, limit: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-limit:]
        except OSError:
            return ""

    def rss_kib(self) -> int:
        """Resident memory of the server process (KiB), from /proc."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def client(self, timeout: float = 30):
        import meilisearch
        return meilisearch.Client(self.url, self.master_key, timeout=timeout)


@dataclass
class MeiliTarget:
    """Where the live tests send their requests: our own MeiliServer or an external MEILI_URL."""

    url: str
    master_key: str
    server: "MeiliServer" = None  # None for an external server (it cannot be stopped by the tests)

    def client(self, timeout: float = 30):
        import meilisearch
        return meilisearch.Client(self.url, self.master_key or None, timeout=timeout)

    def headers(self, key: str = None) -> dict:
        key = self.master_key if key is None else key
        return {"Authorization": f"Bearer {key}"} if key else {}


def wait_for_tasks_of(client, uid: str, timeout_ms: int = 120000) -> None:
    """Wait until no task of index ``uid`` is enqueued or processing."""
    import time
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        pending = client.get_tasks({"indexUids": [uid], "statuses": ["enqueued", "processing"], "limit": 1})
        if not pending.results:
            return
        time.sleep(0.1)
    raise AssertionError(f"tasks of {uid} still running after {timeout_ms} ms")


def index_command(data_dir: Path, target: "MeiliTarget", uid: str, site_config: Path, *args: str) -> list:
    """(argv, env) for `wegwijzer index` in its own process, as an operator or CI runs it."""
    import os
    env = {k: v for k, v in os.environ.items() if k not in MEILI_VARIABLES}
    env.update(MEILI_URL=target.url, MEILI_MASTER_KEY=target.master_key)
    argv = [sys.executable, "-m", "wegwijzer", "index", str(data_dir), "--index-uid", uid,
            "--site-config", str(site_config), "--content", str(Path(data_dir) / "geen-artikelen"), "--quiet", *args]
    return argv, env


def run_index(data_dir: Path, target: "MeiliTarget", uid: str, site_config: Path, *args: str, timeout: float = 300):
    """Run `wegwijzer index` to the end: subprocess.CompletedProcess (text)."""
    argv, env = index_command(data_dir, target, uid, site_config, *args)
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout)


def document_ids(target: "MeiliTarget", uid: str) -> set:
    """Every document id in index ``uid`` (through the documents route, not search)."""
    ids, offset = set(), 0
    while True:
        answer = requests.get(f"{target.url}/indexes/{uid}/documents", headers=target.headers(), timeout=30,
                              params={"fields": "id", "limit": 1000, "offset": offset})
        answer.raise_for_status()
        page = answer.json()
        ids.update(doc["id"] for doc in page["results"])
        offset += len(page["results"])
        if not page["results"] or offset >= page["total"]:
            return ids


SEARCH_LOOP = """
import json, sys, time, requests
url, uid, key, queries, stop_file, out_file = json.loads(sys.argv[1])
session = requests.Session()
session.headers.update({"Authorization": "Bearer " + key, "Content-Type": "application/json"})
log = []
n = 0
import os
while not os.path.exists(stop_file):
    body = queries[n % len(queries)]
    n += 1
    start = time.time()
    try:
        answer = session.post(url + "/indexes/" + uid + "/search", data=json.dumps(body), timeout=5)
        hits = len(answer.json().get("hits", [])) if answer.status_code == 200 else -1
        problem = None if answer.status_code == 200 else f"HTTP {answer.status_code}: {answer.text[:200]}"
    except Exception as err:
        hits, problem = -1, repr(err)[:200]
    log.append([start, time.time(), body.get("q", ""), hits, problem])
    print(n, flush=True)  # progress, for searched(n)
with open(out_file, "w") as handle:
    json.dump(log, handle)
"""


def start_search_loop(url: str, uid: str, key: str, queries: list, folder: Path):
    """A second process that searches ``uid`` in a loop, as residents do, until ``stop()``.

    Returns stop(): it ends the loop and returns every search as [start, end, q, hits, problem]
    (hits -1 with a problem when the search failed). ``stop.searched(n)`` waits until the loop
    has done n more searches (it reports each one on its output, which a thread drains)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stop_file, out_file = folder / "stop", folder / "searches.json"
    proc = subprocess.Popen([sys.executable, "-c", SEARCH_LOOP,
                             json.dumps([url, uid, key, queries, str(stop_file), str(out_file)])],
                            stdout=subprocess.PIPE, text=True)
    done = {"count": 0}
    progress = threading.Condition()

    def drain():
        for _ in proc.stdout:
            with progress:
                done["count"] += 1
                progress.notify_all()
        with progress:
            done["count"] = float("inf")  # ended: nobody waits for more
            progress.notify_all()
    threading.Thread(target=drain, daemon=True).start()

    def searched(n: int, timeout: float = 120):
        with progress:
            wanted = done["count"] + n
            assert progress.wait_for(lambda: done["count"] >= wanted, timeout), f"fewer than {n} searches"
            assert proc.poll() is None, "the search loop ended early"

    def stop():
        stop_file.write_text("stop")
        proc.wait(60)
        return json.loads(out_file.read_text())
    stop.searched = searched
    return stop


def index_and_build(target: "MeiliTarget", uid: str, folder: Path, data_dir: Path = DEMO_DATA):
    """`wegwijzer index` the data into ``uid``, then build the site with the .wegwijzer/meili.json it
    wrote (no MEILI_* variable in the build): (site folder, the search documents as indexed)."""
    from wegwijzer.search.reindex import prepare

    folder = Path(folder)
    meili_json = folder / ".wegwijzer" / "meili.json"
    argv, env = index_command(data_dir, target, uid, meili_json)
    argv[argv.index("--content") + 1] = str(CONTENT)
    done = subprocess.run([*argv, "--synonyms", str(PROJECT_SYNONYMS)], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    result = build(data_dir, folder / "site", env={}, site_config=meili_json)
    assert result.ok, result.output
    documents, _, _ = prepare(Path(data_dir), CONTENT, PROJECT_SYNONYMS)
    return folder / "site", documents


def site_search_config(site_dir: Path) -> dict:
    """The #zoek-config the build put into /zoeken/: what every visitor can read."""
    import html
    import re
    page = (Path(site_dir) / "zoeken" / "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="zoek-config">(.*?)</script>', page, re.S)
    return json.loads(html.unescape(found.group(1)))


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
