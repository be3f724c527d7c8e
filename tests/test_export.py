"""claimcheck export --sqlite (sqlite-utils + datasette metadata) and
extract --format parquet."""
import asyncio
import csv
import io
import json
import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.model import CLAIM_COLUMNS


def run(*args, input=None):
    return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def run_dirs(tmp_path_factory):
    """A check of the sample articles, with two findings and one review added
    to what the run wrote, so every table has rows."""
    import shutil

    from .conftest import SOURCES
    tmp = tmp_path_factory.mktemp("export")
    src, claims, reports = tmp / "sources", tmp / "claims", tmp / "reports"
    shutil.copytree(SOURCES, src)
    r = run("check", src, "--claims-dir", claims, "--reports-dir", reports, "--quiet")
    assert r.exit_code == 0
    table = pd.read_csv(claims / "claims.csv", keep_default_na=False)
    a, b, c = table["claim_id"][:3]
    doc = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    doc["findings"] = [
        {"finding_id": "F-open01", "type": "conflict", "basis": "stated", "derivation": "",
         "subject": "S", "metric": "reports", "period": "2024", "claims": [a, b],
         "sources": sorted({table["source_id"][0], table["source_id"][1]}),
         "cause": "counting_method", "explanation": "They count bundled reports differently.",
         "evidence": [{"source_id": table["source_id"][0], "sentence": table["sentence"][0],
                       "start_char": 1, "end_char": 2}],
         "severity": "high", "new": True, "review": None},
        {"finding_id": "F-done02", "type": "conflict", "basis": "stated", "derivation": "",
         "subject": "S", "metric": "reports", "period": "2023", "claims": [b, c],
         "sources": [table["source_id"][1]], "cause": "rounding", "explanation": "Rounded.",
         "evidence": [], "severity": "low", "new": False,
         "review": {"verdict": "explained", "note": "fine", "reviewed_at": "2026-11-22"}},
    ]
    (reports / "findings.json").write_text(json.dumps(doc), encoding="utf-8")
    with (reports / "reviews.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["finding_id", "verdict", "note", "by", "reviewed_at"])
        w.writerow(["F-done02", "explained", "fine", "desk", "2026-11-22T10:00:00Z"])
    return {"sources": src, "claims": claims, "reports": reports, "tmp": tmp,
            "n_claims": len(table)}


@pytest.fixture(scope="module")
def exported(run_dirs):
    db = run_dirs["tmp"] / "out" / "claims.db"
    r = run("export", "--sqlite", db, "--claims-dir", run_dirs["claims"],
            "--reports-dir", run_dirs["reports"], "--sources-dir", run_dirs["sources"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"Wrote {db}: 3 sources, {run_dirs['n_claims']} claims, "
                               "2 findings, 1 reviews;")
    return db


def query(db, sql, *params):
    with sqlite3.connect(db) as con:
        return con.execute(sql, params).fetchall()


def test_tables_and_row_counts(exported, run_dirs):
    counts = {t: query(exported, f"select count(*) from {t}")[0][0]
              for t in ("sources", "claims", "findings", "finding_claims", "reviews")}
    assert counts == {"sources": 3, "claims": run_dirs["n_claims"], "findings": 2,
                      "finding_claims": 4, "reviews": 1}
    cols = [r[1] for r in query(exported, "pragma table_info(claims)")]
    assert tuple(cols) == CLAIM_COLUMNS


def test_primary_and_foreign_keys(exported):
    def pk(table):
        return [r[1] for r in sorted(query(exported, f"pragma table_info({table})"),
                                     key=lambda r: r[5]) if r[5]]
    assert pk("sources") == ["source_id"]
    assert pk("claims") == ["claim_id"]
    assert pk("findings") == ["finding_id"]
    assert pk("finding_claims") == ["finding_id", "claim_id"]
    assert pk("reviews") == ["review_no"]
    fks = {(t, r[3], r[2], r[4]) for t in ("claims", "finding_claims", "reviews")
           for r in query(exported, f"pragma foreign_key_list({t})")}
    assert fks == {("claims", "source_id", "sources", "source_id"),
                   ("finding_claims", "finding_id", "findings", "finding_id"),
                   ("finding_claims", "claim_id", "claims", "claim_id"),
                   ("reviews", "finding_id", "findings", "finding_id")}
    assert query(exported, "pragma foreign_key_check") == []


def test_indexes_on_filter_columns(exported):
    indexed = {tuple(r[2] for r in query(exported, f"pragma index_info('{name}')"))
               for (name,) in query(exported, "select name from sqlite_master "
                                              "where type='index' and tbl_name='claims'")}
    for col in ("source_id", "metric", "subject", "period"):
        assert (col,) in indexed


def test_full_text_search_on_sentences(exported):
    rows = query(exported, "select claims.claim_id, claims.sentence from claims_fts "
                           "join claims on claims.rowid = claims_fts.rowid "
                           "where claims_fts match 'million'")
    assert rows and all("million" in s.lower() for _, s in rows)


def test_values_keep_their_types(exported):
    rows = query(exported, "select typeof(start_char), typeof(value), high from claims "
                           "where qualifier = 'more_than' limit 1")
    assert rows and rows[0][:2] == ("integer", "real") and rows[0][2] == float("inf")
    sources = query(exported, "select sources from findings where finding_id='F-open01'")[0][0]
    assert isinstance(json.loads(sources), list)


def test_sources_merge_metadata(exported):
    rows = dict(query(exported, "select source_id, publisher from sources"))
    assert rows["004_4f7b432355490b56"] == "The Mission Haven"
    files = [r[0] for r in query(exported, "select file from sources")]
    assert all(f.endswith(".txt") for f in files)


def test_metadata_file_and_open_conflicts_query(exported):
    meta = json.loads((exported.parent / "claims.metadata.json").read_text(encoding="utf-8"))
    assert meta["title"]
    db = meta["databases"]["claims"]
    assert {"source_id", "metric"} <= set(db["tables"]["claims"]["facets"])
    facets = db["tables"]["findings"]["facets"]
    assert {"cause", "severity"} <= {f for f in facets if isinstance(f, str)}
    assert {"array": "sources"} in facets
    for table in ("sources", "claims", "findings", "finding_claims", "reviews"):
        cols = {r[1] for r in query(exported, f"pragma table_info({table})")}
        assert set(db["tables"][table]["columns"]) == cols, table
    q = db["queries"]["open_conflicts"]
    assert q["title"] == "Open conflicts"
    assert [r[0] for r in query(exported, q["sql"])] == ["F-open01"]


def export_to(run_dirs, db, *extra):
    return run("export", "--sqlite", db, "--claims-dir", run_dirs["claims"],
               "--reports-dir", run_dirs["reports"], "--sources-dir", run_dirs["sources"],
               "-q", *extra)


def test_export_replaces_its_own_database(run_dirs, tmp_path):
    db = tmp_path / "x.db"
    assert export_to(run_dirs, db).exit_code == 0
    with sqlite3.connect(db) as con:
        con.execute("delete from findings")
    r = export_to(run_dirs, db)
    assert r.exit_code == 0 and r.output == ""
    assert query(db, "select count(*) from findings")[0][0] == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db", "x.metadata.json"]


@pytest.mark.parametrize("name", ["claims.csv", "x.db", "notes.sqlite"])
def test_export_refuses_to_replace_other_files(run_dirs, tmp_path, name):
    # a typo such as --sqlite claims/claims.csv must not destroy the claim table
    target = tmp_path / name
    target.write_bytes(b"claim_id,source_id\n")
    if name.endswith(".sqlite"):  # a database, but not one an export wrote
        target.unlink()
        with sqlite3.connect(target) as con:
            con.execute("create table notes (x)")
    before = target.read_bytes()
    r = export_to(run_dirs, target)
    assert r.exit_code == 2 and len(r.output.strip().splitlines()) == 1
    assert r.output.startswith(f"Error: {target} exists and is not a database claimcheck "
                               "exported") and "--force" in r.output
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    r = export_to(run_dirs, target, "--force")
    assert r.exit_code == 0
    assert query(target, "select count(*) from findings")[0][0] == 2


def test_export_keeps_an_unrelated_metadata_file(run_dirs, tmp_path):
    other = tmp_path / "metadata.json"
    other.write_text('{"mine": true}')
    assert export_to(run_dirs, tmp_path / "claims.db").exit_code == 0
    assert other.read_text() == '{"mine": true}'  # the metadata is claims.metadata.json
    assert json.loads((tmp_path / "claims.metadata.json").read_text())["databases"]["claims"]
    r = export_to(run_dirs, tmp_path / "claims.db", "--metadata", other)
    assert r.exit_code == 2 and "is not a metadata file claimcheck wrote" in r.output
    assert other.read_text() == '{"mine": true}'


def test_export_disk_full_is_one_line_and_leaves_no_partial_database(run_dirs, tmp_path,
                                                                      monkeypatch):
    import sqlite_utils

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", full)
    db = tmp_path / "claims.db"
    r = export_to(run_dirs, db)
    assert r.exit_code == 2
    assert r.output == (f"Error: cannot write {db} (database or disk is full); check the "
                        "folder's permissions and free space, the previous file is unchanged\n")
    assert list(tmp_path.iterdir()) == []


def test_export_without_findings_or_reviews(run_dirs, tmp_path):
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "claims.csv").write_bytes((run_dirs["claims"] / "claims.csv").read_bytes())
    r = CliRunner().invoke(cli, ["export", "--sqlite", str(tmp_path / "y.db"), "--claims-dir",
                                 str(claims), "--reports-dir", str(tmp_path / "none"),
                                 "--sources-dir", str(tmp_path / "none")])
    assert r.exit_code == 0
    assert "Warning: no " in r.output and "findings.json" in r.output
    assert query(tmp_path / "y.db", "select count(*) from sources")[0][0] == 3


def test_export_without_claims_is_exit_2(tmp_path):
    r = CliRunner().invoke(cli, ["export", "--sqlite", str(tmp_path / "z.db"),
                                 "--claims-dir", str(tmp_path / "nothing")])
    assert r.exit_code == 2
    assert r.output.startswith("Error: no claim table at ")
    assert len(r.output.strip().splitlines()) == 1
    assert not (tmp_path / "z.db").exists()


def test_datasette_serves_the_export(exported):
    datasette_app = pytest.importorskip(
        "datasette.app", reason="datasette not installed (pip install 'claimcheck[datasette]')")
    meta = json.loads((exported.parent / "claims.metadata.json").read_text(encoding="utf-8"))

    async def fetch():
        ds = datasette_app.Datasette([str(exported)], metadata=meta)
        search = await ds.client.get("/claims/claims.json?_search=million&_shape=objects")
        conflicts = await ds.client.get("/claims/open_conflicts.json?_shape=objects")
        findings = await ds.client.get("/claims/findings.json?_extra=facet_results")
        return search, conflicts, findings

    search, conflicts, findings = asyncio.run(fetch())
    assert search.status_code == 200
    rows = search.json()["rows"]
    assert rows and all("million" in r["sentence"].lower() for r in rows)
    assert conflicts.status_code == 200
    assert [r["finding_id"] for r in conflicts.json()["rows"]] == ["F-open01"]
    facets = findings.json()["facet_results"]
    facets = facets.get("results", facets)  # datasette 1.0 nests them
    assert {"cause", "severity"} <= set(facets)


# --- parquet ----------------------------------------------------------------

TEXT = "NCMEC received about 29.2 million reports in 2024, up 12% from 2023.\n"


def test_extract_parquet_file_matches_csv(tmp_path):
    pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'claimcheck[parquet]')")
    out = tmp_path / "claims.parquet"
    r = run("extract", "-", "-f", "parquet", "-o", out, input=TEXT)
    assert r.exit_code == 0 and r.output == ""
    got = pd.read_parquet(out)
    expected = pd.read_csv(io.StringIO(run("extract", "-", input=TEXT).output))
    assert tuple(got.columns) == CLAIM_COLUMNS
    assert got["text"].tolist() == expected["text"].tolist() == ["about 29.2 million", "12%"]
    assert got["value"].tolist() == expected["value"].tolist()


