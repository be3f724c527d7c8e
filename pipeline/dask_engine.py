"""The Dask engine: the library's own per-article stages, mapped over a cluster.

Articles go to the workers in partitions; each partition runs
:func:`pipeline.api.parse_articles` (nlp, extract, normalize.attribute: the
same function the local engine runs, never a second implementation), and the
spaCy model is loaded once per worker process (:func:`pipeline.nlp.load_nlp`
keeps it). The claims come back to the caller, which canonicalizes,
compares, explains and reports them as the local engine does, so both give
the same claims and findings, with the same ids.

Without a scheduler address a ``LocalCluster`` is started, one single-thread
worker process per core (spaCy is CPU-bound), and its dashboard address is
printed on stderr; with one (``tcp://host:8786``) the existing cluster is
used, and its workers need claimcheck and the model installed. A partition
whose worker is lost is retried (:data:`RETRIES`).

Dask is optional: ``pip install 'claimcheck[dask]'``.
"""
from __future__ import annotations

import math
import os
import sys
from contextlib import contextmanager

from .errors import UserError
from .model import Article, Claim
from .progress import track

#: Articles per partition at most (each is one task; spaCy batches within it).
MAX_PARTITION = 64
#: Times a partition is retried when its worker dies.
RETRIES = 2
INSTALL_HINT = "pip install 'claimcheck[dask]'"
#: How long to try reaching a scheduler given by address.
CONNECT_TIMEOUT = "20s"


def require_dask():
    try:
        import distributed
    except ImportError:
        raise UserError(f"--engine dask needs Dask; install it with {INSTALL_HINT}") from None
    return distributed


def local_workers() -> int:
    """Workers of a LocalCluster sized to this machine: one per core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (not Linux)
        return max(1, os.cpu_count() or 1)


@contextmanager
def connect(scheduler: str | None = None, announce: bool = True, workers: int | None = None):
    """A Dask client: on the scheduler at ``scheduler``, else on a new
    LocalCluster (``workers`` processes of one thread; default one per
    core) that is closed afterwards. ``announce``: say on stderr where it
    runs (the dashboard address for a new cluster)."""
    distributed = require_dask()
    cluster = None
    try:
        if scheduler:
            client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
        else:
            import logging
            import warnings
            with warnings.catch_warnings():  # "port 8787 is in use": the line below says which
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                cluster = distributed.LocalCluster(
                    n_workers=workers or local_workers(), threads_per_worker=1,
                    processes=True, silence_logs=logging.ERROR)
            client = distributed.Client(cluster)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a Dask LocalCluster"
        raise UserError(f"cannot reach {where} ({exc}); check the address "
                        "(tcp://HOST:8786) and that the scheduler is running") from None
    try:
        if announce:
            print(_where(client, cluster), file=sys.stderr, flush=True)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _where(client, cluster) -> str:
    n = len(client.scheduler_info().get("workers", {}))
    if cluster is None:
        return f"Dask: scheduler {client.scheduler.address}, {n} workers"
    import importlib.util
    if importlib.util.find_spec("bokeh") is None:
        board = "no dashboard (pip install bokeh for one)"
    else:
        board = f"dashboard {client.dashboard_link}"
    return f"Dask: LocalCluster of {n} workers; {board}"


def partitions(articles: list[Article], workers: int) -> list[list[Article]]:
    """``articles`` in order, cut into partitions: at least two per worker
    (so a slow one does not hold up the rest), at most :data:`MAX_PARTITION`
    articles each."""
    size = max(1, min(MAX_PARTITION, math.ceil(len(articles) / max(1, 2 * workers))))
    return [articles[i:i + size] for i in range(0, len(articles), size)]


def parse_partition(articles: list[Article], model: str | None) -> dict[str, list[Claim]]:
    """Runs on a worker: the library's own per-article stages."""
    from .api import parse_articles
    return parse_articles(articles, model, jobs=1)


def parse_articles(articles: list[Article], model: str | None = None,
                   scheduler: str | None = None, progress: bool = False,
                   announce: bool = True, workers: int | None = None) -> dict[str, list[Claim]]:
    """{source_id: claims} for ``articles``, parsed on a Dask cluster."""
    if not articles:
        return {}
    with connect(scheduler, announce, workers) as client:
        n = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partitions(articles, n)
        futures = client.map(parse_partition, parts, model=model, retries=RETRIES, pure=False)
        out: dict[str, list[Claim]] = {}
        from distributed import as_completed
        try:
            for future in track(as_completed(futures), total=len(futures), label="partitions",
                                enabled=progress):
                out.update(future.result())  # a worker's UserError (no model) is raised here
        finally:
            client.cancel(futures)
    return out
