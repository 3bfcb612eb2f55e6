"""Shared fixtures: the bundled knowledge, a fixed terminal, and a clean language environment."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from journey_advisor import catalog
from journey_advisor.models import Answers

REPO = Path(__file__).resolve().parent.parent
UPSTREAM = REPO.parent / "shared" / "upstream"
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Every test run parses into its own cache folder, never the user's."""
    from journey_advisor import cache

    os.environ[cache.CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    cache.cache_dir.cache_clear()
    yield
    cache.cache_dir.cache_clear()


@pytest.fixture(autouse=True)
def plain_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stable rich output (fixed width, no colour) and English unless a test says otherwise."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TERM", "dumb")
    for name in LANGUAGE_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def facts():
    return catalog.facts()


@pytest.fixture(scope="session")
def rules():
    return catalog.rules()


def answers(trigger: str = "triggered", channels: tuple[str, ...] = ("email",), **kw: Any) -> Answers:
    return Answers(trigger=trigger, channels=tuple(channels), deployment=kw.pop("deployment", "cloud"),
                   data=kw.pop("data", "any"), **kw)


def run_cli(args: list[str], env: dict[str, str] | None = None, input: str | None = None):
    """Invoke the app through typer's runner, as the command line builds it."""
    from typer.testing import CliRunner

    from journey_advisor.cli import build_app, make_session

    environment = env or {}
    app = build_app(make_session(args, environment))
    return CliRunner().invoke(app, args, env=environment, input=input)


def run_json(args: list[str], **kw: Any) -> tuple[int, Any]:
    result = run_cli(args + ["--format", "json", "--no-input"], **kw)
    return result.exit_code, (json.loads(result.stdout) if result.stdout.strip() else None)


@pytest.fixture(params=["libyaml", "pure-python"])
def each_yaml_loader(request, monkeypatch):
    """Run a test with PyYAML's libyaml loader and with its pure-Python one: the outcome must not
    depend on how PyYAML was built. The cache is off so neither run sees the other's results."""
    import yaml

    from journey_advisor import cache, files

    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("this PyYAML was built without libyaml")
        monkeypatch.setattr(files, "safe_loader", lambda: yaml.CSafeLoader)
    else:
        monkeypatch.setattr(files, "safe_loader", lambda: yaml.SafeLoader)
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    cache.cache_dir.cache_clear()
    yield request.param
    cache.cache_dir.cache_clear()
