"""report.md: a summary line, conflicts by severity (figures, derivation,
cause, explanation, quoted sentences with their sources, suggested
wording), then the agreements. Everything from an article is escaped."""
from __future__ import annotations

import re
from functools import lru_cache

from ..figures import fmt_interval, fmt_number
from ..labels import name as source_name, naming, source_labels
from .table import read_bound
from .newsince import is_open, newsince_markdown, review_markdown
from .findings import stamp_line
from .summary import (NOT_SHOWN_HEADS, NOT_SHOWN_TITLE, hidden, not_shown, not_shown_note,
                      not_shown_rows)

SEVERITY_ORDER = ("high", "medium", "low")
ROLE_NAMES = {"stated": "stated", "premise": "used to derive", "derived": "derived"}
#: A finding lists each figure on its own row while it has at most this many;
#: past that, the same figure from several sources is one row naming them, and
#: at most this many rows are shown (findings.json keeps every figure), so a
#: report on a thousand articles stays readable and linear in size.
MAX_FIGURE_ROWS = 30
#: Sources named in one merged row or list before "and N more".
MAX_NAMED_SOURCES = 5


def figure_rows(f: dict, roles=None) -> tuple[list[tuple[dict, str]], int]:
    """(value entry, its sources) per row to show, and how many rows are left out."""
    values = [v for v in f.get("values", []) if roles is None or v["role"] in roles]
    if len(values) <= MAX_FIGURE_ROWS:
        return [(v, source_name(v["source_id"])) for v in values], 0
    same: dict[tuple, list[dict]] = {}
    for v in values:
        key = (v["role"], v["kind"], " ".join(str(v["text"]).split()), v["value"], v["low"],
               v["high"], v.get("signed"))
        same.setdefault(key, []).append(v)
    rows = [(vs[0], named_sources([v["source_id"] for v in vs])) for vs in same.values()]
    return rows[:MAX_FIGURE_ROWS], max(0, len(rows) - MAX_FIGURE_ROWS)


def named_sources(ids: list[str]) -> str:
    """'a, b, c' or 'a, b, c, d, e and 295 more'."""
    ids = list(dict.fromkeys(ids))
    more = len(ids) - MAX_NAMED_SOURCES
    return ", ".join(map(source_name, ids[:MAX_NAMED_SOURCES])) + \
        (f" and {more} more" if more > 0 else "")


def left_out(n: int) -> str:
    return f"{n} more figures are listed in findings.json." if n else ""


_MD_SPECIAL = re.compile(r"[\\|*_`\[\]<>#]")


def md_escape(text) -> str:
    """Escape what would break Markdown (tables, emphasis, links, HTML)."""
    out = str(text)
    if _MD_SPECIAL.search(out):  # most text has nothing to escape
        out = out.replace("\\", "\\\\")
        for ch in "|*_`[]<>#":
            out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def conflicts_of(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["type"] == "conflict"]


def agreements_of(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["type"] == "agreement"]


def summary_line(doc: dict) -> str:
    """'3 articles, 32 claims: 2 conflicts (2 high, 0 medium, 0 low; 1 open), 5 agreements.'"""
    conflicts = conflicts_of(doc)  # and those a summarised report leaves out
    run = doc["run"]
    n_conflicts = len(conflicts) + hidden(doc, "conflict")
    line = (f"{run['articles']} articles, {run['claims']} claims: "
            f"{n_conflicts} conflicts, {len(agreements_of(doc)) + hidden(doc, 'agreement')} "
            "agreements.")
    if n_conflicts:
        counts = ", ".join(f"{sum(f['severity'] == s for f in conflicts) + hidden(doc, 'conflict', s)}"
                           f" {s}" for s in SEVERITY_ORDER)
        counts += f"; {sum(map(is_open, conflicts)) + hidden(doc, 'conflict', open_only=True)} open"
        line = line.replace(" conflicts,", f" conflicts ({counts}),", 1)
    return line


