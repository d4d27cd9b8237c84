"""The `wegwijzer` command: one table of commands over the library.

This is the only place that turns a WegwijzerError into output and an exit code. The
library modules are imported inside each handler, so `wegwijzer check` never loads
MkDocs and no command pays for the Meilisearch client unless it talks to a server.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .errors import WegwijzerError
from .records.checker import DEFAULT_CONTENT_DIR
from .records.dataset import DEFAULT_DATA_DIR
from .records.synonyms import DEFAULT_SYNONYMS_FILE
from .search.settings import DEFAULT_BATCH_SIZE, DEFAULT_INDEX_UID, DEFAULT_TASK_TIMEOUT_S
from .search.siteconfig import DEFAULT_PATH as DEFAULT_SITE_CONFIG

# --- handlers ---------------------------------------------------------------------------


def cmd_check(args) -> int:
    from .records.checker import check_all

    synonyms = _synonyms(args)
    result = check_all(Path(args.data_dir), Path(args.content), synonyms, _search_dir(synonyms))
    print(result.as_json() if args.format == "json" else result.as_text())
    return 0 if result.passes(strict=args.strict) else 1


def cmd_index(args) -> int:
    from .search.reindex import IndexOptions, run_index

    run_index(IndexOptions(
        data_dir=Path(args.data_dir), content_dir=Path(args.content), synonyms_file=_synonyms(args),
        url=args.url or "", master_key=args.master_key or "", index_uid=args.index_uid,
        batch_size=args.batch_size, site_config=Path(args.site_config), timeout=args.timeout,
        quiet=args.quiet, dry_run=Path(args.dry_run) if args.dry_run else None))
    return 0


def cmd_build(args) -> int:
    from .site.sitebuild import build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    build_site(args.config_file, args.data_dir, args.site_dir)
    return 0


def cmd_serve(args) -> int:
    from .site.sitebuild import serve_site

    logging.basicConfig(level=logging.INFO, format="%(levelname)s: %(message)s")
    serve_site(args.config_file, args.data_dir, args.dev_addr)
    return 0


def cmd_nieuw(args) -> int:
    from .editors.skeleton import new_file

    path = new_file(Path(args.data_dir), args.kind, args.id)
    print(f"{path} is gemaakt. Vul de velden in en controleer met: wegwijzer check {args.data_dir}")
    if args.kind == "gezicht":
        print("Vul ook de datum van toestemming in. Tot dan meldt wegwijzer check een fout en komt de kaart "
              "niet online. Zet de foto ernaast als " + path.with_suffix(".jpg").name + ".")
    return 0


def cmd_links(args) -> int:
    from .editors.links import run_links

    report = run_links(Path(args.data_dir), Path(args.cache), args.max_age, args.timeout, args.per_host,
                       args.concurrency)
    print(report.as_json() if args.format == "json" else report.as_text())
    return 1 if report.problems else 0


def cmd_rapport(args) -> int:
    from .editors.report import build_report, write_html

    report = build_report(Path(args.data_dir), link_cache=Path(args.cache))
    page = write_html(report, Path(args.html))
    print(report.as_json() if args.format == "json" else report.as_text())
    if args.format != "json":
        print(f"De lijst staat ook in {page} (open die in je browser).")
    return 0


def _synonyms(args):
    """An explicitly named synonyms file must exist; the project's default one is optional."""
    from .records.synonyms import find_synonyms_file

    return find_synonyms_file(Path.cwd(), args.synonyms)


def _search_dir(synonyms) -> Path:
    """The project's search/ folder (its own crisis.yaml and woordenboek.yaml): the synonyms file's."""
    from .records.synonyms import search_folder

    return search_folder(Path.cwd(), synonyms)


# --- the command table ------------------------------------------------------------------


def _data_dir_argument(parser, default=DEFAULT_DATA_DIR):
    shown = f"standaard: {default}/" if default else "standaard: data_dir uit mkdocs.yml"
    parser.add_argument("data_dir", nargs="?", default=default, metavar="DATA_DIR",
                        help=f"map met gemeente.yaml, records en gezichten/ ({shown})")


def _editor_file_arguments(parser):
    parser.add_argument("--content", default=DEFAULT_CONTENT_DIR, metavar="DIR",
                        help=f"map met artikelen en begrippen.yaml (standaard: {DEFAULT_CONTENT_DIR}/)")
    parser.add_argument("--synonyms", default=None, metavar="FILE",
                        help=f"het synoniemenbestand (standaard: {DEFAULT_SYNONYMS_FILE}, als dat er is)")


def _add_check(commands):
    check = commands.add_parser("check", help="Controleer alle records en meld fouten en waarschuwingen.")
    _data_dir_argument(check)
    _editor_file_arguments(check)
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen ook als fout")
    check.add_argument("--format", choices=["text", "json"], default="text", help="uitvoer als tekst of JSON")
    check.set_defaults(handler=cmd_check)


