"""The core is usable without the CLI: importing it pulls in neither typer nor rich."""

from __future__ import annotations

import subprocess
import sys


def test_the_core_imports_without_typer_or_rich() -> None:
    # httpx loads its own command line (click, rich, pygments) whenever click is installed, as
    # it is beside the `ai` extra's `llm`. That is httpx's doing, not ours: it is kept out here,
    # so that what is measured is what reviewwatch's core imports.
    code = (
        "import sys\n"
        "sys.modules['httpx._main'] = None\n"
        "import reviewwatch.poll, reviewwatch.store, reviewwatch.export, reviewwatch.config\n"
        "import reviewwatch.triage.models\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'click'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
