#!/usr/bin/env python3
"""The real test bed: qctl's real binary against components nobody here wrote.

Usage: .ci/e2e [--list] [SCENARIO|TIER ...]

Prints one `PASS|FAIL|SKIP <scenario>: <detail>` line per scenario and ends with
`N passed, M failed, K skipped`; exits 1 when any scenario failed. A scenario whose component
cannot be had is SKIP with the reason, never PASS. Tiers and what they prove: docs/testing.md.
"""

from __future__ import annotations

import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bed  # noqa: E402
import scenarios_cp  # noqa: E402
import scenarios_runtime  # noqa: E402

SCENARIOS = scenarios_cp.SCENARIOS + scenarios_runtime.SCENARIOS


def select(args: list[str]):
    if not args:
        return SCENARIOS
    chosen = []
    for arg in args:
        hits = [s for s in SCENARIOS if s.name == arg or s.tier == arg]
        if not hits:
            names = ", ".join(s.name for s in SCENARIOS)
            sys.exit(f"e2e: no scenario or tier `{arg}`; known: {names}")
        chosen += [s for s in hits if s not in chosen]
    return chosen


def main(argv: list[str]) -> int:
    if argv[:1] == ["--list"]:
        for s in SCENARIOS:
            print(f"{s.tier:8} {s.name:28} {s.title}")
        return 0
    chosen = select(argv)
    counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    with bed.Bed() as tb:
        for scenario in chosen:
            start = time.monotonic()
            try:
                detail = scenario.run(tb) or "ok"
                verdict = "PASS"
            except bed.Skip as skip:
                verdict, detail = "SKIP", str(skip)
            except Exception as err:  # a failed assertion or a broken component alike
                verdict = "FAIL"
                detail = f"{type(err).__name__}: {err}"
                sys.stderr.write(traceback.format_exc())
            secs = time.monotonic() - start
            counts[verdict] += 1
            tb.timings[scenario.name] = (verdict, secs)
            print(f"{verdict} {scenario.name}: {detail} ({secs:.1f} s)", flush=True)
    print(f"{counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped", flush=True)
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
