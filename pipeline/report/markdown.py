"""report.md: a summary line, conflicts by severity, then agreements."""
from __future__ import annotations

from .newsince import newsince_markdown, review_markdown

SEVERITY_ORDER = ("high", "medium", "low")


def md_escape(text: str) -> str:
    """Escape what would break Markdown (tables, emphasis, links, HTML)."""
    out = str(text).replace("\\", "\\\\")
    for ch in "|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r", " ").replace("\n", " ")


def summary_line(doc: dict) -> str:
    fs = doc["findings"]
    conflicts = [f for f in fs if f["type"] == "conflict"]
    agreements = [f for f in fs if f["type"] == "agreement"]
    run = doc["run"]
    return (f"{run['articles']} articles, {run['claims']} claims: "
            f"{len(conflicts)} conflicts, {len(agreements)} agreements.")


def render_markdown(doc: dict) -> str:
    lines = ["# claimcheck report", "", summary_line(doc), ""]
    lines += newsince_markdown(doc)
    conflicts = [f for f in doc["findings"] if f["type"] == "conflict"]
    lines += ["## Conflicts", ""]
    if not conflicts:
        lines += ["No conflicts found.", ""]
    for sev in SEVERITY_ORDER:
        for f in (f for f in conflicts if f["severity"] == sev):
            lines += [f"### {f['finding_id']} ({sev}): {md_escape(f['subject'])}, "
                      f"{md_escape(f['metric'])}, {md_escape(f['period'])}", ""]
            if f.get("cause"):
                lines.append(f"- Cause: {f['cause']}")
            if f.get("derivation"):
                lines.append(f"- Derived: {md_escape(f['derivation'])}")
            if f.get("explanation"):
                lines.append(f"- Explanation: {md_escape(f['explanation'])}")
            lines += review_markdown(f)
            for e in f.get("evidence", []):
                lines.append(f"- > {md_escape(e['sentence'])} ({md_escape(e['source_id'])}, "
                             f"chars {e['start_char']}-{e['end_char']})")
            lines.append("")
    agreements = [f for f in doc["findings"] if f["type"] == "agreement"]
    lines += ["## Agreements", ""]
    for f in agreements:
        lines.append(f"- {f['finding_id']}: {md_escape(f['subject'])}, {md_escape(f['metric'])}, "
                     f"{md_escape(f['period'])} ({len(f['sources'])} sources)")
    if not agreements:
        lines.append("None.")
    return "\n".join(lines) + "\n"
