"""The same records whatever runs the batches: one process, a local pool, Prefect on a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.flow import run
from pipeline.settings import RunSettings
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


def test_prefect_on_a_dask_cluster_matches_one_process(prefect_api: None, single: dict[str, list[str]],
                                                        tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        summary = run(RunSettings(inputs=(RAW,), out=tmp_path, progress=False, dask_address=cluster.scheduler_address,
                                  batch_docs=1))
    assert summary.orchestration == "prefect"
    assert _outputs(tmp_path) == single
