"""Golden run: a whole check of the sample articles, compared exactly with the
expected claim table and findings in tests/data/golden/.

Regenerate on purpose only:  CLAIMCHECK_REGEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
import json
import os
import shutil

import pytest
from click.testing import CliRunner

from pipeline.cli import cli

from .conftest import DATA

GOLDEN = DATA / "golden"
# the run stamp (report.findings.run_stamp) follows claims.csv, compared on its own
VOLATILE_RUN = ("seconds", "id", "claims_sha256")


def normalized_findings(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.pop("generated_at")
    doc.pop("tool_version")
    for k in VOLATILE_RUN:
        doc["run"].pop(k)
    return doc


@pytest.fixture(scope="module")
def golden_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("golden")
    src = tmp / "sources"
    shutil.copytree(DATA.parent.parent / "sources", src)
    r = CliRunner().invoke(cli, ["check", str(src), "--claims-dir", str(tmp / "claims"),
                                 "--reports-dir", str(tmp / "reports"), "--quiet"],
                           catch_exceptions=False)
    assert r.exit_code == 0
    if os.environ.get("CLAIMCHECK_REGEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        shutil.copy(tmp / "claims" / "claims.csv", GOLDEN / "claims.csv")
        (GOLDEN / "findings.json").write_text(
            json.dumps(normalized_findings(tmp / "reports" / "findings.json"),
                       ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return tmp


def test_claim_table_matches_golden(golden_run):
    got = (golden_run / "claims" / "claims.csv").read_text(encoding="utf-8")
    assert got == (GOLDEN / "claims.csv").read_text(encoding="utf-8")


def test_findings_match_golden(golden_run):
    got = normalized_findings(golden_run / "reports" / "findings.json")
    want = json.loads((GOLDEN / "findings.json").read_text(encoding="utf-8"))
    assert got == want
