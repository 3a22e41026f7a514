"""Training examples as the model reads them: word features, word-list counts and labels.

Building them needs the labelled texts once (`reviewwatch triage train`). The result, a
`Dataset`, holds no text, only each example's word and word-pair features as indices into a
sorted vocabulary: it is shipped beside the model (``training.json.gz``) so that
`reviewwatch triage retrain` can refit on it plus a user's corrections without the texts.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import lexicon_scores
from reviewwatch.triage.model.features import lexicon_features, ngrams, words_of
from reviewwatch.triage.models import CATEGORIES

TRAINING_NAME = "training.json.gz"
DATA_FILES = ("dev-reviews.jsonl", "train-reviews.jsonl", "synthetic-sentences.jsonl")
# Complaint sentences written for this package (never copied or paraphrased from a review),
# one JSON object a line like the shared files, ``"synthetic": true``: where the shared data is
# thin (Italian, Portuguese and Japanese; usability, other, wrong item, not as described,
# damaged in transit). Training side only, never measured (kind ``written``).
WRITTEN_NAME = "written-sentences.jsonl"
# A word or pair must occur in this many training examples to get a weight.
MIN_COUNT = 2


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled text, featurised. ``group`` keeps rows of one source file together in
    cross-validation; ``kind`` is ``dev``, ``train``, ``synthetic`` or ``correction``."""

    grams: frozenset[str]
    lexicon: Mapping[str, float]
    labels: frozenset[str]
    group: str
    kind: str
    language: str


@dataclass(frozen=True, slots=True)
class Dataset:
    examples: tuple[Example, ...]
    data_sha256: str
    info: Mapping[str, Any] = field(default_factory=dict)


def featurise(text: str, language: str, labels: Iterable[str], group: str, kind: str) -> Example:
    analysis = analyse(text)
    return Example(
        grams=ngrams(words_of(analysis)),
        lexicon=lexicon_features(lexicon_scores(analysis, language)),
        labels=frozenset(label for label in labels if label in CATEGORIES),
        group=group,
        kind=kind,
        language=language,
    )


def source_file(source: str) -> str:
    """``github:owner/repo@commit:path <locator>`` -> the file part, the unit of grouping."""
    return source.split(" ", 1)[0] if source else ""


def written_sentences() -> bytes:
    """The package's own written training sentences (JSON lines)."""
    return resources.files("reviewwatch.triage.model").joinpath(WRITTEN_NAME).read_bytes()


Row = tuple[str, str, dict[str, Any]]


def _labelled_rows(folder: Path, written: bool) -> tuple[list[Row], str]:
    """Every labelled row as (group, kind, row), in file order, and the files' sha256."""
    digest = hashlib.sha256()
    rows: list[Row] = []
    sources = [(name, (folder / name).read_bytes(), name.split("-", 1)[0]) for name in DATA_FILES]
    if written:
        sources.append((WRITTEN_NAME, written_sentences(), "written"))
    for name, raw, kind in sources:
        digest.update(name.encode() + b"\0" + raw)
        for number, line in enumerate(raw.decode("utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            # Synthetic sentences have no source: each is its own group.
            group = source_file(str(row.get("source") or "")) or f"{name}:{number}"
            rows.append((group, kind, row))
    return rows, digest.hexdigest()


def read_labelled(folder: Path, *, written: bool = False) -> Dataset:
    """Featurise every row of the labelled files in `folder` (and, when `written`, the
    package's written sentences: the encoder head learns from them, the word model does not,
    as they lowered its cross-validated macro-F1, bench/README.md)."""
    rows, digest = _labelled_rows(folder, written)
    examples = tuple(
        featurise(str(row["text"]), str(row["lang"]), row["categories"], group, kind)
        for group, kind, row in rows
    )
    return Dataset(examples, digest)


def labelled_texts(folder: Path, *, written: bool = False) -> list[str]:
    """The texts of `read_labelled`'s examples, in the same order (for the encoder)."""
    return [str(row["text"]) for _group, _kind, row in _labelled_rows(folder, written)[0]]


def vocabulary(examples: Sequence[Example], min_count: int = MIN_COUNT) -> list[str]:
    counts = Counter(gram for example in examples for gram in example.grams)
    return sorted(gram for gram, count in counts.items() if count >= min_count)


def dataset_to_json(dataset: Dataset) -> dict[str, Any]:
    words = vocabulary(dataset.examples)
    index = {gram: number for number, gram in enumerate(words)}
    groups = sorted({example.group for example in dataset.examples})
    group_index = {group: number for number, group in enumerate(groups)}
    return {
        "format": 1,
        "data_sha256": dataset.data_sha256,
        "info": dict(dataset.info),
        "categories": list(CATEGORIES),
        "vocabulary": words,
        # Groups are numbered: only which rows share a source matters, not its name.
        "examples": [
            [
                group_index[example.group],
                example.kind,
                example.language,
                sorted(CATEGORIES.index(label) for label in example.labels),
                sorted(index[gram] for gram in example.grams if gram in index),
                dict(sorted(example.lexicon.items())),
            ]
            for example in dataset.examples
        ],
    }


def dataset_from_json(data: Mapping[str, Any]) -> Dataset:
    words: list[str] = data["vocabulary"]
    categories: list[str] = data["categories"]
    examples = tuple(
        Example(
            grams=frozenset(words[number] for number in grams),
            lexicon={str(k): float(v) for k, v in lexicon.items()},
            labels=frozenset(categories[number] for number in labels),
            group=f"shipped:{group}",
            kind=str(kind),
            language=str(language),
        )
        for group, kind, language, labels, grams, lexicon in data["examples"]
    )
    return Dataset(examples, str(data["data_sha256"]), dict(data.get("info", {})))


def write_dataset(dataset: Dataset, path: Path) -> None:
    text = json.dumps(dataset_to_json(dataset), ensure_ascii=False, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle,
    ):
        handle.write(text.encode("utf-8"))


def shipped_dataset() -> Dataset:
    """The shipped training features (no texts): what `triage retrain` starts from."""
    resource = resources.files("reviewwatch.triage.model").joinpath(TRAINING_NAME)
    return dataset_from_json(json.loads(gzip.decompress(resource.read_bytes())))
