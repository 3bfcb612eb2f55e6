"""The command line through typer's runner: exit codes, stderr messages, the JSON shape."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from ..conftest import REPO, run_cli, run_json


def test_json_shape_matches_the_contract():
    code, data = run_json(["recommend", "-t", "triggered", "-c", "email", "--lang", "it"])
    assert code == 0
    assert list(data) == ["schema_version", "locale", "answers", "recommendation", "ranking",
                          "integration", "warnings", "caveats", "what_if"]
    assert data["schema_version"] == 1 and data["locale"] == "it"
    assert data["answers"] == {"trigger": "triggered", "channels": ["email"], "deployment": "cloud",
                               "data": "any", "needs": [], "current": "none"}
    assert list(data["recommendation"]) == ["id", "name", "description", "status", "score",
                                            "reasons", "link", "margin", "eliminated"]
    assert data["recommendation"]["id"] == "journey-optimizer"
    assert [list(entry) for entry in data["ranking"]] == [
        ["id", "eligible", "score", "reasons", "blocked_by", "status", "against"]] * 3
    assert data["integration"] is None and data["warnings"] == [] and data["caveats"] == []


@pytest.mark.parametrize(
    ("args", "pick", "code"),
    [
        (["-t", "triggered", "-c", "email"], "journey-optimizer", 0),
        (["-t", "scheduled", "-c", "email", "-c", "sms", "-c", "direct-mail", "--data", "etl"], "campaign-v8", 0),
        (["-t", "scheduled", "-c", "email", "--deployment", "on-premise"], "campaign-v7", 0),
        (["-t", "triggered", "-c", "in-app", "--deployment", "on-premise"], None, 3),
    ],
)
def test_issue_scenarios(args, pick, code):
    exit_code, data = run_json(["recommend", *args])
    assert exit_code == code
    assert (data["recommendation"] or {}).get("id") == pick


def test_deprecated_pick_warns():
    _, data = run_json(["recommend", "-t", "scheduled", "-c", "email", "--deployment", "on-premise"])
    assert data["recommendation"]["status"] == "deprecated"
    assert "deprecated" in data["warnings"][0]


def test_no_fit_has_null_recommendation_and_reasons_for_each():
    code, data = run_json(["recommend", "-t", "triggered", "-c", "in-app", "--deployment", "hybrid"])
    assert code == 3 and data["recommendation"] is None
    assert all(entry["blocked_by"] for entry in data["ranking"])
    # No pattern is documented for hybrid hosting; the caveat says where hosting is described.
    assert data["integration"] is None
    assert [c["id"] for c in data["caveats"]] == ["hosting-outside-blueprints"]


def test_new_answers_appear_in_the_json_answers():
    code, data = run_json(["recommend", "-t", "scheduled", "-c", "email", "--latency", "day",
                           "--need", "multi-entity", "--need", "offers,transactional",
                           "--current", "campaign-v7"])
    assert code == 0
    assert data["answers"]["latency"] == "day" and data["answers"]["current"] == "campaign-v7"
    assert data["answers"]["needs"] == ["multi-entity", "offers", "transactional"]


def test_scale_flags_accept_suffixes():
    code, data = run_json(["recommend", "-t", "scheduled", "-c", "email", "--profiles", "1.5M",
                           "--messages-per-hour", "50k"])
    assert code == 0
    assert data["answers"]["profiles"] == 1_500_000 and data["answers"]["messages_per_hour"] == 50_000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-t", "triggered", "-c", "emial"], "--channel: unknown value 'emial'; did you mean 'email'?"),
        (["-t", "trigered", "-c", "email"], "did you mean 'triggered'?"),
        (["-t", "triggered", "-c", "email", "--deployment", "on-prem"], "did you mean 'on-premise'?"),
        (["-t", "triggered", "-c", "email", "--data", "lake"], "--data: unknown value 'lake'"),
        (["-t", "triggered", "-c", "email", "--profiles", "-5"], "--profiles: '-5' is not a positive whole number"),
        (["-t", "triggered", "-c", "email", "--profiles", "lots"], "--profiles: 'lots'"),
        (["-t", "triggered", "-c", "email", "--messages-per-hour", "99999999999999"], "beyond any documented scale"),
        (["-c", "email"], "missing --trigger: --no-input asks no questions"),
        (["-t", "triggered"], "missing --channel: --no-input asks no questions"),
        ([], "missing --trigger, --channel: --no-input asks no questions (--trigger: choose from"),
        (["-t", "triggered", "-c", "email", "--lang", "xx"], "--lang: 'xx' is not a supported language"),
        (["-t", "triggered", "-c", "email", "--format", "jsn"], "did you mean 'json'?"),
    ],
)
def test_bad_usage_is_exit_2_with_one_clear_line(args, message):
    result = run_cli(["recommend", *args, "--no-input"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_without_a_terminal_the_message_says_why_nothing_was_asked():
    result = run_cli(["recommend", "-t", "triggered", "--format", "markdown"])
    assert result.exit_code == 2 and result.stdout == ""
    assert "missing --channel: questions are asked only when standard input and standard error " \
        "are terminals" in result.stderr
    assert "no terminal is attached" not in result.stderr


def test_errors_follow_the_language():
    result = run_cli(["recommend", "-c", "emial", "-t", "triggered", "--no-input"], env={"LANG": "it_IT.UTF-8"})
    assert result.exit_code == 2
    assert "emial" in result.stderr and "email" in result.stderr


def test_accepted_lang_spellings():
    for spelling, code in [("it_IT.UTF-8", "it"), ("pt-br", "pt-BR"), ("zh_TW", "zh-Hant")]:
        _, data = run_json(["recommend", "-t", "triggered", "-c", "email", "--lang", spelling])
        assert data["locale"] == code


def test_environment_chooses_the_language():
    _, data = run_json(["recommend", "-t", "triggered", "-c", "email"], env={"LANG": "sv_SE.UTF-8"})
    assert data["locale"] == "sv"


def test_broken_rules_file_is_exit_1_naming_file_and_key(tmp_path):
    rules = tmp_path / "rules.yaml"
    rules.write_text((REPO / "data" / "rules.yaml").read_text(encoding="utf-8").replace(
        "near_limit_ratio: 0.8", "near_limit_ratio: 0.8\ncolour: red"), encoding="utf-8")
    result = run_cli(["recommend", "-t", "triggered", "-c", "email", "--no-input", "--rules", str(rules)])
    assert result.exit_code == 1
    assert f"{rules}: colour: unknown key" in result.stderr


def test_table_output_shows_pick_description_and_alternatives():
    result = run_cli(["recommend", "-t", "triggered", "-c", "email", "--no-input"])
    assert result.exit_code == 0
    out = result.stdout
    assert "Adobe Journey Optimizer" in out and "Cloud-native" in out
    assert "The alternatives" in out and "Adobe Campaign v8" in out and "Lower score" in out


def test_table_output_is_localized():
    result = run_cli(["recommend", "-t", "scheduled", "-c", "email", "--deployment", "on-premise",
                      "--no-input", "--lang", "fr"])
    assert result.exit_code == 0
    assert "Adobe Campaign v7" in result.stdout


def test_explain_shows_the_rules_that_fired():
    plain = run_cli(["recommend", "-t", "triggered", "-c", "email", "--no-input"]).stdout
    explained = run_cli(["recommend", "-t", "triggered", "-c", "email", "--no-input", "--explain"]).stdout
    assert "triggered-realtime-profile" in explained and "triggered-realtime-profile" not in plain
    assert "Rules that fired" in explained and "(+6)" in explained
    assert "channel-unsupported" not in explained  # only rules that fired are listed
    blocked = run_cli(["recommend", "-t", "triggered", "-c", "in-app", "--no-input", "--explain"]).stdout
    assert "channel-unsupported (excludes) Adobe Campaign v8 does not support: in-app messages." in \
        " ".join(blocked.split())


def test_markdown_decision_record():
    result = run_cli(["recommend", "-t", "scheduled", "-c", "email,direct-mail", "--data", "etl",
                      "--no-input", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# ")
    assert "**Adobe Campaign v8**" in result.stdout and "- [ ] " in result.stdout


def test_yaml_carries_the_same_data_as_json():
    import json

    import yaml

    args = ["recommend", "-t", "both", "-c", "email", "--data", "etl", "--no-input"]
    as_json = json.loads(run_cli(args + ["--format", "json"]).stdout)
    as_yaml = yaml.safe_load(run_cli(args + ["--format", "yaml"]).stdout)
    assert as_json == as_yaml


def test_version():
    result = run_cli(["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("journey-advisor ")


def test_unknown_option_suggests_the_flag():
    result = run_cli(["recommend", "--chanel", "email"])
    assert result.exit_code == 2 and "--channel" in result.output


def test_module_entry_point_help():
    completed = subprocess.run([sys.executable, "-m", "journey_advisor", "--help"],
                               capture_output=True, text=True, timeout=60,
                               env={**os.environ, "LANG": "C"})
    assert completed.returncode == 0
    assert "recommend" in completed.stdout and "Traceback" not in completed.stderr


def test_module_entry_point_exit_code_and_stderr():
    completed = subprocess.run(
        [sys.executable, "-m", "journey_advisor", "recommend", "-t", "triggered", "-c", "in-app",
         "--deployment", "on-premise", "--format", "json"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert completed.returncode == 3
    assert completed.stderr == ""


def test_unsupported_environment_language_gives_a_notice():
    completed = subprocess.run(
        [sys.executable, "-m", "journey_advisor", "recommend", "-t", "triggered", "-c", "email",
         "--format", "json"], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
        env={**os.environ, "LANG": "ru_RU.UTF-8", "LANGUAGE": ""})
    assert completed.returncode == 0
    assert completed.stderr.count("\n") == 1 and "ru_RU.UTF-8" in completed.stderr


@pytest.mark.parametrize("layout", ["layout_2021", "layout_2022_campaign", "layout_today_unknown_language"])
def test_older_and_foreign_layouts_still_list_all_three(layout):
    folder = REPO / "tests" / "data" / layout
    result = run_cli(["list", "--pages", str(folder), "--format", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    assert [b["id"] for b in data["blueprints"]] == ["journey-optimizer", "campaign-v8", "campaign-v7"]
    assert all(b["description"] for b in data["blueprints"])
    assert "the pages give no description" in result.stderr or layout == "layout_today_unknown_language"


def test_no_color_gives_plain_text_even_on_a_terminal():
    env = {**os.environ, "FORCE_COLOR": "1", "NO_COLOR": "1", "TERM": "xterm-256color"}
    completed = subprocess.run([sys.executable, "-m", "journey_advisor", "list"], env=env,
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0 and "\x1b" not in completed.stdout
    env.pop("NO_COLOR")
    coloured = subprocess.run([sys.executable, "-m", "journey_advisor", "list"], env=env,
                              capture_output=True, text=True, timeout=60)
    assert "\x1b[" in coloured.stdout


def test_every_command_has_help():
    for args in (["recommend"], ["list"], ["show"], ["compare"], ["languages"], ["pages", "check"]):
        result = run_cli([*args, "--help"])
        assert result.exit_code == 0 and "journey-advisor" in result.stdout, args


def test_bundled_pages_pass_pages_check():
    result = run_cli(["pages", "check"])
    assert result.exit_code == 0
    assert result.stdout == ""  # no problem lines
    assert result.stderr.count("3 blueprints found, no problems.") == 12


def test_missing_translations_get_a_note(capsys):
    from journey_advisor.cli.main import note_missing_strings
    from journey_advisor.core.i18n import Localizer

    t = Localizer("it", {"language.name": "Italiano"}, {}, {"a": "A", "notice.untranslated.other":
                  "journey-advisor: {count} missing in {language}."}, {})
    t.text("a")
    note_missing_strings(t)
    assert capsys.readouterr().err == "journey-advisor: 1 missing in Italiano.\n"


def test_show_diagram_in_every_form():
    table = run_cli(["show", "campaign-v8", "--diagram"])
    assert table.exit_code == 0 and "Reference architecture" in table.stdout and "sFTP" in table.stdout
    mermaid = run_cli(["show", "campaign-v8", "--format", "mermaid", "--lang", "de"])
    assert mermaid.stdout.startswith("---\ntitle:") and "flowchart LR" in mermaid.stdout
    import json

    data = json.loads(run_cli(["show", "journey-optimizer", "--diagram", "--format", "json"]).stdout)
    assert [layer["id"] for layer in data["layers"]] == ["sources", "data", "orchestration", "channels"]
    assert run_cli(["show", "campaign-v8", "--diagram", "--format", "markdown"]).stdout.startswith("```mermaid")


def test_recommendation_ends_with_the_picture_on_wide_terminals(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    wide = run_cli(["recommend", "-t", "triggered", "-c", "custom", "--no-input"]).stdout
    assert "Reference architecture" in wide and "Integration pattern" in wide and "Third-party" in wide
    monkeypatch.setenv("COLUMNS", "80")
    assert "Reference architecture" not in run_cli(["recommend", "-t", "triggered", "-c", "custom",
                                                    "--no-input"]).stdout


@pytest.mark.parametrize("output_format", ["json", "yaml", "markdown", "table"])
def test_explain_in_every_format(output_format):
    result = run_cli(["recommend", "-t", "triggered", "-c", "email", "--explain", "-o", output_format,
                      "--no-input"])
    assert result.exit_code == 0
    out = " ".join(result.stdout.split())
    assert "triggered-realtime-profile" in out
    assert "overview.md 584007c" in out  # the rule's source
    plain = run_cli(["recommend", "-t", "triggered", "-c", "email", "-o", output_format, "--no-input"])
    assert "triggered-realtime-profile" not in plain.stdout


def test_explain_in_batches(tmp_path):
    import json

    path = tmp_path / "s.csv"
    path.write_text("trigger,channels\ntriggered,email\nscheduled,direct-mail\n", encoding="utf-8")
    plain = json.loads(run_cli(["recommend", "--answers", str(path), "-o", "json"]).stdout)
    assert all(item["what_if"] is None and "trace" not in item for item in plain)
    explained = json.loads(run_cli(["recommend", "--answers", str(path), "-o", "json",
                                    "--explain"]).stdout)
    assert all(item["what_if"] and item["trace"] for item in explained)
    markdown = run_cli(["recommend", "--answers", str(path), "-o", "markdown", "--explain"])
    assert markdown.exit_code == 0


def test_no_terminal_error_names_the_ids_the_flag_takes():
    result = run_cli(["recommend", "--lang", "de", "--no-input"])
    assert result.exit_code == 2
    assert "triggered (ausgelöst), scheduled (geplant), both (beides)" in result.stderr
    # ...and the id it names is accepted, where the label alone never was
    assert run_cli(["recommend", "-t", "triggered", "-c", "email", "--lang", "de"]).exit_code == 0


@pytest.mark.parametrize(("locale", "date"), [("de", "25. August 2025"), ("ja", "2025年8月25日")])
def test_dates_in_warnings_follow_the_locale(locale, date):
    _, data = run_json(["recommend", "-t", "scheduled", "-c", "email", "--deployment", "on-premise",
                        "--lang", locale])
    assert date in data["warnings"][0] and "2025-08-25" not in data["warnings"][0]


@pytest.mark.parametrize(("locale", "limit"), [("de", "1.000.000.000.000"), ("fr", "1\u202f000\u202f000")])
def test_limits_in_errors_are_grouped_the_locale_way(locale, limit):
    result = run_cli(["recommend", "-t", "triggered", "-c", "email", "--profiles", "10" * 8,
                      "--lang", locale])
    assert result.exit_code == 2 and limit in result.stderr


@pytest.mark.parametrize(("locale", "prefix"), [("fr", "Erreur\u00a0: "), ("zh-Hans", "错误："),
                                                ("zh-Hant", "錯誤："), ("de", "Fehler: ")])
def test_the_error_prefix_uses_the_locale_separator(locale, prefix):
    result = run_cli(["recommend", "-t", "nope", "-c", "email", "--lang", locale])
    assert result.stderr.startswith(prefix), result.stderr


def test_compact_counts_and_full_width_separators_on_the_command_line():
    code, data = run_json(["recommend", "-t", "scheduled", "-c", "email，sms、push", "--profiles",
                           "1,5 Mio.", "--messages-per-hour", "5000万"])
    assert code == 0 and data["answers"]["channels"] == ["email", "sms", "push"]
    assert data["answers"]["profiles"] == 1_500_000
    assert data["answers"]["messages_per_hour"] == 50_000_000


def test_batch_answers_are_shown_in_the_glossary_terms(tmp_path):
    batch = tmp_path / "b.csv"
    batch.write_text("trigger,channels,deployment,profiles\nscheduled,email;sms,cloud,200000000\n",
                     encoding="utf-8")
    out = run_cli(["recommend", "--answers", str(batch), "--lang", "de"], env={"COLUMNS": "200"}).stdout
    assert "geplant; E-Mail, SMS; Cloud; 200\u00a0Mio. Profile" in " ".join(out.split(" │"))
