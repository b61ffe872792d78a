"""docketflow as a library: one import name, a public API, layers that import downward, no cycles."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"models": 0, "extractors": 1, "pipeline": 2}
"""Lower layers never import higher ones: models <- extractors <- pipeline."""


def _modules() -> dict[str, Path]:
    found = {}
    for top in (*LAYERS, "docketflow"):
        for path in (ROOT / top).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            if parts[0] != "docketflow":
                parts.insert(0, "docketflow")
            found[".".join(parts)] = path
    return found


def _import_graph() -> dict[str, set[str]]:
    """Every import of every module, at module level or inside functions (a function-level import still
    makes a cycle, only a hidden one)."""
    modules = _modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(filter(None, (known(alias.name) for alias in node.names)))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                for alias in node.names:
                    full = f"{base}.{alias.name}"
                    dep = full if full in modules else known(base)
                    if dep:
                        deps.add(dep)
        graph[name] = deps - {name}
    return graph


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.get(parts[1]) if len(parts) > 1 else None


def test_no_module_imports_a_higher_layer() -> None:
    upward = [
        f"{name} -> {dep}"
        for name, deps in _import_graph().items()
        for dep in deps
        if _layer(name) is not None and _layer(dep) is not None and _layer(dep) > _layer(name)
    ]
    assert upward == []


def test_there_are_no_import_cycles() -> None:
    graph = _import_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for dep in graph.get(node, ()):
            if dep not in index:
                visit(dep)
                low[node] = min(low[node], low[dep])
            elif dep in stack:
                low[node] = min(low[node], index[dep])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for node in graph:
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_build_maps_every_package_under_docketflow() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {name for name, path in _modules().items() if path.name == "__init__.py"}
    assert listed == on_disk
    assert {name.split(".")[0] for name in listed} == {"docketflow"}


def test_import_docketflow_beside_a_project_with_its_own_pipeline_and_models(tmp_path: Path) -> None:
    """A user project with packages named like our folders: both import, and our spaCy components work."""
    for name in ("pipeline", "models", "extractors"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(f"OWNER = 'user {name}'\n")
    script = textwrap.dedent("""
        import spacy
        import pipeline, models
        import docketflow
        nlp = spacy.blank("en")
        for name in ("docketflow_cases", "docketflow_dockets", "docketflow_courts", "docketflow_dates"):
            nlp.add_pipe(name)
        doc = nlp("UNITED STATES DISTRICT COURT\\nDISTRICT OF OREGON\\nNo. 6:24-cv-00417\\nSigned May 2, 2024.")
        labels = sorted({s.label_ for s in doc.spans["docketflow"]})
        empty = list(nlp("Nothing here.").spans["docketflow"])
        print(pipeline.OWNER, models.OWNER, labels, empty, docketflow.Holding.__name__)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "user pipeline user models ['COURT', 'DATE', 'DOCKET'] [] Holding"


def test_public_api_names_resolve() -> None:
    import docketflow

    assert callable(docketflow.run) and callable(docketflow.build_nlp)
    assert docketflow.RunSettings().out == Path("output")
    assert docketflow.Holding.model_json_schema()["title"] == "Holding"
    with pytest.raises(AttributeError):
        docketflow.no_such_name  # noqa: B018


@pytest.mark.skipif(subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0,
                    reason="pip is not available")
def test_the_wheel_claims_only_the_docketflow_name(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"the wheel could not be built here: {done.stderr.strip()[-300:]}")
    import zipfile

    (wheel,) = tmp_path.glob("docketflow-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith((".dist-info", ".data"))}
    assert tops == {"docketflow"}
    assert "docketflow/extractors/patterns/agencies.tsv" in names
    assert "docketflow/pipeline/report/assets/report.js" in names
