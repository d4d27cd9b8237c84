"""Close to home and a say for residents, in Chromium, on a site built from data this test writes:
kern pages, spreekuren, the record page's places, life events and "Zorgen om een ander", one
front door, complaints and objections, printable postcards whose QR codes (read back with
zxing-cpp) lead to the feedback page, and that form by e-mail or to a form address, each under
the Content-Security-Policy the build writes. axe-core at phone and desktop size, no requests
to other origins, search finds the pages."""

from __future__ import annotations

import http.server
import json
import re
import threading
from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from builders import GEMEENTE_YAML, RECENT, REPO, build, minimal_face, project_config, q, write
from servers import serve, serve_with_headers

pytestmark = pytest.mark.browser

AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}
DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
COUNT_VIOLATIONS = """
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    e.violatedDirective + ' ' + (e.blockedURI || '')));
"""

LOKET = """
loket:
  naam: het Sociaal Team Beekdaelen
  kanalen:
    - soort: telefoon
      telefoon: 14 046
      tijden:
        - dagen: [ma, di, wo, do, vr, za, zo]
          van: 0:00
          tot: 24:00
    - soort: binnenlopen
      naam: Gemeentehuis
      adres: Markt 1
      postcode: 6361 EA
      plaats: Hulsberg
    - soort: huisbezoek
      uitleg: Kun je niet komen? Dan komen wij bij je thuis.
  gesprek_binnen: 5 werkdagen
  organisaties: [sociaal-team, inloop]
  clientondersteuning: inloop
bezwaar:
  email: bezwaar@gemeente.example
  adres: Gemeente Beekdaelen, Postbus 1, 6360 AA Nuth
"""


def record(name: str, extra: str) -> str:
    return (f"naam: {q(name)}\nsamenvatting: Kom langs met je vraag. Wij helpen je.\nroute: laten\ntoegang: vrij\n"
            f"themas: [geld]\ngecontroleerd: {RECENT}\n" + extra)


def write_project(folder, gemeente_extra: str = ""):
    data, content = folder / "voorzieningen", folder / "content"
    write(data, "gemeente.yaml", GEMEENTE_YAML + LOKET + gemeente_extra)
    write(data, "sociaal-team.yaml", record("Sociaal Team Beekdaelen", "kernen: [Amstenrade]\n"
                                            "contact:\n  telefoon: 14 046\n"))
    # Names Amstenrade, and holds spreekuren in Hulsberg: it counts for both.
    write(data, "inloop.yaml", record("Inloop bij de bibliotheek", f"""kernen: [Amstenrade]
locaties:
  - naam: Bibliotheek Hulsberg
    adres: Kerkstraat 2
    plaats: Hulsberg
  - naam: Basisschool De Linde
    adres: Schoolstraat 9
    plaats: Amstenrade
openingstijden:
  - dagen: [ma, di, wo, do, vr, za, zo]
    van: 0:00
    tot: 24:00
    soort: spreekuur
    locatie: Bibliotheek Hulsberg
    toelichting: Altijd iemand aanwezig.
  - dagen: [ma, di, wo, do, vr, za, zo]
    van: 0:00
    tot: 0:01
    soort: spreekuur
    locatie: Basisschool De Linde
wachttijd:
  tekst: binnen 3 werkdagen een gesprek
  gecontroleerd: {RECENT}
"""))
    write(data, "schuldhulp.yaml", record("Schuldhulp voor iedereen", "trefwoorden: [schulden]\n"))
    write(data, "gezichten/dorp.yaml", minimal_face("kernen: [Hulsberg]\nvoorziening: sociaal-team\n",
                                                     gecontroleerd=RECENT).replace("Anne Voorbeeld", "Dirk Dorp"))
    write(content, "artikelen/zwanger.md", "---\ntitle: Zwanger, en nu?\nsamenvatting: Wat je kunt regelen.\n---\n\n"
                                           "Tekst voor aanstaande ouders.\n")
    write(content, "begrippen.yaml", "- term: spreekuur\n  uitleg: Een vaste tijd om zonder afspraak langs te komen.\n")
    write(content, "levensloop/kind.yaml", """titel: Je krijgt een kind
intro: Je bent zwanger. Er komt veel op je af. Hier zie je wat je kunt regelen.
themas: [opvoeden]
doelgroepen: [ouders]
stappen:
  - artikel: zwanger
    uitleg: Lees eerst wat je kunt regelen.
  - voorziening: inloop
    uitleg: Met al je vragen kun je naar de inloop.
""")
    write(content, "zorgen-om-een-ander.yaml", """titel: Zorgen om een ander
intro: Gaat het niet goed met een buur of familielid? Hier lees je wie je kunt bellen.
let_op: Is er direct gevaar? Bel 112.
stappen:
  - voorziening: sociaal-team
    uitleg: Bespreek je zorgen met het Sociaal Team.
""")
    return data, content


