"""`journey-advisor compare`: every fact side by side, marking which blueprint meets the answers
given (only the hard requirements given count; an absent engagement model reads as both)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core.answers import build_answers, is_blank
from ...core.engine import evaluate
from ...knowledge import catalog
from ...models import Result
from ...output.emit import View
from ..session import Session
from . import Outcome


def compare(session: Session, raw: dict[str, Any], pages: Path | None,
            rules_file: Path | None) -> Outcome:
    from ...output.views import compare_dict

    facts = catalog.facts()
    result: Result | None = None
    given = {k: v for k, v in raw.items() if not is_blank(v)}
    if given:
        rules = catalog.rules(rules_file)
        given = {"trigger": "both", **given}
        if given.get("channels"):
            result = evaluate(build_answers(given, rules), facts, rules)
        else:  # no channel asked for: none is missing
            answers = build_answers({**given, "channels": ["email"]}, rules)
            result = evaluate(answers._replace(channels=()), facts, rules)
    page_set = session.pages(pages)
    t = session.t
    data = compare_dict(facts, page_set, t, result)

    def table(width: int) -> list:
        from ...output.terminal import render_compare

        return render_compare(data, t, width)

    def markdown() -> str:
        from ...output.markdown import compare_markdown

        return compare_markdown(data, t)

    return Outcome(View(lambda: data, table, markdown))
