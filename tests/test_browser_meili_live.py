"""The search page against a real Meilisearch server, in Chromium.

The demo data is indexed by `wegwijzer index`, the site is built with the search key
that command wrote, and the page searches the live server (the `meili` fixture:
started by the session from the `meilisearch` on PATH, or MEILI_URL). What the page
shows is compared with what the documents say, not with a fixed answer.
"""

import json
import re
from collections import Counter
from math import asin, cos, radians, sin, sqrt
from urllib.parse import urlencode, urlsplit

import pytest
import requests

from builders import site_search_config
from servers import index_and_build, serve

pytestmark = [pytest.mark.meili, pytest.mark.browser]

FALLBACK_NOTE = "Zoeken gaat even via de eenvoudige zoekfunctie."
RESULT_TITLES = "#zoek-resultaten li h3"


def wait_for_results(page):
    page.wait_for_function("/resultat|Zoeken lukt/.test(document.getElementById('zoek-status').textContent)")
    return page.inner_text("#zoek-status")


def search_requests(requests_seen, url, uid):
    return [r for r in requests_seen if r.url.startswith(url.rstrip("/") + f"/indexes/{uid}/search")]


def test_a_misspelling_finds_the_record_with_highlights_from_meilisearch(meili, meili_demo_site, chromium):
    site, uid, _, _ = meili_demo_site
    page = chromium.new_page()
    try:
        seen = []
        page.on("request", lambda r: seen.append(r))
        page.goto(site + "zoeken/?q=voedselbenk")  # one typo
        status = wait_for_results(page)
        assert FALLBACK_NOTE not in status, "the page fell back to Pagefind"
        assert "Voedselbank" in page.locator(RESULT_TITLES).first.inner_text()
        assert search_requests(seen, meili.url, uid)
        assert not [r for r in seen if "/pagefind/" in r.url], "Pagefind was loaded"
        page.fill("#zoek-q", "voedselbank")
        page.press("#zoek-q", "Enter")
        page.wait_for_function("document.querySelector('#zoek-resultaten li h3 mark')")  # Meilisearch's highlight
        assert page.locator(RESULT_TITLES + " mark").first.inner_text().lower() == "voedselbank"
        allowed = {urlsplit(site).netloc, urlsplit(meili.url).netloc}
        assert not [r.url for r in seen
                    if urlsplit(r.url).scheme not in ("data", "blob") and urlsplit(r.url).netloc not in allowed]
    finally:
        page.close()


def meili_hits(meili, uid, q, strategy="frequency"):
    """The ids Meilisearch itself finds for ``q`` (the premise of the tests below)."""
    answer = meili.client().index(uid).search(q, {"matchingStrategy": strategy, "limit": 20})
    return [hit["id"] for hit in answer["hits"]]


def asked(requests_seen, url, uid):
    """(q, matchingStrategy) of every search the page sent to Meilisearch, in order: a search's, or
    each query of a multi-search (a sentence: a query per concept, then one for the counts)."""
    found = []
    for r in requests_seen:
        if r.url.startswith(url.rstrip("/") + f"/indexes/{uid}/search"):
            found.append(json.loads(r.post_data))
        elif r.url == url.rstrip("/") + "/multi-search":
            found.extend(q for q in json.loads(r.post_data)["queries"] if q["indexUid"] == uid)
    return [(body["q"], body["matchingStrategy"]) for body in found]


def search_on_the_page(chromium, site, q):
    """(status line, result titles, the page's search requests) for /zoeken/?q=…"""
    page = chromium.new_page()
    try:
        seen = []
        page.on("request", lambda r: seen.append(r))
        page.goto(site + "zoeken/?" + urlencode({"q": q}))
        status = wait_for_results(page)
        return status, page.locator(RESULT_TITLES).all_inner_texts(), seen
    finally:
        page.close()


