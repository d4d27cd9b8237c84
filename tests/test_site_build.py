"""`wegwijzer build`: the pages and URLs it makes, what it leaves out, and atomic swaps."""

import hashlib
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builders import DEMO_DATA, REPO, build, injection_dataset, project_config, small_dataset, write


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("small")
    data = small_dataset(tmp / "voorzieningen")
    site = tmp / "site"
    result = build(data, site)
    assert result.ok, result.output
    return site


def test_small_site_pages_and_urls(small_site):
    for path in ["index.html", "samen-doen/index.html", "samen-doen/hoeskamer/index.html",
                 "laten-doen/schuldhulp/index.html", "thema/geld/index.html", "doelgroep/ouderen/index.html",
                 "kern/amstenrade/index.html", "gezichtenkaart/index.html", "gezichtenkaart/anne-voorbeeld/index.html",
                 "zoeken/index.html", "begrippen/index.html", "toegankelijkheid/index.html",
                 "vcard/anne-voorbeeld.vcf", "vcard/alle-gezichten.vcf", "pagefind/pagefind.js"]:
        assert (small_site / path).is_file(), path


def test_expired_record_is_not_published(small_site):
    assert not (small_site / "zelf-doen" / "verlopen").exists()
    assert "Oude Zomeractie" not in (small_site / "thema/geld/index.html").read_text()


def test_no_lunr_index_and_no_google_fonts(small_site):
    assert not list(small_site.rglob("search_index.json"))
    for html in small_site.rglob("*.html"):
        text = html.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html


def test_record_pages_are_not_in_the_nav(small_site):
    home = (small_site / "index.html").read_text()
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    nav = nav[:nav.index("</nav>")]
    assert "hoeskamer" not in nav and "Zelf doen" in nav


def test_links_are_relative(small_site):
    for rel in ["index.html", "samen-doen/hoeskamer/index.html", "zoeken/index.html"]:
        text = (small_site / rel).read_text()
        assert not re.findall(r'(?:href|src|action)="/(?!/)', text), rel


def test_record_page_content(small_site):
    text = (small_site / "samen-doen/hoeskamer/index.html").read_text()
    assert 'href="tel:+31451234567"' in text
    assert "Vrij toegankelijk" in text and "Je kunt zo binnenlopen of bellen." in text
    assert "Klopt er iets niet?" in text and "mailto:socialekaart@gemeente.example?subject=" in text
    assert "Gecontroleerd op" in text and "Anne Voorbeeld" in text
    assert 'lang="nl"' in text
    assert "voorbeeldsite" in text  # demo notice
    closed = (small_site / "samen-doen/gesloten/index.html").read_text()
    assert "Tijdelijk gesloten." in closed


def test_samen_doen_points_to_marktplaats(small_site):
    assert "https://voorelkaar.example" in (small_site / "samen-doen/index.html").read_text()


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_injection_is_escaped_in_html(tmp_path):
    data = injection_dataset(tmp_path / "voorzieningen")
    site = tmp_path / "site"
    result = build(data, site)
    assert result.ok, result.output
    for rel in ["samen-doen/injectie/index.html", "gezichtenkaart/index.html",
                "gezichtenkaart/injectie-gezicht/index.html", "samen-doen/index.html",
                "kern/amstenrade/index.html"]:
        text = (site / rel).read_text()
        parser = _Elements()
        parser.feed(text)
        for tag, attrs in parser.found:
            assert not [a for a in attrs if a.startswith("on")], (rel, tag, attrs)
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), (rel, attrs)
            if tag == "script":  # only our own scripts and JSON islands
                assert (attrs.get("src") or attrs.get("type") == "application/json"
                        or "__pwned" not in text.split("<script")[1][:200])
            if tag == "img":
                assert attrs.get("src", "").startswith("../") or attrs.get("src", "").startswith("../../"), (rel, attrs)
        assert "window.__pwned=1</script>" not in text, rel
        assert "evil.example" not in text, rel
        assert "&lt;img src=x" in text, rel
    assert "{{ 7*7 }}" in (site / "samen-doen/injectie/index.html").read_text()


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failing_build_leaves_existing_site_intact(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    site = tmp_path / "site"
    assert build(data, site).ok
    before = _digest(site)
    write(data, "kapot.yaml", "naam: Kapot\nroute: ergens\n")
    failed = build(data, site)
    assert failed.code == 1
    assert "kapot.yaml" in failed.output and "niet veranderd" in failed.output
    assert _digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "voorzieningen"]  # no temp folders left


