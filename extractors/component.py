"""What every docketflow spaCy component shares: spaCy's component contract.

- `spans_key` (config): the span group the entities go to, `docketflow` unless the pipeline says otherwise;
  the group exists even when a text has no entities.
- `write_ents` (config, off by default): also put the non-overlapping entities on `doc.ents`, for tools
  that only read `doc.ents` (displaCy, spaCy's scorer). Overlaps are resolved by `spacy.util.filter_spans`
  (longest first), so a CASE name that holds an AGENCY keeps the CASE there.
- `initialize()` loads the pattern files and builds the indexes now rather than on the first document;
  `to_disk` writes the pattern files beside the component, and `from_disk` reads them back, so a pipeline
  saved with `nlp.to_disk` and edited patterns travel together. Pattern data is shared by all components of
  a process (it is read once per process), so loading a pipeline whose patterns differ switches the process
  to them (`extractors.data.use_patterns`) and says so in the log.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from docketflow.extractors.data import pattern_bytes, pattern_names, use_patterns
from docketflow.extractors.spans import LABEL_ATTRIBUTES, entities, use_spans_key
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

log = logging.getLogger(__name__)

DEFAULT_CONFIG: dict[str, Any] = {"spans_key": "docketflow", "write_ents": False}
"""Every component's `default_config`; `spans_key` must be the same for all components of one pipeline."""

_PATTERNS_DIR = "patterns"
_CONFIG_FILE = "cfg.json"


class Component:
    """Base class: subclasses implement `find(doc)` (add entities) and `load()` (build their indexes, once per
    process; called at construction so a pipeline works without `initialize`, and again after new patterns)."""

    label: str = ""

    def __init__(self, nlp: Language, name: str, spans_key: str, write_ents: bool) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.write_ents = write_ents
        self.load()

    def __call__(self, doc: Doc) -> Doc:
        use_spans_key(doc, self.spans_key)
        self.find(doc)
        if self.write_ents:
            mine = [s for s in entities(doc) if s.label_ == self.label]
            doc.ents = filter_spans([*doc.ents, *mine])
        return doc

    def find(self, doc: Doc) -> None:
        raise NotImplementedError

    def load(self) -> None:
        """Read the pattern files and build whatever the component matches with (cached per process)."""

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Language | None = None,
                   patterns: str | None = None) -> None:
        """spaCy's initialization hook: `patterns` (a folder) replaces the shipped pattern files."""
        if patterns:
            use_patterns(Path(patterns))
        self.load()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        (path / _PATTERNS_DIR).mkdir(parents=True, exist_ok=True)
        (path / _CONFIG_FILE).write_text(json.dumps({"spans_key": self.spans_key, "write_ents": self.write_ents}))
        for name in pattern_names():
            (path / _PATTERNS_DIR / name).write_bytes(pattern_bytes(name))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Component:
        path = Path(path)
        if (path / _CONFIG_FILE).exists():
            cfg = json.loads((path / _CONFIG_FILE).read_text())
            self.spans_key, self.write_ents = cfg["spans_key"], cfg["write_ents"]
        saved = path / _PATTERNS_DIR
        if saved.is_dir() and use_patterns(saved):
            log.warning("%s: the saved pipeline's pattern files differ from the active ones; using %s", self.name,
                        saved)
        self.load()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return json.dumps({"spans_key": self.spans_key, "write_ents": self.write_ents}).encode()

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Component:
        cfg = json.loads(data)
        self.spans_key, self.write_ents = cfg["spans_key"], cfg["write_ents"]
        return self


def factory(name: str, component: type[Component], requires: Sequence[str] = (),
            assigns: Sequence[str] = ()) -> Callable[..., Component]:
    """Register `component` with spaCy as `name`: the shared config, the span group and the label attribute it
    assigns, and the attributes of earlier components it requires (what `analyze_pipes` checks the order by),
    named by their suffix: "citations" is `doc._.docketflow_citations`. Returns the factory function, which
    is what the `spacy_factories` entry point names."""

    def make(nlp: Language, name: str, spans_key: str, write_ents: bool) -> Component:
        return component(nlp, name, spans_key, write_ents)

    make.__doc__ = f"spaCy factory of `{name}` ({component.__name__})."
    declared = ["doc.spans", f"doc._.{LABEL_ATTRIBUTES[component.label]}", *(f"doc._.docketflow_{a}" for a in assigns)]
    needed = [f"doc._.docketflow_{r}" for r in requires]
    Language.factory(name, default_config=DEFAULT_CONFIG, assigns=declared, requires=needed, func=make)
    return make
