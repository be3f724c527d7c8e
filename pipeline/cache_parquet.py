"""The claim cache as a Parquet dataset (with the ``parquet`` extra).

``<claims-dir>/.cache/claims/XX.parquet``: one file per partition, ``XX``
the first two hex digits of the sha256 of the article's ``source_id`` (256
partitions), one row per article:

==========  ==============================================================
source_id   the article's id
entry       JSON: what :class:`pipeline.cache.ClaimCache` keeps of the
            article besides its claims and explain's data (the claims' key;
            for a folder, the decoded text and its key)
explain     JSON: explain's data (sentence spans, cue sentences), held as
            this string until explain asks for it, parsed then and not kept
claims      list of structs, one per claim, a typed column per
            :class:`pipeline.model.Claim` field (null: no claims cached)
ints        per claim, a bit per number field (value, low, high,
            confidence) that held a Python int, so a claim reads back equal
==========  ==============================================================

The files are ordinary Parquet: ``pyarrow.dataset.dataset(".cache/claims")``
or DuckDB's ``read_parquet('.cache/claims/*.parquet')`` read every cached
claim. A run reads a partition when it first needs one of its articles (a
warm check reads them all, column by column, far faster than one JSON file
per article) and rewrites only the partitions holding a new, changed or
removed article, each to a temporary file renamed into place: a run killed
mid-save leaves every partition either as it was or as it is now. A
partition that cannot be read (damaged, another schema) counts as empty:
its articles are parsed afresh and the file rewritten.

The JSON entries of the fallback store (``.cache/<source_id>.json``, used
without pyarrow) are read when the dataset lacks an article, so a cache
built without the extra is taken over, not rebuilt; they are deleted once
their articles are in the dataset.
"""
from __future__ import annotations

import hashlib
import io
import json
import sys
from dataclasses import fields
from pathlib import Path

from .files import sweep_temp_files, write_atomic
from .model import Claim

DATASET_DIR = "claims"
#: Hex digits of the source id's sha256 naming its partition (16**2 files).
PREFIX = 2
_FIELDS = [f.name for f in fields(Claim)]
_NUMBERS = ("value", "low", "high", "confidence")
_OFFSETS = ("start_char", "end_char", "sent_start", "sent_end")
#: Claim fields with few distinct values: one string object each per run.
_SHARED = {"source_id", "kind", "qualifier", "direction", "unit", "metric", "subject",
           "period", "base_period", "source", "reference"}


def partition(source_id: str) -> str:
    return hashlib.sha256(source_id.encode("utf-8", "surrogateescape")).hexdigest()[:PREFIX]


def _schema():
    import pyarrow as pa
    claim = pa.struct([(name, pa.float64() if name in _NUMBERS else pa.int64()
                        if name in _OFFSETS else pa.string()) for name in _FIELDS])
    return pa.schema([("source_id", pa.string()), ("entry", pa.string()),
                      ("explain", pa.string()), ("claims", pa.list_(claim)),
                      ("ints", pa.list_(pa.uint8()))])


class ParquetStore:
    """Entries (plain dicts, their claims as :class:`Claim` lists) by source
    id, read and written a partition at a time."""

    def __init__(self, cache_folder: Path):
        self.cache_folder = Path(cache_folder)
        self.folder = self.cache_folder / DATASET_DIR
        self._parts: dict[str, dict[str, dict]] = {}  # partition -> source -> entry

    def path(self, part: str) -> Path:
        return self.folder / f"{part}.parquet"

    def read(self, source_id: str) -> dict | None:
        part = partition(source_id)
        if part not in self._parts:
            self._parts[part] = self._read_part(part)
        return self._parts[part].get(source_id)

    def _read_part(self, part: str) -> dict[str, dict]:
        import pyarrow as pa
        import pyarrow.parquet as pq
        path = self.path(part)
        if not path.is_file():
            return {}
        try:
            with pa.memory_map(str(path)) as source:
                table = pq.ParquetFile(source).read()  # (read_table's dataset layer costs more)
            if not table.schema.equals(_schema()):
                return {}  # written by something else: parse afresh
            return _entries(table)
        except (OSError, ValueError, TypeError, KeyError, pa.ArrowException):
            return {}  # damaged: its articles are parsed afresh, the file rewritten

    def sweep(self) -> int:
        return sweep_temp_files(self.folder) if self.folder.is_dir() else 0

    def save(self, entries: dict[str, dict | None], dirty: set[str], keep: set[str]) -> None:
        """Rewrite the partitions holding an article of ``dirty`` (its entry
        in ``entries``) or one not in ``keep``; delete those left empty."""
        wanted: dict[str, set[str]] = {}
        for s in keep:
            wanted.setdefault(partition(s), set()).add(s)
        touched = {partition(s) for s in dirty & keep}
        existing = ({p.stem for p in self.folder.glob("*.parquet")} if self.folder.is_dir()
                    else set())
        for part in sorted(existing - wanted.keys()):
            self.path(part).unlink(missing_ok=True)
        for part in sorted((existing & wanted.keys()) - touched):
            held = self._parts[part].keys() if part in self._parts else _ids(self.path(part))
            if held is None or set(held) - wanted[part]:
                touched.add(part)
        for part in sorted(touched):
            if part not in self._parts:
                self._parts[part] = self._read_part(part)
            held = self._parts[part]
            for s in wanted[part]:
                if entries.get(s) is not None:
                    held[s] = entries[s]
            rows = [(s, held[s]) for s in sorted(wanted[part]) if held.get(s) is not None]
            for s in list(held):
                if s not in wanted[part]:
                    del held[s]
            if rows:
                write_atomic(self.path(part), _table_bytes(rows))
            else:
                self.path(part).unlink(missing_ok=True)


