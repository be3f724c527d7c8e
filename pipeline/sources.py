"""``claimcheck add``: copy articles into the sources folder and record their
metadata in ``sources.csv`` (columns ``file,title,publisher,date,url``).

Every file is checked the way a run reads it before anything is copied, so a
bad file leaves the folder untouched. A different file of the same name is
refused unless ``force``; an exact copy of an article already there is
skipped with a warning. Files and sources.csv are written atomically under
the folder's lock.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from . import ingest
from .errors import UserError, warn
from .files import csv_cell, ensure_dir, locked, write_atomic

FIELDS = ("title", "publisher", "date", "url")


@dataclass
class Added:
    path: Path    # the article in the sources folder
    status: str   # "added" | "replaced" | "updated" (metadata only) | "unchanged" |
                  # "duplicate" (of ``path``)
    source: Path  # the file given


def add_articles(files: list[str | Path], sources_dir: str | Path = "sources",
                 meta: dict | None = None, force: bool = False,
                 max_bytes: int = ingest.DEFAULT_MAX_BYTES) -> list[Added]:
    meta = {k: (v or "").strip() for k, v in (meta or {}).items() if k in FIELDS}
    if meta.get("date") and not ingest.valid_date(meta["date"]):
        raise UserError(f"date {meta['date']!r} is not a date written YYYY-MM-DD "
                        "(e.g. --date 2025-05-13)")
    sources_dir = Path(sources_dir)
    payloads = [_payload(Path(f), max_bytes) for f in files]
    names = [p.name for p, _ in payloads]
    if len(set(names)) < len(names):
        raise UserError("two of the files have the same name; rename one and add them again")
    ensure_dir(sources_dir)
    with locked(sources_dir):
        rows = ingest.read_metadata(sources_dir)
        present = {p.name: p for p in ingest.article_paths(sources_dir)}
        digests = {ingest.file_digest(ingest.read_bytes(p)): p for p in present.values()}
        stems = {ingest.source_id_for(p): p for p in present.values()}
        plan = []
        for src, data in payloads:
            added = _decide(src, data, sources_dir, present, digests, stems, force)
            if added.status == "added":
                digests[ingest.file_digest(data)] = stems[ingest.source_id_for(src)] = added.path
            plan.append(added)
        for (src, data), added in zip(payloads, plan):
            if added.status in ("added", "replaced"):
                write_atomic(added.path, data)
            if added.status == "duplicate":
                continue
            row = rows.setdefault(added.path.name, {"file": added.path.name})
            before = dict(row)
            row.update({k: v for k, v in meta.items() if v})
            if added.status == "unchanged" and row != before:
                added.status = "updated"  # same file, new metadata
        write_metadata(sources_dir, rows)
    return plan


def _payload(path: Path, max_bytes: int) -> tuple[Path, bytes]:
    """The file's bytes, after checking that a run can read it."""
    if ingest.readable_name(path.name) != path.name:
        raise UserError(f"the name of {ingest.readable_name(str(path))} is not UTF-8 text; "
                        "rename the file before adding it")
    ingest.check_file(path, max_bytes)
    data = ingest.read_bytes(path)
    ingest.file_text(data, str(path), path.suffix)
    return path, data


def _decide(src: Path, data: bytes, folder: Path, present: dict, digests: dict,
            stems: dict, force: bool) -> Added:
    dest = folder / src.name
    same = stems.get(ingest.source_id_for(src))
    if same is not None and same.name != src.name:
        raise UserError(f"{same} already has the name {same.stem!r} (articles are known by "
                        f"their file name without extension); rename {src} before adding it")
    if src.name in present:
        if ingest.read_bytes(present[src.name]) == data:
            return Added(dest, "unchanged", src)
        if not force:
            raise UserError(f"{dest} already exists with different content; pass --force to "
                            "replace it, or rename the new file")
        return Added(dest, "replaced", src)
    twin = digests.get(ingest.file_digest(data))
    if twin is not None and not force:
        warn(f"skipped: {src} is an exact duplicate of {twin}, already in {folder}")
        return Added(twin, "duplicate", src)
    return Added(dest, "added", src)


def write_metadata(folder: Path, rows: dict[str, dict]) -> Path:
    """sources.csv, sorted by file name; columns beyond the standard ones kept."""
    columns = list(ingest.METADATA_COLUMNS)
    for row in rows.values():
        columns += [k for k in row if k not in columns]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", restval="")
    writer.writeheader()
    for name in sorted(rows):
        writer.writerow({k: csv_cell(v) for k, v in rows[name].items()})
    return write_atomic(folder / ingest.METADATA_FILE, buf.getvalue())
