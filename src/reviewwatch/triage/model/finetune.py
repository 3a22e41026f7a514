"""Fine-tuning the shipped category model toward a user's corrections (`triage retrain`), with
NumPy alone: no scikit-learn and no training rows, only the shipped weights.

Per category, the new word and word-pair weights ``w`` minimise

    sum over corrections of log-loss(label, score - cut-off) + LAMBDA * ||w - w_shipped||^2

by Nesterov's accelerated gradient descent. Each correction is featurised exactly as triage
reads a review (`dataset.featurise`, `CategoryModel.scores`). The category's bias, cut-off and
word-list weights stay the shipped ones: the word lists fire on most reviews, so their weights
act like a bias, and moving them toward a few corrections changed every other review too
(bench/README.md: macro-F1 on unseen labelled reviews 0.52 -> 0.43 when they moved, 0.51 when
they stayed). Words and pairs of a correction that the shipped model has no weight for in any
category are ignored (with no training rows there is nothing to weigh them against); a word the
model knows from another category can gain a weight.

LAMBDA is a Gaussian prior around the shipped weights, chosen once: the shipped fit's own
penalty, ``1 / (2 C)`` per example with C = 0.3 (`training.Settings`), divided by the weight
the shipped recipe gave a user's correction (3 examples' worth): 1 / (2 * 0.3 * 3) ~= 0.56.
The shipped rows' own curvature only adds to that penalty, so this is the weakest pull toward
the shipped weights the shipped fit itself supports. The loss is summed, not averaged: the more
corrections, the further they may move the weights.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from reviewwatch.triage.model import CategoryModel
from reviewwatch.triage.model.dataset import Example, featurise
from reviewwatch.triage.model.metrics import Prediction, figures, summary
from reviewwatch.triage.model.training import DEFAULT_SETTINGS

Array = npt.NDArray[np.float64]

# The shipped fit's penalty per example, 1 / (2 C), over the weight it gave a correction.
LAMBDA = 1 / (2 * DEFAULT_SETTINGS.c * DEFAULT_SETTINGS.correction_weight)
MAX_STEPS = 2000
# Stop once no weight's gradient exceeds this.
TOLERANCE = 1e-7
FOLDS = 5
# Fewer corrections than this are cross-validated leaving one out.
LEAVE_ONE_OUT_BELOW = 10
SEED = 20261205


@dataclass(frozen=True, slots=True)
class Correction:
    """A review's categories as a user set them, with the review's text and language."""

    review_id: int
    text: str
    language: str
    categories: tuple[str, ...]


def correction_examples(corrections: Sequence[Correction]) -> list[Example]:
    return [
        featurise(c.text, c.language, c.categories, f"correction:{c.review_id}", "correction")
        for c in corrections
    ]


def corrections_sha256(corrections: Sequence[Correction]) -> str:
    material = json.dumps(
        [[c.review_id, c.text, c.language, list(c.categories)] for c in corrections],
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Design:
    """The corrections as a sparse matrix over the features they share with the model."""

    rows: npt.NDArray[np.intp]
    columns: npt.NDArray[np.intp]
    values: Array
    count: int
    grams: tuple[str, ...]
    lexicon: tuple[str, ...]

    def times(self, weights: Array) -> Array:
        """The matrix times `weights` (features x categories): examples x categories."""
        out = np.zeros((self.count, weights.shape[1]))
        np.add.at(out, self.rows, self.values[:, None] * weights[self.columns])
        return out

    def transposed_times(self, residuals: Array) -> Array:
        out = np.zeros((len(self.grams) + len(self.lexicon), residuals.shape[1]))
        np.add.at(out, self.columns, self.values[:, None] * residuals[self.rows])
        return out

    def norm_bound(self) -> float:
        """An upper bound of the matrix's largest singular value, squared."""
        if not len(self.values):
            return 0.0
        size = len(self.grams) + len(self.lexicon)
        magnitudes = np.abs(self.values)
        row_sums = np.bincount(self.rows, weights=magnitudes, minlength=self.count)
        column_sums = np.bincount(self.columns, weights=magnitudes, minlength=size)
        frobenius = float(np.sum(self.values**2))
        return min(frobenius, float(row_sums.max() * column_sums.max()))


