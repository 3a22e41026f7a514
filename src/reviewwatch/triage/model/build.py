"""Building the shipped model end to end from the labelled files (`triage train`), and the
encoder's head beside it. A user's local model is fine-tuned from the shipped weights instead
(`finetune`, `triage retrain`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from reviewwatch.triage.categories import word_lists_sha256
from reviewwatch.triage.model import CategoryModel, write_model
from reviewwatch.triage.model.dataset import Dataset
from reviewwatch.triage.model.encoder import EncoderHead
from reviewwatch.triage.model.metrics import figures, summary
from reviewwatch.triage.model.training import (
    DEFAULT_SETTINGS,
    MODEL_VERSION,
    SEED,
    Settings,
    cross_validate,
    fit,
)


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
        "word_lists_sha256": word_lists_sha256(),
        "examples": dict(sorted(kinds.items())),
        "settings": asdict(settings),
        **(extra or {}),
    }
    if result is not None:
        info["cross_validated"] = summary(result)
    return fit(dataset.examples, settings, seed=seed, info=info), result


def write_shipped(model: CategoryModel, folder: Path) -> Path:
    """Write the model where the package ships it (weights only: no training rows)."""
    from reviewwatch.triage.model import SHIPPED_NAME

    model_path = folder / SHIPPED_NAME
    write_model(model, model_path)
    return model_path


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
