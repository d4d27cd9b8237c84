"""Reindex Meilisearch without ever touching the live index until the new one is good.

The workflow, with the official client (meilisearch-python):

1. make sure the live index exists (create it empty if not, so a swap is possible);
2. create a fresh index ``<live>-nieuw-<time>`` with the primary key;
3. apply the settings to it;
4. add the documents in batches (progress on stderr);
5. swap the fresh index with the live one (atomic on the server);
6. delete the fresh uid, which now holds the old documents.

Before step 2 it deletes fresh indexes that earlier runs left behind when they were
killed (SIGKILL, a crash, a lost machine) or could not clean up (the server was down).
Whose is which: each run holds an exclusive lock on a small file named after its fresh
index in ``run_dir`` (``.wegwijzer/index-runs/`` for the command) for as long as it runs;
the kernel releases that lock when the process dies, however it dies. A fresh index
whose lock file is there but not held belongs to a dead run and is removed at once. A
fresh index without a lock file was made from another folder or machine: it is removed
once it is more than a day old (a run that is still busy elsewhere is never touched).

Every task is awaited *and its status checked*: the client's ``wait_for_task`` returns
a failed task without raising. On any failure before the swap, the fresh index is
deleted (if it was created) and the live index is exactly as it was.
"""

from __future__ import annotations

import calendar
import fcntl
import json
import os
import re
import secrets
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional, TextIO, TypeVar

from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchError,
    MeilisearchTimeoutError,
)

from ..errors import WegwijzerError
from .settings import DEFAULT_BATCH_SIZE, DEFAULT_TASK_TIMEOUT_S

if TYPE_CHECKING:
    from meilisearch import Client
    from meilisearch.models.task import Task, TaskInfo

    from .documents import Document

T = TypeVar("T")

STALE_AFTER_S = 24 * 3600  # a fresh index this old, without a lock file here, belongs to no running reindex
# Meilisearch's rule for an index uid: a-z A-Z 0-9 - _, at most 400 bytes. The fresh uid adds 30.
INDEX_UID = re.compile(r"^[a-zA-Z0-9_-]{1,370}$")


class IndexingFailed(WegwijzerError):
    """A Dutch message for the person running `wegwijzer index`; the live index is untouched."""


@dataclass
class IndexReport:
    live_uid: str
    fresh_uid: str
    documents: int
    batches: int
    created_live: bool = False
    warnings: list[str] = field(default_factory=list)
    removed_stale: list[str] = field(default_factory=list)  # leftovers of killed runs


# --- progress -------------------------------------------------------------------------------


