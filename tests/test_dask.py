"""The Dask engine (issue 17) gives the local engine's claims and findings.

A LocalCluster of 2 single-thread worker processes is started once for the
module; the checks reach it with --scheduler, one test starts its own with
--engine dask alone. Skipped, saying why, without the dask extra.
"""
import json
import shutil

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs the dask extra: pip install 'claimcheck[dask]'")

from pipeline import archive  # noqa: E402
from pipeline.cli import cli  # noqa: E402

from .conftest import DATA, ROOT, SOURCES  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SETS = [SOURCES, DATA / "blind_e2e" / "jobs", DATA / "blind_e2e" / "hurricane",
        CORPUS / "helene_death_toll"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0") as c:
        yield c


def check(folder, out, *extra):
    r = CliRunner().invoke(cli, ["check", str(folder), "--claims-dir", str(out / "claims"),
                                 "--reports-dir", str(out / "reports"), "--quiet",
                                 *[str(e) for e in extra]])
    assert r.exit_code == 0, r.output
    return r


def outputs(out):
    """claims.csv's bytes and findings.json without the run's time stamps."""
    doc = json.loads((out / "reports" / "findings.json").read_text(encoding="utf-8"))
    del doc["generated_at"], doc["run"]["seconds"]
    return (out / "claims" / "claims.csv").read_bytes(), doc


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_local_and_dask_engines_give_the_same_claims_and_findings(folder, cluster, tmp_path):
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    src = shutil.copytree(folder, tmp_path / "sources")
    check(src, tmp_path / "local")
    check(src, tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    local, dask = outputs(tmp_path / "local"), outputs(tmp_path / "dask")
    assert local[0] == dask[0]
    assert [f["finding_id"] for f in local[1]["findings"]] == \
        [f["finding_id"] for f in dask[1]["findings"]]
    assert local[1] == dask[1]
    assert dask[1]["run"]["reprocessed"] == len(dask[1]["sources"])


def test_dask_engine_starts_a_local_cluster_and_says_where(tmp_path, monkeypatch):
    """--engine dask without --scheduler: a LocalCluster (here of one
    worker, to keep the suite light) on an archive; a re-check reads the
    cache and starts no cluster."""
    from pipeline import dask_engine
    monkeypatch.setattr(dask_engine, "local_workers", lambda: 1)
    path = archive.write_jsonl([{"id": "a", "text": "Sales rose 12% in 2023."},
                                {"id": "b", "text": "Sales rose 15% in 2023."}],
                               tmp_path / "news.jsonl")
    r = CliRunner().invoke(cli, ["check", str(path), "--engine", "dask"])
    assert r.exit_code == 0, r.output
    assert "Dask: LocalCluster of 1 workers; " in r.stderr
    assert "dashboard http" in r.stderr or "no dashboard" in r.stderr
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    assert doc["run"]["claims"] == 2 and doc["run"]["reprocessed"] == 2
    r = CliRunner().invoke(cli, ["check", str(path), "--engine", "dask"])
    assert r.exit_code == 0 and "Dask:" not in r.stderr


def test_scheduler_needs_the_dask_engine(tmp_path):
    r = CliRunner().invoke(cli, ["check", str(SOURCES), "--engine", "local",
                                 "--scheduler", "tcp://127.0.0.1:8786",
                                 "--claims-dir", str(tmp_path / "c")])
    assert r.exit_code == 2 and r.stderr == \
        "Error: --scheduler needs --engine dask (the local engine runs here)\n"


def test_partitions_keep_order_and_bound_their_size():
    from pipeline.dask_engine import MAX_PARTITION, partitions
    items = list(range(1000))
    parts = partitions(items, 2)
    assert [x for p in parts for x in p] == items
    assert max(map(len, parts)) == MAX_PARTITION
    assert [len(p) for p in partitions(items[:6], 2)] == [2, 2, 2]
    assert partitions(items[:1], 2) == [[0]]


def test_extract_on_dask_gives_the_local_claim_table(cluster, tmp_path):
    rows = [{"id": p.stem, "text": p.read_text(encoding="utf-8")}
            for p in sorted(SOURCES.glob("*.txt"))]
    path = archive.write_jsonl(rows, tmp_path / "s.jsonl")
    local = CliRunner().invoke(cli, ["extract", str(path), "--quiet"])
    dask = CliRunner().invoke(cli, ["extract", str(path), "--quiet", "--engine", "dask",
                                    "--scheduler", cluster.scheduler_address])
    assert local.exit_code == 0 and dask.exit_code == 0, dask.output
    assert dask.stdout == local.stdout and local.stdout.count("\n") > 30


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    from pipeline import dask_engine
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    path = archive.write_jsonl([{"id": "a", "text": "Sales rose 12% in 2023."}],
                               tmp_path / "news.jsonl")
    r = CliRunner().invoke(cli, ["check", str(path), "--engine", "dask",
                                 "--scheduler", "tcp://127.0.0.1:9"])
    assert r.exit_code == 2
    assert r.stderr.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert r.stderr.count("\n") == 1 and not (tmp_path / "reports" / "findings.json").exists()
