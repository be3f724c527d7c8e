"""Stage 1, ingest: read articles from disk and mark their page furniture.

``read_article`` turns one file into an :class:`~pipeline.model.Article`;
``read_sources`` reads a folder plus its ``sources.csv``. The article text is
the decoded file text, unchanged, so every character offset later in the
pipeline slices the file's text. Furniture is not cut out: it is marked as
blocks of kind ``furniture`` that extraction skips.
"""
from __future__ import annotations

import csv
import hashlib
import re
from datetime import date
from functools import cache
from pathlib import Path

from .errors import UserError, warn
from .knowledge import load
from .model import Article, Block

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
METADATA_FILE = "sources.csv"
METADATA_COLUMNS = ("file", "title", "publisher", "date", "url")
#: Files larger than this are skipped (``--max-bytes`` overrides it).
DEFAULT_MAX_BYTES = 5_000_000


def source_id_for(path: Path) -> str:
    return path.stem


def decode(data: bytes, name: str = "<text>") -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else cp1252 with a
    warning that names the file. Raises UserError for binary data."""
    if b"\x00" in data[:4096]:
        raise UserError(f"{name} looks like a binary file, not text; save the article as .txt")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        warn(f"{name} is not UTF-8; read it as cp1252 (Windows-1252)")
        return data.decode("cp1252", errors="replace")


def read_article(path: str | Path, meta: dict | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file. Raises UserError when it cannot be used."""
    path = Path(path)
    if not path.is_file():
        raise UserError(f"{path} does not exist or is not a file")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UserError(f"{path} is not a text article (.txt or .md); save it as text")
    size = path.stat().st_size
    if size > max_bytes:
        raise UserError(f"{path} is {size:,} bytes, over the limit of {max_bytes:,}; "
                        "raise --max-bytes to read it")
    data = path.read_bytes()
    text = decode(data, str(path))
    if not text.strip():
        raise UserError(f"{path} is empty")
    return make_article(text, source_id_for(path), path=str(path), meta=meta)


def make_article(text: str, source_id: str, path: str = "", meta: dict | None = None) -> Article:
    meta = meta or {}
    return Article(
        source_id=source_id,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        path=path,
        title=meta.get("title", "") or "",
        publisher=meta.get("publisher", "") or "",
        published=meta.get("date", "") or meta.get("published", "") or "",
        url=meta.get("url", "") or "",
        blocks=tuple(split_blocks(text)),
    )


def read_metadata(folder: Path) -> dict[str, dict]:
    """``sources.csv`` as {file name: row}. A missing file is no metadata;
    a malformed one is a UserError."""
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or "file" not in reader.fieldnames:
                raise UserError(f"{path} has no 'file' column; its header must be "
                                f"{','.join(METADATA_COLUMNS)}")
            rows = {}
            for n, row in enumerate(reader, start=2):
                if None in row:
                    raise UserError(f"{path} line {n} has more fields than the header; "
                                    "quote values that contain commas")
                name = (row.get("file") or "").strip()
                if not name:
                    continue
                d = (row.get("date") or "").strip()
                if d and not valid_date(d):
                    raise UserError(f"{path} line {n}: date {d!r} is not YYYY-MM-DD")
                rows[name] = {k: (v or "").strip() for k, v in row.items()}
            return rows
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"{path} is not a readable CSV file ({exc}); fix or delete it") from None


def valid_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


def article_paths(folder: Path) -> list[Path]:
    """The files in ``folder`` that may be articles, in name order."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name != METADATA_FILE)


def read_sources(folder: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article]:
    """Read every article in ``folder``. A file that cannot be used is skipped
    with a one-line warning; a missing folder is a UserError."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder; pass the folder that holds the articles")
    meta = read_metadata(folder)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in article_paths(folder):
        try:
            article = read_article(path, meta.get(path.name), max_bytes=max_bytes)
        except UserError as exc:
            warn(f"skipped: {exc}")
            continue
        if article.sha256 in seen:
            warn(f"skipped: {path} is an exact duplicate of {seen[article.sha256]}")
            continue
        seen[article.sha256] = str(path)
        articles.append(article)
    return articles


# --- blocks and furniture -------------------------------------------------

@cache
def _furniture() -> tuple[list[re.Pattern], list[re.Pattern], str]:
    data = load("furniture")
    lines = [re.compile(p, re.I) for p in data["line_patterns"]]
    ends = [re.compile(p, re.I) for p in data["end_markers"]]
    return lines, ends, data["bullets"]


_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def split_blocks(text: str) -> list[Block]:
    """Split text into line blocks and classify each one.

    A line is ``furniture`` when it matches a furniture pattern, repeats the
    line before it, or follows an end-of-article marker; ``bullet`` when it
    starts with a bullet character; ``headline`` when it is short and has no
    closing punctuation; otherwise ``paragraph``.
    """
    line_pats, end_pats, bullets = _furniture()
    blocks: list[Block] = []
    ended = False
    previous = None
    for m in _LINE.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = m.start() + lead, m.start() + lead + len(stripped)
        body = stripped.lstrip(bullets).strip()
        if not ended and any(p.search(body) for p in end_pats):
            ended = True
        if ended or not body or any(p.search(body) for p in line_pats) or body == previous:
            kind = "furniture"
        elif stripped[0] in bullets and body != stripped:
            kind = "bullet"
            start += len(stripped) - len(stripped.lstrip(bullets).lstrip())
        elif len(body.split()) <= 20 and not _SENTENCE_END.search(body):
            kind = "headline"
        else:
            kind = "paragraph"
        previous = body
        blocks.append(Block(start, end, kind))
    return blocks
