"""report.md: a summary line, conflicts by severity (figures, derivation,
cause, explanation, quoted sentences with their sources, suggested
wording), then the agreements. Everything from an article is escaped."""
from __future__ import annotations

from ..figures import fmt_interval, fmt_number
from .newsince import newsince_markdown, review_markdown

SEVERITY_ORDER = ("high", "medium", "low")
ROLE_NAMES = {"stated": "stated", "premise": "used to derive", "derived": "derived"}


def md_escape(text) -> str:
    """Escape what would break Markdown (tables, emphasis, links, HTML)."""
    out = str(text).replace("\\", "\\\\")
    for ch in "|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def conflicts_of(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["type"] == "conflict"]


def agreements_of(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["type"] == "agreement"]


def summary_line(doc: dict) -> str:
    conflicts = conflicts_of(doc)
    run = doc["run"]
    line = (f"{run['articles']} articles, {run['claims']} claims: "
            f"{len(conflicts)} conflicts, {len(agreements_of(doc))} agreements.")
    if conflicts:
        counts = ", ".join(f"{sum(f['severity'] == s for f in conflicts)} {s}"
                           for s in SEVERITY_ORDER)
        line = line.replace(" conflicts,", f" conflicts ({counts}),", 1)
    return line


def as_float(v) -> float:
    return float(v) if v is not None else float("nan")


def value_cells(v: dict) -> tuple[str, str]:
    """(value, interval) of a finding's value entry, as a report writes them."""
    kind = v.get("kind", "count")
    signed = kind in ("change", "pct_change") and bool(v.get("signed"))
    return (fmt_number(as_float(v["value"]), kind, signed=signed),
            fmt_interval(as_float(v["low"]), as_float(v["high"]), kind))


def direction(v: dict) -> str:
    """' (down)' / ' (up)' for a change with a known direction."""
    value = as_float(v["value"])
    if not v.get("signed") or v.get("kind") not in ("change", "pct_change") or not value:
        return ""
    return " (down)" if value < 0 else " (up)"


def heading(f: dict) -> str:
    parts = [f["finding_id"], f["subject"], f["metric"], f["period"]]
    return " · ".join(md_escape(p) for p in parts if p)


def cause_name(cause: str) -> str:
    return cause.replace("_", " ")


def figures_table(f: dict) -> list[str]:
    lines = ["| Source | Figure as written | Value | Interval | Role |",
             "| --- | --- | --- | --- | --- |"]
    for v in f.get("values", []):
        value, interval = value_cells(v)
        text = v["text"] if v["role"] != "derived" else f"derived: {v['text']}"
        lines.append(f"| {md_escape(v['source_id'])} | {md_escape(text)} | {md_escape(value)} | "
                     f"{md_escape(interval)} | {ROLE_NAMES.get(v['role'], v['role'])} |")
    return lines


def evidence_lines(f: dict) -> list[str]:
    lines = []
    for e in f.get("evidence", []):
        why = f"cause: “{md_escape(e['cue'])}”" if e.get("cue") else e.get("role", "figure")
        lines += [f"> {md_escape(e['sentence'])}", ">",
                  f"> — {md_escape(e['source_id'])}, characters {e['start_char']}–"
                  f"{e['end_char']} ({why})", ""]
    return lines


def conflict_block(f: dict) -> list[str]:
    lines = [f"#### {heading(f)}", "",
             f"**{f['severity'].capitalize()}**, cause: **{cause_name(f['cause'])}**"
             f"{' (derived)' if f['basis'] == 'derived' else ''}", ""]
    lines += figures_table(f) + [""]
    if f.get("derivation"):
        lines += [f"**Derived:** {md_escape(f['derivation'])}", ""]
    lines += [f"**Explanation:** {md_escape(f.get('explanation', ''))}", ""]
    lines += evidence_lines(f)
    if f.get("suggested_wording"):
        lines += [f"**Suggested wording:** {md_escape(f['suggested_wording'])}", ""]
    lines += review_markdown(f) + [""]
    return lines


def agreement_rows(doc: dict) -> list[str]:
    lines = ["| Finding | Subject | Metric | Period | Figures | Sources |",
             "| --- | --- | --- | --- | --- | --- |"]
    for f in agreements_of(doc):
        figs = "; ".join(dict.fromkeys(f"{v['text']}{direction(v)} ({v['source_id']})"
                                       for v in f.get("values", []) if v["role"] != "premise"))
        lines.append(f"| {f['finding_id']} | {md_escape(f['subject'])} | "
                     f"{md_escape(f['metric'])} | {md_escape(f['period'])} | {md_escape(figs)} | "
                     f"{md_escape(', '.join(f['sources']))} |")
    return lines


def render_markdown(doc: dict) -> str:
    lines = ["# claimcheck report", "", summary_line(doc), ""]
    lines += newsince_markdown(doc)
    lines += ["## Conflicts", ""]
    conflicts = conflicts_of(doc)
    if not conflicts:
        lines += ["No conflicts found.", ""]
    for sev in SEVERITY_ORDER:
        these = [f for f in conflicts if f["severity"] == sev]
        if these:
            lines += [f"### {sev.capitalize()} severity", ""]
            for f in these:
                lines += conflict_block(f)
    lines += ["## Agreements", ""]
    lines += agreement_rows(doc) if agreements_of(doc) else ["None."]
    lines += ["", "## Sources", "", "| Source | Title | Publisher | Claims |",
              "| --- | --- | --- | --- |"]
    lines += [f"| {md_escape(s['source_id'])} | {md_escape(s.get('title', ''))} | "
              f"{md_escape(s.get('publisher', ''))} | {s.get('claims', 0)} |"
              for s in doc.get("sources", [])]
    return "\n".join(lines) + "\n"
