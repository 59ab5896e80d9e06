"""Time the example pack: cold build in a new process, warm build in a running one, memory, size.

Run by hand from the repository root:  python benchmarks/bench_build.py [--runs 7]
Prints medians (the machines are shared and noisy), never asserts: timings are not tests.
New processes run as users run the command, with bytecode caching on: PYTHONDONTWRITEBYTECODE is
removed from their environment (where it is set and no cache was ever written, every cold build
compiles appealkit's modules again, about 45 ms more), and one untimed build writes the cache.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit.yaml"
TODAY = "2025-07-01"  # before the example's deadline, so no warning is printed
# The environment of the timed processes: the caller's, with bytecode caching on.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold_runs(runs: int, out: Path) -> tuple[list[float], int]:
    """Wall time of `python -m appealkit build` in a fresh interpreter; peak RSS in KiB."""
    command = [sys.executable, "-m", "appealkit", "build", str(KIT), "--out", str(out),
               "--today", TODAY]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=CHILD_ENV)  # the cache
    times, peak = [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=CHILD_ENV)
        times.append(time.perf_counter() - start)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return times, peak


def startup_runs(runs: int) -> list[float]:
    """Wall time of an interpreter that does nothing: the floor under every cold build
    (site-packages hooks of the machine included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=CHILD_ENV)
        times.append(time.perf_counter() - start)
    return times


def warm_runs(runs: int, out: Path) -> list[float]:
    """Wall time of build_pack in this process, after one build to load fonts and modules."""
    sys.path.insert(0, str(ROOT / "src"))
    from appealkit.build import build_pack

    today = dt.date.fromisoformat(TODAY)
    build_pack(KIT, out, today=today)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        build_pack(KIT, out, today=today)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        startup = startup_runs(args.runs)
        cold, peak = cold_runs(args.runs, out)
        warm = warm_runs(args.runs, out)
        size = (out / "pack.pdf").stat().st_size
        parts = sorted(p.name for p in out.glob("*.pdf"))
    print(f"runs:              {args.runs} (medians; min-max in brackets; bytecode caching on)")
    print(f"cold build:        {statistics.median(cold):.3f} s [{min(cold):.3f}-{max(cold):.3f}]"
          "  (new process: python -m appealkit build)")
    print(f"python startup:    {statistics.median(startup):.3f} s  (python -c pass; in the cold build)")
    print(f"  build alone:     {statistics.median(cold) - statistics.median(startup):.3f} s"
          "  (cold build minus start-up: imports, load, layout, draw, write)")
    print(f"warm build:        {statistics.median(warm):.3f} s [{min(warm):.3f}-{max(warm):.3f}]"
          "  (build_pack in a running process)")
    print(f"peak memory:       {peak / 1024:.1f} MiB  (max RSS of the cold builds)")
    print(f"pack.pdf:          {size / 1024:.1f} KiB")
    print(f"files:             {', '.join(parts)}")


if __name__ == "__main__":
    main()
