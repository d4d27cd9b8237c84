"""Live tests against a real Meilisearch server (the `meili` fixture in conftest.py).

The session starts its own server when a `meilisearch` executable is on PATH (127.0.0.1,
a port the server picks, a temporary database, a random master key), or uses the one
named by MEILI_URL and MEILI_MASTER_KEY. Without either they are skipped with that reason.

Each module uses its own index uids (`wegwijzer-test-<random>`) and deletes them, and the
search keys it made, afterwards. Where Meilisearch behaves in a way our code must know
about (stop words, synonyms and typos, typo rules per attribute, sort order, key rights),
the test states that behaviour, and where a setting is what makes the difference, the
same search runs against an index without that setting too, so the test shows it matters.
"""

import json
import secrets
from collections import Counter
from datetime import date

import meilisearch
import pytest
import requests

from builders import DEMO_DATA, PROJECT_SYNONYMS, model_dataset
from servers import wait_for_tasks_of
from wegwijzer.search.documents import build_documents
from wegwijzer.search.indexer import Indexer, IndexingFailed, RunLock
from wegwijzer.search.keys import ensure_search_key
from wegwijzer.search.settings import index_settings

pytestmark = pytest.mark.meili

WAIT_MS = 120000


def live_documents():
    """The model dataset plus located records, so distance sorting means something."""
    from wegwijzer.records.model import Location, Voorziening

    dataset = model_dataset()
    nuth = Voorziening(
        id="repair-cafe-nuth", naam="Repair Café Nuth", samenvatting="Samen spullen repareren.",
        route="samen", toegang="vrij", themas=("ontmoeten",), gecontroleerd=date(2026, 9, 1),
        kernen=("Nuth",), locaties=(Location(naam="Buurthuis", postcode="6361 AB", plaats="Nuth",
                                             lat=50.9170, lon=5.8850),))
    # Near Schinveld; "repair" only in its description, so it is less relevant for "repair"
    # than the Repair Café in Nuth, 8 km away.
    klusbus = Voorziening(
        id="klusbus-schinveld", naam="Klusbus Schinveld", samenvatting="Vrijwilligers helpen met klussen.",
        route="samen", toegang="vrij", themas=("wonen",), gecontroleerd=date(2026, 9, 1),
        kernen=("Schinveld",), beschrijving="Ook voor repair van kleine apparaten.",
        locaties=(Location(naam="Loods", postcode="6451 BB", plaats="Schinveld", lat=50.9690, lon=5.9790),))
    dataset.voorzieningen.extend([nuth, klusbus])
    return build_documents(dataset)


def settings():
    return index_settings(synonyms_path=PROJECT_SYNONYMS)


@pytest.fixture(scope="module")
def client(meili):
    return meili.client()


@pytest.fixture(scope="module")
def live_uid(client):
    uid = f"wegwijzer-test-{secrets.token_hex(4)}"
    yield uid
    for index in client.get_raw_indexes({"limit": 1000})["results"]:
        if index["uid"].startswith(uid):
            client.wait_for_task(client.delete_index(index["uid"]).task_uid, timeout_in_ms=WAIT_MS)
    for key in client.get_keys({"limit": 1000}).results:
        if key.name and key.name.endswith(uid) or any(i.startswith(uid) for i in key.indexes):
            client.delete_key(key.uid)


def indexer(client, meili, **kwargs):
    return Indexer(client, url=meili.url, progress=False, task_timeout_s=120, **kwargs)


@pytest.fixture(scope="module")
def indexed(client, meili, live_uid):
    docs = live_documents()
    report = indexer(client, meili).run(docs, settings(), live_uid, "id", batch_size=2)
    assert report.documents == len(docs) and not report.warnings
    return client.index(live_uid), docs


@pytest.fixture(scope="module")
def variant(client, live_uid):
    """make(name, changes) -> an index with the same documents but other settings (a control)."""
    made = {}

    def make(name, changes):
        if name in made:
            return made[name]
        uid = f"{live_uid}-{name}"
        body = {**settings(), **changes}
        client.wait_for_task(client.create_index(uid, {"primaryKey": "id"}).task_uid, timeout_in_ms=WAIT_MS)
        for task in (client.index(uid).update_settings(body), client.index(uid).add_documents(live_documents())):
            assert client.wait_for_task(task.task_uid, timeout_in_ms=WAIT_MS).status == "succeeded"
        made[name] = client.index(uid)
        return made[name]
    return make


