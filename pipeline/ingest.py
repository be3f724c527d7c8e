"""Stage 1, ingest: read articles from disk and mark their page furniture.

``read_article`` turns one file into an :class:`~pipeline.model.Article`;
``read_sources`` reads a folder plus its ``sources.csv``; ``read_input``
reads a folder or an archive (JSONL or Parquet, one article per row; see
:mod:`pipeline.archive`).

What the article text is, so that every character offset later in the
pipeline can be traced:

* ``.txt`` / ``.md``: the decoded file text, unchanged. UTF-8 with or without
  a byte-order mark (the BOM is not part of the text), UTF-16 with a BOM, else
  Windows-1252 / Latin-1 with a warning that names the file.
* ``.html`` / ``.htm``: the article text that trafilatura extracts from the
  decoded page (scripts, styles, navigation, ads and comments dropped; one
  line per paragraph). Offsets index that extracted text, not the HTML.
  Title, site name and publication date the page states fill in what
  ``sources.csv`` leaves empty.

Other formats, empty files, binary files, files over the size limit
(``--max-bytes``, default :data:`DEFAULT_MAX_BYTES`), exact duplicates and a
second file with the same name stem are skipped in a folder run with a
one-line warning; given directly (``read_article``) they are a UserError.
Furniture is not cut out of text files: it is marked as blocks of kind
``furniture`` that extraction skips.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Protocol

from .errors import UserError, warn
from .files import read_csv_rows
from .knowledge import load
from .model import Article, Block

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
METADATA_FILE = "sources.csv"
METADATA_COLUMNS = ("file", "title", "publisher", "date", "url")
#: Files larger than this are skipped (``--max-bytes`` overrides it). 5 MB is
#: far above any news article, saved web pages included.
DEFAULT_MAX_BYTES = 5_000_000
#: Share of control characters above which decoded bytes count as binary.
BINARY_SHARE = 0.05
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass
class FileText:
    """What one file holds once decoded: the article ``text``, the warnings
    reading it gives (``notes``, repeated whenever the file is used) and the
    metadata the file states itself (``meta``, from HTML pages)."""
    text: str
    notes: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    blocks: tuple[Block, ...] | None = None  # split_blocks(text), when already known


class TextMemo(Protocol):
    """Remembers decoded files between runs (see pipeline.cache)."""
    def get_text(self, source_id: str, digest: str) -> FileText | None: ...
    def put_text(self, source_id: str, digest: str, text: FileText) -> None: ...


def source_id_for(path: Path) -> str:
    """The article's id: its file name without extension (bytes of the name
    that are not UTF-8 read as U+FFFD, so every output can be written)."""
    return readable_name(path.stem)


def readable_name(name: str) -> str:
    """``name`` with undecodable bytes (surrogate escapes) as U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    # C0 controls only: a Latin-1 file's stray C1 bytes are text damage, not binary
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls / len(sample) > BINARY_SHARE


