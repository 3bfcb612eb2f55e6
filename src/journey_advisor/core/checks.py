"""What the facts say of one blueprint for one set of answers: the checks that exclude rules
and warn rules name (`check:` in rules.yaml). Each returns its findings, the parameters of the
rule's message (none when the blueprint is fine); a finding's `source` names the fact's page."""

from __future__ import annotations

from typing import Callable

from ..models import (
    Answers,
    BlueprintFacts,
    Count,
    Date,
    Fact,
    Guardrail,
    Message,
    RuleSet,
    Term,
    Terms,
)
from ..vocabulary import LATENCIES

Check = Callable[[BlueprintFacts, Answers, RuleSet], list[dict]]


def latency_model(answers: Answers) -> str:
    """The engagement model whose speed the latency answer is about. For `both` it is the
    triggered one: the scheduled part is batch by nature, the question is how fast a reaction
    can be."""
    return "triggered" if answers.trigger in ("triggered", "both") else "scheduled"


def slower(level: str | None, accepted: str | None) -> bool:
    """True when `level` is slower than the accepted latency (None: no constraint)."""
    if level is None or accepted is None:
        return False
    return LATENCIES.index(level) > LATENCIES.index(accepted)


def need_state(fact: Fact | None, answers: Answers) -> str:
    """yes, no or open: what the documentation says of meeting a need with these answers."""
    if fact is None:
        return "open"
    if fact.value != "yes":
        return str(fact.value)
    if fact.channels is not None and not set(answers.channels) & set(fact.channels):
        return "no"  # e.g. Decision Management travels only in Journey Optimizer's own channels
    if slower(fact.latency, answers.latency):
        return "no"
    if fact.models is not None and not set(fact.models) & set(answers.models):
        return "open"
    return "yes"


def applicable_guardrails(blueprint: BlueprintFacts, answers: Answers) -> list[tuple[Guardrail, int]]:
    """The guardrails that apply to these answers, each with the stated value it is measured on.
    A per-channel figure applies when one of its channels is chosen."""
    if answers.profiles is None and answers.messages_per_hour is None:
        return []
    out = []
    for guardrail in blueprint.guardrails:
        value = answers.get(guardrail.measure)
        if value is not None and guardrail_applies(guardrail, answers):
            out.append((guardrail, value))
    return out


def guardrail_applies(guardrail: Guardrail, answers: Answers) -> bool:
    """True when the guardrail concerns these answers: their engagement model (`both` has its
    own figures) and, for a per-channel figure, one of its channels."""
    if guardrail.applies_to is not None and answers.trigger not in guardrail.applies_to:
        return False
    return guardrail.channels is None or bool(set(guardrail.channels) & set(answers.channels))


def guardrail_params(guardrail: Guardrail, value: int) -> dict:
    params = {"guardrail": Message(f"guardrail.{guardrail.id}"), "measure": Term(guardrail.measure),
              "value": Count(value), "limit": Count(guardrail.limit)}
    if guardrail.withdrawn:
        params["withdrawn"] = Date(guardrail.withdrawn)
    params["source"] = guardrail.source
    return params


def _channels(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    missing = tuple(c for c in answers.channels if not bp.supports_channel(c))
    if not missing:
        return []
    sources = "; ".join(bp.channels[c].source for c in missing if c in bp.channels)
    return [{"channels": Terms(missing), "source": sources}]


def _channels_for_model(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    """Channels it has, but not for the engagement model asked (direct mail only in Journey
    Optimizer's campaigns; in-app and code-based only in its journeys)."""
    findings = []
    for channel in answers.channels:
        if bp.supports_channel(channel) and not bp.supports_channel(channel, answers.models):
            findings.append({"channels": Term(channel),
                             "models": Terms(bp.channels[channel].models or ()),
                             "source": bp.channels[channel].source})
    return findings


def _deployment(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    if bp.supports_deployment(answers.deployment):
        return []
    fact = bp.deployment.get(answers.deployment)
    return [{"deployment": Term(answers.deployment), "source": fact.source if fact else ""}]


def _exceeded(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    return [guardrail_params(g, v) for g, v in applicable_guardrails(bp, answers)
            if g.enforce == "exclude" and v > g.limit]


def _beyond(status: str) -> Check:
    """Warn-only figures passed: withdrawn ones, sizing steps, limits of a share of the total."""
    def check(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
        return [guardrail_params(g, v) for g, v in applicable_guardrails(bp, answers)
                if g.enforce == "warn" and g.status == status and v > g.limit]
    return check


def _near(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    return [guardrail_params(g, v) for g, v in applicable_guardrails(bp, answers)
            if g.status in ("documented", "sizing") and rules.near_limit_ratio * g.limit <= v <= g.limit]


def _deprecated(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    if bp.status != "deprecated":
        return []
    return [{"since": Date(bp.deprecated_since) if bp.deprecated_since else "?"}]


def _latency(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
    fact = bp.latency.get(latency_model(answers))
    if fact is None or not slower(fact.value, answers.latency):
        return []
    return [{"latency": Term(answers.latency or ""), "best": Term(fact.value), "source": fact.source}]


def _needs_in(state: str) -> Check:
    def check(bp: BlueprintFacts, answers: Answers, rules: RuleSet) -> list[dict]:
        return [{"need": Term(need), "source": bp.needs[need].source if need in bp.needs else ""}
                for need in answers.needs if need_state(bp.needs.get(need), answers) == state]
    return check


# The answers each check reads: a blueprint blocked by a check stays blocked while they stay.
CHECK_READS: dict[str, tuple[str, ...]] = {
    "channels": ("channels",),
    "channels-for-model": ("channels", "trigger"),
    "deployment": ("deployment",),
    "guardrail-exceeded": ("trigger", "channels", "profiles", "messages_per_hour"),
    "guardrail-withdrawn": ("trigger", "channels", "profiles", "messages_per_hour"),
    "guardrail-sizing": ("trigger", "channels", "profiles", "messages_per_hour"),
    "guardrail-share": ("trigger", "channels", "profiles", "messages_per_hour"),
    "guardrail-near": ("trigger", "channels", "profiles", "messages_per_hour"),
    "deprecated": (),
    "latency": ("trigger", "latency"),
    "need-unmet": ("needs", "channels", "latency", "trigger"),
    "need-open": ("needs", "channels", "latency", "trigger"),
}

CHECKS: dict[str, Check] = {
    "channels": _channels,
    "channels-for-model": _channels_for_model,
    "deployment": _deployment,
    "guardrail-exceeded": _exceeded,
    "guardrail-withdrawn": _beyond("withdrawn"),
    "guardrail-sizing": _beyond("sizing"),
    "guardrail-share": _beyond("share"),
    "guardrail-near": _near,
    "deprecated": _deprecated,
    "latency": _latency,
    "need-unmet": _needs_in("no"),
    "need-open": _needs_in("open"),
}
