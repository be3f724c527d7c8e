"""Re-check benchmark (issue 6): after adding one article to a folder of N,
`claimcheck check` should cost about one article's work plus the comparison.

    .venv/bin/python benchmarks/recheck.py [N] [--workdir DIR] [--skip-compare]

Builds N distinct articles from the sample articles in sources/ (each gets a
unique closing line, so none is an exact duplicate), runs a cold check, a
no-change check and a check after `claimcheck add` of one more article, and
prints wall time and run.reprocessed for each. Every check is a fresh
process, so a model load shows in the time. ``--skip-compare`` replaces the
compare stage with one that finds nothing, to time the incremental reading
alone (copies of three articles make every finding span hundreds of sources,
which is the comparison's worst case, not the reading's). Not a test: timings
depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import shutil
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMCHECK = [str(Path(sys.executable).parent / "claimcheck")]


def letters(n: int) -> str:
    """A number spelled with letters only (so it adds no numeric claim)."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = string.ascii_lowercase[r] + out
        if n == 0:
            return out


def build(folder: Path, n: int) -> None:
    samples = sorted((ROOT / "sources").glob("*.txt"))
    folder.mkdir(parents=True)
    for i in range(n):
        text = samples[i % len(samples)].read_text(encoding="utf-8")
        (folder / f"a{i:05d}.txt").write_text(f"{text}\nFiled as copy {letters(i)}.\n",
                                              encoding="utf-8")


def timed(args: list[str], skip_compare: bool) -> float:
    child = [sys.executable, __file__, "--child", *(["--skip-compare"] if skip_compare else [])]
    started = time.perf_counter()
    subprocess.run([*child, "--", *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def child(argv: list[str]) -> None:
    """Run the claimcheck CLI in this process (optionally without compare)."""
    from pipeline import run
    from pipeline.cli import cli
    if "--skip-compare" in argv:
        run.compare.compare = lambda claims: []
    cli(argv[argv.index("--") + 1:], standalone_mode=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--skip-compare", action="store_true")
    args = ap.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="claimcheck-recheck-"))
    src, out = work / "sources", work
    shutil.rmtree(src, ignore_errors=True)
    build(src, args.n)
    new = work / "new_article.txt"
    new.write_text("Harbor City recorded 2,300 burglaries in 2024, the police said.\n",
                   encoding="utf-8")
    run = ["check", str(src), "--claims-dir", str(out / "claims"), "--reports-dir",
           str(out / "reports"), "--quiet"]
    for label, before in (("cold check", None), ("no change", None),
                          ("after add 1", ["add", str(new), "--sources-dir", str(src), "-q"])):
        if before:
            subprocess.run([*CLAIMCHECK, *before], check=True)
        seconds = timed(run, args.skip_compare)
        doc = json.loads((out / "reports" / "findings.json").read_text(encoding="utf-8"))
        print(f"{label:<12} articles={doc['run']['articles']:<5} "
              f"reprocessed={doc['run']['reprocessed']:<5} wall={seconds:6.2f}s "
              f"run.seconds={doc['run']['seconds']}")


if __name__ == "__main__":
    if "--child" in sys.argv:
        child(sys.argv)
    else:
        main()
