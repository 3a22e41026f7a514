"""Building a model end to end: the shipped one from the labelled files (`triage train`), or a
local one from the shipped training features plus a user's corrections (`triage retrain`)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from reviewwatch.triage.model import CategoryModel, write_model
from reviewwatch.triage.model.dataset import Dataset, Example, featurise, write_dataset
from reviewwatch.triage.model.encoder import EncoderHead
from reviewwatch.triage.model.training import (
    DEFAULT_SETTINGS,
    MODEL_VERSION,
    SEED,
    Settings,
    cross_validate,
    figures,
    fit,
)


@dataclass(frozen=True, slots=True)
class Correction:
    """A review's categories as a user set them, with the review's text and language."""

    review_id: int
    text: str
    language: str
    categories: tuple[str, ...]


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The figures kept in a model file: macro-F1 and per-category F1, overall."""
    return {
        "rows": result["rows"],
        "macro_f1": round(result["macro_f1"], 4),
        "f1": {name: round(v["f1"], 4) for name, v in result["categories"].items()},
    }


def train(
    dataset: Dataset,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    seed: int = SEED,
    version: str = MODEL_VERSION,
    evaluate: bool = True,
    extra: dict[str, Any] | None = None,
) -> tuple[CategoryModel, dict[str, Any] | None]:
    """Cross-validate (when asked), then fit on every example; the model records its origin."""
    result = figures(cross_validate(dataset.examples, settings, seed=seed)) if evaluate else None
    kinds: dict[str, int] = {}
    for example in dataset.examples:
        kinds[example.kind] = kinds.get(example.kind, 0) + 1
    info: dict[str, Any] = {
        "version": version,
        "seed": seed,
        "data_sha256": dataset.data_sha256,
        "examples": dict(sorted(kinds.items())),
        "settings": asdict(settings),
        **(extra or {}),
    }
    if result is not None:
        info["cross_validated"] = summary(result)
    return fit(dataset.examples, settings, seed=seed, info=info), result


def write_shipped(model: CategoryModel, dataset: Dataset, folder: Path) -> tuple[Path, Path]:
    """Write the model and its training features where the package ships them."""
    from reviewwatch.triage.model import SHIPPED_NAME
    from reviewwatch.triage.model.dataset import TRAINING_NAME

    model_path, data_path = folder / SHIPPED_NAME, folder / TRAINING_NAME
    write_model(model, model_path)
    write_dataset(dataset, data_path)
    return model_path, data_path


def with_corrections(dataset: Dataset, corrections: Sequence[Correction]) -> Dataset:
    """The shipped examples plus one example per corrected review (each its own group)."""
    added: list[Example] = [
        featurise(c.text, c.language, c.categories, f"correction:{c.review_id}", "correction")
        for c in corrections
    ]
    return Dataset((*dataset.examples, *added), dataset.data_sha256, dataset.info)


@dataclass(frozen=True, slots=True)
class RetrainResult:
    model: CategoryModel
    before: dict[str, Any]
    after: dict[str, Any]
    corrections_before: dict[str, Any]
    corrections_after: dict[str, Any]


def retrain(
    dataset: Dataset,
    corrections: Sequence[Correction],
    *,
    settings: Settings = DEFAULT_SETTINGS,
    seed: int = SEED,
) -> RetrainResult:
    """Refit on the shipped examples plus the corrections, with cross-validated figures of
    the shipped recipe (corrections measured, not learned) and of the new model."""
    combined = with_corrections(dataset, corrections)
    before = cross_validate(combined.examples, settings, seed=seed, learn_corrections=False)
    after = cross_validate(combined.examples, settings, seed=seed)
    material = json.dumps(
        [[c.review_id, c.text, c.language, list(c.categories)] for c in corrections],
        ensure_ascii=False,
    )
    result = figures(after)
    extra = {
        "cross_validated": summary(result),
        "corrections": len(corrections),
        "corrections_sha256": hashlib.sha256(material.encode()).hexdigest(),
        "cross_validated_before": summary(figures(before)),
    }
    model, _ = train(combined, settings=settings, seed=seed, evaluate=False, extra=extra)
    return RetrainResult(
        model,
        before=figures(before),
        after=result,
        corrections_before=figures(before, "correction"),
        corrections_after=figures(after, "correction"),
    )


def embed_texts(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """Each text's encoder embedding, read through the analysis pass as triage reads it."""
    from reviewwatch.triage.analysis import analyse
    from reviewwatch.triage.model.encoder import embed

    return [embed(analyse(text).clean) for text in texts]


def train_head(
    dataset: Dataset,
    vectors: Sequence[Sequence[float]],
    word_model: CategoryModel,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    seed: int = SEED,
) -> tuple[EncoderHead, dict[str, Any]]:
    """Cross-validate the word model and encoder head together, then fit the head on every
    example (`dataset` includes the written sentences, `vectors` its embeddings in order)."""
    from reviewwatch.triage.model.encoder_training import cross_validate_mixed, fit_head

    result = figures(cross_validate_mixed(dataset.examples, vectors, settings, seed=seed))
    info = {"data_sha256": dataset.data_sha256, "cross_validated": summary(result)}
    head = fit_head(dataset.examples, vectors, word_model, settings, seed=seed, info=info)
    return head, result
