"""spaCy's tokenizer with a cache that works on long documents: the same tokens at under half the cost.

spaCy tokenizes each whitespace-delimited chunk of a text on its own and caches the result per chunk, but
it stops caching for the rest of a document once any chunk touched a special case (its guard for
explosion/spaCy#1250), and "\\n", "v." and "U.S." are special cases. On a court document that is the first
line, so every later chunk runs the prefix, suffix and infix expressions again: about 4 µs a token, a third
of a whole run. `ChunkTokenizer` keeps that tokenizer and remembers what it made of each chunk, including
the norm a special case gives, then builds the `Doc` from the words; the tokens, their offsets, whitespace
and norms are what the wrapped tokenizer gives for the same text (spaCy's special cases never span
whitespace, so a chunk tokenizes the same alone as in its text).

With `keep_on_disk`, what it learned is saved for the next process (`chunk_store`): otherwise each new worker
spends ~2 s of a 254-opinion run learning the same words again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np
import spacy.about
from docketflow.extractors import chunk_store
from docketflow.extractors.cache_folder import source_digest
from docketflow.extractors.chunk_store import ChunkStore
from spacy.attrs import LOWER, NORM, ORTH, SPACY
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

_CHUNKS = re.compile(r"\S+ ?|\s+")
"""A run of non-space characters with the single space that may follow it, or a run of other whitespace: the
pieces spaCy's own split makes (`\\s` is `str.isspace`, its test), a following space being the last token's
trailing whitespace."""

MEMO_ENTRIES = 200_000
"""Chunks remembered per process (about 300 bytes each: 60 MB when full); past it, a new chunk is tokenized with
the rest of its document's new chunks every time (as spaCy's own cache stops at its `max_cache_size`), so a
worker's memory stays flat over an archive of any size. 717 opinions make about 136,000 chunks."""

MEMO_CHUNK_CHARS = 64
"""Longer chunks (URLs, runs of dots) rarely repeat: they are tokenized without being remembered."""

_Split = tuple[tuple[int, ...], tuple[bool, ...], tuple[tuple[int, str], ...]]
"""What the tokenizer made of a chunk: its words, whether each has a trailing space, and (position, norm) for
each word whose special case sets a norm other than the word's own ("Dec." is "december")."""

_SPACED: dict[bool, tuple[bool, ...]] = {False: (False,), True: (True,)}
"""The trailing-space flags of a one-token chunk, shared by every such entry."""