def design(
    model: CategoryModel, examples: Sequence[Example], *, lexicon_too: bool = True
) -> Design:
    """Featurise as `CategoryModel.scores` reads: each known word or pair weighs
    1/sqrt(number of the review's words and pairs), each word-list feature its value."""
    grams = tuple(sorted({g for e in examples for g in e.grams if g in model.vocabulary}))
    lexicon = tuple(sorted({n for e in examples for n in e.lexicon})) if lexicon_too else ()
    gram_index = {gram: number for number, gram in enumerate(grams)}
    lexicon_index = {name: len(grams) + number for number, name in enumerate(lexicon)}
    rows: list[int] = []
    columns: list[int] = []
    values: list[float] = []
    for number, example in enumerate(examples):
        known = sorted(gram_index[g] for g in example.grams if g in gram_index)
        scale = 1.0 / np.sqrt(len(example.grams)) if example.grams else 0.0
        rows.extend([number] * len(known))
        columns.extend(known)
        values.extend([scale] * len(known))
        for name, value in sorted(example.lexicon.items()):
            if value and name in lexicon_index:
                rows.append(number)
                columns.append(lexicon_index[name])
                values.append(value)
    return Design(
        np.array(rows, dtype=np.intp),
        np.array(columns, dtype=np.intp),
        np.array(values, dtype=np.float64),
        len(examples),
        grams,
        lexicon,
    )


def _prior(model: CategoryModel, matrix: Design) -> Array:
    """The shipped weights of the design's features: features x categories."""
    prior = np.zeros((len(matrix.grams) + len(matrix.lexicon), len(model.categories)))
    for column, weights in enumerate(model.grams):
        prior[: len(matrix.grams), column] = [weights.get(g, 0.0) for g in matrix.grams]
    for column, weights in enumerate(model.lexicon):
        prior[len(matrix.grams) :, column] = [weights.get(n, 0.0) for n in matrix.lexicon]
    return prior


def _fixed_scores(model: CategoryModel, examples: Sequence[Example], lexicon_too: bool) -> Array:
    """Each example's score (less the cut-off) from what the fine-tune keeps: the bias, and
    unless `lexicon_too` the word lists' weights: examples x categories."""
    rows = []
    for example in examples:
        row = []
        for bias, cutoff, weights in zip(model.bias, model.cutoffs, model.lexicon, strict=True):
            score = bias - cutoff
            if not lexicon_too:
                score += sum(weights.get(name, 0.0) * v for name, v in example.lexicon.items())
            row.append(score)
        rows.append(row)
    return np.array(rows, dtype=np.float64)


def _sigmoid(values: Array) -> Array:
    return 0.5 * (1.0 + np.tanh(0.5 * values))


def minimise(
    matrix: Design, labels: Array, offsets: Array, prior: Array, penalty: float
) -> tuple[Array, int]:
    """Nesterov's accelerated gradient descent on the (strongly convex) objective; returns
    the weights and the steps taken. Deterministic: same input, same weights."""
    smooth = 2 * penalty + 0.25 * matrix.norm_bound()  # the gradient's Lipschitz constant
    condition = smooth / (2 * penalty)
    momentum = (np.sqrt(condition) - 1) / (np.sqrt(condition) + 1)

    def gradient(weights: Array) -> Array:
        residuals = _sigmoid(matrix.times(weights) + offsets) - labels
        return matrix.transposed_times(residuals) + 2 * penalty * (weights - prior)

    current = previous = prior.copy()
    for step in range(1, MAX_STEPS + 1):
        ahead = current + momentum * (current - previous)
        slope = gradient(ahead)
        if float(np.abs(slope).max(initial=0.0)) < TOLERANCE:
            return ahead, step
        previous, current = current, ahead - slope / smooth
    return current, MAX_STEPS


