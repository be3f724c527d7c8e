"""reviews.attach reads the last run's findings from a small index beside
findings.json (issue 17) when it matches findings.json, and findings.json
itself otherwise: the same findings either way."""
import json

import pytest

from click.testing import CliRunner

from pipeline import reviews
from pipeline.cli import cli


def parsed(reports):
    """previous_findings as it was before the index: findings.json parsed."""
    doc = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    found = [f for f in doc["findings"] if isinstance(f["finding_id"], str)]
    for f in found:
        f["claims"] = list(f.get("claims") or [])
    return found


def test_index_gives_what_attach_reads_of_findings_json(sources_copy, tmp_path, monkeypatch):
    r = CliRunner().invoke(cli, ["check", str(sources_copy), "--quiet"])
    assert r.exit_code == 0, r.output
    reports = tmp_path / "reports"
    assert (reports / reviews.INDEX_FILE).is_file()
    full = parsed(reports)
    got = reviews.previous_findings(reports)
    assert got == [{k: f.get(k) for k in reviews.INDEX_FIELDS} for f in full]
    # the index was used: findings.json is not parsed
    monkeypatch.setattr(reviews.json, "loads", _only_small(reviews.json.loads))
    assert reviews.previous_findings(reports) == got
    monkeypatch.undo()
    # a review rewrites findings.json and the index with it
    fid = full[0]["finding_id"]
    r = CliRunner().invoke(cli, ["review", fid, "--verdict", "confirmed", "--by", "A",
                                 "--reports-dir", str(reports)])
    assert r.exit_code == 0, r.output
    assert reviews.previous_findings(reports)[0]["review"]["verdict"] == "confirmed"
    # findings.json changed behind the index's back (edited by hand): read it
    doc = json.loads((reports / "findings.json").read_text(encoding="utf-8"))
    doc["findings"][0]["claims"] = ["edited"]
    (reports / "findings.json").write_text(json.dumps(doc), encoding="utf-8")
    assert reviews.previous_findings(reports)[0]["claims"] == ["edited"]
    (reports / reviews.INDEX_FILE).write_text("{damaged", encoding="utf-8")
    assert reviews.previous_findings(reports)[0]["claims"] == ["edited"]
    monkeypatch.setattr(reviews.json, "loads", _only_small(reviews.json.loads))
    with pytest.raises(AssertionError, match="findings.json parsed"):  # the guard works
        reviews.previous_findings(reports)


def _only_small(loads):
    def guarded(text, *a, **k):
        assert '"generated_at"' not in text[:40], "findings.json parsed"
        return loads(text, *a, **k)
    return guarded