class _Receiver(http.server.BaseHTTPRequestHandler):
    """A municipality's form service stand-in on 127.0.0.1: it keeps what the feedback form posts."""

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        self.server.received.append({k: v[0] for k, v in parse_qs(body).items()})
        page = b"<!doctype html><html lang=nl><title>Dank je</title><p>Dank je wel.</p></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def do_GET(self):  # the browser asks for a favicon
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _build(folder, gemeente_extra: str = ""):
    """Serve first (port 0), then build with that address as site_url, so the QR codes lead here."""
    site = folder / "site"
    site.mkdir(parents=True)
    base, server = serve(site)
    data, content = write_project(folder, gemeente_extra)
    config = project_config(folder, {"docs_dir: content": f"docs_dir: {content}",
                                     "site_url: https://wegwijzer.dalveld.example/": f"site_url: {base}"})
    result = build(data, site, config_file=config)
    assert result.ok, result.output
    return base, server, site


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    """The site with the feedback form by e-mail: (base URL, site folder)."""
    base, server, site = _build(tmp_path_factory.mktemp("dichtbij"))
    yield base, site
    server.shutdown()


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    """The same data with terugkoppeling.formulier at a receiver on 127.0.0.1: (base, site, receiver)."""
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    receiver.received = []
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{receiver.server_port}/mening"
    base, server, site = _build(tmp_path_factory.mktemp("formulier"), f"terugkoppeling:\n  formulier: {address}\n")
    yield base, site, receiver
    server.shutdown()
    receiver.shutdown()


def new_page(chromium, viewport=PHONE, **options):
    ctx = chromium.new_context(viewport=viewport, **options)
    ctx.add_init_script(COUNT_VIOLATIONS)
    page = ctx.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    return ctx, page


def policy(site) -> str:
    return (site / ".deploy" / "csp.txt").read_text(encoding="utf-8").strip()


NEW_PAGES = ["kern/hulsberg/", "spreekuren/", "laten-doen/inloop/", "levensloop/", "levensloop/kind/",
             "zorgen-om-een-ander/", "een-loket/", "klachten/", "postkaart/", "hoe-ging-het/inloop/",
             "hele-gemeente/"]


# --- kern pages ---------------------------------------------------------------------------------


def test_kern_page_order_and_the_whole_municipality_closed_on_phones(chromium, local_site):
    base, _ = local_site
    ctx, page = new_page(chromium)
    page.goto(base + "kern/hulsberg/")
    headings = page.locator("main h2").all_inner_texts()
    assert headings[:4] == ["In Hulsberg", "Mensen in Hulsberg", "Spreekuren in Hulsberg deze week",
                            "Voor de hele gemeente"]
    assert page.locator("#h-hier ~ ul .ww-card__title").all_inner_texts() == ["Inloop bij de bibliotheek"]
    assert "Dirk Dorp" in page.inner_text("section[aria-labelledby=h-mensen]")
    details = page.locator("details.ww-whole__list")
    assert details.evaluate("d => d.open") is False and not page.get_by_text("Schuldhulp voor iedereen").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # printing opens it
    assert details.evaluate("d => d.open") is True
    ctx.close()
    ctx, wide = new_page(chromium, DESKTOP)
    wide.goto(base + "kern/hulsberg/")
    assert wide.get_by_text("Schuldhulp voor iedereen").is_visible()
    ctx.close()


# --- spreekuren and the record page -----------------------------------------------------------------


