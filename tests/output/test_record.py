from journey_advisor.core.engine import evaluate
from journey_advisor.knowledge import catalog
from journey_advisor.output.markdown import escape_cell
from journey_advisor.output.record import guardrail_lines, render_decision_record

from ..conftest import answers


def test_escape_cell():
    assert escape_cell("a | b\nc \\ d") == "a \\| b<br>c \\\\ d"


def test_guardrails_that_matter_follow_the_engagement_model(facts, rules):
    t = catalog.localizer(["en"])
    result = evaluate(answers("triggered", messages_per_hour=900_000), facts, rules)
    lines = guardrail_lines(facts["campaign-v8"], result, t)
    assert "Real-time messaging server: 1M messages per hour (your answer: 900K)" in lines
    assert not any(line.startswith("Batch sending") for line in lines)


def test_no_fit_record(facts, rules):
    t = catalog.localizer(["en"])
    result = evaluate(answers("triggered", ("in-app",), deployment="on-premise"), facts, rules)
    text = render_decision_record(result, facts, catalog.page_set(["en"]), None, t)
    assert text.startswith("# Decision record")
    assert "No single blueprint meets every requirement." in text
    assert "- [ ]" not in text
