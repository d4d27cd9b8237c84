"""Our own control flow in `wegwijzer index`, against FakeMeiliClient (tests/fakes.py).

The fake stands in for OUR USAGE of meilisearch-python, not for Meilisearch: these
tests prove that we await every task, check its status, clean up, never touch the live
index on failure, and never leak the master key. They prove nothing about a real
server; tests/test_meili_live.py does that when MEILI_URL is set.
"""

import io
import json

import pytest

from fakes import FakeMeiliClient, api_error, make_key, refused, timed_out
from wegwijzer.search.indexer import Indexer, IndexingFailed, Progress
from wegwijzer.search.keys import UnsafeKey, ensure_search_key, key_name
from wegwijzer.search.siteconfig import SecretLeak, read_site_config, site_search_config, write_site_config

LIVE = "wegwijzer"
OLD = [{"id": "voorziening-oud", "naam": "Oud"}]
MASTER = "master-" + "k" * 40


def docs(n=5):
    return [{"id": f"voorziening-{i}", "naam": f"Nummer {i}"} for i in range(n)]


def run(client, documents=None, batch_size=2, **kwargs):
    indexer = Indexer(client, url="http://127.0.0.1:7700", progress=False, **kwargs)
    return indexer.run(docs() if documents is None else documents, {"searchableAttributes": ["naam"]},
                       LIVE, "id", batch_size)


def live_ids(client):
    return sorted(client.indexes[LIVE]["documents"])


def fresh_uids(client):
    return [uid for uid in client.indexes if uid != LIVE]


# --- the happy path ------------------------------------------------------------------------


def test_swap_workflow_awaits_every_task_and_leaves_only_the_live_index():
    client = FakeMeiliClient(existing={LIVE: OLD})
    report = run(client)
    assert live_ids(client) == [f"voorziening-{i}" for i in range(5)]
    assert fresh_uids(client) == []  # the old documents went with the fresh uid
    assert report.batches == 3 and report.documents == 5 and not report.warnings
    names = [c[0] for c in client.calls]
    assert names.index("update_settings") < names.index("add_documents_in_batches") < names.index("swap_indexes")
    enqueued = set(client.tasks)
    waited = {c[1] for c in client.calls if c[0] == "wait_for_task"}
    assert enqueued == waited, "every task must be awaited"
    assert ("swap_indexes", (LIVE, report.fresh_uid)) in client.calls
    assert client.indexes.get(LIVE)["settings"] == {"searchableAttributes": ["naam"]}


def test_missing_live_index_is_created_empty_first_so_the_swap_is_possible():
    client = FakeMeiliClient()
    report = run(client)
    assert report.created_live
    assert [c for c in client.calls if c[0] == "create_index"][0] == ("create_index", LIVE)
    assert live_ids(client) == [f"voorziening-{i}" for i in range(5)]


def test_fresh_uid_is_a_valid_index_uid():
    import re
    uid = Indexer(FakeMeiliClient()).fresh_uid(LIVE)
    assert re.match(r"^[a-zA-Z0-9_-]{1,400}$", uid) and uid.startswith(LIVE + "-nieuw-")


# --- failures leave the live index exactly as it was -----------------------------------------------


def assert_live_untouched(client):
    assert live_ids(client) == ["voorziening-oud"]
    assert fresh_uids(client) == [], "the fresh index must be deleted"
    assert not any(c[0] == "swap_indexes" for c in client.calls)


def test_a_rejected_batch_fails_with_the_tasks_message_and_live_is_untouched():
    error = {"message": "Document identifier `voorziening-ä` is invalid.", "code": "invalid_document_id"}
    client = FakeMeiliClient(existing={LIVE: OLD}, fail_task={("documentAdditionOrUpdate", 2): error})
    with pytest.raises(IndexingFailed) as failed:
        run(client)
    assert "batch 2 van 3" in failed.value.message
    assert "Document identifier `voorziening-ä` is invalid." in failed.value.message
    assert "invalid_document_id" in failed.value.message
    assert_live_untouched(client)


def test_failed_settings_task_is_noticed():
    error = {"message": "Unknown field `typo`", "code": "bad_request"}
    client = FakeMeiliClient(existing={LIVE: OLD}, fail_task={("settingsUpdate", 1): error})
    with pytest.raises(IndexingFailed, match="instellingen: Unknown field"):
        run(client)
    assert_live_untouched(client)
    assert not any(c[0] == "add_documents_in_batches" for c in client.calls)


