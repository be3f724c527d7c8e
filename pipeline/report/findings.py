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
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
