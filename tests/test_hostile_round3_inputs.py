"""Hostile inputs, round three (issue 21, items 1-3 and the input part of 14): nesting deep enough to blow
Python's stack, lone surrogate escapes, a CSV in a legacy encoding, zip methods the standard library lacks,
and limits named wrongly. Each bad input is one error line naming the real cause, the run goes on (rc 0),
and the good inputs next to it are published; a second run over the same folder does the same."""

from __future__ import annotations

import gzip
import io
import json
import random
import struct
import subprocess
import zipfile
from pathlib import Path

import pytest
from docketflow.pipeline.ingest.safejson import MAX_NESTING, TooDeep, loads, nesting
from docketflow.pipeline.output import dumps
from docketflow.pipeline.sources.regular import printable

from tests.sources.helpers import items, news, record, run_cli, summary, write_files, zip_bytes

DEEP = "[" * 100_000 + "]" * 100_000
"""One JSON value of 100,000 nested arrays: a RecursionError wherever `json.loads` meets it."""
LIMIT = f"more than {MAX_NESTING} levels deep"
Outcome = tuple[Path, Path, subprocess.CompletedProcess[str]]


def _notice(number: int, body: str) -> str:
    return (f"<NOTICE><PREAMB><AGENCY>Department of Labor</AGENCY><SUBJECT>Notice {number}</SUBJECT></PREAMB>"
            f"<SUPLINF>{body}</SUPLINF><FRDOC>[FR Doc. 2016-0880{number} Filed 4-14-16; 8:45 am]</FRDOC></NOTICE>")


