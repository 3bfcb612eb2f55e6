"""`recommend --answers FILE`: many scenarios in one run, results in input order.

Every row is validated before anything is printed (a first pass over the file): a bad row is
exit 2 naming its row number; the validated answers are kept packed (a few bytes a field). Then
each scenario is evaluated and its result streamed out, so memory holds the file's text, the
packed answers and one result, however long the batch; the exit code is 3 when any scenario
has no fit, else 0.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

from ...core.answers import PackedAnswers, build_answers
from ...core.engine import evaluate
from ...core.explain import explain as explain_result
from ...errors import EXIT_NO_FIT, EXIT_OK, UsageError
from ...knowledge import catalog
from ...knowledge.scenarios import ScenarioFile, read_source
from ...models import Answers, Result, RuleSet
from ...output.emit import BatchView
from ..session import Session
from . import Outcome


def batch(session: Session, path: str, pages: Path | None, rules_file: Path | None,
          explain: bool = False, delimiter: str | None = None) -> Outcome:
    from ...output.views import batch_header, batch_row, result_dict

    text, label = read_source(path, sys.stdin.buffer if sys.stdin is not None else None)
    scenarios = ScenarioFile(text, label, check_delimiter(delimiter))
    rules = catalog.rules(rules_file)
    facts = catalog.facts()
    answers = PackedAnswers()
    for row, raw in scenarios:  # every row valid, or nothing is printed
        answers.append(_answers(row, raw, rules, label, session))
    if not len(answers):
        raise UsageError("error.no_scenarios", "{file}: no scenarios", file=label)
    page_set = session.pages(pages)
    t = session.t
    no_fit = []

    def items() -> Iterator[tuple[str, Result]]:
        for position in range(len(answers)):  # rows are numbered from 1, in input order
            result = evaluate(answers[position], facts, rules)
            if result.pick is None and not no_fit:
                no_fit.append(position)
            yield str(position + 1), result

    def data(result: Result) -> dict[str, Any]:
        # The what-if search costs a few hundred evaluations a scenario: only with --explain.
        explanation = explain_result(result, facts, rules, search=explain)
        return result_dict(result, facts, page_set, t, explanation, with_trace=explain)

    view = BatchView(items=items, data=data,
                     header=lambda: batch_header(t),
                     row=lambda row, result: batch_row(row, result, facts, page_set, t),
                     pick_width=lambda: _pick_width(facts, page_set, t),
                     total=lambda: len(answers), progress_label=t.text("label.scenarios"))
    return Outcome(view, lambda: EXIT_NO_FIT if no_fit else EXIT_OK)


def check_delimiter(value: str | None) -> str | None:
    """One character, or `tab` / `\\t` for a tab."""
    if value is None:
        return None
    if value.strip().lower() in ("tab", "\\t"):
        return "\t"
    if len(value) == 1 and value not in ('"', "\n", "\r"):
        return value
    raise UsageError("error.delimiter",
                     "--delimiter: '{value}' is not one character (examples: ';', ',', tab)",
                     value=value)


def _pick_width(facts: Any, page_set: Any, t: Any) -> int:
    from rich.cells import cell_len

    from ...output.views import blueprint_summary

    names = [blueprint_summary(bp, facts, page_set, t)["name"] for bp in facts]
    return max(cell_len(name) for name in names + [t.text("label.none")])


def _answers(row: str, raw: dict[str, Any], rules: RuleSet, label: str, session: Session) -> Answers:
    try:
        return build_answers(raw, rules, where=" ")
    except UsageError as error:
        raise UsageError("error.bad_row", "{file}: row {row}: {details}", file=label, row=row,
                         details=session.t.error(error).strip()) from None
