"""What a person sees in a terminal, in every locale at 60, 80 and 120 columns: every text of the
result appears whole in the table output (compared with the JSON text, whitespace and box
characters removed), and nothing is cut off with an ellipsis."""

from __future__ import annotations

import re

import pytest

from journey_advisor.core.locale import SUPPORTED
from tests.conftest import run_cli, run_json

pytestmark = pytest.mark.slow

WIDTHS = ("60", "80", "120")
SCENARIOS = {
    "pick with alternatives": ["-t", "triggered", "-c", "email"],
    "nothing fits": ["-t", "scheduled", "-c", "email", "--deployment", "on-premise",
                     "--profiles", "150M"],
    "deprecated pick": ["-t", "scheduled", "-c", "email,sms", "--deployment", "on-premise"],
    "close call with caveats": ["-t", "both", "-c", "push", "--current", "campaign-v8",
                                "--messages-per-hour", "900k"],
}
_BOX = re.compile(r"[\u2500-\u257f•]")


def squeeze(text: str) -> str:
    """Text without whitespace, box-drawing characters or bullets: what wrapping may change."""
    return re.sub(r"\s+", "", _BOX.sub("", text))


def columns(output: str) -> list[str]:
    """The text of each column of the tables and panels in `output`, read top to bottom."""
    found: dict[int, str] = {}
    for line in output.splitlines():
        for index, part in enumerate(re.split(r"[│┃]", line)):
            found[index] = found.get(index, "") + part + " "
    return [squeeze(text) for text in found.values()]


def assert_whole(text: str, output: str, where: str) -> None:
    wanted = squeeze(text)
    assert any(wanted in column for column in columns(output)) or wanted in squeeze(output), \
        f"{where}: not shown whole: {text!r}"


@pytest.mark.parametrize("locale", SUPPORTED)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_every_text_of_a_recommendation_is_shown_whole(locale, scenario):
    args = ["recommend", *SCENARIOS[scenario], "--lang", locale, "--explain"]
    _, data = run_json(args)
    for width in WIDTHS:
        result = run_cli(args + ["--no-input"], env={"COLUMNS": width})
        where = f"{locale} at {width} columns"
        assert "…" not in result.stdout, where
        recommendation = data["recommendation"]
        if recommendation:
            assert squeeze(recommendation["description"]) in squeeze(result.stdout), where
            for reason in recommendation["reasons"]:
                assert_whole(reason, result.stdout, where)
        for verdict in data["ranking"]:
            if recommendation and verdict["id"] == recommendation["id"]:
                continue
            for text in verdict["blocked_by"] or verdict["against"]:  # as the table shows them
                assert_whole(text, result.stdout, where)
        for warning in data["warnings"]:
            assert_whole(warning, result.stdout, where)
        for caveat in data["caveats"]:
            assert_whole(caveat["text"], result.stdout, where)
        for entry in data["trace"]:  # --explain: the rules that fired, with their sources
            assert_whole(entry["text"], result.stdout, where)
            if entry["source"]:
                assert_whole(entry["source"], result.stdout, where)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_list_compare_show_and_batch_never_cut_text(locale, tmp_path):
    batch = tmp_path / "batch.csv"
    batch.write_text("trigger,channels,deployment,profiles\nscheduled,email;sms,on-premise,150000000\n"
                     "triggered,in-app,cloud,\n", encoding="utf-8")
    _, listed = run_json(["list", "--lang", locale])
    for width in WIDTHS:
        env = {"COLUMNS": width}
        where = f"{locale} at {width} columns"
        shown = run_cli(["list", "--lang", locale], env=env).stdout
        for blueprint in listed["blueprints"]:
            assert_whole(blueprint["description"], shown, where)
            assert any(line.endswith(blueprint["link"]) for line in shown.splitlines()), where
        for args in (["compare", "-c", "email"], ["show", "campaign-v8"], ["show", "campaign-v7", "--diagram"],
                     ["languages"], ["recommend", "--answers", str(batch)]):
            output = run_cli(args + ["--lang", locale], env=env).stdout
            assert output.strip() and "…" not in output, (args, where)