def test_the_week_of_spreekuren_says_which_day_is_today(chromium, local_site):
    base, _ = local_site
    ctx, page = new_page(chromium)
    page.goto(base + "spreekuren/")
    today = DAYS[datetime.now(ZoneInfo("Europe/Amsterdam")).weekday()]
    assert page.locator("[data-ww-day]").evaluate_all("els => els.map(e => e.dataset.wwDay)") == DAYS
    label = page.locator(f'[data-ww-day="{today}"] .ww-today-label')
    label.wait_for(state="visible")
    assert label.inner_text() == "(vandaag)" and page.locator(".ww-today-label:visible").count() == 1
    monday = page.locator("section[aria-labelledby=dag-ma]").inner_text()
    assert monday.index("Amstenrade") < monday.index("Hulsberg")  # kernen in gemeente.yaml's order
    assert "Bibliotheek Hulsberg, Kerkstraat 2, Hulsberg" in monday
    # the glossary explains the word the first time (not in the heading)
    assert page.locator("main abbr[title='Een vaste tijd om zonder afspraak langs te komen.']").count() == 1
    ctx.close()


def test_the_record_page_groups_hours_by_place_and_open_now_keeps_working(chromium, local_site):
    base, _ = local_site
    ctx, page = new_page(chromium)
    page.goto(base + "laten-doen/inloop/")
    places = page.locator("li.ww-place")
    assert places.count() == 2
    library, school = places.nth(0), places.nth(1)
    assert "Bibliotheek Hulsberg" in library.inner_text() and "Altijd iemand aanwezig." in library.inner_text()
    library.locator(".ww-open-now").wait_for(state="visible")
    assert library.locator(".ww-open-now").inner_text() == "Nu spreekuur"
    now = datetime.now(ZoneInfo("Europe/Amsterdam"))
    if (now.hour, now.minute) != (0, 0):  # the school's spreekuur is 0:00-0:01
        assert school.locator(".ww-open-now").inner_text() == "Nu geen spreekuur"
    assert "Wachttijd: binnen 3 werkdagen een gesprek" in page.inner_text("main")
    ctx.close()


# --- life events and "Zorgen om een ander" ---------------------------------------------------------


def test_from_the_home_page_through_a_life_event_to_a_step(chromium, local_site):
    base, _ = local_site
    ctx, page = new_page(chromium)
    page.goto(base)
    assert page.locator("#h-zorgen").is_visible()
    page.get_by_role("link", name="Je krijgt een kind").click()
    page.wait_for_url("**/levensloop/kind/")
    steps = page.locator("ol.ww-steps > li h3").evaluate_all("els => els.map(e => e.textContent)")
    assert steps == ["Stap 1: Zwanger, en nu?", "Stap 2: Inloop bij de bibliotheek"]
    page.locator("ol.ww-steps > li").nth(1).get_by_role("link").click()
    page.wait_for_url("**/laten-doen/inloop/")
    page.goto(base)
    page.locator("#h-zorgen ~ p a").click()
    page.wait_for_url("**/zorgen-om-een-ander/")
    assert "Is er direct gevaar? Bel 112." in page.inner_text(".ww-alert")
    ctx.close()


# --- one front door, complaints -------------------------------------------------------------------


def test_the_front_door_and_the_complaints_page(chromium, local_site):
    base, _ = local_site
    ctx, page = new_page(chromium)
    page.goto(base + "een-loket/")
    channels = page.locator("li.ww-channel h3").all_inner_texts()
    assert channels == ["Bellen", "Binnenlopen", "Iemand komt bij je thuis"]
    page.locator("li.ww-channel--telefoon .ww-open-now").wait_for(state="visible")
    assert page.locator("li.ww-channel--telefoon .ww-open-now").inner_text() == "Nu open"
    assert "Markt 1" in page.locator("li.ww-channel--binnenlopen").inner_text()
    assert "Dirk Dorp" in page.locator("section[aria-labelledby=h-wie]").inner_text()
    page.get_by_role("link", name="klacht indient of bezwaar maakt").click()
    page.wait_for_url("**/klachten/")
    text = page.inner_text("main")
    assert "Je hebt 6 weken de tijd." in text and "Gemeente Beekdaelen, Postbus 1, 6360 AA Nuth" in text
    page.get_by_role("link", name="Maak bezwaar").click()
    assert page.evaluate("location.hash") == "#bezwaar"
    ctx.close()


