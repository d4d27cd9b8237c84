"""The Meilisearch master key must never appear in the built site.

The build is run the way an operator would after `wegwijzer index`: with MEILI_URL,
MEILI_SEARCH_KEY and (carelessly) MEILI_MASTER_KEY in its environment, and with the
.wegwijzer/meili.json that `wegwijzer index` writes in the folder it runs from. Every
byte of every built file is searched for the master key.
"""

import json
import os
import subprocess
import sys

from builders import DEMO_DATA, REPO, project_config

MASTER = "meester-sleutel-" + "9f3c" * 8
SEARCH = "zoek-sleutel-" + "a1b2" * 8


def test_master_key_never_reaches_the_built_site(tmp_path):
    work = tmp_path / "work"
    (work / ".wegwijzer").mkdir(parents=True)
    (work / ".wegwijzer" / "meili.json").write_text(
        json.dumps({"url": "http://127.0.0.1:9", "index": "wegwijzer", "search_key": SEARCH}), encoding="utf-8")
    site = tmp_path / "site"
    env = dict(os.environ, MEILI_URL="http://127.0.0.1:9", MEILI_SEARCH_KEY=SEARCH, MEILI_MASTER_KEY=MASTER)
    done = subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", str(DEMO_DATA), "-f", str(REPO / "mkdocs.yml"),
         "--site-dir", str(site)],
        cwd=work, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert MASTER not in done.stdout + done.stderr
    files = [p for p in site.rglob("*") if p.is_file()]
    assert files, "the build wrote nothing"
    leaks = [str(p.relative_to(site)) for p in files if MASTER.encode() in p.read_bytes()]
    assert leaks == []
    # The site really is configured for Meilisearch: the search key is where it belongs.
    assert SEARCH in (site / "zoeken" / "index.html").read_text(encoding="utf-8")


def run_build(work, site, env, config_file=None):
    return subprocess.run(
        [sys.executable, "-m", "wegwijzer", "build", str(DEMO_DATA), "-f", str(config_file or REPO / "mkdocs.yml"),
         "--site-dir", str(site)],
        cwd=work, env=env, capture_output=True, text=True, timeout=300)


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEILI_")}
    env.update(extra)
    return env


def test_master_key_absent_when_the_site_is_configured_in_mkdocs_yml(tmp_path):
    project_config(tmp_path, {"docs_dir: content": f"docs_dir: {REPO / 'content'}",
                              "      data_dir: voorzieningen\n": "      data_dir: voorzieningen\n      search:\n"
                              "        meili_url: https://zoek.gemeente.example\n"
                              f"        meili_search_key: {SEARCH}\n"})
    site = tmp_path / "site"
    done = run_build(tmp_path, site, clean_env(MEILI_MASTER_KEY=MASTER), tmp_path / "mkdocs.yml")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    page = (site / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert SEARCH in page and "https://zoek.gemeente.example" in page
    leaks = [str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() and MASTER.encode() in p.read_bytes()]
    assert leaks == []


def test_build_refuses_the_master_key_as_search_key(tmp_path):
    site = tmp_path / "site"
    env = clean_env(MEILI_URL="http://127.0.0.1:9", MEILI_SEARCH_KEY=MASTER, MEILI_MASTER_KEY=MASTER)
    done = run_build(tmp_path, site, env)
    assert done.returncode == 1
    output = done.stdout + done.stderr
    assert "master key" in output and MASTER not in output
    assert not site.exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and MASTER.encode() in p.read_bytes()]