def test_failed_swap_task_leaves_live_untouched():
    client = FakeMeiliClient(existing={LIVE: OLD}, fail_task={("indexSwap", 1): {"message": "nope", "code": "x"}})
    with pytest.raises(IndexingFailed, match="omwisselen"):
        run(client)
    assert live_ids(client) == ["voorziening-oud"] and fresh_uids(client) == []


def test_refused_connection_says_so():
    client = FakeMeiliClient(existing={LIVE: OLD}, raise_on={"get_raw_index": refused()})
    with pytest.raises(IndexingFailed) as failed:
        run(client)
    assert "niet bereikbaar op http://127.0.0.1:7700" in failed.value.message
    assert "live zoekindex is niet veranderd" in failed.value.message
    assert live_ids(client) == ["voorziening-oud"]


@pytest.mark.parametrize("status, code", [(401, "missing_authorization_header"), (403, "invalid_api_key")])
def test_wrong_key_says_so(status, code):
    client = FakeMeiliClient(existing={LIVE: OLD}, raise_on={"get_raw_index": api_error(status, code, "no")})
    with pytest.raises(IndexingFailed, match="weigert de sleutel"):
        run(client)


def test_timeout_while_waiting_cleans_up():
    client = FakeMeiliClient(existing={LIVE: OLD})
    original = client.wait_for_task
    count = {"n": 0}

    def flaky(uid, timeout_in_ms=5000, interval_in_ms=50):
        count["n"] += 1
        if count["n"] == 3:  # the settings task
            raise timed_out()
        return original(uid, timeout_in_ms, interval_in_ms)

    client.wait_for_task = flaky
    with pytest.raises(IndexingFailed, match="niet op tijd"):
        run(client)
    assert_live_untouched(client)


def test_connection_lost_while_adding_documents_cleans_up():
    client = FakeMeiliClient(existing={LIVE: OLD}, raise_on={"add_documents": refused()})
    with pytest.raises(IndexingFailed, match="niet bereikbaar"):
        run(client)
    assert_live_untouched(client)


def test_a_count_mismatch_is_a_failure():
    client = FakeMeiliClient(existing={LIVE: OLD})
    client.count_override = 4
    with pytest.raises(IndexingFailed, match="4 documenten"):
        run(client)
    assert_live_untouched(client)


def test_live_index_created_by_a_failed_run_is_removed_again():
    client = FakeMeiliClient(fail_task={("documentAdditionOrUpdate", 1): {"message": "bad", "code": "x"}})
    with pytest.raises(IndexingFailed):
        run(client)
    assert client.indexes == {}  # as before the run: no index at all


def test_failed_cleanup_after_a_good_swap_is_only_a_warning():
    client = FakeMeiliClient(existing={LIVE: OLD}, fail_task={("indexDeletion", 1): {"message": "busy", "code": "x"}})
    report = run(client)
    assert live_ids(client) == [f"voorziening-{i}" for i in range(5)]
    assert report.warnings and report.fresh_uid in report.warnings[0]


def test_fresh_indexes_left_by_killed_runs_are_removed_after_a_day_but_not_sooner():
    import calendar
    now = calendar.timegm((2026, 11, 23, 12, 0, 0, 0, 0, 0))
    leftovers = {f"{LIVE}-nieuw-20261121093000-ab12": [], f"{LIVE}-nieuw-20261123113000-cd34": [],
                 f"{LIVE}-nieuw-kapot": [], "ander-portaal-nieuw-20200101000000-ef56": []}
    client = FakeMeiliClient(existing={LIVE: OLD, **leftovers})
    report = run(client, clock=lambda: now)
    assert report.removed_stale == [f"{LIVE}-nieuw-20261121093000-ab12"]  # two days old
    # Half an hour old may be a run that is still busy; other names are not ours to remove.
    assert sorted(fresh_uids(client)) == sorted(set(leftovers) - set(report.removed_stale))
    assert live_ids(client) == [f"voorziening-{i}" for i in range(5)] and not report.warnings


def test_listing_indexes_failing_does_not_fail_a_good_reindex():
    client = FakeMeiliClient(existing={LIVE: OLD}, raise_on={"get_raw_indexes": refused()})
    report = run(client)
    assert live_ids(client) == [f"voorziening-{i}" for i in range(5)]
    assert report.removed_stale == [] and not report.warnings


