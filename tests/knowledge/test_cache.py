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


# Validated data only, bounded, written safely (issue: fresh machine and any fault) ------------

BOMB = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n")


def test_data_its_validator_refuses_is_never_stored(folder, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text(BOMB, encoding="utf-8")

    def refuse(data):
        raise DataError("error.invalid_data", "{file}: {details}", file="x", details="no")

    with pytest.raises(DataError):
        read_yaml(path, refuse)
    assert not folder.exists() or not list(folder.iterdir())


def test_alias_bomb_rules_file_leaves_nothing_in_the_cache(folder, tmp_path):
    from ..conftest import run_cli

    rules = tmp_path / "rules.yaml"
    rules.write_text(BOMB, encoding="utf-8")
    result = run_cli(["recommend", "-t", "triggered", "-c", "email", "--rules", str(rules),
                      "--no-input", "--format", "json"])
    assert result.exit_code == 1
    sizes = [p.stat().st_size for p in folder.iterdir()] if folder.exists() else []
    assert all(size < 200_000 for size in sizes)
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")] if folder.exists() else True


def test_an_entry_never_holds_much_more_than_its_source():
    assert cache.bounded_json({"a": ["x" * 10] * 10}, 1000) is not None
    bomb = ["x"] * 10
    for _ in range(6):
        bomb = [bomb] * 10  # a million leaves, shared: cheap in memory, huge as JSON
    assert cache.bounded_json(bomb, 100_000) is None
    assert cache.bounded_json({"d": object()}, 1000) is None


def test_a_planted_symlink_is_neither_read_nor_followed(folder, tmp_path):
    target = tmp_path / "victim.txt"
    target.write_text("precious", encoding="utf-8")
    folder.mkdir(parents=True)
    entry = folder / f"{cache.key_for('t', 's')}.json"
    entry.symlink_to(target)
    assert cache.cached("t", "s", lambda: {"fresh": 1}) == {"fresh": 1}
    assert target.read_text(encoding="utf-8") == "precious"
    assert not entry.is_symlink()


def test_text_read_back_is_inert_and_tampered_entries_are_rebuilt(folder, tmp_path):
    path = tmp_path / "data.yaml"
    path.write_text("title: plain\n", encoding="utf-8")
    assert read_yaml(path) == {"title": "plain"}
    (entry,) = folder.glob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["data"] = {"title": "\x1b[31mred\x1b]8;;http://x\x07"}
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert read_yaml(path) == {"title": "red"}

    def needs_plain(data):
        if data.get("title") != "plain":
            raise KeyError("title")
        return data

    assert read_yaml(path, needs_plain) == {"title": "plain"}  # refused copy: parsed afresh


def test_leftovers_of_a_killed_run_are_swept(folder):
    import time

    folder.mkdir(parents=True)
    stale = folder / ".abc.tmp"
    stale.write_text("half", encoding="utf-8")
    old = time.time() - cache.STALE_SECONDS - 10
    os.utime(stale, (old, old))
    fresh = folder / ".def.tmp"
    fresh.write_text("being written", encoding="utf-8")
    cache.cached("t", "s", lambda: 1)
    assert not stale.exists() and fresh.exists()


def test_the_folder_holds_a_bounded_number_of_entries(folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 5)
    for index in range(12):
        cache.cached(f"text {index}", "s", lambda index=index: index)
    assert len(list(folder.glob("*.json"))) == 5


@pytest.mark.parametrize("home", [None, "", "relative/home", "/nonexistent/home"])
def test_no_usable_home_means_no_cache(monkeypatch, tmp_path, home):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if home is None:
        monkeypatch.delenv("HOME", raising=False)
    else:
        monkeypatch.setenv("HOME", home)
    cache.cache_dir.cache_clear()
    try:
        assert cache.cache_dir() is None
        assert cache.cached("t", "s", lambda: 7) == 7
    finally:
        cache.cache_dir.cache_clear()
    assert not (tmp_path / "~").exists() and not list(tmp_path.iterdir())


def test_every_parser_module_exists():
    from journey_advisor.knowledge.resources import package_dir

    for name in cache.PARSER_MODULES:
        assert (package_dir() / name).is_file(), name


def test_a_memo_keeps_formatted_values_and_drops_what_they_cannot_be(folder):
    cache.save_memo("cldr|de|x", {"count|200000000": "200\u00a0Mio.", "date|2025-08-25": "25. August 2025"})
    assert cache.load_memo("cldr|de|x") == {"count|200000000": "200\u00a0Mio.",
                                            "date|2025-08-25": "25. August 2025"}
    assert cache.load_memo("cldr|fr|x") == {}
    entry = next(p for p in folder.iterdir() if p.suffix == ".json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["data"]["count|1"] = "[bold]1[/bold]"
    stored["data"]["count|2"] = ["not", "text"]
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert set(cache.load_memo("cldr|de|x")) == {"count|200000000", "date|2025-08-25"}
