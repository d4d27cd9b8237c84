"""`wegwijzer index --dry-run` on generated data: time it and check Meilisearch's limits.

    python benchmarks/bench_search_documents.py            # 10,000 records, 200 face cards
    python benchmarks/bench_search_documents.py 2000 50    # other sizes

Exits non-zero when a document breaks a documented limit (id characters and length,
`_geo` shape, filterable values of at most 468 bytes) or the output is not a JSON array.
The unit suite runs the same check on 500 records (tests/test_search_documents.py).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_dataset  # noqa: E402
from wegwijzer.cli import main as wegwijzer  # noqa: E402
from wegwijzer.search.documents import document_problems  # noqa: E402
from wegwijzer.search.settings import index_settings  # noqa: E402


def run(n_records: int = 10_000, n_faces: int = 200) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "out"
        write_dataset(data, n_records, n_faces, seed=11)
        started = time.perf_counter()
        code = wegwijzer(["index", "--dry-run", str(out), str(data), "--content", str(Path(tmp) / "geen")])
        seconds = time.perf_counter() - started
        if code != 0:
            print(f"wegwijzer index --dry-run exited {code}", file=sys.stderr)
            return 1
        docs = json.loads((out / "documents.json").read_text(encoding="utf-8"))
        settings = json.loads((out / "settings.json").read_text(encoding="utf-8"))
        size = (out / "documents.json").stat().st_size
    assert isinstance(docs, list) and isinstance(settings, dict)
    problems = document_problems(docs, index_settings()["filterableAttributes"])
    with_geo = sum("_geo" in d for d in docs)
    print(f"{n_records} records, {n_faces} face cards -> {len(docs)} documents ({with_geo} with _geo), "
          f"{size / 1e6:.1f} MB documents.json, {seconds:.1f} s, {len(problems)} limit problems")
    for line in problems[:10]:
        print("  " + line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    sys.exit(run(*args))
