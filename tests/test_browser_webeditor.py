"""The web editor at /admin/ (Decap CMS) in Chromium, against its local proxy (decap-server)
started on 127.0.0.1: an editor creates a record, edits a face card and uploads a photo;
what it saves passes `wegwijzer check` and the next build shows it. Bad input gets the
checker's words and writes nothing. /admin/ is served with the Content-Security-Policy the
publishing guide (docs/publishing.md) documents, and loads nothing from other origins than the site and the proxy."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import threading
from urllib.parse import urlsplit

import pytest

from builders import REPO, build, check, photo, project_config, small_dataset
from wegwijzer.site.webeditor import admin_csp

pytestmark = pytest.mark.browser

WAIT_MS = 60_000
PUBLISHED = "Item opgeslagen"  # Decap's Dutch notice once the proxy has written the files


class _Site(http.server.SimpleHTTPRequestHandler):
    """The built site; /admin/ with its own Content-Security-Policy, as docs/publishing.md says to serve it."""

    csp = ""

    def log_message(self, *args):
        pass

    def end_headers(self):
        if self.path.startswith("/admin"):
            self.send_header("Content-Security-Policy", self.csp)
        super().end_headers()


@pytest.fixture
def editor_project(tmp_path):
    """A project folder (mkdocs.yml + voorzieningen/), decap-server's proxy on it, and its site served."""
    project = tmp_path / "project"
    data = small_dataset(project / "voorzieningen", expired=False)
    env = dict(os.environ, PORT="0", GIT_REPO_DIRECTORY=str(project), LOG_LEVEL="warn")
    proxy = subprocess.Popen(["node", str(REPO / "admin" / "proxy.js")], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    try:
        port = json.loads(proxy.stdout.readline())["port"]  # the proxy prints its port first
        threading.Thread(target=proxy.stdout.read, daemon=True).start()  # then keep its pipe drained
        api = f"http://127.0.0.1:{port}"
        config = project_config(project, {
            "docs_dir: content": f"docs_dir: {REPO / 'content'}",
            "local_backend: http://127.0.0.1:8081/api/v1": f"local_backend: {api}/api/v1",
            "        publish_mode: editorial_workflow\n": ""})
        result = build(None, project / "site", config_file=config)
        assert result.ok, result.output
        handler = type("Site", (_Site,), {"csp": admin_csp(api)})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(
            project / "site")))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield {"project": project, "data": data, "config": config, "api": api,
               "url": f"http://127.0.0.1:{server.server_port}/"}
        server.shutdown()
    finally:
        proxy.terminate()
        proxy.wait(timeout=20)


@pytest.fixture
def editor(chromium):
    """The editor's browser: every request of every tab (``page.requests``) and every CSP
    violation (``csp_violations(page)``) are kept for the whole session."""
    ctx = chromium.new_context(viewport={"width": 1280, "height": 900})
    ctx.requests, ctx.csp = [], []
    ctx.on("request", lambda request: ctx.requests.append(request.url))
    ctx.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                        "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    yield _tab(ctx)
    ctx.close()


def _tab(ctx):
    page = ctx.new_page()
    page.set_default_timeout(WAIT_MS)
    page.on("dialog", lambda dialog: dialog.accept())
    page.requests = ctx.requests
    return page


def csp_violations(page) -> list:
    return page.context.csp + page.evaluate("window.__csp")


def field(page, name, nth=0):
    """The form's ``name`` field; ``nth`` picks among fields of the same name (-1: the last,
    e.g. a record's own `gecontroleerd` after the one inside `wachttijd`)."""
    return page.locator(f'[id^="{name}-field-"]').nth(nth)


def choose(page, name, option):
    field(page, name).click()
    page.get_by_text(option, exact=True).first.click()


def publish(page):
    page.get_by_role("button", name="Publiceer").first.click()
    page.get_by_text("Publiceer nu", exact=True).click()


def login(page, url):
    page.goto(url + "admin/")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Voorzieningen").first.wait_for()


def open_entry(page, url, where):
    """Open a form afresh in a new tab of the same browser (the same login), and close the old tab
    without asking: nothing of the previous form is left, not even a navigation Decap still had
    pending after publishing it, or its "leave this page?" question. Returns the new tab."""
    fresh = _tab(page.context)
    fresh.goto(url + "admin/#/collections/" + where)
    fresh.locator('[id^="naam-field-"]').first.wait_for()
    if page.url.startswith(url):  # an admin tab: keep what its policy reported
        page.context.csp.extend(page.evaluate("window.__csp"))
    page.close(run_before_unload=False)
    return fresh


