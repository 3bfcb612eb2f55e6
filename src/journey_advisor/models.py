"""Frozen data classes shared by the loaders, the engine and the renderers. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

BLUEPRINT_IDS = ("journey-optimizer", "campaign-v8", "campaign-v7")
QUESTION_IDS = ("trigger", "channels", "deployment", "data", "profiles", "messages_per_hour")
SECTION_KINDS = ("use_cases", "prerequisites", "guardrails", "integration_patterns")


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "choice", "choices" (several) or "count"
    required: bool = False
    options: tuple[str, ...] = ()
    default: str | None = None


@dataclass(frozen=True)
class Guardrail:
    id: str
    measure: str  # an answer id: "profiles" or "messages_per_hour"
    limit: int
    unit: str
    stated: str
    enforce: str  # "exclude" or "warn"
    source: str
    applies_to: tuple[str, ...] | None = None  # engagement answers it applies to; None = all


@dataclass(frozen=True)
class Fact:
    value: Any
    source: str


@dataclass(frozen=True)
class BlueprintFacts:
    id: str
    name: str
    status: str
    link: str
    engagement: Mapping[str, Fact]  # triggered/scheduled -> level
    channels: Mapping[str, Fact]  # channel -> supported (bool)
    deployment: Mapping[str, Fact]  # deployment -> supported (bool)
    data: Mapping[str, Fact]  # platform/etl -> fit
    guardrails: tuple[Guardrail, ...]
    deprecated_since: str | None = None

    def supports_channel(self, channel: str) -> bool:
        fact = self.channels.get(channel)
        return bool(fact and fact.value)

    def supports_deployment(self, deployment: str) -> bool:
        fact = self.deployment.get(deployment)
        return bool(fact and fact.value)


@dataclass(frozen=True)
class Rule:
    id: str
    effect: str  # "exclude", "score" or "warn"
    reason: str
    check: str | None = None
    when: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    blueprints: tuple[str, ...] | None = None  # None = every blueprint
    points: int = 0


@dataclass(frozen=True)
class Integration:
    id: str
    members: tuple[str, ...]
    deployment: tuple[str, ...]
    trigger: tuple[str, ...]
    suggest_when: Mapping[str, tuple[str, ...]]
    link: str


@dataclass(frozen=True)
class RuleSet:
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    tie_break: tuple[str, ...]
    near_limit_ratio: float
    integrations: tuple[Integration, ...]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


@dataclass(frozen=True)
class Answers:
    trigger: str
    channels: tuple[str, ...]
    deployment: str = "cloud"
    data: str = "any"
    profiles: int | None = None
    messages_per_hour: int | None = None

    def get(self, question_id: str) -> Any:
        return getattr(self, question_id)

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
        return out


# Message parameters that the localizer turns into words of the user's language.
@dataclass(frozen=True)
class Term:
    """An option id (a channel, a deployment...) shown with its glossary term."""

    id: str


@dataclass(frozen=True)
class Terms:
    """Several option ids, shown as a localized list."""

    ids: tuple[str, ...]


@dataclass(frozen=True)
class Count:
    """A number of profiles or messages, shown compactly (200M, 2.5M, 50k)."""

    value: int


@dataclass(frozen=True)
class Message:
    """A translatable sentence: a UI-string key and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """What the rules say about one blueprint for one set of answers."""

    blueprint: str
    eligible: bool
    score: int
    reasons: tuple[Message, ...]
    blocked_by: tuple[Message, ...]
    warnings: tuple[Message, ...]
    fired: tuple[str, ...]  # ids of the rules that fired, in rule order


@dataclass(frozen=True)
class Result:
    answers: Answers
    ranking: tuple[Verdict, ...]
    pick: str | None
    integration: Integration | None
    warnings: tuple[Message, ...]


@dataclass(frozen=True)
class OverviewEntry:
    """One blueprint row of an overview page."""

    id: str
    name: str
    description: str
    status: str  # "current" or "deprecated"
    architecture: str
    href: str
    location: str  # "file:line" of the row
    description_from: str | None = None  # set when the description came from elsewhere


@dataclass(frozen=True)
class BlueprintPage:
    id: str
    title: str
    intro: str
    sections: Mapping[str, tuple[str, ...]]
    alerts: tuple[str, ...]
    location: str


@dataclass(frozen=True)
class Problem:
    """A problem found in a pages folder, reported as `location: message`.

    `key` names the UI string that translates `default` (an English template of `params`).
    """

    location: str
    key: str
    default: str
    params: Mapping[str, Any] = field(default_factory=dict)
    fatal: bool = False

    @property
    def message(self) -> str:
        return self.default.format(**self.params)


@dataclass(frozen=True)
class PageSet:
    locale: str
    root: str
    entries: Mapping[str, OverviewEntry]
    page_files: Mapping[str, str]  # blueprint id -> path of its page
    problems: tuple[Problem, ...] = ()
