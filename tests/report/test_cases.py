"""The cases section of the review page (issue 22): each case with its decisions oldest first across its
courts, each decision with the documents that report it and the agreements it bears on; an output from before
cases.jsonl still renders, without the section."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docketflow.pipeline.report import write_report
from docketflow.pipeline.report.cases import decisions_in_order
from docketflow.pipeline.report.folder import OutputFolder

from tests.report import made_up


class _Entries(HTMLParser):
    """For each element whose id starts with case- or decision-: its attributes, the hrefs and text inside it,
    and the ids of the elements nested in it, in document order."""

    VOID = frozenset({"br", "img", "input", "meta", "link", "hr", "wbr"})

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[str, dict] = {}
        self.stack: list[tuple[str, str | None]] = []

    def _open(self) -> list[dict]:
        return [self.entries[i] for _, i in self.stack if i]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for entry in self._open():
            entry["hrefs"] += [values["href"]] if "href" in values else []
            entry["inner_ids"] += [values["id"]] if "id" in values else []
            entry["classes"] += (values.get("class") or "").split()
        if tag in self.VOID:
            return
        tracked = values.get("id") if re.match(r"(case|decision)-", values.get("id") or "") else None
        if tracked:
            self.entries[tracked] = {"attrs": values, "hrefs": [], "inner_ids": [], "classes": [], "text": ""}
        self.stack.append((tag, tracked))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for entry in self._open():
            entry["text"] += data


def _page(out: Path) -> str:
    return write_report(out).path.read_text(encoding="utf-8")


def _data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="report-data">(.*?)</script>', html, re.S)[1])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> made_up.Folder:
    return made_up.build(tmp_path_factory.mktemp("cases-out"))


@pytest.fixture(scope="module")
def html(folder: made_up.Folder) -> str:
    return _page(folder.path)


@pytest.fixture(scope="module")
def entries(html: str) -> dict[str, dict]:
    parser = _Entries()
    parser.feed(html)
    return parser.entries


def test_folder_reads_cases_when_present(folder: made_up.Folder, tmp_path: Path) -> None:
    assert [c["id"] for c in OutputFolder.open(folder.path).cases] == ["case-doe", "case-tenants"]
    assert OutputFolder.open(made_up.build(tmp_path, with_cases=False).path).cases is None


def test_page_has_a_cases_section_card_and_nav_link(html: str, entries: dict[str, dict]) -> None:
    assert '<section id="cases"' in html and '<a href="#cases">Cases</a>' in html
    card = re.search(r'<a class="card [^"]*" href="#cases"><span class="value">(\d+)</span>', html)
    assert card and card[1] == "2"
    assert {"case-case-doe", "case-case-tenants"} <= set(entries)
    doe = entries["case-case-doe"]
    assert "Doe v. Social Security Administration" in doe["text"]
    assert made_up.DOCKET in doe["text"] and made_up.APPEAL_DOCKET in doe["text"]
    assert "mdd → ca4" in doe["text"] and "3 decisions" in doe["text"]
    assert "eff-limited" in doe["classes"]  # the case's status


def test_decisions_are_oldest_first_in_a_column_per_court(entries: dict[str, dict]) -> None:
    doe = entries["case-case-doe"]
    decisions = [i for i in doe["inner_ids"] if i.startswith("decision-")]
    assert decisions == ["decision-dec-pi", "decision-dec-mod", "decision-dec-app"]
    places = {d: entries[d]["attrs"]["style"] for d in decisions}
    assert places == {"decision-dec-pi": "grid-column:1;grid-row:1", "decision-dec-mod": "grid-column:1;grid-row:2",
                      "decision-dec-app": "grid-column:2;grid-row:3"}
    pi = entries["decision-dec-pi"]
    for shown in ("2031-03-03", "mdd", "Jane Q. Roe", "preliminary injunction", "granted in part", "limited"):
        assert shown in pi["text"]
    assert "Rosa M. Quill" in entries["decision-dec-app"]["text"] and "affirmed" in entries["decision-dec-app"]["text"]


def test_each_decision_lists_its_sources_with_their_kind(folder: made_up.Folder, entries: dict[str, dict]) -> None:
    pi = entries["decision-dec-pi"]
    docs = [h for h in pi["hrefs"] if h.startswith("#doc-")]
    assert docs == [f"#doc-{folder.doc_index(n)}" for n in ("pi-order.txt", "article-one.txt", "article-two.txt")]
    assert pi["classes"].count("src-own") == 1 and pi["classes"].count("src-report") == 2
    assert "court's own order" in pi["text"] and pi["text"].count("news report") == 2
    assert {"#ev-hld-pi-0", "#ev-hld-art1-0", "#ev-hld-art2-0"} <= set(pi["hrefs"])
    appeal = entries["decision-dec-app"]
    assert "court's own opinion" in appeal["text"]
    assert f"#doc-{folder.doc_index('appeal-opinion.txt')}" in appeal["hrefs"]


def test_cases_link_the_agreements_they_bear_on(entries: dict[str, dict]) -> None:
    doe = entries["case-case-doe"]
    assert "#agreement-agr-1" in doe["hrefs"] and "#agreement-agr-2" not in doe["hrefs"]
    assert "#agreement-agr-1" in entries["decision-dec-pi"]["hrefs"]
    tenants = entries["case-case-tenants"]
    assert not any(h.startswith("#agreement-") for h in tenants["hrefs"])
    assert "No agreement in this output bears on this case." in tenants["text"]


def test_a_hostile_case_name_is_escaped(html: str, entries: dict[str, dict]) -> None:
    assert "<script>alert(" not in html
    assert "&lt;script&gt;alert(&#x27;case&#x27;)&lt;/script&gt; Tenants v. Agency" in html
    assert made_up.HOSTILE in entries["case-case-tenants"]["text"]  # as text, not markup
    assert [c["name"] for c in _data(html)["cases"]][1] == made_up.HOSTILE


def test_script_data_lets_history_link_to_decisions(html: str) -> None:
    data = _data(html)
    (agreement, _) = data["agreements"]
    assert [e["decision"] for e in agreement["history"]] == ["dec-pi", "dec-app"]
    decisions = {d["id"]: (c["id"], d["date"]) for c in data["cases"] for d in c["decisions"]}
    assert decisions["dec-pi"] == ("case-doe", "2031-03-03") and decisions["dec-app"] == ("case-doe", "2031-09-01")
    doe = data["cases"][0]
    assert doe["courts"] == ["mdd", "ca4"] and "address" in doe["cats"] and "Jane Q. Roe" in doe["judges"]


def test_an_output_without_cases_jsonl_renders_without_the_section(tmp_path: Path) -> None:
    html = _page(made_up.build(tmp_path, with_cases=False).path)
    assert 'id="cases"' not in html and 'href="#cases"' not in html and 'id="case-' not in html
    assert 'id="agreements"' in html and _data(html)["cases"] == []


def test_an_empty_cases_jsonl_says_so(tmp_path: Path) -> None:
    out = made_up.build(tmp_path).path
    (out / "cases.jsonl").write_text("", encoding="utf-8")
    html = _page(out)
    assert '<section id="cases"' in html and "No cases in this output." in html
    assert re.search(r'href="#cases"><span class="value">0</span>', html)


@pytest.mark.parametrize(("dates", "expected"), [
    (["2031-09-01", "2031-03-03", "2031-05-20"], ["2031-03-03", "2031-05-20", "2031-09-01"]),
    ([None, "2031-05", "2031-04-30"], ["2031-04-30", "2031-05", None]),  # a month sorts by its first day
])
def test_decisions_are_put_in_date_order_whatever_the_file_order(dates: list, expected: list) -> None:
    case = {"decisions": [{"id": f"d{i}", "date": d} for i, d in enumerate(dates)]}
    assert [d["date"] for d in decisions_in_order(case)] == expected
