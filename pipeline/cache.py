"""The claim cache behind incremental ``claimcheck check``.

One JSON file per article in ``<claims-dir>/.cache/<source_id>.json`` holds
the article's decoded text (keyed by the sha256 of the file's bytes) and its
claims as :func:`pipeline.normalize.attribute` made them (keyed by
:meth:`ClaimCache.key`: the article text's sha256, its metadata, the model
and the pipeline fingerprint), and what :mod:`pipeline.explain` found in the
article on its own (sentence spans and cue sentences, keyed by
:meth:`ClaimCache.explain_key`: the text, its blocks and the pipeline
fingerprint). A re-run reads unchanged articles from here:
no model load, no parse, no rescan. A changed pipeline
(source, data files or version) or model changes every key, so the cache
invalidates itself; entries of removed articles are pruned.

Where the entries live: with pyarrow (the ``parquet`` extra) a Parquet
dataset, ``.cache/claims/XX.parquet``, partitioned by a hash prefix of the
source id (:mod:`pipeline.cache_parquet`), a changed article rewriting only
its partition; without it one JSON file per article (``.cache/<source_id>.json``).
Either gives the same claims, so the same findings.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict, astuple, fields
from functools import cache
from pathlib import Path

from . import __version__
from .export import has_pyarrow
from .files import sweep_temp_files, write_atomic
from .ingest import FileText
from .model import Article, Block, Claim

CACHE_DIR = ".cache"
_CLAIM_FIELDS = {f.name for f in fields(Claim)}


@cache
def pipeline_fingerprint() -> str:
    """Hash of the version, every module of the package and its data files."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for path in sorted([*root.rglob("*.py"), *(root / "data").glob("*.toml")]):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def model_key(model: str | None = None) -> str:
    """The id :func:`pipeline.nlp.model_id` gives the loaded model, read from
    the model's meta.json without loading it (or importing spaCy)."""
    from .errors import UserError
    from .models import default_model, model_meta
    try:
        name = model or default_model()
    except UserError:
        return "no-model"  # loading reports the error when a parse is needed
    try:
        meta = model_meta(name)
    except (OSError, ValueError, ImportError):
        return f"unknown:{name}"
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"


