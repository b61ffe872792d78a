"""docketflow: court orders, opinions, news articles and Federal Register notices in; normalized records of
government data-sharing agreements and the court holdings about them out.

The public API, importable without loading Prefect or spaCy until a name is used::

    import docketflow

    summary = docketflow.run(docketflow.RunSettings(inputs=("raw",), out="output"))
    nlp = docketflow.build_nlp()                  # spacy.blank("en") plus every docketflow component
    docketflow.Holding, docketflow.Agreement      # the pydantic record models (the output contract)

The code lives in three layers, each importing only the ones below it: `docketflow.models` (the contract),
`docketflow.extractors` (spaCy components and record builders), `docketflow.pipeline` (ingest, the Prefect
flow, the CLI). In the source tree they are the top-level folders `models/`, `extractors/` and `pipeline/`,
mapped under this package by the build (pyproject.toml's `package-dir`).
"""

from __future__ import annotations

from importlib import import_module, metadata
from typing import Any

try:
    __version__ = metadata.version("docketflow")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

_EXPORTS = {
    "run": "docketflow.pipeline.flow",
    "RunSettings": "docketflow.pipeline.settings",
    "build_nlp": "docketflow.extractors.nlp",
    "COMPONENTS": "docketflow.extractors.nlp",
    "SCHEMA_VERSION": "docketflow.models",
    "Agreement": "docketflow.models",
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
