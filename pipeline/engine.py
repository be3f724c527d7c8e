"""Where the per-article stages (nlp, extract, normalize.attribute) run.

``local`` (the default) runs them in this machine's processes, ``--jobs``
of them, through :func:`pipeline.api.parse_articles`. ``dask`` maps the
same function over partitions of the articles on a Dask cluster
(:mod:`pipeline.dask_engine`): a LocalCluster sized to the machine, or an
existing scheduler given by address. Both return the same claims; the
cross-article stages (canonicalize, compare, explain, report) then run here,
on all claims, whichever engine parsed them.
"""
from __future__ import annotations

from .errors import UserError
from .model import Article, Claim

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
