"""Attribution helpers for :mod:`pipeline.normalize` (stage 4).

One module per question a claim must answer:

- :mod:`.context`  the article around a claim: sentences, blocks, title words
- :mod:`.subject`  who the number belongs to (names, acronyms, references)
- :mod:`.metric`   what is counted (a canonical key from the parse)
- :mod:`.period`   when it holds, and what a change is measured against
- :mod:`.canonical` cross-article merging of subject names and metric keys

Knowledge lives in ``data/attribution.toml`` and ``data/synonyms.toml``.
"""
