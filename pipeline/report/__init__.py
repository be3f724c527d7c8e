"""Stage 7, report: what a run writes for editors.

``findings.json`` (the contract's machine-readable file), ``report.md``
(email and version control) and ``report.html`` (one self-contained page),
plus the claim table ``claims.csv``. Every file is written atomically.
"""
from __future__ import annotations

from pathlib import Path

from ..files import ensure_dir, write_atomic
from .findings import findings_document, findings_json
from .html import render_html
from .markdown import render_markdown
from .table import claims_csv

__all__ = ["write_claims", "write_reports", "findings_document"]


def write_claims(table, claims_dir: str | Path) -> Path:
    """Write claims.csv from the claim table (a DataFrame or a list of claims)."""
    folder = ensure_dir(claims_dir)
    return write_atomic(folder / "claims.csv", claims_csv(table))


def write_reports(doc: dict, table, reports_dir: str | Path) -> list[Path]:
    """Write findings.json, report.md and report.html from the findings
    document and the claim table (a DataFrame or a list of claims)."""
    folder = ensure_dir(reports_dir)
    return [
        write_atomic(folder / "findings.json", findings_json(doc)),
        write_atomic(folder / "report.md", render_markdown(doc)),
        write_atomic(folder / "report.html", render_html(doc, table)),
    ]