# --- postcards and the feedback form ----------------------------------------------------------------


def test_each_postcards_qr_code_leads_to_its_feedback_page(chromium, local_site):
    import io

    import zxingcpp
    from PIL import Image

    base, _ = local_site
    ctx, page = new_page(chromium, DESKTOP)
    page.goto(base + "postkaart/")
    codes = page.locator(".ww-postcard__qr svg")
    assert codes.count() == 2
    read = []
    for i in range(2):
        image = Image.open(io.BytesIO(codes.nth(i).screenshot()))
        read += [r.text for r in zxingcpp.read_barcodes(image)]
    assert read == [base + "hoe-ging-het/sociaal-team/", base + "hoe-ging-het/inloop/"]
    page.goto(read[1])
    assert page.inner_text("h1") == "Hoe ging het?" and "Inloop bij de bibliotheek" in page.inner_text(".ww-lead")
    ctx.close()


def test_postcards_print_one_a6_card_per_sheet(chromium, local_site):
    base, _ = local_site
    ctx = chromium.new_context()
    page = ctx.new_page()
    page.goto(base + "postkaart/")
    pdf = page.pdf(prefer_css_page_size=True)
    ctx.close()
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) == 2  # two access organisations, one sheet each
    for width, height in boxes:  # A6: 105 x 148 mm = 297.6 x 419.5 pt
        assert abs(float(width) - 297.6) < 2 and abs(float(height) - 419.5) < 2


def _answer(page):
    page.locator(".ww-question--gehoord").get_by_label("een beetje").check()
    page.locator(".ww-question--volgende_stap").get_by_label("ja").check()
    page.locator(".ww-question--cijfer").get_by_label("8", exact=True).check()
    page.fill("#f-beter", "Sneller terugbellen & <b>duidelijker</b>")


def test_the_feedback_form_opens_a_prefilled_email_under_the_policy(chromium, local_site):
    base, site = local_site
    strict, server = serve_with_headers(site, {"Content-Security-Policy": policy(site)})
    try:
        ctx, page = new_page(chromium)
        page.goto(strict + "hoe-ging-het/inloop/")
        _answer(page)
        page.get_by_role("button", name="Verstuur").click()
        note = page.locator(".ww-feedback__mail")
        note.wait_for(state="visible")
        href = note.locator("a").get_attribute("href")
        found = page.evaluate("window.__violations")
        ctx.close()
    finally:
        server.shutdown()
    assert found == []
    address, _, query = href.partition("?")
    assert address == "mailto:info@gemeente.example"  # no terugkoppeling.email: the municipality's contact
    fields = {k: unquote(v) for k, v in (pair.split("=", 1) for pair in query.split("&"))}
    assert fields["subject"] == "Hoe ging het? Inloop bij de bibliotheek"
    assert fields["body"].splitlines() == [
        "Organisatie: Inloop bij de bibliotheek", "Voelde je je gehoord? een beetje",
        "Weet je wat er nu gaat gebeuren? ja", "Welk cijfer geef je het contact? 8",
        "Wat kan er beter? Sneller terugbellen & <b>duidelijker</b>",
        "Wil je dat we contact met je opnemen? Schrijf dan je telefoonnummer of e-mailadres. -"]


def test_the_feedback_form_posts_to_the_configured_address_allowed_by_the_policy(chromium, form_site):
    base, site, receiver = form_site
    written = policy(site)
    origin = "http://127.0.0.1:%d" % receiver.server_port
    assert f"form-action 'self' {origin};" in written and "mailto" not in written
    strict, server = serve_with_headers(site, {"Content-Security-Policy": written})
    without, other = serve_with_headers(site, {"Content-Security-Policy": written.replace(" " + origin, "")})
    try:
        ctx, page = new_page(chromium)
        page.goto(strict + "hoe-ging-het/sociaal-team/")
        _answer(page)
        page.get_by_role("button", name="Verstuur").click(no_wait_after=True)
        page.wait_for_url(origin + "/mening")
        assert page.inner_text("p") == "Dank je wel."
        assert page.evaluate("window.__violations") == []
        ctx.close()
        assert receiver.received == [{"organisatie": "Sociaal Team Beekdaelen", "gehoord": "een beetje",
                                      "volgende_stap": "ja", "cijfer": "8",
                                      "beter": "Sneller terugbellen & <b>duidelijker</b>"}]
        # Control: a policy without the address refuses the form, and nothing arrives.
        ctx, page = new_page(chromium)
        page.goto(without + "hoe-ging-het/sociaal-team/")
        page.get_by_role("button", name="Verstuur").click(no_wait_after=True)
        page.wait_for_timeout(500)
        assert [v for v in page.evaluate("window.__violations") if v.startswith("form-action")]
        ctx.close()
        assert len(receiver.received) == 1
    finally:
        server.shutdown()
        other.shutdown()


