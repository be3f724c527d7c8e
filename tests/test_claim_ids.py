"""Claim ids stay unique at archive scale (issue 17): an id shared by claims at
different spans in one run gets a longer digest; ids that do not clash stay
exactly as they were."""
import csv
import hashlib
import json

from click.testing import CliRunner

from pipeline import archive, normalize
from pipeline.cli import cli
from pipeline.model import Article, Claim

from .test_archive import sample_rows


def article(source_id: str, text: str) -> Article:
    return Article(source_id, text, hashlib.sha256(text.encode()).hexdigest())


def claim(a: Article, start: int, end: int, cid: str | None = None) -> Claim:
    return Claim(claim_id=cid or normalize.claim_id(a, start, end), source_id=a.source_id,
                 sentence="", start_char=start, end_char=end, text="", kind="count",
                 value=1.0, low=1.0, high=1.0)


def test_ids_that_do_not_clash_stay_as_they_are():
    a, b = article("000_a", "text one"), article("001_b", "text two")
    claims = [claim(a, 0, 4), claim(a, 5, 8), claim(b, 0, 4)]
    assert normalize.unique_ids(claims, [a, b]) == claims


def test_a_shared_id_gets_a_longer_digest_of_its_own_text_and_span():
    a, b = article("2024-01-01-0001", "text one"), article("2024-01-01-0002", "text two")
    kept = claim(b, 5, 8)
    claims = [claim(a, 0, 4, "2024-01-01-0-abcdef"), claim(b, 0, 4, "2024-01-01-0-abcdef"), kept]
    out = normalize.unique_ids(claims, [a, b])
    assert len({c.claim_id for c in out}) == 3
    assert out[2] is kept
    for c, art in zip(out[:2], (a, b)):
        digest = hashlib.sha1(f"{art.sha256}:{c.start_char}:{c.end_char}".encode()).hexdigest()
        assert c.claim_id == f"2024-01-01-0-{digest[:normalize.LONG_ID_DIGITS]}"
    # the same claims again: the same ids (stable while the clash lasts)
    assert normalize.unique_ids(claims, [a, b]) == out


def test_the_same_text_and_span_under_two_source_ids_still_get_two_ids():
    a, b = article("000_a", "same text"), article("000_b", "same text")
    claims = [claim(a, 0, 4), claim(b, 0, 4)]
    assert claims[0].claim_id == claims[1].claim_id
    out = normalize.unique_ids(claims, [a, b])
    assert out[0].claim_id != out[1].claim_id
    assert all(c.claim_id.startswith("000-") for c in out)


def test_one_claim_at_one_span_keeps_its_id_however_often_it_is_listed():
    a = article("000_a", "text one")
    claims = [claim(a, 0, 4), claim(a, 0, 4)]
    assert normalize.unique_ids(claims, [a]) == claims


def test_an_archive_whose_ids_share_a_prefix_gets_unique_claim_ids(tmp_path, monkeypatch):
    # one hex digit instead of six: the sample's 33 claims must clash
    short = normalize.claim_id
    monkeypatch.setattr(normalize, "claim_id", lambda *a: short(*a)[:-5])
    rows = [{**r, "id": f"2024-05-13-{i:04d}"} for i, r in enumerate(sample_rows())]
    (tmp_path / "a").mkdir()
    path = archive.write_jsonl(rows, tmp_path / "a" / "archive.jsonl")
    runs = []
    for _ in range(2):  # the second run reads the claim cache
        r = CliRunner().invoke(cli, ["check", str(path), "--quiet"])
        assert r.exit_code == 0, r.output
        with open(tmp_path / "a" / "claims" / "claims.csv", encoding="utf-8") as fh:
            ids = [row["claim_id"] for row in csv.DictReader(fh)]
        runs.append(ids)
        assert len(ids) > 16 and len(set(ids)) == len(ids)
        assert {i.rsplit("-", 1)[0] for i in ids} == {"2024-05-13-0"}
        doc = json.loads((tmp_path / "a" / "reports" / "findings.json").read_text("utf-8"))
        assert {c for f in doc["findings"] for c in f["claims"]} <= set(ids)
    assert runs[0] == runs[1]
    # the claims whose one-digit id nobody else had kept it
    assert any(len(i.rsplit("-", 1)[1]) == 1 for i in runs[0])