def decode_text(data: bytes, name: str = "<text>") -> tuple[str, list[str]]:
    """Decoded text and the warnings decoding gave. UTF-8 (BOM or not), UTF-16
    with a BOM, else Windows-1252 (Latin-1 for the five bytes it leaves
    undefined). Raises UserError for binary data."""
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                raise UserError(f"{name} starts like {encoding} text but does not decode; "
                                "save it again as UTF-8") from None
    else:
        if b"\x00" in data[:4096]:
            raise UserError(f"{name} looks like a binary file, not text; save the article as text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
                notes.append(f"{name} is not UTF-8; read it as Windows-1252 (cp1252)")
            except UnicodeDecodeError:
                text = data.decode("latin-1")
                notes.append(f"{name} is not UTF-8; read it as Latin-1 (ISO-8859-1)")
    if _binary(text):
        raise UserError(f"{name} looks like a binary file, not text; save the article as text")
    return text, notes


def decode(data: bytes, name: str = "<text>") -> str:
    """Decoded text (see :func:`decode_text`); warnings go to stderr."""
    text, notes = decode_text(data, name)
    for note in notes:
        warn(note)
    return text


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Raise UserError unless ``path`` is a file of a format read here and
    within the size limit."""
    if not path.is_file():
        raise UserError(f"{path} does not exist or is not a file")
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise UserError(f"{path} is {kind}; claimcheck reads .txt, .md and .html: "
                        "save the article as one of those")
    size = path.stat().st_size
    if size == 0:
        raise UserError(f"{path} is empty")
    if size > max_bytes:
        raise UserError(f"{path} is {size:,} bytes, over the limit of {max_bytes:,}; "
                        "raise --max-bytes to read it")


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path} ({exc.strerror}); check its permissions") from None


def file_text(data: bytes, name: str, suffix: str = ".txt") -> FileText:
    """The article text in a file's bytes (see the module docstring).
    Raises UserError when there is none."""
    text, notes = decode_text(data, name)
    meta: dict = {}
    if suffix.lower() in HTML_SUFFIXES:
        text, meta = html_article(text, name)
    if not text.strip():
        raise UserError(f"{name} is empty")
    return FileText(text, notes, meta)


#: Code a page runs or styles it with: never article text. trafilatura drops
#: these itself; they are cut before it reads the page so that none of its
#: fallbacks can take them for text. JSON-LD data (metadata) stays.
_CODE_BLOCK = re.compile(
    r"<(script|style)\b(?![^>]*application/ld\+json)[^>]*>.*?</\1\s*>", re.I | re.S)


def without_code(page: str) -> str:
    """``page`` without its ``<script>`` and ``<style>`` elements."""
    return _CODE_BLOCK.sub("", page)


def html_article(page: str, name: str = "<html>") -> tuple[str, dict]:
    """Article text and stated metadata of a web page, through trafilatura."""
    opts = load("furniture")["html"]
    try:
        import trafilatura  # imported here: only web pages need it

        doc = trafilatura.bare_extraction(
            without_code(page), with_metadata=True, include_tables=opts["include_tables"],
            include_comments=opts["include_comments"], include_links=opts["include_links"],
            date_extraction_params={"extensive_search": opts["extensive_date_search"],
                                    "original_date": True})
    except (ValueError, TypeError, AttributeError, LookupError) as exc:
        raise UserError(f"{name} is not an HTML page trafilatura can read ({exc}); "
                        "save the article text as .txt") from None
    except ImportError as exc:  # lxml 5.2+ moved its cleaner out into lxml_html_clean
        raise UserError(f"cannot read web page {name}: {exc.name or 'a module'} is missing; "
                        "run: pip install lxml_html_clean (or reinstall claimcheck)") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise UserError(f"{name} has no article text that could be found in the page; "
                        "save the article text as .txt")
    meta = {"title": doc.title or "", "publisher": doc.sitename or "",
            "date": doc.date if valid_date(doc.date or "") else "", "url": doc.url or ""}
    return text, {k: v for k, v in meta.items() if v}


def read_article(path: str | Path, meta: dict | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file. Raises UserError when it cannot be used."""
    path = Path(path)
    check_file(path, max_bytes)
    ft = file_text(read_bytes(path), str(path), path.suffix)
    for note in ft.notes:
        warn(note)
    return make_article(ft.text, source_id_for(path), path=str(path), meta=merged(meta, ft.meta))


def merged(meta: dict | None, stated: dict) -> dict:
    """``sources.csv`` values, with what the file states filling the gaps."""
    out = dict(stated)
    out.update({k: v for k, v in (meta or {}).items() if v})
    return out


def make_article(text: str, source_id: str, path: str = "", meta: dict | None = None,
                 blocks: tuple[Block, ...] | None = None) -> Article:
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
        blocks=tuple(split_blocks(text)) if blocks is None else blocks,
    )


def read_metadata(folder: Path) -> dict[str, dict]:
    """``sources.csv`` as {file name: row}. A missing file is no metadata;
    a malformed one is a UserError that names the line."""
    path = folder / METADATA_FILE
    if not path.exists():
        return {}
    rows = {}
    for n, row in read_csv_rows(path, METADATA_COLUMNS, required=("file",)):
        if row.get("date") and not valid_date(row["date"]):
            raise UserError(f"{path} line {n}: date {row['date']!r} is not YYYY-MM-DD; fix it")
        if row["file"]:
            rows[row["file"]] = row
    return rows


def valid_date(value: str) -> bool:
    """True for a real calendar date written YYYY-MM-DD."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        return False
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def article_paths(folder: Path) -> list[Path]:
    """The files in ``folder`` that may be articles, in name order."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.startswith(".") and p.name != METADATA_FILE)


def require_folder(folder: str | Path) -> Path:
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder} is not a folder; pass the folder that holds the articles "
                        "(claimcheck add FILE puts articles into sources/) or a .jsonl or "
                        ".parquet archive")
    return folder


def require_input(source: str | Path) -> str | Path:
    """``source`` if it is a folder of articles or names an archive (a JSONL
    or Parquet file, or a glob of them); else a UserError that says what to
    pass."""
    from .archive import is_archive
    if is_archive(source):
        return source
    return require_folder(source)


