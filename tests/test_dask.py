"""The Dask engine (issue 17) gives the local engine's claims and findings.

A LocalCluster of 2 single-thread worker processes is started once for the
module; the checks reach it with --scheduler, one test starts its own with
--engine dask alone. Compare splits each set into three partitions here,
so every shuffle gathers blocks from several (in real runs a partition
holds tens of thousands of claims). Skipped, saying why, without the dask
extra.
"""
from collections import Counter
import json
from dataclasses import replace
import shutil

import pytest
from click.testing import CliRunner

distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs the dask extra: pip install 'claimcheck[dask]'")

from pipeline import archive, compare, dask_compare  # noqa: E402
from pipeline.cli import cli  # noqa: E402

from .conftest import DATA, ROOT, SOURCES  # noqa: E402
from .factories import Story, everything  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"


def story_sets(folder):
    """The story folders in ``folder``, or the folder itself (to skip, saying
    it is not here) when it is absent."""
    if not folder.is_dir():
        return [folder]
    return sorted(p for p in folder.iterdir() if p.is_dir())


SETS = [SOURCES, *story_sets(DATA / "blind_e2e"), *story_sets(CORPUS)]
#: Compare partitions in these tests: several, so that blocks meet across
#: partitions only if the engine shuffles them together; few, for speed.
FEW = 3


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


