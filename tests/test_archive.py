"""Archive input (issue 17): a JSONL or Parquet file, or a glob of them, one
article per row (id, text; optional title, publisher, date, url)."""
import csv
import json

import pytest
from click.testing import CliRunner

from pipeline import archive, ingest
from pipeline.cli import cli

from .conftest import SOURCES


def sample_rows():
    """The sample articles as archive rows, metadata from sources.csv."""
    meta = {r["file"]: r for r in csv.DictReader(open(SOURCES / "sources.csv", encoding="utf-8"))}
    rows = []
    for path in sorted(SOURCES.glob("*.txt")):
        m = meta.get(path.name, {})
        rows.append({"id": path.stem, "text": path.read_text(encoding="utf-8"),
                     **{k: m.get(k, "") for k in ("title", "publisher", "date", "url")}})
    return rows


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_jsonl_archive_gives_the_articles_of_the_folder(tmp_path):
    path = archive.write_jsonl(sample_rows(), tmp_path / "sample.jsonl")
    got = archive.read_archive(path)
    want = ingest.read_sources(SOURCES)
    assert [a.source_id for a in got] == [a.source_id for a in want]
    # same text, hash, metadata and blocks: so the same claims and claim ids
    assert [(a.text, a.metadata(), a.blocks) for a in got] == \
        [(a.text, a.metadata(), a.blocks) for a in want]
    assert got[0].path == f"{path} line 1"


def test_check_on_a_jsonl_archive_writes_beside_it_the_folders_claims(tmp_path, sources_copy):
    arch = tmp_path / "archive"
    arch.mkdir()
    path = archive.write_jsonl(sample_rows(), arch / "sample.jsonl")
    r = run("check", path, "--quiet")
    assert r.exit_code == 0, r.output
    r = run("check", sources_copy, "--quiet")  # writes tmp_path/claims, tmp_path/reports
    assert r.exit_code == 0, r.output
    assert (arch / "claims" / "claims.csv").read_bytes() == \
        (tmp_path / "claims" / "claims.csv").read_bytes()
    a = json.loads((arch / "reports" / "findings.json").read_text())
    b = json.loads((tmp_path / "reports" / "findings.json").read_text())
    assert [f["finding_id"] for f in a["findings"]] == [f["finding_id"] for f in b["findings"]]
    assert a["sources"] == b["sources"]


def test_parquet_archive_and_a_glob_of_archives(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet archives need pyarrow "
                                              "(pip install 'claimcheck[parquet]')")
    import pyarrow.parquet as pq
    rows = sample_rows()
    pq.write_table(pa.Table.from_pylist(rows[:2]), tmp_path / "part-1.parquet")
    archive.write_jsonl(rows[2:], tmp_path / "part-2.jsonl")
    one = archive.read_archive(tmp_path / "part-1.parquet")
    assert [a.source_id for a in one] == [r["id"] for r in rows[:2]]
    assert one[1].path.endswith("part-1.parquet row 2")
    both = archive.read_archive(str(tmp_path / "part-*"))
    assert [a.source_id for a in both] == [r["id"] for r in rows]
    assert [a.text for a in both] == [r["text"] for r in rows]
    assert both[2].title == rows[2]["title"] and both[2].publisher == "The Mission Haven"


