"""End to end on the bundled samples: `docketflow run raw` then `docketflow brief --about ICE` names every
agreement with ICE (or a component), each with its decisions in order and its current status, every sentence
cited."""

from __future__ import annotations

from pathlib import Path

import pytest
from docketflow.extractors.records.parties import ancestors
from docketflow.pipeline.brief import write_brief
from docketflow.pipeline.cli import main
from docketflow.pipeline.flow import execute, inline
from docketflow.pipeline.process import process_batch
from docketflow.pipeline.reader import read
from docketflow.pipeline.settings import RunSettings

from tests.brief.reading import entries, said, sections
from tests.conftest import RAW


@pytest.fixture(scope="module")
def raw_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raw-out")
    execute(RunSettings(inputs=(RAW,), out=out, progress=False), inline(process_batch), "off")
    return out


def test_the_ice_brief_names_every_ice_agreement_with_its_decisions_and_status(raw_output: Path) -> None:
    assert main(["brief", str(raw_output), "--about", "ICE"]) == 0
    records = read(raw_output)
    with_ice = [a for a in records.agreements
                if any(k == "ICE" or "ICE" in ancestors(k) for k in [*a.providers, *a.recipients])]
    assert with_ice, "the samples describe agreements with ICE"
    brief = write_brief(raw_output, ["ICE"]).brief
    assert {a.id for a in with_ice} <= set(brief.agreements)
    md = (raw_output / "brief.md").read_text(encoding="utf-8")
    for agreement in with_ice:
        label = f"A{brief.agreements.index(agreement.id) + 1}"
        entry = entries(brief, label)[0]
        for key in [*agreement.providers, *agreement.recipients]:
            assert f"({key})" in said(entry, "parties").text
        assert said(entry, "status").text.endswith(".")
        courts = sections(brief)[f"{label.lower()}-courts"]
        decided = [b.label for b in courts.blocks if b.label]
        history = [e.decision for e in agreement.history]
        assert [brief.decisions[int(d[1:]) - 1] for d in decided] == history  # the decisions, oldest first
        assert said(courts.blocks[-1], "status").text.startswith("Where it stands now:")
        assert f"**{label}.**" in md
    assert all(s.cites for s in brief.sentences())
