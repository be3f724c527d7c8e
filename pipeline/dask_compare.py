"""Compare on a Dask cluster: the claim table shuffled by blocking keys.

The claims go into a Dask DataFrame (one row per claim, the Claim fields
plus its place in the table) and through the library's own compare steps
(:mod:`pipeline.compare`, :mod:`pipeline.keys`, :mod:`pipeline.align`),
each run on blocks that hold everything the step looks at, so the findings
are those of :func:`pipeline.compare.compare`, with the same ids:

1. keys: shuffled by (period, kind, base period, unit), the part of the key
   wordings are fuzzy-merged within (:func:`pipeline.keys.rest_of`); the
   acronym aliases are the one table-wide input, made first from the
   distinct subject wordings;
2. key and derived findings: shuffled by the metric key (derived values
   and the figures they are checked against share their metric key); each
   article's first place in the table, the other table-wide input, says
   which of several articles deriving the same figures leads the finding;
3. the words next to the numbers of lone claims: shuffled by article;
4. frames' candidate pairs: shuffled by (kind family, unit)
   (:func:`pipeline.align.block_of`).

Two steps look across blocks and run here, on what the blocks return:
framing and linking the claims of candidate pairs (an article's topic words
are counted over all its sentences that hold one; :func:`pipeline.align.link`,
given those claims and their sentences' claims), and
:func:`pipeline.compare.finish` (frame findings against key findings,
one finding per set of claims, ids that do not collide). Explain runs here
too, on the findings.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import fields

import pandas as pd

from . import align, keys
from . import compare as cmp
from .model import Claim, Finding

FIELDS = tuple(f.name for f in fields(Claim))
#: A claim's place in the table: blocks keep it, so their findings come in
#: the order the local engine makes them.
ORDER = "_order"
#: Claims per partition of the shuffled table, about.
PARTITION_ROWS = 50_000
_ALONE = "~"  # a blocking value that no real key starts with: rows outside every block


def claims_frame(claims: list[Claim], start: int = 0) -> pd.DataFrame:
    """The claims as rows: every Claim field, and ORDER (``start`` + their index)."""
    df = pd.DataFrame([[getattr(c, f) for f in FIELDS] for c in claims], columns=list(FIELDS),
                      dtype=object)
    for name, kind in (("start_char", "int64"), ("end_char", "int64"), ("sent_start", "int64"),
                       ("sent_end", "int64"), ("value", "float64"), ("low", "float64"),
                       ("high", "float64"), ("confidence", "float64")):
        df[name] = pd.array(df[name].tolist() if len(df) else [], dtype=kind)
    df[ORDER] = pd.RangeIndex(start, start + len(claims)).to_numpy()
    return df


def to_claims(df: pd.DataFrame) -> list[Claim]:
    """Rows back to claims (plain Python values), in table order."""
    df = df.sort_values(ORDER, kind="stable")
    return [Claim(*row) for row in zip(*(df[f].tolist() for f in FIELDS))]


def _usable_rest(df: pd.DataFrame) -> pd.DataFrame:
    claims = to_claims(df)
    df = df.sort_values(ORDER, kind="stable").copy()
    ok = [cmp.comparable(c) for c in claims]
    df["usable"] = ok
    df["rest"] = _text([json.dumps(keys.rest_of(c)) if u else _ALONE + c.claim_id
                        for c, u in zip(claims, ok)])
    return df


def _with_keys(df: pd.DataFrame, alias: dict[str, str]) -> pd.DataFrame:
    """Step 1 on one partition: each usable claim's comparison key."""
    df = df.sort_values(ORDER, kind="stable").copy()
    claims = to_claims(df)
    usable = [c for c, u in zip(claims, df["usable"]) if u]
    found = keys.claim_keys(usable, alias)
    df["key"] = _text([json.dumps(found[c.claim_id]) if c.claim_id in found else ""
                       for c in claims])
    df["metric_key"] = _text([found[c.claim_id][1] if c.claim_id in found else _ALONE + c.claim_id
                              for c in claims])
    return df


def _key_groups(df: pd.DataFrame) -> tuple[list[Claim], dict[str, tuple], dict]:
    ok = set(df["claim_id"][df["usable"]])
    usable = [c for c in to_claims(df) if c.claim_id in ok]
    found = {c: tuple(json.loads(k)) for c, k in zip(df["claim_id"], df["key"]) if k}
    return usable, found, cmp.key_groups(usable, found)


