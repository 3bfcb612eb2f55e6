"""The ids of the product contract (PRODUCT.md sections 3 and 5), named once. They are never
localized; every other module imports them from here."""

from __future__ import annotations

BLUEPRINT_IDS = ("journey-optimizer", "campaign-v8", "campaign-v7")

# The questions, in the order they are asked, and the fixed options of each. rules.yaml must
# declare exactly these, so a typo there is caught instead of silently never matching.
QUESTION_IDS = ("trigger", "channels", "deployment", "data", "profiles", "messages_per_hour",
                "latency", "needs", "current")
QUESTION_OPTIONS: dict[str, tuple[str, ...]] = {
    "trigger": ("triggered", "scheduled", "both"),
    "channels": ("email", "sms", "push", "in-app", "web", "code-based", "direct-mail", "custom",
                 "line"),
    "deployment": ("cloud", "on-premise", "hybrid"),
    "data": ("platform", "etl", "warehouse", "any"),
    # The longest acceptable delay between the event or audience change and the message.
    "latency": ("seconds", "minutes", "hours", "day"),
    "needs": ("transactional", "offers", "multi-entity", "on-demand-audiences", "audience-journeys",
              "platform-audiences", "static-ip"),
    "current": ("none", "campaign-v7", "campaign-v8", "campaign-standard", "journey-optimizer"),
}
# The flag that answers each question on the command line.
FLAGS = {
    "trigger": "--trigger",
    "channels": "--channel",
    "deployment": "--deployment",
    "data": "--data",
    "profiles": "--profiles",
    "messages_per_hour": "--messages-per-hour",
    "latency": "--latency",
    "needs": "--need",
    "current": "--current",
}

# Facts compared side by side: the engagement models and data strategies a blueprint is rated on
# (the `both` and `any` answers are not facts of their own).
ENGAGEMENT_MODELS = ("triggered", "scheduled")
CHANNELS = QUESTION_OPTIONS["channels"]
DEPLOYMENTS = QUESTION_OPTIONS["deployment"]
DATA_STRATEGIES = ("platform", "etl", "warehouse")
MEASURES = ("profiles", "messages_per_hour")
LATENCIES = QUESTION_OPTIONS["latency"]  # fastest first
NEEDS = QUESTION_OPTIONS["needs"]
# What the documentation says of a blueprint and a need: it meets it, it cannot, or it is silent.
NEED_ANSWERS = ("yes", "no", "open")

STATUSES = ("current", "deprecated")
SECTION_KINDS = ("use_cases", "prerequisites", "guardrails", "integration_patterns")

FORMATS = ("table", "json", "yaml", "markdown")
SHOW_FORMATS = FORMATS + ("mermaid",)
SCHEMA_VERSION = 1
