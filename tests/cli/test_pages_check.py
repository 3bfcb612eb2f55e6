"""`pages check` for CI: exit 1 only when a page is unusable, records for `--format json`, a
message that never repeats its file; and `show` saying when a blueprint's page is missing."""

from __future__ import annotations

import json
import shutil

import pytest

from ..conftest import REPO, UPSTREAM, run_cli

EN_TODAY = UPSTREAM / "blueprints-learn.en"


def check(*args: str):
    result = run_cli(["pages", "check", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


@pytest.fixture
def pages(tmp_path):
    folder = tmp_path / "pages"
    shutil.copytree(REPO / "data" / "pages" / "en", folder)
    return folder


def test_the_bundled_pages_pass():
    code, records, stderr = check()
    assert code == 0 and records == []
    assert stderr.count("3 blueprints found, no problems.") == 12


@pytest.mark.skipif(not EN_TODAY.is_dir(), reason="needs ../shared/upstream")
def test_adobes_deprecated_table_without_descriptions_is_a_note():
    code, records, stderr = check(str(EN_TODAY))
    assert code == 0
    assert [(r["severity"], r["message"].split(":")[0]) for r in records] == [("note", "campaign-v7")]
    assert records[0]["file"].endswith("overview.md") and isinstance(records[0]["line"], int)
    assert "errors: 0, warnings: 0, notes: 1." in stderr


def test_a_missing_page_is_an_error_and_exit_1(pages):
    (pages / "campaign-v7.md").unlink()
    code, records, _ = check(str(pages))
    assert code == 1
    assert records == [{"file": str(pages / "overview.md"), "line": records[0]["line"],
                        "severity": "error",
                        "message": "campaign-v7: linked page campaign-v7.md not found"}]


def test_unreadable_front_matter_is_a_warning_and_exit_0(pages):
    page = pages / "journey-optimizer.md"
    page.write_text("---\ntitle: [oops\n---\n" + page.read_text(encoding="utf-8").split("---", 2)[2],
                    encoding="utf-8")
    code, records, _ = check(str(pages))
    assert code == 0
    assert [r["severity"] for r in records] == ["warning"] and records[0]["line"] in (2, 3)


def test_an_overview_without_a_table_is_an_error(pages):
    (pages / "overview.md").write_text("---\ntitle: x\n---\n# Nothing here\n", encoding="utf-8")
    code, records, _ = check(str(pages))
    assert code == 1 and records[0]["severity"] == "error"
    assert "no blueprint table" in records[0]["message"]


def test_no_file_name_is_printed_twice(pages):
    (pages / "campaign-v8.md").write_bytes(b"\xff\xfe not text \x00")
    (pages / "campaign-v7.md").unlink()
    code, records, _ = check(str(pages))
    assert code == 1 and len(records) == 2
    for record in records:
        assert record["file"] not in record["message"]
    lines = run_cli(["pages", "check", str(pages)]).stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert line.count(str(pages)) == 1
        assert ": error: " in line


def test_problem_lines_follow_the_language(pages):
    (pages / "campaign-v7.md").unlink()
    result = run_cli(["pages", "check", str(pages), "--lang", "de"])
    assert result.exit_code == 1 and ": Fehler: " in result.stdout


def test_show_says_when_the_page_is_missing(pages):
    (pages / "campaign-v7.md").unlink()
    result = run_cli(["show", "campaign-v7", "--pages", str(pages)])
    assert result.exit_code == 0
    assert "campaign-v7: its page campaign-v7.md is missing" in result.stderr
