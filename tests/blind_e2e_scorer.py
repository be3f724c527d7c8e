"""Score a claimcheck run against a blind set's expected.json (used by test_blind_e2e.py).

An expectation names, per source (file stem), the value one of its claims must hold. A finding
matches when, for every listed source, it holds a claim from that source with that value
(relative tolerance 0.5%). A conflict's cause is right when it is the expected ``cause`` or one
of its ``accept`` list (every cause an editor would accept). Run as a script to print a score
table, for one finished run:

    python -m tests.blind_e2e_scorer /tmp/blind/jobs tests/data/blind_e2e/jobs

or to check and score every set (tests/data/blind_e2e, tests/data/fresh to fresh18
and, when present, ../shared/corpus) and print one row per set and a total: conflict recall, cause accuracy,
conflicts raised that match no expectation, agreement recall, traps flagged:

    python -m tests.blind_e2e_scorer --all [--details] [SET_DIR ...]
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
        elif any(f["cause"] in accepted(exp) for f in hits):
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


def accepted(exp: dict) -> set[str]:
    """The causes an editor would accept for an expected conflict."""
    return {exp["cause"], *exp.get("accept", ())}


def unexpected(findings: list[dict], claims: pd.DataFrame, expected: dict) -> list[dict]:
    """Conflicts raised that match no expected conflict or self-check."""
    planted = expected["conflicts"] + expected.get("self_checks", [])
    return [f for f in findings if f["type"] == "conflict"
            and not any(finding_matches(f, claims, e["values"]) for e in planted)]


def tally(findings: list[dict], claims: pd.DataFrame, expected: dict) -> dict[str, int]:
    """Counts for one set: what the summary table adds up."""
    result = score(findings, claims, expected)
    conflicts = list(result["conflicts"].values())
    return {
        "conflicts": len(conflicts),
        "found": sum(v != "missed" for v in conflicts),
        "cause_right": sum(v == "found, cause right" for v in conflicts),
        "raised": sum(f["type"] == "conflict" for f in findings),
        "unexpected": len(unexpected(findings, claims, expected)),
        "agreements": len(result["agreements"]),
        "agreed": sum(v == "found" for v in result["agreements"].values()),
        "traps": len(result["must_not_flag"]),
        "flagged": sum(v != "ok" for v in result["must_not_flag"].values()),
    }


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}" + (f" ({a / b:.2f})" if b else "")


def table(rows: dict[str, dict[str, int]]) -> str:
    """The per-set and total score table, as markdown."""
    total = {k: sum(r[k] for r in rows.values()) for k in next(iter(rows.values()))}
    lines = ["| set | conflict recall | cause accuracy | raised matching no expectation "
             "| agreement recall | traps flagged |", "|---|---|---|---|---|---|"]
    for name, r in [*rows.items(), ("**total**", total)]:
        lines.append(f"| {name} | {_ratio(r['found'], r['conflicts'])} "
                     f"| {_ratio(r['cause_right'], r['found'])} "
                     f"| {_ratio(r['unexpected'], r['raised'])} "
                     f"| {_ratio(r['agreed'], r['agreements'])} "
                     f"| {_ratio(r['flagged'], r['traps'])} |")
    return "\n".join(lines)


def default_sets() -> list[Path]:
    """tests/data/blind_e2e, tests/data/fresh to fresh18 (real
    coverage, FRESH*_SETS.md) and, when present, ../shared/corpus; not
    tests/data/heldout nor any newer fresh batch still kept unseen (run them
    by naming their folders: they are kept for measuring, not developing)."""
    here = Path(__file__).resolve().parent
    sets = sorted(p for p in (here / "data" / "blind_e2e").iterdir() if p.is_dir())
    for fresh in ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8",
                  "fresh9", "fresh10", "fresh11", "fresh12",
                  "fresh13", "fresh14", "fresh15", "fresh16", "fresh17", "fresh18"):
        sets += sorted(p for p in (here / "data" / fresh).iterdir() if p.is_dir())
    corpus = here.parent.parent / "shared" / "corpus"
    if corpus.is_dir():
        sets += sorted(p for p in corpus.iterdir() if (p / "expected.json").is_file())
    return sets


def check_set(set_dir: Path, work: Path) -> Path:
    """Copy a set's articles (.txt, .html and sources.csv; not its notes) into
    ``work``/sources and run ``claimcheck check``."""
    import shutil

    from click.testing import CliRunner

    from pipeline.cli import cli
    src = work / "sources"
    src.mkdir(parents=True)
    for f in set_dir.iterdir():
        if f.suffix in (".txt", ".html", ".csv"):
            shutil.copy(f, src / f.name)
    r = CliRunner().invoke(cli, ["check", str(src), "--claims-dir", str(work / "claims"),
                                 "--reports-dir", str(work / "reports"), "--quiet"],
                           catch_exceptions=False)
    if r.exit_code != 0:
        raise SystemExit(f"check failed on {set_dir}: {r.output}")
    return work


def score_all(set_dirs: list[Path], details: bool = False) -> str:
    import tempfile
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for set_dir in set_dirs:
            run = check_set(set_dir, Path(tmp) / set_dir.name)
            findings, claims = load_run(run)
            expected = json.loads((set_dir / "expected.json").read_text(encoding="utf-8"))
            rows[set_dir.name] = tally(findings, claims, expected)
            if details:
                print(f"## {set_dir.name}")
                main(str(run), str(set_dir))
    return table(rows)


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
    for f in unexpected(findings, claims, expected):
        print(f"{'unexpected':14} {f['finding_id']:40} {f['cause']} {f['subject']} / {f['metric']} / {f['period']}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--all":
        details = "--details" in args
        dirs = [Path(a) for a in args[1:] if a != "--details"] or default_sets()
        print(score_all(dirs, details))
    else:
        main(*args[:2])
