"""Stage 7, report: what a run writes for editors.

``findings.json`` (the contract's machine-readable file), ``report.md``
(email and version control) and ``report.html`` (one self-contained page),
plus the claim table ``claims.csv``. Every file is written atomically.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..files import ensure_dir, write_atomic
from .findings import carried_time, findings_chunks, findings_document, run_stamp
from .html import html_pieces
from .markdown import render_markdown
from .summary import REPORT_TOP, summarise
from .table import claims_csv

__all__ = ["write_claims", "write_reports", "findings_document", "run_stamp", "carried_time",
           "claims_csv", "render_again", "CLAIMS_FILE", "REPORT_FILES", "FINDINGS_PARQUET", "REPORT_TOP",
           "CLAIMS_PARQUET", "write_claims_parquet"]

CLAIMS_FILE = "claims.csv"
#: The claim table as Parquet, beside claims.csv, with ``check --claims-parquet``.
CLAIMS_PARQUET = "claims.parquet"
#: What a check writes into the reports folder, in order.
REPORT_FILES = ("findings.json", "report.md", "report.html")
#: Written beside findings.json when pyarrow is installed (the parquet extra).
FINDINGS_PARQUET = "findings.parquet"


def write_claims(table, claims_dir: str | Path, text: str | None = None) -> Path:
    """Write claims.csv from the claim table (a DataFrame or a list of claims),
    or its ``text`` when already made."""
    folder = ensure_dir(claims_dir)
    return write_atomic(folder / CLAIMS_FILE, claims_csv(table) if text is None else text)


def write_claims_parquet(claims, claims_dir: str | Path, wanted: bool) -> Path | None:
    """claims.parquet (the claim table, typed) when ``wanted``; otherwise an
    earlier run's is removed, as it would not match claims.csv."""
    path = Path(claims_dir) / CLAIMS_PARQUET
    if not wanted:
        path.unlink(missing_ok=True)
        return None
    from ..api import claims_frame
    from ..export import claims_parquet
    return write_atomic(path, claims_parquet(claims_frame(claims)))


def write_reports(doc: dict, table, reports_dir: str | Path,
                  top: int | None = REPORT_TOP) -> list[Path]:
    """Write findings.json (and findings.parquet, with pyarrow), report.md and
    report.html from the findings document and the claim table (a DataFrame
    or a list of claims); the reports show the first ``top`` findings by
    severity in full and count the rest (:func:`summary.summarise`)."""
    from ..errors import warn
    from ..export import PARQUET_HINT, findings_parquet, has_pyarrow
    from ..reviews import INDEX_FILE, findings_index
    folder = ensure_dir(reports_dir)
    findings, markdown, html = REPORT_FILES
    digest = hashlib.sha256()

    def hashed(pieces):  # findings.json is written as it is made, never held whole
        for piece in pieces:
            digest.update(piece.encode("utf-8"))
            yield piece
    written = [write_atomic(folder / findings, hashed(findings_chunks(doc)))]
    # what the next check reads
    write_atomic(folder / INDEX_FILE, findings_index(doc, digest=digest.hexdigest()))
    if has_pyarrow():
        written.append(write_atomic(folder / FINDINGS_PARQUET, findings_parquet(doc)))
    elif (folder / FINDINGS_PARQUET).exists():
        # an earlier run's would not match these findings: removed, and said
        # once (without the parquet extra and no earlier file: nothing to say)
        (folder / FINDINGS_PARQUET).unlink()
        warn(f"{FINDINGS_PARQUET} not written (it needs pyarrow): {PARQUET_HINT}")
    view = summarise(doc, top)
    return written + [
        write_atomic(folder / markdown, render_markdown(view)),
        write_atomic(folder / html, html_pieces(view, table)),
    ]


def render_again(reports_dir: str | Path, claims_dir: str | Path,
                 top: int | None = REPORT_TOP) -> list[Path]:
    """Rewrite findings.json, report.md and report.html from the last check's
    findings.json with the latest verdicts in reviews.csv, and the claim
    table in claims.csv: no article is read and no model loaded. ``top``:
    as for :func:`write_reports`."""
    import json
    from types import SimpleNamespace

    from ..errors import UserError, warn
    from ..export import read_claim_rows
    from ..files import locked
    from ..reviews import read_reviews
    reports_dir = Path(reports_dir)
    path = reports_dir / "findings.json"
    if not path.is_file():
        raise UserError(f"{path} does not exist; run claimcheck check first "
                        "(or pass --to STORY or --reports-dir)")
    with locked(reports_dir):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            findings = doc["findings"]
        except (ValueError, KeyError, TypeError) as exc:
            raise UserError(f"{path} is not a findings file claimcheck wrote ({exc}); "
                            "run claimcheck check again") from None
        reviews = read_reviews(reports_dir)
        for f in findings:
            f["review"] = reviews.get(f["finding_id"])
        try:
            table = [SimpleNamespace(**row) for row in read_claim_rows(Path(claims_dir))]
        except UserError as exc:
            warn(f"{exc}; the report's claim table is empty")
            table = []
        return write_reports(doc, table, reports_dir, top)
