"""`recommend --answers FILE`: many scenarios in one run, results in input order.

Every row is validated before anything is printed: a bad row is exit 2 naming its row number;
otherwise exit 3 when any scenario has no fit, else 0.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import catalog
from ..answers import build_answers
from ..engine import evaluate
from ..errors import UsageError
from ..scenarios import parse_scenarios, read_source
from .output import emit

if TYPE_CHECKING:
    from ..cli import Session

REMEMBERED_LINES = 2_048


def run_batch(session: "Session", path: str, output_format: str, pages: Path | None,
              rules_file: Path | None) -> int:
    from ..report import result_dict

    text, label = read_source(path, sys.stdin.buffer)
    rows = parse_scenarios(text, label)
    rules = catalog.rules(rules_file)
    facts = catalog.facts()
    answers = []
    for row, raw in rows:
        try:
            answers.append(build_answers(raw, rules, where=" "))
        except UsageError as error:
            raise UsageError("error.bad_row", "{file}: row {row}: {details}", file=label, row=row,
                             details=session.t.error(error).strip()) from None
    page_set = session.pages(pages)
    if output_format == "json":
        return _stream_json(answers, facts, rules, page_set, session)
    results = [evaluate(given, facts, rules) for given in answers]

    def table(width: int) -> list[Any]:
        from ..render import render_batch

        return render_batch(rows, results, facts, page_set, session.t)

    emit(output_format, lambda: [result_dict(r, facts, page_set, session.t) for r in results],
         table, lambda: batch_markdown(rows, results, facts, page_set, session.t))
    return 3 if any(r.pick is None for r in results) else 0


def _stream_json(answers: list, facts: Any, rules: Any, page_set: Any, session: "Session") -> int:
    """Write the JSON array one result per line as each is evaluated: memory stays flat however
    long the batch, and the C encoder (json skips it when indenting) keeps it fast."""
    import json

    from ..report import result_dict

    write = sys.stdout.write
    no_fit = False
    # The engine is pure, so a scenario that repeats an earlier one repeats its line too.
    lines: dict[Any, tuple[str, bool]] = {}
    write("[\n")
    for index, given in enumerate(answers):
        if given not in lines:
            if len(lines) >= REMEMBERED_LINES:  # bounded: memory stays flat on long batches
                lines.clear()
            result = evaluate(given, facts, rules)
            lines[given] = (json.dumps(result_dict(result, facts, page_set, session.t),
                                       ensure_ascii=False), result.pick is None)
        line, fits_nothing = lines[given]
        no_fit = no_fit or fits_nothing
        write(("" if index == 0 else ",\n") + line)
    write("\n]\n")
    sys.stdout.flush()
    return 3 if no_fit else 0


def batch_rows(rows: list, results: list, facts: Any, pages: Any, t: Any) -> list[list[str]]:
    """One line per scenario: row, answers, pick (or none), score, integration, warnings."""
    from ..report import blueprint_summary, integration_dict

    out = []
    for (row, _), result in zip(rows, results):
        answers = result.answers
        # The ids, as typed in the file: short enough for one table cell.
        summary = f"{answers.trigger}; {', '.join(answers.channels)}; {answers.deployment}"
        if answers.data != "any":
            summary += f"; {answers.data}"
        if answers.profiles is not None:
            summary += f"; {t.count(answers.profiles)} {t.term('profiles')}"
        if answers.messages_per_hour is not None:
            summary += f"; {t.count(answers.messages_per_hour)}/h"
        pick = (blueprint_summary(result.pick, facts, pages, t)["name"] if result.pick
                else t.text("label.none"))
        score = str(result.ranking[0].score) if result.pick else "—"
        integration = integration_dict(result.integration, t)
        out.append([row, summary, pick, score, integration["name"] if integration else "",
                    "\n".join(t.message(m) for m in result.warnings)])
    return out


def batch_header(t: Any) -> list[str]:
    return [t.text("label.row"), t.text("label.answers"), t.text("label.pick"),
            t.text("label.score_column"), t.text("label.integration"), t.text("label.warnings")]


def batch_markdown(rows: list, results: list, facts: Any, pages: Any, t: Any) -> str:
    from ..markdown_output import _table

    return "\n".join(_table(batch_header(t), batch_rows(rows, results, facts, pages, t))) + "\n"
