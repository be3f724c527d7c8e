"""The Python API: :func:`extract_claims` and :func:`check_sources`.

Both run the same stages as the command line but write no files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import compare, explain, ingest, normalize
from .model import CLAIM_COLUMNS, Article, Claim, Finding


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """The claim table (the contract's columns, in order) for ``claims``."""
    return pd.DataFrame([c.row() for c in claims], columns=list(CLAIM_COLUMNS))


def read_claims(articles: list[Article], model: str | None = None, jobs: int = 1,
                progress: bool = False) -> list[Claim]:
    """Run nlp, extract and normalize over ``articles`` (``jobs`` processes;
    ``progress``: a bar on stderr when it is a terminal)."""
    from .nlp import load_nlp, parse  # spaCy is imported only when something is parsed
    nlp = load_nlp(model)
    claims: list[Claim] = []
    for article, doc in parse(nlp, articles, n_process=jobs, progress=progress):
        claims.extend(normalize.attribute(article, doc, doc._.numeric_claims))
    return normalize.canonicalize(claims) if hasattr(normalize, "canonicalize") else claims


def extract_claims(text: str, source_id: str = "text", published: str = "",
                   model: str | None = None) -> pd.DataFrame:
    """The claim table for one text."""
    article = ingest.make_article(text, source_id, meta={"date": published})
    return claims_frame(read_claims([article], model))


@dataclass
class CheckResult:
    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    reprocessed: int = 0
    frame: pd.DataFrame = field(default=None, repr=False)


def check_sources(folder: str | Path = "sources", model: str | None = None) -> CheckResult:
    """Read, compare and explain every article in ``folder``; write nothing."""
    articles = ingest.read_sources(folder)
    claims = read_claims(articles, model)
    findings = explain.explain(compare.compare(claims), claims, articles)
    return CheckResult(articles, claims, findings, reprocessed=len(articles),
                       frame=claims_frame(claims))