def test_failing_step_after_check_leaves_site_intact(tmp_path, monkeypatch):
    data = small_dataset(tmp_path / "voorzieningen")
    site = tmp_path / "site"
    assert build(data, site).ok
    before = _digest(site)
    from wegwijzer.site.pagefind_stream import PagefindError, PagefindStream

    def broken(self, output):
        raise PagefindError("pagefind stuk")
    monkeypatch.setattr(PagefindStream, "write", broken)
    failed = build(data, site)
    assert failed.code == 1
    assert "pagefind stuk" in failed.output and "niet veranderd" in failed.output
    assert _digest(site) == before


def test_build_demo_data(tmp_path):
    site = tmp_path / "site"
    result = build(DEMO_DATA, site)
    assert result.ok, result.output
    from wegwijzer.records.dataset import load_dataset
    from wegwijzer.site.render import record_url
    dataset, _ = load_dataset(DEMO_DATA)
    for v in dataset.voorzieningen:
        assert (site / record_url(v) / "index.html").is_file(), v.id
    for face in dataset.gezichten:
        assert (site / "gezichtenkaart" / face.id / "index.html").is_file()
    assert len(list((site / "artikelen").glob("*/index.html"))) >= 6
    vcf = (site / "vcard/alle-gezichten.vcf").read_text()
    assert vcf.count("BEGIN:VCARD") == len(dataset.gezichten)


def test_mkdocs_build_from_repo_root(tmp_path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")],
                          cwd=REPO, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out/index.html").is_file() and (tmp_path / "out/pagefind/pagefind.js").is_file()


def test_cli_build_reports_errors(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    write(data, "kapot.yaml", "naam: Kapot\n")
    proc = subprocess.run([sys.executable, "-m", "wegwijzer", "build", str(data), "--site-dir", str(tmp_path / "site")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "kapot.yaml" in proc.stdout
    assert not (tmp_path / "site").exists()


def test_bad_glossary_fails_the_build_with_file_and_line(tmp_path):
    import shutil
    data = small_dataset(tmp_path / "voorzieningen")
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    (content / "begrippen.yaml").write_text("- term: Wmo\n  uitleg: Een wet.\n- term: CJG\n", encoding="utf-8")
    config = project_config(tmp_path, {"data_dir: voorzieningen": f"data_dir: {data}"})
    failed = build(None, tmp_path / "site", config_file=config)
    assert failed.code == 1
    assert "begrippen.yaml:3: uitleg: fout" in failed.output
    assert not (tmp_path / "site").exists()


def test_swap_exchanges_the_folders_in_one_step_and_leaves_nothing_behind(tmp_path, monkeypatch):
    from wegwijzer.site import swap
    live, new = tmp_path / "site", tmp_path / ".site-nieuw-x"
    live.mkdir(), new.mkdir()
    (live / "index.html").write_text("oud"), (new / "index.html").write_text("nieuw")
    renames = []
    monkeypatch.setattr(swap.os, "rename", lambda *a: renames.append(a))
    swap.swap_in(new, live)
    assert renames == []  # no moment without a site: one exchange, no rename pair
    assert (live / "index.html").read_text() == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_swap_falls_back_to_two_renames_where_exchange_is_missing(tmp_path, monkeypatch):
    from wegwijzer.site import swap
    live, new = tmp_path / "site", tmp_path / ".site-nieuw-x"
    live.mkdir(), new.mkdir()
    (live / "index.html").write_text("oud"), (new / "index.html").write_text("nieuw")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    swap.swap_in(new, live)
    assert (live / "index.html").read_text() == "nieuw"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_shared_theme_shell_gives_the_same_pages_as_a_full_render(tmp_path, monkeypatch):
    # Record, face and list pages reuse one rendering of Material's main.html per kind
    # of page (build/shell.py); every page must come out exactly as a full render.
    from wegwijzer.site import shell
    data = small_dataset(tmp_path / "voorzieningen")
    shells = []
    real = shell._StandIn.__init__
    monkeypatch.setattr(shell._StandIn, "__init__", lambda self, *a: shells.append(1) or real(self, *a))
    assert build(data, tmp_path / "shell").ok
    assert 0 < len(shells) < len(list((tmp_path / "shell").rglob("index.html"))) / 4  # used, and shared
    monkeypatch.setattr(shell, "TEMPLATE", "main.html")
    assert build(data, tmp_path / "full").ok
    def pages(site):
        return {k: v for k, v in _digest(site).items() if k.endswith(".html")}
    assert pages(tmp_path / "shell") == pages(tmp_path / "full")
    assert "ww-shell" not in (tmp_path / "shell" / "samen-doen" / "hoeskamer" / "index.html").read_text()


def test_pagefind_gets_the_searchable_text_with_filters_but_not_the_ignored_sections():
    from wegwijzer.site.assemble import searchable_part
    body = ('<article data-pagefind-body><h1>Naam</h1><ww-zoekdata hidden data-pagefind-ignore>'
            '<span data-pagefind-filter="route">laten</span></ww-zoekdata>'
            '<section class="ww-section" data-pagefind-ignore><h2>Contact</h2><img src="x.jpg"></section>'
            '<p>Tekst</p><section data-pagefind-ignore><section>genest</section></section></article>')
    sent = searchable_part(body)
    assert "Contact" not in sent and "x.jpg" not in sent  # a face photo would become the result's image
    assert '<span data-pagefind-filter="route">laten</span>' in sent and "<p>Tekst</p>" in sent
    assert "genest" in sent  # nested sections are sent whole rather than cut in half


def test_search_fragments_hold_meta_and_filters_but_no_face_photo(tmp_path):
    import gzip
    import json
    site = tmp_path / "site"
    result = build(DEMO_DATA, site)
    assert result.ok, result.output
    fragments = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):])
                 for p in (site / "pagefind" / "fragment").iterdir()]
    records = [f for f in fragments if f["meta"].get("soort") == "voorziening"]
    with_faces = [f for f in records if "/fotos/" in (site / f["url"].strip("/") / "index.html").read_text()]
    assert with_faces  # record pages that show a face photo ...
    assert all("image" not in f["meta"] for f in records)  # ... whose results do not take it as their image
    assert all(f["filters"]["route"] and f["meta"]["samenvatting"] for f in records)


