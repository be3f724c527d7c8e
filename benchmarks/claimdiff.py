#!/usr/bin/env python3
"""Do two versions of the code give the same claims? (a check, not a test)

    git archive REV | tar -x -C /tmp/before                 # the old code
    python benchmarks/claimdiff.py dump before.json --code /tmp/before
    python benchmarks/claimdiff.py dump after.json          # this checkout
    python benchmarks/claimdiff.py diff before.json after.json

``dump`` writes every field of every claim (``normalize.attribute``'s
records, before names are aligned across articles: what one article alone
gives) of every article of the sample (``sources/``), each set of
``tests/data/blind_e2e``, ``tests/data/fresh*`` and ``tests/data/heldout``, and ``../shared/corpus``
when it is there. ``--no-focus`` parses whole articles (no pre-filter); ``--code DIR`` runs
the ``pipeline`` package of another checkout on this checkout's articles.
``diff`` lists the claims that differ, field by field, and exits 1 when any
does. Speed changes to ``pipeline/nlp.py`` and its stand-ins are checked this
way (benchmarks/README.md).

The checkout whose code runs goes first on ``sys.path``, ahead of any
``pipeline`` a venv holds (the dump names the one it ran).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def article_sets() -> list[Path]:
    """The folders of articles ``dump`` reads."""
    data = ROOT / "tests" / "data"
    sets = [ROOT / "sources"]
    for parent in (data / "blind_e2e", data / "fresh", data / "fresh2", data / "fresh3",
                   data / "heldout",
                   ROOT.parent / "shared" / "corpus"):
        if parent.is_dir():
            sets += sorted(p for p in parent.iterdir() if p.is_dir())
    return sets


def dump(out: Path, focus: bool = True) -> dict:
    import logging

    from pipeline import ingest, normalize
    from pipeline.nlp import load_nlp, parse
    logging.getLogger("claimcheck").setLevel(logging.ERROR)  # expected.json, notes
    nlp = load_nlp()
    claims = {}
    for folder in article_sets():
        for article, doc in parse(nlp, ingest.read_sources(folder), focus=focus):
            claims[f"{folder.name}/{article.source_id}"] = [
                dataclasses.asdict(c) for c in normalize.attribute(article, doc,
                                                                   doc._.numeric_claims)]
    out.write_text(json.dumps(claims, indent=0, sort_keys=True, default=str), encoding="utf-8")
    print(f"{sum(map(len, claims.values()))} claims of {len(claims)} articles "
          f"({pipeline_path()}) -> {out}")
    return claims


def pipeline_path() -> str:
    import pipeline
    return str(Path(pipeline.__file__).parent)


def diff(a: dict, b: dict) -> list[str]:
    """One line per claim (by article and start offset) that differs."""
    lines = []
    for key in sorted(set(a) | set(b)):
        old = {c["start_char"]: c for c in a.get(key, [])}
        new = {c["start_char"]: c for c in b.get(key, [])}
        for start in sorted(set(old) | set(new)):
            x, y = old.get(start), new.get(start)
            if x == y:
                continue
            if x is None or y is None:
                c = x or y
                lines.append(f"{key} @{start} {c['text']!r}: only in "
                             f"{'the first' if y is None else 'the second'}")
            else:
                fields = {f: (x[f], y.get(f)) for f in x if x[f] != y.get(f)}
                lines.append(f"{key} @{start} {x['text']!r}: {fields}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump", help="write every claim of every set to a JSON file")
    d.add_argument("out", type=Path)
    d.add_argument("--no-focus", action="store_true", help="parse whole articles")
    d.add_argument("--code", type=Path, default=ROOT,
                   help="the checkout whose pipeline runs (default: this one)")
    c = sub.add_parser("diff", help="compare two dumps")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        sys.path.insert(0, str(args.code.resolve()))
        dump(args.out, focus=not args.no_focus)
        return 0
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in (args.a, args.b))
    lines = diff(a, b)
    print("\n".join(lines + [f"{len(lines)} claims differ "
                             f"({sum(map(len, a.values()))} and {sum(map(len, b.values()))} claims)"]))
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
