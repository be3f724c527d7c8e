"""The Python API: :func:`extract_claims` and :func:`check_sources`.

Both run the same stages as the command line but write no files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import compare, explain, ingest, normalize
from .model import CLAIM_COLUMNS, Article, Claim, Finding

if TYPE_CHECKING:
    import pandas as pd


def claims_frame(claims: list[Claim]) -> pd.DataFrame:
    """The claim table (the contract's columns, in order) for ``claims``."""
    import pandas as pd  # only here: ``claimcheck check`` writes its table without pandas
    return pd.DataFrame([c.row() for c in claims], columns=list(CLAIM_COLUMNS))


def parse_articles(articles: list[Article], model: str | None = None, jobs: int = 1,
                   progress: bool = False) -> dict[str, list[Claim]]:
    """Per-article claims (nlp, extract, normalize.attribute) for ``articles``,
    parsed afresh (``jobs`` processes; ``progress``: a bar on stderr when it is
    a terminal). Cross-article canonicalization is the caller's."""
    from .nlp import load_nlp, parse  # spaCy is imported only when something is parsed
    nlp = load_nlp(model)
    return {article.source_id: normalize.attribute(article, doc, doc._.numeric_claims)
            for article, doc in parse(nlp, articles, n_process=jobs, progress=progress)}


def read_claims(articles: list[Article], model: str | None = None, jobs: int = 1,
                progress: bool = False, engine: str = "local",
                scheduler: str | None = None) -> list[Claim]:
    """Claims of ``articles`` in article order, canonicalized across them;
    parsed by ``engine`` (see pipeline.engine: ``local`` or ``dask``)."""
    if engine == "local" and not scheduler:
        per_article = parse_articles(articles, model, jobs, progress)
    else:
        from .engine import parse_articles as on_engine
        per_article = on_engine(articles, model, jobs, progress, engine=engine,
                                scheduler=scheduler, announce=progress)
    return normalize.combine(articles, per_article)


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
    """Read, compare and explain every article in ``folder`` (or in an
    archive: a JSONL or Parquet file, or a glob of them); write nothing."""
    articles = ingest.read_input(ingest.require_input(folder))
    claims = read_claims(articles, model)
    findings = explain.explain(compare.compare(claims), claims, articles)
    return CheckResult(articles, claims, findings, reprocessed=len(articles),
                       frame=claims_frame(claims))
