"""The trained complaint-category model: a linear classifier per category over a review's
words, word pairs and the word lists' counts, shipped as a small data file.

The shipped model (``categories.json.gz`` beside this module) is read at first use, with no
network. A model retrained on a user's corrections (`reviewwatch triage retrain`) is written
to the app data folder and takes precedence while it exists; deleting it restores the shipped
one.
"""

from __future__ import annotations

import gzip
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import Any

import platformdirs

from reviewwatch.paths import APP_NAME
from reviewwatch.triage.models import CATEGORIES

FORMAT = 1
SHIPPED_NAME = "categories.json.gz"
LOCAL_NAME = "category-model.json.gz"
# Where the local model lives instead of the app data folder (tests, several installs).
MODEL_DIR_ENV = "REVIEWWATCH_MODEL_DIR"


class ModelFileError(ValueError):
    """A model file that cannot be read (damaged, or of an unknown format)."""


@dataclass(frozen=True, slots=True, eq=False)
class CategoryModel:
    """Weights per category, the cut-off of each, and where they came from.

    ``grams`` maps a word (``w:``) or word pair (``b:``) to its weight, per category; each
    review's words together count as a vector of length one (each weighs 1/sqrt(n)).
    ``lexicon`` maps a word-list feature (``count:<list>``, ``hit:<list>``) to its weight.
    A category is reported when its score (a log-odds) reaches its ``cutoff``. Compared
    by identity: classification results are cached per model.
    """

    version: str
    categories: tuple[str, ...]
    bias: tuple[float, ...]
    cutoffs: tuple[float, ...]
    grams: tuple[Mapping[str, float], ...]
    lexicon: tuple[Mapping[str, float], ...]
    # How far past its cut-off a category must score when no word list backs it.
    unbacked_margin: float = 0.0
    info: Mapping[str, Any] = field(default_factory=dict)
    # Every word or pair with a weight in some category (filled in from `grams`).
    vocabulary: frozenset[str] = field(default=frozenset(), repr=False)
    # The same weights by feature: each word's, pair's or word-list feature's weight in
    # every category, so that a review's scores are one sum per category over its features.
    _by_gram: Mapping[str, tuple[float, ...]] = field(default_factory=dict, init=False, repr=False)
    _by_feature: Mapping[str, tuple[float, ...]] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        if not self.vocabulary:
            words = frozenset(gram for weights in self.grams for gram in weights)
            object.__setattr__(self, "vocabulary", words)
        by_gram = {gram: tuple(w.get(gram, 0.0) for w in self.grams) for gram in self.vocabulary}
        features = {name for weights in self.lexicon for name in weights}
        by_feature = {name: tuple(w.get(name, 0.0) for w in self.lexicon) for name in features}
        object.__setattr__(self, "_by_gram", by_gram)
        object.__setattr__(self, "_by_feature", by_feature)

    def found(self, grams: frozenset[str], lexicon: Mapping[str, float]) -> list[int]:
        """Indices of the categories the review discusses."""
        return self.found_in(self.scores(grams, lexicon), lexicon)

    def found_in(self, margins: Sequence[float], lexicon: Mapping[str, float]) -> list[int]:
        """Indices of the categories the review discusses, from its `scores`."""
        return found_categories(self.categories, margins, lexicon, self.unbacked_margin)

    def scores(self, grams: frozenset[str], lexicon: Mapping[str, float]) -> list[float]:
        """Each category's score minus its cut-off: a category is found when it is >= 0."""
        scale = 1.0 / math.sqrt(len(grams)) if grams else 0.0
        none = (0.0,) * len(self.bias)
        known = grams & self.vocabulary  # most words weigh nothing anywhere
        # One column per category: the weights of the review's words, then of its features,
        # each column added in the order of `known` (every row has one weight per category).
        # `map` makes the same additions and products as a comprehension, without a Python
        # frame per column.
        words = list(map(sum, zip(*map(self._by_gram.__getitem__, known), strict=True)))
        weighted = [
            tuple(map(mul, self._by_feature.get(name, none), repeat(value)))
            for name, value in lexicon.items()
        ]
        listed = list(map(sum, zip(*weighted, strict=True)))
        return [
            bias + scale * word + feature - cutoff
            for bias, word, feature, cutoff in zip(
                self.bias, words or none, listed or none, self.cutoffs, strict=True
            )
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "categories": list(self.categories),
            "bias": [round(value, 6) for value in self.bias],
            "cutoffs": [round(value, 6) for value in self.cutoffs],
            "unbacked_margin": self.unbacked_margin,
            "lexicon": [dict(sorted(weights.items())) for weights in self.lexicon],
            "info": dict(self.info),
            # Per category, each word's weight (words without one are left out).
            "grams": [
                {gram: round(weight, 4) for gram, weight in sorted(weights.items()) if weight}
                for weights in self.grams
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CategoryModel:
        if data.get("format") != FORMAT:
            raise ModelFileError(f"unknown model format {data.get('format')!r}")
        categories = tuple(str(name) for name in data["categories"])
        grams = tuple(dict(weights) for weights in data["grams"])
        if len(grams) != len(categories):
            raise ModelFileError("the model's weights do not match its categories")
        return cls(
            version=str(data["version"]),
            categories=categories,
            bias=tuple(float(value) for value in data["bias"]),
            cutoffs=tuple(float(value) for value in data["cutoffs"]),
            grams=grams,
            lexicon=tuple(
                {str(k): float(v) for k, v in weights.items()} for weights in data["lexicon"]
            ),
            unbacked_margin=float(data.get("unbacked_margin", 0.0)),
            info=dict(data.get("info", {})),
        )


def backed(name: str, lexicon: Mapping[str, float]) -> bool:
    """Whether the word lists saw anything of category `name` (plain complaints back other)."""
    return bool(
        lexicon.get("count:" + name) or (name == "other" and lexicon.get("count:complaint"))
    )


# The categories whose word lists decide on their own: a review whose words they list (a
# count of 1 or more, `hit:`) discusses the category even where the model scores it below its
# cut-off (a second complaint in a review, whose words the model weighs against the first:
# "the colour is not the one in the photos and it took three weeks"). Not `usability`, whose
# lists name apps and sites in passing (precision 0.18-0.30 alone), nor `other`.
LISTS_DECIDE = frozenset(CATEGORIES) - {"usability", "other"}


def listed_hit(name: str, lexicon: Mapping[str, float]) -> bool:
    """Whether the word lists alone find category `name` in the review (`LISTS_DECIDE`)."""
    return name in LISTS_DECIDE and bool(lexicon.get("hit:" + name))


def found_categories(
    categories: Sequence[str],
    margins: Sequence[float],
    lexicon: Mapping[str, float],
    unbacked_margin: float,
) -> list[int]:
    """A category counts when its score passes its cut-off, by `unbacked_margin` more when the
    word lists saw nothing of it (the model alone is less sure than the model and a word), or
    when its word lists find it on their own (`LISTS_DECIDE`)."""
    return [
        index
        for index, (name, margin) in enumerate(zip(categories, margins, strict=True))
        if margin >= (0.0 if backed(name, lexicon) else unbacked_margin)
        or listed_hit(name, lexicon)
    ]


def write_model(model: CategoryModel, path: Path) -> None:
    """Write the model as gzip'd JSON, byte for byte the same for the same model."""
    text = json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with (
        partial.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle,
    ):
        handle.write(text.encode("utf-8"))
    partial.replace(path)


def read_model(data: bytes) -> CategoryModel:
    try:
        return CategoryModel.from_json(json.loads(gzip.decompress(data)))
    except (OSError, EOFError, ValueError, KeyError, TypeError, IndexError) as error:
        raise ModelFileError(f"not a category model file ({error})") from error


def local_model_path() -> Path:
    """Where `triage retrain` writes the model that overrides the shipped one."""
    environ = os.environ
    return _local_model_path(
        environ.get(MODEL_DIR_ENV), environ.get("XDG_DATA_HOME"), environ.get("HOME")
    )


@lru_cache(maxsize=8)
def _local_model_path(folder: str | None, _xdg_data_home: str | None, _home: str | None) -> Path:
    """The path for these settings: triage asks for every review, and platformdirs reads the
    environment and builds the folder anew on every call."""
    return Path(folder or platformdirs.user_data_dir(APP_NAME)) / LOCAL_NAME


@cache
def shipped_model() -> CategoryModel:
    resource = resources.files("reviewwatch.triage.model").joinpath(SHIPPED_NAME)
    return read_model(resource.read_bytes())


_local: dict[tuple[str, int, int], CategoryModel] = {}


def model_identity() -> str:
    """Which model triage uses, without reading it: the file's path, size and time."""
    path = local_model_path()
    try:
        stat = path.stat()
    except OSError:
        path = Path(__file__).with_name(SHIPPED_NAME)
        try:
            stat = path.stat()
        except OSError:  # a zipped install: the package's version says enough
            return "shipped"
    return f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}"


def active_model() -> CategoryModel:
    """The local model when there is one (re-read when it changes), else the shipped one.

    A local file that cannot be read is passed over: the shipped model still answers.
    """
    path = local_model_path()
    try:
        stat = path.stat()
    except OSError:
        return shipped_model()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    model = _local.get(key)
    if model is None:
        try:
            model = read_model(path.read_bytes())
        except (OSError, ModelFileError):
            return shipped_model()
        _local.clear()
        _local[key] = model
    return model
