"""Fitting and cross-validating the shipped category model (`triage train`; needs the optional
``train`` extra: scikit-learn; nothing here runs during triage or `triage retrain`).

One logistic regression per category (liblinear, fixed seed: the same examples give the
same weights), over a review's words and word pairs (each review's vector of length one)
and the word lists' per-category counts. Each category's cut-off is chosen by an inner
cross-validation on the training examples only, never on the rows being measured.
Cross-validation keeps the rows of one source file on one side (`Example.group`) and
measures only real reviews the word lists were not written from (`kind` ``train``);
development and synthetic rows are always on the training side.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage.model import CategoryModel, found_categories
from reviewwatch.triage.model.dataset import Example, vocabulary
from reviewwatch.triage.model.metrics import Prediction
from reviewwatch.triage.models import CATEGORIES

MODEL_VERSION = "categories-1"
SEED = 20261205
MEASURED_KINDS = frozenset({"train", "correction"})


@dataclass(frozen=True, slots=True)
class Settings:
    """What model selection chose (bench/README.md has the comparison)."""

    c: float = 0.3
    balanced: bool = True
    use_grams: bool = True
    use_lexicon: bool = True
    # Weight of a user's correction against one shipped example, when corrections were refitted
    # with the shipped rows; kept as recorded in the shipped model (`finetune.LAMBDA` uses it).
    correction_weight: float = 3.0
    unbacked_margin: float = 0.0
    # Cut-offs from an inner cross-validation (else 0: even odds under balanced weights).
    tune_cutoffs: bool = True
    folds: int = 5
    inner_folds: int = 3


DEFAULT_SETTINGS = Settings()


def _sklearn() -> Any:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise RuntimeError(
            "training needs scikit-learn: pip install 'reviewwatch[train]'"
        ) from error
    return LogisticRegression


def _matrix(
    examples: Sequence[Example],
    index: Mapping[str, int],
    lexicon_names: Sequence[str],
    settings: Settings,
) -> Any:
    from scipy.sparse import csr_matrix

    offset = len(index)
    data: list[float] = []
    columns: list[int] = []
    pointers = [0]
    for example in examples:
        if settings.use_grams:
            present = sorted(index[gram] for gram in example.grams if gram in index)
            if present:
                value = 1.0 / math.sqrt(len(example.grams))
                columns.extend(present)
                data.extend([value] * len(present))
        if settings.use_lexicon:
            for number, name in enumerate(lexicon_names):
                value = example.lexicon.get(name, 0.0)
                if value:
                    columns.append(offset + number)
                    data.append(value)
        pointers.append(len(columns))
    return csr_matrix((data, columns, pointers), shape=(len(examples), offset + len(lexicon_names)))


def _lexicon_names(examples: Sequence[Example]) -> list[str]:
    return sorted({name for example in examples for name in example.lexicon})


def _weights(examples: Sequence[Example], settings: Settings) -> list[float]:
    return [settings.correction_weight if e.kind == "correction" else 1.0 for e in examples]


def _fit_raw(
    examples: Sequence[Example], settings: Settings, seed: int
) -> tuple[list[str], list[str], list[Any]]:
    logistic = _sklearn()
    words = vocabulary(examples) if settings.use_grams else []
    index = {gram: number for number, gram in enumerate(words)}
    lexicon_names = _lexicon_names(examples) if settings.use_lexicon else []
    matrix = _matrix(examples, index, lexicon_names, settings)
    weights = _weights(examples, settings)
    fitted: list[Any] = []
    for name in CATEGORIES:
        labels = [int(name in example.labels) for example in examples]
        model = logistic(
            C=settings.c,
            solver="liblinear",
            class_weight="balanced" if settings.balanced else None,
            random_state=seed,
            max_iter=1000,
        )
        if len(set(labels)) < 2:
            fitted.append(None)
            continue
        model.fit(matrix, labels, sample_weight=weights)
        fitted.append(model)
    return words, lexicon_names, fitted


def _as_model(
    words: list[str],
    lexicon_names: list[str],
    fitted: list[Any],
    cutoffs: Sequence[float],
    info: Mapping[str, Any],
) -> CategoryModel:
    grams: list[dict[str, float]] = []
    lexicon: list[dict[str, float]] = []
    bias: list[float] = []
    for model in fitted:
        if model is None:  # a category no example has: never reported
            grams.append({})
            lexicon.append({})
            bias.append(-30.0)
            continue
        coefficients = [float(value) for value in model.coef_[0]]
        grams.append(
            {gram: round(w, 4) for gram, w in zip(words, coefficients, strict=False) if round(w, 4)}
        )
        tail = coefficients[len(words) :] if len(coefficients) > len(words) else []
        lexicon.append(
            {name: round(w, 6) for name, w in zip(lexicon_names, tail, strict=False) if w}
        )
        bias.append(float(model.intercept_[0]))
    return CategoryModel(
        version=str(info.get("version", MODEL_VERSION)),
        categories=CATEGORIES,
        bias=tuple(bias),
        cutoffs=tuple(cutoffs),
        grams=tuple(grams),
        lexicon=tuple(lexicon),
        info=dict(info),
    )


def fit_scores(
    train: Sequence[Example], settings: Settings, seed: int
) -> Callable[[Sequence[Example]], list[list[float]]]:
    """Fit on `train`; return a scorer giving each example's per-category log-odds."""
    words, lexicon_names, fitted = _fit_raw(train, settings, seed)
    model = _as_model(words, lexicon_names, fitted, [0.0] * len(CATEGORIES), {})
    active = settings

    def score(examples: Sequence[Example]) -> list[list[float]]:
        return [
            model.scores(
                example.grams if active.use_grams else frozenset(),
                example.lexicon if active.use_lexicon else {},
            )
            for example in examples
        ]

    return score


