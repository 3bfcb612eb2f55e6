"""The ids of the product contract (PRODUCT.md sections 3 and 5), named once. They are never
localized; every other module imports them from here."""

from __future__ import annotations

BLUEPRINT_IDS = ("journey-optimizer", "campaign-v8", "campaign-v7")

# The questions, in the order they are asked, and the fixed options of each. rules.yaml must
# declare exactly these, so a typo there is caught instead of silently never matching.
QUESTION_IDS = ("trigger", "channels", "deployment", "data", "profiles", "messages_per_hour")
QUESTION_OPTIONS: dict[str, tuple[str, ...]] = {
    "trigger": ("triggered", "scheduled", "both"),
    "channels": ("email", "sms", "push", "in-app", "web", "code-based", "direct-mail", "custom"),
    "deployment": ("cloud", "on-premise", "hybrid"),
    "data": ("platform", "etl", "any"),
}
# The flag that answers each question on the command line.
FLAGS = {
    "trigger": "--trigger",
    "channels": "--channel",
    "deployment": "--deployment",
    "data": "--data",
    "profiles": "--profiles",
    "messages_per_hour": "--messages-per-hour",
}

# Facts compared side by side: the engagement models and data strategies a blueprint is rated on
# (the `both` and `any` answers are not facts of their own).
ENGAGEMENT_MODELS = ("triggered", "scheduled")
CHANNELS = QUESTION_OPTIONS["channels"]
DEPLOYMENTS = QUESTION_OPTIONS["deployment"]
DATA_STRATEGIES = ("platform", "etl")
MEASURES = ("profiles", "messages_per_hour")

STATUSES = ("current", "deprecated")
SECTION_KINDS = ("use_cases", "prerequisites", "guardrails", "integration_patterns")

FORMATS = ("table", "json", "yaml", "markdown")
SHOW_FORMATS = FORMATS + ("mermaid",)
SCHEMA_VERSION = 1
