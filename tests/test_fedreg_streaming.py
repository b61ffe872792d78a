"""A Federal Register document is bounded as it streams (issue 21, item 9): one larger than
`max_file_bytes`, or with more text than `max_chars`, is refused by its FR Doc. number as soon as it passes
the limit, the rest of it is read without being kept, and the documents after it are read as usual."""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources.fedreg_xml import iter_fedreg_xml

from tests.sources.helpers import summary

PARAGRAPH = b"<P>The bureau will send the names of grant applicants to the auditor each quarter.</P>\n"


def _notice(number: str, body: bytes) -> bytes:
    return (b"<NOTICE><PREAMB><AGENCY>Bureau of Made-Up Statistics</AGENCY><SUBJECT>Notice " + number.encode()
            + b"</SUBJECT></PREAMB><SUPLINF>" + body + b"</SUPLINF><FRDOC>[FR Doc. " + number.encode()
            + b" Filed 1-2-31; 8:45 am]</FRDOC></NOTICE>")


def _issue(*notices: bytes) -> bytes:
    return b"<FEDREG><DATE>Thursday, January 2, 2031</DATE><NOTICES>" + b"".join(notices) + b"</NOTICES></FEDREG>"


def _read(data: bytes, **options: object) -> list:
    settings = RunSettings(inputs=(Path("."),), progress=False, **options)
    return list(iter_fedreg_xml(io.BytesIO(data), "issue.xml", settings))


@pytest.mark.parametrize(("body", "options", "code"), [
    (PARAGRAPH * 200, {"max_file_bytes": 4_000}, "too_large"),             # many paragraphs
    (b"<P>" + b"word " * 2_000 + b"</P>", {"max_file_bytes": 4_000}, "too_large"),  # one long paragraph
    (b"<P/>" * 2_000, {"max_file_bytes": 4_000}, "too_large"),             # markup and no text
    (PARAGRAPH * 200, {"max_chars": 3_000}, "too_many_chars"),             # within bytes, too much text
    (PARAGRAPH * 2, {"max_file_bytes": 4_000, "max_chars": 3_000}, None),  # near miss: within both
])
def test_a_document_past_a_limit_is_refused_by_number_and_the_issue_reads_on(body, options, code):
    found = _read(_issue(_notice("2031-00001", b"<P>Before.</P>"), _notice("2031-00002", body),
                         _notice("2031-00003", b"<P>After.</P>")), **options)
    assert summary(found) == [("issue.xml#2031-00001", None), ("issue.xml#2031-00002", code),
                              ("issue.xml#2031-00003", None)]
    assert found[2].metadata["published"] == "2031-01-02"
    if code:
        message = found[1].error[1]
        assert message.startswith("a <NOTICE>") and ("max_file_bytes" in message or "max_chars" in message)


def test_whitespace_does_not_count_as_text():
    """Indentation between elements is not text the rendered notice keeps."""
    found = _read(_issue(_notice("2031-00004", b"<P>Short.</P>" + b" \n\t" * 3_000)), max_chars=1_000)
    assert summary(found) == [("issue.xml#2031-00004", None)]


def test_an_oversized_document_is_named_by_its_number_or_else_its_position():
    found = _read(_notice("2031-00005", PARAGRAPH * 200), max_file_bytes=2_000)
    assert summary(found) == [("issue.xml#2031-00005", "too_large")]
    broken = b"<NOTICE><SUPLINF>" + PARAGRAPH * 200 + b"</SUPLINF></NOTICE>"
    assert summary(_read(broken, max_file_bytes=2_000)) == [("issue.xml#item-1", "too_large")]


class _Endless(io.RawIOBase):
    """A notice of `size` bytes made on demand, so the test itself holds none of it."""

    def __init__(self, size: int) -> None:
        self.parts: Iterator[bytes] = self._parts(size)
        self.pending = b""

    @staticmethod
    def _parts(size: int) -> Iterator[bytes]:
        yield b"<NOTICE><SUPLINF>"
        block = PARAGRAPH * 1_000
        for _ in range(size // len(block)):
            yield block
        yield b"</SUPLINF><FRDOC>[FR Doc. 2031-00006 Filed 1-2-31; 8:45 am]</FRDOC></NOTICE>"

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        while not self.pending:
            self.pending = next(self.parts, b"")
            if not self.pending:
                return 0
        count = min(len(buffer), len(self.pending))
        buffer[:count], self.pending = self.pending[:count], self.pending[count:]
        return count


def test_reading_past_the_limit_keeps_nothing_of_the_document():
    """40 MB of one notice under a 1 MB limit: what is held stays near the limit, not the notice."""
    settings = RunSettings(inputs=(Path("."),), progress=False, max_file_bytes=1_000_000)
    tracemalloc.start()
    try:
        found = list(iter_fedreg_xml(io.BufferedReader(_Endless(40_000_000)), "big.xml", settings))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert summary(found) == [("big.xml#2031-00006", "too_large")]
    assert peak < 12_000_000
