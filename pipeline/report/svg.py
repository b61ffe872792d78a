"""Tiny helpers for writing SVG by hand: the charts are simple enough that a plotting library would only
add a dependency and a few hundred kilobytes of markup."""

from __future__ import annotations

from html import escape


def attrs(**values: object) -> str:
    """Attributes from keywords (`class_` for class, `data_x` for data-x); None values are left out."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f'{name}="{escape(str(value))}"')
    return " ".join(parts)


def text_width(text: str, size: float) -> float:
    """Rough rendered width of `text` in the page's sans-serif font, enough to size boxes around labels."""
    return len(text) * size * 0.6


def title(text: str) -> str:
    """A tooltip child element."""
    return f"<title>{escape(text)}</title>"


def num(value: float) -> str:
    """Coordinates with one decimal: precise enough on screen and keeps large charts small."""
    return f"{value:.1f}".rstrip("0").rstrip(".")
