"""Time `appealkit build --signers`: 300 synthetic signers (each sending the English and the
Urdu letter) and 10,000, in new processes with bytecode caching on, as users run it.

Run by hand from the repository root:  python benchmarks/bench_signers.py [--runs 5]
Prints the median wall time for 300 signers, the size of signed-letters.pdf and the peak memory
(max RSS) for 300 and 10,000 signers; never asserts: timings are not tests. The typesetting
system Typst took 11 s and wrote 16 MB for 600 such pages (an earlier measurement).
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit.yaml"
TODAY = "2025-07-01"  # before the example's deadline, so no warning is printed

# Names and places in the scripts a group's list may hold: Latin with accents, Cyrillic,
# Greek, Urdu, Arabic and Devanagari
GIVEN = ["Jane", "Amélie", "Zoë", "Ирина", "Дмитрий", "Νίκος", "Σοφία", "محمد", "عائشہ",
         "فاطمة", "प्रिया", "अर्जुन", "Søren", "Łukasz", "Nguyễn", "Siobhán", "José", "Ali"]
FAMILY = ["Smith", "Dubois", "Petrova", "Иванов", "Παπαδόπουλος", "خان", "قریشی", "الحسن",
          "शर्मा", "Kowalski", "Ó Briain", "García", "Müller", "Okafor", "Nakamura", "Patel"]
STREETS = ["High Street", "Rue de la Paix", "ул. Ленина", "Οδός Ερμού", "مال روڈ",
           "शांति मार्ग", "Calle Mayor", "Hauptstraße", "Station Road", "Church Lane"]
TOWNS = ["Leeds LS1 1AA", "Lyon 69001", "Москва 101000", "Αθήνα 105 63", "لاہور",
         "नई दिल्ली 110001", "Madrid 28013", "Berlin 10115", "Cork T12 X2", "Norwich NR2 1AB"]


def write_signers(path: Path, count: int) -> None:
    """`count` signers, every one sending both letters, each with a different name."""
    with path.open("w", encoding="utf-8", newline="") as file:
        rows = csv.writer(file)
        rows.writerow(["name", "address", "languages"])
        for i in range(count):
            name = f"{GIVEN[i % len(GIVEN)]} {FAMILY[i // len(GIVEN) % len(FAMILY)]} {i + 1}"
            address = f"{i % 97 + 1} {STREETS[i % len(STREETS)]} / {TOWNS[i // 7 % len(TOWNS)]}"
            rows.writerow([name, address, "en ur"])


def build(signers: Path, out: Path) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one build in a new process."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # users' installs cache bytecode
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "appealkit", "build", str(KIT), "--out",
                              str(out), "--today", TODAY, "--signers", str(signers)],
                             env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        raise SystemExit(f"build failed with status {status}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--large", type=int, default=10_000, help="signers in the large run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        small, large = folder / "300.csv", folder / "large.csv"
        write_signers(small, 300)
        write_signers(large, args.large)
        build(small, folder / "out")  # once to write the bytecode caches
        runs = [build(small, folder / "out") for _ in range(args.runs)]
        size = (folder / "out" / "signed-letters.pdf").stat().st_size
        large_time, large_peak = build(large, folder / "out")
        large_size = (folder / "out" / "signed-letters.pdf").stat().st_size
    times = [t for t, _ in runs]
    print(f"300 signers x 2 letters, {args.runs} runs, new processes:")
    print(f"  wall time:     {statistics.median(times):.2f} s median "
          f"[{min(times):.2f}-{max(times):.2f}]  (Typst: 11 s)")
    print(f"  file size:     {size / 1e6:.2f} MB  (Typst: 16 MB)")
    print(f"  peak memory:   {max(p for _, p in runs) / 1024:.0f} MiB")
    print(f"{args.large} signers x 2 letters, one run:")
    print(f"  wall time:     {large_time:.1f} s")
    print(f"  file size:     {large_size / 1e6:.1f} MB")
    print(f"  peak memory:   {large_peak / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
