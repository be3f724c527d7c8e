"""findings.json exactly as the contract describes it."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timezone

from .. import __version__


def findings_document(articles, claims, findings, reprocessed: int, seconds: float) -> dict:
    per_source = Counter(c.source_id for c in claims)
    return {
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool_version": __version__,
        "run": {"articles": len(articles), "reprocessed": reprocessed,
                "claims": len(claims), "seconds": round(seconds, 2)},
        "sources": [{**a.metadata(), "claims": per_source.get(a.source_id, 0)}
                    for a in articles],
        "findings": [f.to_json() for f in findings],
    }


def findings_json(doc: dict) -> str:
    """Indented like ``json.dumps(indent=2)``, except that a record of plain
    values (a figure, a quote, a source) or a list of plain values stands on
    one line: shorter to read, and written by json's C encoder (the indented
    encoder is pure Python and took seconds for a thousand articles)."""
    return _layout(doc, 0, json.JSONEncoder(ensure_ascii=False).encode) + "\n"


def _layout(obj, depth: int, encode) -> str:
    if isinstance(obj, (dict, list)) and obj and not _flat(obj):
        pad, inner = "  " * depth, "  " * (depth + 1)
        if isinstance(obj, dict):
            items = [f"{inner}{encode(k)}: {_layout(v, depth + 1, encode)}" for k, v in obj.items()]
            return "{\n" + ",\n".join(items) + f"\n{pad}}}"
        items = [inner + _layout(v, depth + 1, encode) for v in obj]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return encode(obj)


def _flat(obj: dict | list) -> bool:
    return not any(isinstance(v, (dict, list)) for v in (obj.values() if isinstance(obj, dict)
                                                         else obj))
