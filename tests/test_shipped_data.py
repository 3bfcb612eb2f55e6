"""Every shipped data file loads and validates; every locale is complete and consistent."""

from __future__ import annotations

import re

import pytest

from journey_advisor.core.locale import SUPPORTED
from journey_advisor.knowledge import catalog
from journey_advisor.knowledge.resources import data_dir
from journey_advisor.knowledge.strings import load_glossary, load_strings
from journey_advisor.vocabulary import SECTION_KINDS

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ENGLISH = load_strings(data_dir() / "strings" / "en.yaml")


def test_facts_and_rules_validate(facts, rules):
    assert set(facts) == set(rules.tie_break)
    for rule in rules.rules:
        assert rule.reason in ENGLISH, f"rule {rule.id}: no English string {rule.reason}"
    for blueprint in facts.values():
        for guardrail in blueprint.guardrails:
            assert f"guardrail.{guardrail.id}" in ENGLISH
    for pattern in rules.integrations:
        assert f"integration.{pattern.id}.name" in ENGLISH


def test_every_error_key_in_the_code_has_an_english_string():
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (data_dir().parent / "src" / "journey_advisor").rglob("*.py")) \
        if (data_dir().parent / "src").is_dir() else ""
    if not source:
        pytest.skip("installed copy: the source tree is not beside the data")
    keys = set(re.findall(r"\"((?:error|notice|label|prompt|question|record|check)\.[a-z_.]+)\"", source))
    plural = {key for key in keys if f"{key}.other" in ENGLISH}  # t.plural picks the form
    assert keys and keys - plural <= set(ENGLISH), keys - plural - set(ENGLISH)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_strings_complete_with_same_placeholders(locale):
    strings = load_strings(data_dir() / "strings" / f"{locale}.yaml")
    assert set(strings) == set(ENGLISH), set(strings) ^ set(ENGLISH)
    for key, english in ENGLISH.items():
        assert sorted(PLACEHOLDER.findall(strings[key])) == sorted(PLACEHOLDER.findall(english)), key


@pytest.mark.parametrize("locale", SUPPORTED)
def test_glossary_complete(locale):
    english = load_glossary(data_dir() / "glossary" / "en.yaml")
    glossary = load_glossary(data_dir() / "glossary" / f"{locale}.yaml")
    assert glossary["locale"] == locale
    for section in ("terms", "headings", "table"):
        assert set(glossary[section]) == set(english[section]), section


@pytest.mark.parametrize("locale", SUPPORTED)
def test_page_terms_know_every_glossary_heading(locale):
    glossary = load_glossary(data_dir() / "glossary" / f"{locale}.yaml")
    terms = catalog.page_terms()

    def fold(text):
        return text.casefold().replace("\u2019", "'")

    for kind, heading in glossary["headings"].items():
        assert any(fold(w) in fold(heading) for w in terms["headings"][kind]), (kind, heading)


@pytest.mark.parametrize("locale", SUPPORTED)
def test_pages_of_every_locale_load_like_the_english_ones(locale):
    english = catalog.page_set(["en"])
    pages = catalog.page_set([locale])
    assert pages.locale == locale and pages.problems == ()
    assert set(pages.entries) == {"journey-optimizer", "campaign-v8", "campaign-v7"}
    assert {k: e.status for k, e in pages.entries.items()} == {
        "journey-optimizer": "current", "campaign-v8": "current", "campaign-v7": "deprecated"}
    glossary = load_glossary(data_dir() / "glossary" / f"{locale}.yaml")
    for blueprint_id, entry in pages.entries.items():
        assert entry.description and entry.name.startswith("Adobe ")
        page = catalog.blueprint_page(pages, blueprint_id)
        reference = catalog.blueprint_page(english, blueprint_id)
        for kind in SECTION_KINDS:
            assert len(page.sections[kind]) == len(reference.sections[kind]), (blueprint_id, kind)
    assert glossary["headings"]["use_cases"]


def test_page_links_point_to_the_locale(facts):
    for locale in SUPPORTED:
        text = (data_dir() / "pages" / locale / "journey-optimizer.md").read_text(encoding="utf-8")
        assert f"experienceleague.adobe.com/{locale.lower()}/docs" in text
