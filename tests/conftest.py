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
