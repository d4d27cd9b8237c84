"""Reindexing without downtime, proven against a real Meilisearch server.

- A second process searches the live index in a loop while `wegwijzer index` reindexes
  10,000 records twice (two swaps): not one search may fail or come back empty.
- `wegwijzer index` is killed (SIGKILL) at random moments of its work with the server,
  10 times: the live index keeps answering with complete documents (the previous ones,
  or the complete new ones when the kill came after the swap was queued), and the next
  run removes what the killed run left behind.
- The server is stopped halfway through a reindex: the command exits 1 with a Dutch
  message, and once the server is back the live index is exactly the previous one.

These are the slow tests of the suite (on the shared 2-core development machine: 30–40 s,
60–120 s and 10–30 s); each is bounded in time and stops by itself.
"""

import json
import os
import random
import signal
import subprocess
import time

import pytest

from servers import MeiliTarget, document_ids, index_command, run_index, start_search_loop, wait_for_tasks_of
from wegwijzer.search.reindex import prepare

pytestmark = pytest.mark.meili

KILLS = 10


def fresh_uids(client, uid):
    listed = client.get_raw_indexes({"limit": 1000})["results"]
    return [i["uid"] for i in listed if i["uid"].startswith(uid + "-nieuw-")]


def expected_document_count(data_dir):
    """How many documents `wegwijzer index` should send for ``data_dir``, from the same code path
    (records, faces, the gemeente's own pages), so a new page type does not break the count."""
    documents, _settings, result = prepare(data_dir, data_dir / "geen-artikelen")
    assert result.ok
    return len(documents)


def search_key(site_config):
    return json.loads(site_config.read_text())["search_key"]


def record_queries(data_dir, count=12, seed=3):
    """Searches residents make that must always find something in this data: names of
    records (as typed, lower case), words every generation has, a typo, a filter."""
    names = sorted(p.stem for p in data_dir.glob("*.yaml") if p.name != "gemeente.yaml")
    picked = random.Random(seed).sample(names, count)
    queries = [{"q": name.replace("-", " ")} for name in picked]
    queries += [{"q": "koffie"}, {"q": "hoeskamer"}, {"q": "mantelzorgcafe"}, {"q": "formulierenhlup"},
                {"q": "", "filter": "themas = geld", "facets": ["themas", "kernen"]},
                {"q": "taalcafe", "sort": ["_geoPoint(50.95, 5.9):asc"]}]
    return queries


# --- 1. searching goes on while a 10,000-document index is swapped ----------------------------------


def test_searches_never_fail_or_come_back_empty_while_10000_documents_are_reindexed(meili, synthetic_data,
                                                                                       tmp_path):
    data = synthetic_data(10000)
    uid = f"wegwijzer-swap-{os.getpid()}-{random.randrange(10**6)}"
    config = tmp_path / ".wegwijzer" / "meili.json"
    client = meili.client()
    first = run_index(data, meili, uid, config)
    assert first.returncode == 0, first.stderr
    assert client.index(uid).get_stats().number_of_documents == expected_document_count(data)
    queries = record_queries(data)
    for query in queries:  # the premise: each of these finds something in this data
        assert client.index(uid).search(query["q"], {k: v for k, v in query.items() if k != "q"})["hits"], query
    try:
        stop = start_search_loop(meili.url, uid, search_key(config), queries, tmp_path / "zoeker")
        stop.searched(20)  # searches before the reindex starts
        runs = [run_index(data, meili, uid, config) for _ in range(2)]
        stop.searched(20)  # and after it ended
        searches = stop()
        for finished in runs:
            assert finished.returncode == 0, finished.stderr
        swaps = sorted((t for t in client.get_tasks({"types": ["indexSwap"], "statuses": ["succeeded"],
                                                     "limit": 100}).results
                        if uid in json.dumps(t.details)), key=lambda t: t.uid)  # the server lists newest first
        assert len(swaps) == 3  # the first run swapped the empty live index it made

        failed = [s for s in searches if s[4]]
        empty = [s for s in searches if not s[4] and s[3] == 0]
        assert (failed, empty) == ([], []), f"{len(failed)} failed, {len(empty)} empty of {len(searches)}"
        # The loop really searched across both swaps of this test, from before to after each one.
        for swap in swaps[1:]:
            started, ended = parse_time(swap.started_at), parse_time(swap.finished_at)
            assert any(s[1] < started for s in searches) and any(s[0] > ended for s in searches)
        took = [round((parse_time(s.finished_at) - parse_time(s.started_at)) * 1000) for s in swaps[1:]]
        print(f"\n{len(searches)} searches during two reindexes of 10,000 documents: 0 failed, 0 empty; "
              f"swaps took {took} ms")
        assert len(searches) > 200
    finally:
        client.wait_for_task(client.delete_index(uid).task_uid, timeout_in_ms=120000)


