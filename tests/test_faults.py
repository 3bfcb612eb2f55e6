"""Any environment, any fault (PRODUCT.md section 11): closed, full and broken standard streams,
encodings that lack our characters, odd COLUMNS, no HOME, unreadable folders, names too long,
numbers of any length, SIGTERM. Each case runs the real process and asserts its exit code, one
line of stderr and no traceback."""

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

pytestmark = pytest.mark.slow

RECOMMEND = ["recommend", "-t", "triggered", "-c", "email", "--no-input"]
FORMATS = ("table", "json", "yaml", "markdown")


def environment(**changes: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR")}
    env["JOURNEY_ADVISOR_CACHE"] = "off"
    for name, value in changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def shell(command: str, env: dict[str, str] | None = None, cwd: Path | None = None
          ) -> subprocess.CompletedProcess:
    """Run `journey-advisor` (as `python -m journey_advisor`) inside a shell line, for
    redirections that Python's subprocess cannot express (`>&-`)."""
    line = command.replace("journey-advisor", f"{sys.executable} -m journey_advisor")
    return subprocess.run(["bash", "-c", line], env=env or environment(), cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def no_traceback(completed: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in completed.stderr, completed.stderr
    assert "Exception ignored" not in completed.stderr, completed.stderr


# Standard streams -------------------------------------------------------------------------------

@pytest.mark.parametrize("output_format", FORMATS)
def test_closed_stdout_is_one_message_and_exit_1(output_format):
    completed = shell(f"journey-advisor {' '.join(RECOMMEND)} -o {output_format} >&-")
    no_traceback(completed)
    assert completed.returncode == 1
    assert completed.stderr.strip().splitlines() == [
        "Error: standard output cannot be written (Bad file descriptor)"]


@pytest.mark.parametrize("output_format", FORMATS)
def test_full_stdout_is_one_message_and_exit_1(output_format):
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full")
    completed = shell(f"journey-advisor {' '.join(RECOMMEND)} -o {output_format} > /dev/full")
    no_traceback(completed)
    assert completed.returncode == 1
    assert "standard output cannot be written" in completed.stderr


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_closed_pipe_ends_quietly_with_exit_1(tmp_path, output_format):
    rows = "".join(f"- {{trigger: triggered, channels: email, profiles: {n + 1}}}\n" for n in range(3000))
    batch = tmp_path / "many.yaml"
    batch.write_text(rows, encoding="utf-8")
    completed = shell(f"journey-advisor recommend --answers {batch} -o {output_format} | head -c 100 > /dev/null"
                      "; exit ${PIPESTATUS[0]}")
    no_traceback(completed)
    assert completed.returncode == 1 and completed.stderr == ""


def test_closed_stdin_without_answers_names_the_flag():
    completed = shell("journey-advisor recommend -c email <&-")
    no_traceback(completed)
    assert completed.returncode == 2 and "--trigger" in completed.stderr


def test_closed_stdin_for_an_answers_file():
    completed = shell("journey-advisor recommend --answers - <&-")
    no_traceback(completed)
    assert completed.returncode == 2
    assert completed.stderr.strip() == "Error: <stdin>: standard input is closed"


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
@pytest.mark.parametrize("args", [RECOMMEND + ["--lang", "ja"], ["compare", "--lang", "zh-Hans"],
                                  RECOMMEND + ["--lang", "de", "-o", "markdown"]])
def test_narrow_encodings_degrade_characters(encoding, args):
    completed = subprocess.run([sys.executable, "-m", "journey_advisor", *args],
                               env=environment(PYTHONIOENCODING=encoding), capture_output=True,
                               timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert b"Traceback" not in completed.stderr
    completed.stdout.decode(encoding)  # only characters the encoding has
    assert b"?" in completed.stdout


# Terminal width ---------------------------------------------------------------------------------

@pytest.mark.parametrize("columns", ["0", "1", "-5", "99999999999", "abc", ""])
def test_any_columns_value_gives_the_whole_table(columns):
    completed = subprocess.run([sys.executable, "-m", "journey_advisor", "compare"],
                               env=environment(COLUMNS=columns), capture_output=True, text=True,
                               timeout=120)
    assert completed.returncode == 0 and "Traceback" not in completed.stderr
    assert completed.stdout.count("deprecated") >= 1 and "direct" in completed.stdout
    widest = max(len(line) for line in completed.stdout.splitlines())
    assert 60 <= widest <= 1000


# Home, folders, names ---------------------------------------------------------------------------

@pytest.mark.parametrize("home", [None, "/nonexistent/home", "relative"])
def test_no_usable_home_creates_nothing(tmp_path, home):
    env = environment(HOME=home, XDG_CACHE_HOME=None, JOURNEY_ADVISOR_CACHE=None)
    completed = subprocess.run([sys.executable, "-m", "journey_advisor", *RECOMMEND, "-o", "json"],
                               env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert list(tmp_path.iterdir()) == []
    assert not Path("/nonexistent").exists()


@pytest.fixture
def locked(monkeypatch):
    """Make every path under a folder unreadable, as for a user without permission (the tests
    may run as root, for whom permissions do not apply)."""
    import errno

    real_stat = Path.stat

    def lock(folder: Path) -> None:
        def stat(self, *args, **kwargs):
            if self == folder or folder in self.parents:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return real_stat(self, *args, **kwargs)

        monkeypatch.setattr(Path, "stat", stat)

    return lock


@pytest.mark.parametrize("which", ["folder", "locale"])
def test_unreadable_pages_folder_is_named(tmp_path, locked, which):
    pages = tmp_path / "pages"
    shutil.copytree(data_dir() / "pages", pages)
    locked(pages if which == "folder" else pages / "en")
    for args in (["list", "--pages", str(pages)], ["pages", "check", str(pages)],
                 ["list", "--pages", str(pages / "en")]):
        result = run_cli(args)
        assert result.exit_code == 1 and "Traceback" not in result.output
        (line,) = result.stderr.strip().splitlines()
        assert "cannot be read (Permission denied)" in line


@pytest.mark.parametrize("args", [
    ["list", "--pages", "/tmp/" + "n" * 300], ["pages", "check", "/tmp/" + "n" * 300],
    ["recommend", "-t", "triggered", "-c", "email", "--rules", "/tmp/" + "n" * 300 + "/r.yaml"],
    ["recommend", "--answers", "/tmp/" + "n" * 300],
])
def test_names_longer_than_the_system_allows(args):
    result = run_cli(args)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert "File name too long" in line and len(line) < 200


# Numbers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["9" * 5000, "9" * 400 + "M", "1" + "0" * 20 + "k", "-" + "9" * 5000])
def test_counts_of_any_length_are_exit_2(value):
    result = run_cli(RECOMMEND + ["--profiles", value])
    assert result.exit_code == 2 and "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: --profiles: ") and len(line) < 250


@pytest.mark.parametrize("cell", ["9" * 5000, "9" * 400 + "M"])
def test_counts_of_any_length_in_an_answers_file(tmp_path, cell):
    path = tmp_path / "s.csv"
    path.write_text(f"trigger,channels,profiles\ntriggered,email,{cell}\n", encoding="utf-8")
    result = run_cli(["recommend", "--answers", str(path), "-o", "json"])
    assert result.exit_code == 2 and "row 1: profiles:" in result.stderr
    assert len(result.stderr) < 300


# Signals ----------------------------------------------------------------------------------------

def test_sigterm_ends_a_batch_cleanly(tmp_path):
    rows = "".join(f"- {{trigger: scheduled, channels: [email, sms], profiles: {n + 1}}}\n"
                   for n in range(60_000))
    batch = tmp_path / "long.yaml"
    batch.write_text(rows, encoding="utf-8")
    cache = tmp_path / "cache"
    process = subprocess.Popen([sys.executable, "-m", "journey_advisor", "recommend", "--answers",
                                str(batch), "-o", "json"],
                               env=environment(JOURNEY_ADVISOR_CACHE=str(cache)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert "Traceback" not in stderr
    assert process.returncode in (143, 0, 3), stderr  # 0/3: it finished first
    if process.returncode == 143:
        assert stderr.strip().endswith("Terminated.")
    assert not list(cache.glob(".*.tmp")) if cache.exists() else True