def as_float(v) -> float:
    return float(v) if v is not None else float("nan")


def bound(v: dict, side: str) -> float:
    """A value entry's interval end (``side``: low or high); null (open)
    or the older "inf"/"-inf" is infinite."""
    return read_bound(v.get(side), side)


def value_cells(v: dict) -> tuple[str, str]:
    """(value, interval) of a finding's value entry, as a report writes them."""
    kind = v.get("kind", "count")
    signed = kind in ("change", "pct_change") and bool(v.get("signed"))
    return _cells(as_float(v["value"]), bound(v, "low"), bound(v, "high"), kind, signed)


@lru_cache(maxsize=1 << 16)
def _cells(value: float, low: float, high: float, kind: str, signed: bool) -> tuple[str, str]:
    """Both reports write each figure in its table and its chart: formatted once."""
    return fmt_number(value, kind, signed=signed), fmt_interval(low, high, kind)


def direction(v: dict) -> str:
    """' (down)' / ' (up)' for a change with a known direction."""
    value = as_float(v["value"])
    if not v.get("signed") or v.get("kind") not in ("change", "pct_change") or not value:
        return ""
    return " (down)" if value < 0 else " (up)"


#: Figures named in a finding's heading before "…".
HEADING_FIGURES = 4


def title(f: dict) -> str:
    """What a finding is about and its figures, for its heading:
    'NCMEC · report · 2024: about 29.2 million vs 20.5 million'; a derived
    finding: '... 7 million (down), 19% (down) vs implied -15.7M, -43.4%'."""
    quantity = " · ".join(p for p in (f["subject"], f["metric"], f["period"]) if p)
    stated: dict[str, str] = {}  # figure text -> as shown (with its direction if any)
    derived: list[str] = []
    for v in f.get("values", []):
        if v["role"] == "derived":
            derived.append(value_cells(v)[0])
        elif v["role"] != "premise":
            text = " ".join(str(v["text"]).split())
            if not stated.get(text, "").endswith(")"):
                stated[text] = text + direction(v)
    shown = _some(list(dict.fromkeys(stated.values())), " vs " if not derived else ", ")
    if derived:
        shown = f"{shown} vs implied {_some(list(dict.fromkeys(derived)), ', ')}"
    return f"{quantity}: {shown}" if shown else quantity


def _some(items: list[str], sep: str) -> str:
    return sep.join(items[:HEADING_FIGURES]) + (f"{sep}…" if len(items) > HEADING_FIGURES else "")


def heading(f: dict) -> str:
    """The finding id and its title: unique within a report (the id is)."""
    return f"{md_escape(f['finding_id'])} · {md_escape(title(f))}"


def cause_name(cause: str) -> str:
    return cause.replace("_", " ")


#: The label of a finding's alignment note in both reports.
ALIGNMENT_LABEL = "Why these are one quantity"


def alignment_note(f: dict) -> str:
    """Why the finding's figures were taken as one quantity, for an editor
    to check: "score 0.74: both measure death, toll; same period 2024"."""
    al = f.get("alignment") or {}
    if al.get("score") is None:
        return ""
    reasons = "; ".join(al.get("reasons", []))
    return f"score {float(al['score']):.2f}" + (f": {reasons}" if reasons else "")


def figures_table(f: dict) -> list[str]:
    lines = ["| Source | Figure as written | Value | Interval | Role |",
             "| --- | --- | --- | --- | --- |"]
    rows, more = figure_rows(f)
    for v, sources in rows:
        value, interval = value_cells(v)
        text = v["text"] if v["role"] != "derived" else f"derived: {v['text']}"
        lines.append(f"| {md_escape(sources)} | {md_escape(text)} | {md_escape(value)} | "
                     f"{md_escape(interval)} | {ROLE_NAMES.get(v['role'], v['role'])} |")
    return lines + (["", left_out(more)] if more else [])


