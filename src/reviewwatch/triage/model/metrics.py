"""Figures of the category model's predictions: per-category precision, recall and F1, and
macro-F1, overall and per language (plain Python: retraining reads them without scikit-learn)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reviewwatch.triage.models import CATEGORIES


@dataclass(frozen=True, slots=True)
class Prediction:
    gold: frozenset[str]
    found: frozenset[str]
    language: str
    kind: str


def figures(predictions: Iterable[Prediction], kind: str | None = None) -> dict[str, Any]:
    """Per-category precision/recall/F1 and macro-F1, overall and per language (of the
    examples of one `kind` when given)."""
    rows = [p for p in predictions if kind is None or p.kind == kind]

    def table(subset: list[Prediction]) -> dict[str, Any]:
        per: dict[str, dict[str, float]] = {}
        for name in CATEGORIES:
            tp = sum(name in p.gold and name in p.found for p in subset)
            fp = sum(name not in p.gold and name in p.found for p in subset)
            fn = sum(name in p.gold and name not in p.found for p in subset)
            precision = tp / (tp + fp) if tp + fp else 0.0
            recall = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            per[name] = {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn}
        supported = [v["f1"] for v in per.values() if v["support"]]
        macro = sum(supported) / len(supported) if supported else 0.0
        return {"rows": len(subset), "macro_f1": macro, "categories": per}

    result = table(rows)
    languages = sorted({p.language for p in rows})
    result["languages"] = {
        language: table([p for p in rows if p.language == language]) for language in languages
    }
    return result


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The figures kept in a model file: macro-F1 and per-category F1, overall."""
    return {
        "rows": result["rows"],
        "macro_f1": round(result["macro_f1"], 4),
        "f1": {name: round(v["f1"], 4) for name, v in result["categories"].items()},
    }
