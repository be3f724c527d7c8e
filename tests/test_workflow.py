"""The re-check workflow: add articles, re-check incrementally, keep verdicts."""
import csv
import hashlib
import json
import shutil

import pytest
from click.testing import CliRunner

from pipeline import cache as cache_mod
from pipeline.cli import cli
from pipeline.model import Finding

from .conftest import SOURCES, cached_ids

NEW_STORY = ("Harbor City recorded 2,300 burglaries in 2024, the police department said "
             "on Monday.\n")


def invoke(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input)


def check(src, out, *extra):
    return invoke("check", src, "--claims-dir", out / "claims", "--reports-dir", out / "reports",
                  *extra)


def findings(out):
    return json.loads((out / "reports" / "findings.json").read_text(encoding="utf-8"))


def fake_conflicts(claims):
    """A stand-in compare stage: claims of the same kind and unit from
    different sources with different values conflict."""
    groups = {}
    for c in claims:
        groups.setdefault((c.kind, c.unit), []).append(c)
    out = []
    for (kind, unit), cs in sorted(groups.items()):
        if len({c.source_id for c in cs}) > 1 and len({c.value for c in cs}) > 1:
            ids = sorted(c.claim_id for c in cs)
            fid = "F-" + hashlib.sha1(",".join(ids).encode()).hexdigest()[:6]
            out.append(Finding(fid, "conflict", "stated", cs[0].subject, unit, cs[0].period,
                               ids, sorted({c.source_id for c in cs}), severity="high",
                               cause="unexplained"))
    return out


# --- add ---------------------------------------------------------------------

@pytest.fixture
def story(tmp_path):
    path = tmp_path / "incoming" / "harbor.txt"
    path.parent.mkdir()
    path.write_text(NEW_STORY, encoding="utf-8")
    return path


def metadata(src):
    with (src / "sources.csv").open(newline="", encoding="utf-8") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


def test_add_copies_and_records_metadata(sources_copy, story):
    r = invoke("add", story, "--title", "Burglaries, up", "--publisher", "Harbor Post",
               "--date", "2025-01-06", "--url", "https://example.org/b", "--sources-dir",
               sources_copy)
    assert r.exit_code == 0, r.output
    assert r.stdout == f"added     {sources_copy / 'harbor.txt'}\n"
    assert (sources_copy / "harbor.txt").read_bytes() == story.read_bytes()
    rows = metadata(sources_copy)
    assert rows["harbor.txt"] == {"file": "harbor.txt", "title": "Burglaries, up",
                                  "publisher": "Harbor Post", "date": "2025-01-06",
                                  "url": "https://example.org/b"}
    assert len(rows) == 4  # the existing rows are kept
    assert rows["004_4f7b432355490b56.txt"]["publisher"] == "The Mission Haven"


@pytest.mark.parametrize("date", ["06/01/2025", "2025-1-6", "2025-02-30", "yesterday"])
def test_add_rejects_a_bad_date(sources_copy, story, date):
    before = (sources_copy / "sources.csv").read_bytes()
    r = invoke("add", story, "--date", date, "--sources-dir", sources_copy)
    assert r.exit_code == 2 and r.stderr.startswith("Error: ") and "YYYY-MM-DD" in r.stderr
    assert not (sources_copy / "harbor.txt").exists()
    assert (sources_copy / "sources.csv").read_bytes() == before


def test_add_refuses_to_overwrite_a_different_file_unless_forced(sources_copy, story):
    assert invoke("add", story, "--sources-dir", sources_copy).exit_code == 0
    story.write_text(NEW_STORY.replace("2,300", "2,400"), encoding="utf-8")
    r = invoke("add", story, "--sources-dir", sources_copy)
    assert r.exit_code == 2 and "--force" in r.stderr
    assert "2,300" in (sources_copy / "harbor.txt").read_text()
    r = invoke("add", story, "--force", "--sources-dir", sources_copy)
    assert r.exit_code == 0 and r.stdout.startswith("replaced")
    assert "2,400" in (sources_copy / "harbor.txt").read_text()