def ids(result):
    return [hit["id"] for hit in result["hits"]]


def fresh_uids(client, live_uid):
    return [i["uid"] for i in client.get_raw_indexes({"limit": 1000})["results"]
            if i["uid"].startswith(live_uid + "-nieuw-")]


# --- the reindex and the settings -------------------------------------------------------------


def test_all_documents_are_live_and_the_fresh_index_is_gone(client, live_uid, indexed):
    index, docs = indexed
    assert index.get_stats().number_of_documents == len(docs)
    assert fresh_uids(client, live_uid) == []


def test_the_server_keeps_every_setting_we_send(indexed):
    index, _ = indexed
    sent, kept = settings(), index.get_settings()
    for name in ("searchableAttributes", "rankingRules", "localizedAttributes", "synonyms"):
        assert kept[name] == sent[name], name  # order matters for these
    # Sets for the server: it returns them in its own order.
    for name in ("filterableAttributes", "sortableAttributes", "stopWords"):
        assert sorted(kept[name]) == sorted(sent[name]), name
    assert kept["typoTolerance"]["minWordSizeForTypos"] == sent["typoTolerance"]["minWordSizeForTypos"]
    assert sorted(kept["typoTolerance"]["disableOnAttributes"]) == ["postcodes", "telefoon"]
    assert kept["faceting"]["maxValuesPerFacet"] == 100 and kept["pagination"]["maxTotalHits"] == 1000


def test_search_with_a_typo(indexed):
    index, _ = indexed
    assert "voorziening-hoeskamer-schinveld" in ids(index.search("hoeskamr"))


def test_accents_need_not_be_typed(indexed):
    index, _ = indexed
    assert ids(index.search("repair cafe"))[0] == "voorziening-repair-cafe-nuth"


def test_search_with_a_synonym_and_a_phrase_synonym(indexed):
    index, _ = indexed
    for query in ("geldzorgen", "rood staan"):
        found = ids(index.search(query))
        assert "voorziening-schuldhulp" in found, query  # its text only says "schulden"


def test_a_misspelled_synonym_finds_only_what_the_misspelling_itself_matches(indexed, variant):
    """Real behaviour: Meilisearch expands synonyms of the words as typed, not of a typo's
    correction. 'geldzorgn' matches no text here, so it finds nothing; editors who see
    residents misspell a synonym can add the misspelling to its group."""
    index, _ = indexed
    assert ids(index.search("geldzorgen")) and ids(index.search("geldzorgn")) == []
    with_misspelling = variant("spelfout", {"synonyms": {**settings()["synonyms"],
                                                         "geldzorgn": ["schulden", "geldzorgen"]}})
    assert "voorziening-schuldhulp" in ids(with_misspelling.search("geldzorgn"))


def test_stop_words_are_ignored_in_a_sentence(indexed, variant):
    """'ik', 'de', 'een' ... are stop words: a resident's sentence finds what its content words find."""
    index, _ = indexed
    assert ids(index.search("ik zoek de hoeskamer"))[:1] == ids(index.search("zoek hoeskamer"))[:1]
    # Real behaviour: stop words are neither indexed nor searched. A query of stop words alone
    # finds nothing, though 'het' is in the hoeskamer's summary ("Een huiskamer in het dorp");
    # only as the last, unfinished word does one still match longer words it begins ('dorp' for 'do').
    assert ids(index.search("het")) == [] and ids(index.search("in het")) == []
    assert "voorziening-hoeskamer-schinveld" in ids(index.search("het do"))
    # Without the stop words, 'een' is a word like any other: it ranks the summary
    # "Een huiskamer in het dorp" next to a real match.
    plain = variant("zonder-stopwoorden", {"stopWords": []})
    with_stop = index.search("een repair", {"showRankingScore": True})
    without_stop = plain.search("een repair", {"showRankingScore": True})
    assert ids(with_stop)[0] == "voorziening-repair-cafe-nuth"
    assert len(without_stop["hits"]) > len(with_stop["hits"])


