"""How long does checking a data folder take, against the floor of only parsing it? (A
benchmark, not a test.)

    .venv/bin/python benchmarks/bench_check.py --sizes 1000 10000

For each size it writes a synthetic folder (see synthetic.py) into a temporary directory,
then runs two commands in fresh processes, alternately, ``--repeat`` times each:

- the floor: composing every YAML file of the folder with libyaml (``yaml.CSafeLoader``),
  the least any checker written on PyYAML must do;
- ``wegwijzer check`` on the folder, as an editor or CI runs it.

It prints the median of each and their ratio, measured side by side in one run, so the
machine's noise falls on both. Target: ``wegwijzer check`` on 10,000 records at most 2.5×
the floor. The CPU seconds of the check (all its processes) are printed as well: the check
reads large folders on every core, the floor on one.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_dataset  # noqa: E402

TARGET_RATIO = {10_000: 2.5}

# Composing every file of the folder with libyaml, and nothing else.
FLOOR = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def _timed(command: list) -> tuple:
    """(wall seconds, CPU seconds of the process and its children, completed process)."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    return time.perf_counter() - started, _children_cpu() - cpu_before, proc


def bench(size: int, faces: int, repeat: int, seed: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="wegwijzer-bench-") as tmp:
        folder = Path(tmp) / "voorzieningen"
        written = write_dataset(folder, size, faces, seed)
        megabytes = sum(p.stat().st_size for p in folder.rglob("*.yaml")) / 1e6
        floor_times, check_times, check_cpu = [], [], []
        for _ in range(repeat):
            wall, _cpu, proc = _timed([sys.executable, "-c", FLOOR, str(folder)])
            if proc.returncode:
                raise SystemExit(f"the floor failed: {proc.stderr}")
            floor_times.append(wall)
            wall, cpu, proc = _timed([sys.executable, "-m", "wegwijzer", "check", str(folder), "--format", "json"])
            check_times.append(wall)
            check_cpu.append(cpu)
        summary = json.loads(proc.stdout)
        if summary["errors"]:
            raise SystemExit(f"synthetic data has {summary['errors']} errors")
        floor, check = statistics.median(floor_times), statistics.median(check_times)
        return {
            "size": size, "faces": len(written.face_ids), "megabytes": megabytes,
            "floor": floor, "check": check, "check_cpu": statistics.median(check_cpu),
            "ratio": check / floor, "exit": proc.returncode, "warnings": summary["warnings"],
        }


def _children_cpu() -> float:
    """User + system seconds of finished child processes (the command and its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--faces", type=int, default=None,
                        help="face cards per run (default: 1 per 20 records, at most 300)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command per size (the median is shown)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    print(f"{'records':>8} {'faces':>6} {'MB':>6} {'libyaml floor':>14} {'wegwijzer check':>16} {'(cpu)':>7} "
          f"{'ratio':>6}  result")
    failed = False
    for size in args.sizes:
        faces = args.faces if args.faces is not None else min(300, max(1, size // 20))
        r = bench(size, faces, args.repeat, args.seed)
        target = TARGET_RATIO.get(size)
        verdict = ""
        if target is not None:
            ok = r["ratio"] <= target
            failed |= not ok
            verdict = f"  target ≤ {target}×: {'ok' if ok else 'TOO SLOW'}"
        print(f"{r['size']:>8} {r['faces']:>6} {r['megabytes']:>6.1f} {r['floor']:>13.2f}s {r['check']:>15.2f}s "
              f"{r['check_cpu']:>6.2f}s {r['ratio']:>5.2f}×  exit {r['exit']}, {r['warnings']} warnings{verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