def parse_time(value) -> float:
    """A task's time (the client gives a datetime; the server's clock is UTC) as a UNIX timestamp."""
    from datetime import timezone
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).timestamp()


# --- 2. SIGKILL at random moments -----------------------------------------------------------------------


GENERATION = """naam: Generatie {n}
samenvatting: Dit record hoort bij generatie {n} van de gegevens.
route: zelf
toegang: vrij
themas: [geld]
gecontroleerd: {today}
"""


def set_generation(data, n):
    """Each generation of the data differs by one record, 'generatie-<n>'."""
    from datetime import date
    for old in data.glob("generatie-*.yaml"):
        old.unlink()
    (data / f"generatie-{n}.yaml").write_text(GENERATION.format(n=n, today=date.today().isoformat()),
                                              encoding="utf-8")


def test_sigkill_at_random_moments_never_breaks_the_live_index_and_the_next_run_cleans_up(
        meili, synthetic, tmp_path):
    data = tmp_path / "voorzieningen"
    synthetic.write_dataset(data, 1000, 0, seed=5)
    uid = f"wegwijzer-kill-{os.getpid()}-{random.randrange(10**6)}"
    config = tmp_path / ".wegwijzer" / "meili.json"
    runs_dir = config.parent / "index-runs"
    client = meili.client()
    batch = ("--batch-size", "50")  # 21 batch tasks: a long stretch of work with the server
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    set_generation(data, 0)
    started = time.monotonic()
    first = run_index(data, meili, uid, config, *batch)
    assert first.returncode == 0, first.stderr
    whole_run = time.monotonic() - started
    expected = document_ids(meili, uid)
    assert len(expected) == expected_document_count(data) and "voorziening-generatie-0" in expected
    kills = []
    try:
        generation = 0
        while len(kills) < KILLS:
            assert generation < 3 * KILLS, f"only {len(kills)} kills landed (seed {seed})"
            generation += 1
            set_generation(data, generation)
            argv, env = index_command(data, meili, uid, config, *batch)
            proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            # Its work with the server starts when it takes its run lock; kill at a random moment after.
            deadline = time.monotonic() + 60
            while not list(runs_dir.glob("*.lock")) and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0, whole_run * 0.7))
            if proc.poll() is not None:  # it finished first: no kill this time
                assert proc.returncode == 0
                expected = document_ids(meili, uid)
                continue
            locks = list(runs_dir.glob("*.lock"))
            if not locks:  # it released its lock and is exiting: it finished, no kill this time
                assert proc.wait(timeout=60) == 0
                expected = document_ids(meili, uid)
                continue
            (lock,) = locks
            fresh = lock.name[:-len(".lock")]
            stage = kill_stage(client, fresh)  # how far the server was, just before the kill
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            if not lock.exists():  # it finished and removed its lock just before the kill landed
                expected = document_ids(meili, uid)
                continue
            # The lock file is left behind, unlocked: the kernel dropped the lock.
            # The server finishes what the dead run queued; then look at the live index.
            wait_for_tasks_of(client, fresh)
            wait_for_tasks_of(client, uid)
            swapped = any(fresh in json.dumps(t.details) for t in client.get_tasks(
                {"types": ["indexSwap"], "limit": 20}).results)
            live = document_ids(meili, uid)
            new = expected - {f"voorziening-generatie-{generation - 1}"} | {f"voorziening-generatie-{generation}"}
            if swapped:  # the kill came after the complete new index was queued for the swap
                assert live == new
            else:
                assert live == expected, f"kill {len(kills) + 1}: live index changed without a swap"
            hits = client.index(uid).search("generatie")["hits"]
            assert [h["naam"] for h in hits] == [f"Generatie {generation if swapped else generation - 1}"]
            # The next run cleans up and brings the new generation.
            left_behind = fresh in fresh_uids(client, uid)
            after = run_index(data, meili, uid, config, *batch)
            assert after.returncode == 0, after.stderr
            assert (f"Oude, onaffe index '{fresh}'" in after.stdout) == left_behind, (stage, after.stdout)
            assert fresh_uids(client, uid) == [] and list(runs_dir.iterdir()) == []
            expected = document_ids(meili, uid)
            assert expected == new
            kills.append(stage + (" (omgewisseld)" if swapped else ""))
        print(f"\n{KILLS} kills (seed {seed}): " + ", ".join(kills))
        assert len(set(kills)) > 1, f"every kill landed at the same stage ({kills[0]}); seed {seed}"
    finally:
        wait_for_tasks_of(client, uid)
        for stale in fresh_uids(client, uid) + [uid]:
            client.wait_for_task(client.delete_index(stale).task_uid, timeout_in_ms=120000)


