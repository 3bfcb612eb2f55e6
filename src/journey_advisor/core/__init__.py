"""Pure decisions: answers, the rule engine, languages and text. No files, no environment, no
printing, no typer or rich."""