def test_no_typos_on_phone_numbers_and_postcodes(indexed, variant):
    index, _ = indexed
    # One digit wrong in a ten-digit number would be one typo: never a match.
    assert ids(index.search("0451234567")) == ["voorziening-hoeskamer-schinveld"]
    assert ids(index.search("0451234576")) == []
    assert "voorziening-repair-cafe-nuth" in ids(index.search("6361AB"))
    assert ids(index.search("6316AB")) == []
    # The control: the same index without disableOnAttributes does find them. The setting matters.
    typos_everywhere = variant("typos-overal", {"typoTolerance": {**settings()["typoTolerance"],
                                                                  "disableOnAttributes": []}})
    assert ids(typos_everywhere.search("0451234576")) == ["voorziening-hoeskamer-schinveld"]
    assert "voorziening-repair-cafe-nuth" in ids(typos_everywhere.search("6316AB"))


def test_localized_attributes_are_dutch_and_the_query_may_say_so(indexed):
    index, _ = indexed
    assert index.get_settings()["localizedAttributes"] == [{"attributePatterns": ["*"], "locales": ["nld"]}]
    plain = ids(index.search("spullen repareren"))
    assert plain[0] == "voorziening-repair-cafe-nuth"
    assert ids(index.search("spullen repareren", {"locales": ["nld"]})) == plain


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
    everything = index.search("", {"facets": ["route"], "limit": 0})
    assert everything["facetDistribution"]["route"] == dict(Counter(d["route"] for d in docs if "route" in d))


def test_filter_values_with_quotes_are_escaped_not_parsed(indexed):
    """The page quotes filter values (zoeken.js filterString); an odd value is just no match."""
    index, _ = indexed
    assert ids(index.search("", {"filter": ['kernen = "nuth\\" OR kernen = \\"schinveld"']})) == []


def test_kernen_filter_includes_municipality_wide_services(indexed):
    index, _ = indexed
    found = ids(index.search("", {"filter": "kernen = nuth"}))
    assert "voorziening-schuldhulp" in found and "voorziening-repair-cafe-nuth" in found
    assert "voorziening-hoeskamer-schinveld" not in found


def metres(a, b):
    """Great-circle distance between two {lat, lng} points (Meilisearch uses the haversine too)."""
    from math import asin, cos, radians, sin, sqrt

    dlat, dlng = radians(b["lat"] - a["lat"]), radians(b["lng"] - a["lng"])
    h = sin(dlat / 2) ** 2 + cos(radians(a["lat"])) * cos(radians(b["lat"])) * sin(dlng / 2) ** 2
    return 2 * 6371008.8 * asin(sqrt(h))


@pytest.mark.parametrize("here", [{"lat": 50.917, "lng": 5.885}, {"lat": 50.97, "lng": 5.98}],
                         ids=["Nuth", "Schinveld"])
def test_geo_sort_near_me(indexed, here):
    index, docs = indexed
    point = f"_geoPoint({here['lat']}, {here['lng']}):asc"
    found = index.search("", {"sort": [point], "limit": 50})
    located = sorted((d for d in docs if "_geo" in d), key=lambda d: metres(here, d["_geo"]))
    assert ids(found)[:len(located)] == [d["id"] for d in located]
    for hit, doc in zip(found["hits"][:len(located)], located, strict=True):
        assert abs(hit["_geoDistance"] - metres(here, doc["_geo"])) < 2  # metres, as the page shows them
    # Documents without a location come after every located one, without a distance.
    assert all("_geoDistance" not in hit for hit in found["hits"][len(located):])
    within = index.search("", {"filter": f"_geoRadius({here['lat']}, {here['lng']}, 1000)", "sort": [point]})
    assert ids(within) == [d["id"] for d in located if metres(here, d["_geo"]) <= 1000]


