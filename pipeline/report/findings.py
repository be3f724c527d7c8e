"""findings.json exactly as the contract describes it."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import datetime, timezone

from .. import __version__


def findings_document(articles, claims, findings, reprocessed: int, seconds: float,
                      stamp: dict | None = None, generated_at: str | None = None) -> dict:
    """``stamp``: what ties the files of one run together (:func:`run_stamp`),
    added to ``run``. ``generated_at``: the time the reports give (now
    unless given; :func:`carried_time` keeps an unchanged result's)."""
    per_source = Counter(c.source_id for c in claims)
    return {
        "generated_at": generated_at or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tool_version": __version__,
        "run": {"articles": len(articles), "reprocessed": reprocessed,
                "claims": len(claims), "seconds": round(seconds, 2), **(stamp or {})},
        "sources": [{**a.metadata(), "claims": per_source.get(a.source_id, 0)}
                    for a in articles],
        "findings": [f.to_json() for f in findings],
    }


def run_stamp(claims_text: str, findings) -> dict:
    """What ties the files of one run together: the sha256 of the claims.csv it
    writes and an id of what it found (that and its findings). findings.json
    carries both and report.md and report.html show them, so a mix of files
    left by an interrupted run can be told apart; a run that finds the same
    as the last gives the same id, so reports stay unchanged in version control."""
    claims_sha = hashlib.sha256(claims_text.encode("utf-8")).hexdigest()
    # the sha256 of claims_sha, a line break and json.dumps(findings as JSON,
    # sort_keys=True), taken a finding at a time (never the whole text)
    run_id = hashlib.sha256(f"{claims_sha}\n[".encode("utf-8"))
    for i, f in enumerate(findings):
        run_id.update(((", " if i else "") + json.dumps(f.to_json(), sort_keys=True,
                                                         default=str)).encode("utf-8"))
    run_id.update(b"]")
    return {"id": run_id.hexdigest()[:12], "claims_sha256": claims_sha}


#: How far :func:`carried_time` reads into the last findings.json: its lines
#: before the sources (the time, the version, the run), each one line.
_HEAD_LINES, _HEAD_LINE_CHARS = 4, 4096


def carried_time(findings_path, stamp: dict, articles: int) -> str | None:
    """The last run's ``generated_at`` when its findings.json (at
    ``findings_path``) carries the same run id as ``stamp``, from as many
    ``articles`` and this version of the tool: a run that finds the same as
    the last writes the same report.md and report.html, byte for byte, so
    they stay unchanged in version control and "generated at" says when this
    result was first written (findings.json still gives the run's own
    seconds). None when anything of that differs or there is no readable
    last run. Reads only the file's first lines (an archive's findings.json
    runs to tens of MB)."""
    head: dict = {}
    try:
        with open(findings_path, encoding="utf-8") as fh:
            for _ in range(_HEAD_LINES):
                line = fh.readline(_HEAD_LINE_CHARS).strip().rstrip(",")
                if line.startswith('"'):
                    head.update(json.loads("{" + line + "}"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    run, when = head.get("run"), head.get("generated_at")
    if isinstance(run, dict) and run.get("id") and run.get("id") == stamp.get("id") \
            and run.get("articles") == articles and head.get("tool_version") == __version__ \
            and isinstance(when, str):
        return when
    return None


def stamp_line(doc: dict) -> str:
    """"Run 3f2a…, claims.csv sha256 8c1d…" (empty for a document without a
    run id); no time, so a run that finds the same writes the same reports."""
    run = doc.get("run", {})
    if not run.get("id"):
        return ""
    return f"Run {run['id']}, claims.csv sha256 {run.get('claims_sha256', '')[:16]}"


def findings_json(doc: dict) -> str:
    """Indented like ``json.dumps(indent=2)``, except that a record of plain
    values (a figure, a quote, a source) or a list of plain values stands on
    one line: shorter to read, and written by json's C encoder (the indented
    encoder is pure Python and took seconds for a thousand articles)."""
    return "".join(findings_chunks(doc))


def findings_chunks(doc: dict):
    """:func:`findings_json`'s text in pieces, a finding or less each, to
    write without holding the whole text (tens of MB for an archive) and
    the lists that make it."""
    yield from _pieces(doc, 0, _encoder())
    yield "\n"


#: Depth down to which :func:`_pieces` yields pieces (the document, its
#: lists of findings and sources); below it, each record is one string.
_STREAM_DEPTH = 2


def _pieces(obj, depth: int, encode):
    """:func:`_layout`'s text of ``obj``, in pieces."""
    if depth >= _STREAM_DEPTH:
        yield _layout(obj, depth, encode)
        return
    if isinstance(obj, dict) and obj and not _flat(obj.values()):
        inner = "  " * (depth + 1)
        yield "{\n"
        for i, (k, v) in enumerate(obj.items()):
            yield f"{',' if i else ''}{chr(10) if i else ''}{inner}{encode(k)}: "
            yield from _pieces(v, depth + 1, encode)
        yield "\n" + "  " * depth + "}"
    elif isinstance(obj, list) and obj and not _flat(obj):
        inner = "  " * (depth + 1)
        yield "[\n"
        for i, v in enumerate(obj):
            yield ",\n" + inner if i else inner
            yield from _pieces(v, depth + 1, encode)
        yield "\n" + "  " * depth + "]"
    else:
        yield encode(obj)


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