class ChunkTokenizer:
    """A drop-in `nlp.tokenizer` over a stock `spacy.tokenizer.Tokenizer` (see the module docstring).

    Everything else is the wrapped tokenizer's: its attributes, `explain`, and serialization, so a saved
    pipeline holds a stock tokenizer. Changing its rules (a special case, a new suffix rule, loading from disk)
    goes to it and forgets what was remembered."""

    _OWN = frozenset({"tokenizer", "vocab", "_memo", "_normed", "_store"})

    def __init__(self, tokenizer: Tokenizer, vocab: Vocab) -> None:
        self.tokenizer = tokenizer
        self.vocab = vocab
        self._memo: dict[str, _Split] = {}
        self._normed: set[str] = set()
        """The remembered chunks that carry a norm (few), so most documents skip placing norms."""
        self._store: ChunkStore | None = None
        """Where remembered chunks are kept between processes (`keep_on_disk`)."""

    def keep_on_disk(self, folder: Path | None) -> None:
        """Read a new chunk's split from what earlier processes saved in `folder` for these same rules, and
        save the chunks this one learns there (`save_learned`); None keeps them in this process only."""
        self._store = ChunkStore(folder / f"chunks-{self._rules_digest()}.sqlite3") if folder else None

    def save_learned(self, *, wait: bool = True) -> None:
        """Append the chunks learned since the last save to the file `keep_on_disk` named (at most every few
        seconds unless `wait` is false)."""
        if self._store is not None:
            self._store.save(self._memo, self.vocab.strings.__getitem__, wait=wait)

    def _rules_digest(self) -> str:
        """What a chunk's split depends on: spaCy's version, the wrapped tokenizer's rules, this code."""
        rules = spacy.about.__version__.encode() + self.tokenizer.to_bytes(exclude=["vocab"])
        return source_digest(__file__, chunk_store.__file__, extra=rules, size=10)

    def __getattr__(self, name: str) -> Any:
        if name in self._OWN:  # not set yet (a copy being made)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in self._OWN:
            object.__setattr__(self, name, value)
        else:
            setattr(self.tokenizer, name, value)
            self.forget()

    def forget(self) -> None:
        """Drop the remembered chunks (after the wrapped tokenizer's rules changed), and stop keeping them on
        disk: the file was for the old rules."""
        self._memo.clear()
        self._normed.clear()
        self._store = None

    def add_special_case(self, string: str, substrings: Any) -> None:
        self.tokenizer.add_special_case(string, substrings)
        self.forget()

    def from_disk(self, path: Any, **kwargs: Any) -> ChunkTokenizer:
        self.tokenizer.from_disk(path, **kwargs)
        self.forget()
        return self

    def from_bytes(self, data: bytes, **kwargs: Any) -> ChunkTokenizer:
        self.tokenizer.from_bytes(data, **kwargs)
        self.forget()
        return self

    def __call__(self, text: str) -> Doc:
        """The tokens of `text`, as `self.tokenizer(text)` makes them. Inside a spaCy memory zone, whose words
        are forgotten at its end, nothing is remembered (spaCy's own cache does the same)."""
        if self.vocab.in_memory_zone:
            return self.tokenizer(text)
        chunks = _CHUNKS.findall(text)
        memo = self._memo
        new = {chunk for chunk in chunks if chunk not in memo}
        if new:
            learned = self._learn(new)
            splits = [memo.get(chunk) or learned[chunk] for chunk in chunks]
        else:
            splits = [memo[chunk] for chunk in chunks]
        doc = Doc(self.vocab, words=list(chain.from_iterable(s[0] for s in splits)),
                  spaces=list(chain.from_iterable(s[1] for s in splits)))
        if new or not self._normed.isdisjoint(chunks):
            _place_norms(doc, splits)
        return doc

    def _learn(self, chunks: set[str]) -> dict[str, _Split]:
        """Tokenize a document's new chunks in one call of the wrapped tokenizer, and remember them while there
        is room; chunks an earlier process saved (`keep_on_disk`) are read instead, and only the others are
        noted for saving.

        The chunks are joined by single spaces: each tokenizes there on its own, as in its text, and ends at
        its token with trailing whitespace. A whitespace chunk is tokenized alone."""
        learned = self._stored(chunks) if self._store is not None else {}
        if learned:
            chunks = chunks.difference(learned)
        words = [chunk for chunk in chunks if not chunk[0].isspace()]
        new = dict(zip(words, _splits(self.tokenizer(" ".join(c.rstrip(" ") for c in words)), words),
                       strict=True)) if words else {}
        for chunk in chunks.difference(words):
            new[chunk] = _splits(self.tokenizer(chunk), [chunk])[0]
        room = MEMO_ENTRIES - len(self._memo)
        for chunk, split in (learned | new).items():
            if room > 0 and len(chunk) <= MEMO_CHUNK_CHARS:
                self._memo[chunk] = split
                room -= 1
                if split[2]:
                    self._normed.add(chunk)
                if self._store is not None and chunk in new:
                    self._store.learned(chunk)
        learned.update(new)
        return learned

    def _stored(self, chunks: set[str]) -> dict[str, _Split]:
        """The splits of `chunks` that an earlier process saved, their words added to the vocabulary."""
        add = self.vocab.strings.add
        return {chunk: (tuple(map(add, words)), flags, norms)
                for chunk, (words, flags, norms) in self._store.stored(chunks).items()}

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts, as `Tokenizer.pipe` does."""
        for text in texts:
            yield self(text)


def _splits(doc: Doc, chunks: list[str]) -> list[_Split]:
    """The entries of `chunks` from `doc`, their tokens joined by single spaces, read from the token arrays.

    Words are kept as their vocabulary ids, which `Doc` looks up without hashing the text again. A token's
    norm is kept when a special case set it: its norm differs from its lowercase form (cheap to test for all)
    and from the norm of its word."""
    orth, space, norm, lower = doc.to_array([ORTH, SPACY, NORM, LOWER]).T
    ends = [*np.flatnonzero(space).tolist(), len(doc) - 1]
    if len(ends) != len(chunks):
        raise ValueError(f"{len(chunks)} chunks tokenized as {len(ends)}: a chunk holds a space")
    norms: dict[int, list[tuple[int, str]]] = {}
    for at in np.flatnonzero(norm != lower).tolist():
        if doc[at].norm != doc[at].lex.norm:
            chunk = int(np.searchsorted(ends, at))
            norms.setdefault(chunk, []).append((at - (ends[chunk - 1] + 1 if chunk else 0), doc[at].norm_))
    orths = orth.tolist()
    splits, start = [], 0
    for index, (chunk, end) in enumerate(zip(chunks, ends, strict=True)):
        spaced = chunk[-1] == " " and not chunk[0].isspace()
        flags = _SPACED[spaced] if end == start else (False,) * (end - start) + (spaced,)
        splits.append((tuple(orths[start:end + 1]), flags, tuple(norms.get(index, ()))))
        start = end + 1
    return splits


def _place_norms(doc: Doc, splits: list[_Split]) -> None:
    """Give the tokens of special cases their norms, at their places in `doc`."""
    normed = [at for at, split in enumerate(splits) if split[2]]
    if not normed:
        return
    starts = list(accumulate(map(len, map(itemgetter(0), splits)), initial=0))
    for at in normed:
        for offset, norm in splits[at][2]:
            doc[starts[at] + offset].norm_ = norm


def chunk_tokenizer(tokenizer: object, vocab: Vocab) -> object:
    """`tokenizer` wrapped in a `ChunkTokenizer` when it is spaCy's stock class; any other tokenizer (a model's
    custom one) is kept as it is, since its chunks may not tokenize independently."""
    if type(tokenizer) is Tokenizer:
        return ChunkTokenizer(tokenizer, vocab)
    return tokenizer