def test_add_same_file_again_only_updates_metadata(sources_copy, story):
    invoke("add", story, "--title", "First", "--sources-dir", sources_copy)
    r = invoke("add", story, "--publisher", "Post", "--sources-dir", sources_copy)
    # was "unchanged" although the metadata changed
    assert r.exit_code == 0 and r.stdout.startswith("updated ")
    row = metadata(sources_copy)["harbor.txt"]
    assert (row["title"], row["publisher"]) == ("First", "Post")
    r = invoke("add", story, "--publisher", "Post", "--sources-dir", sources_copy)
    assert r.exit_code == 0 and r.stdout.startswith("unchanged ")


def test_add_warns_about_an_exact_duplicate(sources_copy, tmp_path):
    twin = tmp_path / "copy_of_nbc.txt"
    shutil.copy(sources_copy / "000_2aa34b30455cfcd5.txt", twin)
    r = invoke("add", twin, "--sources-dir", sources_copy)
    assert r.exit_code == 0
    assert r.stderr.startswith("Warning: skipped: ") and "exact duplicate" in r.stderr
    assert "000_2aa34b30455cfcd5.txt" in r.stderr
    assert not (sources_copy / "copy_of_nbc.txt").exists()


@pytest.mark.parametrize("name, content, words", [
    ("photo.txt", bytes(range(256)), "binary"),
    ("empty.txt", b"", "empty"),
    ("scan.pdf", b"%PDF-1.4", ".pdf file"),
])
def test_add_refuses_a_bad_file_and_copies_nothing(sources_copy, story, name, content, words):
    bad = story.parent / name
    bad.write_bytes(content)
    r = invoke("add", story, bad, "--sources-dir", sources_copy)
    assert r.exit_code == 2 and words in r.stderr
    assert not (sources_copy / "harbor.txt").exists()


def test_add_refuses_a_second_file_with_the_same_stem(sources_copy, tmp_path):
    other = tmp_path / "000_2aa34b30455cfcd5.md"
    other.write_text(NEW_STORY, encoding="utf-8")
    r = invoke("add", other, "--sources-dir", sources_copy)
    assert r.exit_code == 2 and "rename" in r.stderr


def test_add_creates_a_new_sources_folder(tmp_path, story):
    r = invoke("add", story, "--sources-dir", tmp_path / "fresh")
    assert r.exit_code == 0
    assert set(metadata(tmp_path / "fresh")) == {"harbor.txt"}


# --- incremental check ---------------------------------------------------------

def test_add_then_check_reprocesses_one_article(sources_copy, story, tmp_path, monkeypatch):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 3
    claims_before = (out / "claims" / "claims.csv").read_text()

    assert invoke("add", story, "--sources-dir", sources_copy).exit_code == 0
    assert check(sources_copy, out).exit_code == 0
    run = findings(out)["run"]
    assert (run["articles"], run["reprocessed"]) == (4, 1)
    claims_after = (out / "claims" / "claims.csv").read_text()
    assert "2,300" in claims_after
    assert set(claims_before.splitlines()) <= set(claims_after.splitlines())

    # nothing changed: the model is not even loaded
    monkeypatch.setattr("pipeline.nlp.load_nlp", lambda *a, **k: pytest.fail("model loaded"))
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 0
    assert (out / "claims" / "claims.csv").read_text() == claims_after


@pytest.mark.parametrize("store", ["parquet", "json"])
def test_cache_reuse_and_removal(sources_copy, tmp_path, monkeypatch, store):
    if store == "json":
        monkeypatch.setattr(cache_mod, "has_pyarrow", lambda: False)
    else:
        pytest.importorskip("pyarrow")
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    assert cached_ids(out / "claims") == {p.stem for p in sources_copy.glob("*.txt")}
    gone = sources_copy / "001_4fc83e8e0bca6b77.txt"
    gone.unlink()
    monkeypatch.setattr("pipeline.nlp.load_nlp", lambda *a, **k: pytest.fail("model loaded"))
    assert check(sources_copy, out).exit_code == 0
    doc = findings(out)
    assert (doc["run"]["articles"], doc["run"]["reprocessed"]) == (2, 0)
    assert "001_4fc83e8e0bca6b77" not in (out / "claims" / "claims.csv").read_text()
    assert "001_4fc83e8e0bca6b77" not in cached_ids(out / "claims")


