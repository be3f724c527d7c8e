"""What changed since the last check, and editors' verdicts, for both
report.md and report.html: the reports open with "New since the last check"
(findings whose ``new`` is true, conflicts first, linked to their cards in
the HTML) and show each finding's review: its verdict, or for an open
conflict the command that records one; a finding that replaces an earlier
one (same quantity, claims added) shows the earlier verdict as history.
Everything taken from findings is escaped."""
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
    if f.get("replaces"):
        what += f", replaces {f['replaces']['finding_id']}"
    return f"{f['finding_id']} ({what}): {f['subject']}, {f['metric']}, {f['period']}"


VERDICTS = "confirmed|explained|dismissed"


def is_open(f: dict) -> bool:
    """A conflict no editor has given a verdict on."""
    return f["type"] == "conflict" and not f.get("review")


def review_command(f: dict, verdict: str = VERDICTS) -> str:
    return f"claimcheck review {f['finding_id']} --verdict {verdict}"


def history_text(f: dict) -> str:
    """'replaces F-1a2b3c (1 claim added): confirmed by Ana on 2026-11-22: note',
    then the one before it, for a finding that replaced earlier ones."""
    parts, earlier = [], f.get("replaces")
    while earlier:
        added = len(earlier.get("claims_added") or [])
        what = f"replaces {earlier['finding_id']}" + \
            (f" ({added} claim{'s' if added != 1 else ''} added)" if added else "")
        review = earlier.get("review")
        parts.append(what + (f", reviewed {review_text(review)}" if review else ", not reviewed"))
        earlier = earlier.get("replaces")
    return "; ".join(parts)


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
    """The review lines of a finding's block: its verdict, or (a conflict)
    open with the command that records one, then any earlier verdicts."""
    from .markdown import md_escape
    if f.get("review"):
        lines = [f"- Review: {md_escape(review_text(f['review']))}"]
    elif f["type"] == "conflict":
        lines = [f"- Review: open. To record a verdict: `{review_command(f)}`"]
    else:
        lines = ["- Review: open"]
    if f.get("replaces"):
        lines.append(f"- History: {md_escape(history_text(f))}. This is a new finding: "
                     f"confirm the earlier verdict with `{review_command(f, _earlier_verdict(f))}`"
                     if _earlier_verdict(f) and not f.get("review") else
                     f"- History: {md_escape(history_text(f))}")
    return lines


def _earlier_verdict(f: dict) -> str:
    review = (f.get("replaces") or {}).get("review")
    return review["verdict"] if review else ""


def newsince_html(doc: dict) -> str:
    new = new_findings(doc)
    items = "".join(f'<li><a href="#{escape(f["finding_id"])}">{escape(describe(f))}</a></li>'
                    for f in new)
    body = f"<ul>{items}</ul>" if new else "<p>Nothing new.</p>"
    return f"<section class=new><h2>{TITLE}</h2>{body}</section>"


def review_html(f: dict) -> str:
    """The verdict, or (an open conflict) the command that records one, and
    any earlier verdicts."""
    if f.get("review"):
        out = f"<p class=review><b>Review:</b> {escape(review_text(f['review']))}</p>"
    elif f["type"] == "conflict":
        out = (f"<p class=review><b>Review:</b> open. To record a verdict: "
               f"<code>{escape(review_command(f))}</code></p>")
    else:
        out = "<p class=review><b>Review:</b> open</p>"
    if f.get("replaces"):
        confirm = (f" This is a new finding: confirm the earlier verdict with "
                   f"<code>{escape(review_command(f, _earlier_verdict(f)))}</code>"
                   if _earlier_verdict(f) and not f.get("review") else "")
        out += f"<p class=history><b>History:</b> {escape(history_text(f))}.{confirm}</p>"
    return out