def evidence_lines(f: dict) -> list[str]:
    lines = []
    for e in f.get("evidence", []):
        why = f"cause: “{md_escape(e['cue'])}”" if e.get("cue") else e.get("role", "figure")
        lines += [f"> {md_escape(e['sentence'])}", ">",
                  f"> — {md_escape(source_name(e['source_id']))}, characters {e['start_char']}–"
                  f"{e['end_char']} ({why})", ""]
    return lines


def conflict_block(f: dict) -> list[str]:
    status = "open" if is_open(f) else f"reviewed: {f['review']['verdict']}"
    lines = [f"#### {heading(f)}", "",
             f"**{f['severity'].capitalize()}**, cause: **{cause_name(f['cause'])}**"
             f"{' (derived)' if f['basis'] == 'derived' else ''}, **{status}**", ""]
    lines += review_markdown(f) + [""]
    lines += figures_table(f) + [""]
    if f.get("derivation"):
        lines += [f"**Derived:** {md_escape(f['derivation'])}", ""]
    lines += [f"**Explanation:** {md_escape(f.get('explanation', ''))}", ""]
    if note := alignment_note(f):
        lines += [f"**{ALIGNMENT_LABEL}:** {md_escape(note)}", ""]
    lines += evidence_lines(f)
    if f.get("suggested_wording"):
        lines += [f"**Suggested wording:** {md_escape(f['suggested_wording'])}", ""]
    return lines


_SAFE_URL = re.compile(r"https?://[^\s<>()\[\]]+\Z", re.I)


def safe_url(url) -> str:
    """An http(s) address to link to, or "" (no javascript: or data: links)."""
    url = str(url or "").strip()
    return url if _SAFE_URL.match(url) else ""


def source_link(s: dict) -> str:
    """The source's label, linked to its article when sources.csv gives a URL."""
    label = md_escape(source_name(s["source_id"]))
    url = safe_url(s.get("url"))
    return f"[{label}]({url})" if url else label


def agreement_rows(doc: dict) -> list[str]:
    lines = ["| Finding | Subject | Metric | Period | Figures | Sources | Aligned by |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for f in agreements_of(doc):
        rows, more = figure_rows(f, ("stated", "derived"))
        figs = "; ".join(dict.fromkeys(f"{v['text']}{direction(v)} ({sources})"
                                       for v, sources in rows))
        figs += f" ({left_out(more)})" if more else ""
        lines.append(f"| {f['finding_id']} | {md_escape(f['subject'])} | "
                     f"{md_escape(f['metric'])} | {md_escape(f['period'])} | {md_escape(figs)} | "
                     f"{md_escape(named_sources(f['sources']))} | "
                     f"{md_escape(alignment_note(f))} |")
    return lines


def render_markdown(doc: dict) -> str:
    with naming(source_labels(doc.get("sources", []))):
        return _render_markdown(doc)


def _render_markdown(doc: dict) -> str:
    lines = ["# claimcheck report", "", summary_line(doc), "",
             f"Generated at {doc.get('generated_at', '')} by claimcheck "
             f"{doc.get('tool_version', '')}.", ""]
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
    if not_shown(doc):
        lines += ["", f"## {NOT_SHOWN_TITLE}", "", not_shown_note(doc), "",
                  "| " + " | ".join(NOT_SHOWN_HEADS) + " |",
                  "|" + " --- |" * len(NOT_SHOWN_HEADS)]
        lines += ["| " + " | ".join(map(md_escape, r)) + " |" for r in not_shown_rows(doc)]
    lines += ["", "## Sources", "", "| Source | Title | Publisher | Published | File | Claims |",
              "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {source_link(s)} | {md_escape(s.get('title', ''))} | "
              f"{md_escape(s.get('publisher', ''))} | {md_escape(s.get('published', ''))} | "
              f"{md_escape(s['source_id'])} | {s.get('claims', 0)} |"
              for s in doc.get("sources", [])]
    if stamp_line(doc):
        lines += ["", f"_{md_escape(stamp_line(doc))}_"]
    return "\n".join(lines) + "\n"
