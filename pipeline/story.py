"""Story folders: where a check reads articles and writes its outputs.

A story folder holds ``sources/`` (the articles and sources.csv), ``claims/``
and ``reports/`` (with reviews.csv), as the repo root does for the sample.
``claimcheck check STORY`` reads STORY/sources and writes STORY/claims and
STORY/reports; ``claimcheck check SOURCES_DIR`` (a folder of articles) writes
claims/ and reports/ beside it, in its parent, which from the repo root is
``check sources/`` as it always was. Each story keeps its own reports and
reviews, so two stories never share them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .files import ensure_dir, write_atomic
from .ingest import METADATA_COLUMNS, METADATA_FILE

SOURCES, CLAIMS, REPORTS = "sources", "claims", "reports"


@dataclass(frozen=True)
class Folders:
    sources: Path
    claims: Path
    reports: Path


def is_story(path: Path) -> bool:
    return (Path(path) / SOURCES).is_dir()


def parent_of(folder: Path) -> Path:
    """The folder holding ``folder`` ('sources' -> '.', '.' -> the real parent)."""
    folder = Path(folder)
    return folder.parent if folder.name not in ("", "..") else folder.resolve().parent


def check_folders(target: str | Path, claims: str | Path | None = None,
                  reports: str | Path | None = None) -> Folders:
    """Where ``claimcheck check TARGET`` reads and writes: a story folder's
    sources/, claims/ and reports/; or a folder of articles and claims/ and
    reports/ beside it; or an archive (JSONL/Parquet, or a glob of them) and
    claims/ and reports/ in its folder. ``claims``/``reports`` override the
    outputs."""
    from .archive import archive_root, is_archive
    if is_archive(target):  # a JSONL/Parquet archive or a glob: outputs beside it
        root, sources = archive_root(target), Path(target)
        return Folders(sources, Path(claims) if claims else root / CLAIMS,
                       Path(reports) if reports else root / REPORTS)
    target = Path(target)
    if is_story(target):
        root, sources = target, target / SOURCES
    else:
        root, sources = parent_of(target), target
    return Folders(sources, Path(claims) if claims else root / CLAIMS,
                   Path(reports) if reports else root / REPORTS)


def story_folders(story: str | Path | None, sources: str | Path | None = None,
                  claims: str | Path | None = None,
                  reports: str | Path | None = None) -> Folders:
    """The folders of story ``story`` (default: the current folder), each
    overridable; for the commands that take ``--to STORY``."""
    root = Path(story) if story else Path(".")
    if story and not Path(story).is_dir():
        raise UserError(f"{story} is not a folder; create a story with: claimcheck init {story}")
    return Folders(Path(sources) if sources else root / SOURCES,
                   Path(claims) if claims else root / CLAIMS,
                   Path(reports) if reports else root / REPORTS)


def init_story(story: str | Path) -> tuple[Path, bool]:
    """Create STORY/sources with an empty sources.csv; (the folder, whether
    it was created). An existing story is left as it is."""
    story = Path(story)
    if story.exists() and not story.is_dir():
        raise UserError(f"{story} is a file; choose a folder name for the story")
    meta = story / SOURCES / METADATA_FILE
    if meta.exists():
        return story, False
    ensure_dir(story / SOURCES)
    write_atomic(meta, ",".join(METADATA_COLUMNS) + "\n")
    return story, True
