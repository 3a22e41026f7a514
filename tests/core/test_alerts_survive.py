"""Alerts survive any crash: what must be announced is read from the database, not from memory.

A poll commits each source as soon as it is done; the alerts and the printed report come later.
A poll that dies in between must leave its flagged reviews marked "to announce", so that the
next poll announces them (notifiers and the printed report).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from reviewwatch.config import load_config
from reviewwatch.models import PollReport
from reviewwatch.poll import run_poll
from reviewwatch.store.connection import Connection
from tests.conftest import FAST_RETRY, installed_script, run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl
from tests.loopback import LoopbackServer
from tests.notify.conftest import receiver


class _Crash(Exception):
    """Stands for the process dying after the sources were committed."""


def _crash(conn: Connection, report: PollReport) -> PollReport:
    raise _Crash


def _flagged_keys(hook_bodies: list[bytes]) -> list[str]:
    """The reviews of the flagged alerts received whole (a killed sender leaves a torn one)."""
    keys = []
    for body in hook_bodies:
        try:
            alert = json.loads(body)
        except ValueError:
            continue
        if alert["event"] == "flagged":
            keys.append(alert["review"]["external_id"])
    return keys


def _watched_shop(tmp_path: Path, hook_url: str) -> tuple[Path, Path, Path]:
    """A shop file with one 5-star review, a webhook notifier, and its baseline poll done:
    (the shop's file, the config, the database)."""
    data = write_jsonl(tmp_path / "shop.jsonl", [review("a1", 5)])
    config = write_config(
        tmp_path,
        [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}],
        extra={"notify": [{"kind": "webhook", "url": hook_url}]},
    )
    db = tmp_path / "r.db"
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    return data, config, db


def test_a_poll_that_dies_after_committing_has_its_alerts_sent_by_the_next_poll(
    tmp_path: Path, server: LoopbackServer
) -> None:
    hook = receiver(server, "/hooks")
    data, config, db = _watched_shop(tmp_path, hook.url)
    write_jsonl(data, [review("a1", 5), review("a2", 1, text="Broken on arrival")])
    with pytest.raises(_Crash):
        run_poll(load_config(config), db, retry=FAST_RETRY, after=_crash)
    assert hook.received == []

    second = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert second.returncode == 0, second.stderr
    assert "Broken on arrival" in second.stdout  # cron mails it
    assert _flagged_keys([request.body for request in hook.received]) == ["a2"]

    third = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert third.returncode == 0 and third.stdout == ""
    assert len(hook.received) == 1  # announced once, not on every poll


def test_a_rating_change_told_by_no_poll_is_sent_by_the_next_one(
    tmp_path: Path, server: LoopbackServer
) -> None:
    """A flagged review edited from 2 to 1 star is no new flag, only a rating change: that
    alert too is marked with the change, not kept in memory."""
    hook = receiver(server, "/hooks")
    data, config, db = _watched_shop(tmp_path, hook.url)
    write_jsonl(data, [review("a1", 5), review("a2", 2, text="Lid cracked")])
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    assert [json.loads(r.body)["event"] for r in hook.received] == ["flagged"]

    write_jsonl(data, [review("a1", 5), review("a2", 1, text="Lid cracked, no answer")])
    with pytest.raises(_Crash):
        run_poll(load_config(config), db, retry=FAST_RETRY, after=_crash)
    assert len(hook.received) == 1

    second = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert second.returncode == 0, second.stderr
    alerts = [json.loads(request.body) for request in hook.received[1:]]
    assert [(a["event"], a["key"], a["previous_rating"]) for a in alerts] == [
        ("rating_changed", f"rating_changed:{alerts[0]['review']['id']}:2", 2)
    ]
    assert alerts[0]["summary"].startswith("Rating changed from 2★ to 1★ on shop")

    third = run_script("--config", config, "--db", db, "poll", "--quiet")
    assert third.returncode == 0
    assert len(hook.received) == 2  # told once, not on every poll


