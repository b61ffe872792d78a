"""Our components keep spaCy's contracts: config, declared order, serialization, multiprocessing, saving."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from docketflow.extractors import data
from docketflow.extractors.entities import doc_entities
from docketflow.extractors.eyecite_adapter import EyeciteAdapterError, active, citations
from docketflow.extractors.nlp import COMPONENTS, build_nlp, check_order
from docketflow.extractors.spans import DocContext, context
from spacy.tokens import Doc, DocBin

TEXT = (
    "UNITED STATES DISTRICT COURT\nDISTRICT OF OREGON\nCase No. 6:24-cv-00417-PQR\n\nORDER\n\n"
    "U.S. District Judge Marisol T. Quintero ruled on April 9, 2024 that the Internal Revenue Service may "
    "share taxpayer addresses with ICE under 26 U.S.C. § 6103, but not medical records. "
    "See Doe v. Roe, 512 U.S. 101 (1994)."
)


def _spans(doc: Doc, key: str = "docketflow") -> list[tuple[str, str, int, int]]:
    return [(s.label_, s.kb_id_, s.start_char, s.end_char) for s in doc.spans[key]]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def test_the_span_group_exists_on_a_text_without_entities() -> None:
    nlp = spacy.blank("en")
    for name in ("docketflow_cases", "docketflow_courts", "docketflow_judges", "docketflow_agencies"):
        nlp.add_pipe(name)
    assert list(nlp("Nothing of interest happened here.").spans["docketflow"]) == []


def test_spans_key_is_configurable_and_shared_by_all_components() -> None:
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"spans_key": "sc"})
    doc = nlp(TEXT)
    assert "docketflow" not in doc.spans
    labels = {s.label_ for s in doc.spans["sc"]}
    assert {"COURT", "JUDGE", "AGENCY", "STATUTE", "DOCKET", "DATE", "CASE"} <= labels
    assert [e["key"] for e in doc_entities(doc) if e["label"] == "JUDGE"] == ["Marisol T. Quintero"]


def test_write_ents_puts_non_overlapping_entities_on_doc_ents() -> None:
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name, config={"write_ents": True})
    doc = nlp(TEXT)
    ents = [(e.label_, e.kb_id_) for e in doc.ents]
    assert ("JUDGE", "Marisol T. Quintero") in ents
    assert ("AGENCY", "IRS") in ents
    assert all(a.end <= b.start for a, b in zip(doc.ents, doc.ents[1:], strict=False))


def test_components_declare_what_they_assign_and_require(nlp) -> None:
    summary = nlp.analyze_pipes()["summary"]
    assert "doc._.docketflow_citations" in summary["docketflow_cases"]["assigns"]
    assert "doc._.docketflow_courts" in summary["docketflow_judges"]["requires"]
    assert "doc._.docketflow_dockets" in summary["docketflow_dates"]["requires"]


def test_an_order_spacy_finds_wrong_is_refused() -> None:
    nlp = spacy.blank("en")
    for name in ("docketflow_dates", "docketflow_dockets", "docketflow_cases"):
        nlp.add_pipe(name)
    with pytest.raises(ValueError, match="docketflow_dates needs"):
        check_order(nlp)


def test_to_bytes_and_docbin_round_trip_keep_spans_and_context(nlp) -> None:
    doc = nlp.make_doc(TEXT)
    doc._.docketflow = DocContext(kind="court_order", page_starts=[0, 120])
    doc = nlp(doc)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _spans(again) == _spans(doc)
    assert doc_entities(again) == doc_entities(doc)
    assert context(again).kind == "court_order" and context(again).page_of(130) == 2

    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (restored,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert doc_entities(restored) == doc_entities(doc)


def test_multiprocess_pipe_gives_the_same_spans(nlp) -> None:
    texts = [TEXT, "ICE asked the Social Security Administration for addresses on May 2, 2023.", "Nothing."]
    plain = [_spans(nlp(t)) for t in texts]
    assert [_spans(d) for d in nlp.pipe(texts, n_process=2, batch_size=1)] == plain


def test_a_saved_pipeline_loads_with_its_patterns(nlp, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "docketflow_agencies" / "patterns" / "agencies.tsv").is_file()
    loaded = spacy.load(tmp_path / "saved")
    assert loaded.pipe_names == list(COMPONENTS)
    assert _spans(loaded(TEXT)) == _spans(nlp(TEXT))


def test_edited_patterns_in_a_saved_pipeline_are_used(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("docketflow_agencies")
    nlp.to_disk(tmp_path / "p")
    table = tmp_path / "p" / "docketflow_agencies" / "patterns" / "agencies.tsv"
    header = table.read_text(encoding="utf-8").splitlines()[0].split("\t")
    row = {column: "" for column in header} | {"key": "OIR", "name": "Office of Imaginary Records"}
    with table.open("a", encoding="utf-8") as fh:
        fh.write("\t".join(row[column] for column in header) + "\n")
    try:
        loaded = spacy.load(tmp_path / "p")
        doc = loaded("The Office of Imaginary Records kept the files.")
        assert "OIR" in {s.kb_id_ for s in doc.spans["docketflow"]}
    finally:
        data.use_patterns(Path(str(data.PATTERNS)))


def test_eyecite_adaptation_is_active_and_scoped() -> None:
    found = citations("See Doe v. Roe, 512 U.S. 101, 105 (1994).")
    assert [c.corrected_reporter() for c in found] == ["U.S."]
    assert active() == {"court_lookup_cached": True, "helper_patterns_cached": True, "reference_search_restored": True}


def test_eyecite_adapter_fails_loudly_when_an_internal_is_missing(monkeypatch) -> None:
    from docketflow.extractors import eyecite_adapter
    from eyecite import find

    monkeypatch.delattr(find, "extract_pincited_reference_citations")
    eyecite_adapter._adapted.cache_clear()
    try:
        with pytest.raises(EyeciteAdapterError, match="extract_pincited_reference_citations"):
            citations("512 U.S. 101")
    finally:
        monkeypatch.undo()
        eyecite_adapter._adapted.cache_clear()
