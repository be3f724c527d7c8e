"""Where the per-article stages (nlp, extract, normalize.attribute) and
compare run.

``local`` (the default) runs them in this machine's processes, ``--jobs``
of them, through :func:`pipeline.api.parse_articles`. ``dask`` maps the
same function over partitions of the articles on a Dask cluster
(:mod:`pipeline.dask_engine`): a LocalCluster sized to the machine, or an
existing scheduler given by address; and it compares the claims there,
shuffled by compare's blocking keys (:mod:`pipeline.dask_compare`). Both
give the same claims and findings; canonicalize, explain and report run
here, whichever engine ran the rest.
"""
from __future__ import annotations

from contextlib import contextmanager, nullcontext

from . import compare
from .errors import UserError
from .model import Article, Claim, Finding

ENGINES = ("local", "dask")


def resolve(engine: str | None, scheduler: str | None) -> str:
    """The engine to use: ``--scheduler`` alone means dask; with the local
    engine it is a usage error."""
    engine = engine or ("dask" if scheduler else "local")
    if engine not in ENGINES:
        raise UserError(f"engine {engine!r} is not one of {', '.join(ENGINES)}")
    if engine == "local" and scheduler:
        raise UserError("--scheduler needs --engine dask (the local engine runs here)")
    return engine


def parse_articles(articles: list[Article], model: str | None = None, jobs: int = 1,
                   progress: bool = False, engine: str = "local",
                   scheduler: str | None = None, announce: bool = True) -> dict[str, list[Claim]]:
    """Per-article claims of ``articles`` ({source_id: claims}) from the
    chosen engine; see :func:`pipeline.api.parse_articles`."""
    if not articles:
        return {}
    if resolve(engine, scheduler) == "dask":
        from .dask_engine import parse_articles as on_dask
        # --jobs N (N > 1) sizes a LocalCluster; by default it has one worker per core
        return on_dask(articles, model, scheduler=scheduler, progress=progress,
                       announce=announce, workers=jobs if jobs > 1 else None)
    from .api import parse_articles as here
    return here(articles, model, jobs, progress)


def session(engine: str, scheduler: str | None, announce: bool = True, jobs: int = 1):
    """A context giving the scheduler address a run's Dask steps share: the
    given one, or that of a LocalCluster started for the run (``--jobs N``,
    N > 1, workers; else one per core) and closed after it. None for the
    local engine."""
    if resolve(engine, scheduler) == "local" or scheduler:
        return nullcontext(scheduler)
    return _local_cluster(announce, jobs)


@contextmanager
def _local_cluster(announce: bool, jobs: int):
    from .dask_engine import connect
    with connect(None, announce, workers=jobs if jobs > 1 else None) as client:
        yield client.scheduler.address


def compare_claims(claims: list[Claim], engine: str = "local",
                   scheduler: str | None = None) -> list[Finding]:
    """:func:`pipeline.compare.compare` of ``claims``, here or on the Dask
    cluster at ``scheduler`` (a LocalCluster when None)."""
    if resolve(engine, scheduler) == "local" or not claims:
        return compare.compare(claims)
    from .dask_compare import compare as on_dask
    from .dask_engine import connect
    with connect(scheduler, announce=False) as client:
        return on_dask(claims, client)
