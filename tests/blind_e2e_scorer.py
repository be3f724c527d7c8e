"""Score a claimcheck run against a blind set's expected.json (used by test_blind_e2e.py).

An expectation names, per source (file stem), the value one of its claims must hold. A finding
matches when, for every listed source, it holds a claim from that source with that value
(relative tolerance 0.5%). Run as a script to print a score table:

    python -m tests.blind_e2e_scorer /tmp/blind/jobs tests/data/blind_e2e/jobs
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pandas as pd


def _close(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=0.005, abs_tol=1e-9)


def finding_matches(finding: dict, claims: pd.DataFrame, values: dict) -> bool:
    held = claims[claims["claim_id"].isin(finding["claims"])]
    for source, value in values.items():
        rows = held[held["source_id"] == source]
        if not any(_close(v, value) for v in rows["value"] if pd.notna(v)):
            return False
    return True


def score(findings: list[dict], claims: pd.DataFrame, expected: dict) -> dict:
    conflicts = [f for f in findings if f["type"] == "conflict"]
    agreements = [f for f in findings if f["type"] == "agreement"]
    out = {"conflicts": {}, "agreements": {}, "must_not_flag": {}}
    for exp in expected["conflicts"]:
        hits = [f for f in conflicts if finding_matches(f, claims, exp["values"])]
        if not hits:
            out["conflicts"][exp["id"]] = "missed"
        elif any(f["cause"] == exp["cause"] for f in hits):
            out["conflicts"][exp["id"]] = "found, cause right"
        else:
            out["conflicts"][exp["id"]] = "found, cause " + hits[0]["cause"]
    for exp in expected["agreements"]:
        hit = any(finding_matches(f, claims, exp["values"]) for f in agreements)
        out["agreements"][exp["id"]] = "found" if hit else "missed"
    for exp in expected["must_not_flag"]:
        bad = [f for f in conflicts if finding_matches(f, claims, exp["values"])
               and f["cause"] != exp.get("unless_cause")]
        out["must_not_flag"][exp["id"]] = "FLAGGED " + bad[0]["finding_id"] if bad else "ok"
    return out


def load_run(run_dir: Path) -> tuple[list[dict], pd.DataFrame]:
    findings = json.loads((run_dir / "reports" / "findings.json").read_text())["findings"]
    claims = pd.read_csv(run_dir / "claims" / "claims.csv", dtype={"claim_id": str, "source_id": str})
    return findings, claims


def main(run_dir: str, set_dir: str) -> None:
    findings, claims = load_run(Path(run_dir))
    expected = json.loads((Path(set_dir) / "expected.json").read_text())
    result = score(findings, claims, expected)
    for section, rows in result.items():
        for key, verdict in rows.items():
            print(f"{section:14} {key:40} {verdict}")
    matched = set()
    for exp in expected["conflicts"]:
        matched |= {f["finding_id"] for f in findings if f["type"] == "conflict"
                    and finding_matches(f, claims, exp["values"])}
    for f in findings:
        if f["type"] == "conflict" and f["finding_id"] not in matched:
            print(f"{'unexpected':14} {f['finding_id']:40} {f['cause']} {f['subject']} / {f['metric']} / {f['period']}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
