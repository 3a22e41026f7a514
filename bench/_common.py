"""What the benchmarks share: timing in subprocesses, peak memory, medians, the machine."""

from __future__ import annotations

import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

PYTHON = sys.executable


def peak_of(command: Sequence[str | Path], *, timeout: float = 600) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of one command, measured alone.

    A small wrapper process runs the command and reports its own children's ru_maxrss, so
    the figure is that command's peak and nothing else's.
    """
    wrapper = (
        "import resource,subprocess,sys,time;"
        "t=time.perf_counter();"
        "r=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL);"
        "t=time.perf_counter()-t;"
        "m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024;"
        "print(f'{t} {m} {r.returncode}')"
    )
    result = subprocess.run(
        [PYTHON, "-c", wrapper, *map(str, command)],
        capture_output=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode:
        sys.stderr.write(result.stderr.decode(errors="replace")[-2000:])
        return 0.0, 0.0, result.returncode
    seconds, peak, status = result.stdout.split()
    return float(seconds), float(peak), int(status)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def load() -> str:
    """The 1-minute load average, to print beside a figure on a shared machine."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def machine() -> str:
    """Cores, CPU model, memory, Python and SQLite versions, on one line."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return (
        f"{os.cpu_count()} cores ({model}), {memory} RAM, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def find_tool(name: str, given: str | None = None) -> str | None:
    """A command-line tool: as given, beside this Python, or on PATH."""
    if given:
        return given if Path(given).exists() or shutil.which(given) else None
    beside = Path(PYTHON).with_name(name)
    if beside.exists():
        return str(beside)
    return shutil.which(name)
