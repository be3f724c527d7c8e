"""claimcheck: find where news articles disagree about the same numbers.

The stages, one module each: ingest -> nlp -> extract -> normalize ->
compare -> explain -> report. The public API is :func:`extract_claims` and
:func:`check_sources`.
"""
__version__ = "0.1.0"

from .api import check_sources, extract_claims  # noqa: E402

__all__ = ["check_sources", "extract_claims", "__version__"]
