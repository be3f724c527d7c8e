"""Vectorised stand-ins for the model's ``attribute_ruler`` and
``lemmatizer`` (part of stage 2, nlp), with the same results.

en_core_web_sm's ``attribute_ruler`` turns the tagger's fine-grained tags
into coarse part-of-speech tags, morphology and a few lemmas with 179 rules
(a tag map plus exceptions such as "n't" -> PART/"not" or "gonna" ->
"go"/"to"). It runs them through spaCy's ``Matcher``, which tests every rule
against every token in Python and Cython: about a tenth of the whole
pipeline's time on news text.

:class:`FastAttributes` compiles the same rules into numpy tests over the
columns of ``Doc.to_array`` (one vectorised comparison per rule, not one per
token; dictionary lookups for the tag map) and writes the results back
with ``Doc.from_array``. The semantics
are the ruler's own: every rule is matched against the doc as the tagger and
parser left it, then the rules' attributes are applied in rule order, so a
later rule wins where two set the same attribute of a token.

Only what the ruler's patterns actually use is supported: single tokens or
fixed-length sequences of token tests on string or boolean attributes, with
equality, ``IN``, ``NOT_IN`` and ``REGEX``. :func:`compile_ruler` returns
``None`` for any other pattern (an operator, a quantifier, an extension
attribute), and :func:`pipeline.nlp.load_nlp` then keeps the model's own
component, so another model still gets exactly its own rules.

:class:`FastLemmas` asks the model's own lemmatizer once per distinct
(word, POS, morphology) of a doc instead of once per token.

``tests/test_fastattrs.py`` checks that both give the same tokens as the
model's components.
"""
from __future__ import annotations

import copy
import itertools
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.tokens import Doc

#: Token attributes a rule may test (``Doc.to_array`` columns).
TESTABLE = ("TAG", "LOWER", "DEP", "IS_SPACE", "ORTH", "NORM", "POS", "LEMMA",
            "ENT_TYPE", "SHAPE", "PREFIX", "SUFFIX", "IS_PUNCT", "IS_DIGIT",
            "IS_ALPHA", "LIKE_NUM", "IS_TITLE", "IS_UPPER", "IS_LOWER", "IS_STOP")
#: Token attributes a rule may set (struct fields ``Doc.from_array`` writes).
SETTABLE = ("POS", "MORPH", "LEMMA", "TAG", "DEP", "NORM")
_BOOL = {"IS_SPACE", "IS_PUNCT", "IS_DIGIT", "IS_ALPHA", "LIKE_NUM", "IS_TITLE",
         "IS_UPPER", "IS_LOWER", "IS_STOP"}


@dataclass(frozen=True)
class _Test:
    column: int          # index into the doc's attribute array
    op: str              # "==", "IN", "NOT_IN", "REGEX"
    values: tuple        # hashes (or 0/1), or the regex pattern


@dataclass(frozen=True)
class _Rule:
    patterns: tuple      # of tuples (one per token) of tuples of _Test
    index: int           # which token of a match the attributes go to
    attrs: tuple         # ((attr id, value), ...)


def _lookup_rule(rule: _Rule) -> bool:
    """True when every pattern of ``rule`` is one token tested for equality or
    ``IN`` on distinct attributes (a dictionary lookup does it exactly)."""
    for pattern in rule.patterns:
        if len(pattern) != 1 or rule.index not in (0, -1):
            return False
        tests = pattern[0]
        if not tests or any(t.op not in ("==", "IN") for t in tests) \
                or len({t.column for t in tests}) != len(tests):
            return False
    return True


class Unsupported(ValueError):
    """A pattern this module cannot test exactly as the Matcher does."""


def _test(vocab, attr: str, spec, columns: dict[str, int]) -> _Test:
    if attr not in TESTABLE:
        raise Unsupported(attr)
    col = columns.setdefault(attr, len(columns))

    def key(v):
        if attr in _BOOL:
            if not isinstance(v, bool):
                raise Unsupported(f"{attr}={v!r}")
            return int(v)
        if not isinstance(v, str):
            raise Unsupported(f"{attr}={v!r}")
        return vocab.strings.add(v) if v else 0

    if not isinstance(spec, dict):
        return _Test(col, "==", (key(spec),))
    if len(spec) != 1:
        raise Unsupported(str(spec))
    (op, arg), = spec.items()
    if op in ("IN", "NOT_IN"):
        return _Test(col, op, tuple(key(v) for v in arg))
    if op == "REGEX" and attr not in _BOOL:
        return _Test(col, op, (arg,))
    raise Unsupported(op)


