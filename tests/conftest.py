import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def sources_copy(tmp_path):
    """A private copy of the sample articles (tests never write into sources/)."""
    dst = tmp_path / "sources"
    shutil.copytree(SOURCES, dst)
    return dst


@pytest.fixture
def warnings_seen():
    """The messages pipeline.errors.warn sent during the test, in order."""
    import logging

    seen: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            seen.append(record.getMessage())

    log = logging.getLogger("claimcheck")
    handler = Collect(level=logging.WARNING)
    old_level = log.level
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    yield seen
    log.removeHandler(handler)
    log.setLevel(old_level)


@pytest.fixture
def json_cache(monkeypatch):
    """Runs keep the claim cache as one JSON file per article (the store
    used without pyarrow), whether pyarrow is installed or not."""
    import pipeline.cache
    monkeypatch.setattr(pipeline.cache, "has_pyarrow", lambda: False)


def cached_ids(claims_dir) -> set[str]:
    """Source ids with an entry in a claims folder's cache, either store."""
    from pipeline.cache import CACHE_DIR
    from pipeline.cache_parquet import DATASET_DIR
    folder = Path(claims_dir) / CACHE_DIR
    ids = {p.stem for p in folder.glob("*.json")}
    for part in (folder / DATASET_DIR).glob("*.parquet"):
        import pyarrow.parquet as pq
        ids |= set(pq.read_table(part, columns=["source_id"]).column(0).to_pylist())
    return ids
