"""The main job behind ``claimcheck check``: all stages, then the files.

Incremental: articles whose text, metadata, model and pipeline are unchanged
come from the claim cache (pipeline.cache) without loading the model; only
new or changed articles are parsed. Cross-article steps (canonicalize,
compare, explain) always run on all claims; explain takes each article's
sentences and cue sentences from the cache too. The whole run holds the reports
folder's lock, and every file is written atomically.
"""
from __future__ import annotations

import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

# compare is imported for run.compare.compare, which tests and benchmarks replace
from . import compare, explain, ingest, normalize, reviews  # noqa: F401
from .cache import ClaimCache
from .engine import compare_claims, parse_articles, session
from .files import ensure_dir, locked, sweep_temp_files
from .model import Article, Claim, Finding
from .errors import UserError
from .export import PARQUET_HINT, has_pyarrow
from .report import (CLAIMS_FILE, CLAIMS_PARQUET, FINDINGS_PARQUET, REPORT_FILES, REPORT_TOP, claims_csv,
                     carried_time, findings_document, run_stamp, write_claims, write_claims_parquet,
                     write_reports)
from .reviews import FINDINGS_FILE, REVIEWS_FILE


@dataclass
class RunResult:
    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    document: dict
    reprocessed: int = 0


def cached_claims(articles: list[Article], cache: ClaimCache, model: str | None = None,
                  jobs: int = 1, progress: bool = False, engine: str = "local",
                  scheduler: str | None = None) -> tuple[list[Claim], int]:
    """All claims of ``articles`` in article order, and how many articles
    had to be parsed; the model is loaded (and a Dask cluster reached, with
    ``engine="dask"``) only when one has to be."""
    per_article = {a.source_id: cache.get_claims(a) for a in articles}
    fresh = [a for a in articles if per_article[a.source_id] is None]
    if fresh:
        parsed = parse_articles(fresh, model, jobs, progress, engine=engine,
                                scheduler=scheduler, announce=progress)
        for a in fresh:
            per_article[a.source_id] = parsed[a.source_id]
            cache.put_claims(a, parsed[a.source_id])
    claims = normalize.combine(articles, per_article)
    return claims, len(fresh)


def run_check(sources_dir: Path, claims_dir: Path, reports_dir: Path, model: str | None = None,
              jobs: int = 1, max_bytes: int | None = None, quiet: bool = False,
              lock_timeout: float | None = None, engine: str = "local",
              scheduler: str | None = None, report_top: int | None = REPORT_TOP,
              claims_parquet: bool = False) -> RunResult:
    """``sources_dir``: a folder of articles, or an archive (a JSONL or
    Parquet file, or a glob of them; see pipeline.archive). ``engine``:
    where articles are parsed and claims compared (pipeline.engine); everything
    else runs here. ``report_top``: findings the reports show in full
    (pipeline.report.summary). ``claims_parquet``: write claims.parquet
    beside claims.csv (needs pyarrow)."""
    started = time.perf_counter()
    ingest.require_input(sources_dir)
    if claims_parquet and not has_pyarrow():  # asked for: an error before any work
        raise UserError(f"--claims-parquet needs pyarrow; run: {PARQUET_HINT}")
    ensure_dir(claims_dir)
    with ExitStack() as held:
        # both output folders locked: two runs sharing a --claims-dir would
        # otherwise prune each other's cache entries
        held.enter_context(locked(reports_dir, lock_timeout))
        if Path(claims_dir).resolve() != Path(reports_dir).resolve():
            held.enter_context(locked(claims_dir, lock_timeout))
        sweep_temp_files(reports_dir, (*REPORT_FILES, FINDINGS_PARQUET, REVIEWS_FILE))  # left by a killed run
        sweep_temp_files(claims_dir, (CLAIMS_FILE, CLAIMS_PARQUET))
        scheduler = held.enter_context(session(engine, scheduler, not quiet, jobs))
        cache = ClaimCache(claims_dir, model)
        cache.sweep()
        articles = ingest.read_input(sources_dir, max_bytes=max_bytes or ingest.DEFAULT_MAX_BYTES,
                                     memo=cache)
        claims, reprocessed = cached_claims(articles, cache, model, jobs, progress=not quiet,
                                            engine=engine, scheduler=scheduler)
        findings = explain.explain(compare_claims(claims, engine, scheduler), claims, articles,
                                   memo=cache)
        reviews.attach(findings, reports_dir)
        table = claims_csv(claims)  # the claim table, written without pandas
        stamp = run_stamp(table, findings)
        doc = findings_document(articles, claims, findings, reprocessed=reprocessed,
                                seconds=time.perf_counter() - started, stamp=stamp,
                                generated_at=carried_time(Path(reports_dir) / FINDINGS_FILE, stamp,
                                                          len(articles)))
        write_claims(claims, claims_dir, table)
        del table  # written: not held while the reports are made
        write_claims_parquet(claims, claims_dir, claims_parquet)
        write_reports(doc, claims, reports_dir, report_top)
        cache.save({a.source_id for a in articles})
    return RunResult(articles, claims, findings, doc, reprocessed)
