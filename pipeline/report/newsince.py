"""What changed since the last check, and editors' verdicts, for both
report.md and report.html: the reports open with "New since the last check"
(findings whose ``new`` is true, conflicts first) and show each finding's
review. Everything taken from findings is escaped."""
from __future__ import annotations

from html import escape

TITLE = "New since the last check"
_ORDER = {"high": 0, "medium": 1, "low": 2}


def new_findings(doc: dict) -> list[dict]:
    """New findings: conflicts by severity, then agreements."""
    new = [f for f in doc["findings"] if f.get("new")]
    return sorted(new, key=lambda f: (f["type"] != "conflict", _ORDER.get(f.get("severity"), 3)))


def describe(f: dict) -> str:
    what = f["type"] if f["type"] != "conflict" else \
        f"conflict, {f.get('severity', '')}{', ' + f['cause'] if f.get('cause') else ''}"
    return f"{f['finding_id']} ({what}): {f['subject']}, {f['metric']}, {f['period']}"


def review_text(review: dict) -> str:
    """'confirmed by Ana on 2026-11-22: the note'."""
    by = f" by {review['by']}" if review.get("by") else ""
    when = f" on {review['reviewed_at'][:10]}" if review.get("reviewed_at") else ""
    note = f": {review['note']}" if review.get("note") else ""
    return f"{review['verdict']}{by}{when}{note}"


def newsince_markdown(doc: dict) -> list[str]:
    from .markdown import md_escape
    lines = [f"## {TITLE}", ""]
    new = new_findings(doc)
    lines += [f"- {md_escape(describe(f))}" for f in new] or ["Nothing new."]
    return lines + [""]


def review_markdown(f: dict) -> list[str]:
    from .markdown import md_escape
    return [f"- Review: {md_escape(review_text(f['review']))}"] if f.get("review") else \
        ["- Review: open"]


def newsince_html(doc: dict) -> str:
    new = new_findings(doc)
    items = "".join(f"<li>{escape(describe(f))}</li>" for f in new)
    body = f"<ul>{items}</ul>" if new else "<p>Nothing new.</p>"
    return f"<section class=new><h2>{TITLE}</h2>{body}</section>"


def review_html(f: dict) -> str:
    text = review_text(f["review"]) if f.get("review") else "open"
    return f"<p class=review><b>Review:</b> {escape(text)}</p>"
