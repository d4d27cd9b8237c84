"""The table of Pagefind's index chunks (site/pagefind_chunks.py) and its fallback."""

import gzip
import json

import cbor2

from wegwijzer.site.pagefind_chunks import index_chunks, write_chunk_table


def pagefind_dir(tmp_path, meta: bytes, chunks=("nl_a", "nl_b")):
    folder = tmp_path / "pagefind"
    (folder / "index").mkdir(parents=True)
    (folder / "pagefind-entry.json").write_text(json.dumps({"version": "1.5.2", "languages": {
        "nl": {"hash": "nl_123", "wasm": "nl", "page_count": 2}}}), encoding="utf-8")
    (folder / "pagefind.nl_123.pf_meta").write_bytes(gzip.compress(meta))
    for i, name in enumerate(chunks):
        (folder / "index" / f"{name}.pf_index").write_bytes(b"x" * (1000 * (i + 1)))
    return folder


def test_the_table_lists_each_chunk_with_its_first_and_last_word_and_size(tmp_path):
    meta = b"pagefind_dcd" + cbor2.dumps(["1.5.2", [["p1", 10]], [["a", "koffie", "nl_a"], ["koffiea", "zz", "nl_b"]],
                                          [], [], []])
    folder = pagefind_dir(tmp_path, meta)
    assert index_chunks(folder) == [["a", "koffie", 1.0], ["koffiea", "zz", 2.0]]
    write_chunk_table(folder, tmp_path / "zoeken")
    assert json.loads((tmp_path / "zoeken" / "delen.json").read_text(encoding="utf-8"))["delen"][1][0] == "koffiea"


def test_another_format_gives_no_table_and_the_build_goes_on(tmp_path):
    for meta in (b"something else", b"pagefind_dcd" + cbor2.dumps(["2.0", {"chunks": 3}]),
                 b"pagefind_dcd" + cbor2.dumps(["1.5.2", [], [["a", 1, "nl_a"]], [], [], []])):
        folder = pagefind_dir(tmp_path / str(len(meta)), meta)
        assert index_chunks(folder) == []
        write_chunk_table(folder, tmp_path / "zoeken")
        table = json.loads((tmp_path / "zoeken" / "delen.json").read_text(encoding="utf-8"))
        assert table == {"delen": [], "gestopt": []}
