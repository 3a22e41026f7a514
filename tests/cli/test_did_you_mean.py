"""A mistyped name is one line on standard error, exit 2: what was not known, and the name meant
(or the valid names when none is close), for every kind of name a user types."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_script, write_config
from tests.filesources import FIELDS, review, write_jsonl

CATEGORIES = (
    "product_quality, not_as_described, wrong_item, shipping_delay, damaged_in_transit, "
    "customer_service, price_value, usability, other"
)


def _shop(folder: Path, *, extra: Mapping[str, Any] | None = None, **source: Any) -> Path:
    """A config of one JSON Lines source, `shop`, of the business Cafe Riga."""
    data = write_jsonl(folder / "r.jsonl", [review("a", 1, lang="en")])
    table = {"name": "shop", "kind": "json_file", "path": data.name, "fields": FIELDS, **source}
    return write_config(folder, [table], business={"name": "Cafe Riga"}, extra=extra)


@pytest.fixture(scope="module")
def polled(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of a polled store: source `shop`, business Cafe Riga, one review."""
    folder = tmp_path_factory.mktemp("polled")
    env = {"REVIEWWATCH_CONFIG": str(_shop(folder)), "REVIEWWATCH_DB": str(folder / "r.db")}
    result = run_script("poll", "--quiet", env=env)
    assert result.returncode == 0, result.stderr
    return env


