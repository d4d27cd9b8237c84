"""Live tests against a real Meilisearch server. Skipped unless MEILI_URL is set.

Run them with a local server (see the README, "Zoeken met Meilisearch"):

    MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=... python -m pytest tests/test_meili_live.py

Each run uses its own index uids (`wegwijzer-test-<random>`) and deletes them, and the
search keys it made, afterwards. These tests have NOT been run on the development
machine (no Meilisearch server could be installed there).
"""

import os
import secrets
from datetime import date

import pytest

from helpers import DEMO_DATA, PROJECT_SYNONYMS, model_dataset

pytestmark = [
    pytest.mark.meili,
    pytest.mark.skipif(not os.environ.get("MEILI_URL"),
                       reason="MEILI_URL is not set: no live Meilisearch server to test against"),
]

if os.environ.get("MEILI_URL"):
    import meilisearch

    from wegwijzer.search.documents import build_documents
    from wegwijzer.search.indexer import Indexer, IndexingFailed
    from wegwijzer.search.keys import ensure_search_key
    from wegwijzer.search.settings import index_settings

URL = os.environ.get("MEILI_URL", "")
MASTER = os.environ.get("MEILI_MASTER_KEY") or None


def live_documents():
    """The model dataset plus a second located record, so distance sorting means something."""
    from wegwijzer.records.model import Location, Voorziening

    dataset = model_dataset()
    nuth = Voorziening(
        id="repair-cafe-nuth", naam="Repair Café Nuth", samenvatting="Samen spullen repareren.",
        route="samen", toegang="vrij", themas=("ontmoeten",), gecontroleerd=date(2026, 9, 1),
        kernen=("Nuth",), locaties=(Location(naam="Buurthuis", postcode="6361 AB", plaats="Nuth",
                                             lat=50.9170, lon=5.8850),))
    dataset.voorzieningen.append(nuth)
    return build_documents(dataset)


@pytest.fixture(scope="module")
def client():
    return meilisearch.Client(URL, MASTER, timeout=30)


@pytest.fixture(scope="module")
def live_uid(client):
    uid = f"wegwijzer-test-{secrets.token_hex(4)}"
    yield uid
    for index in client.get_raw_indexes({"limit": 1000})["results"]:
        if index["uid"].startswith(uid):
            client.wait_for_task(client.delete_index(index["uid"]).task_uid, timeout_in_ms=60000)
    for key in client.get_keys({"limit": 1000}).results:
        if key.name and key.name.endswith(uid) or any(i.startswith(uid) for i in key.indexes):
            client.delete_key(key.uid)


@pytest.fixture(scope="module")
def indexed(client, live_uid):
    docs = live_documents()
    report = Indexer(client, url=URL, progress=False, task_timeout_s=120).run(
        docs, index_settings(synonyms_path=PROJECT_SYNONYMS), live_uid, "id", batch_size=2)
    assert report.documents == len(docs) and not report.warnings
    return client.index(live_uid), docs


def ids(result):
    return [hit["id"] for hit in result["hits"]]


def test_all_documents_are_live_and_the_fresh_index_is_gone(client, live_uid, indexed):
    index, docs = indexed
    assert index.get_stats().number_of_documents == len(docs)
    uids = [i["uid"] for i in client.get_raw_indexes({"limit": 1000})["results"]]
    assert not [u for u in uids if u.startswith(live_uid + "-nieuw-")]


def test_settings_are_applied(indexed):
    index, _ = indexed
    settings = index.get_settings()
    assert settings["searchableAttributes"][:3] == ["naam", "trefwoorden", "samenvatting"]
    assert "_geo" in settings["filterableAttributes"] and "_geo" in settings["sortableAttributes"]
    assert "geldzorgen" in settings["synonyms"]["schulden"]


def test_search_with_a_typo(indexed):
    index, _ = indexed
    assert "voorziening-hoeskamer-schinveld" in ids(index.search("hoeskamr"))


def test_search_with_a_synonym(indexed):
    index, _ = indexed
    found = ids(index.search("geldzorgen"))
    assert "voorziening-schuldhulp" in found  # its text says "schulden"


def test_highlighting(indexed):
    index, _ = indexed
    result = index.search("koffie", {"attributesToHighlight": ["beschrijving"], "highlightPreTag": "<mark>",
                                     "highlightPostTag": "</mark>"})
    assert "<mark>koffie</mark>" in result["hits"][0]["_formatted"]["beschrijving"].lower()


