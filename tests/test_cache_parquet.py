"""The claim cache as a Parquet dataset (pipeline.cache_parquet): the same
claims and findings as the JSON store, a changed article rewriting only its
partition, an interrupted save leaving a dataset every later run can read."""
import json
import math
import shutil

import pytest

from pipeline import cache as cache_mod
from pipeline import cache_parquet
from pipeline.cache_parquet import DATASET_DIR, ParquetStore, partition
from pipeline.model import Claim

from .conftest import cached_ids
from .test_workflow import NEW_STORY, check, findings

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def dataset(out):
    return out / "claims" / ".cache" / DATASET_DIR


def stamps(out):
    """Each partition file's (inode, mtime): what a rewrite changes."""
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in dataset(out).glob("*.parquet")}


def outputs(out):
    doc = findings(out)
    doc.pop("generated_at"), doc["run"].pop("seconds"), doc["run"].pop("reprocessed")
    doc["run"].pop("id")  # stamps the findings' "new" too
    for f in doc["findings"]:
        f.pop("new")  # first seen in this run or not
    return (out / "claims" / "claims.csv").read_text(encoding="utf-8"), doc


def test_check_keeps_claims_in_a_parquet_dataset(sources_copy, tmp_path):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    ids = {p.stem for p in sources_copy.glob("*.txt")}
    assert not list((out / "claims" / ".cache").glob("*.json"))
    assert {p.stem for p in dataset(out).glob("*.parquet")} == {partition(s) for s in ids}
    # an ordinary dataset: pyarrow reads every cached claim, as claims.csv lists them
    import pyarrow.dataset as ds
    table = ds.dataset(dataset(out), format="parquet").to_table()
    cached = sorted(c["claim_id"] for row in table.column("claims").to_pylist() for c in row)
    rows = (out / "claims" / "claims.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(cached) == len(rows) == findings(out)["run"]["claims"]
    assert set(table.column("source_id").to_pylist()) == ids


def test_parquet_and_json_stores_give_the_same_claims_and_findings(sources_copy, tmp_path,
                                                                    monkeypatch):
    with_parquet, with_json = tmp_path / "p", tmp_path / "j"
    for _ in range(2):  # cold, then warm from the cache
        assert check(sources_copy, with_parquet).exit_code == 0
    with monkeypatch.context() as m:
        m.setattr(cache_mod, "has_pyarrow", lambda: False)
        for _ in range(2):
            assert check(sources_copy, with_json).exit_code == 0
    assert findings(with_parquet)["run"]["reprocessed"] == 0
    assert findings(with_json)["run"]["reprocessed"] == 0
    assert outputs(with_parquet) == outputs(with_json)
    assert list((with_json / "claims" / ".cache").glob("*.json"))
    assert not dataset(with_json).exists()


def test_a_new_or_removed_article_rewrites_only_its_partition(sources_copy, tmp_path,
                                                             monkeypatch):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    before = stamps(out)
    new = sources_copy / "harbor.txt"
    new.write_text(NEW_STORY, encoding="utf-8")
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 1
    after = stamps(out)
    mine = f"{partition('harbor')}.parquet"
    assert mine not in before  # (the sample's three ids and harbor's fall in four partitions)
    assert {k: v for k, v in after.items() if k != mine} == before
    assert "harbor" in cached_ids(out / "claims")

    monkeypatch.setattr("pipeline.nlp.load_nlp", lambda *a, **k: pytest.fail("model loaded"))
    assert check(sources_copy, out).exit_code == 0  # nothing changed: nothing rewritten
    assert stamps(out) == after
    new.unlink()
    assert check(sources_copy, out).exit_code == 0
    assert stamps(out) == before  # its partition, left empty, is deleted
    assert findings(out)["run"]["reprocessed"] == 0


def test_a_changed_article_is_parsed_again_alone(sources_copy, tmp_path):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    before = stamps(out)
    path = sorted(sources_copy.glob("*.txt"))[0]
    assert "2,300" not in (out / "claims" / "claims.csv").read_text(encoding="utf-8")
    path.write_text(NEW_STORY + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 1
    changed = {k for k in before if stamps(out)[k] != before[k]}
    assert changed == {f"{partition(path.stem)}.parquet"}
    assert "2,300" in (out / "claims" / "claims.csv").read_text(encoding="utf-8")


def test_interrupted_save_leaves_a_readable_dataset(sources_copy, tmp_path, monkeypatch):
    out, fresh = tmp_path / "run", tmp_path / "fresh"
    assert check(sources_copy, out).exit_code == 0
    for p in sources_copy.glob("*.txt"):  # every article changed: every partition rewritten
        p.write_text(p.read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    real = cache_parquet.write_atomic
    written = []

    def killed(path, data):  # Ctrl-C while the second partition is being written
        if written:
            raise KeyboardInterrupt
        written.append(path)
        return real(path, data)
    monkeypatch.setattr(cache_parquet, "write_atomic", killed)
    assert check(sources_copy, out).exit_code == 130
    monkeypatch.setattr(cache_parquet, "write_atomic", real)
    assert not list(dataset(out).glob(".*.tmp"))
    for part in dataset(out).glob("*.parquet"):
        pq.read_table(part)  # each partition whole: the old one or the new one
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 2  # the partition written before the kill
    assert check(sources_copy, fresh).exit_code == 0
    assert outputs(out) == outputs(fresh)


def test_damaged_partition_is_read_afresh(sources_copy, tmp_path):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    expected = outputs(out)
    first = sorted(sources_copy.glob("*.txt"))[0].stem
    dataset(out).joinpath(f"{partition(first)}.parquet").write_bytes(b"PAR1 not parquet")
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 1
    assert outputs(out) == expected
    assert first in cached_ids(out / "claims")  # rewritten


def test_partition_of_another_schema_is_read_afresh(sources_copy, tmp_path):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    expected = outputs(out)
    first = sorted(sources_copy.glob("*.txt"))[0].stem
    pq.write_table(pa.table({"source_id": [first], "claims": ["[]"]}),
                   dataset(out) / f"{partition(first)}.parquet")
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 1
    assert outputs(out) == expected


def test_a_json_cache_is_taken_over_without_parsing(sources_copy, tmp_path, monkeypatch):
    out = tmp_path / "run"
    with monkeypatch.context() as m:
        m.setattr(cache_mod, "has_pyarrow", lambda: False)
        assert check(sources_copy, out).exit_code == 0
    expected = outputs(out)
    monkeypatch.setattr("pipeline.nlp.load_nlp", lambda *a, **k: pytest.fail("model loaded"))
    assert check(sources_copy, out).exit_code == 0
    assert findings(out)["run"]["reprocessed"] == 0
    assert outputs(out) == expected
    assert not list((out / "claims" / ".cache").glob("*.json"))
    assert cached_ids(out / "claims") == {p.stem for p in sources_copy.glob("*.txt")}


def test_stale_temporary_partition_is_swept(sources_copy, tmp_path):
    out = tmp_path / "run"
    assert check(sources_copy, out).exit_code == 0
    stale = dataset(out) / ".20.parquet.ab12cd.tmp"
    stale.write_bytes(b"half a file")
    assert check(sources_copy, out).exit_code == 0
    assert not stale.exists()


def test_claims_round_trip_exactly(tmp_path):
    """Every field as it was: ints stay ints, open ends stay infinite, the
    sentence and entry data unchanged."""
    claims = [Claim("a-1", "a", "It rose 5% to 7 million.", 8, 10, "5%", "pct_change", 5, 4.5,
                    5.5, direction="increase", unit="%", confidence=1, sent_start=0,
                    sent_end=24),
              Claim("a-2", "a", "It rose 5% to 7 million.", 14, 23, "7 million", "count",
                    7e6, 6.5e6, math.inf, qualifier="more_than", subject="NCMEC",
                    metric="report", period="2024", confidence=0.9, source="Reuters",
                    reference="x", sent_start=0, sent_end=24)]
    entries = {"a": {"key": "k", "claims": claims, "explain": {"sentences": [[0, 24]]}},
               "b": {"key": "k2", "claims": None, "text": "Caf\u00e9\n", "notes": []},
               "c": {"key": "k3", "claims": []}}
    store = ParquetStore(tmp_path)
    store.save(entries, set(entries), set(entries))
    again = ParquetStore(tmp_path)
    got = {s: again.read(s) for s in entries}
    assert got["a"]["explain"] == '{"sentences": [[0, 24]]}'  # parsed when explain asks
    got["a"]["explain"] = json.loads(got["a"]["explain"])
    assert got == entries
    assert [type(getattr(c, f)) for c in got["a"]["claims"] for f in ("value", "confidence")] \
        == [int, int, float, float]
    assert got["a"]["claims"][0].sentence is got["a"]["claims"][1].sentence
    shutil.rmtree(tmp_path / DATASET_DIR)


def test_unreadable_claims_are_kept_out_not_written(tmp_path):
    bad = Claim("a-1", "a", "s", 0, 1, "5", "count", "five", 5.0, 5.0)
    store = ParquetStore(tmp_path)
    store.save({"a": {"key": "k", "claims": [bad]}}, {"a"}, {"a"})
    assert ParquetStore(tmp_path).read("a") == {"key": "k", "claims": None}
    assert json.loads(pq.read_table(store.path(partition("a"))).column("entry")[0].as_py()) \
        == {"key": "k"}