def group_folds(examples: Sequence[Example], folds: int, seed: int) -> list[list[int]]:
    """Split the measured examples into folds by group (whole groups, sizes balanced)."""
    sizes: dict[str, int] = {}
    for example in examples:
        if example.kind in MEASURED_KINDS:
            sizes[example.group] = sizes.get(example.group, 0) + 1
    groups = sorted(sizes)
    random.Random(seed).shuffle(groups)
    groups.sort(key=lambda group: -sizes[group])  # stable: ties keep the shuffled order
    totals = [0] * folds
    assignment: dict[str, int] = {}
    for group in groups:
        target = totals.index(min(totals))
        assignment[group] = target
        totals[target] += sizes[group]
    result: list[list[int]] = [[] for _ in range(folds)]
    for number, example in enumerate(examples):
        if example.kind in MEASURED_KINDS:
            result[assignment[example.group]].append(number)
    return [fold for fold in result if fold]


def best_cutoffs(scores: Sequence[Sequence[float]], gold: Sequence[frozenset[str]]) -> list[float]:
    """Per category, the log-odds cut-off with the best F1 on these (held-out) scores."""
    candidates = [x / 4 for x in range(-12, 13)]
    cutoffs = []
    for column, name in enumerate(CATEGORIES):
        best, best_f1 = 0.0, -1.0
        for cutoff in candidates:
            tp = fp = fn = 0
            for row, labels in zip(scores, gold, strict=True):
                found, wanted = row[column] >= cutoff, name in labels
                tp += found and wanted
                fp += found and not wanted
                fn += wanted and not found
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            if f1 > best_f1 + 1e-9:
                best, best_f1 = cutoff, f1
        cutoffs.append(best)
    return cutoffs


def choose_cutoffs(examples: Sequence[Example], settings: Settings, seed: int) -> list[float]:
    """Cut-offs from an inner grouped cross-validation over `examples` alone."""
    if not settings.tune_cutoffs:
        return [0.0] * len(CATEGORIES)
    scores: list[list[float]] = []
    gold: list[frozenset[str]] = []
    for held in group_folds(examples, settings.inner_folds, seed):
        held_set = set(held)
        train = [e for number, e in enumerate(examples) if number not in held_set]
        scorer = fit_scores(train, settings, seed)
        scores.extend(scorer([examples[number] for number in held]))
        gold.extend(examples[number].labels for number in held)
    if not scores:
        return [0.0] * len(CATEGORIES)
    return best_cutoffs(scores, gold)


def fit(
    examples: Sequence[Example],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    seed: int = SEED,
    info: Mapping[str, Any] | None = None,
) -> CategoryModel:
    """The final model: cut-offs by inner cross-validation, then weights on every example."""
    cutoffs = choose_cutoffs(examples, settings, seed)
    words, lexicon_names, fitted = _fit_raw(examples, settings, seed)
    model = _as_model(words, lexicon_names, fitted, cutoffs, info or {})
    model = dataclasses.replace(model, unbacked_margin=settings.unbacked_margin)
    if not settings.use_grams or not settings.use_lexicon:
        raise ValueError("the shipped model form reads both words and word lists")
    return model


def out_of_fold_margins(
    examples: Sequence[Example],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    seed: int = SEED,
) -> list[tuple[Example, list[float]]]:
    """Nested, grouped cross-validation: each example with its categories' margins (score
    minus cut-off) from a model (weights and cut-offs) fitted without any row of its source
    file."""
    scored: list[tuple[Example, list[float]]] = []
    for held in group_folds(examples, settings.folds, seed):
        held_set = set(held)
        train = [e for number, e in enumerate(examples) if number not in held_set]
        cutoffs = choose_cutoffs(train, settings, seed)
        scorer = fit_scores(train, settings, seed)
        tested = [examples[number] for number in held]
        for example, row in zip(tested, scorer(tested), strict=True):
            scored.append((example, [score - cut for score, cut in zip(row, cutoffs, strict=True)]))
    return scored


def cross_validate(
    examples: Sequence[Example],
    settings: Settings = DEFAULT_SETTINGS,
    *,
    seed: int = SEED,
) -> list[Prediction]:
    """Nested, grouped cross-validation: each measured row predicted by a model (weights and
    cut-offs) fitted without any row of its source file."""
    predictions: list[Prediction] = []
    for example, margins in out_of_fold_margins(examples, settings, seed=seed):
        found = frozenset(
            CATEGORIES[index]
            for index in found_categories(
                CATEGORIES, margins, example.lexicon, settings.unbacked_margin
            )
        )
        predictions.append(Prediction(example.labels, found, example.language, example.kind))
    return predictions
