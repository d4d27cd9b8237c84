"""`wegwijzer index`: build the search documents and (re)index Meilisearch safely."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from wegwijzer.checker import DEFAULT_CONTENT_DIR, check_all
from wegwijzer.dataset import DEFAULT_DATA_DIR

from .documents import build_documents, document_problems
from .settings import DEFAULT_BATCH_SIZE, DEFAULT_TASK_TIMEOUT_S, index_settings
from .siteconfig import DEFAULT_PATH, SecretLeak, write_site_config

DEFAULT_INDEX_UID = "wegwijzer"


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "index",
        help="Maak de zoekindex in Meilisearch opnieuw (of schrijf hem met --dry-run naar een map).",
        description=(
            "Bouwt de zoekdocumenten uit de records en zet ze in een nieuwe Meilisearch-index. "
            "Pas als alles gelukt is, wordt die index in één keer omgewisseld met de live index. "
            "Bij een fout blijft de live index zoals hij was."),
    )
    cmd.add_argument("data_dir", nargs="?", default=DEFAULT_DATA_DIR, metavar="DATA_DIR",
                     help="map met gemeente.yaml, records en gezichten/ (standaard: voorzieningen/)")
    cmd.add_argument("--url", default=None, help="adres van Meilisearch (standaard: $MEILI_URL)")
    cmd.add_argument("--master-key", default=None,
                     help="master key (standaard: $MEILI_MASTER_KEY; liever via de omgeving, niet op de opdrachtregel)")
    cmd.add_argument("--index-uid", default=os.environ.get("MEILI_INDEX", DEFAULT_INDEX_UID),
                     help="naam van de live index (standaard: wegwijzer)")
    cmd.add_argument("--dry-run", metavar="DIR", default=None,
                     help="schrijf documents.json en settings.json in DIR in plaats van naar een server")
    cmd.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                     help=f"documenten per batch (standaard: {DEFAULT_BATCH_SIZE})")
    cmd.add_argument("--content", default=DEFAULT_CONTENT_DIR, metavar="DIR",
                     help="map met de pagina's; artikelen staan in DIR/artikelen/ (standaard: content)")
    cmd.add_argument("--site-config", default=str(DEFAULT_PATH), metavar="FILE",
                     help="waar de zoeksleutel voor de site komt (standaard: .wegwijzer/meili.json)")
    cmd.add_argument("--timeout", type=float, default=DEFAULT_TASK_TIMEOUT_S, metavar="SEC",
                     help=f"hoe lang op elke Meilisearch-taak te wachten (standaard: {DEFAULT_TASK_TIMEOUT_S} s)")
    cmd.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")
    cmd.set_defaults(handler=cmd_index)


def _fail(message: str, code: int = 1) -> int:
    print(f"wegwijzer index: {message}", file=sys.stderr)
    return code


def prepare(data_dir: Path, content_dir: Path):
    """(documents, settings, CheckResult). Nothing is returned to index if the check fails."""
    result = check_all(data_dir, content_dir)
    if not result.ok:
        return None, None, result
    dataset, articles = result.dataset, list(result.articles)
    documents = build_documents(dataset, articles)
    settings = index_settings()
    return documents, settings, result


def cmd_index(args) -> int:
    documents, settings, result = prepare(Path(args.data_dir), Path(args.content))
    if documents is None:
        print(result.as_text(), file=sys.stderr)
        return _fail("er zijn fouten in de gegevens; er is niets geïndexeerd. De live zoekindex is niet veranderd.")
    problems = document_problems(documents, settings.get("filterableAttributes", []))
    if problems:
        for line in problems[:20]:
            print(f"  {line}", file=sys.stderr)
        return _fail(f"{len(problems)} documenten passen niet binnen de grenzen van Meilisearch; er is niets "
                     "geïndexeerd.")
    if args.dry_run:
        return _dry_run(Path(args.dry_run), documents, settings)
    return _index(args, documents, settings)


def _dry_run(folder: Path, documents: list, settings: dict) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "documents.json").write_text(json.dumps(documents, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
    (folder / "settings.json").write_text(json.dumps(settings, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    counts = {}
    for doc in documents:
        counts[doc["soort"]] = counts.get(doc["soort"], 0) + 1
    parts = ", ".join(f"{n} {soort}" for soort, n in sorted(counts.items())) or "geen documenten"
    print(f"{len(documents)} documenten ({parts}) en de instellingen geschreven naar {folder}/ "
          "(documents.json, settings.json). Er is geen server gebruikt.")
    return 0


def _index(args, documents: list, settings: dict) -> int:
    url = (args.url or os.environ.get("MEILI_URL") or "").strip()
    master_key = args.master_key or os.environ.get("MEILI_MASTER_KEY") or ""
    if not url:
        return _fail("geef het adres van Meilisearch met MEILI_URL of --url (of gebruik --dry-run DIR).", 2)
    if not master_key:
        return _fail("geef de master key van Meilisearch met MEILI_MASTER_KEY (of --master-key).", 2)

    import meilisearch  # only needed when talking to a server

    from .indexer import Indexer, IndexingFailed
    from .keys import UnsafeKey, ensure_search_key
    from .settings import primary_key

    client = meilisearch.Client(url, master_key, timeout=30)
    indexer = Indexer(client, url=url, task_timeout_s=args.timeout, progress=not args.quiet)
    try:
        report = indexer.run(documents, settings, args.index_uid, primary_key(), args.batch_size)
    except IndexingFailed as failed:
        return _fail(failed.message)
    for warning in report.warnings:
        print(f"wegwijzer index: waarschuwing: {warning}", file=sys.stderr)
    for uid in report.removed_stale:
        print(f"Oude, onaffe index '{uid}' van een afgebroken eerdere run verwijderd.")
    print(f"{report.documents} documenten staan live in index '{report.live_uid}' "
          f"({report.batches} batches, omgewisseld zonder onderbreking).")

    try:
        key = ensure_search_key(client, args.index_uid, master_key)
        path = write_site_config(Path(args.site_config), url, args.index_uid, key.key, master_key)
    except (UnsafeKey, SecretLeak) as err:
        return _fail(f"{err} De zoekindex is wel bijgewerkt.")
    except Exception as err:  # noqa: BLE001 - index is live; say clearly what is missing
        from .indexer import explain
        message = explain(err, url, "het maken van de zoeksleutel").replace(
            "De live zoekindex is niet veranderd.", "")
        return _fail(f"{message.strip()} De zoekindex is wel bijgewerkt, maar de site heeft nog geen zoeksleutel.")
    verb = "gemaakt" if key.created else "hergebruikt"
    print(f"Zoeksleutel (alleen zoeken in '{args.index_uid}') {verb} en geschreven naar {path}. "
          "Bouw de site opnieuw (wegwijzer build) om hem te gebruiken.")
    return 0
