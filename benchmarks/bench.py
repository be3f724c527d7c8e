#!/usr/bin/env python3
"""claimcheck speed benchmark (a script, not a test).

    pip install -e '.[bench]'          # quantulum3 for the comparison row
    python benchmarks/bench.py          # all sections, default sizes
    python benchmarks/bench.py --articles 60 --sizes 1000,10000 --folder 200   # quick look

Sections (choose with --only extract,compare,recheck,warm,recheck-archive):

extract   N articles (default 300) made from real-coverage news (--corpus news:
          every article of tests/data/blind_e2e, tests/data/heldout and
          ../shared/corpus; or --corpus sample: the three sample articles)
          with their figures varied, read by: ``claimcheck extract`` (the
          pipeline, also with --jobs), the same spaCy model run plainly with
          ``nlp.pipe`` and all its default components (batch 16, a sensible
          size, and spaCy's default of 1,000), and quantulum3.
compare   the compare stage alone (``pipeline.compare.compare``) on synthetic
          claim tables of 10^3 .. 10^6 claims.
recheck   ``claimcheck check`` on a folder of 1,000 articles, then again after
          adding one article (the second run should only read the new one).
warm      a warm ``claimcheck check`` (every article cached) on folders of
          1,000 and 5,000 articles (--warm-sizes), or JSONL archives
          (--warm-input archive): time and peak memory per claim, and each
          stage's seconds (not in the default sections).
recheck-archive  a cached JSONL archive of --archive articles gets --added more
          rows and is checked again (not in the default sections).
dask-compare  compare on a Dask LocalCluster (--dask-workers, --memory-limit
          each) of synthetic claim tables of 10^6 .. 10^7 claims (--dask-sizes)
          made on the workers chunk by chunk: time, CPU and peak memory summed
          over every process of the run (needs the dask extra, which brings
          psutil; not in the default sections).

Every figure is a whole process, timed from outside: wall seconds, and peak
resident memory of the largest single process (``wait4``'s ru_maxrss).
"Load" is the same command on a one-line article (start-up and model load);
"words/s" counts the corpus words over the wall time less that load, and
"words/CPU-s" over the CPU time (user + system, all processes) less the
load's: the steadier figure on a shared machine.
The machine is described at the top of the output. Nothing here needs the
network.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sources"
#: Real-coverage articles for the varied-news corpus: the project's blind and
#: held-out sets and ../shared/corpus, every topic there is.
NEWS = [ROOT / "tests" / "data" / "blind_e2e", ROOT / "tests" / "data" / "heldout",
        ROOT.parent / "shared" / "corpus"]
TINY = "The agency received 1,200 reports in 2024.\n"


# --- corpora ----------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def vary(text: str, rng: random.Random, year_shift: int | None = None) -> str:
    """``text`` with every digit run replaced by another of the same length;
    years (1900-2099) stay years: each moves by a few years, or all of them
    by ``year_shift``."""
    def swap(m: re.Match) -> str:
        s = m.group()
        if len(s) == 4 and 1900 <= int(s) <= 2099:
            return str(int(s) + (rng.randint(-3, 1) if year_shift is None else year_shift))
        first = str(rng.randint(1, 9)) if s[0] != "0" else "0"
        return first + "".join(str(rng.randint(0, 9)) for _ in s[1:])
    return _DIGITS.sub(swap, text)


def sources(kind: str) -> list[Path]:
    """The articles a corpus is varied from: ``news``, every real-coverage
    article of :data:`NEWS` (many topics, as a newsroom's folders are);
    ``sample``, the three sample articles in sources/."""
    if kind == "sample":
        return sorted(SAMPLES.glob("*.txt"))
    return sorted(p for d in NEWS if d.is_dir() for p in d.glob("*/*.txt"))


def corpus_texts(n: int, seed: int = 0, story: int | None = None,
                 kind: str = "sample"):
    """``n`` varied copies of ``kind`` articles (:func:`sources`), as
    (name, text) pairs; the first m of n are those of m (same seed).

    With ``story``, articles come in stories of that many: a story's years
    are all shifted by the same amount (up to 80 years back), so a folder
    holds many stories about different periods, as an archive does, rather
    than hundreds of copies of one story whose every claim conflicts."""
    samples = sources(kind)
    if not samples:
        sys.exit(f"no {kind} articles found")
    texts = [p.read_text(encoding="utf-8") for p in samples]
    rng = random.Random(seed)
    shifts = random.Random(seed + 1)
    shift = None
    for i in range(n):
        if story and i % story == 0:
            shift = -shifts.randint(0, 80)
        yield f"a{seed:02d}_{i:05d}", vary(texts[i % len(texts)], rng, shift)


def make_corpus(folder: Path, n: int, seed: int = 0,
                story: int | None = None, kind: str = "sample") -> tuple[list[Path], int]:
    """Write :func:`corpus_texts` as files in ``folder``; return (paths, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, words = [], 0
    for name, text in corpus_texts(n, seed, story, kind):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        words += len(text.split())
    return paths, words


def make_archive(path: Path, n: int, seed: int = 0, story: int | None = None,
                 skip: int = 0) -> Path:
    """Write articles ``skip`` .. ``n`` of :func:`corpus_texts` as a JSONL
    archive (one ``{"id", "text"}`` row each)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for i, (name, text) in enumerate(corpus_texts(n, seed, story)):
            if i >= skip:
                fh.write(json.dumps({"id": name, "text": text}, ensure_ascii=False) + "\n")
    return path


# --- measuring a process ----------------------------------------------------

def measure(cmd: list[str], timeout: float | None = None, stdout=None) -> dict:
    """Run ``cmd``; wall seconds, peak RSS (MB) of its largest process, exit code."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = None if timeout is None else started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline and time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return {"wall": time.perf_counter() - started, "rss_mb": usage.ru_maxrss / 1024,
                    "cpu": usage.ru_utime + usage.ru_stime, "rc": None, "timeout": True,
                    "stderr": ""}
        time.sleep(0.02)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    return {"wall": wall, "rss_mb": usage.ru_maxrss / 1024,
            "cpu": usage.ru_utime + usage.ru_stime, "rc": proc.returncode,
            "timeout": False, "stderr": err[-2000:]}


def claimcheck_cmd() -> list[str]:
    """``claimcheck`` as this tree's code runs it (not whichever checkout the
    venv's console script was installed from)."""
    return [sys.executable, str(Path(__file__).resolve()), "_cli"]


def worker_cmd(kind: str, *args: str) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "_worker", kind, *args]