def test_a_compound_no_document_has_is_asked_again_as_its_parts(meili, meili_demo_site, chromium):
    """Meilisearch does not split Dutch compounds; the page asks again with the parts its
    vocabulary knows (zoektaal.js), and shows what Meilisearch finds for those."""
    site, uid, _, documents = meili_demo_site
    assert meili_hits(meili, uid, "dementiezorg") == [] and meili_hits(meili, uid, "dementie zorg")  # premise
    status, titles, seen = search_on_the_page(chromium, site, "dementiezorg")
    assert FALLBACK_NOTE not in status
    assert asked(seen, meili.url, uid) == [("dementiezorg", "frequency"), ("dementie zorg", "frequency")]
    names = {d["id"]: d["naam"] for d in documents}
    assert titles and titles == [names[i] for i in meili_hits(meili, uid, "dementie zorg")][:len(titles)]


def test_a_sentence_finds_the_pages_of_its_words(meili, meili_demo_site, chromium):
    """A sentence: the page asks Meilisearch once per meaningful word, in one request, and ranks
    the pages itself (as the built-in search does), so a page need not have every word."""
    site, uid, _, documents = meili_demo_site
    sentence = "waar kan ik gratis kleren halen voor mijn kinderen"
    status, titles, seen = search_on_the_page(chromium, site, sentence)
    sent = asked(seen, meili.url, uid)
    assert "halen" in {q for q, _ in sent} and FALLBACK_NOTE not in status
    names = {d["id"]: d["naam"] for d in documents}
    clothes = {names[d["id"]] for d in documents if "kleren" in " ".join(d.get("trefwoorden", [])).split()}
    assert clothes and clothes & set(titles[:5])


def test_a_synonym_phrase_with_filler_words_reaches_meilisearch_whole(meili, meili_demo_site, chromium):
    """'ik wil niet meer leven': "niet" and "meer" are filler words on their own, but the phrase
    is in a synonym group (search/synoniemen.yaml) with "zelfmoord"; the crisis help comes first."""
    site, uid, _, documents = meili_demo_site
    status, titles, seen = search_on_the_page(chromium, site, "ik wil niet meer leven")
    assert "niet meer leven" in [q for q, _ in asked(seen, meili.url, uid)]
    crisis = {d["naam"] for d in documents if "zelfmoord" in d.get("trefwoorden", [])}
    assert crisis and titles[0] in crisis


def option_counts(page, name):
    """{value: n} from the filter's option texts 'Label (n)'."""
    counts = {}
    for value, text in page.eval_on_selector_all(f"#f-{name} option", "os => os.map(o => [o.value, o.text])"):
        found = re.search(r"\((\d+)\)$", text)
        if value and found:
            counts[value] = int(found.group(1))
    return counts


def test_filter_counts_are_the_documents_counts(meili_demo_site, chromium):
    """/zoeken/?thema=geld: every count next to a filter value is the number of documents with
    theme geld that also have that value (the documents are the oracle, not the server)."""
    site, _, _, documents = meili_demo_site
    page = chromium.new_page(viewport={"width": 1200, "height": 900})  # wide: the filter panel is open
    try:
        page.goto(site + "zoeken/?thema=geld")
        wait_for_results(page)
        page.wait_for_function("/\\(\\d+\\)$/.test(document.querySelector(\"#f-route option[value='laten']\").text)")
        geld = [d for d in documents if "geld" in d.get("themas", [])]
        assert page.inner_text("#zoek-status").startswith(f"{len(geld)} resultaten")
        routes = Counter(d["route"] for d in geld if "route" in d)
        assert option_counts(page, "route") == {r: routes.get(r, 0) for r in ("zelf", "samen", "laten")}
        themes = Counter(t for d in geld for t in d["themas"])
        shown = option_counts(page, "thema")
        assert shown["geld"] == len(geld) and shown == {t: themes.get(t, 0) for t in shown}
        access = Counter(d["toegang"] for d in geld if "toegang" in d)
        assert option_counts(page, "toegang") == {t: access.get(t, 0) for t in ("vrij", "verwijzing", "beschikking")}
    finally:
        page.close()


def metres(lat1, lng1, lat2, lng2):
    dlat, dlng = radians(lat2 - lat1), radians(lng2 - lng1)
    h = sin(dlat / 2) ** 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(dlng / 2) ** 2
    return 2 * 6371008.8 * asin(sqrt(h))


