"""The page reader on our own fixtures: every markup variation of FACTS.md's page-format notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from journey_advisor.knowledge import catalog
from journey_advisor.knowledge.pages import blueprint_id_for, parse_blueprint_page, parse_overview, read_page

FIXTURES = Path(__file__).parent.parent / "data"


@pytest.fixture(scope="module")
def terms():
    return catalog.page_terms()


@pytest.mark.parametrize(
    ("href", "expected"),
    [("journey-optimizer.md", "journey-optimizer"), ("campaign-v8/campaign-v8-overview.md", "campaign-v8"),
     ("../campaign-v7/campaign-v7-overview.md#x", "campaign-v7"), ("campaign-v7.html?lang=en", "campaign-v7"),
     ("3rd-party-messaging.md", None), ("", None)],
)
def test_blueprint_id_for(href, expected):
    assert blueprint_id_for(href) == expected


def test_overview_markup_variations(terms):
    entries, hrefs, problems, metadata = parse_overview(
        FIXTURES / "pages_markup" / "overview.md", "overview.md", terms)
    assert set(entries) == {"journey-optimizer", "campaign-v8", "campaign-v7"}
    ajo = entries["journey-optimizer"]
    assert ajo.name == "Adobe Journey Optimizer"
    assert ajo.description == 'Reacts\'s "fast"\nConsiderations:\n• first\n• second'
    assert ajo.architecture == "AJO picture"
    assert ajo.status == "current"
    assert entries["campaign-v8"].description == "Batch first, docs"
    v7 = entries["campaign-v7"]
    assert (v7.status, v7.description, v7.name) == ("deprecated", "", "Adobe Campaign v7")
    assert v7.location == "overview.md:26"
    assert [(p.location, p.key) for p in problems] == [("overview.md:20", "problem.unknown_row")]
    assert metadata["title"] == "[!DNL Customer] journeys"


def test_front_matter_with_crlf_and_bom(tmp_path, terms):
    source = (FIXTURES / "pages_markup" / "overview.md").read_text(encoding="utf-8")
    path = tmp_path / "overview.md"
    path.write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    entries, _, problems, metadata = parse_overview(path, "overview.md", terms)
    assert len(entries) == 3 and [p.key for p in problems] == ["problem.unknown_row"]
    assert metadata["solution"] == "Journey Optimizer,Campaign v8"


def test_unreadable_front_matter_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: [unclosed\n---\n# Body\n", encoding="utf-8")
    metadata, body, offset, problems = read_page(path, "p.md")
    assert metadata == {} and "# Body" in body and offset == 2  # body line 1 is file line 4
    assert problems[0].location == "p.md:3" and "unreadable front matter" in problems[0].message


def test_page_without_blueprint_table_is_fatal(tmp_path, terms):
    path = tmp_path / "overview.md"
    path.write_text("# Nothing here\n\n| a | b |\n|---|---|\n| x | y |\n", encoding="utf-8")
    entries, _, problems, _ = parse_overview(path, "overview.md", terms)
    assert entries == {}
    assert problems[0].fatal and "no blueprint table" in problems[0].message


def test_duplicate_rows_keep_the_first(tmp_path, terms):
    path = tmp_path / "overview.md"
    path.write_text("| Blueprint | Description |\n|---|---|\n"
                    "| [A](campaign-v8.md) | first |\n| [B](campaign-v8.md) | second |\n", encoding="utf-8")
    entries, _, problems, _ = parse_overview(path, "overview.md", terms)
    assert entries["campaign-v8"].description == "first"
    assert problems[0].location == "overview.md:4" and "duplicate row" in problems[0].message


def test_missing_description_cell(tmp_path, terms):
    path = tmp_path / "overview.md"
    path.write_text("| Blueprint | Description | Architecture |\n|---|---|---|\n"
                    "| [A](campaign-v8.md) |\n", encoding="utf-8")
    entries, _, problems, _ = parse_overview(path, "overview.md", terms)
    assert entries["campaign-v8"].description == ""


def test_blueprint_page_sections_tabs_alerts_and_groups(tmp_path, terms):
    path = tmp_path / "campaign-v8.md"
    path.write_text("""---
title: Test blueprint
---
# Heading one

Intro [!DNL text].

>[!IMPORTANT]
>
> Deprecated, use the other one.

## Use Cases

>[!BEGINTABS]

>[!TAB Journey (Event-Driven)]

- First *case*
- Second case

>[!TAB Campaigns]

* Third case
    * nested case

>[!ENDTABS]

## Integration patterns