def test_poll_json_lists_an_unannounced_review_under_flagged(tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "shop.jsonl", [review("a1", 5)])
    config = write_config(
        tmp_path, [{"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS}]
    )
    db = tmp_path / "r.db"
    run_poll(load_config(config), db, retry=FAST_RETRY)
    write_jsonl(data, [review("a1", 5), review("a2", 2, text="Lid cracked")])
    with pytest.raises(_Crash):
        run_poll(load_config(config), db, retry=FAST_RETRY, after=_crash)
    result = run_script("--config", config, "--db", db, "poll", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [item["external_id"] for item in document["flagged"]] == ["a2"]
    assert document["new"] == []  # it was new in the poll that died, not in this one


# --- random SIGKILLs -------------------------------------------------------------------------

ROUNDS = int(os.environ.get("REVIEWWATCH_KILL_ROUNDS", "30"))
NEW_PER_ROUND = 40
FILLER = 6_000


def _shop_records(rounds_done: int) -> list[dict[str, object]]:
    records: list[dict[str, object]] = [review("seed", 5)]
    for round_number in range(rounds_done):
        for n in range(NEW_PER_ROUND):
            stars = 1 if n % 3 == 0 else 5
            records.append(review(f"k{round_number}-{n}", stars, text=f"Round {round_number} #{n}"))
    return records


@pytest.mark.slow
def test_no_alert_is_lost_when_polls_are_killed_at_random(
    tmp_path: Path, server: LoopbackServer
) -> None:
    """Every flagged review is announced at least once, to the webhook and on stdout.

    At least once, not exactly once: a poll killed after a webhook accepted an alert but before
    the outbox row was marked sent sends it again (receivers drop repeats by `key`), and one
    killed after printing but before clearing the mark prints it again.
    """
    hook = receiver(server, "/hooks")
    shop = tmp_path / "shop.jsonl"
    # A second, bigger file polled after the shop: the shop is committed while it is read.
    write_jsonl(
        tmp_path / "filler.jsonl", (review(f"f{n}", 5, text=f"Filler {n}") for n in range(FILLER))
    )
    config = write_config(
        tmp_path,
        [
            {"name": "shop", "kind": "json_file", "path": shop.name, "fields": FIELDS},
            {"name": "filler", "kind": "json_file", "path": "filler.jsonl", "fields": FIELDS},
        ],
        extra={"notify": [{"kind": "webhook", "url": hook.url}]},
    )
    db = tmp_path / "r.db"
    write_jsonl(shop, _shop_records(0))
    assert run_script("--config", config, "--db", db, "poll", "--quiet").returncode == 0
    command = [installed_script(), "--config", str(config), "--db", str(db), "poll", "--quiet"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("REVIEWWATCH_")}
    env["COLUMNS"] = "200"

    started = time.monotonic()
    write_jsonl(shop, _shop_records(1))
    measured = run_script("--config", config, "--db", db, "poll", "--quiet", env=env)
    duration = time.monotonic() - started  # how long an unkilled poll takes here
    randomness = random.Random(12)
    printed = measured.stdout
    killed = 0
    deadline = time.monotonic() + 240
    for round_number in range(1, ROUNDS + 1):
        if time.monotonic() > deadline:
            break
        write_jsonl(shop, _shop_records(round_number + 1))
        victim = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
        )
        time.sleep(randomness.uniform(0.1, duration * 1.1))
        victim.send_signal(signal.SIGKILL)
        out, _ = victim.communicate(timeout=30)
        printed += out
        killed += victim.returncode == -signal.SIGKILL
    final = run_script("--config", config, "--db", db, "poll", "--quiet", env=env)
    assert final.returncode == 0, final.stderr
    printed += final.stdout

    raw = sqlite3.connect(db)
    flagged = {
        row[0]
        for row in raw.execute(
            "SELECT external_id FROM reviews WHERE flagged = 1 AND baseline = 0"
        ).fetchall()
    }
    unsent = raw.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]
    raw.close()
    sent = _flagged_keys([request.body for request in hook.received])
    # Shown with `pytest -rP`: what this run did.
    print(
        f"{killed} of {ROUNDS} polls killed mid-run; {len(flagged)} flagged reviews; "
        f"{len(sent)} flagged webhooks, {len(sent) - len(set(sent))} of them repeats"
    )
    assert killed >= ROUNDS // 2, "most rounds should kill a poll mid-run"
    assert len(flagged) > 0 and unsent == 0
    assert flagged - set(sent) == set(), "alerts lost"
    assert set(sent) <= flagged
    for external_id in flagged:
        round_number, n = external_id[1:].split("-")
        assert f"Round {round_number} #{n}" in printed, f"{external_id} never printed"
