"""Correcting a review's categories and fine-tuning the model toward the corrections, through
the installed script, on both engines."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_script
from tests.engines import ENGINES, store_location


@pytest.fixture(params=ENGINES)
def demo_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The demo's database on each engine in turn: a SQLite file, then a PostgreSQL URL."""
    with store_location(request.param, tmp_path) as location:
        result = run_script("demo", "--db", location, env=_env(tmp_path))
        assert result.returncode == 0, result.stderr
        yield location


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "REVIEWWATCH_MODEL_DIR": str(tmp_path / "model"),
        "REVIEWWATCH_USER": "alice",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def _review(db: str, tmp_path: Path, review_id: int) -> dict[str, Any]:
    result = run_script("show", str(review_id), "--db", db, "--json", env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    review: dict[str, Any] = json.loads(result.stdout)["review"]
    return review


def _first_flagged(db: str, tmp_path: Path) -> int:
    result = run_script("list", "--db", db, "--flagged", "--json", env=_env(tmp_path))
    return int(json.loads(result.stdout)["reviews"][0]["id"])


def test_a_correction_wins_over_the_model_everywhere(demo_db: str, tmp_path: Path) -> None:
    review_id = _first_flagged(demo_db, tmp_path)
    before = _review(demo_db, tmp_path, review_id)
    wanted = "price_value" if "price_value" not in before["categories"] else "other"
    result = run_script(
        "triage", "correct", str(review_id), "--categories", wanted, "--grounds", "none",
        "--db", demo_db, env=_env(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    after = _review(demo_db, tmp_path, review_id)
    assert after["categories"] == [wanted]
    assert after["category_evidence"] == {wanted: ["set by alice"]}
    assert after["removal_grounds"] == []
    # Who and when: the review's history says so.
    shown = run_script("show", str(review_id), "--db", demo_db, env=_env(tmp_path))
    assert "alice: correction " + wanted in shown.stdout
    # Export reads the same labels.
    exported = run_script("export", "--db", demo_db, "--format", "csv", env=_env(tmp_path))
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(exported.stdout))}
    assert rows[str(review_id)]["categories"] == wanted


def test_bad_corrections_are_refused_with_one_line(demo_db: str, tmp_path: Path) -> None:
    unknown = run_script(
        "triage", "correct", "1", "--categories", "bogus", "--db", demo_db, env=_env(tmp_path)
    )
    assert unknown.returncode == 2
    assert unknown.stderr.startswith("error: unknown category 'bogus'; known: product_quality,")
    assert unknown.stderr.endswith(", other, none\n") and unknown.stderr.count("\n") == 1
    missing = run_script(
        "triage", "correct", "9999", "--categories", "other", "--db", demo_db, env=_env(tmp_path)
    )
    assert missing.returncode == 4
    nothing = run_script("triage", "retrain", "--db", demo_db, env=_env(tmp_path))
    assert nothing.returncode == 2 and "no corrections" in nothing.stderr


@pytest.mark.timeout(300)
def test_retrain_writes_a_local_model_and_reset_removes_it(demo_db: str, tmp_path: Path) -> None:
    flagged = run_script("list", "--db", demo_db, "--flagged", "--json", env=_env(tmp_path))
    ids = [int(review["id"]) for review in json.loads(flagged.stdout)["reviews"]][:2]
    for review_id in ids:
        run_script(
            "triage", "correct", str(review_id), "--categories", "price_value",
            "--db", demo_db, env=_env(tmp_path),
        )  # fmt: skip
    result = run_script("triage", "retrain", "--db", demo_db, env=_env(tmp_path), timeout=280)
    assert result.returncode == 0, result.stderr
    assert f"On your {len(ids)} corrected review(s), cross-validated" in result.stdout
    assert "macro-F1" in result.stdout and "(shipped model) ->" in result.stdout
    local = tmp_path / "model" / "category-model.json.gz"
    model = json.loads(gzip.decompress(local.read_bytes()))
    assert model["info"]["corrections"] == len(ids)
    assert len(model["info"]["corrections_sha256"]) == 64
    # The corrections still win over the fine-tuned model.
    assert all(_review(demo_db, tmp_path, n)["categories"] == ["price_value"] for n in ids)
    reset = run_script("triage", "retrain", "--reset", env=_env(tmp_path))
    assert reset.returncode == 0 and not local.exists()