# --- workers: run inside a fresh process ------------------------------------

def worker(kind: str, args: list[str]) -> None:
    import warnings
    warnings.simplefilter("ignore")
    if kind in ("spacy", "spacy16"):
        import spacy
        model, files = args[0], args[1:]
        nlp = spacy.load(model)
        batch = {"batch_size": 16} if kind == "spacy16" else {}
        for _ in nlp.pipe((Path(f).read_text(encoding="utf-8") for f in files), **batch):
            pass
    elif kind == "quantulum3":
        from quantulum3 import parser
        for f in args:
            parser.parse(Path(f).read_text(encoding="utf-8"))
    elif kind == "compare":
        compare_worker(int(args[0]))
    elif kind == "dask-compare":
        dask_compare_worker(int(args[0]), int(args[1]), args[2])
    elif kind == "check":
        check_worker(args)
    elif kind == "canonicalize":
        canonicalize_worker(Path(args[0]), int(args[1]) if len(args) > 1 else 1)
    elif kind == "cache-read":
        cache_read_worker(args[0], Path(args[1]), args[2])
    else:
        sys.exit(f"unknown worker {kind}")


#: Claims per chunk of a synthetic table: each chunk has its own random
#: stream, so one is made without the others (on a Dask worker).
CHUNK = 50_000


def _uniform(seed: int, ids, field: int):
    """A uniform number in [0, 1) for each id (splitmix64 of seed, id, field)."""
    import numpy as np
    with np.errstate(over="ignore"):
        x = (np.asarray(ids, dtype=np.uint64) * np.uint64(8) + np.uint64(field)
             + np.uint64(seed) * np.uint64(0x9E3779B97F4A7C15))
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        x ^= x >> np.uint64(31)
    return (x >> np.uint64(11)).astype(np.float64) / float(2 ** 53)


