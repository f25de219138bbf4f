"""Benchmark memory against input size: peak memory of reading one hostile document, per byte.

Issue 16 asks that no reader or segment step need more than 20 times the
input's size plus a fixed base. Each case is read by ``extract_file`` in a fresh
process; the base is the peak of the same process reading a one-line document,
so what is printed is what the document itself costs:

    ratio = (peak RSS - base RSS) / input bytes

    python benchmarks/bench_memory.py                       # the issue's two cases
    python benchmarks/bench_memory.py --storm-mb 1 --line-mb 5 --json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT_RATIO = 20.0

# Run in a child: read one file, print the peak RSS (KiB) and the seconds it took.
_CHILD = """
import resource, sys, time
sys.path.insert(0, {root!r})
from foiextract.errors import FoiExtractError
from foiextract.limits import Limits
from foiextract.pipeline import extract_file
started = time.monotonic()
try:
    extractions = extract_file(sys.argv[1], Limits(max_bytes=None))
    outcome = f"{{sum(len(e.pairs) for e in extractions)}} pairs"
except FoiExtractError as err:
    outcome = err.kind
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.monotonic() - started, outcome)
"""


def emphasis_storm(folder: Path, megabytes: float) -> Path:
    """Unclosed, interleaved emphasis markers: the delimiter stack of every Markdown parser."""
    unit = "*a **b _c __d "
    path = folder / "emphasis_storm.md"
    path.write_text("**1. How many?**\n\n" + unit * int(megabytes * 1e6 / len(unit)) + "\n")
    return path


def one_line(folder: Path, megabytes: float) -> Path:
    """A text file of one line: no paragraph breaks for the layout to cut it at."""
    unit = "Q1. How many cases were there? Three cases were recorded in 2021. "
    path = folder / "one_line.txt"
    path.write_text(unit * int(megabytes * 1e6 / len(unit)) + "\n")
    return path


def tiny(folder: Path) -> Path:
    path = folder / "tiny.txt"
    path.write_text("Q1. How many? Three.\n")
    return path


def measure(path: Path) -> tuple[int, float, str]:
    """Peak RSS in bytes, seconds and outcome of reading ``path`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", _CHILD.format(root=str(ROOT)), str(path)],
                          capture_output=True, text=True, check=True)
    peak_kb, seconds, outcome = done.stdout.split(maxsplit=2)
    return int(peak_kb) * 1024, float(seconds), outcome.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--storm-mb", type=float, default=2.7)
    parser.add_argument("--line-mb", type=float, default=50.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="foiextract-bench-memory-") as work:
        folder = Path(work)
        base, _, _ = measure(tiny(folder))
        rows = []
        for name, path in (("emphasis storm", emphasis_storm(folder, args.storm_mb)),
                           ("one-line text", one_line(folder, args.line_mb))):
            started = time.monotonic()
            peak, seconds, outcome = measure(path)
            size = path.stat().st_size
            rows.append({"case": name, "input_mb": round(size / 1e6, 2),
                         "peak_mb": round(peak / 1e6, 1), "base_mb": round(base / 1e6, 1),
                         "ratio": round((peak - base) / size, 2), "seconds": round(seconds, 2),
                         "wall": round(time.monotonic() - started, 2), "outcome": outcome})
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(f"{'case':16} {'input MB':>9} {'peak MB':>8} {'base MB':>8} {'ratio':>6} "
          f"{'seconds':>8}  outcome")
    for row in rows:
        flag = "" if row["ratio"] <= LIMIT_RATIO else f"  over {LIMIT_RATIO:.0f}x"
        print(f"{row['case']:16} {row['input_mb']:9.2f} {row['peak_mb']:8.1f} "
              f"{row['base_mb']:8.1f} {row['ratio']:6.2f} {row['seconds']:8.2f}  "
              f"{row['outcome']}{flag}")


if __name__ == "__main__":
    main()