# --- what killed builds leave behind ----------------------------------------------------------


def _killed_build(tmp_path, data, site, stop_at: str):
    """Run `wegwijzer build` in a child process and SIGKILL it once ``stop_at`` exists."""
    import signal
    import time
    proc = subprocess.Popen([sys.executable, "-m", "wegwijzer", "build", str(data), "--site-dir", str(site)],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(stop_at)):
        assert proc.poll() is None and time.monotonic() < deadline, "the build ended before it could be killed"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_a_killed_builds_folder_is_removed_by_the_next_build(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    site = tmp_path / "site"
    assert build(data, site).ok
    _killed_build(tmp_path, data, site, ".site-nieuw-*/zoeken/index.html")  # well into writing pages
    left = sorted(p.name for p in tmp_path.glob(".site-*"))
    assert any(n.startswith(".site-nieuw-") and not n.endswith(".lock") for n in left), left
    assert (site / "index.html").is_file()  # the live site is untouched
    assert build(data, site).ok
    assert sorted(p.name for p in tmp_path.glob(".site-*")) == []


def test_a_running_builds_folder_is_left_alone(tmp_path):
    """A folder whose lock a live process holds (here: this test) is never removed."""
    import fcntl

    from wegwijzer.site.swap import remove_leftovers
    site = tmp_path / "site"
    busy, busy_lock = tmp_path / ".site-nieuw-1-aa", tmp_path / ".site-nieuw-1-aa.lock"
    dead, dead_lock = tmp_path / ".site-nieuw-2-bb", tmp_path / ".site-nieuw-2-bb.lock"
    for folder in (busy, dead):
        (folder / "zoeken").mkdir(parents=True)
    dead_lock.touch()
    with open(busy_lock, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        removed = remove_leftovers(site)
        assert busy.is_dir() and busy_lock.exists()
    assert sorted(p.name for p in removed) == [dead.name, dead_lock.name]
    assert not dead.exists() and not dead_lock.exists()
    assert sorted(p.name for p in remove_leftovers(site)) == [busy.name, busy_lock.name]  # released now


def test_a_folder_without_a_lock_file_is_removed_only_when_old(tmp_path):
    import os
    import time

    from wegwijzer.site.swap import LEFTOVER_WITHOUT_LOCK_AGE_S, remove_leftovers
    young, old = tmp_path / ".site-nieuw-abc123", tmp_path / ".site-oud-4242"
    young.mkdir(), old.mkdir()
    then = time.time() - LEFTOVER_WITHOUT_LOCK_AGE_S - 60
    os.utime(old, (then, then))
    assert remove_leftovers(tmp_path / "site") == [old]
    assert young.is_dir() and not old.exists()


def test_precompressed_copies_can_be_switched_off(tmp_path):
    data = small_dataset(tmp_path / "voorzieningen")
    config = project_config(tmp_path, {"data_dir: voorzieningen": f"data_dir: {data}\n      precompress: false",
                                       "docs_dir: content": f"docs_dir: {REPO / 'content'}"})
    assert build(None, tmp_path / "site", config_file=config).ok
    assert (tmp_path / "site" / "index.html").is_file()
    assert list((tmp_path / "site").rglob("*.br")) == []
