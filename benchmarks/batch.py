"""Batch benchmark for journey-advisor (PRODUCT.md section 9): `recommend --answers FILE`.

Builds answers files of distinct scenarios with widely varying counts (profiles and messages
per hour spread over nine orders of magnitude), in CSV, YAML and JSON, and runs the installed
command on each. Reports, per format:

- 10,000 scenarios against one single `recommend --format json` run (budget: under 20 runs);
- 100,000 scenarios against 10,000 (budget: at most 12 times, i.e. linear);
- the peak resident memory of each batch (budget: under 64 MiB).

    python benchmarks/batch.py                  # csv, yaml and json, json output
    python benchmarks/batch.py --formats csv --output markdown

Exit status 0 when every budget is met, 1 otherwise. Whole processes are timed, so the machine
should be otherwise idle; each case runs --repeat times and the median is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MEMORY_BUDGET_MB = 64.0
SINGLE_RUNS_BUDGET = 20.0
LINEAR_BUDGET = 12.0
CHOICES = [("triggered", ["email", "push"], "cloud", "platform"),
           ("scheduled", ["email", "sms", "direct-mail"], "cloud", "etl"),
           ("scheduled", ["email"], "on-premise", "any"),
           ("both", ["email", "in-app"], "cloud", "any"),
           ("triggered", ["in-app"], "on-premise", "any"),
           ("scheduled", ["email", "push"], "hybrid", "etl")]


def command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m journey_advisor`."""
    script = Path(sys.executable).with_name("journey-advisor")
    return [str(script)] if script.exists() else [sys.executable, "-m", "journey_advisor"]


def scenarios(count: int, seed: int = 7) -> list[dict]:
    """`count` distinct scenarios; counts log-uniform between 10 and 10^10 (some beyond every
    guardrail, so exclusions and no-fits are exercised too)."""
    generator = random.Random(seed)
    rows = []
    for index in range(count):
        trigger, channels, deployment, data = CHOICES[index % len(CHOICES)]
        row = {"trigger": trigger, "channels": channels, "deployment": deployment, "data": data,
               "profiles": int(10 ** generator.uniform(1, 10)) + index}
        if index % 3:
            row["messages_per_hour"] = int(10 ** generator.uniform(1, 9))
        rows.append(row)
    return rows


def write(rows: list[dict], folder: Path, kind: str) -> Path:
    path = folder / f"scenarios-{len(rows)}.{kind}"
    if kind == "csv":
        lines = ["trigger,channels,deployment,data,profiles,messages_per_hour"]
        lines += [f"{r['trigger']},{';'.join(r['channels'])},{r['deployment']},{r['data']},"
                  f"{r['profiles']},{r.get('messages_per_hour', '')}" for r in rows]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif kind == "json":
        path.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    else:
        lines = []
        for r in rows:
            lines.append(f"- trigger: {r['trigger']}\n  channels: [{', '.join(r['channels'])}]\n"
                         f"  deployment: {r['deployment']}\n  data: {r['data']}\n"
                         f"  profiles: {r['profiles']}")
            if "messages_per_hour" in r:
                lines.append(f"  messages_per_hour: {r['messages_per_hour']}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_elsewhere(count: int, folder: Path, kind: str) -> Path:
    """Write the answers file from a child process: this one stays small, so the memory that a
    measured process inherits when forked from it does not count against the command."""
    subprocess.run([sys.executable, __file__, "--write", str(folder), str(count), kind], check=True)
    return folder / f"scenarios-{count}.{kind}"


def run(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak resident MiB, exit code) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def median_run(args: list[str], repeat: int) -> tuple[float, float, int]:
    results = [run(args) for _ in range(repeat)]
    return (statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", default="csv,yaml,json", help="input formats (default all)")
    parser.add_argument("--output", default="json", help="--format of the batch (default json)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case (default 3)")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--write", nargs=3, metavar=("FOLDER", "COUNT", "KIND"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.write:
        folder, count, kind = options.write
        write(scenarios(int(count)), Path(folder), kind)
        return 0
    cli = command()
    single_args = cli + ["recommend", "-t", "triggered", "-c", "email", "--format", "json", "--no-input"]
    run(single_args)  # warm the cache of parsed data
    single = statistics.median(run(single_args)[0] for _ in range(9))
    print(f"command: {' '.join(cli)}\nsingle recommend --format json: {single:.3f} s\n")
    print(f"{'input':<6} {'scenarios':>9} {'seconds':>8} {'single runs':>12} {'peak MiB':>9}  exit")
    ok = True
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for kind in options.formats.split(","):
            measured = {}
            for count in (options.small, options.large):
                path = write_elsewhere(count, folder, kind)
                seconds, peak, code = median_run(
                    cli + ["recommend", "--answers", str(path), "--format", options.output], options.repeat)
                measured[count] = seconds
                within = peak < MEMORY_BUDGET_MB and code in (0, 3)
                ok = ok and within
                print(f"{kind:<6} {count:>9} {seconds:>8.2f} {seconds / single:>12.1f} {peak:>9.1f}  "
                      f"{code}{'' if within else '  FAIL'}")
            small_cost = measured[options.small] / single
            growth = measured[options.large] / measured[options.small]
            ok = ok and small_cost < SINGLE_RUNS_BUDGET and growth <= LINEAR_BUDGET
            print(f"{kind:<6} {options.small} = {small_cost:.1f} single runs (budget < {SINGLE_RUNS_BUDGET:.0f}); "
                  f"{options.large} / {options.small} = {growth:.2f} (budget <= {LINEAR_BUDGET:.0f})\n")
    print(f"memory budget: peak under {MEMORY_BUDGET_MB:.0f} MiB at any size")
    print("all budgets met" if ok else "SOME BUDGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