def test_extract_parquet_to_redirected_stdout():
    pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'claimcheck[parquet]')")
    r = CliRunner().invoke(cli, ["extract", "-", "-f", "parquet"], input=TEXT)
    assert r.exit_code == 0
    assert r.stdout_bytes[:4] == b"PAR1" and r.stdout_bytes[-4:] == b"PAR1"


def test_extract_parquet_without_pyarrow_says_what_to_install(monkeypatch, tmp_path):
    import sys
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow -> ImportError
    r = CliRunner().invoke(cli, ["extract", "-", "-f", "parquet", "-o", str(tmp_path / "x")],
                           input=TEXT)
    assert r.exit_code == 2
    assert r.output.startswith("Error: --format parquet needs pyarrow; run: pip install")


def test_export_streams_the_claim_table_in_batches(run_dirs, tmp_path, monkeypatch):
    """claims.csv goes into the database a batch at a time, never whole: when
    the first batch is inserted, only that batch has been read."""
    import sqlite_utils

    from pipeline import export
    monkeypatch.setattr(export, "EXPORT_BATCH", 4)
    read, seen = [], []
    rows = export._claim_rows
    monkeypatch.setattr(export, "_claim_rows",
                        lambda path: (read.append(r) or r for r in rows(path)))
    insert = sqlite_utils.db.Table.insert_all

    def spy(self, records, *a, batch_size=100, **k):
        if self.name == "claims":
            seen.append((isinstance(records, list), batch_size))
            records = iter(records)
            first = [next(records) for _ in range(batch_size)]
            seen.append(len(read))
            records = (r for part in (first, records) for r in part)
        return insert(self, records, *a, batch_size=batch_size, **k)
    monkeypatch.setattr(sqlite_utils.db.Table, "insert_all", spy)
    assert export_to(run_dirs, tmp_path / "x.db").exit_code == 0
    assert seen == [(False, 4), 4]
    assert query(tmp_path / "x.db", "select count(*) from claims") == [(run_dirs["n_claims"],)]