def synthetic_frame(n: int, seed: int = 0, chunk: int = 0):
    """Chunk ``chunk`` of a table of ``n`` synthetic claims, as rows
    (:func:`pipeline.dask_compare.claims_frame`): claims about ~n/6
    quantities (subject, metric, period), spread over ~n/20 sources; most
    groups agree, some disagree."""
    import numpy as np
    import pandas as pd

    from pipeline.dask_compare import FIELDS, ORDER
    start, stop = chunk * CHUNK, min(n, (chunk + 1) * CHUNK)
    rng = np.random.default_rng([seed, chunk])
    m = max(0, stop - start)
    key = rng.integers(max(1, n // 6), size=m)
    subject = (_uniform(seed, key, 0) * max(1, n // 50)).astype(int)
    metric = (_uniform(seed, key, 1) * 200).astype(int)
    period = 2015 + (_uniform(seed, key, 2) * 11).astype(int)
    kinds = np.array(["count", "count", "count", "percent", "pct_change", "amount"], dtype=object)
    kind = kinds[(_uniform(seed, key, 3) * 6).astype(int)]
    base = 10 ** (1 + 7 * _uniform(seed, key, 4))
    off = rng.random(m) < 0.2
    value = np.round(base * np.where(off, rng.uniform(1.5, 3, m), rng.uniform(0.99, 1.01, m)), 1)
    src = rng.integers(max(2, n // 20), size=m)
    i = np.arange(start, stop)
    texts = [f"{v:,}" for v in value.tolist()]
    subjects = [f"Org {s}" for s in subject.tolist()]
    metrics = [f"metric {x} reports" for x in metric.tolist()]
    periods = [str(p) for p in period.tolist()]
    df = pd.DataFrame({
        "claim_id": [f"{s:06d}-{j:06x}" for s, j in zip(src.tolist(), i.tolist())],
        "source_id": [f"src{s:06d}" for s in src.tolist()],
        "sentence": [f"{s} said its {x} reached {t} in {p}."
                     for s, x, t, p in zip(subjects, metrics, texts, periods)],
        "start_char": 10 * i, "end_char": 10 * i + 6, "text": texts,
        "kind": kind, "value": value, "low": value * 0.99, "high": value * 1.01,
        "qualifier": "approx", "direction": "", "unit": "report", "metric": metrics,
        "subject": subjects, "period": periods, "base_period": "", "confidence": 0.9,
        "source": "", "reference": "", "sent_start": 0, "sent_end": 40, ORDER: i},
        columns=[*FIELDS, ORDER])
    return df.astype({c: object for c in df.columns if df[c].dtype.kind in "OU"})


def synthetic_claims(n: int, seed: int = 0) -> list:
    """The claims of :func:`synthetic_frame`'s table of ``n``, all chunks."""
    from pipeline.dask_compare import to_claims
    return [c for k in range(-(-n // CHUNK)) for c in to_claims(synthetic_frame(n, seed, k))]


def _rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def compare_worker(n: int) -> None:
    from pipeline.compare import compare
    claims = synthetic_claims(n)
    before = _rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    findings = compare(claims)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    kinds: dict[str, int] = {}
    for f in findings:
        t = getattr(f, "type", "?")
        kinds[t] = kinds.get(t, 0) + 1
    print(json.dumps({"seconds": seconds, "cpu": cpu, "rss_before_mb": before, "rss_after_mb": _rss_mb(),
                      "findings": len(findings), "types": kinds}))


def dask_compare_worker(n: int, workers: int, memory_limit: str) -> None:
    """Compare on a LocalCluster of ``workers`` processes (``memory_limit``
    each; past it they spill to disk) of a synthetic table of ``n`` claims
    made on the workers, chunk by chunk: the table is never in one process.
    Key and derived findings are counted where they are made
    (``compare_table(collect=False)``)."""
    import functools

    import dask
    import dask.dataframe as dd
    import distributed

    from pipeline.dask_compare import compare_table
    # no pause either: a worker paused past 80% of its limit stalls the p2p
    # shuffle (a 10^6 run stood still at 1.0 GB of 1.2 on 2026-12-01)
    dask.config.set({"distributed.worker.memory.terminate": False,
                     "distributed.worker.memory.pause": False,
                     "dataframe.convert-string": False})
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  memory_limit=memory_limit, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        started, cpu = time.perf_counter(), time.process_time()
        meta = synthetic_frame(10).iloc[:0]
        table = dd.from_map(functools.partial(synthetic_frame, n, 0), range(-(-n // CHUNK)),
                            meta=meta, enforce_metadata=False)
        found = compare_table(table, client, collect=False)
        seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "findings": {
        "key": dict(found["stated"]), "derived": dict(found["derived"]),
        "framed": found["framed"]}}))


def _tree_sampler(pid: int, every: float = 0.5):
    """A thread summing the resident memory of process ``pid`` and all its
    descendants every ``every`` seconds; returns (thread, result dict with
    the peak sum in MB, each process's own peak in MB and the CPU seconds
    last seen per process)."""
    import threading

    import psutil
    result = {"peak_mb": 0.0, "cpu": {}, "peaks": {}}

    def run():
        try:
            root = psutil.Process(pid)
        except psutil.NoSuchProcess:
            return
        while True:
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                    total += rss
                    result["peaks"][p.pid] = max(result["peaks"].get(p.pid, 0.0), rss / 2 ** 20)
                    t = p.cpu_times()
                    result["cpu"][p.pid] = t.user + t.system
                except psutil.NoSuchProcess:
                    continue
            result["peak_mb"] = max(result["peak_mb"], total / 2 ** 20)
            time.sleep(every)
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, result


#: Stages of ``pipeline.run.run_check`` timed by the check worker: (module
#: attribute path as run.py reaches it, label). "claims" is the claim cache read and
#: canonicalize (which is also timed on its own).
STAGES = (("ingest.read_input", "read"), ("cached_claims", "claims"),
          ("normalize.canonicalize", "canonicalize"),
          ("compare.compare", "compare"), ("explain.explain", "explain"),
          ("reviews.attach", "reviews"), ("findings_document", "document"),
          ("write_claims", "claims.csv"), ("write_reports", "reports"))


def check_worker(args: list[str]) -> None:
    """``claimcheck check ARGS`` in this process, with the time of each
    stage (:data:`STAGES`) printed as JSON on stdout. The cache's pipeline
    fingerprint is pinned, so a cache built by one version of the code is
    read by another (for before/after figures of the cross-article stages,
    whose inputs, the per-article claims, the two versions make alike)."""
    import functools

    from click.testing import CliRunner

    import pipeline.cache
    import pipeline.run as run
    from pipeline.cli import cli
    pipeline.cache.pipeline_fingerprint = lambda: "bench-pinned"
    seconds: dict[str, float] = {}

    def timed(fn, label):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - t
        return wrapper
    for path, label in STAGES:
        owner, _, name = path.rpartition(".")
        obj = getattr(run, owner) if owner else run
        if hasattr(obj, name):
            setattr(obj, name, timed(getattr(obj, name), label))
    started = time.perf_counter()
    r = CliRunner().invoke(cli, ["check", *args, "--quiet"])
    total = time.perf_counter() - started
    if r.exit_code:
        sys.exit(f"check failed ({r.exit_code}): {r.output[-500:]} {r.exception!r}")
    print(json.dumps({"seconds": total, "stages": seconds, "rss_mb": _rss_mb()}))


def cache_read_worker(given: str, claims_dir: Path, store: str) -> None:
    """Every article's claims of ``given`` (a folder or archive) read from the
    claim cache in ``claims_dir`` (filled by a check; ``store``: ``json`` or
    ``parquet``): CPU seconds (pyarrow imported before the clock starts),
    claims read, articles missing, and the cache's size on disk."""
    import pipeline.cache
    from pipeline import ingest
    pipeline.cache.pipeline_fingerprint = lambda: "bench-pinned"  # as check_worker
    articles = ingest.read_input(given)
    if store == "parquet":
        import pyarrow.parquet  # noqa: F401
    cpu = time.process_time()
    cache = pipeline.cache.ClaimCache(claims_dir, None, store=store)
    got = [cache.get_claims(a) for a in articles]
    cpu = time.process_time() - cpu
    folder = claims_dir / pipeline.cache.CACHE_DIR
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(json.dumps({"cpu": cpu, "claims": sum(len(c) for c in got if c),
                      "missing": sum(c is None for c in got), "mb_on_disk": size / 2 ** 20,
                      "rss_mb": _rss_mb()}))


def canonicalize_worker(cache_dir: Path, times: int = 1) -> None:
    """``normalize.canonicalize`` alone on the per-article claims held in a
    claim cache (``CLAIMS_DIR/.cache``, filled by a check), ``times`` copies
    of them (source ids suffixed, so copies are other articles): its seconds
    and the sha256 of the claim table it gives (equal before and after a
    refactor that keeps the output)."""
    import hashlib
    from dataclasses import fields, replace

    from pipeline import normalize
    from pipeline.model import Claim
    from pipeline.report.table import claims_csv
    names = {f.name for f in fields(Claim)}
    claims = []
    for path in sorted(cache_dir.glob("*.json")):
        for c in json.loads(path.read_text(encoding="utf-8")).get("claims") or []:
            claims.append(Claim(**{k: v for k, v in c.items() if k in names}))
    claims = [replace(c, source_id=f"{c.source_id}~{k}", claim_id=f"{c.claim_id}~{k}")
              if k else c for k in range(times) for c in claims]
    started, cpu = time.perf_counter(), time.process_time()
    out = normalize.canonicalize(claims)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"claims": len(claims), "seconds": seconds, "cpu": cpu,
                      "sha256": hashlib.sha256(claims_csv(out).encode()).hexdigest()}))


# --- sections ---------------------------------------------------------------

def row(name: str, run: dict, load: dict | None, words: int) -> list[str]:
    """A table row: words/s over wall time less the load, and over CPU time
    less the load's CPU (steadier on a busy machine)."""
    tail = [f"{run['wall']:.1f}", f"{run['cpu']:.1f}", f"{run['rss_mb']:.0f}"]
    if run.get("timeout"):
        return [name, "timeout", "", ""] + tail
    if run["rc"] != 0:
        return [name, f"failed (exit {run['rc']})", "", ""] + tail
    ok = load and load["rc"] == 0
    load_s, load_cpu = (load["wall"], load["cpu"]) if ok else (0.0, 0.0)
    per_wall = words / max(run["wall"] - load_s, 1e-9)
    per_cpu = words / max(run["cpu"] - load_cpu, 1e-9)
    return [name, f"{per_wall:,.0f}", f"{per_cpu:,.0f}", f"{load_s:.1f}"] + tail


def paired_ratios(a: list[tuple[dict, dict]], b: list[tuple[dict, dict]]) -> list[float]:
    """A's words per CPU-second (less its load) over B's in each round, in
    round order: how many times as many words A reads for the same CPU time."""
    def cpu(run: dict, load: dict) -> float:
        return max(run["cpu"] - (load["cpu"] if load["rc"] == 0 else 0.0), 1e-9)
    return [cpu(*rb) / cpu(*ra) for ra, rb in zip(a, b)
            if ra[0]["rc"] == 0 and rb[0]["rc"] == 0]


def paired_ratio(a: list[tuple[dict, dict]], b: list[tuple[dict, dict]]) -> float:
    """The median over rounds of :func:`paired_ratios`."""
    ratios = sorted(paired_ratios(a, b))
    if not ratios:
        return float("nan")
    mid = len(ratios) // 2
    return ratios[mid] if len(ratios) % 2 else (ratios[mid - 1] + ratios[mid]) / 2


def ratio_text(a: list[tuple[dict, dict]], b: list[tuple[dict, dict]], name: str) -> str:
    """"1.46x NAME (rounds 1.52, 1.38, 1.46)"."""
    rounds = ", ".join(f"{r:.2f}" for r in paired_ratios(a, b))
    return f"{paired_ratio(a, b):.2f}x {name} (rounds {rounds})"


def table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [line(r) for r in rows])


def dask_workers() -> int:
    from pipeline.dask_engine import local_workers
    return local_workers()


def section_extract(work: Path, args) -> None:
    paths, words = make_corpus(work / f"corpus-{args.corpus}", args.articles, kind=args.corpus)
    tiny = work / "tiny.txt"
    tiny.write_text(TINY, encoding="utf-8")
    files = [str(p) for p in paths]
    from pipeline.nlp import default_model
    model = args.model or default_model()
    cc = claimcheck_cmd()
    tools = [*[("claimcheck extract", lambda fs: cc + ["extract", *fs, "-o",
                                                       str(work / "out.csv"), "--quiet",
                                                       "--model", model])
               for _ in range(1 if 1 in args.jobs else 0)],
             *[(f"claimcheck extract --jobs {j}",
                lambda fs, j=j: cc + ["extract", *fs, "-o", str(work / "out.csv"), "--quiet",
                                      "--model", model, "--jobs", str(j)])
               for j in args.jobs if j > 1],
             *[(f"claimcheck extract, checkout {tree}",
                lambda fs, tree=tree: [sys.executable, str(Path(tree) / "benchmarks" / "bench.py"),
                                       "_cli", "extract", *fs, "-o", str(work / "out.csv"),
                                       "--quiet", "--model", model])
               for tree in args.tree],
             *[(f"claimcheck extract --engine dask ({dask_workers()} workers)",
                lambda fs: cc + ["extract", *fs, "-o", str(work / "out.csv"), "--quiet",
                                 "--model", model, "--engine", "dask"])
               for _ in range(1 if args.dask else 0)],
             (f"spaCy nlp.pipe, all components, batch 16 ({model})",
              lambda fs: worker_cmd("spacy16", model, *fs)),
             (f"spaCy nlp.pipe, all components, default batch ({model})",
              lambda fs: worker_cmd("spacy", model, *fs))]
    if args.no_plain:
        tools = [t for t in tools if not t[0].startswith("spaCy")]
    try:
        if not args.no_plain:
            import quantulum3  # noqa: F401
            tools.append(("quantulum3", lambda fs: worker_cmd("quantulum3", *fs)))
    except ImportError:
        print("quantulum3 not installed (pip install -e '.[bench]'): its row is skipped")
    print(f"\n## Extraction: {len(paths)} articles ({args.corpus}), {words:,} words\n")
    # Rounds: every tool once per round, in turn, so a machine whose speed
    # drifts (a shared host) slows all tools alike and the paired ratios
    # below stay meaningful.
    rounds: dict[str, list[tuple[dict, dict]]] = {name: [] for name, _ in tools}
    for _ in range(args.repeat):
        for name, make in tools:
            load = measure(make([str(tiny)]))
            run = measure(make(files), timeout=args.timeout)
            rounds[name].append((run, load))
            if run["rc"]:
                print(f"{name}: {run['stderr'].strip().splitlines()[-1:]}", file=sys.stderr)
    rows = []
    for name, _ in tools:
        runs = sorted(rounds[name], key=lambda rl: rl[0]["wall"])
        run, load = runs[len(runs) // 2]  # the round with the median wall time
        rows.append(row(name, run, load, words))
    print(table(["tool", "words/s", "words/CPU-s", "load s", "wall s", "CPU s", "peak MB"],
                rows))
    first = tools[0][0]
    ratios = [ratio_text(rounds[first], rounds[name], name)
              for name, _ in tools[1:] if "--jobs" not in name and "dask" not in name]
    dask = [name for name, _ in tools if "--engine dask" in name]
    jobs = [name for name, _ in tools if "--jobs" in name]
    if dask and jobs:
        walls = sorted(rd[0]["wall"] / rj[0]["wall"]
                       for rd, rj in zip(rounds[dask[0]], rounds[jobs[-1]]))
        loads = sorted((rd[0]["wall"] - rd[1]["wall"]) / (rj[0]["wall"] - rj[1]["wall"])
                       for rd, rj in zip(rounds[dask[0]], rounds[jobs[-1]]))
        print(f"\nWall time, {dask[0]} over {jobs[-1]}, median of {args.repeat} paired "
              f"round(s): {walls[len(walls) // 2]:.2f}x whole process, "
              f"{loads[len(loads) // 2]:.2f}x beyond the load.")
    if ratios:
        print(f"\nPer CPU-second (less load), {first} reads, median of {args.repeat} paired "
              f"round(s): " + "; ".join(ratios) + ".")
    others = [name for name, _ in tools if name.startswith("claimcheck extract, checkout")]
    for other in others:
        print(f"\n{other} reads: " + "; ".join(
            ratio_text(rounds[other], rounds[name], name) for name, _ in tools
            if name.startswith(("spaCy", "quantulum3"))) + ".")


def section_compare(work: Path, args) -> None:
    print("\n## Compare stage alone (synthetic claim tables)\n")
    rows = []
    for n in args.sizes:
        result = work / f"compare-{n}.json"
        with result.open("wb") as fh:
            r = measure(worker_cmd("compare", str(n)), timeout=args.timeout, stdout=fh)
        out = result.read_text()
        if r["timeout"] or r["rc"] != 0 or not out.strip():
            why = "timeout" if r["timeout"] else (r["stderr"].strip().splitlines() or ["?"])[-1]
            rows.append([f"{n:,}", why[:60], "", "", "", f"{r['rss_mb']:.0f}"])
            continue
        d = json.loads(out)
        rows.append([f"{n:,}", f"{d['seconds']:.2f}", f"{d['cpu']:.2f}", f"{d['findings']:,}",
                     f"{d['rss_before_mb']:.0f}", f"{r['rss_mb']:.0f}"])
    print(table(["claims", "compare s", "CPU s", "findings", "MB before compare", "peak MB"],
                rows))


def section_dask_compare(work: Path, args) -> None:
    print(f"\n## Compare on Dask (synthetic claim tables made on the workers; "
          f"LocalCluster of {args.dask_workers} workers, {args.memory_limit} each)\n")
    rows = []
    for n in args.dask_sizes:
        result = work / f"dask-compare-{n}.json"
        started = time.perf_counter()
        with result.open("wb") as fh:
            proc = subprocess.Popen(worker_cmd("dask-compare", str(n), str(args.dask_workers),
                                               args.memory_limit),
                                    stdout=fh, stderr=subprocess.PIPE)
            thread, seen = _tree_sampler(proc.pid)
            try:
                _, err = proc.communicate(timeout=args.timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                _, err = proc.communicate()
            thread.join(timeout=2)
        wall = time.perf_counter() - started
        cpu = sum(seen["cpu"].values())
        out = result.read_text()
        if proc.returncode or not out.strip():
            why = (err.decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
            rows.append([f"{n:,}", why[:60], "", "", f"{seen['peak_mb']:.0f}", "", "", ""])
            continue
        d = json.loads(out)
        found = d["findings"]
        count = sum(found["key"].values()) + sum(found["derived"].values()) + found["framed"]
        others = [mb for pid, mb in seen["peaks"].items() if pid != proc.pid]
        rows.append([f"{n:,}", f"{d['seconds']:.0f}", f"{wall:.0f}", f"{cpu:.0f}",
                     f"{seen['peak_mb']:.0f}", f"{seen['peaks'].get(proc.pid, 0):.0f}",
                     f"{max(others, default=0):.0f}", f"{count:,}"])
    print(table(["claims", "compare s", "wall s (run)", "CPU s (all processes)",
                 "peak MB (all processes)", "peak MB (client, scheduler, nannies)",
                 "peak MB (largest worker)", "findings (before finish)"], rows))


def section_recheck(work: Path, args) -> None:
    folder = work / "folder"
    make_corpus(folder, args.folder, seed=1, story=args.story)
    cc = claimcheck_cmd()
    base = cc + ["check", str(folder), "--claims-dir", str(work / "claims"),
                 "--reports-dir", str(work / "reports"), "--quiet"]
    if args.jobs and max(args.jobs) > 1:
        base += ["--jobs", str(max(args.jobs))]
    tiny = work / "tiny.txt"
    tiny.write_text(TINY, encoding="utf-8")
    load_cmd = cc + ["extract", str(tiny), "--quiet", "-o", str(work / "tiny.csv")]
    print(f"\n## Re-check after adding one article to {args.folder:,} cached ones\n")
    first = measure(base, timeout=args.timeout)
    new = make_corpus(work / "extra", 1, seed=2, story=args.story)[0][0]
    # Each round starts from the state the cold check left (claims cache and
    # reports), adds the article, and times the model load next to the
    # re-check: "beyond load" is taken round by round, the median shown.
    saved = work / "after-cold"
    for d in ("claims", "reports"):
        shutil.copytree(work / d, saved / d)
    rounds = []
    for _ in range(args.repeat):
        for d in ("claims", "reports"):
            shutil.rmtree(work / d, ignore_errors=True)
            shutil.copytree(saved / d, work / d)
        shutil.copy(new, folder / new.name)
        load_r = measure(load_cmd)
        rounds.append((measure(base, timeout=args.timeout), load_r))
    rounds.sort(key=lambda sl: sl[0]["wall"] - sl[1]["wall"])
    second, load = rounds[len(rounds) // 2]
    reread = ""
    findings = work / "reports" / "findings.json"
    if findings.exists():
        run = json.loads(findings.read_text(encoding="utf-8")).get("run", {})
        reread = run.get("reprocessed", "")
    rows = [["first check (cold)", f"{first['wall']:.1f}", "", f"{first['cpu']:.1f}",
             f"{first['rss_mb']:.0f}"],
            ["re-check, one article added", f"{second['wall']:.1f}",
             f"{max(second['wall'] - load['wall'], 0):.1f}", f"{second['cpu']:.1f}",
             f"{second['rss_mb']:.0f}"]]
    print(table(["run", "wall s", "beyond load s", "CPU s", "peak MB"], rows))
    print(f"\nModel load (claimcheck extract on one line, same round): {load['wall']:.1f} s; "
          f"median of {len(rounds)} round(s). "
          f"Articles re-read by the re-check: {reread if reread != '' else 'unknown'}"
          + (" (no cache yet: every article was read again)"
             if reread != "" and int(reread) > 1 else ""))
    for r in (first, second):
        if r["rc"]:
            print(f"check failed (exit {r['rc']}): {r['stderr'].strip()[-300:]}")


def warm_inputs(work: Path, args) -> list[tuple[int, Path, Path]]:
    """(articles, input, output folder) for each --warm-sizes count, its cache
    filled by a cold check. ``--warm-input folder``: a folder of articles per
    size; ``archive``: the first N rows of one JSONL archive per size, whose
    caches are built smallest first, each starting from the previous size's
    cache (the smaller archive's rows are the larger's first rows, so only the
    rows added are parsed; the figures are those of a warm check either way)."""
    out, prev = [], None
    for n in sorted(args.warm_sizes):
        if args.warm_input == "archive":
            given = make_archive(work / f"archive-{n}.jsonl", n, seed=1, story=args.story) \
                if not (work / f"archive-{n}.jsonl").exists() else work / f"archive-{n}.jsonl"
            dest = work / f"archive-{n}-out"
        else:
            given, dest = work / f"warm-{n}", work / f"warm-{n}-out"
            if not given.is_dir():
                make_corpus(given, n, seed=1, story=args.story)
        if not (dest / "claims" / "claims.csv").exists():  # the cold check fills the cache
            if prev is not None and not (dest / "claims" / CACHE).exists():
                shutil.copytree(prev / "claims" / CACHE, dest / "claims" / CACHE)
            started = time.perf_counter()
            cold = measure(worker_cmd("check", *check_args(given, dest), "--jobs",
                                      str(max(args.jobs))))
            if cold["rc"]:
                print(f"cold check of {n} failed: {cold['stderr'][-300:]}")
                break
            print(f"(cache for {n:,} articles filled in {time.perf_counter() - started:.0f} s)",
                  file=sys.stderr)
        out.append((n, given, dest))
        prev = dest
    return out


#: The claim cache's folder inside a claims folder (pipeline.cache.CACHE_DIR).
CACHE = ".cache"


def check_args(given: Path, dest: Path) -> list[str]:
    return [str(given), "--claims-dir", str(dest / "claims"), "--reports-dir",
            str(dest / "reports")]


def timed_checks(args_: list[str], repeat: int, timeout: float, result: Path):
    """The median (by wall time) of ``repeat`` check-worker runs: (process
    figures, the worker's JSON), or None when a run failed."""
    runs = []
    for _ in range(repeat):
        with result.open("wb") as fh:
            r = measure(worker_cmd("check", *args_), timeout=timeout, stdout=fh)
        if r["rc"]:
            print(f"check {' '.join(args_[:1])} failed: {r['stderr'][-300:]}")
            return None
        runs.append((r, json.loads(result.read_text())))
    runs.sort(key=lambda rd: rd[0]["wall"])
    return runs[len(runs) // 2]


def section_warm(work: Path, args) -> None:
    """A warm ``claimcheck check`` (every article in the cache, nothing to
    parse) on N articles (stories of --story; a folder, or with
    ``--warm-input archive`` a JSONL archive), as the whole process: wall,
    CPU, peak memory, per claim; and the stages' seconds."""
    print(f"\n## Warm check (local engine, nothing to parse; input: {args.warm_input})\n")
    rows, stage_rows = [], []
    for n, given, dest in warm_inputs(work, args):
        run = timed_checks(check_args(given, dest), args.repeat, args.timeout,
                           work / f"warm-{n}.json")
        if run is None:
            continue
        r, d = run
        doc = json.loads((dest / "reports" / "findings.json").read_text(encoding="utf-8"))
        claims = doc["run"]["claims"]
        rows.append([f"{n:,}", f"{claims:,}", f"{len(doc['findings']):,}", f"{r['wall']:.1f}",
                     f"{r['cpu']:.1f}", f"{d['seconds'] / claims * 1e6:.0f}",
                     f"{r['cpu'] / claims * 1e6:.0f}", f"{r['rss_mb']:.0f}",
                     f"{r['rss_mb'] * 1024 / claims:.1f}"])
        stage_rows.append([f"{n:,}"] + [f"{d['stages'].get(label, 0):.2f}"
                                        for _, label in STAGES])
    print(table(["articles", "claims", "findings", "wall s", "CPU s", "check µs/claim",
                 "CPU µs/claim", "peak MB", "peak KB/claim"], rows))
    print()
    print(table(["articles"] + [label + " s" for _, label in STAGES], stage_rows))


def section_recheck_archive(work: Path, args) -> None:
    """Benchmark (c): a JSONL archive of --archive articles, cached, gets
    --added new rows; the re-check parses only those."""
    n, added = args.archive, args.added
    args.warm_sizes, args.warm_input = [n], "archive"
    built = warm_inputs(work, args)
    if not built:
        return
    _, given, dest = built[0]
    grown = work / f"archive-{n}+{added}"
    shutil.rmtree(grown, ignore_errors=True)
    shutil.copytree(dest, grown / "out")
    arc = grown / "archive.jsonl"
    shutil.copy(given, arc)
    extra = make_archive(grown / "extra.jsonl", n + added, seed=1, story=args.story, skip=n)
    with arc.open("a", encoding="utf-8") as fh:
        fh.write(extra.read_text(encoding="utf-8"))
    print(f"\n## Re-check of a {n:,}-article archive after adding {added} articles\n")
    saved = grown / "saved"
    shutil.copytree(grown / "out", saved)
    runs = []
    for _ in range(args.repeat):  # each round from the cache of the n articles
        shutil.rmtree(grown / "out")
        shutil.copytree(saved, grown / "out")
        run = timed_checks(check_args(arc, grown / "out"), 1, args.timeout, grown / "run.json")
        if run is None:
            return
        doc = json.loads((grown / "out" / "reports" / "findings.json").read_text("utf-8"))
        runs.append((*run, doc["run"]))
    runs.sort(key=lambda rdx: rdx[0]["wall"])
    r, d, info = runs[len(runs) // 2]
    print(table(["articles", "claims", "re-read", "wall s", "CPU s", "check s", "peak MB"],
                [[f"{info['articles']:,}", f"{info['claims']:,}", f"{info['reprocessed']:,}",
                  f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{d['seconds']:.1f}",
                  f"{r['rss_mb']:.0f}"]]))
    print("\nStage seconds: " + ", ".join(f"{label} {d['stages'].get(label, 0):.2f}"
                                         for _, label in STAGES))


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    import spacy
    return (f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, spaCy {spacy.__version__}")


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_worker"]:
        sys.path.insert(0, str(ROOT))
        return worker(argv[1], argv[2:])
    if argv[:1] == ["_cli"]:
        sys.path.insert(0, str(ROOT))
        from pipeline.cli import cli
        return cli(argv[1:], prog_name="claimcheck")
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=300, help="corpus size for extraction")
    ap.add_argument("--corpus", choices=["news", "sample"], default="news",
                    help="extraction corpus: varied real-coverage news (every topic of the "
                         "blind, held-out and ../shared/corpus sets) or the three sample "
                         "articles (the earlier, easier corpus)")
    ap.add_argument("--jobs", default="1,2",
                    help="comma-separated --jobs values to time claimcheck extract with "
                         "(leave out 1 to skip the single-process row)")
    ap.add_argument("--sizes", default="1000,10000,100000,1000000",
                    help="claim-table sizes for the compare stage")
    ap.add_argument("--folder", type=int, default=1000, help="articles in the re-check folder")
    ap.add_argument("--story", type=int, default=5,
                    help="articles per story in the re-check folder (0: one story, every "
                         "article about the same years)")
    ap.add_argument("--dask", action="store_true",
                    help="extract: add a row for --engine dask (a LocalCluster of one worker "
                         "per core; needs the dask extra)")
    ap.add_argument("--tree", action="append", default=[], metavar="DIR",
                    help="extract: add a row for claimcheck extract as the checkout in DIR "
                         "runs it (e.g. the code before a change, from git archive), timed "
                         "in the same rounds")
    ap.add_argument("--no-plain", action="store_true",
                    help="extract: leave out the plain spaCy and quantulum3 rows")
    ap.add_argument("--dask-sizes", default="1000000,3000000,10000000",
                    help="claim-table sizes for the dask-compare section")
    ap.add_argument("--dask-workers", type=int, default=2,
                    help="dask-compare: LocalCluster workers")
    ap.add_argument("--memory-limit", default="1.2GB",
                    help="dask-compare: memory limit of each worker (it spills past it)")
    ap.add_argument("--warm-sizes", default="1000,5000",
                    help="article counts for the warm-check section")
    ap.add_argument("--warm-input", choices=["folder", "archive"], default="folder",
                    help="warm section: a folder of articles per size, or the first N rows "
                         "of one JSONL archive (caches built smallest first)")
    ap.add_argument("--archive", type=int, default=5000,
                    help="recheck-archive: articles in the cached archive")
    ap.add_argument("--added", type=int, default=10,
                    help="recheck-archive: articles added before the re-check")
    ap.add_argument("--only", default="extract,compare,recheck",
                    help="sections to run (also: warm, recheck-archive, dask-compare)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure (the median is shown)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per measured run")
    ap.add_argument("--model", default=None, help="spaCy model (default: claimcheck's)")
    ap.add_argument("--workdir", default=None, help="keep the corpora here (default: a temp dir)")
    args = ap.parse_args(argv)
    args.jobs = [int(j) for j in args.jobs.split(",") if j.strip()]
    args.sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    args.warm_sizes = [int(float(s)) for s in args.warm_sizes.split(",") if s.strip()]
    args.dask_sizes = [int(float(s)) for s in args.dask_sizes.split(",") if s.strip()]
    sys.path.insert(0, str(ROOT))
    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# claimcheck benchmark\n\nMachine: {machine()}\nWork folder: {work}")
    sections = {"extract": section_extract, "compare": section_compare,
                "recheck": section_recheck, "warm": section_warm,
                "recheck-archive": section_recheck_archive,
                "dask-compare": section_dask_compare}
    try:
        for name in args.only.split(","):
            sections[name.strip()](work, args)
            sys.stdout.flush()
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
