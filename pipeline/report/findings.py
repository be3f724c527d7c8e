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
    return _layout(doc, 0, _encoder()) + "\n"


def _encoder():
    """``json.dumps(obj, ensure_ascii=False)`` for one line; json's C
    encoder is made once, not once per record as ``JSONEncoder.encode``
    does (which doubled the time for a thousand articles)."""
    plain = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    c_encode = make(None, plain.default, json.encoder.encode_basestring, None,
                    plain.key_separator, plain.item_separator, False, False, True)

    def encode(obj, _str=json.encoder.encode_basestring) -> str:
        return _str(obj) if isinstance(obj, str) else "".join(c_encode(obj, 0))
    return encode


_CONTAINERS = (dict, list)
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _layout(obj, depth: int, encode) -> str:
    if isinstance(obj, dict) and obj and not _flat(obj.values()):
        inner = "  " * (depth + 1)
        items = [f"{inner}{encode(k)}: {_layout(v, depth + 1, encode)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if isinstance(obj, list) and obj and not _flat(obj):
        inner = "  " * (depth + 1)
        items = [inner + _layout(v, depth + 1, encode) for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + "  " * depth + "]"
    return encode(obj)


def _flat(values) -> bool:
    """No dict or list among ``values`` (the type test first: it is quicker)."""
    return _SCALARS.issuperset(map(type, values)) or \
        not any(isinstance(v, _CONTAINERS) for v in values)
