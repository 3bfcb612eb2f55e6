"""Renderers: a result or view to text (JSON, YAML, markdown, rich). Never read files, never exit."""
