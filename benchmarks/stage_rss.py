"""Resident memory after each stage of a warm ``claimcheck check``.

    python benchmarks/stage_rss.py TREE ARCHIVE OUT

runs ``check ARCHIVE --claims-dir OUT/claims --reports-dir OUT/reports`` with
TREE's ``pipeline`` (the cache's pipeline fingerprint pinned, as
``bench.py _worker check`` does) and prints, after each stage of
``pipeline.run.run_check``, the peak (``ru_maxrss``) and current RSS in MB.
Python's allocator keeps what it took, so each step up of the peak stays.
"""
import functools
import os
import resource
import sys

tree, archive, out = sys.argv[1:4]
sys.path.insert(0, tree)
import pipeline.cache  # noqa: E402
import pipeline.run as run  # noqa: E402
from click.testing import CliRunner  # noqa: E402
from pipeline.cli import cli  # noqa: E402

pipeline.cache.pipeline_fingerprint = lambda: "bench-pinned"
STAGES = (("ingest.read_input", "read"), ("cached_claims", "claims"),
          ("compare_claims", "compare"), ("explain.explain", "explain"),
          ("reviews.attach", "reviews"), ("findings_document", "document"),
          ("write_claims", "claims.csv"), ("write_claims_parquet", "claims.parquet"),
          ("write_reports", "reports"))


def rss_mb() -> float:
    with open(f"/proc/{os.getpid()}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
    return float("nan")


def show(label: str) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:15s} peak {peak:6.0f} MB  now {rss_mb():6.0f} MB", file=sys.__stderr__)


def after(fn, label):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        try:
            return fn(*a, **k)
        finally:
            show(label)
    return wrapper


for path, label in STAGES:
    owner, _, name = path.rpartition(".")
    obj = getattr(run, owner) if owner else run
    setattr(obj, name, after(getattr(obj, name), label))
show("start")
r = CliRunner().invoke(cli, ["check", archive, "--claims-dir", f"{out}/claims",
                             "--reports-dir", f"{out}/reports", "--quiet"])
if r.exit_code:
    sys.exit(f"check failed ({r.exit_code}): {r.output[-300:]} {r.exception!r}")
