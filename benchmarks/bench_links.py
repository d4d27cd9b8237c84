"""Link checker benchmark: 2,000 URLs across 50 hosts on loopback (real HTTP servers).

    .venv/bin/python benchmarks/bench_links.py [--urls 2000] [--hosts 50] [--delay 0.02]

Each host is its own server on 127.0.0.x (port 0) that answers after ``delay`` seconds, as
a real site takes some time. Prints the wall time, URLs per second and the highest number
of requests any one host had to answer at once (it must not exceed --per-host).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from wegwijzer.editors.links import check_urls  # noqa: E402


def _linkserver():
    spec = importlib.util.spec_from_file_location("linkserver", HERE / "linkserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=2000)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--delay", type=float, default=0.02, help="seconds each answer takes")
    parser.add_argument("--per-host", type=int, nargs="+", default=[2, 4])
    parser.add_argument("--concurrency", type=int, default=20)
    args = parser.parse_args()

    module = _linkserver()
    servers = [module.LinkServer(f"127.0.0.{10 + i}", delay=args.delay) for i in range(args.hosts)]
    try:
        urls = [servers[i % args.hosts].url(f"/pagina/{i}") for i in range(args.urls)]
        print(f"{args.urls} URLs across {args.hosts} hosts on loopback, each answer takes {args.delay * 1000:.0f} ms, "
              f"at most {args.concurrency} requests in flight")
        for per_host in args.per_host:
            for s in servers:
                s.peak = 0
                s.requests.clear()
            started = time.perf_counter()
            results = asyncio.run(check_urls(urls, timeout=10, per_host=per_host, concurrency=args.concurrency))
            elapsed = time.perf_counter() - started
            ok = sum(1 for r in results.values() if r.outcome == "ok")
            peak = max(s.peak for s in servers)
            requests = sum(len(s.requests) for s in servers)
            print(f"  per host {per_host}: {elapsed:6.2f} s, {args.urls / elapsed:6.0f} URLs/s, {ok}/{args.urls} ok, "
                  f"{requests} requests, highest per-host concurrency {peak} (limit {per_host})")
    finally:
        for s in servers:
            s.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (servers included): {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
