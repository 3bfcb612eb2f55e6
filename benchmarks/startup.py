"""Start-up benchmark for journey-advisor (PRODUCT.md section 9).

Interleaved runs of each command against `python -c "import typer"` with the same interpreter;
reports the median of the per-pair time ratios and the peak memory of each command. Run it after
installing the project:

    python benchmarks/startup.py            # 21 pairs per case
    python benchmarks/startup.py --runs 51  # steadier medians

Exit status 0 when every budget is met, 1 otherwise. It times whole processes, so the machine
should be otherwise idle; the cache of parsed data is warmed before timing (a first run after
install or after the data changed pays for parsing once).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = [sys.executable, "-c", "import typer"]
MEMORY_BUDGET_MB = 40.0


def command() -> list[str]:
    """The installed console script beside this interpreter, else `python -m journey_advisor`."""
    script = Path(sys.executable).with_name("journey-advisor")
    return [str(script)] if script.exists() else [sys.executable, "-m", "journey_advisor"]


def run(args: list[str], stdin: bytes | None = None) -> tuple[float, float, int]:
    """(seconds, peak resident MiB, exit code) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if stdin is not None:
        process.stdin.write(stdin)
        process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, process.returncode


def pairs(args: list[str], runs: int, stdin: bytes | None = None) -> dict[str, float]:
    run(args, stdin)  # warm the cache and the file system
    run(BASELINE)
    ratios, times, bases, peaks, codes = [], [], [], [], set()
    for _ in range(runs):
        base, _, _ = run(BASELINE)
        elapsed, peak, code = run(args, stdin)
        ratios.append(elapsed / base)
        times.append(elapsed)
        bases.append(base)
        peaks.append(peak)
        codes.add(code)
    return {"ratio": statistics.median(ratios), "time": statistics.median(times),
            "baseline": statistics.median(bases), "peak": max(peaks), "codes": sorted(codes)}


def checkout_like_tree(folder: Path, unrelated_files: int) -> Path:
    """A blueprints-learn checkout: our English pages under help/blueprints/customer-journeys, and
    `unrelated_files` other pages around them that a well-behaved reader never opens."""
    source = Path(__file__).resolve().parent.parent / "data" / "pages" / "en"
    if not source.is_dir():
        import journey_advisor.knowledge.resources as resources

        source = resources.data_dir() / "pages" / "en"
    journeys = folder / "help" / "blueprints" / "customer-journeys"
    shutil.copytree(source, journeys)
    for index in range(unrelated_files):
        other = folder / "help" / "blueprints" / f"topic-{index % 50}" / f"page-{index}.md"
        other.parent.mkdir(parents=True, exist_ok=True)
        other.write_text(f"# Page {index}\n\n" + "Unrelated text. " * 200, encoding="utf-8")
    return folder


def batch_file(scenarios: int) -> bytes:
    rows = ["trigger,channels,deployment,data,profiles,messages_per_hour"]
    choices = [("triggered", "email;push", "cloud", "platform"), ("scheduled", "email;sms;direct-mail", "cloud", "etl"),
               ("scheduled", "email", "on-premise", "any"), ("both", "email;in-app", "cloud", "any"),
               ("triggered", "in-app", "on-premise", "any")]
    for index in range(scenarios):
        trigger, channels, deployment, data = choices[index % len(choices)]
        # Every row distinct (its profile count), so no scenario repeats an earlier result.
        rows.append(f"{trigger},{channels},{deployment},{data},{1_000_000 + index * 7_919},")
    return ("\n".join(rows) + "\n").encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed pairs per case (default 21)")
    parser.add_argument("--scenarios", type=int, default=10_000, help="batch size (default 10000)")
    options = parser.parse_args()
    cli = command()
    ok = True
    print(f"interpreter: {sys.executable}\ncommand:     {' '.join(cli)}\nruns:        {options.runs} interleaved pairs per case\n")
    print(f"{'case':<44} {'median s':>9} {'typer s':>8} {'ratio':>6} {'budget':>7} {'peak MiB':>9}")
    with tempfile.TemporaryDirectory() as temporary:
        small = checkout_like_tree(Path(temporary) / "small", 0)
        large = checkout_like_tree(Path(temporary) / "large", 5_000)
        cases = [
            ("recommend --format json", ["recommend", "-t", "triggered", "-c", "email", "--format", "json"], 1.5),
            ("compare --format json", ["compare", "--format", "json"], 1.5),
            ("recommend --format table", ["recommend", "-t", "scheduled", "-c", "email,sms", "--data", "etl"], 2.0),
            ("recommend --pages (checkout, 0 other files)",
             ["recommend", "-t", "triggered", "-c", "email", "--format", "json", "--pages", str(small)], None),
            ("recommend --pages (checkout, 5000 other files)",
             ["recommend", "-t", "triggered", "-c", "email", "--format", "json", "--pages", str(large)], None),
        ]
        results = {}
        for name, args, budget in cases:
            measured = pairs(cli + args + ["--no-input"], options.runs)
            results[name] = measured
            passed = (budget is None or measured["ratio"] <= budget) and measured["peak"] < MEMORY_BUDGET_MB
            ok = ok and passed
            print(f"{name:<44} {measured['time']:>9.3f} {measured['baseline']:>8.3f} {measured['ratio']:>6.2f} "
                  f"{(f'{budget:.1f}x' if budget else '-'):>7} {measured['peak']:>9.1f} {'' if passed else ' FAIL'}")
        small_time = results["recommend --pages (checkout, 0 other files)"]["time"]
        large_time = results["recommend --pages (checkout, 5000 other files)"]["time"]
        print(f"\n--pages cost with 5000 unrelated files / with none: {large_time / small_time:.2f}")
        batch = batch_file(options.scenarios)
        single = results["recommend --format json"]["time"]
        batch_times = [run(cli + ["recommend", "--answers", "-", "--format", "json"], batch) for _ in range(3)]
        batch_time = statistics.median(t for t, _, _ in batch_times)
        batch_peak = max(p for _, p, _ in batch_times)
        print(f"batch of {options.scenarios} scenarios: {batch_time:.3f} s = {batch_time / single:.1f} single runs "
              f"(budget < 20), peak {batch_peak:.1f} MiB")
        ok = ok and batch_time < 20 * single
    print(f"\nmemory budget: peak under {MEMORY_BUDGET_MB:.0f} MiB for single runs")
    print("all budgets met" if ok else "SOME BUDGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