def test_facet_filter_and_counts(indexed):
    index, docs = indexed
    result = index.search("", {"filter": "themas = geld", "facets": ["route", "themas", "soort"]})
    assert set(ids(result)) == {d["id"] for d in docs if "geld" in d.get("themas", [])}
    assert result["facetDistribution"]["themas"]["geld"] == len(result["hits"])
    assert result["facetDistribution"]["soort"] == {"voorziening": 1, "gezicht": 1}


def test_kernen_filter_includes_municipality_wide_services(indexed):
    index, _ = indexed
    found = ids(index.search("", {"filter": "kernen = nuth"}))
    assert "voorziening-schuldhulp" in found and "voorziening-repair-cafe-nuth" in found
    assert "voorziening-hoeskamer-schinveld" not in found


def test_geo_sort_near_me(indexed):
    index, _ = indexed
    near_nuth = index.search("", {"filter": "_geoRadius(50.917, 5.885, 50000)",
                                  "sort": ["_geoPoint(50.917, 5.885):asc"]})
    assert ids(near_nuth)[:2] == ["voorziening-repair-cafe-nuth", "voorziening-hoeskamer-schinveld"]
    assert near_nuth["hits"][0]["_geoDistance"] < near_nuth["hits"][1]["_geoDistance"]
    near_schinveld = index.search("", {"filter": "_geoRadius(50.97, 5.98, 50000)",
                                       "sort": ["_geoPoint(50.97, 5.98):asc"]})
    assert ids(near_schinveld)[0] == "voorziening-hoeskamer-schinveld"


def test_no_typos_on_postcodes(indexed):
    index, _ = indexed
    assert "voorziening-repair-cafe-nuth" in ids(index.search("6361AB"))
    assert "voorziening-repair-cafe-nuth" not in ids(index.search("6316AB"))


@pytest.mark.parametrize("bad", [
    {"id": "voorziening-ongeldig-é", "naam": "Ongeldige id"},
    {"id": "voorziening-slechte-geo", "naam": "Slechte geo", "_geo": {"lat": "noord", "lng": 5.9}},
])
def test_a_rejected_document_leaves_the_live_index_intact(client, live_uid, indexed, bad):
    index, docs = indexed
    before = index.get_stats().number_of_documents
    with pytest.raises(IndexingFailed) as failed:
        Indexer(client, url=URL, progress=False, task_timeout_s=120).run(
            docs[:2] + [bad], index_settings(synonyms_path=PROJECT_SYNONYMS), live_uid, "id", batch_size=2)
    assert "batch 2 van 2" in failed.value.message
    assert index.get_stats().number_of_documents == before
    assert "voorziening-repair-cafe-nuth" in ids(index.search("repair"))
    uids = [i["uid"] for i in client.get_raw_indexes({"limit": 1000})["results"]]
    assert not [u for u in uids if u.startswith(live_uid + "-nieuw-")]


def test_wrong_key_is_refused_and_changes_nothing(live_uid, indexed):
    index, docs = indexed
    wrong = meilisearch.Client(URL, "dit-is-niet-de-sleutel", timeout=30)
    if MASTER is None:
        pytest.skip("the server runs without a master key, so every key is accepted")
    with pytest.raises(IndexingFailed, match="weigert de sleutel"):
        settings = index_settings(synonyms_path=PROJECT_SYNONYMS)
        Indexer(wrong, url=URL, progress=False).run(docs, settings, live_uid, "id")
    assert index.get_stats().number_of_documents == len(docs)


def test_refused_connection(live_uid):
    dead = meilisearch.Client("http://127.0.0.1:9", "x", timeout=5)
    with pytest.raises(IndexingFailed, match="niet bereikbaar"):
        Indexer(dead, url="http://127.0.0.1:9", progress=False).run([], {}, live_uid, "id")


def test_search_key_can_search_but_not_write(client, live_uid, indexed):
    if MASTER is None:
        pytest.skip("keys need a server started with a master key")
    key = ensure_search_key(client, live_uid, MASTER)
    again = ensure_search_key(client, live_uid, MASTER)
    assert again.key == key.key and not again.created
    searcher = meilisearch.Client(URL, key.key, timeout=30)
    assert searcher.index(live_uid).search("hoeskamer")["hits"]
    with pytest.raises(meilisearch.errors.MeilisearchApiError) as denied:
        searcher.index(live_uid).add_documents([{"id": "x"}])
    assert denied.value.status_code == 403


