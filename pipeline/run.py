"""The main job behind ``claimcheck check``: all stages, then the files."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from . import compare, explain, ingest
from .api import claims_frame, read_claims
from .files import ensure_dir
from .model import Article, Claim, Finding
from .report import findings_document, write_claims, write_reports


@dataclass
class RunResult:
    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    document: dict


def run_check(sources_dir: Path, claims_dir: Path, reports_dir: Path, model: str | None = None,
              jobs: int = 1, max_bytes: int | None = None, quiet: bool = False) -> RunResult:
    started = time.perf_counter()
    articles = ingest.read_sources(sources_dir, max_bytes=max_bytes or ingest.DEFAULT_MAX_BYTES)
    ensure_dir(claims_dir)
    ensure_dir(reports_dir)
    claims = read_claims(articles, model, jobs=jobs, progress=not quiet)
    findings = explain.explain(compare.compare(claims), claims, articles)
    frame = claims_frame(claims)
    doc = findings_document(articles, claims, findings, reprocessed=len(articles),
                            seconds=time.perf_counter() - started)
    write_claims(frame, claims_dir)
    write_reports(doc, frame, reports_dir)
    return RunResult(articles, claims, findings, doc)