def assert_only_origins(page, allowed):
    foreign = [u for u in page.requests if urlsplit(u).scheme not in ("data", "blob")
               and f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" not in allowed]
    assert page.requests and foreign == []


def test_an_editor_creates_a_record_and_edits_a_face_card_with_a_photo(editor_project, editor, tmp_path):
    url, data, api = editor_project["url"], editor_project["data"], editor_project["api"]
    page = editor
    login(page, url)

    # A new record, with the values YAML 1.1 would misread: 0451234567, 10:00 and no.
    page = open_entry(page, url, "voorzieningen/new")
    field(page, "naam").fill("Repair Café Hulsberg")
    field(page, "samenvatting").fill("Kom je kapotte spullen maken. Vrijwilligers helpen je.")
    choose(page, "route", "Samen doen (samen)")
    choose(page, "toegang", "Vrij toegankelijk (vrij)")
    choose(page, "themas", "Ontmoeten en meedoen (ontmoeten)")
    choose(page, "kernen", "Hulsberg")
    field(page, "telefoon").fill("0451234567")
    page.get_by_role("button", name="Voeg Openingstijden toe").click()
    choose(page, "dagen", "dinsdag (di)")
    field(page, "van").fill("10:00")
    field(page, "tot").fill("12:00")
    page.get_by_role("button", name="Voeg Talen toe").click()
    field(page, "waarde").fill("no")
    field(page, "gecontroleerd", -1).fill("2026-11-20")
    publish(page)
    page.get_by_text(PUBLISHED).first.wait_for()

    saved = data / "repair-cafe-hulsberg.yaml"
    text = saved.read_text(encoding="utf-8")
    assert '"0451234567"' in text and "10:00" in text and '- "no"' in text, text
    assert "_wegwijzer" not in text and '""' not in text  # no marker, no empty fields

    # The face card: another hour, and a photo (a PNG: stored as <id>.jpg, a JPEG).
    page = open_entry(page, url, "gezichten/entries/anne-voorbeeld")
    field(page, "bereikbaar").fill("ma t/m do, 9.00-12.00")
    upload = photo(tmp_path / "portret.png")
    field(page, "foto").set_input_files(str(upload))
    page.get_by_text("Foto: anne-voorbeeld.jpg").wait_for()
    publish(page)
    page.get_by_text(PUBLISHED).first.wait_for()

    jpeg = data / "gezichten" / "anne-voorbeeld.jpg"
    assert jpeg.read_bytes()[:3] == b"\xff\xd8\xff"
    card = (data / "gezichten" / "anne-voorbeeld.yaml").read_text(encoding="utf-8")
    assert "foto: anne-voorbeeld.jpg" in card and '"2026-03-14"' in card  # the consent date kept, as text

    # The files on disk pass the checker as they are.
    code, out, _ = check(data)
    assert code == 0 and "0 fouten" in out, out

    # /admin/ asked nothing of any other origin than the site and the proxy, within its CSP.
    assert_only_origins(page, {url.rstrip("/"), api})
    assert csp_violations(page) == []

    # The next build shows the pages; residents' pages request nothing from other origins.
    site = tmp_path / "site2"
    result = build(None, site, config_file=editor_project["config"])
    assert result.ok, result.output
    record = (site / "samen-doen" / "repair-cafe-hulsberg" / "index.html").read_text(encoding="utf-8")
    assert "Repair Café Hulsberg" in record and "045 123 45 67" in record and "10:00" in record
    face = (site / "gezichtenkaart" / "anne-voorbeeld" / "index.html").read_text(encoding="utf-8")
    assert "ma t/m do, 9.00-12.00" in face and "anne-voorbeeld-240" in face
    from servers import serve

    base, server = serve(site)
    try:
        resident = page.context.new_page()
        resident.requests = []
        resident.on("request", lambda request: resident.requests.append(request.url))
        for path in ("samen-doen/repair-cafe-hulsberg/", "gezichtenkaart/anne-voorbeeld/"):
            resident.goto(base + path, wait_until="networkidle")
        assert_only_origins(resident, {base.rstrip("/")})
    finally:
        server.shutdown()


def test_bad_input_gets_the_checkers_words_and_writes_nothing(editor_project, editor, tmp_path):
    url, data = editor_project["url"], editor_project["data"]
    page = editor
    before = sorted(p.name for p in data.rglob("*"))
    login(page, url)

    # A required field left empty, and a number and a web address the checker would refuse.
    page = open_entry(page, url, "voorzieningen/new")
    field(page, "samenvatting").fill("Een test.")
    field(page, "telefoon").fill("12345")
    field(page, "website").fill("www.zonder-https")
    publish(page)
    page.get_by_text("Het verplichte veld 'Naam' ontbreekt. Vul het in.").first.wait_for()
    body = page.locator("body").text_content()
    assert "Dit is geen geldig Nederlands telefoonnummer. Schrijf het zoals je het belt" in body
    assert "Dit is geen geldig webadres. Begin met https:// (of http://)" in body

    # A file that is not a photo.
    page = open_entry(page, url, "gezichten/entries/anne-voorbeeld")
    fake = tmp_path / "foto.jpg"
    fake.write_bytes(b"%PDF-1.4 geen foto")
    field(page, "foto").set_input_files(str(fake))
    page.get_by_role("alert").filter(has_text="geen foto die de site kan tonen").wait_for()
    assert "'foto.jpg' is geen foto die de site kan tonen: het is geen heel JPEG-, PNG- of WebP-bestand" in \
        page.get_by_role("alert").filter(has_text="geen foto").inner_text()

    assert sorted(p.name for p in data.rglob("*")) == before  # nothing written, nothing lost
