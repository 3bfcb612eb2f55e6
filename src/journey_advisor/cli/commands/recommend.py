"""`journey-advisor recommend`: answers in (flags, prompts), a recommendation out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ...core.answers import build_answers, missing_required
from ...core.engine import evaluate, exit_code_for
from ...core.explain import explain as explain_result
from ...errors import UsageError
from ...knowledge import catalog
from ...models import Choices, RuleSet
from ...output.emit import View
from ...vocabulary import FLAGS
from ..session import Session
from . import Outcome

# Below this many columns the picture would crowd the answer; `show ID --diagram` still draws it.
DIAGRAM_MIN_WIDTH = 100


def collect_answers(session: Session, raw: dict[str, Any], rules: RuleSet, interactive: bool,
                    prompter: Any = None, no_input: bool = False
                    ) -> tuple[Any, frozenset[str], bool]:
    """Validate the given answers, ask for the missing ones on a terminal, or fail naming every
    missing flag. Returns the answers, the questions answered (by a flag or in a prompt; the
    others took their defaults) and whether anything was asked."""
    given = {k: v for k, v in raw.items() if v not in (None, [], "")}
    # Check what was typed on the command line before asking anything else.
    build_answers({**{q.id: q.options[0] for q in rules.questions if q.required}, **given}, rules)
    missing = missing_required(given, rules)
    if missing and interactive:
        from ..prompts import ask_missing

        try:
            given = ask_missing(given, rules, session.t, prompter or prompter_for(session.t))
        except EOFError as end:
            sys.stderr.write("\n")  # the cursor still sits on the prompt line
            question_id = end.args[0] if end.args else missing[0]
            raise UsageError("error.end_of_input",
                             "end of input while waiting for an answer to {flag}",
                             flag=FLAGS.get(question_id, question_id)) from None
        return build_answers(given, rules), answered_ids(given), True
    if missing:
        question = rules.question(missing[0])
        flags = ", ".join(FLAGS.get(m, m) for m in missing)
        if no_input:
            raise UsageError("error.missing_no_input",
                             "missing {flags}: --no-input asks no questions ({flag}: choose from "
                             "{options})", flags=flags, flag=FLAGS.get(question.id, question.id),
                             options=Choices(question.options))
        raise UsageError("error.no_terminal",
                         "missing {flags}: questions are asked only when standard input and "
                         "standard error are terminals ({flag}: choose from {options})",
                         flags=flags, flag=FLAGS.get(question.id, question.id),
                         options=Choices(question.options))
    return build_answers(given, rules), answered_ids(given), False


def answered_ids(given: dict[str, Any]) -> frozenset[str]:
    """The questions given an answer, on the command line or in a prompt."""
    return frozenset(k for k, v in given.items() if v not in (None, [], "", ()))


def prompter_for(t: Any) -> Any:
    """The arrow-key widgets where the terminal can show them, else plain line prompts."""
    from ..prompts import LinePrompter, can_show_widgets

    if can_show_widgets():
        from ..widgets import WidgetPrompter

        return WidgetPrompter(t)
    return LinePrompter(t)


def command_line(answers: Any, rules: RuleSet, extra: tuple[str, ...] = ()) -> str:
    """The command that repeats this run without a question: every answer as its flag."""
    import shlex

    words = ["journey-advisor", "recommend"]
    for question in rules.questions:
        value = answers.get(question.id)
        if value is None or value == ():
            continue
        text = ",".join(value) if isinstance(value, (list, tuple)) else str(value)
        words += [FLAGS.get(question.id, "--" + question.id.replace("_", "-")), text]
    return " ".join(shlex.quote(word) for word in [*words, *extra])


def recommend(session: Session, raw: dict[str, Any], pages: Path | None, rules_file: Path | None,
              interactive: bool, explain: bool = False, no_input: bool = False,
              replay: tuple[str, ...] = ()) -> Outcome:
    """`replay` holds the other flags of the run, for the command line shown after questions."""
    rules = catalog.rules(rules_file)
    answers, answered, asked = collect_answers(session, raw, rules, interactive,
                                               no_input=no_input)
    facts = catalog.facts()
    result = evaluate(answers, facts, rules)
    explanation = explain_result(result, facts, rules)
    page_set = session.pages(pages)
    notices = session.borrowed([page_set.entries.get(result.pick)]) if result.pick else []
    t = session.t

    def data() -> Any:
        from ...output.views import result_dict

        return result_dict(result, facts, page_set, t, explanation, with_trace=explain)

    def table(width: int) -> list[Any]:
        from ...output.recommendation import render_recommendation
        from ...output.terminal import render_diagram

        out = render_recommendation(result, facts, page_set, t, explanation, explain, width)
        if result.pick is not None and width >= DIAGRAM_MIN_WIDTH:  # the pick's picture
            from ...knowledge.architecture import layers_for
            from ...output.mermaid import title_for

            layers = layers_for(catalog.architecture(), result.pick,
                                result.integration.id if result.integration else None)
            out.append(render_diagram(layers, title_for(facts[result.pick].name, t), t, width))
        return out

    def markdown() -> str:
        import datetime

        from ... import __version__
        from ...output.record import RecordContext, render_decision_record

        page = catalog.blueprint_page(page_set, result.pick) if result.pick else None
        context = RecordContext(date=datetime.date.today().isoformat(), version=__version__,
                                fingerprint=catalog.fingerprint(rules_file), given=answered,
                                page=page, mermaid=_mermaid(result, facts, t))
        return render_decision_record(result, facts, page_set, t, explanation, context, explain)

    after = ()
    if asked:  # so the run can be repeated in a script
        after = ("", session.t.text("notice.command_line"), "  " + command_line(answers, rules, replay))
    return Outcome(View(data, table, markdown), exit_code_for(result), tuple(notices), after)


def _mermaid(result: Any, facts: Any, t: Any) -> str | None:
    """The pick's reference architecture (with the pattern's node) as a Mermaid flowchart."""
    if result.pick is None:
        return None
    from ...knowledge.architecture import layers_for
    from ...output.mermaid import title_for, to_mermaid

    layers = layers_for(catalog.architecture(), result.pick,
                        result.integration.id if result.integration else None)
    return to_mermaid(layers, title_for(facts[result.pick].name, t), t)
