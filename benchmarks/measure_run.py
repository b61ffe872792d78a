"""One `docketflow run` in a fresh process, with its wall time, CPU time and peak memory, written as JSON.

Each measured run gets its own process because a peak only ever grows: measured in the benchmark's own
process, the peak of an earlier, larger run would hide the next one's. Peaks are VmHWM from
`/proc/<pid>/status`, not `ru_maxrss`: Python starts subprocesses with vfork, and Linux carries the parent's
high-water mark over the exec into the child's `ru_maxrss` (a 600 MB parent makes a fresh `python -c` report
611 MB), and `RUSAGE_CHILDREN` only gives the single largest child, once it has exited. Workers are sampled
while the run goes.

Usage (by `run_benchmark.py`): `python measure_run.py SPEC.json RESULT.json`, SPEC holding the run's options.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import threading
import time
from pathlib import Path

import psutil  # a dependency of distributed, so always installed with docketflow

SAMPLE_SECONDS = 0.2


def _peak_kb(pid: int) -> int:
    """The process's peak resident set (VmHWM) in KB; 0 when it is gone or the kernel does not say."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _role(process: psutil.Process) -> str:
    """'worker' for a pool process doing batches, 'prefect_server' for the temporary API, else the program."""
    command = " ".join(process.cmdline())
    if "resource_tracker" in command:
        return "resource_tracker"
    if "spawn_main" in command or "forkserver" in command:
        return "worker"
    if "uvicorn" in command or "prefect.server" in command or "prefect server" in command:
        return "prefect_server"
    return Path(process.cmdline()[0]).name if process.cmdline() else process.name()


class PeakSampler(threading.Thread):
    """Records the highest VmHWM seen of every descendant process, by pid, until stopped."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop_event = threading.Event()

    def run(self) -> None:
        me = psutil.Process()
        while not self._stop_event.wait(SAMPLE_SECONDS):
            for child in me.children(recursive=True):
                try:
                    role = self.peaks[child.pid][0] if child.pid in self.peaks else _role(child)
                except psutil.Error:
                    continue
                kb = _peak_kb(child.pid)
                if kb > self.peaks.get(child.pid, (role, 0))[1]:
                    self.peaks[child.pid] = (role, kb)

    def stop(self) -> dict[str, list[float]]:
        """Stop sampling; peak MB per role, largest first."""
        self._stop_event.set()
        self.join()
        by_role: dict[str, list[float]] = {}
        for role, kb in self.peaks.values():
            by_role.setdefault(role, []).append(round(kb / 1024, 1))
        return {role: sorted(values, reverse=True) for role, values in by_role.items()}


def _cpu_seconds() -> float:
    """User + system time of this process and every child it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(spec: dict) -> dict:
    """Run docketflow with the options in `spec`; the summary plus wall, CPU and memory figures."""
    from docketflow.pipeline.flow import run
    from docketflow.pipeline.settings import RunSettings

    settings = RunSettings(inputs=tuple(Path(p) for p in spec["inputs"]), out=Path(spec["out"]),
                           workers=spec["workers"], orchestration=spec["orchestration"],
                           force=spec.get("force", False), progress=False)
    sampler = PeakSampler()
    sampler.start()
    cpu_before, started = _cpu_seconds(), time.perf_counter()
    summary = run(settings)
    wall = time.perf_counter() - started
    peaks = sampler.stop()
    return {
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(_cpu_seconds() - cpu_before, 3),
        "main_peak_rss_mb": round(_peak_kb(os.getpid()) / 1024, 1),
        "child_peak_rss_mb": peaks,
        "processed": summary.processed,
        "skipped": summary.skipped,
    }


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    spec_path, result_path = sys.argv[1:3]
    result = measure(json.loads(Path(spec_path).read_text()))
    Path(result_path).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
