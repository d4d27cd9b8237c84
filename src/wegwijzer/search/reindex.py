"""`wegwijzer index`: check the data, build the search documents, reindex Meilisearch safely.

Library code: progress and reports go to the streams it is given, failures are raised
as WegwijzerError (the CLI prints them). The live index is only replaced by a complete,
checked new one.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TextIO

from ..errors import UsageError
from ..records.checker import CheckResult, check_all
from ..records.synonyms import search_folder
from .documents import Document, build_documents, document_problems
from .indexer import IndexingFailed
from .settings import DEFAULT_BATCH_SIZE, DEFAULT_INDEX_UID, DEFAULT_TASK_TIMEOUT_S, index_settings
from .siteconfig import DEFAULT_PATH, write_site_config

if TYPE_CHECKING:  # imported when talking to a server (_index)
    import meilisearch

RUN_DIR_NAME = "index-runs"  # beside the site configuration: .wegwijzer/index-runs/


@dataclass
class IndexOptions:
    data_dir: Path
    content_dir: Path
    synonyms_file: Optional[Path] = None
    url: str = ""
    master_key: str = ""
    index_uid: str = DEFAULT_INDEX_UID
    batch_size: int = DEFAULT_BATCH_SIZE
    site_config: Path = DEFAULT_PATH
    timeout: float = DEFAULT_TASK_TIMEOUT_S
    quiet: bool = False
    dry_run: Optional[Path] = None


def prepare(data_dir: Path, content_dir: Path, synonyms_file: Optional[Path] = None
            ) -> tuple[Optional[list[Document]], Optional[dict[str, Any]], CheckResult]:
    """(documents, settings, CheckResult). Nothing is returned to index if the check fails."""
    result = check_all(data_dir, content_dir, synonyms_file, search_folder(Path.cwd(), synonyms_file))
    if not result.ok:
        return None, None, result
    documents = build_documents(result.dataset, list(result.articles), result.life_events, result.worried)
    settings = index_settings(synonyms_path=synonyms_file, documents=documents)
    return documents, settings, result


def run_index(options: IndexOptions, out: Optional[TextIO] = None, err: Optional[TextIO] = None) -> None:
    """Check, build the documents, then write them (dry run) or reindex. Raises on failure.

    Progress and reports go to ``out`` and ``err`` (standard output and error by default).
    """
    out, err = out or sys.stdout, err or sys.stderr
    documents, settings, result = prepare(Path(options.data_dir), Path(options.content_dir), options.synonyms_file)
    if documents is None or settings is None:  # both are, or neither
        print(result.as_text(), file=err)
        raise IndexingFailed("er zijn fouten in de gegevens; er is niets geïndexeerd. "
                             "De live zoekindex is niet veranderd.")
    problems = document_problems(documents, settings.get("filterableAttributes", []))
    if problems:
        for line in problems[:20]:
            print(f"  {line}", file=err)
        raise IndexingFailed(f"{len(problems)} documenten passen niet binnen de grenzen van Meilisearch; "
                             "er is niets geïndexeerd.")
    if options.dry_run:
        write_dry_run(Path(options.dry_run), documents, settings, out)
    else:
        _index(options, documents, settings, out, err)


def write_dry_run(folder: Path, documents: list[Document], settings: dict[str, Any], out: TextIO) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "documents.json").write_text(json.dumps(documents, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    (folder / "settings.json").write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    counts: dict[str, int] = {}
    for doc in documents:
        counts[doc["soort"]] = counts.get(doc["soort"], 0) + 1
    parts = ", ".join(f"{n} {soort}" for soort, n in sorted(counts.items())) or "geen documenten"
    print(f"{len(documents)} documenten ({parts}) en de instellingen geschreven naar {folder}/ "
          "(documents.json, settings.json). Er is geen server gebruikt.", file=out)


def _index(options: IndexOptions, documents: list[Document], settings: dict[str, Any], out: TextIO,
           err: TextIO) -> None:
    url = (options.url or os.environ.get("MEILI_URL") or "").strip()
    master_key = options.master_key or os.environ.get("MEILI_MASTER_KEY") or ""
    if not url:
        raise UsageError("geef het adres van Meilisearch met MEILI_URL of --url (of gebruik --dry-run DIR).")
    if not master_key:
        raise UsageError("geef de master key van Meilisearch met MEILI_MASTER_KEY (of --master-key).")

    import meilisearch  # only needed when talking to a server

    from .indexer import Indexer
    from .settings import primary_key

    client = meilisearch.Client(url, master_key, timeout=30)
    # Run locks beside the site configuration (.wegwijzer/index-runs/): runs from this folder
    # know each other's fresh indexes, so a killed run's leftover is removed by the next run.
    run_dir = Path(options.site_config).parent / RUN_DIR_NAME
    indexer = Indexer(client, url=url, task_timeout_s=options.timeout, progress=not options.quiet, run_dir=run_dir)
    report = indexer.run(documents, settings, options.index_uid, primary_key(), options.batch_size)
    for warning in report.warnings:
        print(f"wegwijzer index: waarschuwing: {warning}", file=err)
    for uid in report.removed_stale:
        print(f"Oude, onaffe index '{uid}' van een afgebroken eerdere run verwijderd.", file=out)
    print(f"{report.documents} documenten staan live in index '{report.live_uid}' "
          f"({report.batches} batches, omgewisseld zonder onderbreking).", file=out)
    _write_search_key(client, options, url, master_key, out)


def _write_search_key(client: meilisearch.Client, options: IndexOptions, url: str, master_key: str,
                      out: TextIO) -> None:
    from .indexer import explain
    from .keys import UnsafeKey, ensure_search_key
    from .siteconfig import SecretLeak

    try:
        key = ensure_search_key(client, options.index_uid, master_key)
        path = write_site_config(Path(options.site_config), url, options.index_uid, key.key, master_key)
    except (UnsafeKey, SecretLeak) as problem:
        raise IndexingFailed(f"{problem.message} De zoekindex is wel bijgewerkt.") from None
    except Exception as problem:  # noqa: BLE001 - the index is live; say clearly what is missing
        message = explain(problem, url, "het maken van de zoeksleutel").replace(
            "De live zoekindex is niet veranderd.", "")
        raise IndexingFailed(f"{message.strip()} De zoekindex is wel bijgewerkt, maar de site heeft nog "
                             "geen zoeksleutel.") from None
    verb = "gemaakt" if key.created else "hergebruikt"
    print(f"Zoeksleutel (alleen zoeken in '{options.index_uid}') {verb} en geschreven naar {path}. "
          "Bouw de site opnieuw (wegwijzer build) om hem te gebruiken.", file=out)