class ClaimCache:
    """Per-article cache in ``folder/.cache``; also the ingest text memo.
    ``store``: ``"parquet"`` (needs pyarrow), ``"json"``, or None for
    Parquet when pyarrow is installed and JSON otherwise."""

    def __init__(self, claims_dir: str | Path, model: str | None = None,
                 store: str | None = None):
        self.folder = Path(claims_dir) / CACHE_DIR
        self.model = model
        self._entries: dict[str, dict | None] = {}
        self._dirty: set[str] = set()
        self._checked: set[str] = set()  # sources whose claims passed _sound
        self._model_key: str | None = None
        if store is None:
            store = "parquet" if has_pyarrow() else "json"
        if store == "parquet":
            from .cache_parquet import ParquetStore
            self.dataset: ParquetStore | None = ParquetStore(self.folder)
        elif store == "json":
            self.dataset = None
        else:
            raise ValueError(f"unknown cache store {store!r}")
        self.store = store

    # -- entries
    def path(self, source_id: str) -> Path:
        """The entry's JSON file: ``<source_id>.json``, or for a long id (a file
        name near the system's limit) its first characters and a hash."""
        return self.folder / f"{entry_name(source_id)}.json"

    def _entry(self, source_id: str) -> dict | None:
        if source_id not in self._entries:
            entry = self.dataset.read(source_id) if self.dataset else None
            if entry is None:
                entry = self._json_entry(source_id)
                if entry is not None and self.dataset:
                    self._dirty.add(source_id)  # taken over into the dataset on save
            self._entries[source_id] = entry
        return self._entries[source_id]

    def _json_entry(self, source_id: str) -> dict | None:
        try:
            entry = json.loads(self.path(source_id).read_text("utf-8"))
        except (OSError, ValueError):
            return None  # missing or damaged: read afresh
        return entry if isinstance(entry, dict) else None

    def _update(self, source_id: str, **values) -> None:
        entry = self._entry(source_id) or {}
        entry.update(values)
        self._entries[source_id] = entry
        self._dirty.add(source_id)

    # -- decoded text (pipeline.ingest.TextMemo)
    def get_text(self, source_id: str, digest: str) -> FileText | None:
        e = self._entry(source_id)
        if not e or e.get("file_sha256") != digest or e.get("pipeline") != pipeline_fingerprint():
            return None
        try:
            text, notes, meta = e["text"], list(e["notes"]), dict(e["meta"])
            blocks = tuple(Block(*b) for b in e["blocks"])
            if not (isinstance(text, str) and all(isinstance(n, str) for n in notes)
                    and all(isinstance(v, str) for v in meta.values())
                    and all(type(b.start) is int and type(b.end) is int
                            and 0 <= b.start <= b.end <= len(text) for b in blocks)):
                return None  # hand-edited or damaged: read the file afresh
            return FileText(text, notes, meta, blocks)
        except (KeyError, TypeError, ValueError):
            return None

    def put_text(self, source_id: str, digest: str, ft: FileText) -> None:
        self._update(source_id, file_sha256=digest, pipeline=pipeline_fingerprint(),
                     text=ft.text, notes=ft.notes, meta=ft.meta,
                     blocks=None if ft.blocks is None else [list(astuple(b)) for b in ft.blocks])

    # -- claims
    def key(self, article: Article) -> str:
        if self._model_key is None:
            self._model_key = model_key(self.model)
        blob = json.dumps([article.metadata(), self._model_key, pipeline_fingerprint()],
                          sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()

    def get_claims(self, article: Article) -> list[Claim] | None:
        e = self._entry(article.source_id)
        if not e or e.get("claims") is None or e.get("key") != self.key(article):
            return None
        if article.source_id in self._checked:  # read before in this run
            return list(e["claims"])
        if all(isinstance(c, Claim) for c in e["claims"]):
            # from the Parquet dataset, whose columns give every field its type
            claims, n = e["claims"], len(article.text)
            if not all(0 <= c.start_char <= c.end_char <= n for c in claims):
                return None
        else:
            try:
                sentences: dict[str, str] = {}
                claims = [_claim(c, sentences) for c in e["claims"]]
            except (TypeError, AttributeError):
                return None  # hand-edited or damaged: parse the article afresh
            if not all(_sound(c, article) for c in claims):
                return None
        e["claims"] = claims  # held once, as claims; saved as JSON again (save)
        self._checked.add(article.source_id)
        return list(claims)

    def put_claims(self, article: Article, claims: list[Claim]) -> None:
        self._update(article.source_id, key=self.key(article), claims=list(claims))
        self._checked.add(article.source_id)

    # -- explain's per-article data (pipeline.explain.ArticleMemo)
    def explain_key(self, article: Article) -> str:
        blob = json.dumps([article.sha256, [(b.start, b.end, b.kind) for b in article.blocks],
                           pipeline_fingerprint()])
        return hashlib.sha256(blob.encode()).hexdigest()

    def get_explain(self, article: Article) -> dict | None:
        e = self._entry(article.source_id)
        data = e.get("explain") if e else None
        if isinstance(data, str):  # from the Parquet dataset: parsed when asked, not kept
            try:
                data = json.loads(data)
            except ValueError:
                return None
        if not isinstance(data, dict) or data.get("key") != self.explain_key(article):
            return None
        return data

    def put_explain(self, article: Article, data: dict) -> None:
        self._update(article.source_id, explain={**data, "key": self.explain_key(article)})

    def sweep(self) -> int:
        """Delete temporary files a killed run left in the cache folder
        (call it holding the claims folder's lock)."""
        swept = sweep_temp_files(self.folder) if self.folder.is_dir() else 0
        return swept + (self.dataset.sweep() if self.dataset else 0)

    def save(self, keep: set[str]) -> None:
        """Write changed entries and delete those of articles not in ``keep``."""
        if self.dataset:
            self.dataset.save(self._entries, self._dirty, keep)
            self._dirty.clear()
            if self.folder.is_dir():  # JSON entries: in the dataset now, or of removed articles
                for path in self.folder.glob("*.json"):
                    path.unlink(missing_ok=True)
            return
        for source_id in sorted(self._dirty & keep):
            entry = self._entries[source_id]
            if entry.get("claims") is not None:
                entry = {**entry, "claims": [asdict(c) if isinstance(c, Claim) else c
                                             for c in entry["claims"]]}
            write_atomic(self.path(source_id), json.dumps(entry, ensure_ascii=False))
        self._dirty.clear()
        if self.folder.is_dir():
            names = {self.path(s).name for s in keep}
            for path in self.folder.glob("*.json"):
                if path.name not in names:
                    path.unlink(missing_ok=True)


#: Longest source id used as it is in a cache file name (bytes); a longer one
#: gets a hash, so the name and write_atomic's temporary name stay within the
#: file system's 255 bytes.
MAX_NAME_BYTES = 100


def entry_name(source_id: str) -> str:
    raw = source_id.encode("utf-8", "surrogateescape")
    if len(raw) <= MAX_NAME_BYTES:
        return source_id
    head = raw[:60].decode("utf-8", "ignore")
    return f"{head}-{hashlib.sha256(raw).hexdigest()[:16]}"


#: Claim fields with few distinct values (kinds, units, metric keys, names,
#: periods): one string object each however many claims share it.
_SHARED_FIELDS = ("source_id", "kind", "qualifier", "direction", "unit", "metric", "subject",
                  "period", "base_period", "source", "reference")


def _claim(fields_: dict, sentences: dict[str, str]) -> Claim:
    """A claim from its cache record, its repeated strings shared: the
    article's claims in one sentence hold one copy of it, and a metric key
    or name one copy in the whole run (a warm check holds every claim)."""
    c = {k: v for k, v in fields_.items() if k in _CLAIM_FIELDS}
    for k in _SHARED_FIELDS:
        if type(c.get(k)) is str:
            c[k] = sys.intern(c[k])
    if type(c.get("sentence")) is str:
        c["sentence"] = sentences.setdefault(c["sentence"], c["sentence"])
    return Claim(**c)


_TEXT_FIELDS = ("claim_id", "source_id", "sentence", "text", "kind", "qualifier", "direction",
                "unit", "metric", "subject", "period", "base_period", "source", "reference")
_NUMBER_FIELDS = ("value", "low", "high", "confidence")
_OFFSET_FIELDS = ("start_char", "end_char", "sent_start", "sent_end")


def _sound(c: Claim, article: Article) -> bool:
    """True when a cached claim has the types a fresh one has and its span
    lies in the article's text."""
    return (all(isinstance(getattr(c, f), str) for f in _TEXT_FIELDS)
            and all(isinstance(getattr(c, f), (int, float)) for f in _NUMBER_FIELDS)
            and all(type(getattr(c, f)) is int for f in _OFFSET_FIELDS)
            and 0 <= c.start_char <= c.end_char <= len(article.text))
