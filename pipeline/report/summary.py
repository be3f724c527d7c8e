"""Reports that stay readable at archive scale: report.md and report.html show
the first :data:`REPORT_TOP` findings by severity in full (conflicts, high
before medium before low, then agreements) and count the rest by type,
severity and cause. findings.json and findings.parquet keep every finding;
``claimcheck check --report-top 0`` (or ``report --report-top 0``) shows all.
"""
from __future__ import annotations

from collections import Counter

#: Findings report.md and report.html show in full; past it, the rest are
#: counted (:func:`summarise`). 0 means all.
REPORT_TOP = 500
_RANK = {"high": 0, "medium": 1, "low": 2}


def summarise(doc: dict, top: int | None = REPORT_TOP) -> dict:
    """``doc`` (a findings document) for the reports: with more than ``top``
    findings, only the ``top`` first by severity (in their order in the
    document), and ``not_shown``: one row per (type, severity, cause) with how
    many findings and open conflicts were left out. Otherwise ``doc`` itself."""
    findings = doc.get("findings", [])
    if not top or len(findings) <= top:
        return doc
    ranked = sorted(range(len(findings)), key=lambda i: (
        findings[i]["type"] != "conflict", _RANK.get(findings[i].get("severity"), 3), i))
    keep = sorted(ranked[:top])
    rest = Counter()
    open_ = Counter()
    for i in ranked[top:]:
        f = findings[i]
        key = (f["type"], f.get("severity") or "", f.get("cause") or "")
        rest[key] += 1
        open_[key] += f["type"] == "conflict" and not f.get("review")
    return {**doc, "findings": [findings[i] for i in keep], "report_top": top,
            "not_shown": [{"type": t, "severity": s, "cause": c, "findings": n,
                           "open": open_[(t, s, c)]}
                          for (t, s, c), n in sorted(rest.items(), key=lambda kv: (
                              kv[0][0] != "conflict", _RANK.get(kv[0][1], 3), -kv[1], kv[0][2]))]}


def not_shown(doc: dict) -> list[dict]:
    return doc.get("not_shown") or []


def hidden(doc: dict, type_: str, severity: str | None = None, open_only: bool = False) -> int:
    """How many findings of ``type_`` (and ``severity``) the report leaves out."""
    return sum(r["open"] if open_only else r["findings"] for r in not_shown(doc)
               if r["type"] == type_ and (severity is None or r["severity"] == severity))


def not_shown_note(doc: dict) -> str:
    n = sum(r["findings"] for r in not_shown(doc))
    return (f"{n:,} more findings are not shown here: this report shows the first "
            f"{doc.get('report_top', 0):,} by severity. findings.json (and findings.parquet) "
            "list every one; claimcheck check --report-top 0 shows all.")


def not_shown_rows(doc: dict) -> list[list[str]]:
    """[type, severity, cause, findings, open] per row of the left-out counts."""
    return [[r["type"], r["severity"] or "-", (r["cause"] or "-").replace("_", " "),
             f"{r['findings']:,}", f"{r['open']:,}" if r["type"] == "conflict" else "-"]
            for r in not_shown(doc)]


NOT_SHOWN_TITLE = "Not shown"
NOT_SHOWN_HEADS = ("Type", "Severity", "Cause", "Findings", "Open")
