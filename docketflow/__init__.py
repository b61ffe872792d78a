"""docketflow: court orders, opinions, news articles and Federal Register notices in; normalized records of
government data-sharing agreements and the court holdings about them out.

The public API, importable without loading Prefect or spaCy until a name is used::

    import docketflow

    summary = docketflow.run(docketflow.RunSettings(inputs=("raw",), out="output"))   # safe in a plain script
    records = docketflow.read("output")           # the published records, as models (Records)
    one = docketflow.extract("text of an order or a news story", published="2026-03-04")   # one text, in-process
    nlp = docketflow.build_nlp()                  # spacy.blank("en") plus every docketflow component
    docketflow.Holding, docketflow.Agreement      # the pydantic record models (the output contract)

The code lives in three layers, each importing only the ones below it: `docketflow.models` (the contract),
`docketflow.extractors` (spaCy components and record builders), `docketflow.pipeline` (ingest, the Prefect
flow, the CLI). In the source tree they are the top-level folders `models/`, `extractors/` and `pipeline/`,
mapped under this package by the build (pyproject.toml's `package-dir`); imported from the source tree, this
file adds the tree's root to the package's path so that the same names resolve there.
"""

from __future__ import annotations

from importlib import import_module, metadata
from pathlib import Path
from typing import Any


def _source_tree() -> Path | None:
    """The repository root when this file is the root's `docketflow/__init__.py`, else None (installed)."""
    root = Path(__file__).resolve().parent.parent
    if not all((root / layer / "__init__.py").is_file() for layer in ("models", "extractors", "pipeline")):
        return None
    try:
        return root if 'name = "docketflow"' in (root / "pyproject.toml").read_text(encoding="utf-8") else None
    except OSError:
        return None


_SOURCE_TREE = _source_tree()
if _SOURCE_TREE is not None:
    # Imported from the repository itself (its root is the working directory or on sys.path): this folder
    # holds only this file, so the three layers are found beside it, whether docketflow is installed
    # editable, as a regular copy (which this folder would otherwise hide) or not at all. Installed, the
    # layers sit inside this folder and its parent (site-packages) is never searched.
    __path__.append(str(_SOURCE_TREE))

try:
    __version__ = metadata.version("docketflow")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

_EXPORTS = {
    "run": "docketflow.pipeline.flow",
    "extract": "docketflow.pipeline.extract",
    "Extraction": "docketflow.pipeline.extract",
    "ExtractionFailed": "docketflow.pipeline.extract",
    "read": "docketflow.pipeline.reader",
    "Records": "docketflow.pipeline.reader",
    "NotPublished": "docketflow.pipeline.reader",
    "RunSettings": "docketflow.pipeline.settings",
    "build_nlp": "docketflow.extractors.nlp",
    "COMPONENTS": "docketflow.extractors.nlp",
    "SCHEMA_VERSION": "docketflow.models",
    "Agreement": "docketflow.models",
    "Case": "docketflow.models",
    "Document": "docketflow.models",
    "Entity": "docketflow.models",
    "ErrorRecord": "docketflow.models",
    "Evidence": "docketflow.models",
    "Holding": "docketflow.models",
    "json_schemas": "docketflow.models",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    """Import the module behind a public name on first use (keeps `import docketflow` cheap)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'docketflow' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
