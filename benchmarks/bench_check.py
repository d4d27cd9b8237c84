"""How long does checking a data folder take? (A benchmark, not a test.)

    .venv/bin/python benchmarks/bench_check.py --sizes 1000 10000

For each size it writes a synthetic folder (see synthetic.py) into a temporary
directory, then times ``load_dataset`` in this process (best of ``--repeat`` runs) and
the ``wegwijzer check`` command in a fresh process, as an editor or CI would run it.
Target: 10,000 records checked in under 5 s on a 2-core machine. Wall-clock times
depend on what else runs; the CPU seconds of the CLI (all its processes) do not.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_dataset  # noqa: E402
from wegwijzer.records.dataset import load_dataset  # noqa: E402

TARGET_SECONDS = {10_000: 5.0}


def bench(size: int, faces: int, repeat: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as tmp:
        folder = Path(tmp) / "voorzieningen"
        started = time.perf_counter()
        written = write_dataset(folder, size, faces, seed)
        generate = time.perf_counter() - started
        megabytes = sum(p.stat().st_size for p in folder.rglob("*.yaml")) / 1e6

        load_times = []
        for _ in range(repeat):
            started = time.perf_counter()
            dataset, collector = load_dataset(folder)
            load_times.append(time.perf_counter() - started)
        if collector.errors:
            first = collector.errors[0].format()
            raise SystemExit(f"synthetic data has {len(collector.errors)} errors, e.g. {first}")

        cpu_before = _children_cpu()
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "wegwijzer", "check", str(folder), "--format", "json"],
            capture_output=True, text=True,
        )
        cli = time.perf_counter() - started
        cli_cpu = _children_cpu() - cpu_before
        summary = json.loads(proc.stdout)
        return {
            "size": size,
            "faces": len(written.face_ids),
            "megabytes": megabytes,
            "generate": generate,
            "load_best": min(load_times),
            "load_worst": max(load_times),
            "cli": cli,
            "cli_cpu": cli_cpu,
            "cli_exit": proc.returncode,
            "published": len(dataset.voorzieningen),
            "warnings": summary["warnings"],
            "errors": summary["errors"],
        }


def _children_cpu() -> float:
    """User + system seconds of finished child processes (the CLI and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--faces", type=int, default=None,
                        help="face cards per run (default: 1 per 20 records, at most 300)")
    parser.add_argument("--repeat", type=int, default=3, help="in-process runs per size (best is shown)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    print(f"{'records':>8} {'faces':>6} {'MB':>6} {'load_dataset':>13} {'wegwijzer check':>16} {'(cpu)':>7}  result")
    failed = False
    for size in args.sizes:
        faces = args.faces if args.faces is not None else min(300, max(1, size // 20))
        r = bench(size, faces, args.repeat, args.seed)
        target = TARGET_SECONDS.get(size)
        verdict = ""
        if target is not None:
            ok = r["cli"] < target
            failed |= not ok
            verdict = f"  target < {target:.0f} s: {'ok' if ok else 'TOO SLOW'}"
        print(f"{r['size']:>8} {r['faces']:>6} {r['megabytes']:>6.1f} {r['load_best']:>12.2f}s "
              f"{r['cli']:>15.2f}s {r['cli_cpu']:>6.2f}s  exit {r['cli_exit']}, {r['published']} published, "
              f"{r['errors']} errors, {r['warnings']} warnings{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
