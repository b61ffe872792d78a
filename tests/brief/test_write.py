"""`docketflow brief OUT`: the Markdown and HTML files say the same sentences with the same citations, link each
citation to its evidence in the review page (written when missing or stale), and refusals write nothing."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from docketflow.pipeline.brief import markdown, write_brief
from docketflow.pipeline.cli import main

from tests.brief import made_up

WRITTEN = ("brief.md", "brief.html", "report.html")


def test_the_command_writes_both_files_and_the_review_page(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["brief", str(folder)]) == 0  # --about defaults to ICE
    line = capsys.readouterr().out
    assert "4 agreements, 3 decisions" in line and "wrote the review page" in line
    for name in WRITTEN:
        assert (folder / name).stat().st_size > 0


def test_markdown_and_html_carry_every_sentence_with_its_citations(folder: Path) -> None:
    done = write_brief(folder, ["ICE"])
    md = done.markdown.read_text(encoding="utf-8")
    html = done.html.read_text(encoding="utf-8")
    review = done.review.read_text(encoding="utf-8")
    sentences = list(done.brief.sentences())
    for sentence in sentences:
        assert markdown.sentence(sentence) in md
    assert html.count('class="sentence"') == len(sentences)
    for citation in done.brief.citations:
        link = f"report.html#{citation.target}"
        assert f'href="{link}"' in html and f"]({link})" in md
        assert f'"{citation.target}"' in review  # the anchor the review page's viewer opens
        assert f'id="ref-{citation.number}"' in html and f'<a id="ref-{citation.number}"></a>' in md
    # each sentence's numbers link straight to the evidence, in the order of the list
    first = re.search(r'<span class="cite">\[(.*?)\]</span>', html)[1]
    assert re.findall(r'data-ref="(\d+)"', first) == [str(n) for n in sentences[0].cites]
    assert "<script" not in html  # self-contained, nothing to run or fetch
    assert "http://" not in html and "https://" not in html


def test_the_review_page_is_written_again_only_when_older_than_the_records(folder: Path) -> None:
    assert write_brief(folder).review_written
    assert not write_brief(folder).review_written
    stale = (folder / "run.json").stat().st_mtime - 60
    os.utime(folder / "report.html", (stale, stale))
    assert write_brief(folder).review_written


def test_text_from_the_records_is_escaped(tmp_path: Path) -> None:
    made = made_up.build()
    hostile = "<script>alert(1)</script> *Doe* v. [Agency](http://x)"
    made.cases = [c.model_copy(update={"name": hostile}) if c.id == "case-doe" else c for c in made.cases]
    out = made_up.write(tmp_path / "out", made)
    done = write_brief(out)
    html = done.html.read_text(encoding="utf-8")
    md = done.markdown.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "\\<script\\>" in md and "\\*Doe\\*" in md and "\\[Agency\\]" in md


@pytest.mark.parametrize(("args", "message"), [
    (["--about", "XYZ"], "--about 'XYZ'"),
    (["--about", "ICE", "Nowhere Bureau"], "--about 'Nowhere Bureau'"),
    (["--since", "last week"], "--since 'last week'"),
    (["--since", "2031-02-30"], "--since '2031-02-30'"),
])
def test_a_bad_option_is_refused_naming_it_and_nothing_is_written(
        folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["brief", str(folder), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not any((folder / name).exists() for name in WRITTEN)


@pytest.mark.parametrize("state", ["no folder", "nothing published", "half published", "other schema"])
def test_a_folder_without_published_records_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], state: str) -> None:
    out = tmp_path / "out"
    if state != "no folder":
        made_up.write(out, made_up.build())
    if state == "nothing published":
        (out / "run.json").unlink()
    elif state == "half published":
        (out / ".publishing").write_text("", encoding="utf-8")
    elif state == "other schema":
        (out / "run.json").write_text(json.dumps({"schema_version": 2}), encoding="utf-8")
    assert main(["brief", str(out)]) == 2
    assert "cannot write brief" in capsys.readouterr().err
    assert not any((out / name).exists() for name in WRITTEN)
