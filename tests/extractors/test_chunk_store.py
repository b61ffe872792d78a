"""A tokenizer that starts from the chunks another process saved makes exactly spaCy's tokens, and a missing,
cut or foreign file only costs the learning again."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from docketflow.extractors import chunk_store
from docketflow.extractors.chunk_tokenizer import ChunkTokenizer

from tests.extractors.test_chunk_tokenizer import TEXTS, _tokens

ALL = "\n".join(text for _, text in TEXTS)


def _fresh(folder: Path | None) -> ChunkTokenizer:
    nlp = spacy.blank("en")
    tokenizer = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
    tokenizer.keep_on_disk(folder)
    return tokenizer


def _saved_by_another_process(folder: Path, texts: list[str]) -> None:
    """Another interpreter learns `texts` and saves them."""
    code = ("import json, spacy, sys; from pathlib import Path; from docketflow.extractors.chunk_tokenizer import "
            "ChunkTokenizer; nlp = spacy.blank('en'); t = ChunkTokenizer(nlp.tokenizer, nlp.vocab); "
            "t.keep_on_disk(Path(sys.argv[1])); [t(x) for x in json.load(sys.stdin)]; t.save_learned(wait=False)")
    subprocess.run([sys.executable, "-c", code, str(folder)], input=json.dumps(texts), text=True, check=True)


class _Refuses:
    """Stands in for spaCy's tokenizer where every chunk must come from the file."""

    def __call__(self, text: str) -> None:
        raise AssertionError(f"tokenized again: {text!r}")


@pytest.mark.parametrize(("case", "text"), TEXTS, ids=[case for case, _ in TEXTS])
def test_chunks_from_another_process_give_spacys_tokens(tmp_path: Path, case: str, text: str) -> None:
    _saved_by_another_process(tmp_path, [text for _, text in TEXTS])
    ours = _fresh(tmp_path)
    store = ours._store
    ours.tokenizer = _Refuses()  # setting it forgets the file ...
    ours._store = store  # ... so it is given back
    assert _tokens(ours(text)) == _tokens(spacy.blank("en").tokenizer(text)), case


def _rows(tokenizer: ChunkTokenizer) -> set[str]:
    import sqlite3

    with sqlite3.connect(tokenizer._store.path) as db:
        return {chunk for (chunk,) in db.execute("SELECT chunk FROM chunks")}


def test_only_new_chunks_are_written(tmp_path: Path) -> None:
    first = _fresh(tmp_path)
    first("alpha beta gamma")
    first.save_learned(wait=False)
    assert _rows(first) == {"alpha ", "beta ", "gamma"}
    second = _fresh(tmp_path)
    second("delta alpha beta gamma")
    assert second._store._unsaved == ["delta "]  # the others came from the file
    second.save_learned(wait=False)
    assert _rows(second) == {"alpha ", "beta ", "gamma", "delta "}


def test_one_word_chunks_are_stored_empty_and_read_back_whole(tmp_path: Path) -> None:
    """A chunk that is one word, with or without its space after it, is an empty value; the others keep theirs."""
    import sqlite3

    first = _fresh(tmp_path)
    first("Ledger v. Vault, Inc.\n\n  (filed) end")
    first.save_learned(wait=False)
    with sqlite3.connect(first._store.path) as db:
        values = dict(db.execute("SELECT chunk, split FROM chunks"))
    assert values["Ledger "] == b"" and values["end"] == b"" and values["\n\n  "] == b""
    assert values["(filed) "] != b"" and values["Vault, "] != b""  # split in two or more tokens
    stored = _fresh(tmp_path)._store.stored(values)
    assert stored["Ledger "] == (("Ledger",), (True,), ()) and stored["end"] == (("end",), (False,), ())
    assert stored["(filed) "] == (("(", "filed", ")"), (False, False, True), ())


def test_saves_wait_between_batches(tmp_path: Path) -> None:
    ours = _fresh(tmp_path)
    ours("one")
    ours.save_learned(wait=False)
    ours("two")
    ours.save_learned()  # under SAVE_EVERY_S since the last save: kept for later
    assert "two" not in _rows(ours)
    ours.save_learned(wait=False)
    assert "two" in _rows(ours)


@pytest.mark.parametrize("damage", ["not a database", "cut"])
def test_a_damaged_file_costs_only_the_learning(tmp_path: Path, damage: str) -> None:
    ours = _fresh(tmp_path)
    ours("alpha beta")
    ours.save_learned(wait=False)
    path = ours._store.path
    ours._store._off()
    data = path.read_bytes()
    path.write_bytes(b"not a database at all" * 100 if damage == "not a database" else data[: len(data) // 3])
    again = _fresh(tmp_path)
    assert _tokens(again(ALL)) == _tokens(spacy.blank("en").tokenizer(ALL))
    again.save_learned(wait=False)  # no error either


@pytest.mark.parametrize("stored", [((123456789,), (False,), ()), (("al", "pha"), (False,), ()),
                                    ((), (), ()), (("alpha",), (False,), (), "extra"), "alpha", b"\x00"])
def test_a_split_of_the_wrong_shape_is_not_used(tmp_path: Path, stored: object) -> None:
    import marshal
    import sqlite3

    ours = _fresh(tmp_path)
    ours("seed")
    ours.save_learned(wait=False)
    blob = stored if isinstance(stored, bytes) else marshal.dumps(stored)
    with sqlite3.connect(ours._store.path) as db:
        db.execute("INSERT INTO chunks VALUES (?, ?)", ("alpha", blob))
    again = _fresh(tmp_path)
    assert _tokens(again("alpha")) == _tokens(spacy.blank("en").tokenizer("alpha"))


def test_other_rules_use_another_file(tmp_path: Path) -> None:
    plain = _fresh(tmp_path)
    nlp = spacy.blank("en")
    nlp.tokenizer.add_special_case("xyz", [{"ORTH": "x"}, {"ORTH": "yz"}])
    special = ChunkTokenizer(nlp.tokenizer, nlp.vocab)
    special.keep_on_disk(tmp_path)
    assert special._store.path != plain._store.path


def test_a_rule_changed_later_stops_the_saving(tmp_path: Path) -> None:
    ours = _fresh(tmp_path)
    ours.add_special_case("xyz", [{"ORTH": "x"}, {"ORTH": "yz"}])
    ours("xyz abc")
    ours.save_learned(wait=False)
    assert not list(tmp_path.glob("chunks-*"))


def test_no_folder_keeps_chunks_in_memory_only(tmp_path: Path) -> None:
    ours = _fresh(None)
    ours("alpha")
    ours.save_learned(wait=False)
    assert ours._memo and not list(tmp_path.iterdir())


def test_a_new_file_replaces_those_of_other_rules(tmp_path: Path) -> None:
    stale = tmp_path / "chunks-0123456789abcdef0123.sqlite3"
    stale.write_bytes(b"old")
    unrelated = tmp_path / "patterns-x.marshal"
    unrelated.write_bytes(b"kept")
    ours = _fresh(tmp_path)
    ours("alpha")
    ours.save_learned(wait=False)
    assert not stale.exists() and unrelated.exists() and ours._store.path.exists()


def test_the_file_stops_growing_at_its_bound(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ours = _fresh(tmp_path)
    ours("alpha")
    ours.save_learned(wait=False)
    monkeypatch.setattr(chunk_store, "MAX_BYTES", 0)
    ours("beta gamma")
    ours.save_learned(wait=False)
    assert _rows(ours) == {"alpha"}
