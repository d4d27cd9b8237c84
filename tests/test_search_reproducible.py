"""The same data gives the same search files, and the same Meilisearch documents and settings,
in every process.

The search's files are named by their content's hash, so a difference in one word's entry
renames a file, defeats every cache and makes two builds of one commit impossible to compare.
Python gives each process its own order of a set's strings (PYTHONHASHSEED): a word form two
dictionary words share ('lost' of 'lose' and 'loss') must not go to whichever came first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

DIGEST = """
import hashlib, json
from pathlib import Path
from wegwijzer.records.checker import check_all
from wegwijzer.search.pagelanguage import page_language
from wegwijzer.search.reindex import prepare
from wegwijzer.search.vocabulary import build_vocabulary, vocabulary_json

result = check_all(Path("voorzieningen"), Path("content"), None, Path("search"))
vocabulary = build_vocabulary(result.dataset, result.articles)
page = page_language(result, vocabulary)
digest = hashlib.sha256(vocabulary_json(vocabulary).encode())
for name, text in sorted(page.files.items()):
    digest.update(name.encode() + b"\\0" + text.encode() + b"\\0")
digest.update(json.dumps(page.language, sort_keys=True).encode())
documents, settings, _ = prepare(Path("voorzieningen"), Path("content"))
digest.update(json.dumps([documents, settings], ensure_ascii=False).encode())  # as `wegwijzer index` sends them
print(len(page.files), digest.hexdigest())
"""


def _digest(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", DIGEST], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_the_search_files_and_the_index_are_the_same_whatever_order_python_gives_a_set():
    first, second = _digest("1"), _digest("2024")
    files = int(first.split()[0])
    assert files > 50  # the word, form and woordenboek files were made
    assert first == second