def test_near_me_with_words_orders_every_match_by_distance(indexed, variant):
    """With words and "Bij mij in de buurt", the nearest match comes first even when a farther
    one matches in a more important field: "sort" ranks right after "words" (settings.yaml)."""
    index, _ = indexed
    near_schinveld = {"sort": ["_geoPoint(50.97, 5.98):asc"]}
    assert ids(index.search("repair", near_schinveld)) == ["voorziening-klusbus-schinveld",
                                                           "voorziening-repair-cafe-nuth"]
    # Without sorting, relevance decides (the name beats the description) ...
    assert ids(index.search("repair")) == ["voorziening-repair-cafe-nuth", "voorziening-klusbus-schinveld"]
    # ... and with "sort" after "attribute" (as settings.yaml had it) distance never got a say here.
    late = ["words", "typo", "proximity", "attribute", "sort", "exactness"]
    sort_late = variant("sort-laat", {"rankingRules": late})
    assert ids(sort_late.search("repair", near_schinveld))[0] == "voorziening-repair-cafe-nuth"
    # Searches that do not sort rank exactly as with Meilisearch's default order.
    for query in ("repair", "hoeskamer", "schulden", "koffie", "samen", ""):
        assert ids(index.search(query)) == ids(sort_late.search(query)), query


# --- failures leave the live index alone --------------------------------------------------------


@pytest.mark.parametrize("bad", [
    {"id": "voorziening-ongeldig-é", "naam": "Ongeldige id"},
    {"id": "voorziening-slechte-geo", "naam": "Slechte geo", "_geo": {"lat": "noord", "lng": 5.9}},
])
def test_a_rejected_document_leaves_the_live_index_intact(client, meili, live_uid, indexed, bad):
    index, docs = indexed
    before = index.get_stats().number_of_documents
    with pytest.raises(IndexingFailed) as failed:
        indexer(client, meili).run(docs[:2] + [bad], settings(), live_uid, "id", batch_size=2)
    assert "batch 2 van 2" in failed.value.message and "De live zoekindex is niet veranderd" in failed.value.message
    assert index.get_stats().number_of_documents == before
    assert "voorziening-repair-cafe-nuth" in ids(index.search("repair"))
    assert fresh_uids(client, live_uid) == []


def test_wrong_key_is_refused_and_changes_nothing(meili, live_uid, indexed):
    index, docs = indexed
    if not meili.master_key:
        pytest.skip("the external server runs without a master key, so every key is accepted")
    wrong = meilisearch.Client(meili.url, "dit-is-niet-de-sleutel", timeout=30)
    with pytest.raises(IndexingFailed, match="weigert de sleutel"):
        Indexer(wrong, url=meili.url, progress=False).run(docs, settings(), live_uid, "id")
    assert index.get_stats().number_of_documents == len(docs)


def test_refused_connection(live_uid):
    dead = meilisearch.Client("http://127.0.0.1:9", "x", timeout=5)
    with pytest.raises(IndexingFailed, match="niet bereikbaar"):
        Indexer(dead, url="http://127.0.0.1:9", progress=False).run([], {}, live_uid, "id")


def test_an_index_name_meilisearch_would_refuse_is_refused_in_dutch_first(client, meili):
    with pytest.raises(IndexingFailed, match="indexnaam 'wég wijzer' kan niet"):
        indexer(client, meili).run(live_documents(), settings(), "wég wijzer", "id")


# --- the search key -------------------------------------------------------------------------------


