"""Fakes for the tests: FakeMeiliClient, a fake of our own usage of meilisearch-python."""

from __future__ import annotations

import json

import requests
from meilisearch.errors import MeilisearchApiError, MeilisearchCommunicationError, MeilisearchTimeoutError
from meilisearch.models.index import IndexStats
from meilisearch.models.key import Key, KeysResults
from meilisearch.models.task import Task, TaskInfo

# --- a fake of our usage of meilisearch-python ------------------------------------------------
#
# ``FakeMeiliClient`` is a hand-written FAKE OF OUR OWN USAGE of meilisearch-python:
# it implements only the calls search/indexer.py and search/keys.py make, returns the
# client's real model classes (TaskInfo, Task, Key, IndexStats) and raises the client's
# real exceptions, and it can simulate a failed task, a refused connection, a wrong key
# and a timeout. It proves our control flow. It is NOT a model of Meilisearch and proves
# nothing about compatibility with a real server: that is what test_meili_live.py is for.

STAMP = "2026-01-01T00:00:00.000000Z"


def api_error(status: int, code: str, message: str) -> MeilisearchApiError:
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps({"message": message, "code": code, "type": "invalid_request",
                                    "link": "https://example.invalid"}).encode()
    return MeilisearchApiError(message, response)


class _FakeMeiliIndex:
    def __init__(self, client, uid):
        self.client = client
        self.uid = uid

    def update_settings(self, body):
        self.client.calls.append(("update_settings", self.uid))
        self.client.maybe_raise("update_settings")
        self.client.indexes[self.uid]["settings"] = body
        return self.client.enqueue("settingsUpdate", self.uid)

    def add_documents_in_batches(self, documents, batch_size=1000, primary_key=None):
        self.client.calls.append(("add_documents_in_batches", self.uid, len(documents), batch_size))
        self.client.maybe_raise("add_documents")
        infos = []
        for start in range(0, len(documents), batch_size):
            batch = documents[start:start + batch_size]
            infos.append(self.client.enqueue("documentAdditionOrUpdate", self.uid, documents=batch))
        return infos

    def get_stats(self):
        self.client.calls.append(("get_stats", self.uid))
        count = self.client.count_override
        if count is None:
            count = len(self.client.indexes[self.uid]["documents"])
        return IndexStats(numberOfDocuments=count, isIndexing=False, fieldDistribution={})


class FakeMeiliClient:
    """See the comment above: a fake of our usage of the client, not of Meilisearch."""

    def __init__(self, existing=None, fail_task=None, raise_on=None, keys=None):
        # uid -> {"documents": {id: doc}, "settings": dict}
        self.indexes = {uid: {"documents": {d["id"]: d for d in docs}, "settings": {}}
                        for uid, docs in (existing or {}).items()}
        self.fail_task = fail_task or {}  # (type, occurrence) -> error dict; occurrence is 1-based
        self.raise_on = raise_on or {}  # method name -> exception to raise
        self.calls = []
        self.tasks = {}
        self.seen = {}
        self.count_override = None
        self.keys = list(keys or [])

    # -- helpers
    def maybe_raise(self, name):
        err = self.raise_on.get(name)
        if err is not None:
            raise err

    def enqueue(self, kind, uid, **payload):
        number = len(self.tasks) + 1
        self.seen[kind] = self.seen.get(kind, 0) + 1
        error = self.fail_task.get((kind, self.seen[kind]))
        self.tasks[number] = (kind, uid, payload, error)
        return TaskInfo(taskUid=number, indexUid=uid, status="enqueued", type=kind, enqueuedAt=STAMP)

    def _apply(self, kind, uid, payload):
        if kind == "indexCreation":
            self.indexes[uid] = {"documents": {}, "settings": {}}
        elif kind == "indexDeletion":
            self.indexes.pop(uid, None)
        elif kind == "documentAdditionOrUpdate":
            self.indexes[uid]["documents"].update({d["id"]: d for d in payload["documents"]})
        elif kind == "indexSwap":
            a, b = payload["pair"]
            self.indexes[a], self.indexes[b] = self.indexes[b], self.indexes[a]

    # -- the client calls we use
    def get_raw_index(self, uid):
        self.calls.append(("get_raw_index", uid))
        self.maybe_raise("get_raw_index")
        if uid not in self.indexes:
            raise api_error(404, "index_not_found", f"Index `{uid}` not found.")
        return {"uid": uid, "primaryKey": "id"}

    def get_raw_indexes(self, parameters=None):
        self.calls.append(("get_raw_indexes",))
        self.maybe_raise("get_raw_indexes")
        results = [{"uid": uid, "primaryKey": "id"} for uid in sorted(self.indexes)]
        return {"results": results, "offset": 0, "limit": (parameters or {}).get("limit", 20), "total": len(results)}

    def create_index(self, uid, options=None):
        self.calls.append(("create_index", uid))
        self.maybe_raise("create_index")
        return self.enqueue("indexCreation", uid)

    def index(self, uid):
        return _FakeMeiliIndex(self, uid)

    def swap_indexes(self, parameters):
        pair = parameters[0]["indexes"]
        self.calls.append(("swap_indexes", tuple(pair)))
        self.maybe_raise("swap_indexes")
        return self.enqueue("indexSwap", None, pair=pair)

    def delete_index(self, uid):
        self.calls.append(("delete_index", uid))
        self.maybe_raise("delete_index")
        return self.enqueue("indexDeletion", uid)

    def wait_for_task(self, uid, timeout_in_ms=5000, interval_in_ms=50):
        self.calls.append(("wait_for_task", uid))
        self.maybe_raise("wait_for_task")
        kind, index_uid, payload, error = self.tasks[uid]
        if error is None:
            self._apply(kind, index_uid, payload)
            status = "succeeded"
        else:
            status = "failed"
        return Task(uid=uid, indexUid=index_uid, status=status, type=kind, enqueuedAt=STAMP, error=error)

    def get_keys(self, parameters=None):
        self.calls.append(("get_keys",))
        self.maybe_raise("get_keys")
        offset = (parameters or {}).get("offset", 0)
        limit = (parameters or {}).get("limit", 20)
        page = self.keys[offset:offset + limit]
        return KeysResults(results=page, offset=offset, limit=limit, total=len(self.keys))

    def create_key(self, options):
        self.calls.append(("create_key", options["name"]))
        self.maybe_raise("create_key")
        key = make_key(f"uid-{len(self.keys) + 1}", f"zoek{len(self.keys) + 1:060d}", options["name"],
                       options["actions"], options["indexes"])
        self.keys.append(key)
        return key


def make_key(uid, key, name, actions, indexes, expires=None):
    return Key(uid=uid, key=key, name=name, description=None, actions=list(actions), indexes=list(indexes),
               createdAt=STAMP, expiresAt=expires)


def refused():
    return MeilisearchCommunicationError("HTTPConnectionPool(host='127.0.0.1', port=9): Connection refused")


def timed_out():
    return MeilisearchTimeoutError("timeout of 300000ms has exceeded")
