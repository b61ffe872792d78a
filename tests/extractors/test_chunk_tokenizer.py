"""The chunk tokenizer gives exactly spaCy's tokens: text, offsets, trailing whitespace and special-case norms."""

from __future__ import annotations

import pytest
import spacy
from docketflow.extractors import chunk_tokenizer as module
from docketflow.extractors.chunk_tokenizer import ChunkTokenizer, chunk_tokenizer
from docketflow.extractors.nlp import build_nlp
from spacy.tokens import Doc

TEXTS = [
    ("plain words", "The court granted the motion."),
    ("special cases with norms", "On Dec. 5 the Ala. court said we can't and won't."),
    ("abbreviations and reporters", "See Roe v. Doe, 123 F.3d 456 (9th Cir. 1999); U.S. Const. art. I."),
    ("a space after a word, then more", "first  second   third \tfourth"),
    ("line breaks and indents", "CAPTION\n\n    Plaintiff,\n  v.\n\n\tDefendant.\n"),
    ("a space before a line break", "word \nnext \n\n end"),
    ("leading and trailing whitespace", "   starts late and ends with spaces   "),
    ("a single trailing space", "ends with one space "),
    ("non-breaking and other spaces", "a\u00a0b \u2003c\u2009d \x0ce"),
    ("docket numbers and dates", "No. 4:21-cv-01234-ABC, filed 03/14/2022 (ECF No. 12)."),
    ("quotes, dashes, brackets", "\u201cDenied\u201d\u2014in part [sic]; (see id. at 4-5)."),
    ("urls and e-mails", "Visit https://example.gov/a?b=c or write to clerk@example.gov."),
    ("only whitespace", " \n \n"),
    ("empty", ""),
    ("one space", " "),
]


def _tokens(doc: Doc) -> list[tuple[str, int, str, str, int]]:
    return [(t.text, t.idx, t.whitespace_, t.norm_, t.orth) for t in doc]


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[case for case, _ in TEXTS])
def test_same_tokens_as_spacy(case: str, text: str) -> None:
    stock = spacy.blank("en").tokenizer
    ours = build_nlp().tokenizer
    assert isinstance(ours, ChunkTokenizer)
    for _ in range(2):  # the second time every chunk comes from memory
        doc = ours(text)
        assert _tokens(doc) == _tokens(stock(text)), case
        assert doc.text == text


def test_remembers_chunks_only_while_there_is_room(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    ours = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
    monkeypatch.setattr(module, "MEMO_ENTRIES", 3)
    text = "alpha beta gamma delta epsilon, zeta. Ala. alpha"
    assert _tokens(ours(text)) == _tokens(spacy.blank("en").tokenizer(text))
    assert len(ours._memo) == 3
    assert _tokens(ours(text)) == _tokens(spacy.blank("en").tokenizer(text))


def test_long_chunks_are_not_remembered() -> None:
    nlp = spacy.blank("en")
    ours = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
    long = "x" * (module.MEMO_CHUNK_CHARS + 1)
    ours(f"short {long}")
    assert "short " in ours._memo and long not in ours._memo


def test_nothing_is_remembered_in_a_memory_zone() -> None:
    nlp = spacy.blank("en")
    nlp.tokenizer = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
    with nlp.memory_zone():
        doc = nlp.make_doc("Words seen only inside a zone.")
        assert [t.text for t in doc][-1] == "."
    assert nlp.tokenizer._memo == {}


def test_other_tokenizers_are_kept() -> None:
    nlp = spacy.blank("en")
    custom = object()
    assert chunk_tokenizer(custom, nlp.vocab) is custom
    assert isinstance(chunk_tokenizer(nlp.tokenizer, nlp.vocab), ChunkTokenizer)


def test_rules_and_serialization_are_the_wrapped_tokenizers(tmp_path) -> None:
    nlp = spacy.blank("en")
    ours = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
    assert [t.text for t in ours("gimme that")] == ["gimme", "that"]
    ours.add_special_case("gimme", [{"ORTH": "gim"}, {"ORTH": "me"}])
    assert [t.text for t in ours("gimme that")] == ["gim", "me", "that"]
    ours.suffix_search = None
    assert ours.tokenizer.suffix_search is None
    assert ours._memo == {}
    ours.to_disk(tmp_path / "tokenizer")
    assert spacy.blank("en").tokenizer.from_disk(tmp_path / "tokenizer").rules["gimme"]
    assert ours.explain("gimme")[0][1] == "gim"
