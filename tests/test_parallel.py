"""The same records whatever runs the batches: one process, a local pool, Prefect on a Dask cluster."""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest
from docketflow.pipeline.flow import run
from docketflow.pipeline.settings import RunSettings

from tests.conftest import RAW

FILES = ("documents", "holdings", "agreements", "errors")


def _outputs(out: Path) -> dict[str, list[str]]:
    return {name: sorted((out / f"{name}.jsonl").read_text().splitlines()) for name in FILES}


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    out = tmp_path_factory.mktemp("single")
    run(RunSettings(inputs=(RAW,), out=out, progress=False, orchestration="off", batch_docs=1))
    return _outputs(out)


def test_local_process_pool_matches_one_process(single: dict[str, list[str]], tmp_path: Path) -> None:
    summary = run(RunSettings(inputs=(RAW,), out=tmp_path, progress=False, orchestration="off", workers=2,
                              batch_docs=1))
    assert summary.processed == len(single["documents"])
    assert _outputs(tmp_path) == single


def _prefect_servers() -> int:
    """Prefect API servers running on this machine (the temporary one is `uvicorn ... prefect.server...`)."""
    count = 0
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:  # gone meanwhile
            continue
        if any(b"prefect.server.api.server" in a for a in args) or args[2:5] == [b"prefect", b"server", b"start"]:
            count += 1
    return count


@contextmanager
def _most_servers() -> Iterator[list[int]]:
    """The largest number of Prefect servers seen while the block runs, sampled twice a second."""
    seen = [_prefect_servers()]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            seen.append(_prefect_servers())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        yield seen
    finally:
        done.set()
        sampler.join()


def test_prefect_on_a_dask_cluster_matches_one_process_and_starts_no_server(
        prefect_api: None, single: dict[str, list[str]], tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    import dask

    before = _prefect_servers()
    with dask.config.set({"distributed.worker.daemon": False}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, _most_servers() as during:
        summary = run(RunSettings(inputs=(RAW,), out=tmp_path, progress=False, dask_address=cluster.scheduler_address,
                                  batch_docs=1, orchestration="prefect", isolate=True))
        with distributed.Client(cluster) as client:  # the killable children of the run are gone too
            left = client.run(lambda: len(multiprocessing.active_children()))
    assert set(left.values()) == {0}
    assert summary.orchestration == "prefect"
    assert _outputs(tmp_path) == single
    assert max(during) == before  # the test API only: no worker started a server of its own
    assert _prefect_servers() == before


def test_stock_daemonic_dask_workers_keep_the_limits_and_match_one_process(
        single: dict[str, list[str]], tmp_path: Path) -> None:
    """Workers started with Dask's defaults are daemonic and may not start multiprocessing children: the
    killable children are then plain subprocesses, with the same per-document limits and the same records,
    and none is left on the cluster after the run."""
    distributed = pytest.importorskip("dask.distributed")
    import dask

    with dask.config.set({"distributed.worker.daemon": True}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster:
        summary = run(RunSettings(inputs=(RAW,), out=tmp_path, progress=False, dask_address=cluster.scheduler_address,
                                  batch_docs=1, orchestration="off", isolate=True, doc_timeout_s=120))
        with distributed.Client(cluster) as client:
            daemonic = client.run(lambda: multiprocessing.current_process().daemon)
            left = client.run(lambda: len(psutil.Process().children()))
    assert set(daemonic.values()) == {True}
    assert summary.processed == len(single["documents"])
    assert _outputs(tmp_path) == single
    assert set(left.values()) == {0}


def test_dask_workers_start_their_children_when_the_run_finds_work(tmp_path: Path) -> None:
    """`warm` (called once the run finds its first input to process) starts each Dask worker's killable child
    before any batch arrives, so it loads the pipeline while the first batches are read and sent."""
    distributed = pytest.importorskip("dask.distributed")
    from docketflow.pipeline import executors

    def children() -> list[int]:
        return [len(pool.all) for pool, _ in executors._pools.values()]

    settings = RunSettings(inputs=(RAW,), out=tmp_path, progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        with executors._dask(settings.model_copy(update={"dask_address": cluster.scheduler_address}),
                             isolate=True) as executor:
            assert list(client.run(children).values()) == [[]]
            assert executor.warm is not None
            executor.warm()
            deadline = time.monotonic() + 30
            while list(client.run(children).values()) != [[1]] and time.monotonic() < deadline:
                time.sleep(0.1)
            assert list(client.run(children).values()) == [[1]]
        assert list(client.run(children).values()) == [[]]


def test_a_warm_up_that_comes_after_its_run_closed_starts_nothing(tmp_path: Path) -> None:
    from docketflow.pipeline import executors

    worker = SimpleNamespace(state=SimpleNamespace(nthreads=1))  # the part of a Dask worker the pool reads
    run_id = "closed-run"
    executors._close_run(run_id)
    asyncio.run(executors._warm_run(run_id, RunSettings(inputs=(RAW,), out=tmp_path, progress=False), worker))
    assert run_id not in executors._pools
