"""The cache of parsed data: keyed by content, rebuilt when the data changes, corrupt entries
ignored, no caching when turned off or unwritable."""

from __future__ import annotations

import json
import os

import pytest

from journey_advisor.errors import DataError
from journey_advisor.knowledge import cache
from journey_advisor.knowledge.files import read_yaml


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    cache.cache_dir.cache_clear()
    yield tmp_path / "cache"
    cache.cache_dir.cache_clear()


def test_second_read_comes_from_the_cache(folder, tmp_path):
    calls = []

    def build():
        calls.append(1)
        return {"parsed": True}

    assert cache.cached("text", "salt", build) == {"parsed": True}
    assert cache.cached("text", "salt", build) == {"parsed": True}
    assert len(calls) == 1
    assert len(list(folder.glob("*.json"))) == 1


def test_changed_data_is_parsed_again(folder, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 1}
    path.write_text("a: 2\n", encoding="utf-8")
    assert read_yaml(path) == {"a": 2}
    assert len(list(folder.glob("*.json"))) == 2


def test_salt_and_code_are_part_of_the_key():
    assert cache.key_for("same", "a") != cache.key_for("same", "b")
    assert cache.key_for("same", "a") == cache.key_for("same", "a")


@pytest.mark.parametrize("garbage", ["{not json", "[]", '{"key": "other", "data": 1}', "", '{"key": null}'])
def test_corrupt_entry_is_ignored_and_rebuilt(folder, tmp_path, garbage):
    path = tmp_path / "data.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    read_yaml(path)
    (entry,) = folder.glob("*.json")
    entry.write_text(garbage, encoding="utf-8")
    assert read_yaml(path) == {"a": 1}
    assert json.loads(entry.read_text(encoding="utf-8"))["data"] == {"a": 1}


def test_errors_are_not_cached(folder, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("a: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError):
            read_yaml(path)
    assert not list(folder.glob("*.json"))


def test_off_means_no_files(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    cache.cache_dir.cache_clear()
    try:
        assert cache.cached("t", "s", lambda: 5) == 5
        assert cache.cache_dir() is None
    finally:
        cache.cache_dir.cache_clear()


def test_unwritable_folder_still_answers(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    cache.cache_dir.cache_clear()
    try:
        assert cache.cached("t", "s", lambda: [1, 2]) == [1, 2]
    finally:
        cache.cache_dir.cache_clear()


def test_values_that_are_not_json_are_returned_uncached(folder):
    import datetime

    assert cache.cached("t", "s", lambda: {"d": datetime.date(2025, 8, 25)}) == {
        "d": datetime.date(2025, 8, 25)}
    assert not list(folder.glob("*.json"))
    assert not [p for p in folder.glob(".*") if p.name.endswith(".tmp")] if folder.exists() else True


@pytest.mark.slow
def test_concurrent_processes_share_the_cache(folder):
    import subprocess
    import sys

    env = {**os.environ, cache.CACHE_ENV: str(folder)}
    code = ("from journey_advisor.cli.main import run; import sys; "
            "sys.exit(run(['recommend','-t','triggered','-c','email','--format','json','--no-input'], {}))")
    processes = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE)
                 for _ in range(6)]
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert all(p.returncode == 0 for p in processes)
    assert len(set(outputs)) == 1
    assert not list(folder.glob(".*.tmp"))
