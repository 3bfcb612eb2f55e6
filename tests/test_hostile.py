"""Hostile input (PRODUCT.md section 8): each case gives its documented exit code and one clear
line on stderr, never a traceback; nothing in page text runs or reaches the terminal raw."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from journey_advisor.knowledge.resources import data_dir

from .conftest import run_cli

CONTROL_BYTES = ("\x1b", "\x9b", "\x07", "\x90", "\x9d")


@pytest.fixture
def pages(tmp_path) -> Path:
    """A writable copy of our English pages: a folder with overview.md and the blueprint pages."""
    folder = tmp_path / "pages"
    shutil.copytree(data_dir() / "pages" / "en", folder)
    return folder


def overview(folder: Path) -> Path:
    return folder / "overview.md"


def check(args: list[str], code: int, message: str | None = None, **kw):
    result = run_cli(args, **kw)
    assert result.exit_code == code, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    if message is not None:
        assert message in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result


def list_json(folder: Path, code: int = 0, message: str | None = None):
    return check(["list", "--pages", str(folder), "--format", "json"], code, message)


# Encodings ------------------------------------------------------------------------------------

def test_bom_and_crlf_load_fine(pages):
    text = overview(pages).read_text(encoding="utf-8")
    overview(pages).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert '"campaign-v7"' in list_json(pages).stdout


def test_latin1_bytes_name_file_and_line(pages):
    overview(pages).write_bytes(overview(pages).read_bytes() + b"\n\nCaf\xe9 cr\xe8me\n")
    list_json(pages, 1, "overview.md:24: not valid UTF-8")


def test_binary_data_is_refused(pages):
    overview(pages).write_bytes(b"\x00\x01\x02binary" * 100)
    list_json(pages, 1, "binary data")


# YAML in front matter, rules and answers ------------------------------------------------------

def _front_matter(pages: Path, matter: str) -> None:
    body = overview(pages).read_text(encoding="utf-8").split("---", 2)[2]
    overview(pages).write_text(f"---\n{matter}\n---{body}", encoding="utf-8")


@pytest.mark.parametrize("matter", [
    "title: [unclosed", "- just\n- a list", "title: " + "[" * 20000 + "]" * 20000,
    "".join(" " * i + "k:\n" for i in range(150)), "n: " + "7" * 5000, "", "title: !!python/object/apply:os.system ['touch PWNED']",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\ntitle: *g",
])
@pytest.mark.usefixtures("each_yaml_loader")
def test_bad_front_matter_never_stops_the_page(pages, tmp_path, matter, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _front_matter(pages, matter)
    assert '"journey-optimizer"' in list_json(pages).stdout
    assert not (tmp_path / "PWNED").exists()
    check(["pages", "check", str(pages)], 0)


RULES = (data_dir() / "rules.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("content", "message"), [
    ("rules: [unclosed\n", "rules.yaml:2: invalid YAML"),
    ("x: !!python/object/apply:os.system ['touch PWNED']\n", "invalid YAML"),
    ("- a\n- b\n", "expected a mapping, found a list"),
    ("", "expected a mapping, found nothing"),
    (RULES.replace("tie_break:", "colour: red\ntie_break:"), "colour: unknown key"),
    ("a: " + "[" * 20000 + "]" * 20000 + "\n", "rules.yaml: nested more than 100 levels deep"),
    ("a: " + "[" * 150 + "]" * 150 + "\n", "rules.yaml: nested more than 100 levels deep"),
    ("a: " + "[" * 500 + "]" * 500 + "\n", "rules.yaml: nested more than 100 levels deep"),
    ("a: " + "1" * 5000 + "\n", "rules.yaml: a value cannot be read"),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     + RULES.replace("tie_break: [journey-optimizer, campaign-v8, campaign-v7]", "tie_break: *f"),
     "tie_break[0]: a list is not one of"),
])
@pytest.mark.usefixtures("each_yaml_loader")
def test_hostile_rules_files(tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    rules = tmp_path / "rules.yaml"
    rules.write_text(content, encoding="utf-8")
    check(["recommend", "-t", "triggered", "-c", "email", "--rules", str(rules), "--no-input"], 1, message)
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize(("content", "message"), [
    ("", "no scenarios"),
    ("- {trigger: triggerd, channels: email}\n", "row 1: trigger: unknown value 'triggerd'; did you mean 'triggered'?"),
    ("- {trigger: triggered, channels: email, profiles: -1}\n", "row 1: profiles: '-1' is not a positive"),
    ("- {trigger: triggered, channels: email, messages_per_hour: 99999999999999999999}\n", "beyond any documented scale"),
    ("- {trigger: triggered, channels: ''}\n", "row 1: channels: an answer is required"),
    ("x: !!python/object/apply:os.system ['touch PWNED']\n", "answers.yaml:1: invalid YAML"),
    ("- " + "[" * 20000 + "]" * 20000 + "\n", "answers.yaml: nested more than 100 levels deep"),
    ("- " + "[" * 400 + "]" * 400 + "\n", "answers.yaml: nested more than 100 levels deep"),
    ("".join(" " * (2 * i) + "- x:\n" for i in range(400)), "answers.yaml: nested more than 100 levels deep"),
    ("- {trigger: triggered, channels: email, profiles: " + "9" * 5000 + "}\n",
     "answers.yaml: a value cannot be read"),
])
@pytest.mark.usefixtures("each_yaml_loader")
def test_hostile_answers_files(tmp_path, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    check(["recommend", "--answers", str(answers), "--format", "json"], 2, message)
    assert not (tmp_path / "PWNED").exists()


# Page structure -------------------------------------------------------------------------------

def test_no_table_is_unusable(pages):
    overview(pages).write_text("# Customer journeys\n\nNo table at all.\n", encoding="utf-8")
    list_json(pages, 1, "no blueprint table")


def test_empty_page_is_unusable(pages):
    overview(pages).write_text("", encoding="utf-8")
    list_json(pages, 1, "no blueprint table")


def test_missing_cells_duplicate_and_unknown_rows(pages):
    overview(pages).write_text(
        "| Blueprint | Description | Architecture |\n|---|---|---|\n"
        "| **[Adobe Journey Optimizer](journey-optimizer.md)** |\n"
        "| **[Again](journey-optimizer.md)** | second | x |\n"
        "| **[Elsewhere](unknown-page.md)** | not ours | x |\n", encoding="utf-8")
    data = list_json(pages).stdout
    assert '"name": "Adobe Journey Optimizer"' in data and "Again" not in data
    result = check(["pages", "check", str(pages)], 1)  # blueprints without a row: unusable
    assert "duplicate row for journey-optimizer" in result.stdout
    assert "unknown-page.md, not a blueprint page; ignored" in result.stdout
    assert "no row for campaign-v8" in result.stdout


def test_ten_thousand_rows_are_over_the_page_limit(pages):
    rows = "".join(f"| [Row {i}](page-{i}.md) | text {i} | x |\n" for i in range(10_000))
    text = overview(pages).read_text(encoding="utf-8").replace(
        "|---|---|---|\n", "|---|---|---|\n" + rows, 1)
    overview(pages).write_text(text, encoding="utf-8")
    list_json(pages, 1, "larger than the 65,536 bytes allowed")


def test_rows_beyond_the_table_limit_are_ignored(pages):
    rows = "".join(f"|[R](p{i}.md)|t|x|\n" for i in range(1_500))
    text = overview(pages).read_text(encoding="utf-8").replace(
        "|---|---|---|\n", "|---|---|---|\n" + rows, 1)
    overview(pages).write_text(text, encoding="utf-8")
    list_json(pages)
    result = check(["pages", "check", str(pages)], 1)  # the real rows are past the limit
    assert "table has 1502 rows; only the first 1000 are read" in result.stdout


@pytest.mark.parametrize("deep", [
    ">" * 20_000 + " quote\n",
    "".join("  " * i + "- item\n" for i in range(240)),
    "[!DNL " * 5_000 + "x" + "]" * 5_000 + "\n",
    "*" * 20_000 + "x" + "*" * 20_000 + "\n",
    "[" * 20_000 + "x" + "](y)" * 2_000 + "\n",
    "<ul>" * 10_000 + "\n",
    "[\n" * 25_000,
])
def test_deep_nesting(pages, deep):
    overview(pages).write_text(overview(pages).read_text(encoding="utf-8") + "\n" + deep, encoding="utf-8")
    list_json(pages)
    (pages / "journey-optimizer.md").write_text(deep, encoding="utf-8")
    check(["show", "journey-optimizer", "--pages", str(pages), "--format", "json"], 0)


def test_page_far_over_the_limit_is_refused(pages):
    with open(overview(pages), "ab") as handle:
        handle.write(b"x" * 50_000_000)
    list_json(pages, 1, "larger than the 65,536 bytes allowed")


# Filesystem -----------------------------------------------------------------------------------

def test_missing_folder(tmp_path):
    list_json(tmp_path / "nope", 1, "no such folder")


def test_file_where_a_folder_is_expected(pages):
    list_json(overview(pages), 1, "is a file, not a folder")


def test_folder_where_a_file_is_expected(pages, tmp_path):
    overview(pages).unlink()
    overview(pages).mkdir()
    list_json(pages, 1, "no overview.md here")
    check(["recommend", "-t", "triggered", "-c", "email", "--rules", str(tmp_path), "--no-input"], 1, "is a folder")


def test_symlink_out_of_the_pages_folder_is_refused(pages, tmp_path):
    outside = tmp_path / "outside.md"
    shutil.copy(overview(pages), outside)
    overview(pages).unlink()
    overview(pages).symlink_to(outside)
    list_json(pages, 1, "leads outside the pages folder")


def test_blueprint_page_symlinked_out_is_refused(pages, tmp_path):
    (tmp_path / "secret.md").write_text("# secret\n\n## Use cases\n\n- leaked\n", encoding="utf-8")
    (pages / "campaign-v8.md").unlink()
    (pages / "campaign-v8.md").symlink_to(tmp_path / "secret.md")
    result = check(["show", "campaign-v8", "--pages", str(pages), "--format", "json"], 1, "leads outside")
    assert "leaked" not in result.stdout


def test_symlink_loop_does_not_hang(pages):
    overview(pages).unlink()
    (pages / "loop-a.md").symlink_to(pages / "loop-b.md")
    (pages / "loop-b.md").symlink_to(pages / "loop-a.md")
    overview(pages).symlink_to(pages / "loop-a.md")
    list_json(pages, 1)


# Text injection -------------------------------------------------------------------------------

INJECTED = ("[bold red]BOOM[/] [link=http://evil.example]click[/link] "
            "\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\ \x9b31m \x90dcs\x9c")


@pytest.mark.parametrize("output_format", ["table", "json", "yaml", "markdown"])
def test_markup_and_control_sequences_stay_inert(pages, output_format):
    text = overview(pages).read_text(encoding="utf-8")
    start = text.index("| **[Adobe Journey Optimizer](journey-optimizer.md)** | ") + len(
        "| **[Adobe Journey Optimizer](journey-optimizer.md)** | ")
    overview(pages).write_text(text[:start] + INJECTED + " " + text[start:], encoding="utf-8")
    (pages / "journey-optimizer.md").write_text(
        "# T\n\n## Use cases\n\n- " + INJECTED + "\n", encoding="utf-8")
    for args in (["recommend", "-t", "triggered", "-c", "email", "--no-input"], ["list"],
                 ["show", "journey-optimizer"]):
        result = check(args + ["--pages", str(pages), "--format", output_format], 0)
        assert not any(c in result.stdout for c in CONTROL_BYTES)
        if output_format == "table":
            assert "[bold red]BOOM[/]" in result.stdout


# Process --------------------------------------------------------------------------------------

def _command() -> list[str]:
    return [sys.executable, "-m", "journey_advisor"]


def test_stdout_closed_early_ends_quietly():
    for args in (["compare"], ["compare", "--format", "json"], ["list", "--format", "markdown"]):
        reader = subprocess.Popen(_command() + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        reader.stdout.read(20)
        reader.stdout.close()
        stderr = reader.stderr.read().decode()
        reader.wait(timeout=60)
        assert "Traceback" not in stderr and "Error" not in stderr


def _pty_run(keys: list[bytes]) -> tuple[int, str]:
    import fcntl
    import pty
    import termios

    def controlling_terminal() -> None:  # so Ctrl-C on the pty becomes SIGINT, as in a shell
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # even when the tests run with it ignored

    master, slave = pty.openpty()
    process = subprocess.Popen(_command() + ["recommend"], stdin=slave, stdout=slave, stderr=slave,
                               env={**os.environ, "TERM": "dumb", "COLUMNS": "100"},
                               preexec_fn=controlling_terminal)
    os.close(slave)
    output = b""
    try:
        for key in keys:
            output += _read_until_prompt(master)
            os.write(master, key)
        process.wait(timeout=60)
        output += _drain(master)
    finally:
        os.close(master)
        if process.poll() is None:
            process.kill()
    return process.returncode, output.decode("utf-8", "replace")


def _read_until_prompt(master: int) -> bytes:
    import select

    seen = b""
    deadline = time.monotonic() + 30
    while not seen.endswith(b"> ") and time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
    return seen


def _drain(master: int) -> bytes:
    import select

    data = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if not ready:
            return data
        try:
            chunk = os.read(master, 4096)
        except OSError:
            return data
        if not chunk:
            return data
        data += chunk


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or sys.platform == "win32", reason="needs a pty")
def test_ctrl_c_at_a_prompt_is_exit_130():
    code, output = _pty_run([b"\x03"])
    assert code == 130 and "Traceback" not in output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_end_of_input_at_a_prompt_is_exit_2():
    code, output = _pty_run([b"triggered\r", b"\x04"])
    assert code == 2 and "--channel" in output and "Traceback" not in output


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_questions_in_a_terminal_end_with_a_recommendation():
    from journey_advisor.knowledge import catalog

    others = len(catalog.rules().questions) - 2  # Enter keeps each default, then the summary
    code, output = _pty_run([b"triggered\r", b"email\r"] + [b"\r"] * (others + 1))
    assert code == 0 and "Adobe Journey Optimizer" in output
