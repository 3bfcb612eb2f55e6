"""`journey-advisor recommend`: answers in (flags, prompts), a recommendation out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import catalog
from ..answers import FLAGS, build_answers, missing_required
from ..engine import evaluate, exit_code_for
from ..errors import UsageError
from ..models import Terms
from .output import emit

if TYPE_CHECKING:
    from ..cli import Session

# Below this many columns the picture would crowd the answer; `show ID --diagram` still draws it.
DIAGRAM_MIN_WIDTH = 100


def collect_answers(session: "Session", raw: dict[str, Any], rules: Any, interactive: bool,
                    ask: Any = None) -> Any:
    """Validate the given answers, ask for the missing ones on a terminal, or fail naming the flag."""
    given = {k: v for k, v in raw.items() if v not in (None, [], "")}
    # Check what was typed on the command line before asking anything else.
    build_answers({**{q.id: q.options[0] for q in rules.questions if q.required}, **given}, rules)
    missing = missing_required(given, rules)
    if missing and interactive:
        from ..questions import ask_missing, terminal_ask

        try:
            given = ask_missing(given, rules, session.t, ask or terminal_ask)
        except EOFError as end:
            sys.stderr.write("\n")  # the cursor still sits on the prompt line
            question_id = end.args[0] if end.args else missing[0]
            raise UsageError("error.end_of_input",
                             "end of input while waiting for an answer to {flag}",
                             flag=FLAGS.get(question_id, question_id)) from None
    elif missing:
        question = rules.question(missing[0])
        raise UsageError("error.no_terminal",
                         "{flag} is required when no terminal is attached (choose from {options})",
                         flag=FLAGS[question.id], options=Terms(question.options))
    return build_answers(given, rules)


def run_recommend(session: "Session", raw: dict[str, Any], output_format: str,
                  pages: Path | None, rules_file: Path | None, interactive: bool,
                  explain: bool = False) -> int:
    rules = catalog.rules(rules_file)
    answers = collect_answers(session, raw, rules, interactive)
    facts = catalog.facts()
    result = evaluate(answers, facts, rules)
    page_set = session.pages(pages)
    if result.pick is not None:
        session.note_borrowed([page_set.entries.get(result.pick)])

    def data() -> Any:
        from ..report import result_dict

        return result_dict(result, facts, page_set, session.t)

    def table(width: int) -> list[Any]:
        from ..render import render_diagram, render_recommendation

        out = render_recommendation(result, facts, page_set, session.t, explain)
        if result.pick is not None and width >= DIAGRAM_MIN_WIDTH:  # the pick's picture
            from ..diagram import layers_for, title_for

            layers = layers_for(catalog.architecture(), result.pick,
                                result.integration.id if result.integration else None)
            out.append(render_diagram(layers, title_for(facts[result.pick].name, session.t),
                                      session.t, width))
        return out

    def markdown() -> str:
        from ..decision_record import render_decision_record

        return render_decision_record(result, facts, page_set, session.t)

    emit(output_format, data, table, markdown)
    sys.stdout.flush()
    return exit_code_for(result)
