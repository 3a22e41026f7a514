"""Cached suggestions follow the knowledge files: an edited or upgraded file changes the
identity that the triage cache's fingerprint holds."""

from __future__ import annotations

import os
import shutil
from importlib import resources
from pathlib import Path

from reviewwatch.triage._data import identity_of, knowledge_identity


def test_the_identity_changes_with_any_knowledge_file(tmp_path: Path) -> None:
    shipped = Path(str(resources.files("reviewwatch.triage").joinpath("data")))
    copy = tmp_path / "data"
    shutil.copytree(shipped, copy)
    first = identity_of(copy)
    assert first == identity_of(copy)
    template = copy / "replies" / "en.toml"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = identity_of(copy)
    assert edited != first
    stamp = template.stat()
    os.utime(template, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 1_000_000_000))
    touched = identity_of(copy)
    assert touched != edited
    (copy / "replies" / "notes.txt").write_text("not a knowledge file", encoding="utf-8")
    assert identity_of(copy) == touched
    assert len(knowledge_identity()) == 16
