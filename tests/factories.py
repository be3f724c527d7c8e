"""Synthetic articles and claims for the compare/explain/report tests.

``Story`` builds an article from sentences and places claims on it by the
text of their quantity, so every claim has real offsets into real text
(what explain quotes and the HTML report highlights).
"""
from __future__ import annotations

import math

from pipeline import sentences
from pipeline.ingest import make_article
from pipeline.model import Claim

INF = math.inf


class Story:
    def __init__(self, source_id: str, *sents: str, subject: str = "Agency",
                 metric: str = "reports", period: str = "2024"):
        self.article = make_article(" ".join(sents), source_id)
        self.defaults = dict(subject=subject, metric=metric, period=period)
        self.claims: list[Claim] = []

    @property
    def text(self) -> str:
        return self.article.text

    def claim(self, quantity: str, kind: str, value: float, low: float | None = None,
              high: float | None = None, nth: int = 0, **fields) -> Claim:
        """A claim on the ``nth`` occurrence of ``quantity`` in the text."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(quantity, start + 1)
        end = start + len(quantity)
        s, e = next((s, e) for s, e in sentences.split(self.article) if s <= start < e)
        attrs = {**self.defaults, "qualifier": "exact", "direction": "", "unit": "",
                 "base_period": "", "confidence": 0.9, **fields}
        c = Claim(claim_id=f"{self.article.source_id}-{start:06d}",
                  source_id=self.article.source_id, sentence=self.text[s:e],
                  start_char=start, end_char=end, text=quantity, kind=kind, value=value,
                  low=value if low is None else low, high=value if high is None else high,
                  sent_start=s, sent_end=e, **attrs)
        self.claims.append(c)
        return c


def everything(*stories: Story):
    """(claims, articles) of several stories."""
    return [c for s in stories for c in s.claims], [s.article for s in stories]


def rising_cases(source_id: str, stated_pct: int) -> Story:
    """One article: cases rose from 100 (2023) to 150 (2024), "an increase of
    {stated_pct}%" (50 adds up, anything else does not)."""
    a = Story(source_id, f"Cases rose from 100 in 2023 to 150 in 2024, an increase of "
              f"{stated_pct}%.", subject="City", metric="cases")
    a.claim("100", "count", 100, period="2023")
    a.claim("150", "count", 150)
    a.claim(f"{stated_pct}%", "pct_change", stated_pct, stated_pct - 0.5, stated_pct + 0.5,
            direction="increase", base_period="2023")
    return a
