"""Benchmark start-up: ``foiextract --help`` beside a bare ``python -c pass``, same run.

Each is run as a fresh subprocess, alternately, and the best of ``--runs`` is kept (the
best is the least disturbed by other work on a busy machine). Issue 18 asks for at most 8x.

    python benchmarks/bench_start.py
    python benchmarks/bench_start.py --runs 20 --command parse "fewer than 5"
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 8.0
# The console script does `from foiextract.cli import main; sys.exit(main())`: run exactly that.
_CLI = "import sys; from foiextract.cli import main; sys.argv[0] = 'foiextract'; sys.exit(main())"


def best_of(argv: list[str], runs: int, env: dict[str, str]) -> float:
    """The shortest wall time of ``runs`` runs of ``argv``."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=env, cwd=ROOT)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--command", nargs="*", default=["--help"],
                        help="the foiextract arguments to time (default: --help)")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p])}
    bare_argv = [sys.executable, "-c", "pass"]
    cli_argv = [sys.executable, "-c", _CLI, *args.command]
    best_of(cli_argv, 1, env)  # warm the file cache and the bytecode
    bare = cli = float("inf")
    for _ in range(args.runs):  # alternate, so both see the same load
        bare = min(bare, best_of(bare_argv, 1, env))
        cli = min(cli, best_of(cli_argv, 1, env))
    ratio = cli / bare
    shown = " ".join(args.command)
    print(f"python -c pass: {bare * 1000:.1f} ms (best of {args.runs})")
    print(f"foiextract {shown}: {cli * 1000:.1f} ms (best of {args.runs})")
    print(f"ratio: {ratio:.1f}x (target <= {TARGET:.0f}x){'' if ratio <= TARGET else '  OVER'}")


if __name__ == "__main__":
    main()
