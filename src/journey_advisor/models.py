"""Immutable records shared by the loaders, the engine and the renderers. No I/O here.

NamedTuples rather than frozen dataclasses: creating twenty dataclasses costs about 19 ms at every
start, NamedTuples about 3 ms (PRODUCT.md section 9). Use `_replace` and `_asdict` on them.
"""

from __future__ import annotations

from typing import Any, Mapping, NamedTuple

_NO_PARAMS: Mapping[str, Any] = {}  # shared default; never mutated


class Question(NamedTuple):
    id: str
    kind: str  # "choice", "choices" (several) or "count"
    required: bool = False
    options: tuple[str, ...] = ()
    default: str | None = None


class Guardrail(NamedTuple):
    id: str
    measure: str  # an answer id: "profiles" or "messages_per_hour"
    limit: int
    unit: str
    stated: str
    enforce: str  # "exclude" or "warn"
    source: str
    applies_to: tuple[str, ...] | None = None  # engagement answers it applies to; None = all
    channels: tuple[str, ...] | None = None  # a per-channel figure: applies when one is chosen
    # "documented" (on today's pages), "withdrawn" (published, later removed) or "sizing" (a
    # documented size that can be extended)
    status: str = "documented"
    withdrawn: str | None = None  # the date a withdrawn figure was removed


class Fact(NamedTuple):
    value: Any
    source: str
    # The engagement models the fact holds for (None: all); outside them a channel is missing
    # and a need is left open.
    models: tuple[str, ...] | None = None
    # A need met only through these channels (Decision Management: Journey Optimizer's own).
    channels: tuple[str, ...] | None = None
    # A need met only this fast at best (a latency level): slower than the user accepts, unmet.
    latency: str | None = None


class BlueprintFacts(NamedTuple):
    id: str
    name: str
    status: str
    link: str
    engagement: Mapping[str, Fact]  # triggered/scheduled -> level
    channels: Mapping[str, Fact]  # channel -> supported (bool)
    deployment: Mapping[str, Fact]  # deployment -> supported (bool)
    data: Mapping[str, Fact]  # platform/etl/warehouse -> fit
    guardrails: tuple[Guardrail, ...]
    deprecated_since: str | None = None
    latency: Mapping[str, Fact] = _NO_PARAMS  # engagement model -> fastest latency level
    needs: Mapping[str, Fact] = _NO_PARAMS  # need -> yes/no/open

    def supports_channel(self, channel: str, models: tuple[str, ...] | None = None) -> bool:
        """True when the channel is documented, for one of `models` when it depends on them."""
        fact = self.channels.get(channel)
        if not (fact and fact.value):
            return False
        return fact.models is None or models is None or bool(set(fact.models) & set(models))

    def supports_deployment(self, deployment: str) -> bool:
        fact = self.deployment.get(deployment)
        return bool(fact and fact.value)


class Rule(NamedTuple):
    id: str
    effect: str  # "exclude", "score" or "warn"
    reason: str
    check: str | None = None
    when: Mapping[str, tuple[str, ...]] = _NO_PARAMS
    blueprints: tuple[str, ...] | None = None  # None = every blueprint
    points: int = 0
    source: str = ""  # the pages (FACTS.md sources) the rule rests on


class Constraint(NamedTuple):
    """A documented constraint of a pattern, said as a warning when the answers touch it."""

    id: str
    when: Mapping[str, Any]
    reason: str


class Integration(NamedTuple):
    id: str
    members: tuple[str, ...]
    deployment: tuple[str, ...]
    trigger: tuple[str, ...]
    suggest_when: tuple[Mapping[str, Any], ...]  # any of these (each: all of its conditions)
    link: str
    needs: Mapping[str, str] = _NO_PARAMS  # need -> yes/no/open, where it differs from members'
    latency: str | None = None  # the fastest the pattern delivers
    constraints: tuple[Constraint, ...] = ()
    source: str = ""


class CaveatRule(NamedTuple):
    """Where the documentation is ambiguous or conflicting (FACTS.md marks the scenario A)."""

    id: str
    when: Mapping[str, Any]
    sources: tuple[str, ...]


class RuleSet(NamedTuple):
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    tie_break: tuple[str, ...]
    near_limit_ratio: float
    integrations: tuple[Integration, ...]
    caveats: tuple[CaveatRule, ...] = ()

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


