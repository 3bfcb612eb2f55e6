"""Shell completion of option values through typer's own completion entry point (the
environment variables the installed bash and zsh scripts set), and the help that lists values."""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from unittest import mock

import pytest

from journey_advisor.cli.completion import matches
from journey_advisor.core.locale import SUPPORTED
from journey_advisor.vocabulary import BLUEPRINT_IDS, FLAGS, FORMATS, QUESTION_OPTIONS

from ..conftest import run_cli

COMPLETE_VAR = "_JOURNEY_ADVISOR_COMPLETE"


def complete(words: str, shell: str = "bash", env: dict[str, str] | None = None) -> list[str]:
    """What the shell would be offered for the command line `words` (its last word is the one
    being completed; a trailing space starts a new word)."""
    from journey_advisor.cli.main import run

    parts = words.split(" ")
    variables = {COMPLETE_VAR: f"complete_{shell}", **(env or {})}
    if shell == "bash":
        variables.update(COMP_WORDS=words, COMP_CWORD=str(len(parts) - 1))
    else:
        variables["_TYPER_COMPLETE_ARGS"] = words
    out = io.StringIO()
    with mock.patch.dict(os.environ, variables), contextlib.redirect_stdout(out), \
            pytest.raises(SystemExit):
        run(parts[1:-1] if shell == "bash" else [], dict(os.environ))
    return out.getvalue().splitlines()


# Every question with fixed options, found from the vocabulary: a new one is checked too.
ANSWER_FLAGS = [(FLAGS.get(q, "--" + q), options) for q, options in QUESTION_OPTIONS.items()]


@pytest.mark.parametrize(("flag", "options"), ANSWER_FLAGS + [("--format", FORMATS),
                                                              ("--lang", SUPPORTED)])
def test_every_option_with_fixed_values_completes_them(flag, options):
    assert complete(f"journey-advisor recommend {flag} ") == list(options)


def test_prefixes_and_list_items_complete():
    assert complete("journey-advisor recommend --channel e") == ["email"]
    assert complete("journey-advisor recommend --channel email,p") == ["email,push"]
    assert "email,email" not in complete("journey-advisor recommend -c email,")
    assert complete("journey-advisor compare --deployment on") == ["on-premise"]
    assert complete("journey-advisor recommend -L zh") == ["zh-Hans", "zh-Hant"]
    assert complete("journey-advisor show --format m") == ["markdown", "mermaid"]


def test_blueprint_ids_complete_for_show():
    assert complete("journey-advisor show ") == list(BLUEPRINT_IDS)
    assert complete("journey-advisor show campaign") == ["campaign-v8", "campaign-v7"]


def test_a_value_that_matches_nothing_is_left_as_typed_never_file_names():
    assert complete("journey-advisor recommend --trigger zzz") == ["zzz"]
    zsh = "\n".join(complete("journey-advisor recommend --data zzz", shell="zsh"))
    assert "_files" not in zsh


def test_zsh_shows_the_localized_terms_beside_the_values():
    offered = "\n".join(complete("journey-advisor recommend --channel ", shell="zsh",
                                 env={"LANG": "de_DE.UTF-8"}))
    assert offered.startswith("_arguments") and '"push":"Push-Benachrichtigungen"' in offered


def test_paths_still_complete_as_files():
    assert complete("journey-advisor recommend --pages ") in ([], [""])  # bash falls back to files
    assert "_files" in complete("journey-advisor recommend --answers ", shell="zsh")


def test_matches_unit():
    assert matches("", ("a", "b")) == [("a", ""), ("b", "")]
    assert matches("A", ("alpha", "beta"), str.upper) == [("alpha", "ALPHA")]
    assert matches("x;b", ("alpha", "beta"), several=True) == [("x;beta", "")]


def test_help_lists_the_values_never_type_names():
    # A long list of values breaks after a "|" to fit 80 cells (issue 14); read it joined.
    text = re.sub(r"\|\n\s+", "|", run_cli(["recommend", "--help"]).stdout)
    for flag, options in ANSWER_FLAGS:
        assert f"{flag} {'|'.join(options)}" in text
    assert "--format table|json|yaml|markdown" in text and "--profiles N" in text
    assert "<str>" not in text and "<list[str]>" not in text and "TEXT" not in text
    for args in (["show", "--help"], ["compare", "--help"], ["pages", "check", "--help"], ["--help"]):
        assert "<str>" not in run_cli(args).stdout


def test_top_level_help_ends_with_examples_and_whole_summaries():
    text = run_cli(["--help"]).stdout
    lines = text.rstrip().splitlines()
    assert lines[-1].strip().startswith("journey-advisor ")
    assert "Examples:" in text
    commands = text.split("Commands:", 1)[1].split("\n\n", 1)[0]
    assert "..." not in commands and "…" not in commands  # no command summary is cut
    assert "guardrails, integration patterns." in " ".join(text.split())
    german = run_cli(["--help"], env={"LANG": "de_DE.UTF-8"}).stdout
    assert "Beispiele:" in german


def test_no_input_is_shown_only_where_something_is_asked():
    assert "--no-input" in run_cli(["recommend", "--help"]).stdout
    for command in ("list", "show", "compare", "languages"):
        assert "--no-input" not in run_cli([command, "--help"]).stdout
    # still accepted, so scripts that pass it everywhere keep working
    assert run_cli(["list", "--no-input", "--format", "json"]).exit_code == 0


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell")
def test_the_installed_bash_script_completes_values(tmp_path):
    import shutil
    import subprocess

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    script = subprocess.run([sys.executable, "-m", "journey_advisor", "--show-completion", "bash"],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "SHELL": bash}).stdout
    assert "complete" in script
    wrapper = tmp_path / "journey-advisor"
    wrapper.write_text(f"#!/bin/sh\nexec {sys.executable} -m journey_advisor \"$@\"\n")
    wrapper.chmod(0o755)
    probe = (f"export PATH={tmp_path}:$PATH\n{script}\n"
             "COMP_WORDS=(journey-advisor recommend --channel p); COMP_CWORD=3\n"
             "_journey_advisor_completion journey-advisor; printf '%s\\n' \"${COMPREPLY[@]}\"\n")
    shown = subprocess.run([bash, "--norc", "-c", probe], capture_output=True, text=True, timeout=60)
    assert shown.stdout.split() == ["push"]
