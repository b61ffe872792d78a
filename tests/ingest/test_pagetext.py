"""Page-text judgements that do not need a PDF: garbage text layers and page joining."""

from __future__ import annotations

from docketflow.pipeline.ingest.pagetext import join_pages, lacks_text, text_problem

PROSE = "The motion to compel is granted in part and denied in part for the reasons stated. " * 3


def test_prose_is_usable() -> None:
    assert text_problem(PROSE) is None


def test_broken_font_encoding_is_garbage() -> None:
    garbled = "".join(chr(0x01 + (i * 7) % 30) if i % 3 else "$" for i in range(600))
    assert text_problem(garbled) == "garbage"
    assert text_problem("\ue001\ue002\ue003 " * 100) == "garbage"


def test_a_table_of_numbers_is_not_garbage() -> None:
    table = "Count 1 2 3 4 5 6 7 8 9 10 11 12\n" * 10 + PROSE
    assert text_problem(table) is None


def test_stamp_alone_counts_as_no_text() -> None:
    stamp_only = "Case 1:12-cv-05708-ER Document 11 Filed 09/27/13 Page 1 of 15"
    assert lacks_text(stamp_only)
    assert not lacks_text(stamp_only + "\n" + PROSE)


def test_join_pages_offsets() -> None:
    text, starts = join_pages(["one", "", "three"])
    assert text == "one\n\n\n\nthree"
    assert [text[s:].split("\n")[0] for s in starts] == ["one", "", "three"]
    assert starts == [0, 5, 7]
