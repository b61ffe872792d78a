"""Checks that a run can work at all, made before any input is touched.

A run that cannot work (a spaCy model that is not installed) must stop once, with one line that says why,
instead of failing in every worker and recording each input as an error.
"""

from __future__ import annotations

import os
from pathlib import Path

from docketflow.pipeline.settings import RunSettings


class CannotRun(Exception):
    """The run cannot work as configured; the message is one line for the user."""


def check_model(name: str | None) -> None:
    """`--model` must name an installed spaCy package or a pipeline folder ('blank' and None need neither)."""
    if not name or name == "blank":
        return
    import spacy.util

    if not (spacy.util.is_package(name) or (Path(name) / "config.cfg").is_file()):
        raise CannotRun(f"--model {name}: no installed spaCy package or pipeline folder of that name "
                        f"(install it with `python -m spacy download {name}`, or leave --model out "
                        "to use spacy.blank('en'))")


API_TIMEOUT_S = 15.0
"""How long a configured Prefect API may take to answer its health check before the run gives up on it."""


def check_prefect_api(url: str | None) -> None:
    """A configured PREFECT_API_URL must answer `/health` in time: a server that accepts connections and never
    answers would otherwise hang the run with no message (Prefect's client retries for minutes)."""
    if not url:
        return
    import httpx

    timeout = API_TIMEOUT_S
    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=timeout)
    except httpx.HTTPError as exc:
        raise CannotRun(f"PREFECT_API_URL {url}: the Prefect API did not answer within {timeout:g} s "
                        f"({type(exc).__name__}); start the server, fix the URL, or unset it to run without "
                        "Prefect") from exc
    if response.status_code >= 400:
        raise CannotRun(f"PREFECT_API_URL {url}: the Prefect API answered HTTP {response.status_code} to its "
                        "health check")


def check_out(out: Path) -> None:
    """The output folder must be a folder, or a place where one can be made: a symbolic link that leads nowhere
    (or a file) at it or on the way to it would otherwise stop the run with a bare FileExistsError."""
    for path in (out, *out.parents):
        if path.is_symlink() and not path.exists():
            what = "it" if path == out else f"{path}, on the way to it,"
            raise CannotRun(f"--out {out}: {what} is a symbolic link to "
                            f"{os.readlink(path)}, which does not resolve (a dangling link); create the folder it "
                            "points to, remove the link, or choose another --out")
        if path.exists():
            if not path.is_dir():
                where = "" if path == out else f" ({path} is on the way to it)"
                raise CannotRun(f"--out {out}: not a folder{where}: a file is there; choose another --out")
            return


def check_out_apart(out: Path, inputs: tuple[Path, ...]) -> None:
    """The output folder may sit inside an input folder (it is skipped there), but may not be one: the run
    would read its own output, and its state would land among the inputs."""
    try:
        real = out.resolve()
    except (OSError, RuntimeError):
        return  # check_out says what is wrong with it
    for root in inputs:
        try:
            same = root.is_dir() and root.resolve() == real
        except (OSError, RuntimeError):
            continue
        if same:
            raise CannotRun(f"--out {out}: it is the input folder {root}; the output folder must be another "
                            "folder (choose another --out)")


def check_state_timeout() -> None:
    """DOCKETFLOW_STATE_TIMEOUT_S, when set, must be a number of seconds."""
    from docketflow.pipeline.store import state_timeout

    try:
        state_timeout()
    except ValueError as exc:
        raise CannotRun(str(exc)) from None


def check(settings: RunSettings) -> None:
    """Everything that can be known to fail before the first document is read."""
    check_model(settings.spacy_model)
    check_out(settings.out)
    check_out_apart(settings.out, settings.inputs)
    check_state_timeout()
