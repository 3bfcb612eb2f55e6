from journey_advisor.core.engine import evaluate
from journey_advisor.knowledge import catalog
from journey_advisor.output.views import blueprint_summary, compare_dict, localized_link, result_dict

from ..conftest import answers


def test_localized_link():
    assert localized_link("https://x/{lang}/docs/a", "zh-Hant") == "https://x/zh-hant/docs/a"


def test_deprecated_in_facts_wins_over_an_older_page(facts):
    pages = catalog.page_set(["en"])
    old = pages._replace(entries={**pages.entries,
                                  "campaign-v7": pages.entries["campaign-v7"]._replace(status="current")})
    t = catalog.localizer(["en"])
    assert blueprint_summary("campaign-v7", facts, old, t)["status"] == "deprecated"


def test_compare_marks_which_blueprints_meet_the_answers(facts, rules):
    pages = catalog.page_set(["en"])
    t = catalog.localizer(["en"])
    result = evaluate(answers("triggered", ("in-app",)), facts, rules)
    data = compare_dict(facts, pages, t, result)
    assert data["meets"] == {"journey-optimizer": True, "campaign-v8": False, "campaign-v7": False}
    assert data["channels"]["in-app"] == {"journey-optimizer": True, "campaign-v8": False, "campaign-v7": False}
    assert data["engagement"]["triggered"]["journey-optimizer"] == "primary"
    assert {g["unit"] for gs in data["guardrails"].values() for g in gs} == {"profiles", "messages/hour"}


def test_result_dict_reasons_are_localized(facts, rules):
    pages = catalog.page_set(["it"])
    t = catalog.localizer(["it"])
    data = result_dict(evaluate(answers(), facts, rules), facts, pages, t)
    assert data["locale"] == "it"
    english = result_dict(evaluate(answers(), facts, rules), facts, catalog.page_set(["en"]),
                          catalog.localizer(["en"]))
    assert data["recommendation"]["reasons"] != english["recommendation"]["reasons"]
    assert data["recommendation"]["description"] != english["recommendation"]["description"]
