"""A Dask `LocalCluster` kept up in a process of its own, for `run_benchmark.py`'s runs with `dask_address`.

The runs connect to it as to any existing cluster, so its start-up is not part of their time. With no argument
(or `default`) the cluster has Dask's default settings: on this 2-core machine 2 worker processes of 1 thread,
daemonic, each started with multiprocessing's spawn. `N` gives N workers of one thread each (the 1-worker
baseline: a default `LocalCluster(n_workers=1)` would give its one worker both cores' threads).

Once up, every worker imports `docketflow.pipeline.executors` (what unpickling the first batch would import),
as a cluster that has run before would have: the run's own process imported it before its timer started too.
One JSON line then goes to stdout: the scheduler address, the workers, their threads, whether they are
daemonic and the import seconds. The cluster stops when stdin closes.

    python benchmarks/dask_cluster.py [default|N]
"""

from __future__ import annotations

import json
import sys
import time


def _warm() -> bool:
    """On a worker: import what a batch needs; whether this worker process is daemonic."""
    import multiprocessing

    import docketflow.pipeline.executors  # noqa: F401

    return multiprocessing.current_process().daemon


def main() -> None:
    from distributed import Client, LocalCluster

    arg = sys.argv[1] if len(sys.argv) > 1 else "default"
    options = {} if arg == "default" else {"n_workers": int(arg), "threads_per_worker": 1}
    with LocalCluster(**options) as cluster, Client(cluster) as client:
        started = time.perf_counter()
        daemonic = client.run(_warm)
        threads = client.nthreads()
        print(json.dumps({"address": cluster.scheduler_address, "settings": options or "default",
                          "workers": len(threads), "threads": sum(threads.values()),
                          "daemonic": sorted(set(daemonic.values())),
                          "import_seconds": round(time.perf_counter() - started, 3)}), flush=True)
        sys.stdin.read()


if __name__ == "__main__":
    main()
