"""report.html: one self-contained page that works offline (inline CSS and
JavaScript, no external assets) with the same content as report.md, the
figures highlighted in the quoted sentences, a small SVG chart per conflict
and the full claim table, sortable (click a header) and filterable.

Everything taken from an article goes through :func:`html.escape`.
"""
from __future__ import annotations

import math
from html import escape

from ..figures import PERCENT_KINDS, fmt_number, fmt_plain
from ..model import CLAIM_COLUMNS
from ..labels import name as source_name, naming, source_labels, url as source_url
from .newsince import is_open, newsince_html, review_html
from .findings import stamp_line
from .table import table_columns
from .summary import NOT_SHOWN_HEADS, NOT_SHOWN_TITLE, not_shown, not_shown_note, not_shown_rows
from .markdown import (ALIGNMENT_LABEL, SEVERITY_ORDER, ROLE_NAMES, agreements_of,
                       alignment_note, as_float, bound, cause_name, conflicts_of, figure_rows,
                       left_out, safe_url, summary_line, title, value_cells)

CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:72em;margin:2em auto;padding:0 1em;color:#222;
overflow-wrap:anywhere}
h1{margin-bottom:.2em}.summary{font-size:1.1em}.generated{color:#666;font-size:.9em}
section.finding{border-left:5px solid #999;padding:.3em 1em;margin:1.2em 0;background:#fafafa}
section.finding.conflict.high{border-color:#c0392b}
section.finding.conflict.medium{border-color:#e67e22}
section.finding.conflict.low{border-color:#f1c40f}section.finding.agreement{border-color:#27ae60}
section.finding.conflict.reviewed{border-color:#95a5a6;border-left-style:dashed;background:#f1f3f4;
color:#444}
section.finding.conflict.open{box-shadow:0 0 0 2px #fbe3e0}
.badge,.status{display:inline-block;padding:0 .5em;border-radius:3px;font-size:.85em;color:#fff;
background:#777}
.badge.high{background:#c0392b}.badge.medium{background:#e67e22}.badge.low{background:#b7950b}
.reviewed .badge{background:#95a5a6}
.status.open{background:#fff;color:#c0392b;border:1px solid #c0392b;font-weight:bold}
.status.reviewed{background:#2e7d32}
p.review code,p.history code{background:#fff;border:1px solid #ddd;padding:0 .3em;
font-size:.9em}
blockquote{margin:.5em 0;padding:.2em .8em;border-left:3px solid #ccc;background:#fff}
blockquote cite{display:block;font-size:.85em;color:#666;font-style:normal}
mark.num{background:#ffe08a;padding:0 .1em}mark.cue{background:#cde8ff;padding:0 .1em}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;overflow-wrap:break-word}
th{background:#eee}table.sortable th{cursor:pointer}
table.sortable th[data-dir=asc]::after{content:" ▲"}
table.sortable th[data-dir=desc]::after{content:" ▼"}
#claims td,#claims th{overflow-wrap:normal}#claims td:nth-child(2){white-space:nowrap}
#claims td:nth-child(6){text-align:right;white-space:nowrap}
#claims:not(.all) th:nth-child(n+7),#claims:not(.all) td:nth-child(n+7){display:none}
svg.chart{display:block;width:100%;max-width:600px;height:auto;margin:.5em 0;background:#fff;
border:1px solid #ddd}
svg.chart text{font-size:15px}svg.chart .axis-title{font-style:italic;fill:#555}
svg.chart .zero{stroke:#bbb;stroke-dasharray:3 3}.wide{overflow-x:auto;max-width:100%}
svg.chart .axis,svg.chart .tick{stroke:#888}
svg.chart .interval{stroke:#555;stroke-width:4}svg.chart .derived .interval{stroke:#8e44ad}
svg.chart .point{fill:#c0392b}svg.chart .derived .point{fill:#8e44ad}
.suggestion{background:#eef7ee;padding:.4em .8em}
#claim-filter{width:24em;max-width:100%;padding:.3em;box-sizing:border-box}
@media (max-width:600px){body{margin:1em auto;padding:0 .6em}section.finding{padding:.3em .6em}}
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
        var u = t.replace(/[,%]/g, '');
        var n = Number(u === '∞' || u === 'inf' ? Infinity :
                       u === '-∞' || u === '-inf' ? -Infinity : u);
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
var columns = document.getElementById('claim-columns');
if (columns) {
  columns.addEventListener('toggle', function () {
    document.getElementById('claims').classList.toggle('all', columns.open);
  });
}
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
                     f'<cite>{source_html(e["source_id"])}, characters {e["start_char"]}–'
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
    return ('<div class="wide"><table class=figures><thead><tr><th>Source</th>'
            "<th>Figure as written</th><th>Value</th><th>Interval</th><th>Role</th></tr>"
            "</thead><tbody>" + "".join(rows) + "</tbody></table></div>"
            + (f"<p>{escape(left_out(more))}</p>" if more else ""))


#: Axis titles per kind of figure.
KIND_AXIS = {"count": "count", "percent": "percent", "change": "change",
             "pct_change": "% change", "multiple": "times", "rate": "rate", "amount": "amount"}


def chart_svg(entries: list[dict], axis_title: str = "", width: int = 600,
              row_h: int = 40) -> str:
    """Each figure's value (dot) and interval (bar) on one horizontal axis,
    with the source and figure written above its bar; open ends run to the
    edge with an arrow. The drawing scales to the width of the screen
    (viewBox, width 100%), so every point stays visible on a phone."""
    finite = [x for v in entries for x in (bound(v, "low"), bound(v, "high"),
                                           as_float(v["value"])) if math.isfinite(x)]
    if not finite:
        return ""
    lo, hi = data_lo, data_hi = min(finite), max(finite)
    pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
    lo, hi = lo - pad, hi + pad
    x0, x1 = 12, width - 12

    def x(v: float) -> float:
        v = min(max(v, lo), hi)
        return round(x0 + (v - lo) / (hi - lo) * (x1 - x0), 1)

    top = 6
    axis_y = top + row_h * len(entries) + 4
    height = axis_y + 44
    kind = entries[0].get("kind", "count")
    rows = []
    for i, v in enumerate(entries):
        y = top + i * row_h + 34  # the bar; its label above it
        a, b, c = bound(v, "low"), bound(v, "high"), as_float(v["value"])
        who = source_name(v["source_id"])
        label = f"{who}: {' '.join(str(v['text']).split())}"
        label = label if len(label) <= 64 else label[:63] + "…"
        arrow = ("→" if math.isinf(b) else "") + ("←" if math.isinf(a) else "")
        value, interval = value_cells(v)
        rows.append(
            f'<g class="row {escape(v["role"])}"><title>{escape(who)}: '
            f'{escape(v["text"])} = {escape(value)} ({escape(interval)})</title>'
            f'<text class="label" x="{x0}" y="{y - 12}">{escape(label)}</text>'
            f'<line class="interval" x1="{x(a)}" x2="{x(b)}" y1="{y}" y2="{y}"/>'
            f'<circle class="point" cx="{x(c)}" cy="{y}" r="6"/>'
            + (f'<text x="{x1 - 14}" y="{y - 6}">{arrow}</text>' if arrow else "") + "</g>")
    if lo < 0 < hi:
        rows.insert(0, f'<line class="zero" x1="{x(0)}" x2="{x(0)}" y1="{top}" y2="{axis_y}"/>')
    ticks = sorted({data_lo, data_hi, *([0.0] if lo < 0 < hi else [])})
    if len(ticks) == 2 and data_hi > data_lo:  # and the middle, for scale
        ticks.insert(1, (data_lo + data_hi) / 2)
    tick_marks = "".join(
        f'<line class="tick" x1="{x(t)}" x2="{x(t)}" y1="{axis_y}" y2="{axis_y + 5}"/>'
        f'<text x="{x(t)}" y="{axis_y + 20}" text-anchor="{_anchor(x(t), x0, x1)}">'
        f"{escape(fmt_number(t, kind))}</text>" for t in ticks)
    title = axis_title or KIND_AXIS.get(kind, kind)
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" '
            f'preserveAspectRatio="xMinYMin meet" role="img" aria-label="{escape(title)}">'
            + "".join(rows)
            + f'<line class="axis" x1="{x0}" x2="{x1}" y1="{axis_y}" y2="{axis_y}"/>'
            + tick_marks
            + f'<text class="axis-title" x="{width / 2:g}" y="{height - 4}" '
            f'text-anchor="middle">{escape(title)}</text></svg>')


def _anchor(at: float, x0: float, x1: float) -> str:
    """Tick labels at the ends of the axis stay inside the drawing."""
    return "start" if at - x0 < 40 else "end" if x1 - at < 40 else "middle"


def charts(f: dict) -> str:
    """One chart per kind of figure compared (a derived finding may compare a
    change and a percentage change)."""
    by_kind: dict[str, list[dict]] = {}
    for v, _ in figure_rows(f, ("stated", "derived"))[0]:
        by_kind.setdefault(v["kind"], []).append(v)
    what = f.get("metric") or ""
    return "".join(chart_svg(same_sign(vs), ", ".join(
        x for x in (what, KIND_AXIS.get(kind, kind)) if x)) for kind, vs in by_kind.items())


def same_sign(entries: list[dict]) -> list[dict]:
    """A change stated without a direction is drawn on the side the signed
    figures are on (it was compared by size)."""
    signed = [as_float(v["value"]) for v in entries if v.get("signed")]
    if not signed or not all(x < 0 for x in signed):
        return entries
    return [v if v.get("signed") else
            {**v, "value": -as_float(v["value"]), "low": -bound(v, "high"),
             "high": -bound(v, "low")} for v in entries]


def finding_html(f: dict) -> str:
    sev = f["severity"] if f["type"] == "conflict" else ""
    state = "open" if is_open(f) else "reviewed" if f.get("review") else ""
    cls = f"finding {escape(f['type'])} {escape(sev)} {state}".strip()
    head = (f'<section class="{cls}" id="{escape(f["finding_id"])}">'
            f"<h3>{escape(f['finding_id'])}: {escape(title(f))}</h3>")
    note = alignment_note(f)
    aligned = (f'<p class="alignment"><strong>{ALIGNMENT_LABEL}:</strong> {escape(note)}</p>'
               if note else "")
    if f["type"] == "agreement":
        return (head + f"<p>{escape(f.get('explanation', ''))}</p>" + aligned
                + evidence_html(f) + "</section>")
    badge = f'<span class="badge {escape(sev)}">{escape(sev)}</span>'
    status = (f'<span class="status reviewed">reviewed: {escape(f["review"]["verdict"])}</span>'
              if f.get("review") else '<span class="status open">open</span>')
    derived = " (derived)" if f["basis"] == "derived" else ""
    parts = [head, f"<p>{status} {badge} cause: <strong>{escape(cause_name(f['cause']))}"
                   f"</strong>{derived}</p>", review_html(f), figures_html(f), charts(f)]
    if f.get("derivation"):
        parts.append(f"<p><strong>Derived:</strong> {escape(f['derivation'])}</p>")
    parts.append(f"<p><strong>Explanation:</strong> {escape(f.get('explanation', ''))}</p>")
    parts.append(aligned)
    parts.append(evidence_html(f))
    if f.get("suggested_wording"):
        parts.append(f'<p class="suggestion"><strong>Suggested wording:</strong> '
                     f"{escape(f['suggested_wording'])}</p>")
    return "\n".join(parts) + "</section>"


#: The claim table's key columns, shown first: (header, claim column).
KEY_COLUMNS = (("article", "source_id"), ("figure as written", "text"), ("subject", "subject"),
               ("metric", "metric"), ("period", "period"), ("value", "value"))
#: Columns whose numbers the page formats (29,200,000; 55%; ∞ for an open end).
NUMBER_COLUMNS = ("value", "low", "high")


def claims_table(table) -> str:
    """:func:`claims_table_pieces` as one string."""
    return "".join(claims_table_pieces(table))


def claims_table_pieces(table) -> list[str]:
    """The claim table (a DataFrame or a list of claims) as a sortable table:
    the key columns first (the article by name, the figure as written,
    subject, metric, period, the value formatted), then the others, which the
    page shows when its "all columns" toggle is open."""
    columns = table_columns(table)
    kinds = [str(k) for k in columns.get("kind", [])]
    keys = [c for _, c in KEY_COLUMNS]
    rest = [c for c in CLAIM_COLUMNS if c not in keys[1:] and (table is None or c in columns)]
    heads = [h for h, _ in KEY_COLUMNS] + rest
    n = len(kinds) if kinds else max(map(len, columns.values()), default=0)
    body = []
    for at in range(0, n, TABLE_BLOCK):  # a block of rows at a time: bounded working memory
        cells = []
        for c in keys + rest:
            values = columns.get(c, [])[at:at + TABLE_BLOCK]
            if c == "source_id" and len(cells) == 0:
                cells.append([source_name(str(v)) for v in values])
            elif c in NUMBER_COLUMNS:
                cells.append([_number_cell(v, k) for v, k in zip(values, kinds[at:at + TABLE_BLOCK])])
            else:
                cells.append([v if type(v) is str else _cell(v) for v in values])
        body.append(_rows_html(cells))
    head = "".join(f"<th>{escape(h)}</th>" for h in heads)
    return [f'<table id="claims" class="sortable" data-key-columns="{len(KEY_COLUMNS)}">'
            f"<thead><tr>{head}</tr></thead><tbody>",
            *(piece for i, block in enumerate(body) for piece in ((block,) if not i
                                                                   else ("\n", block))),
            "</tbody></table>"]


#: Rows of the claim table made at a time (claims_table).
TABLE_BLOCK = 2000


def _number_cell(v, kind: str) -> str:
    """29200000 -> '29,200,000'; 55 (percent) -> '55%'; an open end -> '∞'."""
    if v is None or (isinstance(v, float) and math.isnan(v)) or v == "":
        return ""
    try:
        v = float(v)
    except (TypeError, ValueError):
        return str(v)
    text = fmt_plain(v, 4)
    return text + "%" if kind in PERCENT_KINDS and math.isfinite(v) else text


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
        return ""  # an open end, as in claims.csv
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def render_html(doc: dict, table) -> str:
    """The report page; ``table``: the claim table (a DataFrame or a list of claims)."""
    return "".join(html_pieces(doc, table))


def html_pieces(doc: dict, table) -> list[str]:
    """:func:`render_html`'s page in pieces, to write without joining them
    (the claim table of an archive is tens of MB)."""
    sources = doc.get("sources", [])
    urls = {s["source_id"]: u for s in sources if (u := safe_url(s.get("url")))}
    with naming(source_labels(sources), urls):
        parts = _render_html(doc, table)
    return [piece for i, part in enumerate(parts)
            for piece in ((("\n",) if i else ()) + (tuple(part) if isinstance(part, list)
                                                      else (part,)))] + ["\n"]


def source_html(source_id: str) -> str:
    """The source's label, linked to its article when its URL is known."""
    label = escape(source_name(source_id))
    link = source_url(source_id)
    return f'<a href="{escape(link)}" rel="noopener">{label}</a>' if link else label


def sources_html(doc: dict) -> str:
    """Each article by its label, linked to its URL, with title, publisher and file."""
    rows = []
    for s in doc.get("sources", []):
        rows.append(f"<tr><td>{source_html(s['source_id'])}</td><td>{escape(s.get('title', '') or '')}</td>"
                    f"<td>{escape(s.get('publisher', '') or '')}</td>"
                    f"<td>{escape(s.get('published', '') or '')}</td>"
                    f"<td>{escape(s['source_id'])}</td><td>{s.get('claims', 0)}</td></tr>")
    return ('<div class="wide"><table id="sources"><thead><tr><th>Source</th><th>Title</th>'
            "<th>Publisher</th><th>Published</th><th>File</th><th>Claims</th></tr></thead>"
            "<tbody>" + "".join(rows) + "</tbody></table></div>")


def _render_html(doc: dict, table) -> list:
    """The page's parts, one joined by a line break to the next; a list part
    (the claim table) is pieces joined as they are."""
    conflicts = conflicts_of(doc)
    parts = ['<!doctype html><html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             "<title>claimcheck report</title>", f"<style>{CSS}</style></head><body>",
             "<h1>claimcheck report</h1>",
             f'<p class="summary">{escape(summary_line(doc))}</p>',
             f'<p class="generated">Generated at <time>{escape(doc.get("generated_at", ""))}'
             f"</time> by claimcheck {escape(str(doc.get('tool_version', '')))}.</p>",
             newsince_html(doc), "<h2>Conflicts</h2>"]
    if not conflicts:
        parts.append("<p>No conflicts found.</p>")
    for sev in SEVERITY_ORDER:
        these = [f for f in conflicts if f["severity"] == sev]
        if these:
            parts.append(f"<h3 class=severity>{escape(sev.capitalize())} severity</h3>")
            parts += [finding_html(f) for f in these]
    parts.append("<h2>Agreements</h2>")
    parts += [finding_html(f) for f in agreements_of(doc)] or ["<p>None.</p>"]
    if not_shown(doc):
        parts.append(f"<h2>{escape(NOT_SHOWN_TITLE)}</h2><p>{escape(not_shown_note(doc))}</p>"
                     '<table id="not-shown"><thead><tr>'
                     + "".join(f"<th>{escape(h)}</th>" for h in NOT_SHOWN_HEADS)
                     + "</tr></thead><tbody>" + _rows_html(list(map(list, zip(*not_shown_rows(doc)))))
                     + "</tbody></table>")
    parts.append("<h2>Sources</h2>" + sources_html(doc))
    parts.append("<h2>Claims</h2>"
                 '<p><input id="claim-filter" type="search" placeholder="Filter claims…" '
                 'aria-label="Filter claims"></p>'
                 '<details id="claim-columns"><summary>Show all columns (kind, interval, '
                 "qualifier, unit, sentence, offsets, ids…)</summary></details>")
    parts.append(['<div class="wide">', *claims_table_pieces(table), "</div>"])
    if stamp_line(doc):
        parts.append(f'<p class="stamp"><small>{escape(stamp_line(doc))}</small></p>')
    parts.append(f"<script>{SCRIPT}</script></body></html>")
    return parts
