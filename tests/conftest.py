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
