"""Compare two built sites file by file: what changed between two commits' pages? (A tool for
refactoring, not a test.)

    .venv/bin/python benchmarks/site_diff.py SITE_BEFORE SITE_AFTER [--show 5]

Build the demo at both commits first (``wegwijzer build voorzieningen/ --site-dir ...``).
Content-hashed names (``wegwijzer.3f2a9c01de.css``, ``begrippen-aa.80f6036a77.json``) are
compared by their name without the hash, and the hashes inside pages are masked, so a changed
asset shows once, as itself. Pagefind's index and the precompressed copies (.gz, .br) are
left out: they follow from the pages. Exit 0 when every file is the same.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

_HASHED = re.compile(r"\.[0-9a-f]{10}(?=\.[a-z0-9]+\b)")
_SKIPPED = ("pagefind/",)


def _files(site: Path) -> dict:
    """{name with hashes masked: path} of the site's own files."""
    found = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.is_file() and not name.endswith((".gz", ".br")) and not name.startswith(_SKIPPED):
            found[_HASHED.sub(".#", name)] = path
    return found


def _text(path: Path) -> str | None:
    try:
        return _HASHED.sub(".#", path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return None


def _lines(text: str) -> list:
    """One tag a line: readable diffs of minified pages."""
    return re.sub(r">\s*<", ">\n<", text).splitlines()


def compare(before: Path, after: Path, show: int) -> int:
    old, new = _files(before), _files(after)
    gone, added = sorted(old.keys() - new.keys()), sorted(new.keys() - old.keys())
    changed = []
    for name in sorted(old.keys() & new.keys()):
        a, b = old[name].read_bytes(), new[name].read_bytes()
        if a != b and (_text(old[name]) is None or _text(old[name]) != _text(new[name])):
            changed.append(name)
    print(f"{len(old)} files before, {len(new)} after: {len(changed)} changed, {len(gone)} gone, {len(added)} new")
    for label, names in (("gone", gone), ("new", added), ("changed", changed)):
        for name in names:
            print(f"  {label}: {name}")
    for name in changed[:show]:
        a, b = _text(old[name]), _text(new[name])
        if a is None or b is None:
            continue
        print(f"\n--- {name}")
        for line in list(difflib.unified_diff(_lines(a), _lines(b), lineterm="", n=1))[2:40]:
            print(line[:200])
    return 1 if gone or added or changed else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--show", type=int, default=5, help="changed files whose differences are printed")
    args = parser.parse_args(argv)
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
