"""Exports for editors and data teams: a SQLite claim database with a
datasette metadata file beside it, and the claim table as Parquet.

The database is written with sqlite-utils (Simon Willison's library behind
datasette, the data journalists' standard for "CSV/JSON into SQLite"): it
creates tables with primary and foreign keys, indexes and full-text search
in a few calls and stores lists as JSON that datasette renders. What the
metadata says (titles, column descriptions, facets, canned queries) lives in
``data/datasette.toml``.

Tables: ``sources``, ``claims``, ``findings``, ``finding_claims`` (which
claims each finding compares) and ``reviews``; ``claims`` has full-text
search on its sentences, ``findings`` on its explanations.
"""
from __future__ import annotations

import io
import json
import math
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import UserError, warn
from .files import (TEMP_SUFFIX, ensure_dir, iter_csv_rows, read_csv_rows, temp_prefix,
                    write_atomic)
from .ingest import METADATA_COLUMNS
from .knowledge import load
from .model import CLAIM_COLUMNS
from .report.table import BOUND_COLUMNS, read_bound
from .reviews import COLUMNS as REVIEW_COLUMNS

INT_COLUMNS = ("start_char", "end_char")
FLOAT_COLUMNS = ("value", "low", "high", "confidence")
FINDING_TEXT = ("type", "basis", "derivation", "subject", "metric", "period", "cause",
                "severity", "explanation", "suggested_wording")
FINDING_JSON = ("sources", "evidence", "values")
REVIEW_FIELDS = tuple(c for c in REVIEW_COLUMNS if c != "finding_id")
#: Columns indexed for filtering and joining, per table.
INDEXES = {
    "claims": [["source_id"], ["metric"], ["subject"], ["period"], ["subject", "metric", "period"]],
    "findings": [["subject"], ["metric"], ["period"], ["cause"], ["severity"]],
    "finding_claims": [["claim_id"]],
    "reviews": [["finding_id"]],
}
FTS = {"claims": ["sentence"], "findings": ["explanation"]}
#: The datasette metadata file is named after the database: claims.db gets
#: claims.metadata.json (before, a bare metadata.json; pass --metadata for that).
METADATA_SUFFIX = ".metadata.json"
#: Stamped into every database written here (PRAGMA application_id, "ClCk"),
#: so an export replaces only a database it wrote.
APPLICATION_ID = 0x436C436B
SQLITE_MAGIC = b"SQLite format 3\x00"


# --- reading what a run wrote ---------------------------------------------