def test_parquet_numbers_dates_and_nulls(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet archives need pyarrow")
    import datetime as dt

    import pyarrow.parquet as pq
    table = pa.table({"id": [7, 8], "text": ["Sales rose 12% in 2023.", "Costs fell 3% in 2023."],
                      "date": [dt.date(2024, 5, 1), None], "title": [None, "T"]})
    pq.write_table(table, tmp_path / "a.parquet")
    a, b = archive.read_archive(tmp_path / "a.parquet")
    assert (a.source_id, a.published, a.title) == ("7", "2024-05-01", "")
    assert (b.source_id, b.published, b.title) == ("8", "", "T")


def test_bad_rows_are_skipped_with_a_warning(tmp_path, warnings_seen):
    good = {"id": "ok", "text": "Sales rose 12% in 2023."}
    lines = [json.dumps(good), "",
             "{not json",
             json.dumps(["a", "list"]),
             json.dumps({"id": "no-text"}),
             json.dumps({"id": "", "text": "x 1"}),
             json.dumps({"id": "../escape", "text": "x 2"}),
             json.dumps({"id": "when", "text": "x 3", "date": "May 1"}),
             json.dumps({"id": "ok", "text": "Another text, 4."}),
             json.dumps({"id": "twin", "text": good["text"]}),
             json.dumps({"id": "big", "text": "9 " * 600}),
             json.dumps({"id": "pub", "text": "x 5", "publisher": ["a"]}),
             json.dumps({"id": 42, "text": "Costs fell 3% in 2023."})]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = archive.read_archive(path, max_bytes=1000)
    assert [a.source_id for a in got] == ["ok", "42"]
    assert len(warnings_seen) == 10 and all(w.startswith(f"skipped: {path} line ")
                                            for w in warnings_seen)
    said = "\n".join(warnings_seen)
    for part in ("line 3 is not JSON", "line 4 is not an object", "line 5 has no 'text'",
                 "line 6 has id ''",
                 "line 7 has id '../escape'", "line 8 has date 'May 1'",
                 "line 9 has id 'ok', already used at", "line 10 is an exact duplicate of",
                 "line 11 has a text of 1,200 bytes, over the limit of 1,000",
                 "line 12 has a 'publisher' that is not text"):
        assert part in said, part


def test_check_skips_bad_rows_and_reads_the_rest(tmp_path):
    rows = sample_rows()
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([json.dumps(rows[0]), "{oops", json.dumps({"id": "x"}),
                               json.dumps(rows[1])]) + "\n", encoding="utf-8")
    r = run("check", path)
    assert r.exit_code == 0, r.output
    assert "Warning: skipped: " in r.stderr and "line 2 is not JSON" in r.stderr
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    assert [s["source_id"] for s in doc["sources"]] == [rows[0]["id"], rows[1]["id"]]


def test_unreadable_archives_are_one_line_errors(tmp_path):
    r = run("check", tmp_path / "missing.jsonl")
    assert r.exit_code == 2 and r.stderr.startswith("Error: ") and "does not exist" in r.stderr
    r = run("check", str(tmp_path / "none-*.jsonl"))
    assert r.exit_code == 2 and "matches no .jsonl or .parquet file" in r.stderr
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"not parquet at all")
    r = run("check", bad)
    assert r.exit_code == 2 and r.stderr.startswith("Error: ") and r.stderr.count("\n") == 1


def test_a_bad_file_among_several_is_skipped(tmp_path, warnings_seen):
    pytest.importorskip("pyarrow", reason="Parquet archives need pyarrow")
    archive.write_jsonl(sample_rows()[:1], tmp_path / "a.jsonl")
    (tmp_path / "b.parquet").write_bytes(b"not parquet")
    got = archive.read_archive(str(tmp_path / "*"))
    assert len(got) == 1
    assert any("b.parquet is not a Parquet file" in w for w in warnings_seen)


def test_parquet_without_a_text_column_says_what_it_needs(tmp_path):
    pa = pytest.importorskip("pyarrow", reason="Parquet archives need pyarrow")
    import pyarrow.parquet as pq
    pq.write_table(pa.table({"id": ["a"], "body": ["Sales rose 12%."]}), tmp_path / "a.parquet")
    r = run("check", tmp_path / "a.parquet")
    assert r.exit_code == 2 and "has no 'text' column" in r.stderr


def test_extract_reads_archives_and_files_together(tmp_path):
    path = archive.write_jsonl([{"id": "row1", "text": "Sales rose 12% in 2023."}],
                               tmp_path / "a.jsonl")
    src = tmp_path / "b.txt"
    src.write_text("Costs fell 3% in 2023.\n", encoding="utf-8")
    r = run("extract", path, src, "-f", "jsonl")
    assert r.exit_code == 0, r.output
    got = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(c["source_id"], c["text"]) for c in got] == [("row1", "12%"), ("b", "3%")]


def test_archive_outputs_go_in_its_folder():
    from pathlib import Path

    from pipeline.story import check_folders
    w = check_folders("news/2025/*.parquet")
    assert (w.claims, w.reports) == (Path("news/2025/claims"), Path("news/2025/reports"))
    w = check_folders("news/*/day.jsonl")
    assert w.claims == Path("news/claims")
    w = check_folders("a.jsonl")
    assert w.claims == Path("claims")


def test_check_sources_api_reads_an_archive(tmp_path):
    from pipeline import check_sources
    path = archive.write_jsonl(sample_rows(), tmp_path / "s.jsonl")
    result = check_sources(path)
    assert len(result.articles) == 3 and len(result.frame) == len(result.claims) > 20
