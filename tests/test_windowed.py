"""Batches come back as they finish, within the window: a slow batch does not hold back the ones behind it."""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from docketflow.pipeline.executors import inline
from docketflow.pipeline.flow import windowed
from docketflow.pipeline.outcomes import BatchResult
from docketflow.pipeline.settings import RunSettings
from docketflow.pipeline.sources import SourceItem


def _batch(name: str) -> list[SourceItem]:
    return [SourceItem(relpath=f"{name}.txt", data=b"text", size=4)]


def test_a_slow_batch_does_not_hold_back_later_ones() -> None:
    release = threading.Event()
    submitted: list[str] = []

    def work(batch: list[SourceItem]) -> BatchResult:
        if batch[0].relpath == "slow.txt":
            release.wait(10)
        return BatchResult()

    with ThreadPoolExecutor(max_workers=2) as pool:
        def submit(batch: list[SourceItem], settings: RunSettings) -> Future[BatchResult]:
            submitted.append(batch[0].relpath)
            return pool.submit(work, batch)

        order = []
        for batch, _ in windowed([_batch("slow"), *(_batch(f"quick{i}") for i in range(5))], submit,
                                 RunSettings(progress=False), window=3):
            order.append(batch[0].relpath)
            if len(order) == 4:
                release.set()
    assert order[:4] == ["quick0.txt", "quick1.txt", "quick2.txt", "quick3.txt"]
    assert sorted(order) == sorted(submitted) and len(order) == 6


def test_results_in_line_come_back_in_order() -> None:
    submit = inline(lambda batch, settings: BatchResult())
    seen = [batch[0].relpath for batch, _ in windowed([_batch(n) for n in "abc"], submit,
                                                     RunSettings(progress=False), 1)]
    assert seen == ["a.txt", "b.txt", "c.txt"]
