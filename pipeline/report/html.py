"""report.html: one self-contained page (inline CSS, no external assets).
Everything taken from an article is escaped."""
from __future__ import annotations

from html import escape

from .markdown import summary_line
from .newsince import newsince_html, review_html

CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:70em;margin:2em auto;padding:0 1em}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 6px}
.conflict{border-left:4px solid #c33;padding:0 1em;margin:1em 0}"""


def render_html(doc: dict, frame) -> str:
    parts = ["<!doctype html><html lang=en><meta charset=utf-8>",
             "<title>claimcheck report</title>", f"<style>{CSS}</style>",
             "<h1>claimcheck report</h1>", f"<p>{escape(summary_line(doc))}</p>",
             newsince_html(doc)]
    for f in doc["findings"]:
        if f["type"] != "conflict":
            continue
        parts.append(f"<section class=conflict><h3>{escape(f['finding_id'])}: "
                     f"{escape(f['subject'])}, {escape(f['metric'])}, {escape(f['period'])}</h3>"
                     f"<p>{escape(f.get('explanation', ''))}</p>" + review_html(f))
        for e in f.get("evidence", []):
            parts.append(f"<blockquote>{escape(e['sentence'])} <cite>{escape(e['source_id'])}"
                         f"</cite></blockquote>")
        parts.append("</section>")
    parts.append("<h2>Claims</h2>")
    parts.append(frame.to_html(index=False, escape=True, na_rep=""))
    return "\n".join(parts) + "\n"
