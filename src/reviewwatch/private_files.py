"""Files that hold reviews or credentials: created readable by their owner only.

The config holds credentials, and the database and exports hold reviewers' names and order ids;
with a umask of 022 they would be readable by every user of the machine.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TextIO


def make_private_folders(folder: Path) -> None:
    """Create `folder` and its missing parents with mode 0700; OSError when that fails."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
    if not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(folder))


def open_private(path: Path, *, newline: str | None = None) -> TextIO:
    """Open `path` for writing as UTF-8 text, created (or truncated) with mode 0600."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, 0o600)  # an existing file keeps its mode otherwise
        return os.fdopen(descriptor, "w", encoding="utf-8", newline=newline)
    except BaseException:
        os.close(descriptor)
        raise
