"""Outputs that scale (issue 17): findings.parquet beside findings.json,
reports that show the first findings by severity and count the rest, the
SQLite export written in batches."""
import json

import pytest

from pipeline import export
from pipeline.report import write_reports
from pipeline.report.markdown import render_markdown, summary_line
from pipeline.report.html import render_html
from pipeline.report.summary import summarise

from .test_report import build, hotline_stories


def test_findings_parquet_holds_every_finding_of_findings_json(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="findings.parquet needs pyarrow "
                                                        "(pip install 'claimcheck[parquet]')")
    doc, frame = build(*hotline_stories())
    write_reports(doc, frame, tmp_path)
    data = json.loads((tmp_path / "findings.json").read_text("utf-8"))["findings"]
    rows = pq.read_table(tmp_path / "findings.parquet").to_pylist()
    assert [r["finding_id"] for r in rows] == [f["finding_id"] for f in data]
    for r, f in zip(rows, data):
        assert r["claims"] == f["claims"] and r["sources"] == f["sources"]
        assert (r["type"], r["severity"], r["cause"], r["explanation"], r["new"]) == \
            (f["type"], f["severity"], f["cause"], f["explanation"], f["new"])
        assert json.loads(r["evidence"]) == f["evidence"]
        assert json.loads(r["values"]) == f["values"]
        assert r["alignment_score"] == f["alignment"]["score"]
        assert r["review"] is None and r["review_verdict"] == ""


def test_without_pyarrow_findings_parquet_is_skipped_with_one_note(tmp_path, monkeypatch,
                                                                    warnings_seen):
    doc, frame = build(*hotline_stories())
    (tmp_path / "findings.parquet").write_bytes(b"an earlier run's")
    monkeypatch.setattr(export, "has_pyarrow", lambda: False)
    paths = write_reports(doc, frame, tmp_path)
    assert sorted(p.name for p in paths) == ["findings.json", "report.html", "report.md"]
    assert not (tmp_path / "findings.parquet").exists()  # it would not match these findings
    assert warnings_seen == ["findings.parquet not written (it needs pyarrow): "
                             "pip install 'claimcheck[parquet]' (it needs pyarrow)"]
    # a plain install (no parquet extra) that never wrote one is not nagged
    warnings_seen.clear()
    write_reports(doc, frame, tmp_path)
    assert warnings_seen == [] and not (tmp_path / "findings.parquet").exists()


def test_a_report_past_its_top_shows_the_first_by_severity_and_counts_the_rest():
    doc, frame = build(*hotline_stories())
    kinds = [(f["type"], f["severity"]) for f in doc["findings"]]
    assert kinds.count(("conflict", "high")) == 2 and kinds.count(("agreement", "low")) == 5
    view = summarise(doc, 3)
    assert [f["type"] for f in view["findings"]] == ["conflict", "conflict", "agreement"]
    assert view["not_shown"] == [{"type": "agreement", "severity": "low", "cause": "",
                                  "findings": 4, "open": 0}]
    assert summary_line(view) == summary_line(doc)  # the totals stay whole
    md = render_markdown(view)
    assert "## Not shown" in md and "| agreement | low | - | 4 | - |" in md
    assert "4 more findings are not shown here: this report shows the first 3 by severity" in md
    shown = {f["finding_id"] for f in view["findings"]}
    for f in doc["findings"]:
        assert (f["finding_id"] in md) == (f["finding_id"] in shown)
    html = render_html(view, frame)
    assert '<table id="not-shown">' in html and "<td>agreement</td><td>low</td>" in html
    # conflicts first: a top of 1 keeps a conflict, and counts the other by cause
    one = summarise(doc, 1)
    assert [r[k] for r in one["not_shown"] for k in ("type", "cause", "findings", "open")][:4] \
        == ["conflict", "counting_method", 1, 1]


def test_a_report_within_its_top_or_with_top_0_is_the_whole_document():
    doc, _ = build(*hotline_stories())
    assert summarise(doc, 7) is doc and summarise(doc, 0) is doc
    assert "Not shown" not in render_markdown(summarise(doc, 0))


def test_check_and_report_take_report_top(sources_copy):
    from click.testing import CliRunner

    from pipeline.cli import cli
    r = CliRunner().invoke(cli, ["check", str(sources_copy), "--report-top", "1"])
    assert r.exit_code == 0, r.output
    reports = sources_copy.parent / "reports"
    doc = json.loads((reports / "findings.json").read_text("utf-8"))
    conflicts = [f for f in doc["findings"] if f["type"] == "conflict"]
    assert len(conflicts) >= 2 and len(doc["findings"]) > 2  # findings.json keeps them all
    listed = [line for line in r.output.splitlines() if line.startswith("  F-")]
    assert len(listed) == 1
    assert f"  ... and {len(conflicts) - 1} more conflicts (counted in report.md, listed in " \
           "findings.json)" in r.output
    md = (reports / "report.md").read_text("utf-8")
    assert "## Not shown" in md and md.count("#### F-") == 1
    r = CliRunner().invoke(cli, ["report", "--reports-dir", str(reports), "--claims-dir",
                                 str(sources_copy.parent / "claims"), "--report-top", "0"])
    assert r.exit_code == 0, r.output
    md = (reports / "report.md").read_text("utf-8")
    assert "## Not shown" not in md and md.count("#### F-") == len(conflicts)


def test_check_writes_claims_parquet_when_asked_and_removes_it_when_not(sources_copy):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow", reason="claims.parquet needs pyarrow "
                                          "(pip install 'claimcheck[parquet]')")
    from click.testing import CliRunner

    from pipeline.cli import cli
    claims = sources_copy.parent / "claims"
    r = CliRunner().invoke(cli, ["check", str(sources_copy), "--quiet", "--claims-parquet"])
    assert r.exit_code == 0, r.output
    table = pd.read_parquet(claims / "claims.parquet")
    csv_table = pd.read_csv(claims / "claims.csv", keep_default_na=False)
    assert list(table.columns) == list(csv_table.columns)
    assert table["claim_id"].tolist() == csv_table["claim_id"].tolist()
    assert table["value"].tolist() == csv_table["value"].tolist()
    assert table["start_char"].dtype.kind == "i"
    r = CliRunner().invoke(cli, ["check", str(sources_copy), "--quiet"])
    assert r.exit_code == 0, r.output
    assert not (claims / "claims.parquet").exists()  # it would not match claims.csv


def test_claims_parquet_without_pyarrow_is_one_error_line_before_any_work(sources_copy,
                                                                          monkeypatch):
    from click.testing import CliRunner

    from pipeline import run
    from pipeline.cli import cli
    monkeypatch.setattr(run, "has_pyarrow", lambda: False)
    r = CliRunner().invoke(cli, ["check", str(sources_copy), "--claims-parquet"])
    assert r.exit_code == 2
    assert r.output.strip() == ("Error: --claims-parquet needs pyarrow; run: pip install "
                                "'claimcheck[parquet]' (it needs pyarrow)")
    assert not (sources_copy.parent / "claims" / "claims.csv").exists()
