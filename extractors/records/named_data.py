"""The data an arrangement moves, as the text names it, when no DATA_CATEGORY key fits.

"The Interior Department sends hunting permit lists to DHS", "ICE reads state boat registration
records": no vocabulary key says "hunting permits" or "boat registrations", but the record should still say
what goes. The fallback is the noun phrase as printed, lower case ("hunting permit lists"): a head noun of
records (information, data, records, lists, files, rolls, databases) with the content words before it. A
bare "data" or "information" names nothing and is not used; aggregate statistics are not personal data and
are not a head.
"""

from __future__ import annotations

import re

_HEADS = frozenset({"information", "data", "records", "record", "lists", "list", "files", "rolls", "databases",
                    "database"})
_NOT_MODIFIERS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "their", "its", "his", "her", "our", "some", "all", "any",
    "certain", "more", "other", "such", "of", "to", "for", "with", "and", "or", "from", "by", "on", "in", "at",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "may", "share",
    "shares", "shared", "sharing", "provide", "provides", "provided", "providing", "access", "accessing",
    "sensitive", "personal", "basic", "limited", "detailed", "new", "federal", "government", "agency", "agency's",
    # verbs whose object the head is ("facilitate data sharing"): blank-model text has no part of speech
    "facilitate", "facilitates", "obtain", "obtained", "collect", "collected", "use", "uses", "used", "using", "get",
    "gather", "gathered", "combine", "combined", "transfer", "transferred", "send", "sent", "hand", "turn", "seek",
    "sought", "request", "requested", "demand", "demanded", "receive", "received", "give", "gave", "view", "protect",
    "include", "includes", "including", "contain", "contains", "merge", "merged", "screen", "verify", "match",
    "matched", "compare", "exchange", "exchanged", "release", "released", "disclose", "disclosed",
})
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _modifier(word: str) -> bool:
    """A content word that can describe the data: not a function word, a verb of handling it or a gerund."""
    lower = word.lower()
    return lower not in _NOT_MODIFIERS and not lower.endswith("ing")


def named_data(sentence: str) -> str | None:
    """The first phrase naming what is shared, with at least one content word before its head."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(sentence)]
    for i, (word, _, _) in enumerate(words):
        if word.lower() not in _HEADS:
            continue
        first = i
        while first > 0 and i - first < 3 and _modifier(words[first - 1][0]) \
                and not words[first - 1][0][0].isupper() and sentence[words[first - 1][2]:words[first][1]] == " ":
            first -= 1
        if first < i:
            return " ".join(w for w, _, _ in words[first:i + 1]).lower()
    return None
