"""Every benchmark runs on a tiny size, exits 0 and prints its figures.

The side-by-side tools (sqlite-utils, the sqlite3 shell) are optional: a benchmark without
them says that it skipped the comparison, and the test accepts that.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from tests.benchrun import BENCH, run_bench_script


def run_bench(script: str, *args: str) -> str:
    output = run_bench_script(script, *args)
    assert "machine:" in output
    return output


def table_rows(output: str) -> list[list[str]]:
    """The rows of the results table (header and rule left out)."""
    lines = [line for line in output.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[1:]]


@pytest.mark.parametrize(("one_account", "tokens"), [(False, "4"), (True, "2")])
def test_poll_loopback(one_account: bool, tokens: str) -> None:
    arguments = ["--sources=6", "--pages=2", "--per-page=5", "--delay=0.01", "--runs=1"]
    output = run_bench("poll_loopback.py", *arguments, *(["--one-account"] if one_account else []))
    rows = {(row[0], row[1]): row for row in table_rows(output)}
    assert set(rows) == {
        (step, client) for step in ("first", "steady") for client in ("reviewwatch", "bare httpx")
    }
    for client in ("reviewwatch", "bare httpx"):
        assert rows["first", client][6] == "2.00"  # every page of every source
        assert rows["steady", client][6] == "1.00"  # one list request per source
        # A token for each of the 4 google_play and trustpilot sources, or one per account.
        assert rows["steady", client][7] == tokens
        assert float(rows["steady", client][2]) > 0
    assert rows["first", "reviewwatch"][8] == "60"


def test_ingest() -> None:
    output = run_bench("ingest.py", "--size=300", "--runs=1")
    rows = table_rows(output)
    ours = [row for row in rows if row[0] == "reviewwatch"]
    assert [row[1] for row in ours] == ["first poll", "1% edited"]
    assert all(float(row[2].replace(",", "")) > 0 for row in ours)
    if not any(row[0] == "sqlite-utils" for row in rows):
        assert "sqlite-utils not found: side by side skipped" in output


def test_ingest_without_the_comparison_tool() -> None:
    output = run_bench("ingest.py", "--size=50", "--runs=1", "--sqlite-utils=/nonexistent/tool")
    assert "side by side skipped" in output
    assert [row[0] for row in table_rows(output)] == ["reviewwatch", "reviewwatch"]


def test_export() -> None:
    output = run_bench("export.py", "--size=300", "--runs=1")
    rows = table_rows(output)
    assert rows[0][0] == "reviewwatch"
    assert float(rows[0][1].replace(",", "")) > 0
    if len(rows) == 1:
        assert "sqlite3 shell not found: side by side skipped" in output


def test_triage() -> None:
    output = run_bench("triage.py", "--size=40", "--runs=1")
    [row] = table_rows(output)
    assert float(row[1].replace(",", "")) > 0


@pytest.mark.parametrize(
    ("option", "names"), [((), "63 authors in turn"), (("--new-names",), "a new one")]
)
def test_triage_speed(tmp_path: Path, option: tuple[str, ...], names: str) -> None:
    data = tmp_path / "reviews.jsonl"
    rows = [
        {"text": "The kettle broke after two days and support never answered.", "stars": 1},
        {"text": "Die Lieferung kam zwei Wochen zu spät.", "stars": 2},
        {"text": "质量太差了，用了两天就坏了。", "stars": 1},
    ]
    data.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    output = run_bench_script("triage_speed.py", "--rounds=1", f"--data={data}", *option)
    assert f"reviewer names: {names}" in output
    rate = re.search(r"whole pipeline: ([\d,]+) reviews/s", output)
    assert rate is not None and int(rate.group(1).replace(",", "")) > 0


def test_new_names_are_first_names_no_other_review_has() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from triage_speed import new_name
    finally:
        sys.path.remove(str(BENCH))
    from reviewwatch.triage.drafts import first_name

    names = [first_name(new_name(number)) for number in range(60_000)]
    assert None not in names
    assert len(set(names)) == len(names)


def test_triage_of_a_databases_flagged_reviews(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from _reviews import build_db
    finally:
        sys.path.remove(str(BENCH))
    db = build_db(tmp_path, 200)
    output = run_bench("triage.py", f"--db={db}", "--runs=1")
    [row] = table_rows(output)
    assert 0 < int(row[0]) < 200  # the flagged ones only
    assert float(row[1].replace(",", "")) > 0


@pytest.mark.parametrize("script", ["startup.py"])
def test_startup(script: str) -> None:
    output = run_bench(script, "--size=200", "--runs=1")
    rows = table_rows(output)
    assert [row[0] for row in rows] == ["`reviewwatch --help`", "`reviewwatch list --limit 50`"]
    assert all(float(row[1]) > 0 for row in rows)


def test_search() -> None:
    output = run_bench("search.py", "--size=300", "--runs=1")
    rows = table_rows(output)
    assert [row[0] for row in rows[:2]] == ["first search (indexes 300)", "later search"]
    assert len([row for row in rows if row[0].startswith("LIKE scan")]) == 4
    assert all(float(row[2]) > 0 for row in rows if not row[0].startswith("LIKE"))


def _run_plain(script: str, *args: str) -> str:
    return run_bench_script(script, *args, cwd=BENCH)


def test_ingest_cpu() -> None:
    output = _run_plain("ingest_cpu.py", "--size", "300", "--no-second-opinion")
    assert "300 reviews, second opinion without:" in output and "us of CPU per review" in output


def test_eval_language_grounds(tmp_path: Path) -> None:
    # Without the data it says so; the figures themselves are in bench/README.md.
    assert "nothing to measure" in _run_plain("eval_language_grounds.py", "--data", str(tmp_path))
    data = tmp_path / "dev-reviews.jsonl"
    data.write_text(
        '{"id": "a", "text": "The parcel never arrived and nobody answers.", "lang": "en",'
        ' "platform": "Trustpilot", "removal_grounds": []}\n',
        encoding="utf-8",
    )
    output = _run_plain("eval_language_grounds.py", "--data", str(tmp_path))
    assert "Language accuracy: 1.0000 (1/1)" in output
    assert "Removal grounds on dev-reviews.jsonl (1 rows)" in output


def test_eval_grounds_reads_seller_feedback_from_the_platform(tmp_path: Path) -> None:
    # On a written set, the platform says which Amazon-only ground the rules apply.
    rows = [
        (
            "Amazon seller feedback (cable shop)",
            "The cable broke after two days, cheap plastic.",
            ["seller_feedback_is_product_review"],
        ),
        (
            "Amazon product review (kettle)",
            "The courier left the parcel in the rain, three weeks"
            " late, and the seller never answered my messages.",
            ["product_review_is_seller_feedback"],
        ),
        ("Google (bakery)", "The cake was dry and stale.", []),
    ]
    written = tmp_path / "written.jsonl"
    written.write_text(
        "".join(
            json.dumps({"text": text, "lang": "en", "platform": where, "removal_grounds": gold})
            + "\n"
            for where, text, gold in rows
        ),
        encoding="utf-8",
    )
    output = _run_plain("eval_language_grounds.py", "--grounds", str(written))
    assert "precision 1.000, recall 1.000 (tp 2, fp 0, fn 0)" in output.splitlines()[0]


def test_pollers() -> None:
    arguments = ["--sources=12", "--pollers=2", "--concurrency=2", "--delay=0.01", "--reviews=2"]
    output = run_bench("pollers.py", *arguments)
    if "skipped: no PostgreSQL" in output:
        return
    rows = {row[0]: row for row in table_rows(output)}
    assert set(rows) == {"baseline", "new reviews"}
    for row in rows.values():
        assert row[5:8] == ["12", "0", "12/12"]  # every source once, none twice
    assert "alerts: 12 received for 12 flagged reviews, at most 1 per review" in output
