"""Prefect is imported to ask for its API URL only when some source of its settings could hold one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from docketflow.pipeline.flow import _prefect_settings_present

FILES = [
    # (file under the working directory or home, its text, whether Prefect must be asked)
    ("nothing", None, "", False),
    ("a profile with an API URL", ".prefect/profiles.toml",
     'active = "work"\n[profiles.work]\nPREFECT_API_URL = "http://prefect.example:4200/api"\n', True),
    ("a profile without one", ".prefect/profiles.toml", '[profiles.local]\nPREFECT_LOGGING_LEVEL = "INFO"\n', False),
    ("a .env with a Prefect line", ".env", "PREFECT_API_URL=http://prefect.example:4200/api\n", True),
    ("a .env without one", ".env", "DATABASE_URL=sqlite:///x.db\n", False),
    ("a prefect.toml", "prefect.toml", '[api]\nurl = "http://prefect.example:4200/api"\n', True),
    ("a pyproject with a Prefect table", "pyproject.toml", '[tool.prefect.api]\nurl = "http://x:4200/api"\n', True),
    ("a pyproject naming Prefect as a dependency only", "pyproject.toml",
     '[project]\nname = "x"\ndependencies = ["prefect>=3"]\n', False),
]


@pytest.mark.parametrize(("case", "name", "text", "present"), FILES, ids=[row[0] for row in FILES])
def test_settings_sources(case: str, name: str | None, text: str, present: bool, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in [v for v in os.environ if v.startswith("PREFECT_")]:
        monkeypatch.delenv(variable)
    home, cwd = tmp_path / "home", tmp_path / "work"
    cwd.mkdir(parents=True)
    if name:
        where = (home if name.startswith(".prefect") else cwd) / name
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(text, encoding="utf-8")
    assert _prefect_settings_present(cwd, home) is present, case


def test_the_profiles_file_follows_prefect_home_and_profiles_path(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [v for v in os.environ if v.startswith("PREFECT_")]:
        monkeypatch.delenv(name)
    configured = tmp_path / "elsewhere" / "profiles.toml"
    configured.parent.mkdir()
    configured.write_text('[profiles.default]\nPREFECT_API_URL = "http://prefect.example:4200/api"\n')
    assert not _prefect_settings_present(tmp_path, tmp_path)
    monkeypatch.setenv("PREFECT_HOME", str(configured.parent))
    assert _prefect_settings_present(tmp_path, tmp_path)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path / "empty-home"))
    assert not _prefect_settings_present(tmp_path, tmp_path)
    monkeypatch.setenv("PREFECT_PROFILES_PATH", str(configured))
    assert _prefect_settings_present(tmp_path, tmp_path)
    monkeypatch.delenv("PREFECT_PROFILES_PATH")
    monkeypatch.setenv("PREFECT_API_URL", "http://prefect.example:4200/api")
    assert _prefect_settings_present(tmp_path, tmp_path)


def test_a_plain_run_does_not_import_prefect(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {"HOME": str(tmp_path)}
    code = ("import sys; from docketflow.pipeline.flow import prefect_api_configured; "
            "print(prefect_api_configured(), 'prefect' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "False"]
