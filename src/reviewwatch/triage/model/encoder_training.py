"""Fitting and cross-validating the encoder head beside the word model (needs the ``train``
extra; the embeddings come from the ``encoder`` extra, or from anywhere in tests).

The word model part is the shipped recipe (`training.py`) fitted on the same training side,
without the package's written sentences (they lowered its figure); the head, a logistic
regression per category over the embeddings, also learns from them. Their log-odds are
averaged (``MIX``, fixed beforehand, not tuned on the measured folds) and each category's
cut-off on the average is chosen by an inner grouped cross-validation on the training side
only. Measured rows are the real reviews of ``train`` (and users' corrections), grouped by
source file as in `training.cross_validate`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reviewwatch.triage.model import CategoryModel
from reviewwatch.triage.model.dataset import Example
from reviewwatch.triage.model.encoder import (
    ENCODER_PACKAGE,
    ENCODER_VERSION,
    EncoderHead,
    word_model_key,
)
from reviewwatch.triage.model.training import (
    DEFAULT_SETTINGS,
    SEED,
    Prediction,
    Settings,
    best_cutoffs,
    fit_scores,
    group_folds,
)
from reviewwatch.triage.models import CATEGORIES

HEAD_VERSION = "encoder-head-1"
MIX = 0.5
HEAD_C = 4.0
# Kinds the word model does not learn from (the head does).
HEAD_ONLY_KINDS = frozenset({"written"})

Vector = Sequence[float]


def _fit_head(
    vectors: Sequence[Vector], examples: Sequence[Example], seed: int
) -> tuple[list[list[float]], list[float]]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    matrix = np.asarray(vectors, dtype=np.float64)
    weights: list[list[float]] = []
    bias: list[float] = []
    for name in CATEGORIES:
        labels = [int(name in example.labels) for example in examples]
        if len(set(labels)) < 2:
            weights.append([0.0] * matrix.shape[1])
            bias.append(-30.0)
            continue
        model = LogisticRegression(
            C=HEAD_C, class_weight="balanced", max_iter=3000, random_state=seed
        )
        model.fit(matrix, labels)
        weights.append([float(w) for w in model.coef_[0]])
        bias.append(float(model.intercept_[0]))
    return weights, bias


def _mixed_scorer(
    examples: Sequence[Example],
    vectors: Sequence[Vector],
    train: Sequence[int],
    settings: Settings,
    seed: int,
) -> Any:
    """Fit both parts on the examples numbered `train`; score examples by number."""
    word_train = [examples[i] for i in train if examples[i].kind not in HEAD_ONLY_KINDS]
    words = fit_scores(word_train, settings, seed)
    weights, bias = _fit_head([vectors[i] for i in train], [examples[i] for i in train], seed)
    no_cutoffs = (0.0,) * len(CATEGORIES)
    head = EncoderHead(
        HEAD_VERSION, CATEGORIES, tuple(map(tuple, weights)), tuple(bias), no_cutoffs, MIX, ""
    )

    def score(numbers: Sequence[int]) -> list[list[float]]:
        word_scores = words([examples[i] for i in numbers])
        return [head.margins(row, vectors[i]) for row, i in zip(word_scores, numbers, strict=True)]

    return score


def _cutoffs(
    examples: Sequence[Example],
    vectors: Sequence[Vector],
    numbers: Sequence[int],
    settings: Settings,
    seed: int,
) -> list[float]:
    """Cut-offs on the mixed score from an inner grouped cross-validation over `numbers`."""
    subset = [examples[i] for i in numbers]
    scores: list[list[float]] = []
    gold: list[frozenset[str]] = []
    for held in group_folds(subset, settings.inner_folds, seed):
        held_set = set(held)
        train = [numbers[j] for j in range(len(numbers)) if j not in held_set]
        tested = [numbers[j] for j in held]
        scores.extend(_mixed_scorer(examples, vectors, train, settings, seed)(tested))
        gold.extend(examples[i].labels for i in tested)
    return best_cutoffs(scores, gold) if scores else [0.0] * len(CATEGORIES)


def cross_validate_mixed(
    examples: Sequence[Example],
    vectors: Sequence[Vector],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    seed: int = SEED,
) -> list[Prediction]:
    """Nested, grouped cross-validation of the word model and the head together."""
    predictions: list[Prediction] = []
    for held in group_folds(examples, settings.folds, seed):
        held_set = set(held)
        train = [i for i in range(len(examples)) if i not in held_set]
        cutoffs = _cutoffs(examples, vectors, train, settings, seed)
        scorer = _mixed_scorer(examples, vectors, train, settings, seed)
        for i, row in zip(held, scorer(held), strict=True):
            found = frozenset(
                CATEGORIES[k] for k, (s, c) in enumerate(zip(row, cutoffs, strict=True)) if s >= c
            )
            example = examples[i]
            predictions.append(Prediction(example.labels, found, example.language, example.kind))
    return predictions


def fit_head(
    examples: Sequence[Example],
    vectors: Sequence[Vector],
    word_model: CategoryModel,
    settings: Settings = DEFAULT_SETTINGS,
    *,
    seed: int = SEED,
    info: Mapping[str, Any] | None = None,
) -> EncoderHead:
    """The shipped head: cut-offs by inner cross-validation, weights on every example.
    `word_model` is the shipped word model (fitted by the same recipe on the same data)."""
    cutoffs = _cutoffs(examples, vectors, range(len(examples)), settings, seed)
    weights, bias = _fit_head(vectors, examples, seed)
    return EncoderHead(
        version=HEAD_VERSION,
        categories=CATEGORIES,
        weights=tuple(tuple(row) for row in weights),
        bias=tuple(bias),
        cutoffs=tuple(cutoffs),
        mix=MIX,
        word_model=word_model_key(word_model),
        info={
            "encoder": f"{ENCODER_PACKAGE}=={ENCODER_VERSION}",
            "seed": seed,
            "c": HEAD_C,
            **(info or {}),
        },
    )
