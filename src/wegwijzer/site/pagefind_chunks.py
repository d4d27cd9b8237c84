"""Which words each Pagefind index chunk holds, for the search page's byte budget.

Pagefind splits its word index into chunks (about 13 kB each at 1,000 records, 39 kB at
10,000) and a search downloads the chunk of every word it is given. The search page
(assets/zoeken.js) searches each meaningful word of a question on its own, so a long
question could download many chunks; with this table it knows which words share a chunk
and keeps a question within a few chunks.

The table comes from Pagefind's own metadata file (``pagefind.<language hash>.pf_meta``:
gzip, the signature ``pagefind_dcd``, then CBOR; we read it with cbor2). Its third field
lists the chunks as ``[first word, last word, file]``, where a first or last word may be
shortened to the letters that tell it apart. The format is Pagefind's, not a published
interface: when it is not what we expect, there is no table and the search page falls
back to counting words (see docs/search.md, "Search that forgives").
"""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.wegwijzer")

SIGNATURE = b"pagefind_dcd"
CHUNK_TABLE_NAME = "delen.json"  # in the search page's folder


def index_chunks(pagefind_dir: Path) -> list:
    """``[[first, last, kB], ...]`` for the index chunks of the site's language, in order; [] when unknown."""
    try:
        import cbor2

        entry = json.loads((pagefind_dir / "pagefind-entry.json").read_text(encoding="utf-8"))
        languages = list(entry["languages"].values())
        if len(languages) != 1:  # one language per site; more would need a table each
            return []
        meta = gzip.decompress((pagefind_dir / f"pagefind.{languages[0]['hash']}.pf_meta").read_bytes())
        if not meta.startswith(SIGNATURE):
            return []
        chunks = cbor2.loads(meta[len(SIGNATURE):])[2]
        table = []
        for first, last, name in chunks:
            if not all(isinstance(x, str) for x in (first, last, name)):
                return []
            size = (pagefind_dir / "index" / f"{name}.pf_index").stat().st_size
            table.append([first, last, round(size / 1000, 1)])
        return table
    except Exception as err:  # any surprise in Pagefind's own files: no table, the page counts words
        log.debug("Pagefind-indeling niet gelezen: %s", err)
        return []


def stopped_pages(pagefind_dir: Path) -> list:
    """The Pagefind ids (fragment names) of the pages of stopped records (meta ``status``), so the
    search page can rank them last without downloading every result's fragment."""
    stopped = []
    for fragment in sorted((pagefind_dir / "fragment").glob("*.pf_fragment")):
        try:
            data = gzip.decompress(fragment.read_bytes())
            if not data.startswith(SIGNATURE):
                continue
            if json.loads(data[len(SIGNATURE):]).get("meta", {}).get("status") == "gestopt":
                stopped.append(fragment.name[:-len(".pf_fragment")])
        except (OSError, ValueError) as err:  # Pagefind's own format changed: nothing is ranked last
            log.debug("Pagefind-fragment %s niet gelezen: %s", fragment.name, err)
    return stopped


def write_chunk_table(pagefind_dir: Path, search_page_dir: Path) -> list:
    """Write ``delen.json`` next to the search page (the chunk table and the stopped pages);
    returns the table."""
    table = index_chunks(pagefind_dir)
    search_page_dir.mkdir(parents=True, exist_ok=True)
    data = {"delen": table, "gestopt": stopped_pages(pagefind_dir)}
    (search_page_dir / CHUNK_TABLE_NAME).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                                    encoding="utf-8")
    return table