def compile_ruler(ruler) -> "FastAttributes | None":
    """A :class:`FastAttributes` doing what ``ruler`` (an AttributeRuler) does,
    or ``None`` when one of its patterns is outside what this module
    supports."""
    vocab = ruler.vocab
    settable = {IDS[a] for a in SETTABLE}
    columns: dict[str, int] = {}
    rules = []
    try:
        # the ruler's own order (later rules win), its own normalised values
        for i, attrs in enumerate(ruler.attrs):
            if any(not isinstance(a, int) or a not in settable or not isinstance(v, int)
                   for a, v in attrs.items()):
                raise Unsupported(str(attrs))
            patterns = []
            for pattern in ruler.matcher.get(str(i))[1]:
                tokens = []
                for spec in pattern:
                    if not isinstance(spec, dict) or "OP" in spec:
                        raise Unsupported(str(spec))
                    tokens.append(tuple(_test(vocab, a.upper(), v, columns)
                                        for a, v in spec.items()))
                if not tokens:
                    raise Unsupported("empty pattern")
                patterns.append(tuple(tokens))
            rules.append(_Rule(tuple(patterns), int(ruler.indices[i]), tuple(attrs.items())))
    except (Unsupported, KeyError, TypeError, AttributeError):
        return None
    return FastAttributes(vocab, tuple(columns), tuple(rules))


class FastAttributes:
    """Callable pipeline component: the compiled rules of an attribute ruler.

    Rules that test single tokens for equality (or ``IN``) become dictionary
    lookups, one table per combination of tested attributes. A table on one
    attribute (the tag map) is applied to the doc's distinct values and
    spread to its tokens with numpy; a table on several attributes first
    narrows the tokens by its most selective attribute. The few other rules
    (``NOT_IN``, ``REGEX``, sequences of tokens) are tested with numpy over
    the whole doc, each test evaluated once per distinct value. Each rule
    keeps its place in the ruler's order, and an attribute is set by the
    last rule in that order that matches the token: the ruler's own
    precedence.
    """

    def __init__(self, vocab, columns: tuple[str, ...], rules: tuple[_Rule, ...]):
        self.vocab = vocab
        self.columns = columns
        self.rules = rules
        self._regex: dict[tuple[str, int], bool] = {}
        tables: dict[tuple[int, ...], dict[tuple, dict[int, tuple[int, int]]]] = {}
        self._others: list[tuple[int, _Rule]] = []
        for rank, rule in enumerate(rules):
            if not _lookup_rule(rule):
                self._others.append((rank, rule))
                continue
            for pattern in rule.patterns:
                tests = sorted(pattern[0], key=lambda t: t.column)
                table = tables.setdefault(tuple(t.column for t in tests), {})
                for key in itertools.product(*(t.values for t in tests)):
                    best = table.setdefault(key, {})
                    for attr_id, value in rule.attrs:  # later rules win
                        best[attr_id] = (rank, value)
        self._tables = []
        for cols, table in tables.items():
            # the column with the most distinct values first: the narrowest test
            spread = [len({k[j] for k in table}) for j in range(len(cols))]
            perm = sorted(range(len(cols)), key=lambda j: -spread[j])
            table = {tuple(k[j] for j in perm): best for k, best in table.items()}
            cols = tuple(cols[j] for j in perm)
            self._tables.append((cols, frozenset(k[0] for k in table), table))

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        view = _View(doc.to_array(list(self.columns)).reshape(n, len(self.columns)), self)
        setter: dict[int, np.ndarray] = {}   # attr id -> rank of the rule setting it, per token
        values: dict[int, np.ndarray] = {}

        def arrays(attr_id: int) -> tuple[np.ndarray, np.ndarray]:
            if attr_id not in setter:
                setter[attr_id] = np.full(n, -1, dtype=np.int32)
                values[attr_id] = np.zeros(n, dtype=np.uint64)
            return setter[attr_id], values[attr_id]

        for cols, first, table in self._tables:
            distinct, inverse = view.distinct(cols[0])
            if len(cols) == 1:
                for attr_id in {a for best in table.values() for a in best}:
                    ranks = np.array([table.get((v,), {}).get(attr_id, (-1, 0))[0]
                                      for v in distinct], dtype=np.int32)[inverse]
                    vals = np.array([table.get((v,), {}).get(attr_id, (-1, 0))[1]
                                     for v in distinct], dtype=np.uint64)[inverse]
                    rank, value = arrays(attr_id)
                    later = ranks > rank
                    rank[later], value[later] = ranks[later], vals[later]
                continue
            rows = np.flatnonzero(np.array([v in first for v in distinct], dtype=bool)[inverse])
            if not rows.size:
                continue
            for i, key in zip(rows.tolist(), view.table[np.ix_(rows, cols)].tolist()):
                for attr_id, (r, v) in table.get(tuple(key), {}).items():
                    rank, value = arrays(attr_id)
                    if r > rank[i]:
                        rank[i], value[i] = r, v
        for r, rule in self._others:
            hits = self._matches(rule, view)
            if hits is None:
                continue
            for attr_id, v in rule.attrs:
                rank, value = arrays(attr_id)
                hits_later = hits[rank[hits] < r]
                rank[hits_later], value[hits_later] = r, v
        if setter:
            ids = list(setter)
            current = doc.to_array(ids).reshape(n, len(ids))
            for k, attr_id in enumerate(ids):
                mask = setter[attr_id] >= 0
                current[mask, k] = values[attr_id][mask]
            doc.from_array(ids, current)
        return doc

    def _matches(self, rule: _Rule, view: "_View") -> np.ndarray | None:
        """Indices of the tokens ``rule`` sets, or None."""
        n = len(view.table)
        found = []
        for pattern in rule.patterns:
            length = len(pattern)
            index = rule.index if rule.index >= 0 else length + rule.index
            if length > n or not 0 <= index < length:
                continue
            width = n - length + 1
            ok = np.ones(width, dtype=bool)
            for k, tests in enumerate(pattern):
                for t in tests:
                    ok &= view.passes(t)[k:k + width]
            starts = np.flatnonzero(ok)
            if starts.size:
                found.append(starts + index)
        if not found:
            return None
        return np.unique(np.concatenate(found)) if len(found) > 1 else found[0]

    def passes(self, t: _Test, value: int) -> bool:
        """Whether one attribute value passes test ``t``."""
        if t.op == "==":
            return value == t.values[0]
        if t.op == "IN":
            return value in t.values
        if t.op == "NOT_IN":
            return value not in t.values
        memo = (t.values[0], value)  # REGEX
        if memo not in self._regex:
            self._regex[memo] = re.search(t.values[0], self.vocab.strings[value]) is not None
        return self._regex[memo]


