"""Checks that a run can work at all, made before any input is touched.

A run that cannot work (a spaCy model that is not installed) must stop once, with one line that says why,
instead of failing in every worker and recording each input as an error.
"""

from __future__ import annotations

from pathlib import Path

from docketflow.pipeline.settings import RunSettings


class CannotRun(Exception):
    """The run cannot work as configured; the message is one line for the user."""


def check_model(name: str | None) -> None:
    """`--model` must name an installed spaCy package or a pipeline folder ('blank' and None need neither)."""
    if not name or name == "blank":
        return
    import spacy.util

    if not (spacy.util.is_package(name) or (Path(name) / "config.cfg").is_file()):
        raise CannotRun(f"--model {name}: no installed spaCy package or pipeline folder of that name "
                        f"(install it with `python -m spacy download {name}`, or leave --model out "
                        "to use spacy.blank('en'))")


def check(settings: RunSettings) -> None:
    """Everything that can be known to fail before the first document is read."""
    check_model(settings.spacy_model)