def test_search_key_can_search_but_nothing_else(client, meili, live_uid, indexed, variant):
    if not meili.master_key:
        pytest.skip("keys need a server started with a master key")
    key = ensure_search_key(client, live_uid, meili.master_key)
    again = ensure_search_key(client, live_uid, meili.master_key)
    assert again.key == key.key and not again.created
    other = variant("ander", {})  # another index on the same server
    headers = {"Authorization": f"Bearer {key.key}", "Content-Type": "application/json"}

    def status(method, path, body=None):
        return requests.request(method, meili.url + path, headers=headers, timeout=10,
                                data=None if body is None else json.dumps(body)).status_code

    assert status("POST", f"/indexes/{live_uid}/search", {"q": "hoeskamer"}) == 200
    denied = {
        "add documents": ("POST", f"/indexes/{live_uid}/documents", [{"id": "x", "naam": "x"}]),
        "delete a document": ("DELETE", f"/indexes/{live_uid}/documents/voorziening-schuldhulp", None),
        "read documents": ("GET", f"/indexes/{live_uid}/documents", None),
        "change settings": ("PATCH", f"/indexes/{live_uid}/settings", {"stopWords": []}),
        "delete the index": ("DELETE", f"/indexes/{live_uid}", None),
        "read keys": ("GET", "/keys", None),
        "make a key": ("POST", "/keys", {"actions": ["*"], "indexes": ["*"], "expiresAt": None}),
        "search another index": ("POST", f"/indexes/{other.uid}/search", {"q": "hoeskamer"}),
        "multi-search another index": ("POST", "/multi-search", {"queries": [{"indexUid": other.uid, "q": "a"}]}),
        "swap indexes": ("POST", "/swap-indexes", [{"indexes": [live_uid, other.uid]}]),
        "read tasks": ("GET", "/tasks", None),
        "make a dump": ("POST", "/dumps", None),
    }
    assert {name: status(*call) for name, call in denied.items()} == {name: 403 for name in denied}
    assert index_count(client, live_uid) == len(indexed[1])


def index_count(client, uid):
    return client.index(uid).get_stats().number_of_documents


def test_the_search_key_still_searches_after_the_next_swap(client, meili, live_uid, indexed):
    """Keys name the index uid, not its contents: the swapped-in index answers the same key."""
    if not meili.master_key:
        pytest.skip("keys need a server started with a master key")
    key = ensure_search_key(client, live_uid, meili.master_key)
    indexer(client, meili).run(live_documents(), settings(), live_uid, "id", batch_size=50)
    searcher = meilisearch.Client(meili.url, key.key, timeout=30)
    assert "voorziening-hoeskamer-schinveld" in ids(searcher.index(live_uid).search("hoeskamer"))


def test_index_the_demo_data_with_the_command(client, meili, live_uid, tmp_path, monkeypatch, capsys):
    from wegwijzer.cli import main

    uid = live_uid + "-demo"
    monkeypatch.setenv("MEILI_URL", meili.url)
    monkeypatch.setenv("MEILI_MASTER_KEY", meili.master_key)
    config = tmp_path / ".wegwijzer" / "meili.json"
    code = main(["index", str(DEMO_DATA), "--index-uid", uid, "--site-config", str(config), "--quiet"])
    out, err = capsys.readouterr()
    if not meili.master_key:
        assert code == 2 and "MEILI_MASTER_KEY" in err
        return
    assert code == 0, err
    assert meili.master_key not in config.read_text() and meili.master_key not in out + err
    assert index_count(client, uid) > 100
    assert list((tmp_path / ".wegwijzer" / "index-runs").iterdir()) == []  # no lock file left


# --- leftovers of killed runs ---------------------------------------------------------------------


def test_a_fresh_index_left_by_a_killed_run_elsewhere_is_removed_after_a_day(client, meili, live_uid, indexed):
    stale = f"{live_uid}-nieuw-20200101000000-dead"  # as if a run on another machine was killed in 2020
    young = f"{live_uid}-nieuw-{Indexer(client).fresh_uid('x').split('-nieuw-')[1]}"  # made just now
    for uid in (stale, young):
        client.wait_for_task(client.create_index(uid, {"primaryKey": "id"}).task_uid, timeout_in_ms=WAIT_MS)
    report = indexer(client, meili).run(live_documents(), settings(), live_uid, "id", batch_size=50)
    assert report.removed_stale == [stale]
    assert fresh_uids(client, live_uid) == [young]  # may belong to a run that is still busy
    client.wait_for_task(client.delete_index(young).task_uid, timeout_in_ms=WAIT_MS)