def _with_lone(df: pd.DataFrame) -> pd.DataFrame:
    """Step 2 on one partition (whole metric keys): its claims marked lone
    (their key group is one article's alone) or not."""
    lone = align.lone_claims(_key_groups(df)[2])
    return df.assign(lone=[c in lone for c in df["claim_id"]])


def _key_block(df: pd.DataFrame, first: dict[str, int]) -> tuple[list[Finding], list[Finding]]:
    """Step 2 on one partition: its key findings and its derived findings.
    Articles are taken in the order of their first usable claim in the
    whole table (``first``: source_id -> its place), as the local engine
    takes them (the first of several articles deriving the same figures
    leads their finding)."""
    usable, found, groups = _key_groups(df)
    by_article = sorted(usable, key=lambda c: first[c.source_id])  # stable: in table order
    return cmp.key_findings(groups), cmp.checked_findings(by_article, found, groups)


def _with_words(df: pd.DataFrame) -> pd.DataFrame:
    """Step 3 on one partition (whole articles): the words next to the
    numbers of lone claims, and each usable claim's frame block."""
    df = df.sort_values(ORDER, kind="stable").copy()
    claims = to_claims(df)
    usable = [c for c, u in zip(claims, df["usable"]) if u]
    lone = {c.claim_id for c, x in zip(claims, df["lone"]) if x}
    near = align.lone_words(usable, lone, claims)
    df["near"] = _text([json.dumps(sorted(near[c.claim_id])) if c.claim_id in near else ""
                        for c in claims])
    df["frame_block"] = _text([json.dumps(align.block_of(c)) if u else _ALONE + c.claim_id
                               for c, u in zip(claims, df["usable"])])
    return df


def _pair_block(df: pd.DataFrame) -> tuple[list[tuple[int, Claim]], list[tuple[int, int]], Counter]:
    """Step 4 on one partition (usable claims, whole frame blocks): the
    claims in some candidate pair, with their places; the pairs, by place;
    and the kind counts of those claims' articles."""
    df = df.sort_values(ORDER, kind="stable")
    claims = to_claims(df)
    order = df[ORDER].tolist()
    lone = {c.claim_id for c, x in zip(claims, df["lone"]) if x}
    known = dict(zip(df["claim_id"], df["key"]))
    near = {c.claim_id: frozenset(json.loads(w)) for c, w in zip(claims, df["near"]) if w}
    pairs = align.candidate_pairs(claims, lone, known, near)
    involved = sorted({i for pair in pairs for i in pair})
    sources = {claims[i].source_id for i in involved}
    kinds = align._kinds_per_article([c for c in claims if c.source_id in sources])
    return ([(order[i], claims[i]) for i in involved],
            [(order[i], order[j]) for i, j in pairs], kinds)


def _in_sentences(df: pd.DataFrame, sentences: set[tuple]) -> list[Claim]:
    """The claims of one partition that stand in one of ``sentences``."""
    claims = to_claims(df)
    return [c for c in claims if (c.source_id, c.sent_start, c.sentence) in sentences]


def _meta(df: pd.DataFrame, **extra: str) -> pd.DataFrame:
    meta = df._meta.copy() if hasattr(df, "_meta") else df.iloc[:0].copy()
    for name, kind in extra.items():
        meta[name] = pd.Series([], dtype=STRING if kind == "object" and ARROW else kind)
    return meta


#: The Claim fields that hold text.
TEXT_FIELDS = tuple(f.name for f in fields(Claim) if f.type in ("str", str))
STRING = "string[pyarrow]"


def _text(values: list[str]):
    """A new text column: Arrow strings (:data:`ARROW`), or Python objects."""
    return pd.array(values, dtype=STRING) if ARROW else values


def _typed(df: pd.DataFrame) -> pd.DataFrame:
    """The claims' text columns as Arrow strings (:data:`ARROW`)."""
    return df.astype({c: STRING for c in TEXT_FIELDS}) if ARROW else df


def partition_count(claims: int) -> int:
    """Partitions for a table of ``claims`` claims."""
    return math.ceil(claims / PARTITION_ROWS)


def compare(claims: list[Claim], client, partitions: int | None = None) -> list[Finding]:
    """:func:`pipeline.compare.compare` of ``claims``, on the cluster of
    ``client``, in ``partitions`` partitions (default :func:`partition_count`)."""
    if not claims:
        return []
    import dask.dataframe as dd
    with _plain_strings():
        table = dd.from_pandas(claims_frame(claims),
                               npartitions=partitions or partition_count(len(claims)))
        return compare_table(table, client)


