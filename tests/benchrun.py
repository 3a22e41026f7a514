"""Run a script of bench/ as a user would, with no config or database of the caller's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def run_bench_script(script: str, *args: str, timeout: float = 120, cwd: Path | None = None) -> str:
    """The script's standard output; the test fails with its output when it exits non-zero."""
    result = subprocess.run(
        [sys.executable, str(BENCH / script), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": ""},
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout
