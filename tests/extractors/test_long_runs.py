"""Long runs of one punctuation character are tokenized in linear work, with the text and offsets unchanged.

spaCy's prefix and suffix splitting rescans the rest of a run for each character it strips, so the tokenizer
must never be handed a long run; these tests record what it is handed instead of timing it
(benchmarks/punctuation_runs.py times it)."""

from __future__ import annotations

from datetime import date

import pytest
from docketflow.extractors.nlp import build_nlp
from docketflow.extractors.spans import RUN_CHUNK, DocContext, entities, make_doc

MARKS = ["§", ",", "%", "$", ".", "-"]


class _Recorder:
    """Stands in for the tokenizer and notes the longest run of one character it was handed."""

    def __init__(self, tokenizer: object) -> None:
        self.tokenizer = tokenizer
        self.longest = 0

    def __call__(self, text: str):
        run = best = 0
        for i, char in enumerate(text):
            run = run + 1 if i and char == text[i - 1] and not char.isalnum() else 1
            best = max(best, run)
        self.longest = max(self.longest, best)
        return self.tokenizer(text)


@pytest.mark.parametrize("mark", MARKS)
def test_a_long_run_never_reaches_the_tokenizer_and_tokens_grow_linearly(mark: str) -> None:
    nlp = build_nlp()
    recorder = _Recorder(nlp.tokenizer)
    counts = []
    try:
        nlp.tokenizer = recorder
        for length in (4000, 8000):
            text = f"Filed under seal {mark * length}then released."
            doc = make_doc(nlp, text)
            assert doc.text == text
            counts.append(len(doc))
    finally:
        nlp.tokenizer = recorder.tokenizer
    assert recorder.longest < 64
    assert counts[1] <= 2.5 * counts[0]
    assert max(len(t.text) for t in doc) <= RUN_CHUNK


def test_ordinary_text_tokenizes_as_before() -> None:
    nlp = build_nlp()
    text = "A judge in Ohio, on May 4, 2031, barred the Mint—and the Bureau—from sharing data (see § 7). Done..."
    assert [t.text for t in make_doc(nlp, text)] == [t.text for t in nlp.make_doc(text)]


def test_entities_after_a_run_keep_their_offsets() -> None:
    nlp = build_nlp()
    text = "%" * 500 + " The hearing was held on May 4, 2031."
    doc = make_doc(nlp, text)
    doc._.docketflow = DocContext(anchor_date=date(2031, 6, 1), kind="other")
    doc = nlp(doc)
    (found,) = [e for e in entities(doc) if e.label_ == "DATE"]
    assert text[found.start_char:found.end_char] == "May 4, 2031"
