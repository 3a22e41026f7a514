"""Triage through the commands: check, show, list/poll --json, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke, run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

VOUCHER = (
    "Would you be willing to remove your feedback if we provide you with a voucher for 25% off "
    "your next purchase?"
)
NEUTRAL_NOTE = (
    "If you are satisfied that we have resolved your concerns, it is possible to update or remove "
    "the feedback you originally provided here."
)


@pytest.mark.parametrize(
    "platform", ["amazon_feedback", "amazon_review", "trustpilot", "yelp", "google_play", "ebay"]
)
def test_an_incentive_for_removal_is_blocked_everywhere(cli: CliRunner, platform: str) -> None:
    result = invoke(
        cli,
        "check",
        "--platform",
        platform,
        "--surface",
        "private_message",
        "--text",
        VOUCHER,
        "--json",
    )
    assert result.exit_code == 5
    document = json.loads(result.output)
    assert document["version"] == 1 and document["ok"] is False
    finding = next(f for f in document["findings"] if f["severity"] == "block")
    assert set(finding) == {"rule", "severity", "message", "policy", "start", "end"}
    assert 0 <= finding["start"] < finding["end"] <= len(VOUCHER)


@pytest.mark.parametrize(
    ("platform", "allowed"),
    [("amazon_feedback", True), ("amazon_review", False), ("trustpilot", False), ("yelp", False)],
)
def test_amazons_neutral_note_is_allowed_only_for_seller_feedback(
    cli: CliRunner, platform: str, allowed: bool
) -> None:
    result = invoke(
        cli, "check", "--platform", platform, "--surface", "private_message", "--text", NEUTRAL_NOTE
    )
    assert result.exit_code == (0 if allowed else 5), result.output
    assert ("OK" in result.output) is allowed


def test_check_reads_stdin_and_files_and_rejects_unknown_platforms(
    cli: CliRunner, tmp_path: Path
) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Thank you, we are sorry. A replacement is on its way.", encoding="utf-8")
    assert invoke(cli, "check", "--platform", "etsy", "--file", reply).exit_code == 0
    from_stdin = CliRunner().invoke(
        __import__("reviewwatch.cli.app", fromlist=["app"]).app,
        ["check", "--platform", "google_play"],
        input="x" * 400,
    )
    assert from_stdin.exit_code == 5 and "350" in from_stdin.output
    unknown = invoke(cli, "check", "--platform", "myspace", "--text", "hi")
    assert unknown.exit_code == 2 and "unknown platform" in unknown.output


def test_check_says_the_numbers_cites_the_platform_and_reads_disguised_text(
    cli: CliRunner, tmp_path: Path
) -> None:
    long = "Sorry the parcel was late; a replacement is on its way and should be with you soon!!"
    result = invoke(cli, "check", "--platform", "ebay", "--text", long, "--json")
    assert result.exit_code == 5
    (finding,) = json.loads(result.output)["findings"]
    assert finding["message"].startswith(f"{len(long)} characters; eBay allows 80.")
    shown = invoke(cli, "check", "--platform", "ebay", "--text", long).output
    assert f'past the limit: "{long[80:]}"' in shown, shown
    accusation = "Your review is a lie and you are clearly a competitor."
    google = invoke(cli, "check", "--platform", "google_business", "--text", accusation)
    assert google.exit_code == 5 and "support.google.com" in google.output
    assert "trustpilot" not in google.output.lower()
    disguised = tmp_path / "disguised.txt"
    disguised.write_text(
        "Would you be willing to re\u00admove your feedback\nif we send you a v&#111;ucher?",
        encoding="utf-8",
    )
    blocked = invoke(cli, "check", "--platform", "amazon_feedback", "--file", disguised)
    assert blocked.exit_code == 5 and "re\u00admove" in blocked.output
    empty = invoke(cli, "check", "--platform", "generic", "--text", "\u200b ")
    assert empty.exit_code == 5 and "empty" in empty.output


def test_check_takes_config_and_db_after_the_command_too(tmp_path: Path) -> None:
    config = write_config(tmp_path, [], business={"name": "Shop", "contact": "mia@shop.example"})
    reply = "Sorry about this. Write to mia@shop.example and we will put it right."
    without = run_script("check", "--platform", "google_play", "--text", reply)
    assert without.returncode == 5  # no config: no address is the business's own
    for where in (("--config", config, "check"), ("check", "--config", config)):
        result = run_script(
            *where, "--db", tmp_path / "r.db", "--platform", "google_play", "--text", reply
        )
        assert result.returncode == 0, (where, result.stderr)
        assert "OK" in result.stdout


def test_check_says_plainly_when_the_reply_file_cannot_be_read(tmp_path: Path) -> None:
    not_utf8 = tmp_path / "latin1.txt"
    not_utf8.write_bytes("Merci, désolé".encode("latin-1"))
    cases = {
        tmp_path / "missing.txt": "No such file or directory",
        tmp_path: "Is a directory",
        not_utf8: "it is not UTF-8 text",
    }
    for path, reason in cases.items():
        result = run_script("check", "--platform", "etsy", "--file", path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip() == f"error: cannot read {path}: {reason}"


@pytest.fixture
def polled(tmp_path: Path, engine_db: str) -> tuple[Path, str, Path]:
    data = write_jsonl(tmp_path / "r.jsonl", [review("ok", 5)])
    config = write_config(
        tmp_path,
        [
            {
                "name": "shop",
                "kind": "json_file",
                "path": data.name,
                "fields": FIELDS,
                "platform": "etsy",
            }
        ],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
    )
    db = engine_db
    invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet")
    write_jsonl(
        data,
        [
            review(
                "bad",
                1,
                text="The mug arrived broken, the box was crushed.",
                author="Jane Doe",
                lang="fr-FR",
            ),
            review("ok", 5),
        ],
    )
    return config, db, data


def test_poll_json_and_output_carry_triage(cli: CliRunner, polled: tuple[Path, str, Path]) -> None:
    config, db, _ = polled
    document = json.loads(invoke(cli, "--config", config, "--db", db, "poll", "--json").output)
    flagged = document["flagged"][0]
    assert "damaged_in_transit" in flagged["categories"]
    assert flagged["language"] == "en"  # detected from the text, not the device's "fr-FR"
    greeting = flagged["suggested_reply"].split("\n")[0]
    assert greeting in {"Hi Jane,", "Dear Jane,", "Hello Jane,"}
    assert "Doe" not in flagged["suggested_reply"]
    assert all(set(step) >= {"action", "why", "deadline"} for step in flagged["next_steps"])
    assert flagged["removal_grounds"] == []


def test_show_is_stable_and_export_has_the_triage_columns(
    cli: CliRunner, polled: tuple[Path, str, Path]
) -> None:
    config, db, _ = polled
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    first = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]
    second = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]
    assert (
        first["suggested_reply"] == second["suggested_reply"]
        and first["next_steps"] == second["next_steps"]
    )
    text = invoke(cli, "--config", config, "--db", db, "show", "2").output
    assert "Suggested reply (en):" in text and "Next steps" in text and "Etsy" in text
    exported = invoke(cli, "--config", config, "--db", db, "export", "--flagged").output
    rows = list(csv.DictReader(io.StringIO(exported, newline="")))
    assert "damaged_in_transit" in rows[0]["categories"].split("; ")
    assert rows[0]["suggested_reply"] == first["suggested_reply"]
    assert all(step["action"] in rows[0]["next_steps"] for step in first["next_steps"])
    unflagged = json.loads(
        invoke(cli, "--config", config, "--db", db, "show", "1", "--json").output
    )["review"]
    assert unflagged["categories"] == [] and unflagged["suggested_reply"] is None


def test_an_edit_gets_fresh_suggestions(cli: CliRunner, polled: tuple[Path, str, Path]) -> None:
    config, db, data = polled
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    before = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]
    write_jsonl(
        data,
        [
            review("bad", 1, text="They sent the wrong colour, I ordered blue.", author="Jane Doe"),
            review("ok", 5),
        ],
    )
    invoke(cli, "--config", config, "--db", db, "poll", "--quiet")
    after = json.loads(invoke(cli, "--config", config, "--db", db, "show", "2", "--json").output)[
        "review"
    ]
    assert before["categories"] != after["categories"]
    assert "wrong_item" in after["categories"] or "not_as_described" in after["categories"]