class Progress:
    """A plain text progress bar on stderr (no dependency). Quiet when disabled."""

    def __init__(self, total: int, label: str, stream: Optional[TextIO] = None, enabled: bool = True,
                 width: int = 30):
        self.total = max(total, 1)
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.width = width
        self.done = 0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def advance(self, step: int = 1, note: str = "") -> None:
        self.done += step
        if not self.enabled:
            return
        filled = int(self.width * self.done / self.total)
        bar = "#" * filled + "-" * (self.width - filled)
        line = f"{self.label} [{bar}] {self.done}/{self.total} {note}".rstrip()
        if self.tty:
            self.stream.write("\r" + line + ("\n" if self.done >= self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


# --- who owns a fresh index -------------------------------------------------------------------


class RunLock:
    """An exclusive lock on ``<run_dir>/<fresh uid>.lock`` for as long as a run lives.

    ``flock`` locks belong to the open file: the kernel drops them when the process dies,
    even by SIGKILL. So a lock file that nobody holds names a fresh index whose run is dead.
    The file records the server's address, so only runs against the same server judge it.
    """

    SUFFIX = ".lock"

    def __init__(self, run_dir: Path, uid: str, url: str):
        self.path = Path(run_dir) / f"{uid}{self.SUFFIX}"
        self.uid = uid
        self.url = url.rstrip("/")
        self.handle: TextIO | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.handle = handle = open(self.path, "a+", encoding="utf-8")
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handle.truncate(0)
        handle.write(json.dumps({"url": self.url, "index": self.uid, "pid": os.getpid()}) + "\n")
        handle.flush()

    def release(self, remove: bool) -> None:
        """Unlock; ``remove`` the file only when the fresh index is gone (else it marks a leftover)."""
        if self.handle is None:
            return
        if remove:
            self.path.unlink(missing_ok=True)
        self.handle.close()  # closing drops the lock
        self.handle = None


def abandoned_runs(run_dir: Optional[Path]) -> dict[str, tuple[str, Path]]:
    """{fresh uid: (server address, lock file)} of dead runs: lock files in ``run_dir`` nobody holds."""
    found: dict[str, tuple[str, Path]] = {}
    if run_dir is None or not Path(run_dir).is_dir():
        return found
    for path in sorted(Path(run_dir).glob("*" + RunLock.SUFFIX)):
        try:
            with open(path, "r+", encoding="utf-8") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while its run lives
                record = json.loads(handle.read() or "{}")
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and isinstance(record.get("index"), str):
            found[record["index"]] = (str(record.get("url", "")), path)
    return found


# --- errors in Dutch --------------------------------------------------------------------------


def explain(err: Exception, url: str, step: str) -> str:
    """One clear sentence for each way the server can fail us. Never includes a key."""
    if isinstance(err, MeilisearchCommunicationError):
        return (f"Meilisearch is niet bereikbaar op {url} ({step}). Draait de server en klopt MEILI_URL? "
                "De live zoekindex is niet veranderd.")
    if isinstance(err, MeilisearchTimeoutError):
        return (f"Meilisearch antwoordde niet op tijd ({step}). Probeer het later opnieuw of geef meer tijd "
                "met --timeout. De live zoekindex is niet veranderd.")
    if isinstance(err, MeilisearchApiError):
        code = getattr(err, "code", None) or ""
        if err.status_code in (401, 403) or code in ("missing_authorization_header", "invalid_api_key"):
            return ("Meilisearch weigert de sleutel (HTTP "
                    f"{err.status_code}{', ' + code if code else ''}). Gebruik de master key van deze server in "
                    "MEILI_MASTER_KEY. De live zoekindex is niet veranderd.")
        return (f"Meilisearch gaf een fout bij {step}: {err.message}"
                f"{' (' + code + ')' if code else ''}. De live zoekindex is niet veranderd.")
    if isinstance(err, MeilisearchError):
        return f"Meilisearch gaf een fout bij {step}: {err.message}. De live zoekindex is niet veranderd."
    return f"Onverwachte fout bij {step}: {err}. De live zoekindex is niet veranderd."


# --- the workflow ------------------------------------------------------------------------------


class Indexer:
    """The swap workflow against a meilisearch.Client (or a test double of our usage of it)."""

    def __init__(self, client: Client, url: str = "", task_timeout_s: float = DEFAULT_TASK_TIMEOUT_S,
                 progress: bool = True, stream: Optional[TextIO] = None, clock: Callable[[], float] = time.time,
                 run_dir: Optional[Path] = None):
        self.client = client
        self.url = url
        self.run_dir = Path(run_dir) if run_dir is not None else None  # None: no lock files
        self.timeout_ms = int(task_timeout_s * 1000)
        self.progress = progress
        self.stream = stream or sys.stderr
        self.clock = clock

    # every task goes through here
    def _wait(self, task_info: TaskInfo, step: str) -> Task:
        try:
            task = self.client.wait_for_task(task_info.task_uid, timeout_in_ms=self.timeout_ms, interval_in_ms=100)
        except MeilisearchError as err:
            raise IndexingFailed(explain(err, self.url, step)) from err
        if task.status != "succeeded":
            error = task.error or {}
            message = error.get("message") or f"de taak eindigde met status '{task.status}'"
            code = error.get("code")
            raise IndexingFailed(
                f"Meilisearch weigerde {step}: {message}{' (' + code + ')' if code else ''}. "
                "De live zoekindex is niet veranderd.")
        return task

    def _call(self, step: str, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        try:
            return func(*args, **kwargs)
        except IndexingFailed:
            raise
        except MeilisearchError as err:
            raise IndexingFailed(explain(err, self.url, step)) from err

    def fresh_uid(self, live_uid: str) -> str:
        stamp = time.strftime("%Y%m%d%H%M%S", time.gmtime(self.clock()))
        return f"{live_uid}-nieuw-{stamp}-{secrets.token_hex(2)}"

    def live_exists(self, live_uid: str) -> bool:
        try:
            self.client.get_raw_index(live_uid)
            return True
        except MeilisearchApiError as err:
            if err.status_code == 404 or getattr(err, "code", None) == "index_not_found":
                return False
            raise IndexingFailed(explain(err, self.url, "het opvragen van de live index")) from err
        except MeilisearchError as err:
            raise IndexingFailed(explain(err, self.url, "het opvragen van de live index")) from err

    def run(self, documents: list[Document], settings: dict[str, Any], live_uid: str, primary_key: str = "id",
            batch_size: int = DEFAULT_BATCH_SIZE) -> IndexReport:
        if batch_size < 1:
            raise IndexingFailed("--batch-size moet minstens 1 zijn.")
        if not INDEX_UID.match(live_uid or ""):
            raise IndexingFailed(f"De indexnaam '{live_uid}' kan niet: gebruik alleen a-z, A-Z, 0-9, '-' en '_' "
                                 "(hoogstens 370 tekens). Er is niets veranderd.")
        report = IndexReport(live_uid, self.fresh_uid(live_uid), len(documents), 0)
        # 0. Leftovers of runs that were killed, or could not clean up, before this one.
        self._remove_leftovers(live_uid, report)
        lock = RunLock(self.run_dir, report.fresh_uid, self.url) if self.run_dir is not None else None
        if lock is not None:
            try:
                lock.acquire()  # held until this run ends, however it ends
            except OSError as err:
                raise IndexingFailed(f"Het slotbestand {lock.path} kan niet worden gemaakt ({err.strerror}). "
                                     "Er is niets veranderd.") from err
        created_fresh = False
        fresh_gone = True  # no fresh index on the server (yet, or any more)
        swap_sent = False
        try:
            # 1. A live index to swap with. Creating an empty one changes nothing a resident sees.
            if not self.live_exists(live_uid):
                info = self._call("het maken van de live index", self.client.create_index,
                                  live_uid, {"primaryKey": primary_key})
                self._wait(info, "het maken van de live index")
                report.created_live = True
            # 2. The fresh index.
            fresh_gone = False  # from here on it may exist, even if the next call fails
            info = self._call("het maken van de nieuwe index", self.client.create_index,
                              report.fresh_uid, {"primaryKey": primary_key})
            created_fresh = True
            self._wait(info, "het maken van de nieuwe index")
            fresh = self.client.index(report.fresh_uid)
            # 3. Settings.
            info = self._call("de instellingen", fresh.update_settings, settings)
            self._wait(info, "de instellingen")
            # 4. Documents, in batches; every batch task checked.
            tasks = self._call("het toevoegen van documenten", fresh.add_documents_in_batches,
                               documents, batch_size, primary_key) if documents else []
            report.batches = len(tasks)
            bar = Progress(len(tasks), "Documenten", self.stream, enabled=self.progress and bool(tasks))
            for number, info in enumerate(tasks, 1):
                self._wait(info, f"batch {number} van {len(tasks)} (documenten)")
                bar.advance(1, f"batches ({min(number * batch_size, len(documents))} documenten)")
            stats = self._call("het tellen van de documenten", fresh.get_stats)
            if stats.number_of_documents != len(documents):
                raise IndexingFailed(
                    f"De nieuwe index bevat {stats.number_of_documents} documenten, maar er zijn er "
                    f"{len(documents)} verstuurd (dubbele id's?). De live zoekindex is niet veranderd.")
            # 5. The swap: atomic on the server. Before it succeeds, live is untouched.
            info = self._call("het omwisselen van de indexen", self.client.swap_indexes,
                              [{"indexes": [live_uid, report.fresh_uid]}])
            swap_sent = True
            self._wait(info, "het omwisselen van de indexen")
        except BaseException as problem:  # IndexingFailed, or anything unexpected, or Ctrl-C
            if created_fresh or not fresh_gone:
                fresh_gone = self._cleanup(report.fresh_uid)
            if report.created_live and not swap_sent:  # it did not exist before this run
                self._cleanup(live_uid)
            if lock is not None:
                lock.release(remove=fresh_gone)
            if swap_sent and isinstance(problem, IndexingFailed):
                # The server has the swap task. If it runs later (say, once the server is back),
                # the complete new index goes live: never a half one, but not "unchanged" either.
                raise IndexingFailed(problem.message.replace(
                    "De live zoekindex is niet veranderd.",
                    "Het omwisselen was al aangevraagd: de live index is nu óf de oude, óf de complete "
                    "nieuwe, nooit een halve. Draai 'wegwijzer index' opnieuw om zeker te zijn.")) from problem
            raise
        # 6. The fresh uid now holds the previous documents. A failure here is only a warning.
        try:
            info = self.client.delete_index(report.fresh_uid)
            self._wait(info, "het opruimen van de oude index")
            fresh_gone = True
        except (IndexingFailed, MeilisearchError) as err:
            text = err.message if isinstance(err, IndexingFailed) else explain(err, self.url, "opruimen")
            report.warnings.append(f"De nieuwe index staat live, maar de oude index '{report.fresh_uid}' kon niet "
                                   f"worden verwijderd: {text.split('. De live')[0]}. De volgende run ruimt hem op.")
        finally:
            if lock is not None:
                lock.release(remove=fresh_gone)
        return report

    # --- leftovers ------------------------------------------------------------------------------

    def _remove_leftovers(self, live_uid: str, report: IndexReport) -> None:
        prefix = f"{live_uid}-nieuw-"
        abandoned = {uid: found for uid, found in abandoned_runs(self.run_dir).items() if uid.startswith(prefix)}
        # A dead run's index is deleted without asking whether it exists: the deletion queues
        # behind any creation the dead run left pending, so even that index cannot slip through.
        for uid, (url, path) in abandoned.items():
            outcome = self._delete_leftover(uid, report)
            if outcome == "deleted" or (outcome == "absent" and url == self.url.rstrip("/")):
                path.unlink(missing_ok=True)  # else it may still mark a leftover on another server
        for uid in self.leftover_fresh_uids(live_uid, abandoned):
            self._delete_leftover(uid, report)

    def _delete_leftover(self, uid: str, report: IndexReport) -> str:
        """'deleted', 'absent' (no such index) or 'failed' (a warning says so)."""
        try:
            task = self.client.wait_for_task(self.client.delete_index(uid).task_uid,
                                             timeout_in_ms=self.timeout_ms, interval_in_ms=100)
        except MeilisearchError:
            task = None
        if task is not None and task.status == "succeeded":
            report.removed_stale.append(uid)
            return "deleted"
        if task is not None and (task.error or {}).get("code") == "index_not_found":
            return "absent"
        report.warnings.append(f"De oude, onaffe index '{uid}' kon niet worden verwijderd. "
                               "De volgende run probeert het opnieuw.")
        return "failed"

    def _fresh_uids_on_server(self, live_uid: str) -> list[str]:
        prefix, offset = f"{live_uid}-nieuw-", 0
        uids: list[str] = []
        while True:
            answer = self.client.get_raw_indexes({"offset": offset, "limit": 100})
            listed = answer.get("results", []) if isinstance(answer, dict) else answer
            uids.extend(item.get("uid", "") for item in listed if isinstance(item, dict))
            offset += len(listed)
            total = answer.get("total", 0) if isinstance(answer, dict) else 0
            if not listed or offset >= total:
                return [uid for uid in uids if uid.startswith(prefix)]

    def leftover_fresh_uids(self, live_uid: str, handled: Iterable[str] = ()) -> list[str]:
        """Fresh indexes of ``live_uid`` on the server that no lock file here explains and
        that are over a day old (see the module docstring). ``handled``: uids already dealt with."""
        try:
            on_server = self._fresh_uids_on_server(live_uid)
        except MeilisearchError:
            return []  # cleaning up is a courtesy; the reindex itself can go on
        prefix, now = f"{live_uid}-nieuw-", self.clock()
        leftovers: list[str] = []
        for uid in on_server:
            if uid in handled:
                continue
            if self.run_dir is not None and (self.run_dir / f"{uid}{RunLock.SUFFIX}").exists():
                continue  # a run from this folder holds it: still busy
            try:
                made = calendar.timegm(time.strptime(uid[len(prefix):].split("-")[0], "%Y%m%d%H%M%S"))
            except ValueError:
                continue  # not a name we made
            if now - made > STALE_AFTER_S:
                leftovers.append(uid)
        return leftovers

    def _cleanup(self, uid: str) -> bool:
        """Best effort: remove a half-built fresh index. Never touches the live one. True when it is gone."""
        try:
            info = self.client.delete_index(uid)
            task = self.client.wait_for_task(info.task_uid, timeout_in_ms=self.timeout_ms, interval_in_ms=100)
            return getattr(task, "status", None) == "succeeded"
        except Exception:  # the original failure is what the user needs to read
            return False
