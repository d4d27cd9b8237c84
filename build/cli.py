"""The `wegwijzer` command: a thin layer over the core modules."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checker import DEFAULT_CONTENT_DIR, check_all
from .dataset import DEFAULT_DATA_DIR, DataFolderMissing


def cmd_check(args) -> int:
    result = check_all(Path(args.data_dir), Path(args.content))
    print(result.as_json() if args.format == "json" else result.as_text())
    return 0 if result.passes(strict=args.strict) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wegwijzer",
        description="Wegwijzer: sociale kaart en zelfhulpportaal uit YAML-records.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="Controleer alle records en meld fouten en waarschuwingen.")
    check.add_argument("data_dir", nargs="?", default=DEFAULT_DATA_DIR, metavar="DATA_DIR",
                       help="map met gemeente.yaml, records en gezichten/ (standaard: voorzieningen/)")
    check.add_argument("--content", default=DEFAULT_CONTENT_DIR, metavar="DIR",
                       help="map met artikelen en begrippen.yaml (standaard: content/)")
    check.add_argument("--strict", action="store_true", help="waarschuwingen tellen ook als fout")
    check.add_argument("--format", choices=["text", "json"], default="text", help="uitvoer als tekst of JSON")
    check.set_defaults(handler=cmd_check)

    from .search.cli import register as register_index  # `wegwijzer index`
    register_index(commands)

    from .sitebuild import register as register_site  # `wegwijzer build` and `wegwijzer serve`
    register_site(commands)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except DataFolderMissing as err:
        print(f"wegwijzer: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
