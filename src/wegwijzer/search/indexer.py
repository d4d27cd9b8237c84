"""Reindex Meilisearch without ever touching the live index until the new one is good.

The workflow, with the official client (meilisearch-python):

1. make sure the live index exists (create it empty if not, so a swap is possible);
2. create a fresh index ``<live>-nieuw-<time>`` with the primary key;
3. apply the settings to it;
4. add the documents in batches (progress on stderr);
5. swap the fresh index with the live one (atomic on the server);
6. delete the fresh uid, which now holds the old documents;
7. delete fresh indexes that an earlier, killed run left behind (older than a day, so
   a run that is still busy elsewhere is never touched).

Every task is awaited *and its status checked*: the client's ``wait_for_task`` returns
a failed task without raising. On any failure before the swap, the fresh index is
deleted (if it was created) and the live index is exactly as it was.
"""

from __future__ import annotations

import calendar
import secrets
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchError,
    MeilisearchTimeoutError,
)

from ..errors import WegwijzerError
from .settings import DEFAULT_BATCH_SIZE, DEFAULT_TASK_TIMEOUT_S

STALE_AFTER_S = 24 * 3600  # a fresh index this old belongs to no running reindex


class IndexingFailed(WegwijzerError):
    """A Dutch message for the person running `wegwijzer index`; the live index is untouched."""


@dataclass
class IndexReport:
    live_uid: str
    fresh_uid: str
    documents: int
    batches: int
    created_live: bool = False
    warnings: list = field(default_factory=list)
    removed_stale: list = field(default_factory=list)  # leftovers of killed runs


# --- progress -------------------------------------------------------------------------------


class Progress:
    """A plain text progress bar on stderr (no dependency). Quiet when disabled."""

    def __init__(self, total: int, label: str, stream=None, enabled: bool = True, width: int = 30):
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

    def __init__(self, client, url: str = "", task_timeout_s: float = DEFAULT_TASK_TIMEOUT_S,
                 progress: bool = True, stream=None, clock: Callable[[], float] = time.time):
        self.client = client
        self.url = url
        self.timeout_ms = int(task_timeout_s * 1000)
        self.progress = progress
        self.stream = stream or sys.stderr
        self.clock = clock

    # every task goes through here
    def _wait(self, task_info, step: str):
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

    def _call(self, step: str, func, *args, **kwargs):
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

    def run(self, documents: list, settings: dict, live_uid: str, primary_key: str = "id",
            batch_size: int = DEFAULT_BATCH_SIZE) -> IndexReport:
        if batch_size < 1:
            raise IndexingFailed("--batch-size moet minstens 1 zijn.")
        report = IndexReport(live_uid, self.fresh_uid(live_uid), len(documents), 0)
        created_fresh = False
        swapped = False
        try:
            # 1. A live index to swap with. Creating an empty one changes nothing a resident sees.
            if not self.live_exists(live_uid):
                info = self._call("het maken van de live index", self.client.create_index,
                                  live_uid, {"primaryKey": primary_key})
                self._wait(info, "het maken van de live index")
                report.created_live = True
            # 2. The fresh index.
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
            self._wait(info, "het omwisselen van de indexen")
            swapped = True
        except BaseException:  # IndexingFailed, or anything unexpected, or Ctrl-C
            if created_fresh and not swapped:
                self._cleanup(report.fresh_uid)
            if report.created_live and not swapped:  # it did not exist before this run
                self._cleanup(live_uid)
            raise
        # 6. The fresh uid now holds the previous documents. A failure here is only a warning.
        try:
            info = self.client.delete_index(report.fresh_uid)
            self._wait(info, "het opruimen van de oude index")
        except (IndexingFailed, MeilisearchError) as err:
            text = err.message if isinstance(err, IndexingFailed) else explain(err, self.url, "opruimen")
            report.warnings.append(f"De nieuwe index staat live, maar de oude index '{report.fresh_uid}' kon niet "
                                   f"worden verwijderd: {text.split('. De live')[0]}. Verwijder hem later zelf.")
        # 7. Leftovers of runs that were killed before they could clean up.
        for uid in self.stale_fresh_uids(live_uid):
            try:
                self._wait(self.client.delete_index(uid), "het opruimen van een oude, onaffe index")
                report.removed_stale.append(uid)
            except (IndexingFailed, MeilisearchError):
                report.warnings.append(f"De oude, onaffe index '{uid}' kon niet worden verwijderd. "
                                       "Verwijder hem later zelf.")
        return report

    def stale_fresh_uids(self, live_uid: str) -> list:
        """Fresh indexes of ``live_uid`` (``<live>-nieuw-<time>-…``) made over a day ago."""
        try:
            answer = self.client.get_raw_indexes({"limit": 1000})
        except MeilisearchError:
            return []  # cleaning up is a courtesy; the reindex itself succeeded
        listed = answer.get("results", []) if isinstance(answer, dict) else answer
        prefix, now, stale = f"{live_uid}-nieuw-", self.clock(), []
        for uid in (item.get("uid", "") for item in listed if isinstance(item, dict)):
            if not uid.startswith(prefix):
                continue
            try:
                made = calendar.timegm(time.strptime(uid[len(prefix):].split("-")[0], "%Y%m%d%H%M%S"))
            except ValueError:
                continue  # not a name we made
            if now - made > STALE_AFTER_S:
                stale.append(uid)
        return stale

    def _cleanup(self, uid: str) -> None:
        """Best effort: remove a half-built fresh index. Never touches the live one."""
        try:
            info = self.client.delete_index(uid)
            self.client.wait_for_task(info.task_uid, timeout_in_ms=self.timeout_ms, interval_in_ms=100)
        except Exception:  # the original failure is what the user needs to read
            pass
