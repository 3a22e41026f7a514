"""Formats that scripts and spreadsheets trust, and a terminal that review text cannot drive."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
from pathlib import Path

from tests.conftest import installed_script, run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl


def _polled(tmp_path: Path) -> dict[str, str]:
    data = write_jsonl(tmp_path / "r.jsonl", [review("a", 5), review("b", 4, text="Fine")])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    run_script("poll", "--quiet", env=env)
    hostile = "Bad \x1b]0;owned\x07\x1b[2J\x1b[31mred"
    write_jsonl(
        data, [review("a", 5), review("b", 1, text="Cracked"), review("c", 1, text=hostile)]
    )
    assert run_script("poll", "--quiet", env=env).returncode == 0
    write_jsonl(data, [review("b", 1, text="Cracked"), review("c", 1, text=hostile)])
    assert run_script("poll", "--quiet", env=env).returncode == 0  # a is removed
    return env


def test_jsonl_carries_the_contract_version_and_the_reviews_own(tmp_path: Path) -> None:
    env = _polled(tmp_path)
    lines = run_script("export", "--format", "jsonl", env=env).stdout.splitlines()
    documents = [json.loads(line) for line in lines]
    assert all(document["version"] == 1 for document in documents)
    by_id = {document["external_id"]: document for document in documents}
    assert by_id["b"]["review_version"] == 2 and by_id["a"]["review_version"] == 2
    assert by_id["a"]["removed_at"] is not None and by_id["a"]["removed_at"].endswith("Z")


def test_format_follows_the_extension_and_bom_is_csv_only(tmp_path: Path) -> None:
    env = _polled(tmp_path)
    out = tmp_path / "r.json"
    assert run_script("export", "-o", out, env=env).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == 3
    lines = tmp_path / "r.jsonl.out"
    run_script("export", "-o", tmp_path / "x.jsonl", env=env)
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    assert not lines.exists()
    refused = run_script("export", "-o", out, "--bom", env=env)
    assert refused.returncode == 2 and "--bom is for CSV only" in refused.stderr
    forced = tmp_path / "forced.json"
    run_script("export", "-o", forced, "--format", "csv", "--bom", env=env)
    assert forced.read_bytes().startswith(b"\xef\xbb\xbfid,source")


def test_csv_gains_polarity_removed_at_and_a_delimiter(tmp_path: Path) -> None:
    env = _polled(tmp_path)
    text = run_script("export", "--delimiter", ";", env=env).stdout
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    header = rows[0]
    assert header[20:22] == ["polarity", "removed_at"] and header[:2] == ["id", "source"]
    by_id = {row[3]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert by_id["b"]["polarity"] == "negative" and by_id["b"]["removed_at"] == ""
    assert by_id["a"]["polarity"] == "positive" and by_id["a"]["removed_at"].endswith("Z")
    assert by_id["a"]["categories"] == "" and by_id["b"]["flagged"] == "true"
    bad = run_script("export", "--delimiter", "ab", env=env)
    assert bad.returncode == 2 and "one character" in bad.stderr


def test_piped_poll_and_list_have_header_rows_and_removed_shows(tmp_path: Path) -> None:
    env = _polled(tmp_path)
    listed = run_script("list", env=env).stdout.splitlines()
    assert listed[0].split("\t") == [
        "id", "source", "rating", "written", "status", "flagged", "language", "review"
    ]  # fmt: skip
    removed = next(line for line in listed if line.split("\t")[2] == "5")
    assert "removed" in removed.split("\t")[4]
    only_removed = run_script("list", "--removed", "--json", env=env).stdout
    assert [r["external_id"] for r in json.loads(only_removed)["reviews"]] == ["a"]


def _on_a_terminal(*args: str, env: dict[str, str]) -> str:
    leader, follower = pty.openpty()
    full_env = {**os.environ, **env, "COLUMNS": "200", "TERM": "xterm"}
    process = subprocess.Popen(
        [installed_script(), *args], stdout=follower, stderr=follower, env=full_env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_escape_sequence_from_review_text_reaches_a_terminal(tmp_path: Path) -> None:
    env = _polled(tmp_path)
    for args in (("export",), ("export", "--format", "json"), ("list",), ("show", "3")):
        shown = _on_a_terminal(*args, env=env)
        assert "Bad" in shown or args == ("show", "3"), args
        assert "\x1b[2J" not in shown and "\x1b]0;" not in shown, args


def test_short_help_version_and_completion() -> None:
    assert run_script("-V").stdout.startswith("reviewwatch ")
    helped = run_script("list", "-h")
    assert helped.returncode == 0 and "--open" in helped.stdout
    # typer's own switch: the shell is named rather than detected from the process tree.
    detection_off = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    completion = run_script("--show-completion", "bash", env=detection_off)
    assert completion.returncode == 0 and "_reviewwatch_completion" in completion.stdout
