"""Tell court orders, opinions and news apart from the text's structure and language."""

from __future__ import annotations

import re

_HEAD = 6000
_CAPTION = re.compile(
    r"UNITED\s+STATES\s+(DISTRICT|BANKRUPTCY)\s+COURT|IN\s+THE\s+UNITED\s+STATES|SUPERIOR\s+COURT|"
    r"COURT\s+OF\s+APPEALS|SUPREME\s+COURT|Board\s+of\s+Immigration\s+Appeals|TAX\s+COURT|"
    r"Plaintiffs?,?\s*\n|Defendants?[.,]?\s*\n|Petitioners?,|Appellants?,|Respondents?[.,]",
    re.IGNORECASE,
)
_ORDER = re.compile(
    r"\bIT\s+IS\s+(SO\s+|HEREBY\s+|FURTHER\s+)?ORDERED\b|^\s*ORDER\b|\bORDER\s+(GRANTING|DENYING|RE|ON|TO)\b|"
    r"\bSTIPULATION\s+AND\s+(\[PROPOSED\]\s+)?ORDER\b|CIVIL\s+MINUTES",
    re.MULTILINE,
)
_OPINION = re.compile(
    r"\b(OPINION|MEMORANDUM\s+AND\s+ORDER|MEMORANDUM\s+OPINION|MEMORANDUM\*?|Circuit\s+Judges?|"
    r"J\.\s*:|delivered\s+the\s+opinion|PER\s+CURIAM|AFFIRMED|REVERSED|VACATED)\b"
)
_NEWS = re.compile(
    r"\b(said|told|according to|spokes(person|man|woman)|reported|(AP|Reuters) Photo)\b", re.IGNORECASE
)


def detect_kind(text: str, stated: str | None = None, media_type: str | None = None) -> str:
    """`court_order`, `opinion`, `news` or `other`; a kind stated by a sidecar wins."""
    if stated in ("court_order", "opinion", "news", "other"):
        return stated
    head = text[:_HEAD]
    captioned = bool(_CAPTION.search(head))
    if captioned:
        orders = len(_ORDER.findall(text))
        opinions = len(_OPINION.findall(head))
        return "court_order" if orders and orders >= opinions / 2 else "opinion"
    if media_type == "text/html" or len(_NEWS.findall(head)) >= 2:
        return "news"
    return "other"
