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
4. frames' candidate pairs: a row per claim and block its pairs are
   sought in (:func:`pipeline.align.pair_blocks`: kind family, unit and a
   word, or a value), shuffled by block, a word block too large to pair in
   whole by block and subject (as :func:`pipeline.align.subject_groups`
   splits it): no worker holds a whole (kind family, unit); the claims of
   the pairs and of their sentences are then read from the table shuffled
   by article.

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
    numbers of lone claims."""
    df = df.sort_values(ORDER, kind="stable").copy()
    claims = to_claims(df)
    usable = [c for c, u in zip(claims, df["usable"]) if u]
    lone = {c.claim_id for c, x in zip(claims, df["lone"]) if x}
    near = align.lone_words(usable, lone, claims)
    df["near"] = _text([json.dumps(sorted(near[c.claim_id])) if c.claim_id in near else ""
                        for c in claims])
    return df


#: Columns of the pair table (step 4): one row per block a usable claim's
#: candidate pairs are sought in (:func:`pipeline.align.pair_blocks`).
PAIR_ROWS = {"block": "object", "how": "object", ORDER: "int64", "source_id": "object",
             "key": "object", "lone": "bool", "subject": "object"}
MEASURED, NEARBY, VALUE = "m", "n", "v"


def _pair_rows(df: pd.DataFrame) -> pd.DataFrame:
    """Step 4 on one partition (whole articles): the pair table's rows of
    its usable claims, ``how`` a block is theirs (a word measured, a word
    next to the number, the value)."""
    df = df[df["usable"]].sort_values(ORDER, kind="stable")
    claims = to_claims(df)
    out: dict[str, list] = {name: [] for name in PAIR_ROWS}
    for c, order, key, lone, near in zip(claims, df[ORDER].tolist(), df["key"].tolist(),
                                         df["lone"].tolist(), df["near"].tolist()):
        measured, nearby, value = align.pair_blocks(c, bool(lone),
                                                    json.loads(near) if near else ())
        rows = [(MEASURED, b) for b in measured] + [(NEARBY, b) for b in nearby]
        if value is not None:
            rows.append((VALUE, value))
        for how, block in rows:
            out["block"].append(json.dumps(block))
            out["how"].append(how)
            out[ORDER].append(order)
            out["source_id"].append(c.source_id)
            out["key"].append(key)
            out["lone"].append(bool(lone))
            out["subject"].append(c.subject)
    return _meta_of(PAIR_ROWS, out)


def _word_sizes(df: pd.DataFrame) -> dict[str, tuple[bool, int]]:
    """Per word block of one partition of the pair table (whole articles):
    whether a claim measures the word, and how many claims it holds."""
    words = df[df["how"] != VALUE]
    out = {}
    for block, rows in words.groupby("block", sort=False):
        out[block] = (bool((rows["how"] == MEASURED).any()), rows[ORDER].nunique())
    return out


def _with_shard(df: pd.DataFrame, words: dict[str, int]) -> pd.DataFrame:
    """The pair table's shard key: the block; for a word block larger than
    ``max_block`` (``words``: block -> claims, of the blocks some claim
    measures; other word blocks are dropped) the block and the subject, as
    :func:`pipeline.align.subject_groups` splits it."""
    limit = align.cfg()["align"]["max_block"]
    keep = [how == VALUE or block in words for how, block in zip(df["how"], df["block"])]
    df = df[pd.Series(keep, index=df.index, dtype=bool)]
    shard = [VALUE + block if how == VALUE
             else block + "|" + json.dumps(keys.norm_subject(subject)) if words[block] > limit
             else block
             for how, block, subject in zip(df["how"].tolist(), df["block"].tolist(),
                                            df["subject"].tolist())]
    return df.assign(shard=_text(shard))


def _shard_pairs(df: pd.DataFrame, words: dict[str, int]) -> list[tuple[int, int]]:
    """Step 4 on one partition (whole shards): candidate pairs, by place in
    the table, by :func:`pipeline.align.block_groups` and
    :func:`pipeline.align.block_pairs` as the local engine finds them."""
    limit = align.cfg()["align"]["max_block"]
    order, source = df[ORDER].tolist(), df["source_id"].tolist()
    known = [k or None for k in df["key"].tolist()]
    lone, subject = df["lone"].tolist(), df["subject"].tolist()
    shards: dict[str, list[int]] = {}
    seen: dict[str, set] = {}
    for i, shard in enumerate(df["shard"].tolist()):
        if order[i] not in seen.setdefault(shard, set()):  # measured and next to it: once
            seen[shard].add(order[i])
            shards.setdefault(shard, []).append(i)
    pairs = set()
    for shard, members in shards.items():
        how = df["how"].iat[members[0]]
        if how == VALUE:
            groups = align.block_groups(members, lone, subject, by_value=True)
        elif words[df["block"].iat[members[0]]] > limit:
            groups = align.subject_groups(members, lone, subject)
        else:
            groups = align.block_groups(members, lone, subject)
        pairs |= {(order[i], order[j]) if order[i] < order[j] else (order[j], order[i])
                  for i, j in align.block_pairs(groups, source, known, lone)}
    return sorted(pairs)


def _involved(df: pd.DataFrame, wanted: set[int]) -> tuple[list[tuple[int, Claim]], list[Claim],
                                                               Counter]:
    """One partition of the table (whole articles): its claims in some
    candidate pair (``wanted``: their places), with their places; every
    claim of those claims' sentences; and the kind counts of their
    articles' usable claims."""
    df = df.sort_values(ORDER, kind="stable")
    claims = to_claims(df)
    involved = [(o, c) for o, c in zip(df[ORDER].tolist(), claims) if o in wanted]
    sentences = {(c.source_id, c.sent_start, c.sentence) for _, c in involved}
    sources = {c.source_id for _, c in involved}
    context = [c for c in claims if (c.source_id, c.sent_start, c.sentence) in sentences]
    kinds = align._kinds_per_article([c for c, u in zip(claims, df["usable"])
                                      if u and c.source_id in sources])
    return involved, context, kinds


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
                                     meta=_meta(table, near="object"))
        table = client.persist(table)
        pairs_at = _candidate_pairs(client, table, n)
        wanted = _share(client, {o for pair in pairs_at for o in pair})
        involved, context, kinds = [], [], Counter()
        for part in client.compute([delayed(_involved)(p, wanted) for p in table.to_delayed()],
                                   sync=True):
            involved += part[0]
            context += part[1]
            kinds.update(part[2])
        involved.sort(key=lambda x: x[0])
        at = {o: i for i, (o, _) in enumerate(involved)}
        pairs = sorted((at[a], at[b]) for a, b in pairs_at)
        del pairs_at
        framed = cmp.framed_findings(align.link([c for _, c in involved], pairs, context, kinds))
        del table
    if not collect:
        return {"stated": by_key, "derived": derived, "framed": len(framed)}
    return cmp.finish(by_key, framed, derived)