# --- every new page: axe, the strict policy, no other origins, search ------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_every_new_page_is_axe_clean(chromium, local_site, viewport):
    assert AXE.is_file(), "run 'npm ci' in tests/ to install axe-core"
    base, _ = local_site
    found = {}
    for path in NEW_PAGES:
        ctx, page = new_page(chromium, viewport)
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
        ctx.close()
        if violations:
            found[path] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    assert found == {}


def test_every_new_page_works_under_the_policy_and_asks_nothing_from_other_origins(chromium, local_site):
    base, site = local_site
    strict, server = serve_with_headers(site, {"Content-Security-Policy": policy(site)})
    problems = {}
    try:
        for path in NEW_PAGES:
            ctx, page = new_page(chromium)
            errors = []
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.goto(strict + path, wait_until="networkidle")
            page.wait_for_timeout(100)
            foreign = [u for u in page.requests if not u.startswith(strict) and not u.startswith("data:")]
            if page.evaluate("window.__violations") or errors or foreign:
                problems[path] = (page.evaluate("window.__violations"), errors, foreign)
            ctx.close()
    finally:
        server.shutdown()
    assert problems == {}


def test_no_page_has_an_inline_script_or_style(local_site):
    _, site = local_site
    inline = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>|<style\b|\sstyle=|\son[a-z]+=")
    assert [p for p in NEW_PAGES if inline.search((site / p / "index.html").read_text(encoding="utf-8"))] == []


def _search(page, base, query):
    page.goto(base + "zoeken/?" + query)
    page.wait_for_function("/\\d+ resulta/.test(document.getElementById('zoek-status').textContent)")
    return page.locator("#zoek-resultaten li")


def test_search_finds_the_new_pages_and_follows_the_kern_rule(chromium, local_site):
    base, _ = local_site
    ctx, page = new_page(chromium)
    results = _search(page, base, "q=bezwaar")
    assert "Klachten en bezwaar" in results.first.inner_text()
    assert any(t.startswith("Je krijgt een kind") for t in _search(page, base, "q=zwanger").all_inner_texts())
    assert any("Spreekuren deze week" in t for t in _search(page, base, "q=spreekuur").all_inner_texts())
    # "Inloop" names Amstenrade and holds a spreekuur in Hulsberg: the Hulsberg filter finds it,
    # with its waiting time on the result card.
    hulsberg = _search(page, base, "q=inloop&kern=hulsberg")
    card = [t for t in hulsberg.all_inner_texts() if t.startswith("Inloop bij de bibliotheek")]
    assert card and "Wachttijd: binnen 3 werkdagen een gesprek" in card[0]
    ctx.close()


def test_the_search_documents_match_the_pages(local_site):
    """The Meilisearch documents hold the same new pages Pagefind indexed (same addresses)."""
    from wegwijzer.search.reindex import prepare
    base, site = local_site
    data = site.parent / "voorzieningen"
    documents, _, result = prepare(data, site.parent / "content")
    urls = {d["url"] for d in documents}
    assert {"een-loket/", "klachten/", "spreekuren/", "levensloop/kind/", "zorgen-om-een-ander/"} <= urls
    assert all((site / u / "index.html").is_file() for u in urls)
    inloop = next(d for d in documents if d.get("record_id") == "inloop")
    assert inloop["kernen"] == ["amstenrade", "hulsberg"] and inloop["wachttijd"].startswith("binnen 3 werkdagen")
    assert json.dumps(documents)  # JSON-ready
    assert urlsplit(base).hostname == "127.0.0.1"
