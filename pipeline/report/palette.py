"""Colours, defined once: the stylesheet gets them as CSS custom properties, the charts as class names.

Entity colours follow displaCy's, so people who know spaCy's visualizer read the highlights at a glance.
"""

from __future__ import annotations

ENTITY_COLOURS = {
    "AGENCY": "#7aecec",  # displaCy ORG
    "JUDGE": "#aa9cfc",  # PERSON
    "COURT": "#feca74",  # GPE
    "STATUTE": "#ff8197",  # LAW
    "DATA_CATEGORY": "#bfeeb7",  # PRODUCT
    "DATE": "#bfe1d9",  # DATE
    "CASE": "#f0d0ff",  # WORK_OF_ART
    "DOCKET": "#e4e7d2",  # CARDINAL
}
OTHER_ENTITY = "#ddd"

EFFECT_COLOURS = {"permitted": "#2b8a3e", "limited": "#e67700", "barred": "#c92a2a", "none": "#868e96"}
"""What a holding did to the data sharing; `none` when the record does not say."""

STATUS_COLOURS = {"in_effect": "#1c7ed6", "limited": "#e67700", "enjoined": "#c92a2a", "proposed": "#7048e8",
                  "terminated": "#495057", "none": "#868e96"}
"""Agreement status, in the order that wins when one edge carries agreements with several statuses."""


def effect_class(effect: str | None) -> str:
    return f"eff-{effect if effect in EFFECT_COLOURS else 'none'}"


def status_class(status: str | None) -> str:
    return f"st-{status if status in STATUS_COLOURS else 'none'}"


def palette_css() -> str:
    """Custom properties and the per-label entity classes the page's stylesheet and script use."""
    props = [f"--eff-{k}:{v}" for k, v in EFFECT_COLOURS.items()]
    props += [f"--st-{k}:{v}" for k, v in STATUS_COLOURS.items()]
    rules = [":root{" + ";".join(props) + "}", f".ent{{background:{OTHER_ENTITY}}}"]
    rules += [f".ent-{label}{{background:{colour}}}" for label, colour in ENTITY_COLOURS.items()]
    rules += [f".off-{label} .ent-{label}{{background:none}}.off-{label} .ent-{label}::after{{display:none}}"
              f".legend .ent-{label}.off{{background:none;box-shadow:inset 0 0 0 1px {colour}}}"
              for label, colour in ENTITY_COLOURS.items()]
    rules += [f".eff-{k}{{--c:var(--eff-{k})}}" for k in EFFECT_COLOURS]
    rules += [f".st-{k}{{--c:var(--st-{k})}}" for k in STATUS_COLOURS]
    return "\n".join(rules)
