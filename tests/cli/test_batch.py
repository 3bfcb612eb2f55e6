"""Batches as spreadsheets write them: semicolon CSV (Excel's default where the comma is the
decimal mark), a header error at its line, why a row has no fit, answers in the user's words,
and a progress bar on stderr for long batches."""

from __future__ import annotations

import json
import os
import sys

import pytest

from ..conftest import run_cli

SEMICOLONS = "trigger;channels;deployment\ntriggered;email,push;cloud\nscheduled;\"email;sms\";on-premise\n"


@pytest.mark.parametrize("name", ["s.csv", "s.txt", "s"])
def test_semicolon_csv_is_read_whatever_the_file_is_called(tmp_path, name):
    path = tmp_path / name
    path.write_text(SEMICOLONS, encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["answers"]["channels"] for r in rows] == [["email", "push"], ["email", "sms"]]
    assert rows[1]["answers"]["deployment"] == "on-premise"


def test_tabs_and_an_explicit_delimiter(tmp_path):
    path = tmp_path / "s.tsv"
    path.write_text("trigger\tchannels\ntriggered\temail\n", encoding="utf-8")
    assert run_cli(["recommend", "--answers", str(path), "--format", "json"]).exit_code == 0
    piped = "trigger|channels\ntriggered|email\n"
    result = run_cli(["recommend", "--answers", "-", "--delimiter", "|", "--format", "json"],
                     input=piped)
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["answers"]["channels"] == ["email"]
    bad = run_cli(["recommend", "--answers", "-", "--delimiter", "::"], input=piped)
    assert bad.exit_code == 2 and "--delimiter: '::' is not one character" in bad.stderr


def test_a_bad_header_names_the_header_line(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("\n\ntrigger;chanels\ntriggered;email\n", encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3: header: unknown column 'chanels'; did you mean 'channels'?" in result.stderr
    assert "row 0" not in result.stderr


def test_a_no_fit_row_says_why_in_table_and_markdown(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("trigger,channels,deployment\ntriggered,in-app,on-premise\n", encoding="utf-8")
    markdown = run_cli(["recommend", "--answers", str(path), "--format", "markdown"])
    assert markdown.exit_code == 3
    assert ("✗ Adobe Journey Optimizer cannot be deployed this way: on-premise.<br>"
            "✗ Adobe Campaign v7 does not support: in-app messages.") in markdown.stdout
    table = run_cli(["recommend", "--answers", str(path)])
    assert table.exit_code == 3
    assert table.stdout.count("✗ Adobe") == 4 and "on-premise." in table.stdout


def test_the_answers_column_uses_the_localized_terms(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("trigger,channels,profiles\nscheduled,direct-mail,2000000\n", encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "--format", "markdown", "--lang", "de"])
    row = result.stdout.splitlines()[2]
    assert "| geplant; Briefpost; Cloud; 2 Mio. Profile |" in row or "| geplant; Briefpost;" in row
    assert "scheduled" not in row and "direct-mail" not in row


@pytest.mark.parametrize("columns", [60, 80, 100, 160])
def test_batch_tables_never_cut_a_heading(tmp_path, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    path = tmp_path / "s.csv"
    path.write_text("trigger,channels\ntriggered,in-app\nscheduled,email\n", encoding="utf-8")
    for lang in ("en", "de", "fr", "ja"):
        result = run_cli(["recommend", "--answers", str(path), "--lang", lang])
        assert "…" not in result.stdout, (lang, result.stdout)
        assert max(len(line) for line in result.stdout.splitlines()) <= columns


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_long_batch_shows_progress_on_a_terminal_only(tmp_path):
    import pty
    import subprocess

    path = tmp_path / "s.csv"
    path.write_text("trigger,channels,profiles\n" + "".join(
        f"triggered,email,{1000 + i}\n" for i in range(3_000)), encoding="utf-8")
    master, slave = pty.openpty()
    completed = subprocess.run(
        [sys.executable, "-m", "journey_advisor", "recommend", "--answers", str(path),
         "--format", "json"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave,
        env={**os.environ, "TERM": "xterm-256color"}, timeout=120)
    os.close(slave)
    shown = b""
    import select

    while select.select([master], [], [], 0.2)[0]:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert completed.returncode == 0
    assert len(json.loads(completed.stdout)) == 3_000  # the data is untouched
    assert b"Scenarios" in shown and b"3000/3000" in shown
    quiet = subprocess.run([sys.executable, "-m", "journey_advisor", "recommend", "--answers",
                            str(path), "--format", "json"], capture_output=True, timeout=120)
    assert quiet.stderr == b""
