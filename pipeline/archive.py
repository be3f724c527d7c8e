"""Archive input: many articles in one file, one article per row.

``claimcheck check`` and ``claimcheck extract`` accept, besides a folder or
article files, a JSONL file (``.jsonl``/``.ndjson``), a Parquet file
(``.parquet``/``.pq``, read with pyarrow, the ``parquet`` extra) or a glob of
them (``'archive/2025-*.parquet'``). Each row is one article:

=========  ====================================================  =========
column     what                                                  required
=========  ====================================================  =========
id         the article's ``source_id`` (a string or a number)    yes
text       the article text, as a .txt file would hold it        yes
title      headline                                              no
publisher  who published it (names the source in the reports)    no
date       publication date, YYYY-MM-DD                          no
url        where it was published                                no
=========  ====================================================  =========

Other columns are ignored. Offsets index ``text`` exactly as given. A row
that cannot be used (not an object, no id or text, an id that cannot name a
file, a bad date, a text over ``--max-bytes``, an id seen before, an exact
duplicate of an earlier text) is skipped with a one-line warning naming the
file and line (Parquet: row), as a bad file is skipped in a folder. An
archive that cannot be read at all (missing, not JSONL/Parquet, no ``id`` or
``text`` column) is skipped with a warning when it is one of several, and is
an error when it is the only one.
"""
from __future__ import annotations

import datetime as dt
import glob
import json
import re
from collections.abc import Iterator
from pathlib import Path

from .errors import UserError, warn
from .model import Article

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
ARCHIVE_SUFFIXES = JSONL_SUFFIXES | PARQUET_SUFFIXES
REQUIRED = ("id", "text")
OPTIONAL = ("title", "publisher", "date", "url")
#: Rows read from Parquet at a time (bounds memory on large files).
PARQUET_BATCH = 2048
_GLOB_CHARS = re.compile(r"[*?\[]")
#: An id becomes a cache file name (claims/.cache/ID.json) and a claim id prefix.
_BAD_ID = re.compile(r"[/\\\x00-\x1f]")


def _has_magic(spec: str) -> bool:
    return bool(_GLOB_CHARS.search(spec))


def is_archive(spec: str | Path) -> bool:
    """True when ``spec`` names an archive: a path ending in .jsonl, .ndjson,
    .parquet or .pq (existing or not), or a glob of them."""
    return Path(str(spec)).suffix.lower() in ARCHIVE_SUFFIXES


def archive_root(spec: str | Path) -> Path:
    """The folder an archive (or a glob of archives) lives in: outputs go
    beside it, as they go beside a folder of articles."""
    parts = Path(str(spec)).parts
    plain = list(parts[:-1])
    for i, p in enumerate(plain):
        if _has_magic(p):
            plain = plain[:i]
            break
    return Path(*plain) if plain else Path(".")


def archive_files(spec: str | Path) -> list[Path]:
    """The archive files ``spec`` names, in name order. A glob that matches
    nothing, or a file that does not exist, is a UserError."""
    spec = str(spec)
    if _has_magic(spec):
        paths = sorted(Path(p) for p in glob.glob(spec, recursive=True)
                       if Path(p).is_file() and Path(p).suffix.lower() in ARCHIVE_SUFFIXES)
        if not paths:
            raise UserError(f"{spec} matches no .jsonl or .parquet file; check the pattern "
                            "(quote it so the shell leaves it to claimcheck)")
        return paths
    path = Path(spec)
    if not path.is_file():
        raise UserError(f"{path} does not exist or is not a file; pass a .jsonl or .parquet "
                        "archive, a glob of them, or a folder of articles")
    return [path]


# --- rows ------------------------------------------------------------------------

