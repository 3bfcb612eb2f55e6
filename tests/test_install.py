"""A real, non-editable install of the built wheel, run from another directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import REPO

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (the test extra)")
    work = tmp_path_factory.mktemp("install")
    wheels = work / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(REPO)],
        capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stdout + build.stderr
    wheel = next(wheels.glob("journey_advisor-*.whl"))
    target = work / "site"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    elsewhere = work / "elsewhere"
    elsewhere.mkdir()
    # The target comes first on the path, so it shadows any editable install of the checkout.
    env = {**os.environ, "PYTHONPATH": str(target), "LANG": "C"}
    return target, elsewhere, env


def test_installed_copy_uses_its_own_data(installed):
    target, elsewhere, env = installed
    where = subprocess.run(
        [sys.executable, "-c", "import journey_advisor.knowledge.resources as r; print(r.data_dir())"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60)
    assert where.stdout.strip() == str(target / "journey_advisor" / "data")
    assert (target / "journey_advisor" / "data" / "pages" / "zh-Hant" / "overview.md").is_file()


def test_installed_copy_recommends_from_another_directory(installed):
    _, elsewhere, env = installed
    completed = subprocess.run(
        [sys.executable, "-m", "journey_advisor", "recommend", "-t", "triggered", "-c", "email",
         "--format", "json", "--lang", "fr"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert data["recommendation"]["id"] == "journey-optimizer"
    assert data["recommendation"]["description"]
