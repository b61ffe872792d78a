"""One `docketflow run` in a fresh process, with its wall time, CPU time and peak memory, written as JSON.

Each measured run gets its own process because a peak only ever grows: measured in the benchmark's own
process, the peak of an earlier, larger run would hide the next one's. Peaks are VmHWM from
`/proc/<pid>/status`, not `ru_maxrss`: Python starts subprocesses with vfork, and Linux carries the parent's
high-water mark over the exec into the child's `ru_maxrss` (a 600 MB parent makes a fresh `python -c` report
611 MB), and `RUSAGE_CHILDREN` only gives the single largest child, once it has exited. Workers are sampled
while the run goes.

A run on a Dask cluster (`dask_address` in SPEC) does its work in the cluster's processes, not in ours: with
`cluster_pid` (the process that holds a `LocalCluster`, see `dask_cluster.py`) their peaks are sampled too
(`dask_worker` for Dask's worker processes, `worker` for the killable children they start) and their CPU time is
added (`cluster_cpu_seconds`: the cluster's processes, and the children they reaped, before and after).

Usage (by `run_benchmark.py`): `python measure_run.py SPEC.json RESULT.json`, SPEC holding the run's options.
"""

from __future__ import annotations

import contextlib
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


def _role(process: psutil.Process, in_cluster: bool = False) -> str:
    """'worker' for a pool process doing batches (spawned, or a plain subprocess under a daemonic Dask worker),
    'dask_worker' for a Dask worker process, 'prefect_server' for the temporary API, else the program."""
    command = " ".join(process.cmdline())
    if "resource_tracker" in command:
        return "resource_tracker"
    if "serve_subprocess" in command:
        return "worker"
    if "spawn_main" in command or "forkserver" in command:
        return "dask_worker" if in_cluster else "worker"
    if "uvicorn" in command or "prefect.server" in command or "prefect server" in command:
        return "prefect_server"
    return Path(process.cmdline()[0]).name if process.cmdline() else process.name()


class PeakSampler(threading.Thread):
    """Records the highest VmHWM seen of every descendant process, by pid, until stopped."""

    def __init__(self, cluster: psutil.Process | None = None) -> None:
        super().__init__(daemon=True)
        self.peaks: dict[int, tuple[str, int]] = {}
        self._stop_event = threading.Event()
        self.cluster = cluster

    def run(self) -> None:
        me = psutil.Process()
        while not self._stop_event.wait(SAMPLE_SECONDS):
            children = [(child, False) for child in me.children(recursive=True)]
            if self.cluster is not None:
                with contextlib.suppress(psutil.Error):
                    children += [(child, True) for child in self.cluster.children(recursive=True)]
            for child, in_cluster in children:
                try:
                    role = self.peaks[child.pid][0] if child.pid in self.peaks else _role(child, in_cluster)
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


def _machine_busy_seconds() -> float:
    """CPU seconds every process of the machine has used since boot (all cores: user, nice, system, irq,
    softirq, steal from `/proc/stat`); 0 where the kernel does not say."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _tree_cpu_seconds(root: psutil.Process | None) -> float:
    """User + system time of `root` and its descendants, with the children each has reaped (0 without a root)."""
    if root is None:
        return 0.0
    total = 0.0
    for process in (root, *root.children(recursive=True)):
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    return total


def measure(spec: dict) -> dict:
    """Run docketflow with the options in `spec`; the summary plus wall, CPU and memory figures."""
    from docketflow.pipeline.flow import run
    from docketflow.pipeline.settings import RunSettings

    settings = RunSettings(inputs=tuple(Path(p) for p in spec["inputs"]), out=Path(spec["out"]),
                           workers=spec["workers"], orchestration=spec["orchestration"],
                           force=spec.get("force", False), progress=False,
                           dask_address=spec.get("dask_address"))
    cluster = psutil.Process(spec["cluster_pid"]) if spec.get("cluster_pid") else None
    sampler = PeakSampler(cluster)
    sampler.start()
    cluster_before, machine_before = _tree_cpu_seconds(cluster), _machine_busy_seconds()
    cpu_before, started = _cpu_seconds(), time.perf_counter()
    summary = run(settings)
    wall = time.perf_counter() - started
    own_cpu = _cpu_seconds() - cpu_before
    cluster_cpu = _tree_cpu_seconds(cluster) - cluster_before
    others = max(0.0, _machine_busy_seconds() - machine_before - own_cpu - cluster_cpu)
    peaks = sampler.stop()
    return {
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(own_cpu + cluster_cpu, 3),
        **({"cluster_cpu_seconds": round(cluster_cpu, 3)} if cluster is not None else {}),
        "others_cpu_seconds": round(others, 3),
        "others_cores": round(others / wall, 2) if wall else None,
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
