"""canonicalize's per-metric index (issue 17) gives exactly what the
quadratic scan it replaced gave: the scan is kept here as the reference and
swapped in, on the sample, every blind set, the held-out sets, the shared
real-coverage corpus, all of them pooled, and a synthetic set built to stress
the counting (articles that alone give a subject, subjects several give,
publishers, empty metrics)."""
import random
from dataclasses import replace

import pytest

from pipeline import ingest, normalize
from pipeline.attribution import canonical
from pipeline.model import Claim
from pipeline.report.table import claims_csv

from .conftest import DATA, ROOT, SOURCES

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = [SOURCES, *sorted(p for p in (DATA / "blind_e2e").iterdir() if p.is_dir()),
           *sorted(p for p in (DATA / "heldout").iterdir() if p.is_dir()),
           *(sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else [])]


def quadratic_elsewhere(claims, c, is_source) -> bool:
    """The code before the index (pipeline/attribution/canonical.py at 2cb707a)."""
    names = {o.subject for o in claims if o.source_id != c.source_id and o.metric == c.metric
             and o.subject and not is_source(o.subject)}
    return len(names) == 1


def canonicalize_both(claims, monkeypatch):
    new = normalize.canonicalize(claims)
    with monkeypatch.context() as m:
        m.setattr(canonical, "_elsewhere_index",
                  lambda cs, is_source: lambda c: quadratic_elsewhere(cs, c, is_source))
        old = normalize.canonicalize(claims)
    return old, new


@pytest.fixture(scope="module")
def per_set():
    """{set name: the per-article claims of its articles, before canonicalize}."""
    from pipeline.api import parse_articles
    sets = {f.name: ingest.read_sources(f) for f in FOLDERS}
    parsed = parse_articles([a for arts in sets.values() for a in arts])
    return {name: [c for a in arts for c in parsed[a.source_id]] for name, arts in sets.items()}


def test_index_gives_the_quadratic_scans_claims_on_every_set(per_set, monkeypatch):
    assert len(per_set) >= 10
    changed = 0
    for name, claims in per_set.items():
        old, new = canonicalize_both(claims, monkeypatch)
        assert new == old, name
        assert claims_csv(new) == claims_csv(old), name
        changed += sum(a.subject != b.subject for a, b in zip(claims, new))
    assert changed > 0  # the sets exercise subject filling at all


def test_index_gives_the_same_claims_on_the_sets_pooled(per_set, monkeypatch):
    pooled = [c for claims in per_set.values() for c in claims]
    old, new = canonicalize_both(pooled, monkeypatch)
    assert claims_csv(new) == claims_csv(old) and new == old


def test_index_on_a_stress_set(per_set, monkeypatch):
    """Subjects and publishers shuffled over many articles and few metrics,
    so that every branch of the counting is hit."""
    rng = random.Random(17)
    pooled = [c for claims in per_set.values() for c in claims]
    publishers = ["Bureau of Labor Statistics", "Census Bureau"]
    places = {"cases": "Ohio", "deaths": "Texas", "": "NCMEC", "report": "Acme Corp",
              "jobs": "Ohio;Texas"}
    claims = []
    for i in range(1500):
        metric, src = rng.choice(sorted(places)), rng.randrange(40)
        r = rng.random()
        subject = places[metric] if r < 0.4 else rng.choice(publishers) if r < 0.7 else \
            "" if r < 0.85 or metric != "jobs" or src > 1 else f"Town {src}"
        # ("Town 0", "Town 1": places only one article gives)
        c = pooled[i % len(pooled)]
        claims.append(replace(c, claim_id=f"s{i}", source_id=f"src{src}", subject=subject,
                              metric=metric))
    old, new = canonicalize_both(claims, monkeypatch)
    assert new == old
    assert any(a.subject in publishers and b.subject != a.subject for a, b in zip(claims, new))


def test_elsewhere_index_counts_subjects_of_other_articles():
    def claim(src, subject, metric="cases"):
        return Claim(claim_id=f"{src}-{subject}", source_id=src, sentence="", start_char=0,
                     end_char=1, text="1", kind="count", value=1.0, low=1.0, high=1.0,
                     metric=metric, subject=subject)
    claims = [claim("a", "Ohio"), claim("b", "Ohio"), claim("b", "Texas"), claim("c", "CDC")]
    is_source = lambda name: name == "CDC"  # noqa: E731
    elsewhere = canonical._elsewhere_index(claims, is_source)
    for c in claims:
        assert elsewhere(c) == quadratic_elsewhere(claims, c, is_source), c.claim_id
    assert elsewhere(claims[3]) is False  # others give Ohio and Texas
    assert elsewhere(claims[0]) is False  # b gives Ohio and Texas
    assert elsewhere(claims[1]) is True   # a gives Ohio only