def _candidate_pairs(client, table, n: int) -> list[tuple[int, int]]:
    """Step 4: the candidate pairs of the table (shuffled by article), by
    place: a row per claim and block (:func:`_pair_rows`), the word blocks'
    sizes summed over partitions, the rows shuffled by block (a word block
    past ``max_block`` by block and subject), each shard's pairs."""
    from dask import delayed
    rows = table.map_partitions(_pair_rows, meta=_meta_of(PAIR_ROWS))
    rows = client.persist(rows)
    words: dict[str, list] = {}
    for part in client.compute([delayed(_word_sizes)(p) for p in rows.to_delayed()], sync=True):
        for block, (measured, size) in part.items():
            got = words.setdefault(block, [False, 0])
            got[0] |= measured
            got[1] += size
    words = {block: size for block, (measured, size) in words.items() if measured}
    shared = _share(client, words)
    sharded = rows.map_partitions(_with_shard, shared,
                                  meta=_meta_of({**PAIR_ROWS, "shard": "object"}))
    sharded = sharded.shuffle("shard", npartitions=n)
    found = client.compute([delayed(_shard_pairs)(p, shared) for p in sharded.to_delayed()],
                           sync=True)
    del rows, sharded
    return sorted({pair for part in found for pair in part})


def _meta_of(columns: dict[str, str], data: dict[str, list] | None = None) -> pd.DataFrame:
    """A frame of ``columns`` (name -> dtype; text as Arrow strings where
    available), empty or holding ``data``'s lists."""
    return pd.DataFrame({name: pd.Series(data[name] if data else [],
                                         dtype=STRING if kind == "object" and ARROW else kind)
                         for name, kind in columns.items()})


def _share(client, data):
    """``data`` as one future every task can take. It is the result of a
    task that holds it, not scattered: a worker lost mid-run (its nanny
    starts a new one) may hold the only copy, and scattered data would then
    be lost for good, while a task's result is made again."""
    return client.submit(_same, data, pure=False)


def _same(data):
    return data


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
