"""Adobe's real Experience League pages, read in place from ../shared/upstream (skipped when a
fresh clone has no ../shared). Both layouts, both entry points, every locale there."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from journey_advisor.knowledge import catalog
from journey_advisor.knowledge.folders import CUSTOMER_JOURNEYS, locate

from .conftest import UPSTREAM, run_json

TREES = {
    "blueprints-learn.en": "en",
    "blueprints-learn.en@2022-03": "en",
    "blueprints-learn.it-IT": "it",
    "blueprints-learn.sv-SE": "sv",
    "blueprints-learn.fr-FR": "fr",
}
pytestmark = pytest.mark.skipif(not UPSTREAM.is_dir(), reason=f"{UPSTREAM} is absent (a fresh clone has no ../shared)")
ENTRY_POINTS = [(tree, sub) for tree in TREES for sub in ("", str(CUSTOMER_JOURNEYS))]


def expected_row_text(overview: Path, blueprint_id: str) -> tuple[str, str] | None:
    """Name and description straight from the row, cleaned independently of the product's parser."""
    for line in overview.read_text(encoding="utf-8").splitlines():
        if line.startswith("|") and re.search(rf"\]\((?:{blueprint_id}/)?{blueprint_id}(?:-overview)?\.md\)", line):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            clean = lambda text: html.unescape(re.sub(r"\[!DNL ([^\]]*)\]", r"\1", text)).strip()
            name = clean(re.search(r"\*\*\[(.*)\]\(", cells[0]).group(1))
            description = clean(cells[1]) if len(cells) == 3 else ""
            return name, description
    return None


@pytest.mark.parametrize(("tree", "sub"), ENTRY_POINTS)
def test_three_blueprints_with_names_and_descriptions(tree, sub):
    folder = UPSTREAM / tree / sub if sub else UPSTREAM / tree
    found = locate(folder, ["en"])
    assert found.locale == TREES[tree]
    pages = catalog.page_set([found.locale], folder)
    overview = UPSTREAM / tree / CUSTOMER_JOURNEYS / "overview.md"
    assert set(pages.entries) == {"journey-optimizer", "campaign-v8", "campaign-v7"}
    for blueprint_id, entry in pages.entries.items():
        name, description = expected_row_text(overview, blueprint_id)
        assert entry.name == name
        if description:
            assert entry.description == description and entry.description_from is None
        else:  # today's deprecated table has no description: ours, in the same language
            assert entry.description_from.endswith(f"pages/{found.locale}/overview.md:21")
            assert entry.description
        assert "[!" not in entry.description and "<" not in entry.description


@pytest.mark.parametrize("tree", [t for t in TREES if "@" not in t])
def test_todays_layout_marks_campaign_v7_deprecated(tree):
    pages = catalog.page_set([TREES[tree]], UPSTREAM / tree)
    assert pages.entries["campaign-v7"].status == "deprecated"
    assert pages.entries["campaign-v8"].status == "current"


def test_2022_layout_is_all_current_but_v7_facts_still_warn():
    pages = catalog.page_set(["en"], UPSTREAM / "blueprints-learn.en@2022-03")
    assert {e.status for e in pages.entries.values()} == {"current"}
    code, data = run_json(["recommend", "-t", "scheduled", "-c", "email", "--deployment", "hybrid",
                           "--pages", str(UPSTREAM / "blueprints-learn.en@2022-03")])
    assert code == 0 and data["recommendation"]["status"] == "deprecated" and data["warnings"]


@pytest.mark.parametrize("tree", TREES)
def test_blueprint_pages_load_their_sections(tree):
    pages = catalog.page_set([TREES[tree]], UPSTREAM / tree)
    for blueprint_id in ("journey-optimizer", "campaign-v8"):
        page = catalog.blueprint_page(pages, blueprint_id)
        assert page is not None
        assert page.sections["use_cases"] and page.sections["prerequisites"], (tree, blueprint_id)
        for items in page.sections.values():
            assert not any("[!" in item or "<br" in item or "{target" in item for item in items)


@pytest.mark.parametrize("tree", TREES)
def test_list_and_recommend_in_the_folder_language(tree):
    code, data = run_json(["list", "--pages", str(UPSTREAM / tree)])
    assert code == 0 and data["locale"] == TREES[tree]
    assert [b["id"] for b in data["blueprints"]] == ["journey-optimizer", "campaign-v8", "campaign-v7"]
    code, data = run_json(["recommend", "-t", "triggered", "-c", "email", "--pages", str(UPSTREAM / tree)])
    assert code == 0 and data["recommendation"]["id"] == "journey-optimizer"
    assert data["recommendation"]["description"]


def test_lang_overrides_the_folder_language():
    code, data = run_json(["list", "--pages", str(UPSTREAM / "blueprints-learn.it-IT"), "--lang", "sv"])
    assert code == 0 and data["locale"] == "sv"


def test_answer_errors_speak_the_folder_language():
    from .conftest import run_cli

    result = run_cli(["recommend", "-t", "triggered", "-c", "emial", "--no-input",
                      "--pages", str(UPSTREAM / "blueprints-learn.it-IT")])
    assert result.exit_code == 2
    english = run_cli(["recommend", "-t", "triggered", "-c", "emial", "--no-input"])
    assert result.stderr != english.stderr and "emial" in result.stderr