def _read_csv(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> list[dict]:
    return [row for _, row in read_csv_rows(path, columns, required)]


def _number(raw: str, kind: type):
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        raise UserError(f"claims.csv has {raw!r} where a number belongs; "
                        "re-run claimcheck check to rewrite it") from None
    if math.isnan(value):
        return None
    return int(value) if kind is int else value


def read_claim_rows(claims_dir: Path) -> list[dict]:
    return list(iter_claim_rows(claims_dir))


def iter_claim_rows(claims_dir: Path) -> Iterator[dict]:
    """claims.csv's rows, typed, one at a time (a UserError at once when
    there is no claims.csv, else as a bad row is read)."""
    path = Path(claims_dir) / "claims.csv"
    if not path.is_file():
        raise UserError(f"no claim table at {path}; run claimcheck check first "
                        "or pass --claims-dir")
    return _claim_rows(path)


def _claim_rows(path: Path) -> Iterator[dict]:
    seen = set()
    for _, row in iter_csv_rows(path, CLAIM_COLUMNS, required=("claim_id", "source_id")):
        if row["claim_id"] in seen:
            warn(f"{path}: claim {row['claim_id']} appears twice; kept the first")
            continue
        seen.add(row["claim_id"])
        rec = {c: row.get(c, "") or "" for c in CLAIM_COLUMNS}
        for c in INT_COLUMNS:
            rec[c] = _number(rec[c], int)
        for c in FLOAT_COLUMNS:
            rec[c] = _number(rec[c], float)
        if rec["value"] is not None:  # an empty interval end is open (once written "inf")
            for c in BOUND_COLUMNS:
                rec[c] = read_bound(rec[c], c)
        yield rec


def read_findings(reports_dir: Path) -> dict:
    path = Path(reports_dir) / "findings.json"
    if not path.is_file():
        warn(f"no {path}; exported claims and sources without findings")
        return {"sources": [], "findings": []}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UserError(f"{path} is not valid JSON ({exc}); re-run claimcheck check") from None


def review_rows(reports_dir: Path) -> list[dict]:
    path = Path(reports_dir) / "reviews.csv"
    if not path.is_file():
        return []
    rows = _read_csv(path, REVIEW_COLUMNS, required=("finding_id", "verdict"))
    return [{"review_no": n, **{k: v for k, v in row.items() if k}}
            for n, row in enumerate(rows, start=1)]


def source_rows(sources_dir: Path | None, findings_doc: dict,
                counts: dict[str, int]) -> list[dict]:
    """One row per article: findings.json's sources, completed from
    sources.csv, plus any article only the claim table names (``counts``:
    claims per source id in the claim table)."""
    rows: dict[str, dict] = {}
    for s in findings_doc.get("sources", []):
        rows[s["source_id"]] = {"source_id": s["source_id"], "file": "",
                                **{k: s.get(k, "") for k in
                                   ("title", "publisher", "published", "url", "sha256")},
                                "claims": s.get("claims")}
    meta = Path(sources_dir) / "sources.csv" if sources_dir else None
    if meta is not None and meta.is_file():
        for r in _read_csv(meta, METADATA_COLUMNS, required=("file",)):
            name = (r.get("file") or "").strip()
            if not name:
                continue
            sid = Path(name).stem
            row = rows.setdefault(sid, {"source_id": sid, "title": "", "publisher": "",
                                        "published": "", "url": "", "sha256": "",
                                        "claims": None})
            row["file"] = name
            for key, col in (("title", "title"), ("publisher", "publisher"),
                             ("published", "date"), ("url", "url")):
                if not row.get(key):
                    row[key] = (r.get(col) or "").strip()
    for sid in counts:
        rows.setdefault(sid, {"source_id": sid, "file": "", "title": "", "publisher": "",
                              "published": "", "url": "", "sha256": "", "claims": None})
    for sid, row in rows.items():
        if row["claims"] is None:
            row["claims"] = counts.get(sid, 0)
    return list(rows.values())


def finding_rows(findings_doc: dict) -> tuple[list[dict], list[dict]]:
    """(findings, finding_claims) rows from findings.json."""
    findings, links = [], []
    for f in findings_doc.get("findings", []):
        review = f.get("review") or {}
        row = {"finding_id": f["finding_id"],
               **{k: f.get(k, "") or "" for k in FINDING_TEXT},
               **{k: f.get(k) or [] for k in FINDING_JSON},
               "new": int(bool(f.get("new"))),
               "review_verdict": review.get("verdict", ""),
               "review_note": review.get("note", ""),
               "reviewed_by": review.get("by", ""),
               "reviewed_at": review.get("reviewed_at", "")}
        findings.append(row)
        for cid in dict.fromkeys(f.get("claims", [])):
            links.append({"finding_id": f["finding_id"], "claim_id": cid})
    return findings, links


# --- writing the database -------------------------------------------------

def _schema(reviews: list[dict]) -> dict[str, dict]:
    text = str
    claim_cols = {c: (int if c in INT_COLUMNS else float if c in FLOAT_COLUMNS else text)
                  for c in CLAIM_COLUMNS}
    review_cols = {"review_no": int, "finding_id": text, **{k: text for k in REVIEW_FIELDS}}
    for r in reviews:
        review_cols.update({k: text for k in r if k not in review_cols})
    return {
        "sources": dict(columns={"source_id": text, "file": text, "title": text,
                                 "publisher": text, "published": text, "url": text,
                                 "sha256": text, "claims": int}, pk="source_id"),
        "claims": dict(columns=claim_cols, pk="claim_id",
                       foreign_keys=[("source_id", "sources", "source_id")]),
        "findings": dict(columns={"finding_id": text, **{k: text for k in FINDING_TEXT},
                                  **{k: text for k in FINDING_JSON}, "new": int,
                                  "review_verdict": text, "review_note": text,
                                  "reviewed_by": text, "reviewed_at": text},
                       pk="finding_id"),
        "finding_claims": dict(columns={"finding_id": text, "claim_id": text},
                               pk=("finding_id", "claim_id"),
                               foreign_keys=[("finding_id", "findings", "finding_id"),
                                             ("claim_id", "claims", "claim_id")]),
        "reviews": dict(columns=review_cols, pk="review_no",
                        foreign_keys=[("finding_id", "findings", "finding_id")]),
    }


def metadata_path_for(db_path: str | Path) -> Path:
    """Where the datasette metadata of ``db_path`` goes by default."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.stem + METADATA_SUFFIX)


def ours(db_path: Path) -> bool:
    """True when ``db_path`` is a SQLite database an export wrote (stamped
    with :data:`APPLICATION_ID`, or an older export's five tables)."""
    import sqlite3
    try:
        with db_path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        con = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if con.execute("pragma application_id").fetchone()[0] == APPLICATION_ID:
                return True
            names = {r[0] for r in con.execute("select name from sqlite_master")}
        finally:
            con.close()
    except (OSError, sqlite3.Error):
        return False
    return {"sources", "claims", "findings", "finding_claims", "reviews"} <= names


def _our_metadata(path: Path) -> bool:
    """True when ``path`` is a datasette metadata file an export wrote."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(doc, dict) and isinstance(doc.get("databases"), dict) \
        and doc.get("title") == load("datasette")["title"]


def _refuse_clobber(db_path: Path, meta_path: Path) -> None:
    """A UserError when writing would replace a file an export did not write."""
    if db_path.exists() and (not db_path.is_file() or not ours(db_path)):
        raise UserError(f"{db_path} exists and is not a database claimcheck exported; "
                        "pick another file name, or pass --force to replace it")
    if meta_path.exists() and (not meta_path.is_file() or not _our_metadata(meta_path)):
        raise UserError(f"{meta_path} exists and is not a metadata file claimcheck wrote; "
                        "pass --metadata with another name, or --force to replace it")


def export_sqlite(db_path: str | Path, claims_dir: str | Path = "claims",
                  reports_dir: str | Path = "reports",
                  sources_dir: str | Path | None = "sources",
                  metadata_path: str | Path | None = None, force: bool = False) -> dict:
    """Write the claim database to ``db_path`` (replaced atomically) and the
    datasette metadata beside it (:func:`metadata_path_for`). Neither replaces
    a file an export did not write, unless ``force``. Returns {table: rows,
    "metadata": path}."""
    db_path = Path(db_path)
    meta_path = Path(metadata_path) if metadata_path else metadata_path_for(db_path)
    if not force:
        _refuse_clobber(db_path, meta_path)
    claims = iter_claim_rows(Path(claims_dir))
    doc = read_findings(Path(reports_dir))
    reviews = review_rows(Path(reports_dir))
    findings, links = finding_rows(doc)
    counts: dict[str, int] = {}

    def counted(rows):
        for row in rows:
            counts[row["source_id"]] = counts.get(row["source_id"], 0) + 1
            yield row

    def sources():  # once the claims are in: they count each source's claims
        yield from source_rows(Path(sources_dir) if sources_dir else None, doc, counts)
    # the claim table streams from claims.csv into the database, a batch at a time
    data = {"claims": counted(claims), "sources": sources(), "findings": findings,
            "finding_claims": links, "reviews": reviews}
    written = _write_database(db_path, data, reviews)
    write_atomic(meta_path, json.dumps(datasette_metadata(db_path.stem), indent=2,
                                       ensure_ascii=False) + "\n")
    return {**{name: written[name] for name in _schema(reviews)}, "metadata": str(meta_path)}


#: Rows sent to SQLite per INSERT statement by the export (sqlite-utils
#: ``insert_all``): rows are read, and held, a batch at a time.
EXPORT_BATCH = 1000


def _write_database(db_path: Path, data: dict, reviews: list[dict]) -> dict[str, int]:
    """The database, built in a temporary file and renamed over ``db_path``:
    a failure (disk full) leaves the old file, or none, and no partial one.
    ``data``: rows (an iterable, read once, in batches) per table, inserted
    in ``data``'s order. Returns the rows written per table."""
    import sqlite3

    import sqlite_utils

    folder = ensure_dir(db_path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(db_path), suffix=TEMP_SUFFIX, dir=folder)
        os.close(fd)
    except OSError as exc:
        raise _export_error(db_path, exc) from None
    try:
        db = sqlite_utils.Database(tmp, recreate=True)
        db.execute(f"pragma application_id = {APPLICATION_ID}")
        for name, spec in _schema(reviews).items():
            db[name].create(spec["columns"], pk=spec["pk"],
                            foreign_keys=spec.get("foreign_keys"))
        written = {}
        for name, rows in data.items():
            written[name] = 0

            def tally(rows=rows, name=name):
                for row in rows:
                    written[name] += 1
                    yield row
            db[name].insert_all(tally(), batch_size=EXPORT_BATCH)
        for name in data:
            for cols in INDEXES.get(name, []):
                db[name].create_index(cols)
        for name, cols in FTS.items():
            db[name].enable_fts(cols, create_triggers=True)
        db.close()
        os.replace(tmp, db_path)
        return written
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise _export_error(db_path, exc) from None
        raise


def _export_error(db_path: Path, exc: Exception) -> UserError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return UserError(f"cannot write {db_path} ({reason}); check the folder's permissions "
                     "and free space, the previous file is unchanged")


def datasette_metadata(database: str) -> dict:
    """datasette metadata for a database named ``database`` (its file stem)."""
    spec = load("datasette")
    tables = {}
    for name, t in spec["tables"].items():
        entry = {"description": t["description"], "columns": dict(t["columns"])}
        facets = list(t.get("facets", [])) + [{"array": c} for c in t.get("array_facets", [])]
        if facets:
            entry["facets"] = facets
        if "sort" in t:
            entry["sort"] = t["sort"]
        tables[name] = entry
    queries = {name: {k: (v.strip() if k == "sql" else v) for k, v in q.items()}
               for name, q in spec["queries"].items()}
    return {"title": spec["title"], "description": spec["description"],
            "databases": {database: {"tables": tables, "queries": queries}}}


# --- Parquet --------------------------------------------------------------

PARQUET_HINT = "pip install 'claimcheck[parquet]' (it needs pyarrow)"


def claims_parquet(frame) -> bytes:
    """The claim table as Parquet bytes (pandas with pyarrow)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise UserError(f"--format parquet needs pyarrow; run: {PARQUET_HINT}") from None
    buf = io.BytesIO()
    frame.to_parquet(buf, index=False, engine="pyarrow")
    return buf.getvalue()


#: findings.parquet: one row per finding, the findings.json fields as columns;
#: lists of ids as lists of strings, nested records (evidence, values, review,
#: replaces) as JSON text, as the SQLite export stores them.
FINDING_PARQUET_TEXT = ("finding_id", "type", "basis", "derivation", "subject", "metric",
                        "period", "cause", "explanation", "severity", "suggested_wording")
FINDING_PARQUET_LISTS = ("claims", "sources")
FINDING_PARQUET_JSON = ("evidence", "values", "review", "replaces")


def has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


#: Findings per row group of findings.parquet: made and written a group at a
#: time, so writing it holds one group's columns, not every finding's (500:
#: a warm check of 5,000 articles peaked 40 to 50 MB lower than with 2,000).
FINDINGS_PARQUET_BATCH = 500


def findings_parquet(doc: dict) -> bytes:
    """The findings of a findings document (as findings.json holds them) as
    Parquet bytes; needs pyarrow (:func:`has_pyarrow`)."""
    import pyarrow.parquet as pq
    findings = doc.get("findings", [])
    buf = io.BytesIO()
    writer = None
    for start in range(0, max(len(findings), 1), FINDINGS_PARQUET_BATCH):
        table = _findings_table(findings[start:start + FINDINGS_PARQUET_BATCH])
        writer = writer or pq.ParquetWriter(buf, table.schema)
        writer.write_table(table)
    writer.close()
    return buf.getvalue()


def _findings_table(findings: list[dict]):
    import pyarrow as pa
    dump = json.JSONEncoder(ensure_ascii=False).encode
    columns = {k: pa.array([f.get(k) or "" for f in findings], pa.string())
               for k in FINDING_PARQUET_TEXT}
    columns.update({k: pa.array([[str(x) for x in f.get(k) or []] for f in findings],
                                pa.list_(pa.string())) for k in FINDING_PARQUET_LISTS})
    columns["new"] = pa.array([bool(f.get("new")) for f in findings], pa.bool_())
    columns["review_verdict"] = pa.array([(f.get("review") or {}).get("verdict", "")
                                          for f in findings], pa.string())
    columns["alignment_score"] = pa.array([(f.get("alignment") or {}).get("score")
                                           for f in findings], pa.float64())
    columns["alignment_reasons"] = pa.array(
        [list((f.get("alignment") or {}).get("reasons") or []) for f in findings],
        pa.list_(pa.string()))
    columns.update({k: pa.array([None if f.get(k) is None else dump(f.get(k)) for f in findings],
                                pa.string()) for k in FINDING_PARQUET_JSON})
    return pa.table(columns)