| Scenario | Description | Technical Considerations |
| :-- | :--- | :--- |
| [[!DNL Journey Optimizer] with Campaign](x.md) | Sends through Campaign | <ul><li>a</li></ul> |

## Prerequisites

Adobe [!DNL Experience Platform]:

- Schemas first

### Email

- Subdomain

## Guardrails

- 20M messages per hour
""", encoding="utf-8")
    page = parse_blueprint_page(path, "campaign-v8.md", "campaign-v8", terms)
    assert page.title == "Test blueprint"
    assert page.intro == "Intro text."
    assert page.alerts == ("Deprecated, use the other one.",)
    assert page.sections["use_cases"] == (
        "Journey (Event-Driven): First case", "Journey (Event-Driven): Second case",
        "Campaigns: Third case", "Campaigns: nested case")
    assert page.sections["integration_patterns"] == ("Journey Optimizer with Campaign: Sends through Campaign",)
    assert page.sections["prerequisites"] == ("Adobe Experience Platform: Schemas first", "Email: Subdomain")
    assert page.sections["guardrails"] == ("20M messages per hour",)


def test_tab_markers_in_one_quote_paragraph(tmp_path, terms):
    path = tmp_path / "p.md"
    path.write_text("# T\n\n## Use cases\n\n>[!BEGINTABS]\n>[!TAB First tab]\n\n- one\n\n"
                    ">[!TAB Second]\n\n- two\n\n>[!ENDTABS]\n\n- after\n", encoding="utf-8")
    page = parse_blueprint_page(path, "p.md", "campaign-v8", terms)
    assert page.sections["use_cases"] == ("First tab: one", "Second: two", "after")


def test_2021_layout_maps_the_renamed_page_and_reports_the_rest(terms):
    entries, hrefs, problems, _ = parse_overview(FIXTURES / "layout_2021" / "overview.md", "o.md", terms)
    assert list(entries) == ["journey-optimizer"]
    assert entries["journey-optimizer"].description == "• Reacts to each event as it streams in"
    assert hrefs == {"journey-optimizer": "triggered-messaging.md"}
    assert [p.key for p in problems] == ["problem.unknown_row"]


def test_later_table_without_descriptions_is_deprecated_in_any_language(terms):
    entries, _, problems, _ = parse_overview(
        FIXTURES / "layout_today_unknown_language" / "overview.md", "o.md", terms)
    assert {k: e.status for k, e in entries.items()} == {
        "journey-optimizer": "current", "campaign-v8": "current", "campaign-v7": "deprecated"}
    assert entries["campaign-v8"].name == "Adobe Campaign v8" and problems == []


def test_blueprint_page_markup_variations(terms):
    page = parse_blueprint_page(FIXTURES / "pages_markup" / "campaign-v8.md", "campaign-v8.md",
                                "campaign-v8", terms)
    assert page.title == "Fixture Campaign v8 page"
    assert page.intro == 'Intro with an entity "quoted" and a link icon 🔗.'
    assert page.sections["use_cases"] == (
        "Batch: -First item without a space stays a paragraph",
        "Batch: Second item, bold and a link",
        "Batch: A nested item with a control",
    )
    assert page.sections["integration_patterns"] == (
        "Journey Optimizer with Adobe Campaign: Sends through\nthe real-time server",
        "Empty link: A row with an empty link",
    )
    assert page.sections["prerequisites"] == ("Numbered step one", "Numbered step two")
    assert page.sections["guardrails"] == ("Up to 20M messages per hour",)
    assert any("A tip box 👉 See the other page" in alert for alert in page.alerts)
    assert "A note box, with a blank quote line above." in page.alerts
    everything = " ".join([page.title, page.intro, *page.alerts,
                           *(item for items in page.sections.values() for item in items)])
    for raw in ("[!", "{#", "{target", "<br", "<li", "&quot;", "&#"):
        assert raw not in everything


def test_front_matter_of_every_locale_shape(terms):
    metadata, _, _, problems = read_page(FIXTURES / "pages_markup" / "campaign-v8.md", "p.md")
    assert problems == []
    assert metadata["product_v2"] == [{"id": "11111111-2222"}] and metadata["hidefromtoc"] is True


def test_flattened_list_front_matter_is_reported_not_fatal(tmp_path):
    path = tmp_path / "p.md"
    path.write_bytes(b"---\r\ntitle: T\r\nproduct_v2: id: a1 id: b2\r\n---\r\n# Body\r\n")
    metadata, body, _, problems = read_page(path, "p.md")
    assert metadata == {} and "# Body" in body
    assert problems[0].key == "problem.front_matter"