@pytest.mark.skipif(not (DEMO_DATA / "gemeente.yaml").is_file(), reason="no demo data folder")
def test_index_the_demo_data_with_the_command(client, live_uid, tmp_path, monkeypatch, capsys):
    from wegwijzer.cli import main

    uid = live_uid + "-demo"
    monkeypatch.setenv("MEILI_URL", URL)
    if MASTER:
        monkeypatch.setenv("MEILI_MASTER_KEY", MASTER)
    config = tmp_path / "meili.json"
    code = main(["index", str(DEMO_DATA), "--index-uid", uid, "--site-config", str(config), "--quiet"])
    out, err = capsys.readouterr()
    if MASTER is None:
        assert code == 2 and "MEILI_MASTER_KEY" in err
        return
    assert code == 0, err
    assert MASTER not in config.read_text() and MASTER not in out + err
    stats = client.index(uid).get_stats()
    assert stats.number_of_documents > 100


# --- the site's search page against the real server ----------------------------------------


@pytest.mark.browser
@pytest.mark.skipif(not (DEMO_DATA / "gemeente.yaml").is_file(), reason="no demo data folder")
def test_search_page_queries_meilisearch_from_the_browser(client, live_uid, chromium, tmp_path, monkeypatch):
    """`wegwijzer index` writes .wegwijzer/meili.json; the site built with it searches Meilisearch."""
    from urllib.parse import urlsplit

    from helpers import build, serve
    from wegwijzer.cli import main

    if MASTER is None:
        pytest.skip("a search key needs a server started with a master key")
    uid = live_uid + "-site"
    monkeypatch.setenv("MEILI_URL", URL)
    monkeypatch.setenv("MEILI_MASTER_KEY", MASTER)
    meili_json = tmp_path / ".wegwijzer" / "meili.json"
    assert main(["index", str(DEMO_DATA), "--index-uid", uid, "--site-config", str(meili_json), "--quiet"]) == 0
    # The build sees no MEILI_* variable at all: url, index and search key come from meili.json.
    result = build(DEMO_DATA, tmp_path / "site", env={}, site_config=meili_json)
    assert result.ok, result.output
    site, server = serve(tmp_path / "site")
    page = chromium.new_page()
    try:
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(site + "zoeken/?q=voedselbenk")  # one typo
        page.wait_for_function("document.getElementById('zoek-status').textContent.includes('resultat')")
        status = page.inner_text("#zoek-status")
        assert "eenvoudige" not in status, "the page fell back to Pagefind"
        assert "Voedselbank" in page.locator("#zoek-resultaten li h3").first.inner_text()
        assert any(u.startswith(URL.rstrip("/") + f"/indexes/{uid}/search") for u in requests)
        assert not [u for u in requests if "/pagefind/" in u], "Pagefind was loaded"
        page.fill("#zoek-q", "voedselbank")
        page.press("#zoek-q", "Enter")
        page.wait_for_function("document.querySelector('#zoek-resultaten li h3 mark')")  # Meilisearch's highlight
        assert page.locator("#zoek-resultaten li h3 mark").first.inner_text().lower() == "voedselbank"
        # Filter counts come from Meilisearch's facetDistribution, in the page's values.
        page.select_option("#f-thema", "geld")
        page.wait_for_function("location.search.includes('thema=geld')")
        page.wait_for_function(
            "/\\(\\d+\\)$/.test(document.querySelector(\"#f-thema option[value='geld']\").textContent)")
        allowed = {urlsplit(site).netloc, urlsplit(URL).netloc}
        assert not [u for u in requests
                    if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc not in allowed]
    finally:
        page.close()
        server.shutdown()


def test_a_fresh_index_left_by_a_killed_run_is_removed_by_the_next_run(client, live_uid, indexed):
    stale = f"{live_uid}-nieuw-20200101000000-dead"  # as if a run was killed in 2020
    client.wait_for_task(client.create_index(stale, {"primaryKey": "id"}).task_uid, timeout_in_ms=60000)
    report = Indexer(client, url=URL, progress=False, task_timeout_s=120).run(
        live_documents(), index_settings(synonyms_path=PROJECT_SYNONYMS), live_uid, "id", batch_size=50)
    assert report.removed_stale == [stale]
    uids = [i["uid"] for i in client.get_raw_indexes({"limit": 1000})["results"]]
    assert stale not in uids and live_uid in uids