def test_a_dead_runs_fresh_index_is_removed_at_once_a_living_runs_is_kept(client, meili, live_uid, indexed,
                                                                         tmp_path):
    dead_uid, busy_uid = (Indexer(client).fresh_uid(live_uid) for _ in range(2))
    dead, busy = RunLock(tmp_path, dead_uid, meili.url), RunLock(tmp_path, busy_uid, meili.url)
    dead.acquire()
    busy.acquire()  # held, as by a run that is still adding documents
    for uid in (dead_uid, busy_uid):
        client.wait_for_task(client.create_index(uid, {"primaryKey": "id"}).task_uid, timeout_in_ms=WAIT_MS)
    dead.handle.close()  # what the kernel does when a process is killed: the lock is gone, the file stays
    report = indexer(client, meili, run_dir=tmp_path).run(live_documents(), settings(), live_uid, "id")
    assert report.removed_stale == [dead_uid]
    assert fresh_uids(client, live_uid) == [busy_uid]
    assert sorted(p.name for p in tmp_path.iterdir()) == [busy_uid + ".lock"]
    busy.release(remove=True)
    client.wait_for_task(client.delete_index(busy_uid).task_uid, timeout_in_ms=WAIT_MS)


# --- backup: dump and snapshot, restored into a new server --------------------------------------------


@pytest.mark.parametrize("kind", ["dump", "snapshot"])
def test_backup_restores_the_index_settings_and_search_key(own_meili, tmp_path, kind):
    from servers import MeiliServer

    uid = "wegwijzer"
    source = own_meili.client()
    docs = live_documents()
    Indexer(source, url=own_meili.url, progress=False, task_timeout_s=120).run(docs, settings(), uid, "id")
    key = ensure_search_key(source, uid, own_meili.master_key)
    task = source.create_dump() if kind == "dump" else source.create_snapshot()
    done = source.wait_for_task(task.task_uid, timeout_in_ms=WAIT_MS)
    assert done.status == "succeeded", done.error
    folder = own_meili.dumps if kind == "dump" else own_meili.snapshots
    files = sorted(folder.iterdir())
    assert len(files) == 1 and files[0].suffix in (".dump", ".snapshot"), files
    option = "--import-dump" if kind == "dump" else "--import-snapshot"
    # Restored with the same master key: the site's search key (derived from it) still works.
    restored = MeiliServer(tmp_path / "restored", master_key=own_meili.master_key,
                           extra_args=[option, str(files[0])]).start(timeout=60)
    try:
        client = restored.client()
        wait_for_tasks_of(client, uid)
        assert index_count(client, uid) == len(docs)
        assert client.index(uid).get_settings()["synonyms"] == settings()["synonyms"]
        searcher = meilisearch.Client(restored.url, key.key, timeout=30)
        assert ids(searcher.index(uid).search("hoeskamr"))[0] == "voorziening-hoeskamer-schinveld"
        with pytest.raises(meilisearch.errors.MeilisearchApiError) as denied:
            searcher.index(uid).add_documents([{"id": "x"}])
        assert denied.value.status_code == 403
    finally:
        restored.stop()
    # With another master key the keys come back, but their values (derived from the master
    # key) change: the site would need `wegwijzer index` and a rebuild for its new search key.
    other = MeiliServer(tmp_path / "other-master", extra_args=[option, str(files[0])]).start(timeout=60)
    try:
        answer = requests.post(f"{other.url}/indexes/{uid}/search", json={"q": "hoeskamer"},
                               headers={"Authorization": f"Bearer {key.key}"}, timeout=10)
        assert answer.status_code == 403
        assert index_count(other.client(), uid) == len(docs)
    finally:
        other.stop()


def test_servers_with_the_same_master_key_give_the_site_the_same_search_key(own_meili, tmp_path):
    """Replicas behind one address (or a server rebuilt from scratch) need one key in the site:
    the key's uid is fixed per index and Meilisearch derives the key from uid and master key."""
    from servers import MeiliServer

    second = MeiliServer(tmp_path / "tweede", master_key=own_meili.master_key).start()
    try:
        keys = []
        for server in (own_meili, second):
            Indexer(server.client(), url=server.url, progress=False).run(live_documents(), settings(), "wegwijzer")
            keys.append(ensure_search_key(server.client(), "wegwijzer", server.master_key).key)
        assert keys[0] == keys[1]
        for server in (own_meili, second):
            searcher = meilisearch.Client(server.url, keys[0], timeout=30)
            assert ids(searcher.index("wegwijzer").search("hoeskamer"))[0] == "voorziening-hoeskamer-schinveld"
    finally:
        second.stop()
