"""Fixtures for the test suite; what they use is in builders.py, servers.py and browser.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser import CHROMIUM, CHROMIUM_ARGS
from builders import (
    DEMO_DATA,
    GEMEENTE_YAML,
    RECENT,
    SECRET,
    build,
    injection_dataset,
    minimal_face,
    minimal_record,
    photo,
    project_config,
    synthetic_module,
    vector_article,
    vector_dataset,
    write,
)
from servers import (
    MEILI_NO_SERVER,
    NGINX,
    NGINX_BROTLI_MODULE,
    MeiliServer,
    MeiliTarget,
    index_and_build,
    meili_binary,
    serve,
    start_nginx,
)
from wegwijzer.records.checker import check_all


@pytest.fixture
def project(tmp_path) -> Path:
    """A valid project (a record, a face card with a photo, an article) in ``<tmp>/project``, and
    beside it ``<tmp>/elders``: a record, a page and a photo holding builders.SECRET, outside it."""
    root = tmp_path / "project"
    write(root / "voorzieningen", "gemeente.yaml", GEMEENTE_YAML)
    write(root / "voorzieningen", "hoeskamer.yaml", minimal_record(gecontroleerd=RECENT))
    write(root / "voorzieningen", "gezichten/anne.yaml", minimal_face(gecontroleerd=RECENT))
    photo(root / "voorzieningen" / "gezichten" / "anne.jpg")
    write(root / "content", "artikelen/geld.md", "---\ntitle: Geld\nsamenvatting: Over geld.\n---\nTekst.\n")
    outside = tmp_path / "elders"
    write(outside, "geheim.yaml", f"naam: {SECRET}\n")
    write(outside, "geheim.md", f"# Geheim\n\n{SECRET}\n")
    photo(outside / "geheim.jpg")
    result = check_all(root / "voorzieningen", root / "content")
    assert result.ok, result.as_text()
    return root


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """``<tmp>/voorzieningen`` with a valid gemeente.yaml (kernen: Amstenrade, Hulsberg)."""
    folder = tmp_path / "voorzieningen"
    write(folder, "gemeente.yaml", GEMEENTE_YAML)
    return folder


# --- Site build and browser fixtures (tests/test_browser_*.py) -------------------------


@pytest.fixture(scope="session")
def demo_site_dir(tmp_path_factory) -> Path:
    """The demo data built once per session with `wegwijzer build`: the site folder (do not change it)."""
    site = tmp_path_factory.mktemp("demo-site") / "site"
    result = build(DEMO_DATA, site)
    assert result.ok, result.output
    return site


@pytest.fixture(scope="session")
def demo_site(demo_site_dir):
    """The demo site served on 127.0.0.1: base URL."""
    url, server = serve(demo_site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_site(demo_site_dir, tmp_path_factory):
    """The demo site served by Debian's nginx with deploy/nginx/wegwijzer.conf: base URL.
    Missing nginx fails the test: scripts/test.sh installs it."""
    for needed in (NGINX, NGINX_BROTLI_MODULE):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: install it with 'apt-get install -y nginx "
                        "libnginx-mod-http-brotli-static'. The deploy test never skips silently.")
    base, proc = start_nginx(tmp_path_factory.mktemp("nginx"), demo_site_dir)
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory):
    """A small site whose record and face card carry injection strings in every text field: base URL."""
    tmp = tmp_path_factory.mktemp("injection-site")
    result = build(injection_dataset(tmp / "voorzieningen"), tmp / "site")
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def vector_site(tmp_path_factory):
    """A site with one record and one face card per filter-evasion vector (builders.LINK_VECTORS),
    the vector in every text field, and an article holding them all: (base URL, site folder)."""
    tmp = tmp_path_factory.mktemp("vector-site")
    content = tmp / "content"
    vector_article(content)
    config = project_config(tmp, {"docs_dir: content": f"docs_dir: {content}"})
    result = build(vector_dataset(tmp / "voorzieningen"), tmp / "site", config_file=config)
    assert result.ok, result.output
    url, server = serve(tmp / "site")
    yield url, tmp / "site"
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
def synthetic_data(tmp_path_factory, synthetic):
    """folder(n_records) -> a synthetic data folder of that size (no faces), written once per session."""
    made = {}

    def folder(n_records: int) -> Path:
        if n_records not in made:
            made[n_records] = tmp_path_factory.mktemp(f"synthetic-{n_records}") / "voorzieningen"
            synthetic.write_dataset(made[n_records], n_records, 0, seed=11)
        return made[n_records]
    return folder


@pytest.fixture(scope="session")
def synthetic():
    """The benchmarks' generator module: ``synthetic.write_dataset(folder, n_records, n_faces, seed)``."""
    return synthetic_module()


# --- Meilisearch (tests/test_meili_*.py, tests/test_browser_meili_live.py) ----------------


@pytest.fixture(scope="session")
def meili(tmp_path_factory):
    """A live Meilisearch server: MeiliTarget(url, master_key, server).

    MEILI_URL (with MEILI_MASTER_KEY) names an external one. Otherwise the session starts
    its own from the `meilisearch` on PATH: 127.0.0.1, a port the server picks, a temporary
    database, a random master key; stopped at the end. Without either the tests are skipped
    with that reason. A server that is there but does not start fails the tests.
    """
    url = os.environ.get("MEILI_URL", "").strip()
    if url:
        yield MeiliTarget(url.rstrip("/"), os.environ.get("MEILI_MASTER_KEY", ""))
        return
    if not meili_binary():
        pytest.skip(MEILI_NO_SERVER)
    server = MeiliServer(tmp_path_factory.mktemp("meili")).start()
    yield MeiliTarget(server.url, server.master_key, server)
    server.stop()


@pytest.fixture
def own_meili(tmp_path):
    """A Meilisearch server for this test alone, which it may stop and start again (MeiliServer)."""
    if not meili_binary():
        pytest.skip("this test stops and restarts the server itself: it needs the 'meilisearch' executable "
                    "on PATH (an external MEILI_URL cannot be stopped)")
    server = MeiliServer(tmp_path / "meili").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def meili_demo_site(meili, tmp_path_factory):
    """The demo data indexed into the live server by `wegwijzer index` and a site built with the
    search key it wrote, served on 127.0.0.1: (base URL, index uid, site folder, documents)."""
    import secrets

    uid = f"wegwijzer-site-{secrets.token_hex(4)}"
    site_dir, documents = index_and_build(meili, uid, tmp_path_factory.mktemp("meili-site"))
    url, server = serve(site_dir)
    yield url, uid, site_dir, documents
    server.shutdown()
    client = meili.client()
    client.wait_for_task(client.delete_index(uid).task_uid, timeout_in_ms=120000)
    for key in client.get_keys({"limit": 1000}).results:
        if uid in key.indexes:
            client.delete_key(key.uid)
