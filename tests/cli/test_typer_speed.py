"""typer_speed: every option of every command skips typer's pydantic coercion, and a typer whose
internals differ falls back to its own (slower, correct) path instead of failing."""

from __future__ import annotations

import pytest

from journey_advisor.cli import typer_speed
from journey_advisor.cli.app import build_app
from journey_advisor.cli.session import make_session

from ..conftest import run_cli


def _commands():
    import typer

    app = typer.main.get_command(build_app(make_session([], {})))
    yield app
    for command in app.commands.values():
        yield command
        yield from getattr(command, "commands", {}).values()


def _coerces_with_pydantic() -> bool:
    import importlib.util

    return importlib.util.find_spec("typer._coercion") is not None


needs_coercion = pytest.mark.skipif(not _coerces_with_pydantic(),
                                    reason="this typer (before 0.29) has no pydantic coercion to skip")


@needs_coercion
def test_installed_typer_is_the_expected_one():
    assert typer_speed.typer_is_as_expected()


@needs_coercion
def test_every_option_is_passed_through():
    seen = 0
    for command in _commands():
        for param in command.get_params(command.context_class(command)):
            if hasattr(param, "type_descriptor"):
                assert param._runtime_param is typer_speed.AS_GIVEN, (command.name, param.name)
                seen += 1
    assert seen > 40


@pytest.fixture
def unexpected_typer(monkeypatch):
    monkeypatch.setattr(typer_speed, "typer_is_as_expected", lambda: False)


@pytest.mark.usefixtures("unexpected_typer")
def test_an_unexpected_typer_takes_its_own_path():
    for command in _commands():
        for param in command.get_params(command.context_class(command)):
            assert getattr(param, "_runtime_param", None) is not typer_speed.AS_GIVEN
    result = run_cli(["recommend", "-t", "triggered", "-c", "email,sms", "--format", "json"])
    assert result.exit_code == 0 and '"journey-optimizer"' in result.stdout


def test_as_given_keeps_strings_and_lists():
    assert typer_speed.AS_GIVEN.coerce("200M") == "200M"
    assert typer_speed.AS_GIVEN.coerce(("a", "b")) == ["a", "b"]