def fine_tune(
    model: CategoryModel,
    examples: Sequence[Example],
    *,
    penalty: float = LAMBDA,
    lexicon_too: bool = False,
) -> tuple[CategoryModel, int]:
    """The model with its word weights (and, with `lexicon_too`, its word-list weights: only
    for comparison, bench/eval_retrain.py) moved toward `examples`."""
    if not examples:
        return model, 0
    matrix = design(model, examples, lexicon_too=lexicon_too)
    labels = np.array([[float(name in e.labels) for name in model.categories] for e in examples])
    offsets = _fixed_scores(model, examples, lexicon_too)
    weights, steps = minimise(matrix, labels, offsets, _prior(model, matrix), penalty)
    grams = [dict(weights) for weights in model.grams]
    lexicon = [dict(weights) for weights in model.lexicon]
    for column in range(len(model.categories)):
        for row, gram in enumerate(matrix.grams):
            value = round(float(weights[row, column]), 4)
            if value:
                grams[column][gram] = value
            else:
                grams[column].pop(gram, None)
        for row, name in enumerate(matrix.lexicon, start=len(matrix.grams)):
            lexicon[column][name] = round(float(weights[row, column]), 6)
    tuned = replace(model, grams=tuple(grams), lexicon=tuple(lexicon), vocabulary=frozenset())
    return tuned, steps


def correction_folds(count: int, seed: int = SEED) -> list[list[int]]:
    """Indices of the corrections per fold: one each below LEAVE_ONE_OUT_BELOW, else FOLDS."""
    order = list(range(count))
    random.Random(seed).shuffle(order)
    folds = count if count < LEAVE_ONE_OUT_BELOW else FOLDS
    return [sorted(order[start::folds]) for start in range(folds) if order[start::folds]]


def _prediction(model: CategoryModel, example: Example) -> Prediction:
    found = frozenset(
        model.categories[index] for index in model.found(example.grams, example.lexicon)
    )
    return Prediction(example.labels, found, example.language, example.kind)


@dataclass(frozen=True, slots=True)
class RetrainResult:
    """The fine-tuned model, and figures on the user's corrections alone: each corrected
    review as the shipped model reads it (`before`) and as a model fine-tuned on the other
    folds reads it (`after`)."""

    model: CategoryModel
    before: dict[str, Any]
    after: dict[str, Any]
    folds: int
    ignored_grams: int


def retrain(
    base: CategoryModel,
    corrections: Sequence[Correction],
    *,
    penalty: float = LAMBDA,
    seed: int = SEED,
) -> RetrainResult:
    """Cross-validate the fine-tune over the corrections, then fine-tune on all of them."""
    examples = correction_examples(corrections)
    before: list[Prediction] = []
    after: list[Prediction] = []
    folds = correction_folds(len(examples), seed)
    for held in folds:
        held_set = set(held)
        rest = [example for number, example in enumerate(examples) if number not in held_set]
        tuned, _steps = fine_tune(base, rest, penalty=penalty)
        for number in held:
            before.append(_prediction(base, examples[number]))
            after.append(_prediction(tuned, examples[number]))
    model, steps = fine_tune(base, examples, penalty=penalty)
    grams = {gram for example in examples for gram in example.grams}
    ignored = len(grams - base.vocabulary)
    before_figures, after_figures = figures(before), figures(after)
    info = {
        **base.info,
        "corrections": len(corrections),
        "corrections_sha256": corrections_sha256(corrections),
        "fine_tune": {
            "penalty": round(penalty, 6),
            "steps": steps,
            "known_grams": len(grams) - ignored,
            "ignored_grams": ignored,
            "folds": len(folds),
            "corrections_cross_validated_before": summary(before_figures),
            "corrections_cross_validated_after": summary(after_figures),
        },
    }
    return RetrainResult(
        replace(model, info=info), before_figures, after_figures, len(folds), ignored
    )
