"""Score attribution (subject, metric, unit, period, base_period) against a
hand-annotated gold file.

Gold rows name a claim by source, start character and text; a row with an
empty ``metric_group`` marks a figure that is not a claim (skipped). Each
gold claim is matched to the extracted claim whose span overlaps it most.

- subject: the same set of names (";"-separated), case-insensitive
- metric: grouping consistency, since keys are ours: a claim is right when
  the claims sharing its predicted key are exactly the claims sharing its
  gold group (among matched claims)
- unit, period, base_period: equal strings; "*" in gold accepts anything

Run: ``.venv/bin/python -m tests.attribution_scorer [GOLD.csv SOURCES_DIR] [-v]``
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

from pipeline import ingest
from pipeline.api import read_claims

FIELDS = ("subject", "metric", "unit", "period", "base_period")
HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "attribution_gold.csv"
SOURCES = HERE.parent / "sources"


def load_gold(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        r["start_char"] = int(r["start_char"])
        r["end_char"] = r["start_char"] + len(r["text"])
    return [r for r in rows if r["metric_group"]]


def match(gold: list[dict], claims) -> dict[int, object]:
    """{gold index: claim} by the largest span overlap in the same source."""
    out = {}
    for i, g in enumerate(gold):
        best, best_overlap = None, 0
        for c in claims:
            if c.source_id != g["source_id"]:
                continue
            overlap = min(c.end_char, g["end_char"]) - max(c.start_char, g["start_char"])
            if overlap > best_overlap:
                best, best_overlap = c, overlap
        if best is not None:
            out[i] = best
    return out


def _names(s: str) -> set[str]:
    return {n.strip().lower() for n in s.split(";") if n.strip()}


def score(gold: list[dict], claims) -> dict:
    matched = match(gold, claims)
    per_field = {f: [] for f in FIELDS}
    errors: list[str] = []
    idx = sorted(matched)
    for i in idx:
        g, c = gold[i], matched[i]
        pred_group = {j for j in idx if c.metric and matched[j].metric == c.metric}
        gold_group = {j for j in idx if gold[j]["metric_group"] == g["metric_group"]}
        checks = {
            "subject": g["subject"] == "*" or _names(g["subject"]) == _names(c.subject),
            "metric": pred_group == gold_group,
            "unit": g["unit"] == "*" or g["unit"] == c.unit,
            "period": g["period"] == "*" or g["period"] == c.period,
            "base_period": g["base_period"] == "*" or g["base_period"] == c.base_period,
        }
        for f, ok in checks.items():
            per_field[f].append(ok)
            if not ok:
                want = g["metric_group"] if f == "metric" else g[f]
                got = getattr(c, f)
                errors.append(f"{g['source_id'][:3]} {g['start_char']:>5} {g['text']!r:22} "
                              f"{f:12} gold={want!r} got={got!r}")
    acc = {f: (sum(v) / len(v) if v else 0.0) for f, v in per_field.items()}
    total = [ok for v in per_field.values() for ok in v]
    return {"fields": acc, "overall": sum(total) / len(total) if total else 0.0,
            "matched": len(matched), "gold": len(gold), "errors": errors}


def run(gold_path: Path = GOLD, sources: Path = SOURCES) -> dict:
    claims = read_claims(ingest.read_sources(sources))
    return score(load_gold(gold_path), claims)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    gold_path = Path(args[0]) if args else GOLD
    sources = Path(args[1]) if len(args) > 1 else SOURCES
    result = run(gold_path, sources)
    print(f"gold claims {result['gold']}, matched {result['matched']}")
    for f, a in result["fields"].items():
        print(f"  {f:12} {a:6.1%}")
    print(f"  {'overall':12} {result['overall']:6.1%}")
    if verbose:
        print("\n".join(result["errors"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
