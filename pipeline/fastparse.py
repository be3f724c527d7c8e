"""The model's parser and entity recogniser, decoded with the same results at
less cost (part of stage 2, nlp).

Both are spaCy transition-based components: for every token the model scores
each possible action (74 for en_core_web_sm's NER, 106 for its parser), the
highest-scoring valid one is taken, and the next state is scored. spaCy runs
that loop in compiled code with Python's GIL released, and there the
validity test of every action reads the state's buffer through a method
that takes the GIL back and releases it again on each call: two mutex
operations per action per token (``perf`` shows ``pthread_mutex_lock`` and
``unlock`` under ``StateC::B`` in ``TransitionSystem.set_valid`` as 30% of
a NER run).

:func:`greedy_states` runs the same loop one step at a time from Python,
which holds the GIL throughout: each step scores every unfinished state of
the batch with the model's own step model (the same compiled feature sums,
maxout and matrix product as the compiled loop) and takes the best valid
action with the component's own ``transition_states``. Same weights, same
arithmetic in the same order, same actions, so the same parse and entities
(``tests/test_fastparse.py`` checks every head, dependency label, sentence
start and entity against the model's own components). A step from Python
costs about 100 microseconds (most of it BLIS's fixed cost for a matrix
product of a few rows), shared by all the documents of a batch. On 60 news
articles the NER went from 3.1 to 1.3 CPU-seconds and the parser from 1.2
to 0.5 (benchmarks/README.md).

:func:`replace_parsers` swaps the parser and NER for stand-ins that decode
this way, as :mod:`pipeline.fastattrs` does for the attribute rules. A
component it does not know to be greedy (a beam search, another class) keeps
running itself.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .fastattrs import _install, _Slot

#: The model's components decoded by :func:`greedy_states`, and the
#: stand-in each gets.
STAND_INS = {"parser": "claimcheck_parser", "ner": "claimcheck_ner"}
#: The spaCy classes whose greedy decoding :func:`greedy_states` repeats.
_GREEDY_CLASSES = {"DependencyParser", "EntityRecognizer"}


def greedy_states(parser, docs: list[Doc]) -> list:
    """The final parse states of ``docs`` under ``parser`` (a greedy
    transition-based component), as its own ``predict`` gives them."""
    batch = parser.moves.init_batch(docs)
    if not any(len(doc) for doc in docs):
        return batch
    model = parser.model.predict(docs)  # token vectors and precomputed features
    score = step_scorer(model)
    states = [s for s in batch if not s.is_final()]
    while states:
        states = parser.transition_states(states, score(states))
    model.clear_memory()
    return batch


def step_scorer(model):
    """A function giving the scores of a list of unfinished states: what
    ``model.predict(states)`` gives (spaCy's ``step_forward``: the hidden
    layer from the precomputed features, then the output layer's matrix
    product and bias, unseen actions set to the lowest score), calling the
    layers' own functions directly. thinc's wrapping of each call costs
    about as much as the arithmetic at one state per document, and a parse
    takes a step or two per token. ``model.predict`` itself for a step model
    of another shape."""
    upper = model.vec2scores if model.attrs.get("has_upper") else None
    if type(model).__name__ != "ParserStepModel" or (upper is not None and upper.name != "linear"):
        return model.predict
    hidden = model.state2vec
    unseen = np.flatnonzero(model._class_mask == 0)
    if upper is not None:
        W, b, ops = upper.get_param("W"), upper.get_param("b"), upper.ops

    def score(states):
        scores = hidden.predict(model.get_token_ids(states))
        if upper is not None:  # thinc's Linear: X @ W.T + b
            scores = ops.gemm(scores, W, trans2=True)
            scores += b
        if unseen.size:
            scores[:, unseen] = np.nanmin(scores)
        return scores
    return score


class FastParse:
    """``parser``'s annotations, decoded by :func:`greedy_states`."""

    def __init__(self, parser):
        self.parser = parser

    def __call__(self, doc: Doc) -> Doc:
        self.parser.set_annotations([doc], greedy_states(self.parser, [doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            self.parser.set_annotations(batch, greedy_states(self.parser, batch))
            yield from batch


def decodes_greedily(parser) -> bool:
    """True when ``parser`` is one of spaCy's transition-based components
    decoding greedily (beam width 1), with the parts :func:`greedy_states`
    calls."""
    return (type(parser).__name__ in _GREEDY_CLASSES
            and type(parser).__module__.split(".")[0] == "spacy"
            and getattr(parser, "cfg", {}).get("beam_width", 1) == 1
            and all(hasattr(parser, a) for a in ("moves", "model", "transition_states",
                                                 "set_annotations")))


def replace_parsers(nlp: Language) -> list[str]:
    """Swap ``nlp``'s parser and NER for :class:`FastParse` stand-ins, in
    place (the model's components stay, disabled). Returns the names
    replaced."""
    done = []
    for name, stand_in in STAND_INS.items():
        if name in nlp.pipe_names and decodes_greedily(nlp.get_pipe(name)):
            _install(nlp, name, stand_in, FastParse(nlp.get_pipe(name)))
            done.append(name)
    return done


@Language.factory("claimcheck_parser")
def make_parser(nlp: Language, name: str) -> _Slot:
    return _Slot()


@Language.factory("claimcheck_ner")
def make_ner(nlp: Language, name: str) -> _Slot:
    return _Slot()
