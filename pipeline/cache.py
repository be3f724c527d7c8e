"""The claim cache behind incremental ``claimcheck check``.

One JSON file per article in ``<claims-dir>/.cache/<source_id>.json`` holds
the article's decoded text (keyed by the sha256 of the file's bytes) and its
claims as :func:`pipeline.normalize.attribute` made them (keyed by
:meth:`ClaimCache.key`: the article text's sha256, its metadata, the model
and the pipeline fingerprint), and what :mod:`pipeline.explain` found in the
article on its own (sentence spans and cue sentences, keyed by
:meth:`ClaimCache.explain_key`: the text, its blocks and the pipeline
fingerprint). A re-run reads unchanged articles from here:
no model load, no parse, no rescan, one small JSON file each. A changed pipeline
(source, data files or version) or model changes every key, so the cache
invalidates itself; entries of removed articles are pruned.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, astuple, fields
from functools import cache
from pathlib import Path

from . import __version__
from .files import write_atomic
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
    """Per-article cache in ``folder/.cache``; also the ingest text memo."""

    def __init__(self, claims_dir: str | Path, model: str | None = None):
        self.folder = Path(claims_dir) / CACHE_DIR
        self.model = model
        self._entries: dict[str, dict | None] = {}
        self._dirty: set[str] = set()
        self._model_key: str | None = None

    # -- entries
    def _entry(self, source_id: str) -> dict | None:
        if source_id not in self._entries:
            try:
                entry = json.loads((self.folder / f"{source_id}.json").read_text("utf-8"))
                self._entries[source_id] = entry if isinstance(entry, dict) else None
            except (OSError, ValueError):
                self._entries[source_id] = None  # missing or damaged: read afresh
        return self._entries[source_id]

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
            blocks = tuple(Block(*b) for b in e["blocks"])
            return FileText(e["text"], list(e["notes"]), dict(e["meta"]), blocks)
        except (KeyError, TypeError):
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
        try:
            return [Claim(**{k: v for k, v in c.items() if k in _CLAIM_FIELDS})
                    for c in e["claims"]]
        except TypeError:
            return None

    def put_claims(self, article: Article, claims: list[Claim]) -> None:
        self._update(article.source_id, key=self.key(article),
                     claims=[asdict(c) for c in claims])

    # -- explain's per-article data (pipeline.explain.ArticleMemo)
    def explain_key(self, article: Article) -> str:
        blob = json.dumps([article.sha256, [(b.start, b.end, b.kind) for b in article.blocks],
                           pipeline_fingerprint()])
        return hashlib.sha256(blob.encode()).hexdigest()

    def get_explain(self, article: Article) -> dict | None:
        e = self._entry(article.source_id)
        data = e.get("explain") if e else None
        if not isinstance(data, dict) or data.get("key") != self.explain_key(article):
            return None
        return data

    def put_explain(self, article: Article, data: dict) -> None:
        self._update(article.source_id, explain={**data, "key": self.explain_key(article)})

    def save(self, keep: set[str]) -> None:
        """Write changed entries and delete those of articles not in ``keep``."""
        for source_id in sorted(self._dirty & keep):
            write_atomic(self.folder / f"{source_id}.json",
                         json.dumps(self._entries[source_id], ensure_ascii=False))
        self._dirty.clear()
        if self.folder.is_dir():
            for path in self.folder.glob("*.json"):
                if path.stem not in keep:
                    path.unlink(missing_ok=True)