def test_a_run_holds_its_lock_file_while_it_runs_and_removes_it_after(tmp_path):
    from wegwijzer.search.indexer import abandoned_runs

    client = FakeMeiliClient(existing={LIVE: OLD})
    seen = {}
    original = client.swap_indexes

    def swap_and_look(parameters):  # halfway: the lock file is there and held
        seen["files"] = [p.name for p in tmp_path.iterdir()]
        seen["abandoned"] = abandoned_runs(tmp_path)
        return original(parameters)
    client.swap_indexes = swap_and_look
    report = run(client, run_dir=tmp_path)
    assert seen == {"files": [report.fresh_uid + ".lock"], "abandoned": {}}
    assert list(tmp_path.iterdir()) == []


def test_a_fresh_index_that_could_not_be_removed_keeps_an_unlocked_lock_file(tmp_path):
    from wegwijzer.search.indexer import abandoned_runs

    client = FakeMeiliClient(existing={LIVE: OLD}, raise_on={"delete_index": refused()},
                          fail_task={("documentAdditionOrUpdate", 1): {"message": "bad", "code": "x"}})
    with pytest.raises(IndexingFailed):
        run(client, run_dir=tmp_path)
    (fresh,) = fresh_uids(client)
    assert abandoned_runs(tmp_path) == {fresh: ("http://127.0.0.1:7700", tmp_path / f"{fresh}.lock")}
    # The next run, with the server fine again, removes the dead run's index and its file.
    client.raise_on = {}
    client.fail_task = {}
    report = run(client, run_dir=tmp_path)
    assert report.removed_stale == [fresh] and fresh_uids(client) == [] and list(tmp_path.iterdir()) == []


def test_a_failure_after_the_swap_was_sent_does_not_claim_live_is_unchanged():
    client = FakeMeiliClient(existing={LIVE: OLD})
    real_wait = client.wait_for_task

    def wait(uid, **kwargs):
        if client.tasks[uid][0] == "indexSwap":
            raise refused()
        return real_wait(uid, **kwargs)
    client.wait_for_task = wait
    with pytest.raises(IndexingFailed) as failed:
        run(client)
    assert "niet veranderd" not in failed.value.message
    assert "óf de oude, óf de complete nieuwe" in failed.value.message


def test_progress_bar_goes_to_its_stream():
    stream = io.StringIO()
    bar = Progress(2, "Documenten", stream)
    bar.advance(1)
    bar.advance(1)
    assert stream.getvalue().splitlines()[-1].startswith("Documenten [" + "#" * 30 + "] 2/2")


# --- the search key ----------------------------------------------------------------------------------


def test_search_key_is_created_once_then_reused():
    client = FakeMeiliClient()
    first = ensure_search_key(client, LIVE, MASTER)
    assert first.created and client.keys[0].actions == ["search"] and client.keys[0].indexes == [LIVE]
    second = ensure_search_key(client, LIVE, MASTER)
    assert not second.created and second.key == first.key
    assert sum(c[0] == "create_key" for c in client.calls) == 1


def test_a_broader_key_with_our_name_is_never_reused():
    broad = make_key("u1", "brede-sleutel", key_name(LIVE), ["*"], ["*"])
    other_index = make_key("u2", "andere-index", key_name(LIVE), ["search"], ["*"])
    client = FakeMeiliClient(keys=[broad, other_index])
    key = ensure_search_key(client, LIVE, MASTER)
    assert key.created and key.key not in ("brede-sleutel", "andere-index")


def test_the_master_key_is_never_returned_as_search_key():
    client = FakeMeiliClient(keys=[make_key("u1", MASTER, key_name(LIVE), ["search"], [LIVE])])
    with pytest.raises(UnsafeKey):
        ensure_search_key(client, LIVE, MASTER)


def test_site_config_holds_public_values_only(tmp_path):
    path = write_site_config(tmp_path / ".wegwijzer" / "meili.json", "http://127.0.0.1:7700/", LIVE, "zoek123", MASTER)
    data = json.loads(path.read_text())
    assert data == {"url": "http://127.0.0.1:7700", "index": LIVE, "search_key": "zoek123"}
    assert read_site_config(path) == data
    with pytest.raises(SecretLeak):
        write_site_config(tmp_path / "x.json", "http://h", LIVE, MASTER, MASTER)
    assert not (tmp_path / "x.json").exists()