class _View:
    """One doc's attribute table, with each test evaluated once per distinct
    value of its attribute."""

    def __init__(self, table: np.ndarray, rules: FastAttributes):
        self.table = table
        self.rules = rules
        self._distinct: dict[int, tuple[list[int], np.ndarray]] = {}
        self._passes: dict[_Test, np.ndarray] = {}

    def distinct(self, column: int) -> tuple[list[int], np.ndarray]:
        """The column's distinct values and, per token, the index of its own."""
        if column not in self._distinct:
            values, inverse = np.unique(self.table[:, column], return_inverse=True)
            self._distinct[column] = (values.tolist(), inverse.reshape(-1))
        return self._distinct[column]

    def passes(self, t: _Test) -> np.ndarray:
        """Per token, whether it passes ``t``."""
        if t not in self._passes and t.op == "==":
            self._passes[t] = self.table[:, t.column] == t.values[0]
        elif t not in self._passes:
            values, inverse = self.distinct(t.column)
            ok = np.array([self.rules.passes(t, v) for v in values], dtype=bool)
            self._passes[t] = ok[inverse]
        return self._passes[t]


class FastLemmas:
    """The model's rule lemmatizer, asked once per distinct (word, POS,
    morphology) of a doc instead of once per token.

    spaCy's ``Lemmatizer`` walks every token in Python, although its result
    depends only on the token's text, part of speech and morphology (its own
    cache is keyed by exactly these). This gathers those three columns with
    ``Doc.to_array``, lemmatizes each distinct row once (through the
    lemmatizer itself, so its tables and rules are used unchanged) and writes
    the lemmas back with ``Doc.from_array``. Tokens that already have a lemma
    (set by the attribute rules) keep it, as with the lemmatizer.

    The lemmatizer it asks is a copy whose word index is held in sets
    (:func:`_with_index_sets`): the rule lemmatizer checks every candidate
    form with ``form in index``, and the model ships each part of speech's
    index as a list (57,528 nouns), so every distinct word cost a scan of
    tens of thousands of strings, about 0.6 CPU-seconds per 60 news articles.
    """

    def __init__(self, lemmatizer):
        self.lemmatizer = _with_index_sets(lemmatizer)
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        if not getattr(self.lemmatizer, "_validated", True):
            return self.lemmatizer(doc)  # its first call checks its tables
        table = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
        todo = np.arange(n) if self.lemmatizer.overwrite else np.flatnonzero(table[:, 3] == 0)
        if not todo.size:
            return doc
        keys, first, inverse = np.unique(table[todo, :3], axis=0, return_index=True,
                                         return_inverse=True)
        lemmas = np.empty(len(keys), dtype=np.uint64)
        strings = doc.vocab.strings
        for j, (key, i) in enumerate(zip(map(tuple, keys.tolist()), first.tolist())):
            if key not in self._memo:
                self._memo[key] = strings.add(self.lemmatizer.lemmatize(doc[int(todo[i])])[0])
            lemmas[j] = self._memo[key]
        out = table[:, 3].copy()
        out[todo] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], out.reshape(n, 1))
        return doc