def shown_distances(page):
    """[(title, km or None)] for the results on the page."""
    return page.eval_on_selector_all("#zoek-resultaten li", """items => items.map(li => {
        const d = li.querySelector('.ww-card__distance');
        return [li.querySelector('h3').textContent,
                d ? parseFloat(d.textContent.replace('Afstand: ', '').replace(',', '.')) : null];
    })""")


HERE = {"latitude": 50.96912, "longitude": 5.90161}  # near Heukelrade; the page rounds it to about 100 m


def test_near_me_orders_results_by_distance_from_the_granted_location(meili, meili_demo_site, chromium):
    site, uid, _, documents = meili_demo_site
    context = chromium.new_context(geolocation=HERE, permissions=["geolocation"],
                                   viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        bodies = []
        page.on("request", lambda r: bodies.append(json.loads(r.post_data))
                if r.url.startswith(meili.url) and r.post_data else None)
        page.goto(site + "zoeken/?thema=ontmoeten")
        wait_for_results(page)
        page.click("text=Bij mij in de buurt")
        page.wait_for_selector(".ww-card__distance")
        assert page.get_attribute(".ww-near", "aria-pressed") == "true"
        lat, lng = round(HERE["latitude"], 3), round(HERE["longitude"], 3)
        assert bodies[-1]["sort"] == [f"_geoPoint({lat}, {lng}):asc"]
        assert str(lat) not in page.url and str(HERE["latitude"]) not in page.url  # never in the address
        # The oracle: the documents of theme ontmoeten with a location, nearest first.
        located = sorted((d for d in documents if "ontmoeten" in d.get("themas", []) and "_geo" in d),
                         key=lambda d: metres(lat, lng, d["_geo"]["lat"], d["_geo"]["lng"]))
        shown = shown_distances(page)
        assert len(shown) == 10 and len(located) >= 10
        assert [title for title, _ in shown] == [d["naam"] for d in located[:10]]
        for (_, km), doc in zip(shown, located, strict=False):
            expected = max(metres(lat, lng, doc["_geo"]["lat"], doc["_geo"]["lng"]), 100) / 1000
            assert abs(km - expected) <= 0.051  # shown with one decimal
        # With words too: every match with the words, nearest first.
        page.fill("#zoek-q", "koffie")
        page.press("#zoek-q", "Enter")
        page.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')"
                               " && document.querySelector('.ww-card__distance')")
        kms = [km for _, km in shown_distances(page) if km is not None]
        assert len(kms) >= 3 and kms == sorted(kms)
    finally:
        context.close()