@pytest.fixture
def small_partitions(monkeypatch):
    monkeypatch.setattr(dask_compare, "partition_count", lambda claims: min(claims, FEW))


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as c:
        yield c


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_local_and_dask_engines_give_the_same_claims_and_findings(folder, cluster, tmp_path,
                                                                  small_partitions):
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
    cache, and compares on a cluster again (compare is the engine's too)."""
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
    assert r.exit_code == 0 and "Dask: LocalCluster of 1 workers; " in r.stderr
    doc = json.loads((tmp_path / "reports" / "findings.json").read_text())
    assert doc["run"]["reprocessed"] == 0


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


def findings_of(found):
    return [f.to_json() for f in sorted(found, key=lambda f: f.finding_id)]


def test_compare_on_dask_uses_the_aliases_of_the_whole_table(client):
    """An acronym stated in one block ("NCMEC", 2024) makes the full name the
    same subject in another (2023): so article a's two levels imply a change,
    checked against b's stated one, though the 2023 level shares no block
    of the keys step with the acronym. One claim per partition."""
    a = Story("a", "The National Center for Missing Exploited Children received 100 reports "
              "in 2023 and NCMEC received 150 reports in 2024.", metric="reports")
    a.claim("100", "count", 100, period="2023",
            subject="National Center for Missing Exploited Children")
    a.claim("150", "count", 150, subject="NCMEC")
    b = Story("b", "NCMEC reports rose 20% from 2023.", subject="NCMEC", metric="reports")
    b.claim("20%", "pct_change", 20, direction="increase", base_period="2023")
    claims, _ = everything(a, b)
    local = compare.compare(claims)
    assert [(f.type, f.basis) for f in local] == [("conflict", "derived")]
    assert findings_of(dask_compare.compare(claims, client, partitions=3)) == findings_of(local)


def test_compare_on_dask_gives_the_local_findings_in_many_partitions(client):
    """Synthetic claims (the benchmark's) in four partitions: key
    agreements and conflicts over blocks that every shuffle gathers from
    several partitions."""
    from benchmarks.bench import synthetic_claims
    claims = synthetic_claims(600)
    local = compare.compare(claims)
    assert len(local) > 75 and {f.type for f in local} == {"agreement", "conflict"}
    assert findings_of(dask_compare.compare(claims, client, partitions=4)) == findings_of(local)


def test_compare_on_dask_of_no_claims_is_no_findings(client):
    assert dask_compare.compare([], client) == []


def die_once(marker: str, step):
    """``step``, but the first call anywhere (``marker`` is made by it)
    ends its worker process on the spot, as a crash or a kill would."""
    def dying(*args, **kwargs):
        import os
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return step(*args, **kwargs)
        os._exit(1)
    return dying


def test_a_worker_lost_mid_partition_is_retried(cluster, tmp_path, monkeypatch,
                                                small_partitions):
    """A worker dies in the middle of a partition of articles, and another in
    the middle of a block of compare: the nanny starts new ones, the
    partitions run again, and the run gives the local engine's outputs."""
    from pipeline import dask_engine
    monkeypatch.setattr(dask_engine, "parse_partition",
                        die_once(str(tmp_path / "parse.died"), dask_engine.parse_partition))
    monkeypatch.setattr(dask_compare, "_key_block",
                        die_once(str(tmp_path / "compare.died"), dask_compare._key_block))
    src = shutil.copytree(DATA / "blind_e2e" / "transit", tmp_path / "sources")
    check(src, tmp_path / "local")
    check(src, tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert (tmp_path / "parse.died").exists() and (tmp_path / "compare.died").exists()
    assert outputs(tmp_path / "local") == outputs(tmp_path / "dask")


def test_ctrl_c_during_compare_on_dask_leaves_the_previous_outputs(cluster, tmp_path,
                                                                   monkeypatch):
    src = shutil.copytree(SOURCES, tmp_path / "sources")
    check(src, tmp_path)
    before = {p: p.read_bytes() for p in [*(tmp_path / "reports").iterdir(),
                                           tmp_path / "claims" / "claims.csv"] if p.is_file()}

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(dask_compare, "compare_table", interrupted)
    r = CliRunner().invoke(cli, ["check", str(src), "--claims-dir", str(tmp_path / "claims"),
                                 "--reports-dir", str(tmp_path / "reports"), "--quiet",
                                 "--engine", "dask", "--scheduler", cluster.scheduler_address])
    assert r.exit_code == 130 and "Traceback" not in r.output
    assert {p: p.read_bytes() for p in before} == before
    assert not list((tmp_path / "reports").glob(".*.tmp"))


def test_compare_on_dask_takes_articles_in_table_order(client):
    """Two articles derive the same figures (wire copy), checked against a
    third: one finding, led by the article that comes first in the table,
    here by a claim about something else, in another block of the metric
    shuffle than its cases (where the other article's come first)."""
    a = Story("a", "Agency deaths were 7 in 2024.", metric="deaths")
    a.claim("7", "count", 7)
    b = Story("b", "Cases rose from 100 in 2023 to 150 in 2024.", metric="cases")
    b.claim("100", "count", 100, period="2023")
    b.claim("150", "count", 150)
    a2 = Story("a", "Cases rose from 100 in 2023 to 150 in 2024.", metric="cases")
    a2.claim("100", "count", 100, period="2023")
    a2.claim("150", "count", 150)
    a2.claims = [replace(c, claim_id="a-" + c.claim_id, start_char=c.start_char + 100,
                         end_char=c.end_char + 100) for c in a2.claims]
    c = Story("c", "Agency cases rose 20% from 2023.", metric="cases")
    c.claim("20%", "pct_change", 20, direction="increase", base_period="2023")
    claims = everything(a, b, a2, c)[0]
    local = compare.compare(claims)
    derived = [f for f in local if f.basis == "derived"]
    assert len(derived) == 1 and derived[0].sources == ["a", "b", "c"]
    assert findings_of(dask_compare.compare(claims, client, partitions=4)) == findings_of(local)


#: Claims in each partition of step 4 (``recorded_shard_pairs``; in-process
#: workers unpickle a function of this module by reference, so they share it).
SHARDS: list[set] = []
UNRECORDED = []  # dask_compare._shard_pairs itself


def recorded_shard_pairs(df, words):
    SHARDS.append(set(df[dask_compare.ORDER]))
    return UNRECORDED[0](df, words)


def test_compare_on_dask_pairs_frames_without_a_whole_kind_and_unit_on_one_worker(monkeypatch):
    """Step 4 shuffles a row per claim and pairing block (a word its metric
    measures, a word next to its number, its value), a word block too large
    to pair whole by block and subject, never a whole (kind family, unit):
    on the benchmark's synthetic claims, half of them counts of one unit,
    no partition of four paired holds half of those, and the
    findings are the local engine's, with a small ``max_block`` (every
    word block split by subject) and the configured one."""
    from benchmarks.bench import synthetic_claims
    from pipeline import align
    claims = synthetic_claims(3000)
    usable = [i for i, c in enumerate(claims) if compare.comparable(c)]
    block, _ = Counter(align.block_of(claims[i]) for i in usable).most_common(1)[0]
    biggest = {i for i in usable if align.block_of(claims[i]) == block}
    seen = SHARDS
    UNRECORDED[:] = [dask_compare._shard_pairs]
    monkeypatch.setattr(dask_compare, "_shard_pairs", recorded_shard_pairs)
    with distributed.Client(processes=False, n_workers=1, threads_per_worker=2,
                            dashboard_address=":0") as c:
        for limit in (20, align.cfg()["align"]["max_block"]):
            monkeypatch.setitem(align.cfg()["align"], "max_block", limit)
            seen.clear()
            local = compare.compare(claims)
            assert findings_of(dask_compare.compare(claims, c, partitions=4)) == findings_of(local)
            assert len(seen) == 4
            assert max(len(part & biggest) for part in seen) < len(biggest) / 2
