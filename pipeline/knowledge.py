"""One documented place for the pipeline's knowledge.

Every word list, cue, synonym and tolerance lives in a TOML file in
``pipeline/data/``; each file documents its own entries. Code reads them
through :func:`load` and never repeats them as literals.

=================  ==========================================================
file               what it holds
=================  ==========================================================
furniture.toml     page-furniture line patterns and end-of-article markers
numbers.toml       number words, scale words, fractions, currencies, units
qualifiers.toml    qualifier phrases and the interval each one implies,
                   and the precision rule for stated figures (tolerances)
extract.toml       kind and direction cue words, non-claim contexts
attribution.toml   period words, subject fallbacks, confidence levels
synonyms.toml      metric synonyms (nouns that count the same thing)
frames.toml        a figure's frame (window, reference, scope, narrowed measure,
                   counting method, span, day: cue words) and when frames
                   align (score weights, thresholds, blocks; align.py)
explain.toml       comparison keys and tolerances, derived-check rules, cause
                   cue words, severity rules, report wording templates,
                   sentence-splitting abbreviations (compare, derive, explain)
datasette.toml     what export --sqlite tells datasette: titles, column
                   descriptions, facets, the "open conflicts" query
=================  ==========================================================
"""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def load(name: str) -> dict:
    """Return the parsed contents of ``pipeline/data/<name>.toml``."""
    with resources.files("pipeline").joinpath("data", f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def measure_units() -> frozenset[str]:
    """Units of measure as claims store them ("acre", "km", "lb"; numbers.toml
    [units] values, lower-cased): a unit, never a counted noun."""
    return frozenset(str(v).lower() for v in load("numbers")["units"].values())