def _refused(args: Sequence[str], env: Mapping[str, str] | None = None) -> str:
    """Standard error of a command that must refuse at once: exit 2, one line, no output."""
    result = run_script(*args, env=env)
    assert result.returncode == 2, (args, result.stdout, result.stderr)
    assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
    return result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["list", "--category", "shiping_delay"],
            "unknown category 'shiping_delay'; did you mean 'shipping_delay'?",
        ),
        (["list", "--category", "xyz"], f"unknown category 'xyz'; known: {CATEGORIES}"),
        (
            ["export", "--category", "Usabillity"],
            "unknown category 'Usabillity'; did you mean 'usability'?",
        ),
        (["export", "--status", "resolvd"], "unknown status 'resolvd'; did you mean 'resolved'?"),
        (["list", "--source", "shopp"], "unknown source 'shopp'; did you mean 'shop'?"),
        (
            ["list", "--business", "Cafe Rica"],
            "unknown business 'Cafe Rica'; did you mean 'Cafe Riga'?",
        ),
        (["stats", "--business", "Tea House"], "unknown business 'Tea House'; known: Cafe Riga"),
        (["stats", "--source", "shoop"], "unknown source 'shoop'; did you mean 'shop'?"),
        (["list", "--lang", "enn"], "unknown language 'enn'; did you mean 'en'?"),
        (["export", "--lang", "english"], "unknown language 'english'; did you mean 'en'?"),
        (["export", "--format", "jsn"], "unknown format 'jsn'; did you mean 'json'?"),
        (["status", "1", "resolvd"], "unknown status 'resolvd'; did you mean 'resolved'?"),
        (["reply", "1", "--print", "--lang", "dee"], "unknown language 'dee'; did you mean 'de'?"),
        (["poll", "--source", "shpo"], "unknown source 'shpo'; did you mean 'shop'?"),
        (["sources", "--check", "xyz"], "unknown source 'xyz'; known: shop"),
    ],
)
def test_names_in_commands_on_a_store(
    polled: dict[str, str], args: list[str], message: str
) -> None:
    assert _refused(args, polled) == f"error: {message}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["triage", "correct", "1", "--categories", "shipping_delay,wrong_itme"],
            "unknown category 'wrong_itme'; did you mean 'wrong_item'?",
        ),
        (
            ["triage", "correct", "1", "--categories", "other", "--grounds", "of_topic"],
            "unknown ground 'of_topic'; did you mean 'off_topic'?",
        ),
        (
            ["check", "--platform", "etsi", "--text", "Thank you"],
            "unknown platform 'etsi'; did you mean 'etsy'?",
        ),
        (
            ["check", "--platform", "etsy", "--surface", "dm", "--text", "Thank you"],
            "unknown surface 'dm'; known: public_reply, private_message",
        ),
        (
            ["check", "--platform", "etsy", "--lang", "xx", "--text", "Thank you"],
            "unknown language 'xx'; use a code such as en, es or zh",
        ),
        (["config", "edt"], "unknown action 'edt'; did you mean 'edit'?"),
        (
            ["demo", "--timezone", "Europe/Rigaa"],
            "unknown time zone 'Europe/Rigaa'; did you mean 'Europe/Riga'?",
        ),
    ],
)
def test_names_in_commands_that_need_no_store(
    tmp_path: Path, args: list[str], message: str
) -> None:
    env = {"REVIEWWATCH_CONFIG": str(tmp_path / "none.toml"), "REVIEWWATCH_DB": ""}
    if args[0] == "config":
        env["REVIEWWATCH_CONFIG"] = str(_shop(tmp_path))
    assert _refused(args, env) == f"error: {message}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "--foo"], "no such option '--foo'; did you mean '--format'?"),
        (["list", "--sourc", "shop"], "no such option '--sourc'; did you mean '--source'?"),
        (["list", "--zzzzzz"], "no such option '--zzzzzz'"),
        (["show"], "missing argument 'ID'"),
        (["status", "1"], "missing argument 'STATUS'"),
        (
            ["list", "--max-stars", "x"],
            "invalid value for '--max-stars': 'x' is not a valid int range",
        ),
    ],
)
def test_a_usage_error_is_one_line_with_the_name_meant_and_where_to_read_more(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """Click's usage block (usage line, hint, "Error: ...") is one line in the shape of every
    other error, ending with where the command's usage is explained."""
    env = {"REVIEWWATCH_CONFIG": str(tmp_path / "none.toml"), "REVIEWWATCH_DB": ""}
    command = " ".join(["reviewwatch", args[0]])
    assert _refused(args, env) == f"error: {message} (see {command} --help)\n"


def test_usage_errors_outside_a_command_name_the_top_level_help(tmp_path: Path) -> None:
    env = {"REVIEWWATCH_CONFIG": str(tmp_path / "none.toml"), "REVIEWWATCH_DB": ""}
    assert _refused(["lst"], env) == (
        "error: no such command 'lst'; did you mean 'list'? (see reviewwatch --help)\n"
    )
    assert _refused(["export", "--format"], env) == (
        "error: option '--format' requires an argument (see reviewwatch export --help)\n"
    )
    assert _refused(["triage", "corect"], env).endswith("(see reviewwatch triage --help)\n")
    # A group given nothing at all still shows its help.
    bare = run_script("triage", env=env)
    assert "Usage: reviewwatch triage" in bare.stdout + bare.stderr


@pytest.mark.parametrize(
    ("source", "extra", "problem"),
    [
        ({}, {"setings": {}}, "unknown section 'setings'; did you mean 'settings'?"),
        (
            {},
            {"settings": {"timezone": "UTC", "timzone": "UTC"}},
            "settings: unknown key 'timzone'; did you mean 'timezone'?",
        ),
        (
            {"kind": "jsonfile"},
            {},
            "sources \"shop\".kind: unknown kind 'jsonfile'; did you mean 'json_file'?",
        ),
        (
            {"platfrom": "etsy"},
            {},
            "sources \"shop\": unknown key 'platfrom'; did you mean 'platform'?",
        ),
        (
            {"platform": "amazn_review"},
            {},
            (
                "sources \"shop\".platform: unknown platform 'amazn_review'; "
                "did you mean 'amazon_review'?"
            ),
        ),
        (
            {},
            {"notify": [{"kind": "slak", "webhook_url": "https://hooks.slack.com/x"}]},
            "notify[1].kind: unknown notifier kind 'slak'; did you mean 'slack'?",
        ),
        (
            {},
            {
                "notify": [
                    {"kind": "slack", "webhook_url": "https://hooks.slack.com/x", "digets": True}
                ]
            },
            "notify[1]: unknown key 'digets'; did you mean 'digest'?",
        ),
        (
            {},
            {
                "notify": [
                    {
                        "kind": "email",
                        "smtp_host": "h",
                        "from": "a@b",
                        "to": ["c@d"],
                        "security": "tls",
                    }
                ]
            },
            "notify[1].security: unknown security 'tls'; did you mean 'starttls'?",
        ),
    ],
)
def test_names_in_the_config(
    tmp_path: Path, source: dict[str, Any], extra: dict[str, Any], problem: str
) -> None:
    config = _shop(tmp_path, extra=extra, **source)
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    assert _refused(["sources"], env) == f"error: {config}: {problem}\n"


def test_a_mistyped_file_encoding_in_a_source(tmp_path: Path) -> None:
    table = {"name": "csv", "kind": "csv_file", "path": "r.csv", "encoding": "utf-9"}
    config = write_config(tmp_path, [{**table, "columns": {"id": "id", "rating": "stars"}}])
    env = {"REVIEWWATCH_CONFIG": str(config), "REVIEWWATCH_DB": str(tmp_path / "r.db")}
    assert _refused(["sources"], env) == (
        f'error: {config}: sources "csv".encoding: '
        "unknown encoding 'utf-9'; did you mean 'utf-8'?\n"
    )
