"""The start-up design, checked without timing anything (benchmarks/startup.py measures time):
a warm JSON run loads none of the heavy libraries, and typer never reaches pydantic."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from journey_advisor.knowledge import cache

pytestmark = pytest.mark.slow

HEAVY = ("pydantic", "rich", "markdown_it", "yaml", "frontmatter", "html.parser", "_hashlib", "babel",
         "questionary", "prompt_toolkit")
PROBE = """
import json, sys
from journey_advisor.cli.main import run
code = run({args!r}, {{}})
print(json.dumps({{"code": code, "loaded": [m for m in {heavy!r} if m in sys.modules]}}), file=sys.stderr)
"""


def _probe(args: list[str], folder) -> dict:
    env = {**os.environ, cache.CACHE_ENV: str(folder)}
    completed = subprocess.run([sys.executable, "-c", PROBE.format(args=args, heavy=HEAVY)],
                               env=env, capture_output=True, text=True, timeout=120)
    return json.loads(completed.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("args", [
    ["recommend", "-t", "triggered", "-c", "email", "--format", "json", "--no-input"],
    ["compare", "--format", "json"],
    ["list", "--format", "json", "--lang", "ja"],
])
def test_warm_json_runs_load_no_heavy_library(tmp_path, args):
    first = _probe(args, tmp_path)  # fills the cache
    warm = _probe(args, tmp_path)
    assert first["code"] == warm["code"] == 0
    assert warm["loaded"] == []


@pytest.mark.parametrize("args", [
    ["recommend", "-t", "scheduled", "-c", "email", "--profiles", "150M", "--format", "json",
     "--no-input", "--lang", "de"],
    ["recommend", "-t", "scheduled", "-c", "email", "--deployment", "on-premise", "--format", "json",
     "--no-input", "--lang", "ja"],
])
def test_numbers_and_dates_formatted_before_need_no_babel(tmp_path, args):
    first = _probe(args, tmp_path)  # formats with Babel, and remembers
    warm = _probe(args, tmp_path)
    assert "babel" in first["loaded"] and warm["loaded"] == []


def test_cold_run_parses_and_still_avoids_pydantic(tmp_path):
    cold = _probe(["recommend", "-t", "triggered", "-c", "email", "--format", "json", "--no-input"], tmp_path)
    assert "pydantic" not in cold["loaded"] and "yaml" in cold["loaded"]


def test_table_loads_rich_but_not_pydantic(tmp_path):
    args = ["recommend", "-t", "triggered", "-c", "email", "--no-input"]
    _probe(args, tmp_path)
    assert _probe(args, tmp_path)["loaded"] == ["rich"]