def _add_index(commands):
    index = commands.add_parser(
        "index",
        help="Maak de zoekindex in Meilisearch opnieuw (of schrijf hem met --dry-run naar een map).",
        description=(
            "Bouwt de zoekdocumenten uit de records en zet ze in een nieuwe Meilisearch-index. "
            "Pas als alles gelukt is, wordt die index in één keer omgewisseld met de live index. "
            "Bij een fout blijft de live index zoals hij was."),
    )
    _data_dir_argument(index)
    index.add_argument("--url", default=None, help="adres van Meilisearch (standaard: $MEILI_URL)")
    index.add_argument("--master-key", default=None,
                       help="master key (standaard: $MEILI_MASTER_KEY; liever via de omgeving, "
                            "niet op de opdrachtregel)")
    index.add_argument("--index-uid", default=os.environ.get("MEILI_INDEX", DEFAULT_INDEX_UID),
                       help=f"naam van de live index (standaard: $MEILI_INDEX of {DEFAULT_INDEX_UID})")
    index.add_argument("--dry-run", metavar="DIR", default=None,
                       help="schrijf documents.json en settings.json in DIR in plaats van naar een server")
    index.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE,
                       help=f"documenten per batch (standaard: {DEFAULT_BATCH_SIZE})")
    _editor_file_arguments(index)
    index.add_argument("--site-config", default=str(DEFAULT_SITE_CONFIG), metavar="FILE",
                       help=f"waar de zoeksleutel voor de site komt (standaard: {DEFAULT_SITE_CONFIG})")
    index.add_argument("--timeout", type=float, default=DEFAULT_TASK_TIMEOUT_S, metavar="SEC",
                       help=f"hoe lang op elke Meilisearch-taak te wachten (standaard: {DEFAULT_TASK_TIMEOUT_S} s)")
    index.add_argument("--quiet", action="store_true", help="geen voortgangsbalk")
    index.set_defaults(handler=cmd_index)


def _add_site(commands):
    build = commands.add_parser("build", help="Controleer de gegevens en bouw de website.")
    _data_dir_argument(build, default=None)
    build.add_argument("--site-dir", default=None, help="map voor de website (standaard: site_dir uit mkdocs.yml)")
    build.add_argument("-f", "--config-file", default="mkdocs.yml", help="het mkdocs.yml-bestand")
    build.set_defaults(handler=cmd_build)

    serve = commands.add_parser("serve", help="Bekijk de website op je eigen computer; ververst bij elke wijziging.")
    _data_dir_argument(serve, default=None)
    serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="het mkdocs.yml-bestand")
    serve.add_argument("-a", "--dev-addr", default="127.0.0.1:8000", metavar="IP:POORT",
                       help="adres van het voorbeeld (standaard: 127.0.0.1:8000)")
    serve.set_defaults(handler=cmd_serve)


def _add_editor_tools(commands):
    nieuw = commands.add_parser("nieuw", help="Maak een nieuw record of een nieuwe gezichtenkaart, met uitleg bij "
                                              "elk veld.")
    nieuw.add_argument("kind", choices=["voorziening", "gezicht"], metavar="voorziening|gezicht",
                       help="wat je maakt: een voorziening of een kaart voor de gezichtenkaart")
    nieuw.add_argument("id", metavar="ID", help="de bestandsnaam zonder .yaml, bijvoorbeeld hoeskamer-schinveld")
    _data_dir_argument(nieuw)
    nieuw.set_defaults(handler=cmd_nieuw)

    from .editors import links  # light: httpx is imported only when links are checked

    check_links = commands.add_parser("links", help="Controleer of de webadressen en telefoonnummers in de "
                                                    "gegevens nog kloppen.")
    _data_dir_argument(check_links)
    check_links.add_argument("--timeout", type=float, default=links.DEFAULT_TIMEOUT, metavar="SEC",
                             help=f"hoe lang op een website te wachten (standaard: {links.DEFAULT_TIMEOUT:g} s)")
    check_links.add_argument("--per-host", type=int, default=links.DEFAULT_PER_HOST, metavar="N",
                             help=f"hoeveel vragen tegelijk aan één website (standaard: {links.DEFAULT_PER_HOST})")
    check_links.add_argument("--concurrency", type=int, default=links.DEFAULT_CONCURRENCY, metavar="N",
                             help=f"hoeveel vragen tegelijk in totaal (standaard: {links.DEFAULT_CONCURRENCY})")
    check_links.add_argument("--max-age", type=float, default=links.DEFAULT_MAX_AGE_HOURS, metavar="UREN",
                             help="antwoorden die jonger zijn worden niet opnieuw gevraagd "
                                  f"(standaard: {links.DEFAULT_MAX_AGE_HOURS:g} uur; 0: alles opnieuw)")
    check_links.add_argument("--cache", default=str(links.DEFAULT_CACHE), metavar="FILE",
                             help=f"waar de antwoorden bewaard worden (standaard: {links.DEFAULT_CACHE})")
    check_links.add_argument("--format", choices=["text", "json"], default="text", help="uitvoer als tekst of JSON")
    check_links.set_defaults(handler=cmd_links)

    from .editors.report import DEFAULT_HTML

    rapport = commands.add_parser("rapport", help="De takenlijst voor redacteuren: wat moet er het eerst gebeuren?")
    _data_dir_argument(rapport)
    rapport.add_argument("--html", default=str(DEFAULT_HTML), metavar="FILE",
                         help=f"waar de HTML-pagina komt, buiten de site (standaard: {DEFAULT_HTML})")
    rapport.add_argument("--cache", default=str(links.DEFAULT_CACHE), metavar="FILE",
                         help=f"de uitkomsten van de laatste 'wegwijzer links' (standaard: {links.DEFAULT_CACHE})")
    rapport.add_argument("--format", choices=["text", "json"], default="text", help="uitvoer als tekst of JSON")
    rapport.set_defaults(handler=cmd_rapport)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wegwijzer",
        description="Wegwijzer: sociale kaart en zelfhulpportaal uit YAML-records.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _add_check(commands)
    _add_index(commands)
    _add_site(commands)
    _add_editor_tools(commands)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except WegwijzerError as err:
        print(f"wegwijzer {args.command}: {err.message}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