def _jsonl_rows(path: Path) -> Iterator[tuple[str, object]]:
    """(where, row) for each non-blank line; a line that is not JSON is
    yielded as its error message."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise UserError(f"cannot read {path} ({exc.strerror}); check its permissions") from None
    with fh:
        for n, raw in enumerate(fh, 1):
            where = f"{path} line {n}"
            if not raw.strip():
                continue
            try:
                yield where, json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield where, ValueError("is not UTF-8")
            except ValueError as exc:
                yield where, ValueError(f"is not JSON ({exc.args[0].split(':')[0]})")


def _parquet_rows(path: Path) -> Iterator[tuple[str, object]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UserError(f"reading {path} needs pyarrow; install it with "
                        "pip install 'claimcheck[parquet]'") from None
    try:
        pf = pq.ParquetFile(path)
        names = set(pf.schema_arrow.names)
    except (OSError, ValueError) as exc:
        raise UserError(f"{path} is not a Parquet file pyarrow can read ({exc}); "
                        "write it again or pass a .jsonl file") from None
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise UserError(f"{path} has no {' or '.join(repr(c) for c in missing)} column; an "
                        "archive needs 'id' and 'text' (and may have title, publisher, date, "
                        "url)")
    columns = [c for c in (*REQUIRED, *OPTIONAL) if c in names]
    n = 0
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH, columns=columns):
        for row in batch.to_pylist():
            n += 1
            yield f"{path} row {n}", row


def _text_of(value) -> str | None:
    """A metadata cell as text ('' when empty); None when it is not text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return None


def _article(row, max_bytes: int, where: str = "") -> Article:
    """The article in one row (``path``: ``where``, the file and line or row
    it came from); UserError (the reason) when it cannot be used."""
    from .ingest import make_article, valid_date
    if not isinstance(row, dict):
        raise UserError("is not an object with 'id' and 'text'")
    source_id = row.get("id")
    if isinstance(source_id, bool) or not isinstance(source_id, (str, int)):
        raise UserError("has no 'id' (a string or a number)")
    source_id = str(source_id).strip()
    if not source_id or source_id.startswith(".") or _BAD_ID.search(source_id) \
            or len(source_id) > 200:
        raise UserError(f"has id {source_id!r}, which cannot name a file (no '/', '\\', "
                        "control characters or leading '.', at most 200 characters)")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UserError("has no 'text' (a non-empty string)")
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise UserError(f"has a text of {size:,} bytes, over the limit of {max_bytes:,}; "
                        "raise --max-bytes to read it")
    meta = {}
    for column in OPTIONAL:
        value = _text_of(row.get(column))
        if value is None:
            raise UserError(f"has a {column!r} that is not text")
        meta[column] = value
    if meta["date"] and not valid_date(meta["date"]):
        raise UserError(f"has date {meta['date']!r}, not YYYY-MM-DD")
    return make_article(text, source_id, path=where, meta=meta)


def _rows(path: Path) -> Iterator[tuple[str, object]]:
    if path.suffix.lower() in PARQUET_SUFFIXES:
        return _parquet_rows(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        return _jsonl_rows(path)
    raise UserError(f"{path} is not a .jsonl or .parquet archive")


def read_archive(spec: str | Path, max_bytes: int | None = None,
                 skip_bad_files: bool | None = None) -> list[Article]:
    """Every usable article in the archive(s) ``spec`` names, in file and row
    order; bad rows are skipped with a warning (see the module docstring).
    ``skip_bad_files``: warn and go on when a whole file cannot be read
    (default: when ``spec`` names more than one file)."""
    from .ingest import DEFAULT_MAX_BYTES
    limit = max_bytes or DEFAULT_MAX_BYTES
    paths = archive_files(spec)
    if skip_bad_files is None:
        skip_bad_files = len(paths) > 1
    articles: list[Article] = []
    ids: dict[str, str] = {}
    seen: dict[str, str] = {}
    for path in paths:
        try:
            for where, row in _rows(path):
                try:
                    if isinstance(row, Exception):
                        raise UserError(str(row))
                    article = _article(row, limit, where)
                    if article.source_id in ids:
                        raise UserError(f"has id {article.source_id!r}, already used at "
                                        f"{ids[article.source_id]}")
                except UserError as exc:
                    warn(f"skipped: {where} {exc}")
                    continue
                if article.sha256 in seen:
                    warn(f"skipped: {where} is an exact duplicate of {seen[article.sha256]}")
                    continue
                ids[article.source_id] = seen[article.sha256] = where
                articles.append(article)
        except UserError as exc:
            if not skip_bad_files:
                raise
            warn(f"skipped: {exc}")
    return articles


def write_jsonl(articles: list[dict], path: str | Path) -> Path:
    """Write rows (dicts with id, text, ...) as a JSONL archive (tests and
    benchmarks build archives with this)."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for row in articles:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