#: The lemmatizer table of known words per part of speech, which the rule
#: lemmatizer only asks ``form in ...`` of.
INDEX_TABLE = "lemma_index"


def _with_index_sets(lemmatizer):
    """A shallow copy of ``lemmatizer`` reading the same tables, but for its
    :data:`INDEX_TABLE` whose word lists are sets (same members, so the same
    answers to ``in``, found by hashing instead of a scan). ``lemmatizer``
    itself when it has no such table."""
    src = getattr(lemmatizer, "lookups", None)
    if src is None or not src.has_table(INDEX_TABLE):
        return lemmatizer
    lookups = Lookups()
    for name in src.tables:
        lookups.set_table(name, src.get_table(name))
    index = src.get_table(INDEX_TABLE)
    lookups.set_table(INDEX_TABLE, Table(INDEX_TABLE, {k: frozenset(v) for k, v in index.items()}))
    clone = copy.copy(lemmatizer)
    clone.lookups = lookups
    clone.cache = {}
    clone.lemmatize = getattr(clone, f"{clone.mode}_lemmatize")  # bound to the copy
    return clone


#: Lemmatizer classes and modes whose result depends only on a token's text,
#: POS and morphology (what :class:`FastLemmas` keys on).
_PURE_LEMMATIZERS = {"Lemmatizer", "EnglishLemmatizer"}
_PURE_MODES = {"rule", "lookup", "pos_lookup"}


def replace_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap ``nlp``'s lemmatizer for :class:`FastLemmas`, in place (the model's
    component stays, disabled). False when there is none, or when it is not
    one whose lemmas depend on the token alone."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if type(lemmatizer).__name__ not in _PURE_LEMMATIZERS \
            or type(lemmatizer).__module__.split(".")[0] != "spacy" \
            or getattr(lemmatizer, "mode", None) not in _PURE_MODES:
        return False
    _install(nlp, name, "claimcheck_lemmas", FastLemmas(lemmatizer))
    return True


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap ``nlp``'s attribute ruler for its compiled form, in place.

    The model's component stays in the pipeline, disabled (so the pipeline's
    config and serialisation are unchanged). False when there is nothing to
    replace or a rule is not supported (the ruler then keeps running)."""
    if name not in nlp.pipe_names:
        return False
    fast = compile_ruler(nlp.get_pipe(name))
    if fast is None:
        return False
    _install(nlp, name, "claimcheck_attributes", fast)
    return True


def _install(nlp: Language, name: str, factory: str, fast) -> None:
    nlp.add_pipe(factory, after=name)
    nlp.get_pipe(factory).load(fast)
    nlp.disable_pipe(name)


class _Slot:
    """A registered component holding the compiled stand-in once loaded
    (components are made by name, so the stand-in is handed over after)."""

    def __init__(self):
        self.fast = None

    def load(self, fast) -> None:
        self.fast = fast

    def __call__(self, doc: Doc) -> Doc:
        return self.fast(doc) if self.fast is not None else doc

    def pipe(self, docs, batch_size: int = 16):
        """``docs`` through the stand-in, in batches when it takes them."""
        if hasattr(self.fast, "pipe"):
            yield from self.fast.pipe(docs, batch_size=batch_size)
        else:
            yield from map(self, docs)


@Language.factory("claimcheck_attributes")
def make_attributes(nlp: Language, name: str) -> _Slot:
    return _Slot()


@Language.factory("claimcheck_lemmas")
def make_lemmas(nlp: Language, name: str) -> _Slot:
    return _Slot()
