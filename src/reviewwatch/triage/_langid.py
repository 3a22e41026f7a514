"""A second opinion on a text's language, from py3langid when it is installed.

py3langid (the `langid` extra: `pip install reviewwatch[langid]`) is langid.py's model of
character n-grams, trained on large corpora, run with numpy. It is asked only about texts
whose words leave the built-in detector unsure, and only among the languages the detector
knows, so the default install (without numpy) gives the same kind of answer, just more often
the caller's fallback on short texts. Nothing is downloaded: the model ships in the package.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

# Its answer counts only when it is at least this sure (short texts such as "ok" or "super"
# belong to no language in particular, and the caller's fallback is better for them).
MIN_PROBABILITY = 0.5

# Set to False to use the built-in detector alone (tests of the default install do).
enabled = True


@cache
def _identifier(languages: frozenset[str]) -> Any:
    """py3langid's identifier limited to `languages`, or None when it is not installed."""
    try:
        langid = importlib.import_module("py3langid.langid")
        # Loading unpacks the model through a temporary file: a full disk or a file size
        # limit must cost only the second opinion, never a poll.
        identifier = langid.LanguageIdentifier.from_modelpath(
            langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True
        )
        identifier.set_languages(
            sorted(code for code in languages if code in identifier.nb_classes)
        )
    except (ImportError, OSError, ValueError, EOFError, MemoryError):
        return None
    return identifier


def available() -> bool:
    """Whether py3langid is installed (and not switched off)."""
    return enabled and importlib.util.find_spec("py3langid") is not None


@lru_cache(maxsize=1024)
def _classify(text: str, languages: frozenset[str]) -> tuple[str, float] | None:
    identifier = _identifier(languages)
    if identifier is None:
        return None
    code, probability = identifier.classify(text)
    return str(code), float(probability)


def second_opinion(text: str, languages: Iterable[str]) -> tuple[str, float] | None:
    """(language, probability) when py3langid is installed and at least `MIN_PROBABILITY`
    sure of one of `languages`; None otherwise."""
    if not enabled:
        return None
    found = _classify(text, frozenset(languages))
    if found is None or found[1] < MIN_PROBABILITY:
        return None
    return found
