"""The parser's own words ("Usage", "Options", "No such option"...) in every locale, with the
typer and click this suite runs on (CI runs it with the lowest supported versions too)."""

from __future__ import annotations

import pytest

from journey_advisor.core.linebreak import text_width
from journey_advisor.core.locale import SUPPORTED
from journey_advisor.knowledge import catalog
from tests.conftest import run_cli

ENGLISH_WORDS = ("Usage:", "Options:", "Commands:", "Show this message and exit.",
                 "Install completion for the current shell.", "[default: ", "Try '")


@pytest.mark.parametrize("locale", SUPPORTED)
def test_help_is_in_the_language_and_fits_the_terminal(locale):
    t = catalog.localizer([locale])
    for args in (["--help"], ["recommend", "--help"], ["show", "--help"]):
        result = run_cli(args + ["--lang", locale], env={"COLUMNS": "80"})
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert out.startswith(t.labelled(t.text("parser.usage"), "") + "journey-advisor"), out[:80]
        assert t.heading(t.text("parser.options")) in out.splitlines()
        assert t.text("parser.help") in " ".join(out.split()) or t.text("parser.help") in out
        if locale != "en":
            for english in ENGLISH_WORDS:
                assert english not in out, (args, english)
        assert all(text_width(line) <= 80 for line in out.splitlines()), args
    top = run_cli(["--help", "--lang", locale]).stdout
    assert t.heading(t.text("parser.commands")) in top.splitlines()
    assert t.text("parser.install_completion")[:8] in top
    assert "..." not in top.replace("[ARGS]...", "")  # command summaries are never cut
    recommend = run_cli(["recommend", "--help", "--lang", locale]).stdout
    note = "[" + t.text("parser.default", default="table") + "]"
    assert "".join(note.split()) in "".join(recommend.split())


@pytest.mark.parametrize(("locale", "args", "expected"), [
    ("ja", ["recommend", "--bogus"], "エラー: そのようなオプションはありません: --bogus"),
    ("de", ["show"], "Fehler: Fehlendes Argument"),
    ("fr", ["list", "extra"], "Erreur\u00a0: Argument supplémentaire inattendu\u00a0: extra"),
    ("fr", ["list", "one", "two"], "Arguments supplémentaires inattendus\u00a0: one two"),
    ("zh-Hans", ["bogus"], "错误：没有此命令：'bogus'"),
    ("ko", ["recommend", "-t"], "오류: -t 옵션에는 값이 필요합니다."),
    ("es", ["recommend", "--lan", "es"], "Error: No existe la opción: --lan"),
])
def test_parser_errors_are_in_the_language(locale, args, expected):
    result = run_cli(args + ["--lang", locale] if args[-1] != "-t" else ["--lang", locale] + args)
    assert result.exit_code == 2
    assert expected in result.stderr.replace("'-t'", "-t"), result.stderr
    assert "Error: No such" not in result.stderr and "Usage:" not in result.stderr


def test_a_usage_error_shows_the_usage_and_the_help_hint_in_the_language():
    result = run_cli(["recommend", "--bogus", "--lang", "de"])
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Aufruf: journey-advisor recommend")
    assert lines[1] == "Hilfe gibt es mit 'journey-advisor recommend -h'."
    assert lines[-1].startswith("Fehler: Unbekannte Option: --bogus")


@pytest.mark.parametrize("locale", SUPPORTED)
def test_every_parser_message_is_translated_with_its_placeholders(locale):
    t = catalog.localizer([locale])
    english = catalog.localizer(["en"])
    from journey_advisor.cli.parser_words import message, message_keys

    samples = {"parser.no_such_option": "No such option: --x", "parser.missing_argument":
               "Missing argument 'ID'.", "parser.missing_option": "Missing option '--x'.",
               "parser.missing_command": "Missing command.", "parser.no_such_command":
               "No such command 'x'.", "parser.extra_arguments": "Got unexpected extra argument (x)",
               "parser.requires_value": "Option '-t' requires an argument.",
               "parser.takes_no_value": "Option '--explain' does not take a value.",
               "parser.invalid_value": "Invalid value for '--x': bad"}
    assert message_keys() == set(samples)
    for key, sample in samples.items():
        translated = message(sample, t)
        assert translated.strip()
        if locale != "en":
            assert translated != sample and translated != message(sample, english), key
