"""Editors' verdicts on findings, kept in ``reports/reviews.csv``.

``claimcheck review`` appends one row per verdict (columns
:data:`COLUMNS`); the latest row for a finding id wins. Every check attaches
the latest verdict to the finding with the same id; a finding whose claims
changed has a new id and so is open again. The file is rewritten atomically
(temporary file + rename) under the reports folder's lock.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from datetime import datetime, timezone
from pathlib import Path

from .errors import UserError, warn
from .files import csv_cell, locked, read_csv_rows, write_atomic

REVIEWS_FILE = "reviews.csv"
FINDINGS_FILE = "findings.json"
#: Beside findings.json: what :func:`attach` reads of it (the fields of
#: :data:`INDEX_FIELDS`), stamped with findings.json's sha256, so a check
#: need not parse the whole file; stale or missing, findings.json is read.
INDEX_FILE = ".findings-index.json"
INDEX_FIELDS = ("finding_id", "type", "subject", "metric", "period", "claims", "review",
                "replaces")
COLUMNS = ("finding_id", "verdict", "note", "by", "reviewed_at")
VERDICTS = ("confirmed", "explained", "dismissed")


def read_reviews(reports_dir: str | Path) -> dict[str, dict]:
    """{finding_id: review} with the latest verdict per finding; a review is
    ``{"verdict", "note", "reviewed_at", "by"}``."""
    path = Path(reports_dir) / REVIEWS_FILE
    if not path.exists():
        return {}
    latest: dict[str, dict] = {}
    for n, row in read_csv_rows(path, COLUMNS, required=COLUMNS):
        if row["verdict"] not in VERDICTS:
            raise UserError(f"{path} line {n}: verdict {row['verdict']!r} is not one of "
                            f"{', '.join(VERDICTS)}; fix it")
        latest[row["finding_id"]] = {"verdict": row["verdict"], "note": row["note"],
                                     "reviewed_at": row["reviewed_at"], "by": row["by"]}
    return latest


def previous_findings(reports_dir: str | Path) -> list[dict]:
    """The findings of the last run's findings.json (empty before the first)."""
    path = Path(reports_dir) / FINDINGS_FILE
    if not path.exists():
        return []
    indexed = _indexed(path)
    if indexed is not None:
        return indexed
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        found = [f for f in doc["findings"] if isinstance(f["finding_id"], str)]
        for f in found:
            f["claims"] = list(f.get("claims") or [])
        return found
    except (OSError, ValueError, KeyError, TypeError):
        warn(f"{path} is not a findings file claimcheck wrote; every finding counts as new")
        return []


def findings_index(doc: dict, findings_text: str | None = None, digest: str | None = None) -> str:
    """The index file's text for findings.json ``findings_text`` (of
    ``doc``), or for the findings.json whose sha256 is ``digest``."""
    if digest is None:
        digest = hashlib.sha256(findings_text.encode("utf-8")).hexdigest()
    return json.dumps({"findings_sha256": digest,
                       "findings": [{k: f.get(k) for k in INDEX_FIELDS}
                                    for f in doc["findings"]]}, ensure_ascii=False)


def _indexed(path: Path) -> list[dict] | None:
    """The findings of :data:`INDEX_FILE` when it was written with the
    findings.json at ``path`` as it is now; else None."""
    try:
        index = json.loads((path.parent / INDEX_FILE).read_text(encoding="utf-8"))
        with path.open("rb") as fh:  # in pieces: an archive's findings.json is not held whole
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
        if index.get("findings_sha256") != digest:
            return None
        found = [f for f in index["findings"] if isinstance(f["finding_id"], str)]
        for f in found:
            f["claims"] = list(f.get("claims") or [])
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def previous_finding_ids(reports_dir: str | Path) -> set[str]:
    """Finding ids in the last run's findings.json (empty before the first)."""
    return {f["finding_id"] for f in previous_findings(reports_dir)}


def attach(findings: list, reports_dir: str | Path) -> None:
    """Set ``new``, ``review`` and ``replaces`` on each finding from the
    reports folder: a new finding about the same quantity as a finding of the
    last run that is gone, sharing claims with it (an article joined it, so
    its id changed), replaces it and carries its verdict as history."""
    previous = previous_findings(reports_dir)
    reviews = read_reviews(reports_dir)
    known = {f["finding_id"]: f for f in previous}
    current = {f.finding_id for f in findings}
    gone = [f for f in previous if f["finding_id"] not in current]
    for f in findings:
        f.new = f.finding_id not in known
        f.review = reviews.get(f.finding_id)
        if not f.new:
            f.replaces = known[f.finding_id].get("replaces")  # history stays
        else:
            f.replaces = replaced(f, gone, reviews)


def replaced(f, gone: list[dict], reviews: dict[str, dict]) -> dict | None:
    """The gone finding ``f`` replaces: same type and quantity, the most
    claims in common; with its latest verdict and its own history."""
    claims = set(f.claims)
    same = [g for g in gone if (g.get("type"), g.get("subject"), g.get("metric"),
                                g.get("period")) == (f.type, f.subject, f.metric, f.period)
            and claims & set(g["claims"])]
    if not same:
        return None
    g = max(same, key=lambda g: (len(claims & set(g["claims"])), g["finding_id"]))
    return {"finding_id": g["finding_id"],
            "claims_added": sorted(claims - set(g["claims"])),
            "review": reviews.get(g["finding_id"]) or g.get("review"),
            "replaces": g.get("replaces")}


def default_reviewer() -> str:
    return os.environ.get("CLAIMCHECK_REVIEWER") or os.environ.get("USER", "")


def add_review(reports_dir: str | Path, finding_id: str, verdict: str, note: str = "",
               by: str = "", now: datetime | None = None) -> dict:
    """Append a verdict for ``finding_id`` to reviews.csv. The finding must be
    in the last run's findings.json."""
    reports_dir = Path(reports_dir)
    if verdict not in VERDICTS:
        raise UserError(f"verdict {verdict!r} is not one of {', '.join(VERDICTS)}")
    if not (reports_dir / FINDINGS_FILE).exists():
        raise UserError(f"{reports_dir / FINDINGS_FILE} does not exist; run claimcheck check "
                        "first (or pass --reports-dir)")
    with locked(reports_dir):
        known = previous_finding_ids(reports_dir)
        if finding_id not in known:
            raise UserError(f"finding {finding_id} is not in {reports_dir / FINDINGS_FILE}; "
                            "copy an id from report.md or findings.json")
        read_reviews(reports_dir)  # refuse to append to a damaged file
        row = {"finding_id": finding_id, "verdict": verdict, "note": note, "by": by,
               "reviewed_at": (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")}
        path = reports_dir / REVIEWS_FILE
        old = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        header = next(csv.reader(io.StringIO(old)), None) if old else None
        buf = io.StringIO()
        # appended in the file's own column order: a file rearranged by hand stays readable
        writer = csv.DictWriter(buf, fieldnames=header or COLUMNS, lineterminator="\n",
                                restval="")
        if not old:
            writer.writeheader()
        elif not old.endswith("\n"):
            buf.write("\n")
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        write_atomic(path, old + buf.getvalue())
    return row