class Answers(NamedTuple):
    trigger: str
    channels: tuple[str, ...]
    deployment: str = "cloud"
    data: str = "any"
    profiles: int | None = None
    messages_per_hour: int | None = None
    latency: str | None = None
    needs: tuple[str, ...] = ()
    current: str = "none"

    def get(self, question_id: str) -> Any:
        return getattr(self, question_id)

    @property
    def models(self) -> tuple[str, ...]:
        """The engagement models the answers ask for: `both` is triggered and scheduled."""
        return ("triggered", "scheduled") if self.trigger == "both" else (self.trigger,)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "trigger": self.trigger,
            "channels": list(self.channels),
            "deployment": self.deployment,
            "data": self.data,
        }
        if self.profiles is not None:
            out["profiles"] = self.profiles
        if self.messages_per_hour is not None:
            out["messages_per_hour"] = self.messages_per_hour
        if self.latency is not None:
            out["latency"] = self.latency
        out["needs"] = list(self.needs)
        out["current"] = self.current
        return out


# Message parameters that the localizer turns into words of the user's language.
class Term(NamedTuple):
    """An option id (a channel, a deployment...) shown with its glossary term."""

    id: str


class Terms(NamedTuple):
    """Several option ids, shown as a localized list."""

    ids: tuple[str, ...]


class Choices(NamedTuple):
    """The ids a flag or file accepts, listed in the locale's way, each followed by its glossary
    term where that term says more than the id: what to type, and what it means."""

    ids: tuple[str, ...]


class Count(NamedTuple):
    """A number of profiles or messages, shown compactly (200M, 2.5M, 50k)."""

    value: int


class Number(NamedTuple):
    """A whole number shown with the locale's digit grouping (1,000,000 / 1.000.000)."""

    value: int


class Date(NamedTuple):
    """An ISO date (2025-08-25) shown as the locale writes dates in a sentence."""

    iso: str


class Message(NamedTuple):
    """A translatable sentence: a UI-string key and its parameters."""

    key: str
    params: Mapping[str, Any] = _NO_PARAMS


class Verdict(NamedTuple):
    """What the rules say about one blueprint for one set of answers."""

    blueprint: str
    eligible: bool
    score: int
    reasons: tuple[Message, ...]
    blocked_by: tuple[Message, ...]
    warnings: tuple[Message, ...]
    fired: tuple[str, ...]  # ids of the rules that fired, in rule order
    # (rule id, effect, points, message, source) of each rule that fired, for --explain
    trace: tuple[tuple[str, str, int, Message, str], ...] = ()


class Caveat(NamedTuple):
    """A caveat of the result: its text (a Message) and the sources that conflict."""

    id: str
    message: Message
    sources: tuple[str, ...]


class Result(NamedTuple):
    answers: Answers
    ranking: tuple[Verdict, ...]
    pick: str | None
    integration: Integration | None
    warnings: tuple[Message, ...]
    caveats: tuple[Caveat, ...] = ()
    # The pick's score minus the best other eligible one's; None when no other is eligible.
    margin: int | None = None
    # Excluded blueprints that would lead on points: the pick won by their elimination.
    eliminated: tuple[str, ...] = ()


class OverviewEntry(NamedTuple):
    """One blueprint row of an overview page."""

    id: str
    name: str
    description: str
    status: str  # "current" or "deprecated"
    architecture: str
    href: str
    location: str  # "file:line" of the row
    description_from: str | None = None  # set when the description came from elsewhere


class BlueprintPage(NamedTuple):
    id: str
    title: str
    intro: str
    sections: Mapping[str, tuple[str, ...]]
    alerts: tuple[str, ...]
    location: str


class Problem(NamedTuple):
    """A problem found in a pages folder, reported as `location: message`.

    `key` names the UI string that translates `default` (an English template of `params`).
    """

    location: str
    key: str
    default: str
    params: Mapping[str, Any] = _NO_PARAMS
    fatal: bool = False

    @property
    def message(self) -> str:
        return self.default.format(**self.params)


class PageSet(NamedTuple):
    locale: str
    root: str
    entries: Mapping[str, OverviewEntry]
    page_files: Mapping[str, str]  # blueprint id -> path of its page
    problems: tuple[Problem, ...] = ()
