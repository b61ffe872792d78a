"""Plain text (.txt, .md): decode, normalise line ends, and otherwise keep the text as it is.

Decoding order: UTF-8 (with or without BOM), UTF-16/32 with a BOM, whatever charset-normalizer
detects, and finally latin-1, which never fails but may be wrong, hence a warning. On short
Western text charset-normalizer tends to pick cp1250 (turning "à" into "ŕ"); legal and news text
in a Latin script is far more often Windows-1252, so that is preferred whenever it decodes.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from docketflow.extractors.ecf import EcfStamp, document_stamp, find_stamps

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass
class PlainText:
    """Decoded text, the encoding used, and anything worth a warning."""

    text: str
    encoding: str
    stamp: EcfStamp | None = None
    warnings: list[str] = field(default_factory=list)


def _latin_script(text: str) -> bool:
    """True when every letter is Latin (ASCII, Latin-1 or Latin Extended)."""
    return all(ord(c) < 0x250 or not unicodedata.category(c).startswith("L") for c in text)


def _single_byte_guess(data: bytes) -> tuple[str, str, list[str]] | None:
    """Detected decoding, with cp1252 preferred over other Latin code pages (see module docstring)."""
    best = from_bytes(data).best()
    if best is None:
        return None
    guess = str(best)
    if _latin_script(guess):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
        warnings = [] if text == guess else [f"encoding: ambiguous, decoded as cp1252 (detector said {best.encoding})"]
        return text, "cp1252", warnings
    return guess, best.encoding, []


def decode(data: bytes) -> tuple[str, str, list[str]]:
    """Text, encoding name and warnings for `data` (see the module docstring for the order)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if guessed := _single_byte_guess(data):
        return guessed
    return data.decode("latin-1"), "latin-1", ["encoding: not UTF-8 and not detected; decoded as latin-1"]


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes) -> PlainText:
    """Decoded text with LF line ends and no NUL characters (which break downstream tools).

    A CM/ECF stamp pasted along with the text is parsed (docket, entry, filing date) but left in
    place: plain text is kept as given.
    """
    text, encoding, warnings = decode(data)
    if "\x00" in text:
        warnings.append(f"nul_bytes: removed {text.count(chr(0))} NUL characters")
        text = text.replace("\x00", "")
    text = normalize_newlines(text)
    first_page_stamps = find_stamps(text[:5000])
    return PlainText(text, encoding, document_stamp(first_page_stamps), warnings)