def status_becomes(page, test: str, what: str) -> str:
    """Wait for the result line to pass ``test`` (a JS expression on ``text``); on a timeout, say what it showed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        page.wait_for_function(f"(text => {test})(document.getElementById('zoek-status').textContent)")
    except PlaywrightTimeout:
        raise AssertionError(f"waited for {what}; the page shows: {page.inner_text('#zoek-status')!r}, "
                             f"results: {page.locator(RESULT_TITLES).all_inner_texts()}") from None
    return page.inner_text("#zoek-status")


def test_the_page_falls_back_to_pagefind_when_the_server_stops_during_a_visit(own_meili, tmp_path, chromium):
    """The page's clock stands still while the live server must answer: on a busy machine a
    first search slower than the page's 1.5 s budget would otherwise fall back before the server
    stops (tests/test_browser_meili_fallback.py checks that budget itself, to the millisecond).
    Time runs again once the server is stopped."""
    import secrets

    from servers import MeiliTarget

    target = MeiliTarget(own_meili.url, own_meili.master_key, own_meili)
    uid = f"wegwijzer-stop-{secrets.token_hex(4)}"
    site_dir, _ = index_and_build(target, uid, tmp_path)
    site, server = serve(site_dir)
    page = chromium.new_page()
    try:
        seen = []
        page.on("request", lambda r: seen.append(r))
        page.clock.install()
        page.goto(site + "zoeken/", wait_until="load")
        page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # page time stands still
        page.fill("#zoek-q", "voedselbank")
        page.press("#zoek-q", "Enter")
        status = status_becomes(page, "/resultat|Zoeken lukt/.test(text)", "the first results")
        assert FALLBACK_NOTE not in status and search_requests(seen, own_meili.url, uid)
        assert not [r for r in seen if "/pagefind/" in r.url]
        assert page.is_visible(".ww-near")
        own_meili.stop()  # in the middle of the visit
        page.clock.resume()
        page.fill("#zoek-q", "hoeskamer")
        page.press("#zoek-q", "Enter")
        status = status_becomes(page, f"text.includes({FALLBACK_NOTE!r})", "the fallback note")
        assert re.match(r"[1-9]\d* resultat", status)
        assert "Hoeskamer" in page.locator(RESULT_TITLES).all_inner_texts()[0]
        assert [r for r in seen if "/pagefind/" in r.url], "Pagefind was not used"
        assert not page.is_visible(".ww-near")  # distance needs Meilisearch
        # The rest of the visit stays with Pagefind: no further request to the stopped server.
        before = len(search_requests(seen, own_meili.url, uid))
        page.fill("#zoek-q", "voedselbank")
        page.press("#zoek-q", "Enter")
        status_becomes(page, "/resultat/.test(text) && !text.includes('eenvoudige') && document.querySelector("
                             "'#zoek-resultaten li h3').textContent.includes('Voedselbank')",
                       "Voedselbank first, from Pagefind, without the note")
        assert len(search_requests(seen, own_meili.url, uid)) == before
    finally:
        page.close()
        server.shutdown()


def test_the_key_in_the_built_page_may_only_search_the_portals_index(meili, meili_demo_site):
    """The search key is public (anyone can read it from /zoeken/): the server refuses it
    everything but searching the portal's own index, with HTTP 403."""
    _, uid, site_dir, _ = meili_demo_site
    config = site_search_config(site_dir)
    assert config["url"] == meili.url and config["index"] == uid and config["key"] != meili.master_key
    client = meili.client()
    other = uid + "-ander"
    client.wait_for_task(client.create_index(other, {"primaryKey": "id"}).task_uid, timeout_in_ms=60000)
    headers = {"Authorization": f"Bearer {config['key']}"}
    try:
        def call(method, path, body=None):
            return requests.request(method, meili.url + path, json=body, headers=headers, timeout=10)

        assert call("POST", f"/indexes/{uid}/search", {"q": "voedselbank"}).json()["hits"]
        refused = {
            "add documents": call("POST", f"/indexes/{uid}/documents", [{"id": "nep", "naam": "Nep"}]),
            "read keys": call("GET", "/keys"),
            "search another index": call("POST", f"/indexes/{other}/search", {"q": ""}),
            "add to another index": call("POST", f"/indexes/{other}/documents", [{"id": "nep"}]),
            "delete the index": call("DELETE", f"/indexes/{uid}"),
        }
        assert {name: r.status_code for name, r in refused.items()} == {name: 403 for name in refused}
        assert all(r.json()["code"] == "invalid_api_key" for r in refused.values())
        assert client.index(other).get_stats().number_of_documents == 0
        assert client.index(uid).search("Nep")["hits"] == []
    finally:
        client.wait_for_task(client.delete_index(other).task_uid, timeout_in_ms=60000)


def test_a_hit_says_its_route_and_who_decides_from_meilisearch(meili, meili_demo_site, chromium):
    """The page asks Meilisearch for the description's retrieved fields: a record the CIZ decides
    on shows that badge, and each record its route, as the built-in search does."""
    site, uid, _, _ = meili_demo_site
    documents = meili.client().index(uid).get_documents({"limit": 1000}).results
    ciz = next(dict(d) for d in documents if dict(d).get("beslist") == "ciz")
    page = chromium.new_page()
    try:
        page.goto(site + "zoeken/?" + urlencode({"q": ciz["naam"]}))
        assert FALLBACK_NOTE not in wait_for_results(page), "the page fell back to Pagefind"
        card = page.locator("#zoek-resultaten li", has_text=ciz["naam"]).first
        assert card.locator(".ww-badge--beschikking").inner_text() == "Besluit van het CIZ nodig"
        assert card.locator(".ww-route").inner_text() == {"zelf": "Zelf doen", "samen": "Samen doen",
                                                           "laten": "Laten doen"}[ciz["route"]]
    finally:
        page.close()
