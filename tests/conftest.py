"""Shared fixtures: the bundled knowledge, a fixed terminal, and a clean language environment."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from journey_advisor.knowledge import catalog
from journey_advisor.models import Answers

REPO = Path(__file__).resolve().parent.parent
UPSTREAM = REPO.parent / "shared" / "upstream"
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Every test run parses into its own cache folder, never the user's."""
    from journey_advisor.knowledge import cache

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


class CliResult(NamedTuple):
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(args: list[str], env: dict[str, str] | None = None, input: str | None = None) -> CliResult:
    """Run the real entry point, `cli.main.run`, with `env` added to the environment and the
    standard streams captured (standard input is `input`, or empty)."""
    import contextlib
    import io
    import sys
    from unittest import mock

    from journey_advisor.cli.main import run

    environment = env or {}
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    stdin = io.TextIOWrapper(io.BytesIO((input or "").encode("utf-8")), encoding="utf-8")
    with mock.patch.dict(os.environ, environment), mock.patch.object(sys, "stdin", stdin), \
            contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = run(list(args), {**os.environ})
    stdout.flush()
    stderr.flush()
    return CliResult(code, stdout.buffer.getvalue().decode("utf-8"),
                     stderr.buffer.getvalue().decode("utf-8"))


def run_json(args: list[str], **kw: Any) -> tuple[int, Any]:
    result = run_cli(args + ["--format", "json", "--no-input"], **kw)
    return result.exit_code, (json.loads(result.stdout) if result.stdout.strip() else None)


@pytest.fixture(params=["libyaml", "pure-python"])
def each_yaml_loader(request, monkeypatch):
    """Run a test with PyYAML's libyaml loader and with its pure-Python one: the outcome must not
    depend on how PyYAML was built. The cache is off so neither run sees the other's results."""
    import yaml

    from journey_advisor.knowledge import cache, files

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
