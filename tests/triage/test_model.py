"""The trained category model: shipped as data, reproducible, overridable, with evidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewwatch.triage.analysis import analyse
from reviewwatch.triage.categories import classify, lexicon_scores, word_lists_sha256
from reviewwatch.triage.model import (
    LISTS_DECIDE,
    MODEL_DIR_ENV,
    SHIPPED_NAME,
    active_model,
    read_model,
    shipped_model,
    write_model,
)
from reviewwatch.triage.model.dataset import DATA_FILES, Dataset
from reviewwatch.triage.model.features import lexicon_features, ngrams, words_of
from reviewwatch.triage.models import CATEGORIES
from tests.conftest import run_script
from tests.triage.conftest import written_dataset

pytest.importorskip("sklearn")

from reviewwatch.triage.model.training import Settings, fit

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "reviewwatch" / "triage" / "model"


SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def small_dataset(size: int = 240) -> Dataset:
    """The package's written sentences as training rows."""
    full: Dataset = written_dataset()
    return Dataset(full.examples[:size], full.data_sha256)


def test_training_twice_on_the_same_data_gives_the_same_weights(tmp_path: Path) -> None:
    data = small_dataset()
    settings = Settings(folds=2, inner_folds=2)
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_model(fit(data.examples, settings, seed=7, info={"version": "t"}), first)
    write_model(fit(data.examples, settings, seed=7, info={"version": "t"}), second)
    assert first.read_bytes() == second.read_bytes()
    model = read_model(first.read_bytes())
    assert model.categories == CATEGORIES
    assert any(model.grams[CATEGORIES.index("customer_service")].values())


def test_the_shipped_model_records_where_it_came_from() -> None:
    model = shipped_model()
    assert model.version.startswith("categories-")
    assert len(model.info["data_sha256"]) == 64
    # It reads the word lists' counts: a list edited without retraining fails here.
    assert model.info["word_lists_sha256"] == word_lists_sha256()
    assert isinstance(model.info["seed"], int)
    assert 0 < model.info["cross_validated"]["macro_f1"] < 1
    # Small enough to ship in the wheel.
    assert (PACKAGE / SHIPPED_NAME).stat().st_size < 3_000_000
    # Only trained weights ship: no training rows, not even as word indices.
    assert sorted(path.name for path in PACKAGE.glob("*.json.gz")) == [
        "categories.json.gz",
        "encoder.json.gz",
    ]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_training_on_the_labelled_files_gives_the_shipped_model_byte_for_byte(
    tmp_path: Path,
) -> None:
    if not all((SHARED_DATA / name).is_file() for name in DATA_FILES):
        pytest.skip("the labelled data set is not here")
    result = run_script("triage", "train", "--data", SHARED_DATA, "--out", tmp_path, timeout=280)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [SHIPPED_NAME]
    assert (tmp_path / SHIPPED_NAME).read_bytes() == (PACKAGE / SHIPPED_NAME).read_bytes()


def test_model_file_round_trip_keeps_the_scores(tmp_path: Path) -> None:
    model = shipped_model()
    path = tmp_path / "m.json.gz"
    write_model(model, path)
    again = read_model(path.read_bytes())
    analysis = analyse("The parcel came two weeks late and support never answered.")
    grams = ngrams(words_of(analysis))
    lexicon = lexicon_features(lexicon_scores(analysis, "en"))
    assert again.scores(grams, lexicon) == pytest.approx(model.scores(grams, lexicon), abs=1e-3)


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "The parcel came two weeks late, support never answered.", "shipping_delay"),
        ("de", "Der Kundenservice war unfreundlich und hat nie geantwortet.", "customer_service"),
        ("fr", "Beaucoup trop cher pour ce que c'est.", "price_value"),
        ("es", "Se rompió a los dos días, pésima calidad.", "product_quality"),
        ("nl", "Verkeerde artikel ontvangen, ik had een andere kleur besteld.", "wrong_item"),
        ("zh", "客服态度很差，打了好几次电话都没人接。", "customer_service"),
    ],
)
def test_golden_cases_per_language(language: str, text: str, expected: str) -> None:
    found = {category.name: category.evidence for category in classify(text, language)}
    assert expected in found
    assert all(found.values())


def test_every_category_shown_has_words_or_a_sentence_behind_it() -> None:
    texts = [
        "Terrible. Never again.",
        "Ordered in March, still waiting, nobody answers the phone.",
        "La aplicación se cierra sola cada vez que intento pagar.",
        "送货太慢了，客服态度很差",
        "Het eten was koud en de bezorger was een uur te laat.",
    ]
    for text in texts:
        for category in classify(text, "en"):
            assert category.evidence and all(word.strip() for word in category.evidence)
            # Evidence quotes the review: each piece is found in its text.
            assert all(word in text for word in category.evidence), (text, category)


def test_a_local_model_overrides_the_shipped_one_until_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MODEL_DIR_ENV, str(tmp_path))
    assert active_model() is shipped_model()
    shipped = shipped_model()
    # A local model that reports nothing but what the word lists decide on their own (every
    # cut-off out of reach).
    silent = type(shipped)(
        version="local-test",
        categories=shipped.categories,
        bias=shipped.bias,
        cutoffs=tuple(1e9 for _ in shipped.cutoffs),
        grams=shipped.grams,
        lexicon=shipped.lexicon,
    )
    path = tmp_path / "category-model.json.gz"
    write_model(silent, path)
    text = "Arrived broken and support never answered. (local model test)"
    assert active_model().version == "local-test"
    local = classify(text, "en")
    assert local and all(item.name in LISTS_DECIDE and item.margin < -1e8 for item in local)
    path.unlink()
    assert active_model() is shipped_model()
    shipped_found = classify(text + " ", "en")
    assert {item.name for item in shipped_found} >= {item.name for item in local}
    assert all(item.margin > -1e8 for item in shipped_found)


def test_a_damaged_local_model_falls_back_to_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MODEL_DIR_ENV, str(tmp_path))
    (tmp_path / "category-model.json.gz").write_bytes(b"not gzip")
    assert active_model() is shipped_model()
