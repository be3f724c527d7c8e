"""Plain data that flows between the pipeline's stages.

Each stage takes and returns these frozen records (or DataFrames with the
contract's columns); no stage reaches into another's internals.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields

#: The claim table's columns, in the contract's order (../shared/CONTRACT.md).
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id", "source_id", "sentence", "start_char", "end_char", "text",
    "kind", "value", "low", "high", "qualifier", "direction", "unit",
    "metric", "subject", "period", "base_period", "confidence",
    "source", "reference",
)

KINDS = ("count", "percent", "change", "pct_change", "multiple", "rate", "amount")
QUALIFIERS = ("exact", "approx", "nearly", "at_least", "more_than", "at_most",
              "less_than", "range")
CAUSES = ("counting_method", "different_period", "different_scope", "rounding",
          "unit_or_scale", "arithmetic_error", "unexplained")


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of an article's text: a headline, a paragraph, a list item
    or page furniture (ads, bylines, share buttons) that extraction skips."""
    start: int
    end: int
    kind: str  # "headline" | "paragraph" | "bullet" | "furniture"


@dataclass(frozen=True)
class Article:
    """One article as read from disk. ``text`` is the decoded file text and
    every character offset in the pipeline indexes it."""
    source_id: str
    text: str
    sha256: str
    path: str = ""
    title: str = ""
    publisher: str = ""
    published: str = ""  # YYYY-MM-DD or ""
    url: str = ""
    blocks: tuple[Block, ...] = ()

    def metadata(self) -> dict:
        return {"source_id": self.source_id, "title": self.title,
                "publisher": self.publisher, "published": self.published,
                "url": self.url, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim: the contract's columns plus the offsets of its
    sentence (``sent_start``/``sent_end``), which the report uses to quote
    and highlight it. Only the contract's columns go into claims.csv.
    Slotted: a warm check of an archive holds hundreds of thousands."""
    claim_id: str
    source_id: str
    sentence: str
    start_char: int
    end_char: int
    text: str
    kind: str
    value: float
    low: float
    high: float
    qualifier: str = "exact"
    direction: str = ""
    unit: str = ""
    metric: str = ""
    subject: str = ""
    period: str = ""
    base_period: str = ""
    confidence: float = 0.0
    source: str = ""      # who states the figure, when not its subject ("Reuters", "Ortiz")
    reference: str = ""   # a baseline it is measured against ("the pre-industrial average")
    sent_start: int = 0
    sent_end: int = 0

    def row(self) -> dict:
        return {c: getattr(self, c) for c in CLAIM_COLUMNS}  # all plain values


@dataclass(frozen=True)
class Evidence:
    """A sentence quoted from an article: ``text[start_char:end_char]``.
    ``role`` is ``figure`` (it states one of the finding's figures) or
    ``cause`` (it supports the cause); ``cue`` is the cue phrase found in it."""
    source_id: str
    sentence: str
    start_char: int
    end_char: int
    role: str = "figure"
    cue: str = ""


@dataclass
class Finding:
    finding_id: str
    type: str  # conflict | agreement
    basis: str  # stated | derived
    subject: str
    metric: str
    period: str
    claims: list[str]
    sources: list[str]
    derivation: str = ""
    cause: str = ""
    explanation: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    severity: str = ""
    new: bool = True
    review: dict | None = None
    # Not in findings.json's required keys, but useful to editors:
    suggested_wording: str = ""
    #: one entry per figure (stated claim, premise or derived value) with its
    #: interval in comparison space (decreases negative); see compare.entry
    values: list[dict] = field(default_factory=list)
    #: why the claims were judged to be the same quantity:
    #: {"score": 0..1, "reasons": [...]} (see pipeline.align)
    alignment: dict = field(default_factory=dict)
    #: the earlier finding this one replaces (same quantity, claims added, so a
    #: new id): {"finding_id", "claims_added", "review", "replaces"}, or None
    replaces: dict | None = None

    def to_json(self) -> dict:
        # Shallow on purpose: dataclasses.asdict deep-copies every value entry,
        # which dominated writing findings.json for large folders.
        d = {f.name: getattr(self, f.name) for f in fields(self)}
        d["claims"], d["sources"] = list(self.claims), list(self.sources)
        d["review"] = dict(self.review) if self.review else self.review
        d["alignment"] = {"score": self.alignment.get("score"),
                          "reasons": list(self.alignment.get("reasons", ()))}
        # an Evidence's own fields (frozen), not a copy: read, never changed
        d["evidence"] = [vars(e) for e in self.evidence]
        # an entry with no infinite or unknown number is itself (an archive's
        # findings hold hundreds of thousands): it is read, never changed
        d["values"] = [e if all(type(v) is not float or math.isfinite(v) for v in e.values())
                       else {k: _json_number(v) for k, v in e.items()} for e in self.values]
        return d


def _json_number(v):
    """JSON has no infinity: an open interval end is null, as in the claim
    table's JSON (``low`` null: open below; ``high`` null: open above); an
    unknown number is null too."""
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    return v