@pytest.mark.parametrize("change", ["pipeline", "model", "metadata", "damaged entry"])
def test_cache_invalidates_itself(sources_copy, tmp_path, monkeypatch, change):
    if change == "damaged entry":  # a JSON entry here; tests/test_cache_parquet.py damages a partition
        monkeypatch.setattr(cache_mod, "has_pyarrow", lambda: False)
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    expected = 3
    if change == "pipeline":
        monkeypatch.setattr(cache_mod, "pipeline_fingerprint", lambda: "changed")
    elif change == "model":
        monkeypatch.setattr(cache_mod, "model_key", lambda model=None: "en_other-9.9")
    elif change == "metadata":
        (sources_copy / "sources.csv").write_text(
            (sources_copy / "sources.csv").read_text().replace(
                "The Mission Haven,", "The Mission Haven,2025-04-01"), encoding="utf-8")
        expected = 1
    else:
        (out / "claims" / ".cache" / "000_2aa34b30455cfcd5.json").write_text("{not json")
        expected = 1
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == expected


def test_model_key_matches_the_loaded_model():
    from pipeline.nlp import load_nlp, model_id
    assert cache_mod.model_key() == model_id(load_nlp())


def test_same_inputs_give_the_same_ids(sources_copy, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    a, b = tmp_path / "a", tmp_path / "b"
    assert check(sources_copy, a).exit_code == 0
    assert check(sources_copy, b).exit_code == 0
    assert check(sources_copy, b).exit_code == 0  # from the cache
    for out in (a, b):
        assert findings(out)["findings"], "the stand-in compare finds conflicts"
    assert (a / "claims" / "claims.csv").read_text() == (b / "claims" / "claims.csv").read_text()
    assert [f["finding_id"] for f in findings(a)["findings"]] == \
        [f["finding_id"] for f in findings(b)["findings"]]


def test_new_marks_findings_first_seen_in_this_run(sources_copy, story, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    out = tmp_path / "run"
    check(sources_copy, out)
    assert all(f["new"] for f in findings(out)["findings"])
    check(sources_copy, out)
    old = {f["finding_id"] for f in findings(out)["findings"]}
    assert old and not any(f["new"] for f in findings(out)["findings"])
    md = (out / "reports" / "report.md").read_text()
    assert "## New since the last check\n\nNothing new." in md
    story.write_text("Officials said 41 million reports were filed in 2024.\n", encoding="utf-8")
    invoke("add", story, "--sources-dir", sources_copy)
    check(sources_copy, out)
    new = [f for f in findings(out)["findings"] if f["new"]]
    assert new and all(f["finding_id"] not in old for f in new)
    md = (out / "reports" / "report.md").read_text()
    html = (out / "reports" / "report.html").read_text()
    head, _, _ = md.partition("## Conflicts")
    assert "## New since the last check" in head and new[0]["finding_id"] in head
    assert "New since the last check" in html.split("<section class=conflict>")[0]


# --- reviews -------------------------------------------------------------------

def test_review_before_any_check_is_an_error(tmp_path):
    r = invoke("review", "F-123456", "--verdict", "confirmed", "--reports-dir", tmp_path)
    assert r.exit_code == 2 and "run claimcheck check first" in r.stderr


def test_review_of_an_unknown_finding_is_an_error(sources_copy, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    check(sources_copy, tmp_path)
    r = invoke("review", "F-nosuch", "--verdict", "confirmed", "--reports-dir",
               tmp_path / "reports")
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: finding F-nosuch is not in ")
    assert len(r.stderr.splitlines()) == 1
    assert not (tmp_path / "reports" / "reviews.csv").exists()


def test_review_rejects_an_unknown_verdict(tmp_path):
    r = invoke("review", "F-1", "--verdict", "maybe", "--reports-dir", tmp_path)
    assert r.exit_code == 2 and "maybe" in r.output


def test_verdict_survives_a_rerun_and_clears_fail_on_conflict(sources_copy, tmp_path,
                                                               monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    reports = tmp_path / "reports"
    assert check(sources_copy, tmp_path, "--fail-on", "conflict").exit_code == 1
    conflicts = [f["finding_id"] for f in findings(tmp_path)["findings"]
                 if f["type"] == "conflict"]
    assert conflicts
    first, *rest = conflicts
    r = invoke("review", first, "--verdict", "explained", "--note", "different | counting",
               "--by", "Ana", "--reports-dir", reports)
    assert r.exit_code == 0, r.output
    if rest:
        assert check(sources_copy, tmp_path, "--fail-on", "conflict").exit_code == 1
    for fid in rest:
        assert invoke("review", fid, "--verdict", "dismissed", "--reports-dir",
                      reports).exit_code == 0
    r = check(sources_copy, tmp_path, "--fail-on", "conflict")
    assert r.exit_code == 0, r.output
    got = {f["finding_id"]: f["review"] for f in findings(tmp_path)["findings"]}
    assert got[first]["verdict"] == "explained" and got[first]["by"] == "Ana"
    assert got[first]["note"] == "different | counting"
    assert set(got[first]) == {"verdict", "note", "reviewed_at", "by"}
    md = (reports / "report.md").read_text()
    assert "Review: explained by Ana on " in md and "different \\| counting" in md
    assert "<b>Review:</b> explained by Ana" in (reports / "report.html").read_text()
    with (reports / "reviews.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["finding_id", "verdict", "note", "by", "reviewed_at"]
    assert len(rows) == len(conflicts)


def test_latest_verdict_wins(sources_copy, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    check(sources_copy, tmp_path)
    fid = findings(tmp_path)["findings"][0]["finding_id"]
    for verdict in ("confirmed", "dismissed"):
        invoke("review", fid, "--verdict", verdict, "--reports-dir", tmp_path / "reports")
    check(sources_copy, tmp_path)
    got = {f["finding_id"]: f["review"] for f in findings(tmp_path)["findings"]}
    assert got[fid]["verdict"] == "dismissed"


def test_finding_whose_claims_changed_is_open_again(sources_copy, tmp_path, monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    check(sources_copy, tmp_path)
    for f in findings(tmp_path)["findings"]:
        invoke("review", f["finding_id"], "--verdict", "confirmed", "--reports-dir",
               tmp_path / "reports")
    assert check(sources_copy, tmp_path, "--fail-on", "conflict").exit_code == 0
    (sources_copy / "extra.txt").write_text(
        "Officials said 41 million reports were filed in 2024.\n", encoding="utf-8")
    assert check(sources_copy, tmp_path, "--fail-on", "conflict").exit_code == 1
    assert any(f["review"] is None and f["new"] for f in findings(tmp_path)["findings"])


def test_damaged_reviews_csv_is_a_one_line_error(sources_copy, tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "reviews.csv").write_text("finding_id,verdict\nF-1,confirmed\n")
    r = check(sources_copy, tmp_path)
    assert r.exit_code == 2 and "reviews.csv" in r.stderr and "lacks the column" in r.stderr


# --- with the real compare stage ------------------------------------------------

CONFLICTING = {
    "city_post.txt": "The Boston Police Department recorded 2,300 burglaries in 2024, according "
                     "to its annual crime report.\nThe department said the figure was its "
                     "highest in a decade.\n",
    "city_times.txt": "The Boston Police Department recorded 4,100 burglaries in 2024, the "
                      "department's annual crime report said.\nThe department said the figure "
                      "was its highest in a decade.\n",
}


def test_real_conflict_review_clears_fail_on(tmp_path):
    src = tmp_path / "sources"
    src.mkdir()
    for name, text in CONFLICTING.items():
        (src / name).write_text(text, encoding="utf-8")
    assert check(src, tmp_path, "--fail-on", "conflict").exit_code == 1
    conflicts = [f for f in findings(tmp_path)["findings"] if f["type"] == "conflict"]
    assert conflicts and all(f["new"] for f in conflicts)
    for f in conflicts:
        assert invoke("review", f["finding_id"], "--verdict", "confirmed", "--reports-dir",
                      tmp_path / "reports").exit_code == 0
    r = check(src, tmp_path, "--fail-on", "conflict")
    assert r.exit_code == 0
    again = [f for f in findings(tmp_path)["findings"] if f["type"] == "conflict"]
    assert [f["finding_id"] for f in again] == [f["finding_id"] for f in conflicts]
    assert all(f["review"]["verdict"] == "confirmed" and not f["new"] for f in again)


def test_articles_from_the_cache_equal_articles_read_afresh(sources_copy, tmp_path,
                                                           warnings_seen):
    from pipeline import ingest
    (sources_copy / "page.html").write_text(
        "<html><head><title>Burglaries</title></head><body><article><p>Harbor City recorded "
        "2,300 burglaries in 2024, the police department said on Monday morning.</p>"
        "</article></body></html>", encoding="utf-8")
    (sources_copy / "legacy.txt").write_bytes("Caf\xe9 sales rose 12% in 2023.\n".encode("cp1252"))
    fresh = ingest.read_sources(sources_copy)
    first = cache_mod.ClaimCache(tmp_path / "claims")
    assert ingest.read_sources(sources_copy, memo=first) == fresh
    first.save({a.source_id for a in fresh})
    second = cache_mod.ClaimCache(tmp_path / "claims")
    second.put_text = lambda *a: pytest.fail("a file was decoded again")
    warnings_seen.clear()
    assert ingest.read_sources(sources_copy, memo=second) == fresh
    assert len(warnings_seen) == 1 and "legacy.txt is not UTF-8" in warnings_seen[0]


def test_review_note_with_commas_quotes_and_newlines_round_trips(sources_copy, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    check(sources_copy, tmp_path)
    fid = findings(tmp_path)["findings"][0]["finding_id"]
    note = 'bundled, not "raw";\nsee the agency\'s footnote'
    assert invoke("review", fid, "--verdict", "explained", "--note", note, "--by", "Ana",
                  "--reports-dir", tmp_path / "reports").exit_code == 0
    from pipeline.reviews import read_reviews
    assert read_reviews(tmp_path / "reports")[fid]["note"] == note


# --- explain's per-article data in the cache ------------------------------------

def test_cache_keeps_explain_data_per_article_text_and_pipeline(tmp_path, monkeypatch):
    from pipeline.ingest import make_article
    article = make_article("Cases rose 5% in 2024. The agency bundles reports.\n", "a")
    data = {"sentences": [[0, 22]], "cues": {"counting_method": [[1, 23, 50, "bundles"]]}}
    first = cache_mod.ClaimCache(tmp_path / "claims")
    assert first.get_explain(article) is None
    first.put_explain(article, data)
    first.save({"a"})
    again = cache_mod.ClaimCache(tmp_path / "claims")
    assert {k: v for k, v in again.get_explain(article).items() if k != "key"} == data
    changed = make_article("Cases rose 6% in 2024. The agency bundles reports.\n", "a")
    assert again.get_explain(changed) is None
    monkeypatch.setattr(cache_mod, "pipeline_fingerprint", lambda: "changed")
    assert again.get_explain(article) is None


def test_recheck_takes_sentences_from_the_cache_and_writes_the_same(sources_copy, tmp_path,
                                                                    monkeypatch):
    from pipeline import sentences
    with_memo, without = tmp_path / "a", tmp_path / "b"
    for out in (with_memo, without):
        assert check(sources_copy, out).exit_code == 0
    with monkeypatch.context() as m:
        m.setattr(sentences, "split", lambda a: pytest.fail("sentences split again"))
        assert check(sources_copy, with_memo).exit_code == 0
    monkeypatch.setattr(cache_mod.ClaimCache, "get_explain", lambda self, article: None)
    assert check(sources_copy, without).exit_code == 0
    a, b = findings(with_memo), findings(without)
    for doc in (a, b):
        doc.pop("generated_at"), doc["run"].pop("seconds")
    assert a == b and a["findings"]
    import re

    def timeless(path):  # the reports say when they were generated
        return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "T", path.read_text())
    for name in ("report.md", "report.html"):
        assert timeless(with_memo / "reports" / name) == timeless(without / "reports" / name)


def test_check_does_not_import_pandas():
    import subprocess
    import sys
    code = "import sys, pipeline.run, pipeline.cli; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- the review loop closes (issue 15) -------------------------------------------

def test_review_rewrites_the_reports_without_reading_articles(sources_copy, tmp_path,
                                                             monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    check(sources_copy, tmp_path)
    first = [f for f in findings(tmp_path)["findings"] if f["type"] == "conflict"][0]
    fid = first["finding_id"]
    reports = tmp_path / "reports"
    assert f"To record a verdict: `claimcheck review {fid} --verdict" in \
        (reports / "report.md").read_text()
    monkeypatch.setattr("pipeline.nlp.load_nlp", lambda *a, **k: pytest.fail("model loaded"))
    monkeypatch.setattr("pipeline.ingest.read_sources", lambda *a, **k: pytest.fail("read"))
    r = invoke("review", fid, "--verdict", "explained", "--note", "bundled", "--by", "Ana",
               "--reports-dir", reports)
    assert r.exit_code == 0, r.output
    assert "updated report.md" in r.stdout  # was: "the next check shows it"
    md = (reports / "report.md").read_text()
    assert "Review: explained by Ana on " in md and "**reviewed: explained**" in md
    html = (reports / "report.html").read_text()
    assert f'class="finding conflict {first["severity"]} reviewed" id="{fid}"' in html
    assert findings(tmp_path)["findings"][0]["review"]["verdict"] == "explained"
    # the claim table, read back from claims.csv, is still in the page
    assert html.count("<tr><td>") > 20


def test_report_command_renders_again_the_same_page(sources_copy, tmp_path, monkeypatch):
    check(sources_copy, tmp_path)
    reports = tmp_path / "reports"
    before = (reports / "report.html").read_text()
    monkeypatch.setattr("pipeline.nlp.load_nlp", lambda *a, **k: pytest.fail("model loaded"))
    r = invoke("report", "--reports-dir", reports)
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("3 articles, 33 claims: 2 conflicts (2 high, 0 medium, 0 low; "
                               "2 open)")
    assert (reports / "report.html").read_text() == before


def test_report_before_any_check_is_exit_2(tmp_path):
    r = invoke("report", "--to", tmp_path)
    assert r.exit_code == 2 and "run claimcheck check first" in r.stderr


def test_check_prints_open_count_and_fail_on_lists_the_open_conflicts(sources_copy, tmp_path):
    r = check(sources_copy, tmp_path, "--fail-on", "conflict")
    assert r.exit_code == 1
    ids = [f["finding_id"] for f in findings(tmp_path)["findings"] if f["type"] == "conflict"]
    assert "2 conflicts (2 high, 0 medium, 0 low; 2 open)" in r.stdout
    assert all(f"  {i}  high   counting_method  open " in r.stdout for i in ids)
    # was: exit 1 and nothing said which conflicts
    assert r.stderr == f"2 open conflicts (--fail-on conflict): {', '.join(ids)}\n"
    invoke("review", ids[0], "--verdict", "confirmed", "--reports-dir", tmp_path / "reports")
    r = check(sources_copy, tmp_path, "--fail-on", "conflict")
    assert r.exit_code == 1 and r.stderr == f"1 open conflict (--fail-on conflict): {ids[1]}\n"
    assert f"  {ids[0]}  high   counting_method  confirmed " in r.stdout
    assert "1 open)" in r.stdout


def test_a_finding_that_replaces_a_reviewed_one_shows_its_verdict(sources_copy, story, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr("pipeline.run.compare.compare", fake_conflicts)
    check(sources_copy, tmp_path)
    for f in findings(tmp_path)["findings"]:
        invoke("review", f["finding_id"], "--verdict", "confirmed", "--note", "checked",
               "--by", "Ana", "--reports-dir", tmp_path / "reports")
    story.write_text("Officials said 41 million reports were filed in 2024.\n", encoding="utf-8")
    invoke("add", story, "--sources-dir", sources_copy)
    check(sources_copy, tmp_path)
    replacing = [f for f in findings(tmp_path)["findings"] if f["replaces"]]
    assert replacing
    f = replacing[0]
    old = f["replaces"]
    assert f["new"] and f["review"] is None and old["finding_id"] != f["finding_id"]
    assert old["review"]["verdict"] == "confirmed" and old["review"]["by"] == "Ana"
    assert old["claims_added"] and set(old["claims_added"]) <= set(f["claims"])
    md = (tmp_path / "reports" / "report.md").read_text()
    assert f"History: replaces {old['finding_id']} (1 claim added), reviewed confirmed by Ana" \
        in md
    assert f"claimcheck review {f['finding_id']} --verdict confirmed" in md
    # the history stays on the next check, and after the new finding is reviewed
    invoke("review", f["finding_id"], "--verdict", "confirmed", "--reports-dir",
           tmp_path / "reports")
    check(sources_copy, tmp_path)
    again = {g["finding_id"]: g for g in findings(tmp_path)["findings"]}[f["finding_id"]]
    assert again["replaces"]["finding_id"] == old["finding_id"] and not again["new"]


# --- story folders (issue 15) ----------------------------------------------------

def test_init_add_to_and_check_a_story_folder(tmp_path, story, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = invoke("init", "measles")
    assert r.exit_code == 0 and r.stdout.startswith("created")
    assert (tmp_path / "measles" / "sources" / "sources.csv").read_text() == \
        "file,title,publisher,date,url\n"
    assert invoke("init", "measles").stdout.startswith("unchanged")
    for name in ("city_post.txt", "city_times.txt"):
        src = tmp_path / name
        src.write_text(CONFLICTING[name], encoding="utf-8")
        r = invoke("add", src, "--publisher", name.split(".")[0].replace("_", " ").title(),
                   "--to", "measles")
        assert r.exit_code == 0, r.output
    r = invoke("check", "measles")
    assert r.exit_code == 0, r.output
    story_dir = tmp_path / "measles"
    assert (story_dir / "claims" / "claims.csv").is_file()
    assert (story_dir / "reports" / "report.html").is_file()
    assert not (tmp_path / "reports").exists() and not (tmp_path / "claims").exists()
    assert "--to measles" in r.stdout  # how to record a verdict on this story
    fid = findings(story_dir)["findings"][0]["finding_id"]
    assert invoke("review", fid, "--verdict", "confirmed", "--to", "measles").exit_code == 0
    assert (story_dir / "reports" / "reviews.csv").is_file()
    md = (story_dir / "reports" / "report.md").read_text()
    assert "City Post" in md and "City Times" in md  # sources by name


def test_two_stories_never_share_reports_or_reviews(tmp_path, sources_copy):
    other = tmp_path / "other" / "sources"
    other.mkdir(parents=True)
    for name, text in CONFLICTING.items():
        (other / name).write_text(text, encoding="utf-8")
    assert invoke("check", sources_copy).exit_code == 0        # a folder of articles
    assert invoke("check", other.parent).exit_code == 0        # a story folder
    a, b = sources_copy.parent, other.parent
    assert findings(a)["run"]["articles"] == 3 and findings(b)["run"]["articles"] == 2
    fid = findings(b)["findings"][0]["finding_id"]
    assert invoke("review", fid, "--verdict", "dismissed", "--to", b).exit_code == 0
    assert not (a / "reports" / "reviews.csv").exists()
    r = invoke("review", fid, "--verdict", "dismissed", "--to", a)
    assert r.exit_code == 2 and "is not in" in r.stderr


def test_story_options_refuse_what_cannot_work(tmp_path, story):
    r = invoke("add", story, "--to", tmp_path / "s", "--sources-dir", tmp_path / "x")
    assert r.exit_code == 2 and "not both" in r.stderr
    (tmp_path / "file").write_text("x")
    r = invoke("init", tmp_path / "file")
    assert r.exit_code == 2 and "is a file" in r.stderr
    r = invoke("review", "F-1", "--verdict", "confirmed", "--to", tmp_path / "nope")
    assert r.exit_code == 2 and "claimcheck init" in r.stderr


def test_export_to_a_story_folder(tmp_path):
    pytest.importorskip("sqlite_utils")
    src = tmp_path / "story" / "sources"
    src.mkdir(parents=True)
    for name, text in CONFLICTING.items():
        (src / name).write_text(text, encoding="utf-8")
    assert invoke("check", tmp_path / "story").exit_code == 0
    r = invoke("export", "--to", tmp_path / "story", "--sqlite", tmp_path / "s.db")
    assert r.exit_code == 0, r.output
    assert "2 sources" in r.stdout and "1 findings" in r.stdout