def _methods_zip() -> bytes:
    """A zip whose members claim Deflate64, zstd, PPMd and strong encryption, next to a plain one.

    zipfile writes none of these, so stored members are written and their headers patched: the method
    (local header offset 8, central offset 10) and the flags (offsets 6 and 8)."""
    patches = {"deflate64.txt": (9, 0), "zstd.txt": (93, 0), "ppmd.txt": (98, 0), "strong.txt": (0, 0x41)}
    members = {name: news(name).encode() for name in patches} | {"plain.txt": news("plain zip").encode()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(buffer) as archive:
        local = {i.filename: i.header_offset for i in archive.infolist()}
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        length = struct.unpack_from("<H", data, central + 28)[0]
        name = data[central + 46:central + 46 + length].decode()
        if name in patches:
            method, flags = patches[name]
            for flags_at in (local[name] + 6, central + 8):  # the method follows the flags in both headers
                struct.pack_into("<HH", data, flags_at, flags, method)
        central = data.find(b"PK\x01\x02", central + 46)
    return bytes(data)


def _big_sidecar() -> str:
    """A sidecar over 1 MiB that does not compress past the archive expansion ratio."""
    return json.dumps({"title": random.Random(21).randbytes(600_000).hex()})


def _folder(root: Path) -> Path:
    inputs = root / "in"
    inputs.mkdir()
    files: dict[str, bytes | str] = {
        "good.txt": news("addresses"),
        # 1. deep nesting, in every format that parses JSON or XML
        "deep.jsonl": f"{DEEP}\n{record('j-good', 'wages')}\n",
        "deep.json": f"[{record('a', 'phone numbers')}, {DEEP}, {record('c', 'tax records')}]",
        "sidecars.zip": zip_bytes({"n.txt": news("zip sidecars").encode(), "n.txt.meta.json": DEEP.encode(),
                                   "o.txt": news("zip neighbours").encode()}),
        "deep_side.txt": news("disk sidecars"),
        "deep_side.txt.meta.json": DEEP,
        "page.html": ('<html><head><script type="application/ld+json">' + DEEP + "</script></head><body>"
                      "<p>The court ruled that the agency may share records.</p></body></html>"),
        "issue.xml": ("<FEDREG><DATE>Tuesday, June 3, 2031</DATE><NOTICES>" + _notice(1, "<P>First notice.</P>")
                      + _notice(2, "<P>" * 5000 + "Deep." + "</P>" * 5000)
                      + _notice(3, "<P>Third notice.</P>") + "</NOTICES></FEDREG>"),
        # 2. lone surrogates
        "surrogates.jsonl": ('{"id": "s\\udcff", "title": "t\\ud800 lone", "text": "The IRS shared records with '
                             'ICE.\\udcff"}\n' + record("s-good", "bank records") + "\n"),
        "lone.txt": news("lone surrogates"),
        "lone.txt.meta.json": '{"title": "\\ud800 lone"}',
        # 3. encodings and compression
        "latin1.csv": "id,text\nc1,Le juge a statué que la CNIL peut partager les données.\n".encode("latin-1"),
        "methods.zip": _methods_zip(),
        # 14. limits named for what they are
        "big_side.txt": news("big sidecars"),
        "big_side.txt.meta.json": _big_sidecar(),
        "big_sidecar.zip": zip_bytes({"m.txt": news("zip big sidecar").encode(),
                                      "m.txt.meta.json": _big_sidecar().encode()}),
        "data.gz": gzip.compress(news("gzip").encode()),
    }
    return write_files(inputs, files)


def _read(out: Path) -> tuple[dict[str, dict], dict[str, dict], dict[str, str]]:
    documents = {(d := json.loads(line))["source"]["path"]: d
                 for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()}
    errors = {(e := json.loads(line))["path"]: e
              for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()}
    with gzip.open(out / "texts.jsonl.gz", "rt", encoding="utf-8") as fh:
        texts = {(t := json.loads(line))["doc_id"]: t["text"] for line in fh}
    return documents, errors, texts


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> Outcome:
    root = tmp_path_factory.mktemp("round3")
    inputs = _folder(root)
    out = root / "out"
    return inputs, out, run_cli(inputs, out)


GOOD = [
    "good.txt",
    "deep.jsonl#j-good",
    "deep.json#a",
    "deep.json#c",
    "sidecars.zip!o.txt",
    "page.html",
    "issue.xml#2016-08801",
    "issue.xml#2016-08803",
    "surrogates.jsonl#s-good",
    "surrogates.jsonl#s\\udcff",
    "lone.txt",
    "latin1.csv#c1",
    "methods.zip!plain.txt",
]


def test_the_run_goes_on_and_publishes_every_good_input(outcome: Outcome) -> None:
    _, out, done = outcome
    assert done.returncode == 0, done.stderr
    documents, _, _ = _read(out)
    assert set(GOOD) <= set(documents), sorted(set(GOOD) - set(documents))


@pytest.mark.parametrize(
    ("path", "code", "says"),
    [
        ("deep.jsonl#line-1", "too_deep", LIMIT),
        ("deep.json#item-2", "too_deep", LIMIT),
        ("issue.xml#2016-08802", "too_deep", LIMIT),
        ("sidecars.zip!n.txt", "sidecar", LIMIT),
        ("deep_side.txt", "sidecar", LIMIT),
        ("methods.zip!deflate64.txt", "unsupported_compression", "deflate64"),
        ("methods.zip!zstd.txt", "unsupported_compression", "zstd"),
        ("methods.zip!ppmd.txt", "unsupported_compression", "ppmd"),
        ("methods.zip!strong.txt", "unsupported_compression", "strong encryption"),
        ("big_side.txt", "sidecar", "1048576 bytes, the fixed size limit of a sidecar"),
        ("big_sidecar.zip!m.txt", "sidecar", "1048576 bytes, the fixed size limit of a sidecar"),
        ("data.gz", "unsupported_type", "'data' has no extension"),
    ],
)
def test_each_bad_input_is_one_error_naming_its_cause(outcome: Outcome,
                                                      path: str, code: str, says: str) -> None:
    _, out, _ = outcome
    documents, errors, _ = _read(out)
    assert path in errors, sorted(errors)
    assert errors[path]["error"] == code
    assert says in errors[path]["message"], errors[path]["message"]
    assert "\n" not in errors[path]["message"]
    assert "max_file_bytes" not in errors[path]["message"]
    assert path not in documents
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert sum(json.loads(line)["path"] == path for line in lines) == 1


def test_no_error_is_a_python_exception(outcome: Outcome) -> None:
    _, out, _ = outcome
    _, errors, _ = _read(out)
    assert not [e for e in errors.values() if e["error"][:1].isupper()], errors
    assert ".gz is not one of" not in json.dumps(errors)


def test_lone_surrogates_are_kept_as_their_escapes(outcome: Outcome) -> None:
    _, out, _ = outcome
    documents, _, texts = _read(out)
    record = documents["surrogates.jsonl#s\\udcff"]
    assert record["source"]["title"] == "t\\ud800 lone"
    assert texts[record["doc_id"]].endswith("ICE.\\udcff")
    assert documents["lone.txt"]["source"]["title"] == "\\ud800 lone"


def test_a_legacy_encoded_csv_is_decoded_like_plain_text(outcome: Outcome) -> None:
    _, out, _ = outcome
    documents, _, texts = _read(out)
    assert "statué que la CNIL peut partager les données" in texts[documents["latin1.csv#c1"]["doc_id"]]


def test_a_deep_ld_json_block_costs_only_its_dates(outcome: Outcome) -> None:
    _, out, _ = outcome
    documents, _, _ = _read(out)
    assert any(w.startswith("too_deep:") and LIMIT in w for w in documents["page.html"]["warnings"])


def test_a_second_run_over_the_same_folder_ends_the_same(outcome: Outcome) -> None:
    inputs, out, _ = outcome
    before = _read(out)[:2]
    again = run_cli(inputs, out)
    assert again.returncode == 0, again.stderr
    after = _read(out)[:2]
    assert (set(after[0]), set(after[1])) == (set(before[0]), set(before[1]))


def test_a_deep_value_between_good_ones_is_skipped_whole(tmp_path: Path) -> None:
    deep_object = '{"a": ' * 300 + "1" + "}" * 300
    (tmp_path / "bulk.json").write_text(f"[{record('a', 'x')},{deep_object},{DEEP},{record('d', 'y')}]")
    assert summary(items(tmp_path)) == [("bulk.json#a", None), ("bulk.json#item-2", "too_deep"),
                                        ("bulk.json#item-3", "too_deep"), ("bulk.json#d", None)]


def test_a_stray_cp1252_byte_past_the_sample_loses_no_row(tmp_path: Path) -> None:
    rows = "".join(f"r{n},{news(str(n)).strip()}\n" for n in range(2000))
    late = "r-x,Le juge a statué.\n".encode("cp1252")
    (tmp_path / "late.csv").write_bytes("id,text\nr-é,Déjà vu.\n".encode() + rows.encode() + late + b"r-y,After.\n")
    found = {i.relpath: i for i in items(tmp_path)}
    assert len(found) == 2003 and not [i for i in found.values() if i.error]
    assert (found["late.csv#r-é"].text, found["late.csv#r-x"].text) == ("Déjà vu.", "Le juge a statué.")


@pytest.mark.parametrize(
    ("text", "deepest", "end"),
    [
        ("[1, 2]", 1, 6),
        ('[{"a": "]]]"}, [[]]] tail', 3, 20),
        ('{"a\\"[": [[]]}', 3, 14),
        ("[" * 5, 5, None),
        ('["open string [[[', 1, None),
    ],
)
def test_nesting_counts_brackets_outside_strings(text: str, deepest: int, end: int | None) -> None:
    assert nesting(text) == (deepest, end)
    assert nesting(text.encode()) == (deepest, end)


def test_loads_refuses_depth_and_escapes_surrogates() -> None:
    with pytest.raises(TooDeep, match=LIMIT):
        loads(DEEP)
    assert loads("[" * MAX_NESTING + "]" * MAX_NESTING) is not None
    assert loads('{"k\\udcff": ["\\ud800", {"t": "ok \\udcff"}]}') == {"k\\udcff": ["\\ud800", {"t": "ok \\udcff"}]}


def test_a_surrogate_that_reaches_the_output_is_written_as_text() -> None:
    line = dumps({"title": "from a PDF \udcff"})
    assert line.encode("utf-8") and json.loads(line) == {"title": "from a PDF \\udcff"}
    assert printable("a\udce9 b\ud800") == "a\\udce9 b\\ud800"  # not from a file name: spelled as JSON did
    assert printable("r\udce9sum\udce9.txt") == "r\\xe9sum\\xe9.txt"
