"""Reliability benchmark: krippendorff_alpha on 5 coders x 200,000 units, next to the
`krippendorff` package in the same run.

The matrix is seeded: a true value per unit (5 nominal categories), each coder copying
it with probability 0.8 and otherwise picking at random, and 5% of the values missing.
Each implementation runs three times; the best time counts. Both must give the same
alpha (to 1e-9). Target (issue 6): ours at least as fast (ratio <= 1).

Usage: python benchmarks/reliability.py [--units 200000] [--coders 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.results import machine, table, write_section
from coder.reliability import krippendorff_alpha


def best_of(runs: int, call: Callable[[], float]) -> tuple[float, float]:
    """Best wall time of ``runs`` calls, and the value returned."""
    times, value = [], float("nan")
    for _ in range(runs):
        started = time.perf_counter()
        value = call()
        times.append(time.perf_counter() - started)
    return min(times), value


def matrix(coders: int, units: int, seed: int = 20240601) -> np.ndarray:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 5, units)
    data = np.where(rng.random((coders, units)) < 0.8, truth, rng.integers(0, 5, (coders, units)))
    data = data.astype(float)
    data[rng.random(data.shape) < 0.05] = np.nan
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--coders", type=int, default=5)
    args = parser.parse_args()
    data = matrix(args.coders, args.units)
    ours_s, ours = best_of(3, lambda: krippendorff_alpha(data, "nominal"))
    rows = [["coder.reliability.krippendorff_alpha", f"{ours_s * 1000:.1f}", f"{ours:.12f}"]]
    try:
        import krippendorff
    except ImportError:
        body = (
            f"{args.coders} x {args.units:,} nominal matrix, 5% missing, best of 3. "
            f"Machine: {machine()}.\n\n"
            + table(["implementation", "ms", "alpha"], rows)
            + "\n\nThe `krippendorff` package is not installed: no comparison."
        )
        write_section("Reliability", body)
        print(body)
        return 0
    theirs_s, theirs = best_of(
        3, lambda: krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    )
    version = getattr(krippendorff, "__version__", "")
    rows.append([f"krippendorff {version}".strip(), f"{theirs_s * 1000:.1f}", f"{theirs:.12f}"])
    ratio = ours_s / theirs_s
    same = abs(ours - theirs) <= 1e-9
    met = ratio <= 1.0 and same
    body = "\n".join(
        [
            f"{args.coders} x {args.units:,} nominal matrix (5 categories, 5% missing, seeded),"
            f" best of 3 runs each, same process. Machine: {machine()}.",
            "",
            table(["implementation", "ms", "alpha"], rows),
            "",
            f"Ratio ours / krippendorff: {ratio:.2f} ({1 / ratio:.1f}x faster);"
            f" alphas {'agree' if same else 'DIFFER'} to 1e-9.",
            f"Target (issue 6): ratio <= 1 — {'met' if met else 'NOT met'}.",
        ]
    )
    write_section("Reliability", body)
    print(body)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