def compare_table(table, client, collect: bool = True):
    """The findings of a Dask DataFrame of claims (rows as
    :func:`claims_frame` makes them, ORDER unique), by the steps of the
    module docstring. ``collect=False`` (benchmarks): the key and derived
    findings are counted by type where they are made, not brought here, and
    :func:`pipeline.compare.finish` is left out."""
    import dask.dataframe as dd
    from dask import delayed
    with _plain_strings():
        n = max(1, table.npartitions)
        table = table.map_partitions(_typed, meta=_typed(_meta(table)))
        table = table.map_partitions(_usable_rest, meta=_meta(table, usable="bool", rest="object"))
        subjects = table[table["usable"]]["subject"].drop_duplicates().compute()
        alias = keys.acronym_aliases(keys.subject_names(subjects.tolist()))
        table = table.shuffle("rest", npartitions=n)
        table = table.map_partitions(_with_keys, alias,
                                     meta=_meta(table, key="object", metric_key="object"))
        # each shuffle carries only what later steps read: "rest" is used up here
        table = client.persist(table.drop(columns="rest").shuffle("metric_key", npartitions=n))
        first = table[table["usable"]].groupby("source_id")[ORDER].min().compute()
        first = _share(client, first.to_dict())
        by_key, derived = _gather_findings(client, table, first, collect)
        table = table.map_partitions(_with_lone, meta=_meta(table, lone="bool"))
        table = table.drop(columns="metric_key").shuffle("source_id", npartitions=n)
        table = table.map_partitions(_with_words,
                                     meta=_meta(table, near="object", frame_block="object"))
        table = client.persist(table)
        usable = table[table["usable"]].shuffle("frame_block", npartitions=n)
        parts = client.compute([delayed(_pair_block)(p) for p in usable.to_delayed()],
                               sync=True)
        involved = sorted((x for part in parts for x in part[0]), key=lambda x: x[0])
        at = {o: i for i, (o, _) in enumerate(involved)}
        pairs = sorted((at[a], at[b]) for part in parts for a, b in part[1])
        kinds: Counter = Counter()
        for part in parts:
            kinds.update(part[2])
        del parts
        sentences = {(c.source_id, c.sent_start, c.sentence) for _, c in involved}
        context = []
        if sentences:
            wanted = _share(client, sentences)
            for part in client.compute([delayed(_in_sentences)(p, wanted)
                                        for p in table.to_delayed()], sync=True):
                context += part
        framed = cmp.framed_findings(align.link([c for _, c in involved], pairs, context, kinds))
        del table
    if not collect:
        return {"stated": by_key, "derived": derived, "framed": len(framed)}
    return cmp.finish(by_key, framed, derived)


def _share(client, data):
    """``data`` sent to every worker once, as one object (a dict or set
    given to ``scatter`` alone would be scattered item by item)."""
    [future] = client.scatter([data], broadcast=True)
    return future


def _gather_findings(client, table, first, collect: bool):
    """Key and derived findings of every partition of ``table`` (shuffled
    by metric key), in partition order (or, with ``collect=False``, their
    counts by type)."""
    from dask import delayed
    step = _key_block if collect else _counts
    got = client.compute([delayed(step)(p, first) for p in table.to_delayed()], sync=True)
    if collect:
        return [f for k, _ in got for f in k], [f for _, d in got for f in d]
    total: tuple[Counter, Counter] = (Counter(), Counter())
    for k, d in got:
        total[0].update(k)
        total[1].update(d)
    return total


def _counts(df: pd.DataFrame, first: dict[str, int]) -> tuple[Counter, Counter]:
    found = _key_block(df, first)
    return Counter(f.type for f in found[0]), Counter(f.type for f in found[1])


#: Text columns as Arrow strings (a fraction of the memory of Python string
#: objects); False: Python objects. Either way :func:`to_claims` gives the
#: fields plain Python values.
ARROW = True
#: How the steps shuffle. "tasks": at 10^6 synthetic claims (benchmarks/README)
#: the run peaked at 2.6 GB summed with it, 3.0 GB with "p2p" (faster: 363
#: CPU s against 511), whose workers also stall when one pauses.
SHUFFLE = "tasks"


def _plain_strings():
    """Dask's settings for the steps (:data:`ARROW`, :data:`SHUFFLE`)."""
    import dask
    return dask.config.set({"dataframe.convert-string": ARROW,
                            "dataframe.shuffle.method": SHUFFLE})