def read_input(source: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
               memo: TextMemo | None = None) -> list[Article]:
    """The articles of a folder (:func:`read_sources`) or of an archive
    (:func:`pipeline.archive.read_archive`): bad files or rows are skipped
    with a warning."""
    from .archive import is_archive, read_archive
    if is_archive(source):
        return read_archive(source, max_bytes)
    return read_sources(source, max_bytes=max_bytes, memo=memo)


def read_sources(folder: str | Path, max_bytes: int = DEFAULT_MAX_BYTES,
                 memo: TextMemo | None = None) -> list[Article]:
    """Read every article in ``folder``. A file that cannot be used is skipped
    with a one-line warning naming it; a missing folder is a UserError.
    ``memo`` (a cache) spares decoding files whose bytes it has seen."""
    folder = require_folder(folder)
    try:
        paths = article_paths(folder)
    except OSError as exc:
        raise UserError(f"cannot list {folder} ({exc.strerror}); check its permissions") from None
    meta = read_metadata(folder)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    ids: dict[str, str] = {}
    inside = folder.resolve()
    for path in paths:
        source_id = source_id_for(path)
        try:
            if path.is_symlink() and inside not in path.resolve().parents:
                raise UserError(f"{path} is a symbolic link to {path.resolve()}, outside "
                                f"{folder}; copy the article in (claimcheck add) instead")
            if source_id in ids:
                raise UserError(f"{path} has the same name as {ids[source_id]}; "
                                "rename one of them")
            ft = _file_text(path, source_id, max_bytes, memo)
        except UserError as exc:
            warn(f"skipped: {exc}")
            continue
        for note in ft.notes:
            warn(note)
        article = make_article(ft.text, source_id, path=str(path),
                               meta=merged(meta.get(path.name), ft.meta), blocks=ft.blocks)
        if article.sha256 in seen:
            warn(f"skipped: {path} is an exact duplicate of {seen[article.sha256]}")
            continue
        seen[article.sha256] = str(path)
        ids[source_id] = str(path)
        articles.append(article)
    return articles


def _file_text(path: Path, source_id: str, max_bytes: int, memo: TextMemo | None) -> FileText:
    check_file(path, max_bytes)
    data = read_bytes(path)
    if memo is None:
        return file_text(data, str(path), path.suffix)
    digest = file_digest(data)
    ft = memo.get_text(source_id, digest)
    if ft is None:
        ft = file_text(data, str(path), path.suffix)
        ft.blocks = tuple(split_blocks(ft.text))
        memo.put_text(source_id, digest, ft)
    return ft


# --- blocks and furniture -------------------------------------------------

@cache
def _furniture() -> tuple[list[re.Pattern], list[re.Pattern], str]:
    data = load("furniture")
    lines = [re.compile(p, re.I) for p in data["line_patterns"]]
    ends = [re.compile(p, re.I) for p in data["end_markers"]]
    return lines, ends, data["bullets"]


_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def _wrapped_lines(text: str, bullets: str) -> list[tuple[int, str]]:
    """(start, text) of each line, with the lines of a hard-wrapped paragraph
    joined into one: in a text whose lines are cut at a fixed width
    (furniture.toml [wrap]), a line that reaches near that width continues
    on the next one (unless that starts a list item)."""
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    width = _wrap_width([len(raw.rstrip()) for _, raw in lines if raw.strip()])
    if not width:
        return lines
    full = load("furniture")["wrap"]["full_line"] * width
    out: list[tuple[int, str]] = []
    joinable = False
    for start, raw in lines:
        body = raw.strip()
        gap = text[out[-1][0] + len(out[-1][1]):start] if out else ""
        if joinable and gap == "\n" and body and body[0] not in bullets:
            first = out[-1][0]
            out[-1] = (first, text[first:start + len(raw)])
        else:
            out.append((start, raw))
        joinable = len(raw.rstrip()) >= full
    return out


def _wrap_width(lengths: list[int]) -> int:
    """The width a hard-wrapped text is cut at, or 0 when it is not: enough
    lines, the longest no wider than a wrapped page, and most lines near it."""
    conf = load("furniture")["wrap"]
    if len(lengths) < conf["min_lines"]:
        return 0
    width = sorted(lengths)[int(0.95 * (len(lengths) - 1))]
    if width > conf["max_width"]:
        return 0
    near = sum(n >= conf["full_line"] * width for n in lengths)
    return width if near >= conf["share_full"] * len(lengths) else 0


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
    for raw_start, raw in _wrapped_lines(text, bullets):
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = raw_start + lead, raw_start + lead + len(stripped)
        body = " ".join(stripped.lstrip(bullets).split())
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