def _ids(path: Path):
    """The source ids a partition file holds (None when it cannot be read)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    try:
        return pq.read_table(path, columns=["source_id"]).column(0).to_pylist()
    except (OSError, ValueError, KeyError, pa.ArrowException):
        return None


def _entries(table) -> dict[str, dict]:
    """Entries from a partition's table, claims built column by column, the
    claims of one sentence sharing its text and names shared run-wide.
    Every claim has its fields' types (the schema's, ints restored), so
    :meth:`pipeline.cache.ClaimCache.get_claims` checks only their spans."""
    ids = table.column("source_id").to_pylist()
    docs = table.column("entry").to_pylist()
    explains = table.column("explain").to_pylist()
    lists = table.column("claims").combine_chunks()
    offsets = lists.offsets.to_pylist()
    valid = lists.is_valid().to_pylist()
    structs = lists.values
    columns = []
    for name in _FIELDS:
        col = structs.field(name).to_pylist()
        if name in _SHARED:
            col = [sys.intern(v) if type(v) is str else v for v in col]
        elif name == "sentence":  # the claims of a sentence hold one copy of it
            shared: dict[str, str] = {}
            col = [shared.setdefault(v, v) for v in col]
        columns.append(col)
    for j, bits in enumerate(table.column("ints").combine_chunks().values.to_pylist()):
        for k, name in enumerate(_NUMBERS):
            if bits >> k & 1:
                col = columns[_FIELDS.index(name)]
                col[j] = int(col[j])
    # a claim with a null field (not written so) has its article parsed afresh
    nulls = [structs.field(name).is_null() for name in _FIELDS if structs.field(name).null_count]
    holes: set[int] = set()
    if nulls:
        import pyarrow.compute as pc
        any_null = nulls[0]
        for more in nulls[1:]:
            any_null = pc.or_(any_null, more)
        holes = {j for j, x in enumerate(any_null.to_pylist()) if x}
    claims = list(map(Claim, *columns))
    out: dict[str, dict] = {}
    for i, (source_id, doc) in enumerate(zip(ids, docs)):
        entry = json.loads(doc)
        if not isinstance(entry, dict):
            continue
        lo, hi = offsets[i], offsets[i + 1]
        whole = valid[i] and not (holes and any(j in holes for j in range(lo, hi)))
        entry["claims"] = claims[lo:hi] if whole else None
        if explains[i] is not None:
            entry["explain"] = explains[i]
        out[source_id] = entry
    return out


def _table_bytes(rows: list[tuple[str, dict]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq
    columns: dict[str, list] = {name: [] for name in _FIELDS}
    offsets, valid, bits, docs, explains = [0], [], [], [], []
    for _, entry in rows:
        docs.append(json.dumps({k: v for k, v in entry.items() if k not in ("claims", "explain")},
                               ensure_ascii=False))
        data = entry.get("explain")
        explains.append(None if data is None else data if isinstance(data, str)
                        else json.dumps(data, ensure_ascii=False))
        claims = entry.get("claims")
        ok = claims is not None and all(isinstance(c, Claim) and _typed(c) for c in claims)
        valid.append(ok)
        for c in claims if ok else ():
            for name in _FIELDS:
                columns[name].append(getattr(c, name))
            bits.append(sum(1 << k for k, name in enumerate(_NUMBERS)
                            if type(getattr(c, name)) is int))
        offsets.append(len(bits))
    schema = _schema()
    claim_type = schema.field("claims").type.value_type
    structs = pa.StructArray.from_arrays(
        [pa.array(columns[f.name], type=f.type) for f in claim_type], fields=list(claim_type))
    mask = pa.array([not v for v in valid])
    claims = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), structs, mask=mask)
    ints = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(bits, pa.uint8()),
                                    mask=mask)
    table = pa.Table.from_arrays([pa.array([s for s, _ in rows], pa.string()),
                                  pa.array(docs, pa.string()), pa.array(explains, pa.string()),
                                  claims, ints], schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def _typed(c: Claim) -> bool:
    """The claim's values fit the dataset's columns."""
    return all((isinstance(v, (int, float)) and not isinstance(v, bool) if name in _NUMBERS
                else type(v) is int if name in _OFFSETS else isinstance(v, str))
               for name in _FIELDS for v in (getattr(c, name),))
