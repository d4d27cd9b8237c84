"""Shared fixtures and helpers for the test suite.

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

Add new shared fixtures at the end of this file, each with a docstring.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest

from wegwijzer.dataset import load_dataset

REPO = Path(__file__).resolve().parent.parent
DEMO_DATA = REPO / "voorzieningen"

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


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """``<tmp>/voorzieningen`` with a valid gemeente.yaml (kernen: Amstenrade, Hulsberg)."""
    folder = tmp_path / "voorzieningen"
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    return folder


# --- Site build and browser fixtures (tests/test_browser_*.py) -------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo data built once per session with `wegwijzer build`, served on 127.0.0.1: base URL."""
    from site_support import build, serve
    site = tmp_path_factory.mktemp("demo-site") / "site"
    assert build(DEMO_DATA, site) == 0, build.last_output
    url, server = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory):
    """A small site whose record and face card carry injection strings in every text field: base URL."""
    from site_support import build, injection_dataset, serve
    tmp = tmp_path_factory.mktemp("injection-site")
    assert build(injection_dataset(tmp / "voorzieningen"), tmp / "site") == 0, build.last_output
    url, server = serve(tmp / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright. Missing Chromium fails the test: CI installs it."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with 'apt-get install -y chromium'. "
                    "Browser tests never skip silently.")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(chromium):
    """A fresh page at phone size (390x844)."""
    ctx = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    yield ctx.new_page()
    ctx.close()


# --- Synthetic data (benchmarks/synthetic.py) -------------------------------------------


@pytest.fixture(scope="session")
def synthetic():
    """The benchmarks' generator module: ``synthetic.write_dataset(folder, n_records, n_faces, seed)``."""
    import importlib.util
    name = "wegwijzer_synthetic"  # the name tests/search_support.py loads it under, so it loads once
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "synthetic.py")
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]