def kill_stage(client, fresh):
    """How far the run's work on the server was, from the tasks it had queued so far."""
    tasks = client.get_tasks({"indexUids": [fresh], "limit": 100}).results
    if not tasks:
        return "voor de nieuwe index"
    batches = [t for t in tasks if t.type == "documentAdditionOrUpdate"]
    if batches:
        done = sum(t.status == "succeeded" for t in batches)
        return f"documenten {done}/{len(batches)}"
    return "instellingen" if any(t.type == "settingsUpdate" for t in tasks) else "nieuwe index"


# --- 3. the server stops halfway through ------------------------------------------------------------------


def test_server_stopped_halfway_exits_1_in_dutch_and_the_live_index_is_unchanged(own_meili, synthetic, tmp_path):
    data = tmp_path / "voorzieningen"
    synthetic.write_dataset(data, 1000, 0, seed=7)
    uid = "wegwijzer"
    config = tmp_path / ".wegwijzer" / "meili.json"
    set_generation(data, 1)
    target = MeiliTarget(own_meili.url, own_meili.master_key, own_meili)
    first = run_index(data, target, uid, config)
    assert first.returncode == 0, first.stderr
    before = document_ids(target, uid)
    set_generation(data, 2)
    argv, env = index_command(data, target, uid, config, "--batch-size", "20")
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    client = own_meili.client()
    # Halfway: the fresh index has some of its documents.
    deadline = time.monotonic() + 120
    fresh = None
    while time.monotonic() < deadline and proc.poll() is None:
        fresh = (fresh_uids(client, uid) or [None])[0]
        if fresh and client.index(fresh).get_stats().number_of_documents >= 200:
            break
        time.sleep(0.02)
    assert proc.poll() is None and fresh, "the reindex ended before it could be interrupted"
    own_meili.stop()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, (out, err)
    assert "Meilisearch is niet bereikbaar op" in err and "De live zoekindex is niet veranderd." in err, err
    assert "Traceback" not in err

    own_meili.start()  # the same database (on a new port)
    target = MeiliTarget(own_meili.url, own_meili.master_key, own_meili)
    client = own_meili.client()
    assert document_ids(target, uid) == before
    wait_for_tasks_of(client, fresh)  # what was queued before the stop runs now ...
    assert document_ids(target, uid) == before  # ... and still changes nothing live
    swaps = client.get_tasks({"types": ["indexSwap"]}).results
    assert len(swaps) == 1, swaps  # the first run's only (it made the live index); none was queued since
    # The next run (the address changed with the restart) removes the half-built index.
    again = run_index(data, target, uid, config)
    assert again.returncode == 0, again.stderr
    assert f"Oude, onaffe index '{fresh}'" in again.stdout
    assert fresh_uids(client, uid) == [] and "voorziening-generatie-2" in document_ids(target, uid)
