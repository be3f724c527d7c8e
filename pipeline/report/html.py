"""report.html: one self-contained page that works offline (inline CSS and
JavaScript, no external assets) with the same content as report.md, the
figures highlighted in the quoted sentences, a small SVG chart per conflict
and the full claim table, sortable (click a header) and filterable.

Everything taken from an article goes through :func:`html.escape`.
"""
from __future__ import annotations

import math
from html import escape

from ..figures import fmt_number
from ..model import CLAIM_COLUMNS
from .findings import stamp_line
from .newsince import newsince_html, review_html
from .table import table_columns
from .markdown import (ALIGNMENT_LABEL, SEVERITY_ORDER, ROLE_NAMES, agreements_of,
                       alignment_note, as_float, cause_name, conflicts_of, figure_rows,
                       left_out, summary_line, value_cells)

CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222}
h1{margin-bottom:.2em}.summary{font-size:1.1em}
section.finding{border-left:5px solid #999;padding:.3em 1em;margin:1.2em 0;background:#fafafa}
section.finding.conflict.high{border-color:#c0392b}
section.finding.conflict.medium{border-color:#e67e22}
section.finding.conflict.low{border-color:#f1c40f}section.finding.agreement{border-color:#27ae60}
.badge{display:inline-block;padding:0 .5em;border-radius:3px;font-size:.85em;color:#fff;
background:#777}
.badge.high{background:#c0392b}.badge.medium{background:#e67e22}.badge.low{background:#b7950b}
blockquote{margin:.5em 0;padding:.2em .8em;border-left:3px solid #ccc;background:#fff}
blockquote cite{display:block;font-size:.85em;color:#666;font-style:normal}
mark.num{background:#ffe08a;padding:0 .1em}mark.cue{background:#cde8ff;padding:0 .1em}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#eee}table.sortable th{cursor:pointer}
table.sortable th[data-dir=asc]::after{content:" ▲"}
table.sortable th[data-dir=desc]::after{content:" ▼"}
svg.chart{display:block;margin:.5em 0;background:#fff;border:1px solid #ddd}
svg.chart .zero{stroke:#bbb;stroke-dasharray:3 3}.wide{overflow-x:auto}
svg.chart .interval{stroke:#555;stroke-width:3}svg.chart .derived .interval{stroke:#8e44ad}
svg.chart .point{fill:#c0392b}svg.chart .derived .point{fill:#8e44ad}svg.chart text{font-size:11px}
.suggestion{background:#eef7ee;padding:.4em .8em}#claim-filter{width:24em;padding:.3em}
"""

SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.dataset.dir !== 'asc';
      Array.prototype.forEach.call(heads, function (h) { delete h.dataset.dir; });
      th.dataset.dir = asc ? 'asc' : 'desc';
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var t = row.cells[col].textContent.trim();
        var n = Number(t === 'inf' ? Infinity : t);
        return (t !== '' && !isNaN(n)) ? n : t.toLowerCase();
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b), r;
        if (typeof x === 'number' && typeof y === 'number') { r = x - y; }
        else { r = String(x).localeCompare(String(y)); }
        return asc ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
var filter = document.getElementById('claim-filter');
if (filter) {
  filter.addEventListener('input', function () {
    var q = filter.value.toLowerCase();
    document.querySelectorAll('#claims tbody tr').forEach(function (row) {
      row.hidden = q !== '' && row.textContent.toLowerCase().indexOf(q) < 0;
    });
  });
}
"""


def highlighted(sentence: str, start: int, spans: list[tuple[int, int, str]]) -> str:
    """The sentence, escaped, with the given article spans wrapped in <mark>."""
    out, pos = [], 0
    for s, e, cls in sorted(spans):
        s, e = s - start, e - start
        if s < pos or s < 0 or e > len(sentence) or e <= s:
            continue
        out += [escape(sentence[pos:s]), f'<mark class="{cls}">', escape(sentence[s:e]), "</mark>"]
        pos = e
    out.append(escape(sentence[pos:]))
    return "".join(out)


def evidence_html(f: dict) -> str:
    parts = []
    quoted = {e["source_id"] for e in f.get("evidence", [])}
    values = [v for v in f.get("values", []) if v["source_id"] in quoted]
    for e in f.get("evidence", []):
        spans = [(int(v["start_char"]), int(v["end_char"]), "num") for v in values
                 if v["source_id"] == e["source_id"] and v.get("start_char", -1) >= 0
                 and e["start_char"] <= v["start_char"] < e["end_char"]]
        cue = e.get("cue") or ""
        at = e["sentence"].lower().find(cue.lower()) if cue else -1
        if at >= 0:
            spans.append((e["start_char"] + at, e["start_char"] + at + len(cue), "cue"))
        role = f"cause: “{escape(cue)}”" if cue else escape(e.get("role", "figure"))
        parts.append(f'<blockquote class="{escape(e.get("role", "figure"))}">'
                     f'{highlighted(e["sentence"], e["start_char"], spans)}'
                     f'<cite>{escape(e["source_id"])}, characters {e["start_char"]}–'
                     f'{e["end_char"]} ({role})</cite></blockquote>')
    return "\n".join(parts)


def figures_html(f: dict) -> str:
    rows = []
    shown, more = figure_rows(f)
    for v, sources in shown:
        value, interval = value_cells(v)
        text = v["text"] if v["role"] != "derived" else f"derived: {v['text']}"
        rows.append(f"<tr><td>{escape(sources)}</td><td>{escape(text)}</td>"
                    f"<td>{escape(value)}</td><td>{escape(interval)}</td>"
                    f"<td>{escape(ROLE_NAMES.get(v['role'], v['role']))}</td></tr>")
    return ("<table class=figures><thead><tr><th>Source</th><th>Figure as written</th>"
            "<th>Value</th><th>Interval</th><th>Role</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>"
            + (f"<p>{escape(left_out(more))}</p>" if more else ""))


def chart_svg(entries: list[dict], width: int = 620, label_w: int = 250, row_h: int = 22) -> str:
    """Each figure's value (dot) and interval (bar) on one axis; open ends run
    to the edge with an arrow."""
    finite = [x for v in entries for x in (as_float(v["low"]), as_float(v["high"]),
                                           as_float(v["value"])) if math.isfinite(x)]
    if not finite:
        return ""
    lo, hi = data_lo, data_hi = min(finite), max(finite)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad
    x0, x1 = label_w, width - 12

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return round(x0 + (v - lo) / (hi - lo) * (x1 - x0), 1)

    height = row_h * len(entries) + 24
    rows = []
    for i, v in enumerate(entries):
        y = 14 + i * row_h
        a, b, c = as_float(v["low"]), as_float(v["high"]), as_float(v["value"])
        source = v["source_id"] if len(v["source_id"]) <= 12 else v["source_id"][:11] + "…"
        label = f"{source}: {v['text']}"
        label = label if len(label) <= 38 else label[:37] + "…"
        arrow = ("→" if math.isinf(b) else "") + ("←" if math.isinf(a) else "")
        value, interval = value_cells(v)
        rows.append(
            f'<g class="row {escape(v["role"])}"><title>{escape(v["source_id"])}: '
            f'{escape(v["text"])} = {escape(value)} ({escape(interval)})</title>'
            f'<text x="4" y="{y + 4}">{escape(label)}</text>'
            f'<line class="interval" x1="{x(a)}" x2="{x(b)}" y1="{y}" y2="{y}"/>'
            f'<circle class="point" cx="{x(c)}" cy="{y}" r="4"/>'
            + (f'<text x="{x1 - 8}" y="{y - 4}">{arrow}</text>' if arrow else "") + "</g>")
    axis_y = height - 8
    if lo < 0 < hi:
        rows.insert(0, f'<line class="zero" x1="{x(0)}" x2="{x(0)}" y1="2" y2="{height - 20}"/>')
    kind = entries[0].get("kind", "count")
    return (f'<svg class="chart" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img">'
            + "".join(rows)
            + f'<text x="{x(data_lo)}" y="{axis_y}" text-anchor="middle">'
            f'{escape(fmt_number(data_lo, kind))}</text>'
            f'<text x="{x(data_hi)}" y="{axis_y}" text-anchor="middle">'
            f'{escape(fmt_number(data_hi, kind))}</text></svg>')


def charts(f: dict) -> str:
    """One chart per kind of figure compared (a derived finding may compare a
    change and a percentage change)."""
    by_kind: dict[str, list[dict]] = {}
    for v, _ in figure_rows(f, ("stated", "derived"))[0]:
        by_kind.setdefault(v["kind"], []).append(v)
    return "".join(chart_svg(same_sign(vs)) for vs in by_kind.values())


def same_sign(entries: list[dict]) -> list[dict]:
    """A change stated without a direction is drawn on the side the signed
    figures are on (it was compared by size)."""
    signed = [as_float(v["value"]) for v in entries if v.get("signed")]
    if not signed or not all(x < 0 for x in signed):
        return entries
    return [v if v.get("signed") else
            {**v, "value": -as_float(v["value"]), "low": -as_float(v["high"]),
             "high": -as_float(v["low"])} for v in entries]


def finding_html(f: dict) -> str:
    sev = f["severity"] if f["type"] == "conflict" else ""
    cls = f"finding {escape(f['type'])} {escape(sev)}".strip()
    title = " · ".join(escape(p) for p in (f["subject"], f["metric"], f["period"]) if p)
    head = (f'<section class="{cls}" id="{escape(f["finding_id"])}">'
            f"<h3>{escape(f['finding_id'])}: {title}</h3>")
    note = alignment_note(f)
    aligned = (f'<p class="alignment"><strong>{ALIGNMENT_LABEL}:</strong> {escape(note)}</p>'
               if note else "")
    if f["type"] == "agreement":
        return (head + f"<p>{escape(f.get('explanation', ''))}</p>" + aligned
                + evidence_html(f) + "</section>")
    badge = f'<span class="badge {escape(sev)}">{escape(sev)}</span>'
    derived = " (derived)" if f["basis"] == "derived" else ""
    parts = [head, f"<p>{badge} cause: <strong>{escape(cause_name(f['cause']))}</strong>"
                   f"{derived}</p>", figures_html(f), charts(f)]
    if f.get("derivation"):
        parts.append(f"<p><strong>Derived:</strong> {escape(f['derivation'])}</p>")
    parts.append(f"<p><strong>Explanation:</strong> {escape(f.get('explanation', ''))}</p>")
    parts.append(aligned)
    parts.append(evidence_html(f))
    if f.get("suggested_wording"):
        parts.append(f'<p class="suggestion"><strong>Suggested wording:</strong> '
                     f"{escape(f['suggested_wording'])}</p>")
    parts.append(review_html(f))
    return "\n".join(parts) + "</section>"


def claims_table(table) -> str:
    """The claim table (a DataFrame or a list of claims) as a sortable table."""
    columns = table_columns(table)
    cols = [c for c in CLAIM_COLUMNS if table is None or c in columns]
    head = "".join(f"<th>{escape(c)}</th>" for c in cols)
    cells = [[v if type(v) is str else _cell(v) for v in columns.get(c, [])] for c in cols]
    return (f'<table id="claims" class="sortable"><thead><tr>{head}</tr></thead><tbody>'
            + _rows_html(cells) + "</tbody></table>")


#: Cell and row separators for escaping a whole table body in one call
#: (html.escape leaves these control characters alone).
_CELL, _ROW = "\x1f", "\x1e"


def _rows_html(cells: list[list[str]]) -> str:
    """``<tr><td>..</td></tr>`` rows, joined by newlines, of the given columns
    of cells, every cell escaped."""
    if not cells or not cells[0]:
        return ""
    n_rows, n_cols = len(cells[0]), len(cells)
    body = _ROW.join(_CELL.join(row) for row in zip(*cells))
    if body.count(_CELL) != n_rows * (n_cols - 1) or body.count(_ROW) != n_rows - 1:
        return "\n".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
                         for row in zip(*cells))  # a cell holds a separator
    body = escape(body).replace(_CELL, "</td><td>").replace(_ROW, "</td></tr>\n<tr><td>")
    return f"<tr><td>{body}</td></tr>"


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def render_html(doc: dict, table) -> str:
    """The report page; ``table``: the claim table (a DataFrame or a list of claims)."""
    conflicts = conflicts_of(doc)
    parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>claimcheck report</title>", f"<style>{CSS}</style></head><body>",
             "<h1>claimcheck report</h1>",
             f'<p class="summary">{escape(summary_line(doc))}</p>', newsince_html(doc),
             "<h2>Conflicts</h2>"]
    if not conflicts:
        parts.append("<p>No conflicts found.</p>")
    for sev in SEVERITY_ORDER:
        these = [f for f in conflicts if f["severity"] == sev]
        if these:
            parts.append(f"<h3 class=severity>{escape(sev.capitalize())} severity</h3>")
            parts += [finding_html(f) for f in these]
    parts.append("<h2>Agreements</h2>")
    parts += [finding_html(f) for f in agreements_of(doc)] or ["<p>None.</p>"]
    parts.append("<h2>Sources</h2><table><thead><tr><th>Source</th><th>Title</th>"
                 "<th>Publisher</th><th>Claims</th></tr></thead><tbody>")
    parts += [f"<tr><td>{escape(s['source_id'])}</td><td>{escape(s.get('title', ''))}</td>"
              f"<td>{escape(s.get('publisher', ''))}</td><td>{s.get('claims', 0)}</td></tr>"
              for s in doc.get("sources", [])]
    parts.append("</tbody></table><h2>Claims</h2>"
                 '<p><input id="claim-filter" type="search" placeholder="Filter claims…" '
                 'aria-label="Filter claims"></p>')
    parts.append(f'<div class="wide">{claims_table(table)}</div>')
    if stamp_line(doc):
        parts.append(f'<p class="stamp"><small>{escape(stamp_line(doc))}</small></p>')
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"
