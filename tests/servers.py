"""Local servers for the tests on 127.0.0.1, each on a port of its own: site, preview, nginx, links, Meilisearch."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import requests

from builders import CONTENT, DEMO_DATA, MEILI_VARIABLES, PROJECT_SYNONYMS, REPO, build

# --- a static site -----------------------------------------------------------------------------


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


# --- a link server (benchmarks/linkserver.py) ---------------------------------------------------


def link_server_module():
    """benchmarks/linkserver.py: ``LinkServer(host, delay, slow, tls)``, a real HTTP server on loopback."""
    name = "wegwijzer_linkserver"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "linkserver.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


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
                # One argument: a random key may start with '-', which would read as an option.
                f"--master-key={self.master_key}", "--no-analytics", "--env", "development",
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
