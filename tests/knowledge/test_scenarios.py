"""Batch scenarios: YAML, JSON and CSV files, stdin, row errors and exit codes."""

from __future__ import annotations

import io
import json

import pytest

from journey_advisor.errors import UsageError
from journey_advisor.knowledge.scenarios import read_source

from ..conftest import run_cli

FOUR = """\
- {trigger: triggered, channels: [email, push]}
- trigger: scheduled
  channels: email, sms, direct-mail
  data: etl
- {trigger: scheduled, channels: email, deployment: on-premise}
- {trigger: triggered, channels: in-app, deployment: on-premise}
"""
PICKS = ["journey-optimizer", "campaign-v8", "campaign-v7", None]


def _picks(stdout: str) -> list:
    return [(item["recommendation"] or {}).get("id") for item in json.loads(stdout)]


def test_yaml_file_in_order_with_no_fit_exit_3(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(FOUR, encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 3 and _picks(result.stdout) == PICKS


def test_stdin(tmp_path):
    result = run_cli(["recommend", "--answers", "-", "--format", "json"], input=FOUR)
    assert result.exit_code == 3 and _picks(result.stdout) == PICKS


def test_json_list(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps([{"trigger": "triggered", "channels": ["email"], "profiles": "2M"},
                                {"trigger": "scheduled", "channels": "direct-mail"}]), encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 0 and _picks(result.stdout) == ["journey-optimizer", "campaign-v8"]


def test_csv_with_both_channel_separators(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("trigger,channels,deployment,data,profiles,messages_per_hour\n"
                    "triggered,email;push,,,,\n"
                    'scheduled,"email,sms,direct-mail",cloud,etl,50M,\n'
                    "scheduled,email,on-premise,,,\n"
                    "triggered,in-app,on-premise,,,\n", encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 3 and _picks(result.stdout) == PICKS


def test_yaml_output_equals_json(tmp_path):
    import yaml

    path = tmp_path / "s.yaml"
    path.write_text(FOUR, encoding="utf-8")
    as_json = json.loads(run_cli(["recommend", "--answers", str(path), "-o", "json"]).stdout)
    assert yaml.safe_load(run_cli(["recommend", "--answers", str(path), "-o", "yaml"]).stdout) == as_json


@pytest.mark.parametrize("output_format", ["table", "markdown"])
def test_one_row_per_scenario(tmp_path, output_format):
    path = tmp_path / "s.yaml"
    path.write_text(FOUR, encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "-o", output_format])
    assert result.exit_code == 3
    for name in ("Adobe Journey Optimizer", "Adobe Campaign v8", "Adobe Campaign v7", "none"):
        assert name in result.stdout


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (FOUR + "- {trigger: triggered, channels: emial}\n", "s.yaml",
         "row 5: channels: unknown value 'emial'; did you mean 'email'?"),
        ("- {trigger: triggered, chanels: email}\n", "s.yaml", "row 1: unknown question 'chanels'; did you mean 'channels'?"),
        ("- {trigger: triggered}\n", "s.yaml", "row 1: channels: an answer is required"),
        ("- {trigger: triggered, channels: email, profiles: -4}\n", "s.yaml", "row 1: profiles: '-4'"),
        ("- {trigger: triggered, channels: email, profiles: 1e400}\n", "s.yaml", "row 1: profiles"),
        ("- just text\n", "s.yaml", "row 1: expected a mapping"),
        ("trigger: triggered\n", "s.yaml", "expected a list of scenarios"),
        ("", "s.yaml", "no scenarios"),
        ("[{trigger: }", "s.json", "s.json:2: invalid YAML"),
        ("trigger,channels\ntriggered,email\nscheduled,email,extra\n", "s.csv", "row 2: line 3: 3 cells for 2 columns"),
        ("trigger,channel\ntriggered,email\n", "s.csv",
         "s.csv:1: header: unknown column 'channel'; did you mean 'channels'?"),
        ("- {trigger: triggered, channels: [[nested]]}\n", "s.yaml", "row 1: channels: expected a single value (text or a number)"),
    ],
)
def test_bad_rows_are_exit_2_naming_the_row(tmp_path, content, name, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stdout == ""
    assert "Traceback" not in result.output


def test_missing_answers_file():
    result = run_cli(["recommend", "--answers", "/nonexistent/s.yaml"])
    assert result.exit_code == 2 and "/nonexistent/s.yaml: no such file" in result.stderr


def test_read_source_refuses_binary_and_bad_encoding(tmp_path):
    with pytest.raises(UsageError, match="binary data"):
        read_source("-", io.BytesIO(b"a\x00b"))
    with pytest.raises(UsageError, match="<stdin>:2: not valid UTF-8"):
        read_source("-", io.BytesIO(b"- a\n- \xff\n"))


def test_alias_bomb_is_refused_without_expanding(tmp_path):
    lines = ["- trigger: triggered", "  channels:", "    - &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"    - &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")  # 10**10 items if expanded
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert "row 1: channels: expected a single value (text or a number)" in result.stderr


# Streaming: the same rows as one document, however the file is read --------------------------

from journey_advisor.knowledge import scenarios as scenario_module  # noqa: E402
from journey_advisor.knowledge.scenarios import ScenarioFile  # noqa: E402


def _rows(text: str, label: str = "s.yaml") -> list:
    return list(ScenarioFile(text, label))


def _block(count: int, anchors: bool = False) -> str:
    lines = []
    for index in range(count):
        if anchors and index == 0:
            lines.append("- &first {trigger: triggered, channels: [email]}")
        elif anchors and index == count - 1:
            lines.append("- *first")
        else:
            lines.append(f"- trigger: scheduled\n  channels: [email, sms]  # row {index + 1}\n"
                         f"  profiles: {index + 1}")
    return "# a comment first\n---\n" + "\n".join(lines) + "\n"


def test_a_long_block_list_streams_in_groups_with_the_rows_of_one_document(monkeypatch):
    import yaml

    monkeypatch.setattr(scenario_module, "YAML_GROUP", 7)
    text = _block(50)
    rows = _rows(text)
    assert [row for row, _ in rows] == [str(n) for n in range(1, 51)]
    assert [raw for _, raw in rows] == yaml.safe_load(text)
    assert ScenarioFile(text, "s.yaml")._whole is None  # never read as one document


def test_anchors_across_groups_fall_back_without_repeating_rows(monkeypatch):
    import yaml

    monkeypatch.setattr(scenario_module, "YAML_GROUP", 7)
    text = _block(30, anchors=True)
    rows = _rows(text)
    assert [raw for _, raw in rows] == yaml.safe_load(text)
    assert len(rows) == 30 and rows[-1][1] == {"trigger": "triggered", "channels": ["email"]}


def test_a_json_array_streams_element_by_element():
    items = [{"trigger": "triggered", "channels": ["email"], "profiles": n + 1} for n in range(40)]
    text = json.dumps(items, indent=1)
    source = ScenarioFile(text, "s.json")
    assert [raw for _, raw in source] == items
    assert source._whole is None


@pytest.mark.parametrize("text", ["[]", "[\n]\n", "[{trigger: triggered, channels: email}]"])
def test_json_like_text_that_is_not_json_is_read_as_yaml(text):
    import yaml

    assert [raw for _, raw in _rows(text, "s.json")] == yaml.safe_load(text)


def test_a_broken_group_reports_the_line_in_the_whole_file(tmp_path, monkeypatch):
    monkeypatch.setattr(scenario_module, "YAML_GROUP", 3)
    text = _block(10).replace("profiles: 8\n", "profiles: [8\n")
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 2 and result.stdout == ""
    line = text.splitlines().index("  profiles: [8") + 1
    assert f"s.yaml:{line + 1}: invalid YAML" in result.stderr or f"s.yaml:{line}: invalid YAML" in result.stderr


def test_more_rows_than_allowed_is_exit_2(tmp_path, monkeypatch):
    monkeypatch.setattr(scenario_module, "MAX_SCENARIOS", 5)
    path = tmp_path / "s.csv"
    path.write_text("trigger,channels\n" + "triggered,email\n" * 6, encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 2 and "more than 5 scenarios" in result.stderr
