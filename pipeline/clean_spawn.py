"""Start worker processes that never run the caller's script again.

multiprocessing's `spawn` start method tells each child to import the parent's `__main__` once more (as
`__mp_main__`), so that functions defined in a script can be unpickled there. Our workers need nothing from
it: their target and everything sent to them are docketflow's own. But a script that calls
`docketflow.run(...)` at its top level, without `if __name__ == "__main__":`, would run again in every worker
and die there (a process may not start others while it is still importing its main module), and the run
would stop with workers that "could not start". So the workers here start from a spawn context whose
children are told nothing about `__main__`: CPython's own spawn launcher, reading the preparation data
through a `spawn` module whose `get_preparation_data` leaves out the two keys that name the main module.

This leans on how CPython's `popen_spawn_posix.Popen._launch` finds that data (a module-level `spawn`); the
assumption is checked at import, and a Python whose launcher works otherwise gets the plain spawn context
(workers then import the caller's `__main__` again, as multiprocessing always did: a script needs its
`if __name__ == "__main__":` guard there).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import types
from multiprocessing import context, popen_spawn_posix, resource_tracker, spawn
from typing import Any

MAIN_KEYS = ("init_main_from_name", "init_main_from_path")
"""What a spawned child is told about the parent's `__main__` (CPython 3.8 to 3.14)."""


def preparation_data(name: str) -> dict[str, Any]:
    """What a child needs before it unpickles its process object, minus the parent's main module."""
    data = spawn.get_preparation_data(name)
    for key in MAIN_KEYS:
        data.pop(key, None)
    return data


def _launcher() -> types.FunctionType | None:
    """CPython's spawn `_launch`, with `spawn.get_preparation_data` resolved to `preparation_data`; None when
    this Python's launcher does not read it that way."""
    launch = popen_spawn_posix.Popen._launch
    code = launch.__code__
    if code.co_freevars or not {"spawn", "get_preparation_data"} <= set(code.co_names):
        return None
    shim = types.SimpleNamespace(**{**vars(spawn), "get_preparation_data": preparation_data})
    return types.FunctionType(code, {**vars(popen_spawn_posix), "spawn": shim}, launch.__name__,
                              launch.__defaults__)


_LAUNCH = _launcher()


class _Popen(popen_spawn_posix.Popen):
    _launch = _LAUNCH


class CleanSpawnProcess(context.SpawnProcess):
    """A spawned process whose child does not import the parent's `__main__`."""

    @staticmethod
    def _Popen(process_obj: Any) -> _Popen:
        return _Popen(process_obj)


class CleanSpawnContext(context.SpawnContext):
    """`multiprocessing.get_context("spawn")`, with processes that leave the caller's script alone."""

    Process = CleanSpawnProcess


CONTEXT: context.BaseContext = CleanSpawnContext() if _LAUNCH is not None else multiprocessing.get_context("spawn")


def stop_resource_tracker() -> None:
    """Stop multiprocessing's resource tracker, which spawning the first worker started, and wait for it to
    exit. Left alone it exits a moment after the command that started it has returned, a process outliving the
    command. Only for a command's own process, at its end (a tracker that stops cleans up whatever is still
    registered with it), and only when no child of this process is left: each holds the tracker open, and
    waiting for it would wait for them."""
    stop = getattr(getattr(resource_tracker, "_resource_tracker", None), "_stop", None)
    if stop is None or multiprocessing.active_children():  # no CPython tracker, or a caller's process lives on
        return
    with contextlib.suppress(Exception):
        stop()
