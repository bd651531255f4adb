"""Time the diary's progress summary on two years of entries (500 sessions, 100 scores).

    PYTHONPATH=src:tests/diary .venv/bin/python bench/diary_summary.py

The target is under 100 ms in CPython once the engine is loaded (issue 18). The test
suite checks the summary's structure on the same diary; only this script times it.
"""

from __future__ import annotations

import json
import statistics
import time

from diary_helpers import two_years

from diary import api

RUNS = 20


def main() -> None:
    text = json.dumps(two_years())
    api.summary_json(text, "2027-01-01")  # warm: imports and first compile
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        api.summary_json(text, "2027-01-01")
        times.append((time.perf_counter() - start) * 1000)
    print(f"diary summary, 500 sessions + 100 HDSS: min {min(times):.1f} ms, "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (target < 100 ms)")


if __name__ == "__main__":
    main()
