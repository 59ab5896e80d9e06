"""Time what tagging costs: the example built in a running process, tagged and untagged.

Run by hand from the repository root:  python benchmarks/bench_tagging.py [--rounds 7] [--builds 15]
Each round times `--builds` builds of every file of the example (render_kit, in memory) tagged,
then as many untagged (draw.document.TAGGED, an internal switch), in alternating order, so that
the load of a shared machine falls on both alike. Times are processor time of this process
(other processes' load counts less than in wall time); the figures are medians over all builds,
with the medians of the rounds' means beside them. Prints, never asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit.yaml"
TODAY = dt.date(2025, 7, 1)  # before the example's deadline, so no warning


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--builds", type=int, default=15, help="builds per round and mode")
    parser.add_argument("--paper", default="a4")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    import appealkit
    from appealkit.draw import document

    def build(tagged: bool) -> dict[str, bytes]:
        document.TAGGED = tagged
        try:
            return appealkit.render_kit(KIT, paper=args.paper, today=TODAY).files
        finally:
            document.TAGGED = True

    files = {tagged: build(tagged) for tagged in (False, True)}  # fonts and modules loaded
    times: dict[bool, list[float]] = {False: [], True: []}
    means: dict[bool, list[float]] = {False: [], True: []}
    for round_ in range(args.rounds):
        for tagged in (True, False) if round_ % 2 else (False, True):
            run = _timed(build, tagged, args.builds)
            times[tagged] += run
            means[tagged].append(statistics.fmean(run))
    untagged, tagged = (statistics.median(times[t]) for t in (False, True))
    print(f"builds:        {args.rounds} rounds of {args.builds} per mode, {args.paper}, "
          f"{len(files[True])} files each (processor time, ms)")
    for name, mode in (("untagged", False), ("tagged", True)):
        print(f"{name + ':':14} median {statistics.median(times[mode]) * 1000:6.1f}"
              f"   rounds' means: median {statistics.median(means[mode]) * 1000:6.1f}"
              f", best {min(means[mode]) * 1000:6.1f}")
    print(f"ratio:         {tagged / untagged:.3f} (medians)   "
          f"{statistics.median(means[True]) / statistics.median(means[False]):.3f} (rounds' means)")
    for name in ("pack.pdf", "fact-sheet.pdf"):
        print(f"{name + ':':16}{len(files[False][name]):,} bytes untagged, "
              f"{len(files[True][name]):,} tagged")
    print(f"{'all files:':16}{sum(map(len, files[False].values())):,} bytes untagged, "
          f"{sum(map(len, files[True].values())):,} tagged")


def _timed(build: Callable[[bool], object], tagged: bool, count: int) -> list[float]:
    out = []
    for _ in range(count):
        start = time.process_time()
        build(tagged)
        out.append(time.process_time() - start)
    return out


if __name__ == "__main__":
    main()
