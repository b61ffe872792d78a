"""Packaging: the repository root imports as the package it installs, a LICENSE, extras that keep Dask and the
table libraries optional."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
from docketflow.pipeline.executors import _connect
from docketflow.pipeline.preflight import CannotRun
from docketflow.pipeline.settings import RunSettings

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
OPTIONAL = ("distributed", "dask", "pyarrow", "duckdb", "pandas", "prefect")
PREFECT_ONLY = ("pipeline/deploy.py", "pipeline/artifacts.py")
"""Modules that exist for Prefect (a deployment, a run's artifact), imported only where Prefect is in use."""
"""Libraries of extras: never imported when a module of the package loads."""

WITHOUT_THE_INSTALL = textwrap.dedent("""
    import sys
    # what a regular (non-editable) install or none at all leaves: no finder that maps the three folders
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
    sys.path_hooks[:] = [h for h in sys.path_hooks if "editable" not in repr(h)]
""")


def _from_root(script: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([sys.executable, "-c", WITHOUT_THE_INSTALL + textwrap.dedent(script)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_root_imports_as_the_installed_package() -> None:
    """From the repository root the root's docketflow/ (only __init__.py) comes first on sys.path; its layers
    must resolve all the same, spaCy's entry points included."""
    done = _from_root("""
        import spacy
        nlp = spacy.blank("en")
        nlp.add_pipe("docketflow_courts")
        import docketflow, docketflow.extractors, docketflow.models, docketflow.pipeline.flow
        print(docketflow.__file__)
        print(docketflow.extractors.__file__)
        doc = nlp("UNITED STATES DISTRICT COURT\\nDISTRICT OF OREGON")
        print([s.label_ for s in doc.spans["docketflow"]])
    """)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == [str(ROOT / "docketflow" / "__init__.py"),
                                        str(ROOT / "extractors" / "__init__.py"), "['COURT']"]


def test_an_installed_copy_never_searches_its_parent(tmp_path: Path) -> None:
    """Installed, the layers sit inside docketflow/: the parent folder (site-packages) is not added."""
    site = tmp_path / "site-packages"
    (site / "docketflow").mkdir(parents=True)
    shutil.copy(ROOT / "docketflow" / "__init__.py", site / "docketflow" / "__init__.py")
    for name in ("models", "extractors", "pipeline"):  # other distributions' top-level packages
        (site / name).mkdir()
        (site / name / "__init__.py").write_text("")
    script = "import docketflow; print(docketflow.__path__)"
    done = subprocess.run([sys.executable, "-S", "-c", script], cwd=tmp_path, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(site)}, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str([str(site / "docketflow")])


def test_license_is_mit() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "docketflow contributors" in text
    assert PYPROJECT["license"] == {"text": "MIT"}


def test_extras_keep_dask_and_the_table_libraries_optional() -> None:
    core = " ".join(PYPROJECT["dependencies"])
    extras = PYPROJECT["optional-dependencies"]
    assert {"prefect", "dask", "tables", "all", "test"} <= set(extras)
    for name in OPTIONAL:
        assert name not in core
    assert any(d.startswith("distributed") for d in extras["dask"])
    assert {d.split(">")[0] for d in extras["tables"]} >= {"pyarrow", "duckdb"}
    assert extras["all"] == ["docketflow[prefect,dask,tables]"]
    assert "docketflow[all]" in extras["test"]  # the test suite needs Prefect and Dask


def test_no_module_imports_an_optional_library_when_it_loads() -> None:
    found = []
    for layer in ("docketflow", "models", "extractors", "pipeline"):
        for path in (ROOT / layer).rglob("*.py"):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:  # module level only
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in OPTIONAL]
    assert [f for f in found if not f.startswith(PREFECT_ONLY)] == []


_WITHOUT_PREFECT = """
import sys

class NoPrefect:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "prefect":
            raise ImportError("no prefect here")

sys.meta_path.insert(0, NoPrefect())
from docketflow.pipeline.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("args", "env", "code", "says"), [
    (["run", "IN", "--out", "OUT", "--no-isolate"], {}, 0, None),
    (["run", "IN", "--out", "OUT", "--workers", "2"], {}, 0, None),
    (["run", "IN", "--out", "OUT"], {"PREFECT_API_URL": "http://127.0.0.1:9/api"}, 0,
     "PREFECT_API_URL is set but Prefect is not installed here"),
    (["run", "IN", "--out", "OUT", "--prefect"], {}, 2, "--prefect: Prefect is not installed here"),
    (["serve", "IN", "--out", "OUT"], {}, 2, "serve needs Prefect, which is not installed here"),
])
def test_without_prefect_a_run_works_and_what_needs_it_says_so(tmp_path: Path, args: list[str],
                                                                env: dict[str, str], code: int,
                                                                says: str | None) -> None:
    """Prefect is an extra: with it missing, runs go on (a configured API is named and ignored), and --prefect
    or serve refuse in one line that says what to install, writing nothing."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "note.txt").write_text("A court order of no interest to anyone, written for this test.\n")
    out = tmp_path / "out"
    argv = [str(inputs) if a == "IN" else str(out) if a == "OUT" else a for a in args]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | env
    done = subprocess.run([sys.executable, "-c", _WITHOUT_PREFECT, *argv], capture_output=True, text=True,
                          env=environment, cwd=tmp_path, timeout=300)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    if says:
        assert says in done.stderr and "docketflow[prefect]" in done.stderr
    assert (out / "documents.jsonl").exists() == (code == 0)


def test_a_dask_address_without_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(CannotRun, match=r"--dask-address tcp://127\.0\.0\.1:1: .*docketflow\[dask\]"):
        _connect(RunSettings(dask_address="tcp://127.0.0.1:1"))


_CORE_ONLY = """
import importlib.metadata as md
import re
import sys

def name(requirement):
    return re.split(r"[ ;<>=!~\\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")

def needed(dist, seen):
    for requirement in md.requires(dist) or []:
        if "extra ==" in requirement:
            continue
        marker = requirement.split(";", 1)[1] if ";" in requirement else ""
        if "python_version" in marker and "<" in marker:
            continue
        dep = name(requirement)
        if dep not in seen:
            seen.add(dep)
            try:
                needed(dep, seen)
            except md.PackageNotFoundError:
                pass
    return seen

core = needed("docketflow", {"docketflow"})
owners = md.packages_distributions()

class CoreOnly:
    def find_spec(self, module, path=None, target=None):
        top = module.split(".")[0]
        dists = {d.lower().replace("_", "-") for d in owners.get(top, [])}
        if dists and not dists & core:
            raise ImportError(f"{module} comes from {sorted(dists)}, which the core install does not bring")

sys.meta_path.insert(0, CoreOnly())
from docketflow.pipeline.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_run_needs_only_what_the_core_install_brings(tmp_path: Path) -> None:
    """README command 1 installs docketflow without extras: a run (in this process) may import only the
    distributions the core dependencies bring, however they are pulled in (citeurl imports Markdown without
    declaring it; Prefect used to bring it)."""
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", _CORE_ONLY, "run", str(ROOT / "raw"), "--out", str(out),
                           "--no-isolate", "--force"], capture_output=True, text=True, cwd=tmp_path, timeout=600,
                          env={k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")})
    assert done.returncode == 0, done.stderr
    assert (out / "errors.jsonl").read_text() == "", done.stderr
    assert (out / "holdings.jsonl").read_text().count("\n") >= 4