def test_build_side_config_prefers_environment_and_never_uses_the_master_key(tmp_path):
    path = write_site_config(tmp_path / "meili.json", "http://a", LIVE, "zoek-uit-bestand")
    assert site_search_config({}, path)["search_key"] == "zoek-uit-bestand"
    env = {"MEILI_URL": "http://b", "MEILI_SEARCH_KEY": "zoek-uit-env", "MEILI_MASTER_KEY": MASTER}
    assert site_search_config(env, path) == {"url": "http://b", "index": LIVE, "search_key": "zoek-uit-env"}
    assert site_search_config({"MEILI_URL": "http://b", "MEILI_MASTER_KEY": MASTER}, tmp_path / "geen") is None
    with pytest.raises(SecretLeak):
        site_search_config({"MEILI_URL": "http://b", "MEILI_SEARCH_KEY": MASTER, "MEILI_MASTER_KEY": MASTER},
                           tmp_path / "geen")


# --- the command, end to end with the fake --------------------------------------------------------------


@pytest.fixture
def demo_folder(tmp_path):
    """A tiny valid data folder written as editors would write it."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "gemeente.yaml").write_text(
        "naam: Beekdaelen\nkernen: [Nuth, Schinveld]\ncontact:\n  telefoon: 14 046\n"
        "meldadres: meld@gemeente.example\n", encoding="utf-8")
    (data / "hoeskamer.yaml").write_text(
        "naam: Hoeskamer\nsamenvatting: Koffie en een praatje.\nroute: samen\ntoegang: vrij\n"
        "themas: [ontmoeten]\ngecontroleerd: 2026-09-01\n", encoding="utf-8")
    return data


def run_command(monkeypatch, tmp_path, client, data, *extra):
    import meilisearch
    made = {}

    def fake_client(url, api_key=None, timeout=None, **kwargs):
        made["url"], made["key"] = url, api_key
        return client

    monkeypatch.setattr(meilisearch, "Client", fake_client)
    monkeypatch.setenv("MEILI_URL", "http://127.0.0.1:7700")
    monkeypatch.setenv("MEILI_MASTER_KEY", MASTER)
    from wegwijzer.cli import main
    config = tmp_path / ".wegwijzer" / "meili.json"
    code = main(["index", str(data), "--site-config", str(config), "--quiet", "--content", str(tmp_path / "c"),
                 *extra])
    return code, config, made


def test_command_indexes_and_writes_the_search_key_not_the_master_key(monkeypatch, tmp_path, demo_folder, capsys):
    client = FakeMeiliClient()
    code, config, made = run_command(monkeypatch, tmp_path, client, demo_folder)
    out, err = capsys.readouterr()
    assert code == 0, err
    assert made == {"url": "http://127.0.0.1:7700", "key": MASTER}
    # the record and the pages made from gemeente.yaml (one front door, complaints, spreekuren)
    assert live_ids(client) == ["pagina-een-loket", "pagina-klachten", "pagina-spreekuren", "voorziening-hoeskamer"]
    data = json.loads(config.read_text())
    assert data["search_key"] == client.keys[0].key and data["index"] == LIVE
    assert MASTER not in config.read_text() and MASTER not in out and MASTER not in err


def test_command_failure_is_clear_and_writes_nothing(monkeypatch, tmp_path, demo_folder, capsys):
    client = FakeMeiliClient(raise_on={"get_raw_index": refused()})
    code, config, _ = run_command(monkeypatch, tmp_path, client, demo_folder)
    out, err = capsys.readouterr()
    assert code == 1
    assert "niet bereikbaar" in err and MASTER not in err + out
    assert not config.exists()


def test_command_without_url_or_key_explains(monkeypatch, tmp_path, demo_folder, capsys):
    monkeypatch.delenv("MEILI_URL", raising=False)
    monkeypatch.delenv("MEILI_MASTER_KEY", raising=False)
    from wegwijzer.cli import main
    assert main(["index", str(demo_folder), "--content", str(tmp_path / "c")]) == 2
    assert "MEILI_URL" in capsys.readouterr().err


def test_real_client_against_a_closed_port_fails_cleanly(monkeypatch, tmp_path, demo_folder, capsys):
    """No fake here: the installed meilisearch client against a loopback port nobody listens on."""
    import socket

    from wegwijzer.cli import main
    with socket.socket() as refusing:
        refusing.bind(("127.0.0.1", 0))  # bound, so nobody else gets the port, but not listening: refused
        port = refusing.getsockname()[1]
        monkeypatch.setenv("MEILI_URL", f"http://127.0.0.1:{port}")
        monkeypatch.setenv("MEILI_MASTER_KEY", MASTER)
        config = tmp_path / "meili.json"
        code = main(["index", str(demo_folder), "--site-config", str(config), "--content", str(tmp_path / "c")])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"niet bereikbaar op http://127.0.0.1:{port}" in err
    assert MASTER not in out + err and not config.exists()
