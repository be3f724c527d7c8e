"""Reports: findings.json per the contract, report.md, report.html (offline,
escaped, highlighted, charted, with the sortable claim table)."""
import json
import math
import re
from html.parser import HTMLParser

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.api import claims_frame
from pipeline.compare import compare
from pipeline.explain import explain
from pipeline.model import CAUSES
from pipeline.report import findings_document, write_reports
from pipeline.report.findings import findings_json
from pipeline.report.html import highlighted, render_html
from pipeline.report.markdown import md_escape, render_markdown

from .factories import Story, everything
from .test_compare import hotline_stories

FINDING_KEYS = {"finding_id", "type", "basis", "derivation", "subject", "metric", "period",
                "claims", "sources", "cause", "explanation", "evidence", "severity", "new",
                "review"}
EVIDENCE_KEYS = {"source_id", "sentence", "start_char", "end_char"}


def build(*stories):
    claims, articles = everything(*stories)
    findings = explain(compare(claims), claims, articles)
    doc = findings_document(articles, claims, findings, reprocessed=len(articles), seconds=0.5)
    return doc, claims_frame(claims)


def test_findings_json_has_the_contract_shape():
    doc, _ = build(*hotline_stories())
    data = json.loads(findings_json(doc))
    assert set(data) >= {"generated_at", "tool_version", "run", "sources", "findings"}
    assert set(data["run"]) == {"articles", "reprocessed", "claims", "seconds"}
    assert len(data["findings"]) == 7
    for f in data["findings"]:
        assert FINDING_KEYS <= set(f)
        assert re.fullmatch(r"F-[0-9a-f]{6}", f["finding_id"])
        assert f["type"] in ("conflict", "agreement") and f["basis"] in ("stated", "derived")
        assert f["severity"] in ("high", "medium", "low")
        assert (f["cause"] == "") == (f["type"] == "agreement")
        assert f["claims"] == sorted(f["claims"])
        for e in f["evidence"]:
            assert EVIDENCE_KEYS <= set(e)
    assert [f["type"] for f in data["findings"]][:2] == ["conflict", "conflict"]


def test_open_intervals_are_valid_json():
    a, b = Story("one", "At least 24 cases in 2024."), Story("two", "There were 25 cases in 2024.")
    a.claim("At least 24", "count", 24, 24, float("inf"), qualifier="at_least")
    b.claim("25", "count", 25, 24.5, 25.5)
    doc, _ = build(a, b)
    text = findings_json(doc)
    value = json.loads(text, parse_constant=strict)["findings"][0]["values"][0]
    assert value["high"] is None and value["low"] == 24  # open above: null, not "inf"


def test_open_ends_are_empty_in_csv_and_null_in_json_and_read_back_either_way():
    from pipeline.report.markdown import value_cells
    from pipeline.report.table import claims_csv, claims_json, read_bound
    a = Story("one", "At least 20 cases in 2024.")
    a.claim("At least 20", "count", 20, 20, float("inf"), qualifier="at_least")
    for table in (a.claims, claims_frame(a.claims)):
        row = dict(zip(*[line.split(",") for line in claims_csv(table).splitlines()][:2]))
        assert (row["low"], row["high"], row["qualifier"]) == ("20", "", "at_least")
        assert json.loads(claims_json(table))[0]["high"] is None
    assert read_bound("", "high") == read_bound(None, "high") == read_bound("inf", "high") \
        == float("inf")
    assert read_bound("", "low") == read_bound("-inf", "low") == float("-inf")
    for old_or_new in ("inf", None):  # findings.json written before or after
        entry = {"kind": "count", "value": 20, "low": 20, "high": old_or_new}
        assert value_cells(entry) == ("20", "at least 20")


