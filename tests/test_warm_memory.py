"""What a warm check holds per claim (issue 17, benchmark d): a quoted
sentence once however many findings quote it, findings.json's evidence
entries the findings' own, an article's blocks without a dict each."""
from pipeline.compare import compare
from pipeline.explain import explain
from pipeline.model import Block

from .factories import Story, everything


def camps():
    """Two articles say 41 deaths, a third 23: a conflict and, within it,
    the agreement of the two; both quote the first two articles."""
    stories = []
    for source, n in (("a", 41), ("b", 41), ("c", 23)):
        s = Story(source, "Flooding hit the county on Monday.",
                  f"Officials said {n} people died in the flooding.", subject="County",
                  metric="deaths")
        s.claim(str(n), "count", n, unit="person")
        stories.append(s)
    claims, articles = everything(*stories)
    return explain(compare(claims), claims, articles)


def test_findings_quoting_one_sentence_share_it():
    findings = camps()
    assert sorted(f.type for f in findings) == ["agreement", "conflict"]
    quotes = {}
    for f in findings:
        for e in f.evidence:
            quotes.setdefault((e.source_id, e.start_char, e.end_char), []).append(e.sentence)
    shared = [q for q in quotes.values() if len(q) > 1]
    assert shared and all(q[0] == "Officials said 41 people died in the flooding." for q in shared)
    assert all(s is q[0] for q in shared for s in q)


def test_findings_json_evidence_entries_are_the_findings_own():
    for f in camps():
        d = f.to_json()
        assert d["evidence"] == [{"source_id": e.source_id, "sentence": e.sentence,
                                  "start_char": e.start_char, "end_char": e.end_char,
                                  "role": e.role, "cue": e.cue} for e in f.evidence]
        assert all(entry is vars(e) for entry, e in zip(d["evidence"], f.evidence))


def test_blocks_hold_no_dict_each():
    b = Block(0, 10, "paragraph")
    assert not hasattr(b, "__dict__") and b == Block(0, 10, "paragraph")


def test_the_findings_index_is_checked_without_reading_findings_json_whole(tmp_path,
                                                                           monkeypatch):
    import json
    import pathlib

    from pipeline import reviews
    doc = {"findings": [f.to_json() for f in camps()]}
    text = json.dumps(doc)
    (tmp_path / reviews.FINDINGS_FILE).write_text(text, encoding="utf-8")
    (tmp_path / reviews.INDEX_FILE).write_text(reviews.findings_index(doc, text),
                                               encoding="utf-8")

    def whole(self):
        raise AssertionError(f"{self} read whole")
    monkeypatch.setattr(pathlib.Path, "read_bytes", whole)
    found = reviews.previous_findings(tmp_path)
    assert [f["finding_id"] for f in found] == [f["finding_id"] for f in doc["findings"]]
