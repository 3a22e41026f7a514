"""Fine-tuning the shipped model toward a user's corrections: NumPy only, no training rows, the
shipped weights as the prior."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reviewwatch.triage.model import CategoryModel, read_model, shipped_model, write_model
from reviewwatch.triage.model.dataset import Example, featurise
from reviewwatch.triage.model.finetune import (
    LAMBDA,
    Correction,
    _fixed_scores,
    _prior,
    correction_folds,
    design,
    fine_tune,
    minimise,
    retrain,
)
from reviewwatch.triage.models import CATEGORIES
from tests.triage.conftest import written_dataset

# Made-up reviews (no real review text): wrong_item, though the shipped model may say otherwise.
TEXTS = [
    "They sent me a blue kettle instead of the red one I ordered.",
    "Wrong size delivered, I ordered a medium and got a small.",
    "I received someone else's order, a lamp instead of my kettle.",
]


def corrections() -> list[Correction]:
    return [Correction(n, text, "en", ("wrong_item",)) for n, text in enumerate(TEXTS, 1)]


def examples() -> list[Example]:
    return [
        featurise(text, "en", ["wrong_item"], str(n), "correction") for n, text in enumerate(TEXTS)
    ]


def margin(model: CategoryModel, example: Example, name: str) -> float:
    return model.scores(example.grams, example.lexicon)[CATEGORIES.index(name)]


def test_fine_tuning_moves_the_corrected_reviews_toward_their_labels() -> None:
    base = shipped_model()
    tuned, steps = fine_tune(base, examples())
    assert steps > 0
    for example in examples():
        assert margin(tuned, example, "wrong_item") > margin(base, example, "wrong_item") + 0.05
        # Categories the user left out move down.
        assert margin(tuned, example, "price_value") < margin(base, example, "price_value")
    # What the fine-tune keeps: biases, cut-offs, the word lists' weights, and every word the
    # corrections do not have.
    assert tuned.bias == base.bias and tuned.cutoffs == base.cutoffs
    assert tuned.lexicon == base.lexicon
    words = {gram for example in examples() for gram in example.grams}
    for old, new in zip(base.grams, tuned.grams, strict=True):
        assert {g: w for g, w in old.items() if g not in words} == {
            g: w for g, w in new.items() if g not in words
        }
    # Words the shipped model lacks gain no weight.
    assert tuned.vocabulary <= base.vocabulary


def test_a_stronger_prior_keeps_the_weights_closer_to_the_shipped_ones() -> None:
    base, example = shipped_model(), examples()[0]
    moves = [
        margin(fine_tune(base, examples(), penalty=penalty)[0], example, "wrong_item")
        - margin(base, example, "wrong_item")
        for penalty in (0.1, LAMBDA, 10.0, 1e6)
    ]
    assert moves[0] > moves[1] > moves[2] > 0
    assert moves[3] == pytest.approx(0.0, abs=1e-3)


def test_the_minimiser_reaches_the_optimum() -> None:
    base = shipped_model()
    data: list[Example] = list(written_dataset("correction").examples[:60])
    matrix = design(base, data)
    labels = np.array([[float(name in e.labels) for name in CATEGORIES] for e in data])
    offsets = _fixed_scores(base, data, False)
    prior = _prior(base, matrix)
    weights, steps = minimise(matrix, labels, offsets, prior, LAMBDA)
    residuals = 1 / (1 + np.exp(-(matrix.times(weights) + offsets))) - labels
    gradient = matrix.transposed_times(residuals) + 2 * LAMBDA * (weights - prior)
    assert steps < 2000 and float(np.abs(gradient).max()) < 1e-6
    assert float(np.abs(weights - prior).max()) > 0.01


def test_the_same_corrections_give_the_same_file(tmp_path: Path) -> None:
    paths = [tmp_path / "a.json.gz", tmp_path / "b.json.gz"]
    for path in paths:
        write_model(retrain(shipped_model(), corrections()).model, path)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    model = read_model(paths[0].read_bytes())
    assert model.info["corrections"] == 3 and len(model.info["corrections_sha256"]) == 64
    assert model.info["data_sha256"] == shipped_model().info["data_sha256"]
    assert model.info["fine_tune"]["folds"] == 3


def test_figures_are_cross_validated_over_the_corrections_only() -> None:
    result = retrain(shipped_model(), corrections())
    assert result.before["rows"] == result.after["rows"] == 3
    assert result.folds == 3  # fewer than 10: leave one out
    assert result.before["categories"]["wrong_item"]["support"] == 3


@pytest.mark.parametrize(("count", "folds"), [(1, 1), (9, 9), (10, 5), (23, 5)])
def test_correction_folds_cover_each_correction_once(count: int, folds: int) -> None:
    split = correction_folds(count)
    assert len(split) == folds
    assert sorted(number for fold in split for number in fold) == list(range(count))


def test_retraining_needs_no_scikit_learn_or_scipy() -> None:
    """Run where importing scikit-learn or SciPy fails, as in the default install."""
    script = """
import sys
sys.modules["sklearn"] = None
sys.modules["scipy"] = None
from reviewwatch.triage.model import shipped_model
from reviewwatch.triage.model.finetune import Correction, retrain
fixed = Correction(1, "They sent the wrong colour.", "en", ("wrong_item",))
result = retrain(shipped_model(), [fixed])
print(result.model.info["corrections"])
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == 1