def test_markdown_lists_conflicts_by_severity_then_agreements():
    doc, _ = build(*hotline_stories())
    md = render_markdown(json.loads(findings_json(doc)))
    assert md.splitlines()[2] == ("3 articles, 15 claims: 2 conflicts (2 high, 0 medium, "
                                  "0 low; 2 open), 5 agreements.")
    assert md.index("### High severity") < md.index("## Agreements")
    assert "cause: **counting method**" in md
    assert "**Suggested wording:**" in md and "**Derived:**" in md
    assert "> Part of the drop happened because the Hotline changed how they count" in md
    assert "| a\\_wire | about 29.2 million | 29.2M | 28.9M to 29.5M | stated |" in md
    assert "| roughly 19% (down) (a\\_wire); 19% (down) (b\\_blog) |" in md
    # every finding says why its figures were taken as one quantity
    assert "**Why these are one quantity:** score 1.00: same subject, metric, period" in md
    for f in json.loads(findings_json(doc))["findings"]:
        assert 0 <= f["alignment"]["score"] <= 1 and f["alignment"]["reasons"]


def test_md_escape_keeps_tables_intact():
    assert md_escape("a|b *c* <x> [l](u)\nnext") == "a\\|b \\*c\\* \\<x\\> \\[l\\](u) next"


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.scripts = [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def test_html_is_offline_with_charts_and_sortable_table():
    doc, frame = build(*hotline_stories())
    page = render_html(json.loads(findings_json(doc)), frame)
    p = Tags()
    p.feed(page)
    classes = [(t, a.get("class", "")) for t, a in p.tags]
    assert sum(1 for t, c in classes if t == "section" and c.startswith("finding conflict")) == 2
    assert sum(1 for t, c in classes if t == "svg" and c == "chart") == 3  # stated 1, derived 2
    assert ("table", "sortable") in classes
    assert any(t == "input" and a.get("id") == "claim-filter" for t, a in p.tags)
    assert not any("src" in a or t == "link" for t, a in p.tags)
    assert "http://" not in page and "https://" not in page
    assert page.count("<tr>") >= 15
    assert '<mark class="num">about 29.2 million</mark>' in page
    assert '<mark class="cue">changed how they count</mark>' in page


def test_everything_from_articles_is_escaped():
    evil = '<script>alert("x")</script>'
    a = Story("evil<b>", f"The Agency {evil} logged 10 million reports in 2024.",
              subject=f"Agency {evil}")
    b = Story("two", "The Agency logged 14 million reports in 2024.", subject=f"Agency {evil}")
    a.claim("10 million", "count", 10e6, 9.5e6, 10.5e6)
    b.claim("14 million", "count", 14e6, 13.5e6, 14.5e6)
    doc, frame = build(a, b)
    page = render_html(json.loads(findings_json(doc)), frame)
    assert "<script>alert" not in page and "evil<b>" not in page
    assert page.count("<script>") == 1
    assert "&lt;script&gt;alert" in page
    md = render_markdown(doc)
    assert "<script>" not in md


def test_highlight_uses_article_offsets():
    got = highlighted("It rose <5%> to 20.", 100, [(109, 111, "num"), (116, 118, "num")])
    assert got == 'It rose &lt;<mark class="num">5%</mark>&gt; to <mark class="num">20</mark>.'


def strict(constant):
    raise AssertionError(f"findings.json holds {constant}, which is not JSON")


KINDS = ["count", "percent", "change", "pct_change", "multiple", "rate", "amount"]
NUMBERS = st.one_of(st.floats(-1e12, 1e12, allow_nan=False), st.just(float("inf")),
                    st.just(float("nan")), st.just(0.0))


@settings(max_examples=30, deadline=None)
@example(rows=[("one", "count", 0.0, math.inf, "", "2023", "Acme", "report"),
               ("one", "count", math.inf, 0.0, "", "2023", "Agency", "report"),
               ("one", "percent", 0.0, math.inf, "", "2023", "Agency", "report")])
@given(st.lists(st.tuples(st.sampled_from(["one", "two", "three"]), st.sampled_from(KINDS),
                          NUMBERS, NUMBERS, st.sampled_from(["", "increase", "decrease"]),
                          st.sampled_from(["2023", "2024", "", "2020..2024"]),
                          st.sampled_from(["Agency", "Acme", "", "A;B"]),
                          st.sampled_from(["report", "", "per day", "%"])), max_size=14))
def test_any_claims_give_valid_reports(rows):
    stories = {s: Story(s, " ".join(f"Figure {i} <u>x</u>." for i in range(len(rows))))
               for s in ("one", "two", "three")}
    for i, (source, kind, value, width, direction, period, subject, unit) in enumerate(rows):
        low, high = value - abs(width), value + abs(width)
        stories[source].claim(f"Figure {i} ", kind, value, low, high, direction=direction,
                              period=period, subject=subject, unit=unit,
                              base_period="2023" if kind in ("change", "pct_change") else "")
    doc, frame = build(*stories.values())
    data = json.loads(findings_json(doc), parse_constant=strict)
    assert all(f["cause"] in CAUSES or f["type"] == "agreement" for f in data["findings"])
    assert render_markdown(data) and "<u>" not in render_html(data, frame)


def test_write_reports_writes_three_files_and_findings_parquet(tmp_path):
    from pipeline.export import has_pyarrow
    doc, frame = build(*hotline_stories())
    paths = write_reports(doc, frame, tmp_path / "reports")
    assert sorted(p.name for p in paths) == ["findings.json", *(["findings.parquet"] * has_pyarrow()),
                                             "report.html", "report.md"]


# --- the claim table without pandas (claimcheck check) ------------------------------

def odd_claims():
    """Claims whose columns pandas types in every way the table can meet:
    quotes, commas and line breaks, missing and infinite values, an int in a
    float column, separators the HTML writer uses."""
    from pipeline.model import Claim
    rows = [("a", 'He said "about 5,000"\nthen left', 5000.0, 4000, math.inf, 0.9, "report"),
            ("b", "Caf\u00e9 & <b>bar</b>", 1e22, math.nan, 2.5, 1, ""),
            ("c", "tab\there \x1f unit \x1e sep", -0.0, -math.inf, 1 / 3, 0.5, "per cent")]
    return [Claim(f"{s}-1", s, sentence, 3, 8, "5,000", "count", value, low, high,
                  unit=unit, confidence=conf, sent_start=0, sent_end=10)
            for s, sentence, value, low, high, conf, unit in rows]


def test_claim_table_from_claims_is_written_as_from_the_frame():
    from pipeline.report.table import claims_csv, claims_json, claims_jsonl
    claims = odd_claims()
    claims += [c for s in hotline_stories() for c in s.claims]
    frame = claims_frame(claims)
    assert claims_csv(claims) == claims_csv(frame)
    assert claims_json(claims) == claims_json(frame)
    assert claims_jsonl(claims) == claims_jsonl(frame)
    assert claims_csv([]) == claims_csv(claims_frame([]))


def test_html_claim_table_from_claims_equals_the_frame_one_escaped_cell_by_cell():
    from html import escape

    from pipeline.report.html import KEY_COLUMNS, NUMBER_COLUMNS, _cell, _number_cell, claims_table
    claims = odd_claims()
    frame = claims_frame(claims)
    page = claims_table(claims)
    assert page == claims_table(frame)
    rows = frame.to_dict(orient="records")
    keys = [c for _, c in KEY_COLUMNS]
    order = keys + [c for c in frame.columns if c not in keys[1:]]  # key columns first

    def cell(r, c):
        return _number_cell(r[c], r["kind"]) if c in NUMBER_COLUMNS else _cell(r[c])
    expected = "\n".join("<tr>" + "".join(f"<td>{escape(cell(r, c))}</td>" for c in order)
                          + "</tr>" for r in rows)
    assert expected in page  # the separator characters in a cell are escaped as text
    assert "<b>" not in page and claims_table(claims[:2]) == claims_table(frame.iloc[:2])
    assert "<tbody></tbody>" in claims_table([]) and "<tbody></tbody>" in claims_table(None)


def test_only_http_addresses_are_linked():
    from pipeline.report.html import render_html
    from pipeline.report.markdown import safe_url
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "example.org", "", None,
                'https://x.org/"><script>'):
        assert safe_url(bad) == ""
    doc, table = build(*hotline_stories())
    doc = json.loads(findings_json(doc))
    doc["sources"][0].update(url="javascript:alert(1)", publisher="Wire <b>")
    doc["sources"][1].update(url="https://example.org/b")
    page = render_html(doc, table)
    assert "javascript:" not in page and "Wire &lt;b&gt;" in page
    assert '<a href="https://example.org/b" rel="noopener">' in page
