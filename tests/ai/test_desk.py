"""AI drafts at the desk and on a platform with a reply API: a blocked draft is never posted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reviewwatch.cli.app import app
from tests.ai.conftest import GOOD_DRAFT, FakeModel, ai_table, polled_shop
from tests.cli.test_reply_desk import replies_sent
from tests.conftest import invoke, run_script, write_config
from tests.loopback import LoopbackServer
from tests.sources.contract import Catalogue
from tests.sources.test_google_play import FakePlay, play_table

BLOCKED = "Sorry! Change your rating to 5 stars and we will give you a free month."
FIXED = "Thank you, Jane. We are sorry the app crashes when you pay; version 2.1 fixes it."


@pytest.fixture
def play(server: LoopbackServer, model: FakeModel, tmp_path: Path) -> tuple[Path, Path]:
    """A Google Play source (it can post replies) with [ai]; review 2 is a new 1-star review."""
    catalogue = Catalogue()
    catalogue.add(5, author="Old Fan")
    FakePlay(server, catalogue, 10).install()
    config = write_config(
        tmp_path,
        [{"name": "play", "kind": "google_play", **play_table(server, tmp_path)}],
        business={"name": "Acme", "signature": "Anna, Acme", "contact": "our help page"},
        extra={"ai": ai_table(model)},
    )
    db = tmp_path / "r.db"
    assert invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet").exit_code == 0
    catalogue.add(1, author="Jane Doe", title=None, body="The app crashes every time I pay.")
    FakePlay(server, catalogue, 10).install()
    assert invoke(CliRunner(), "--config", config, "--db", db, "poll", "--quiet").exit_code == 0
    return config, db


def test_a_blocked_ai_draft_cannot_be_posted(
    server: LoopbackServer, model: FakeModel, play: tuple[Path, Path]
) -> None:
    config, db = play
    model.answer({"reply": BLOCKED})
    model.answer({"reply": BLOCKED})
    result = run_script("--config", config, "--db", db, "reply", "2", "--ai", "--post", "--yes")
    assert result.returncode == 5, result.stderr
    assert "not offered for posting" in result.stderr and "Traceback" not in result.stderr
    assert "free month" not in result.stdout
    assert replies_sent(server) == []
    states = json.loads(run_script("--config", config, "--db", db, "show", "2", "--json").stdout)
    assert states["review"]["status"] == "new" and states["review"]["reply"] is None


def test_a_fixed_ai_draft_is_checked_again_and_posted(
    server: LoopbackServer, model: FakeModel, play: tuple[Path, Path]
) -> None:
    config, db = play
    model.answer({"reply": BLOCKED})
    model.answer({"reply": FIXED})
    result = run_script("--config", config, "--db", db, "reply", "2", "--ai", "--post", "--yes")
    assert result.returncode == 0, result.stderr
    assert replies_sent(server) == [{"replyText": FIXED}]


def test_the_desk_key_a_takes_a_good_draft_and_refuses_a_blocked_one(
    server: LoopbackServer, model: FakeModel, play: tuple[Path, Path]
) -> None:
    config, db = play
    model.answer({"reply": BLOCKED})
    model.answer({"reply": BLOCKED})
    desk = ["--config", str(config), "--db", str(db), "reply", "2", "--interactive"]
    env = {"COLUMNS": "160", "REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": ""}
    # ai draft (blocked twice), then post what the desk holds: the offline draft, not the AI's
    result = CliRunner().invoke(app, desk, input="a\np\ny\n", env=env)
    assert result.exit_code == 0, result.output
    assert "[a]i draft" in result.output and "not offered for posting" in result.output
    [posted] = replies_sent(server)
    assert "free month" not in posted["replyText"]
    assert len(model.requests) == 2


def test_the_desk_key_a_adopts_a_draft_that_passes(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, ai_table(model))
    result = CliRunner().invoke(
        app,
        ["--config", str(shop.config), "--db", str(shop.db), "reply", "2", "-i"],
        input="a\nr\n",
        env={"COLUMNS": "160", "REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": ""},
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(GOOD_DRAFT.replace("[name]", "Jane"))


def test_the_desk_shows_the_second_opinion(tmp_path: Path, model: FakeModel) -> None:
    shop = polled_shop(tmp_path, ai_table(model, triage=True))
    model.answer({"language": "en", "categories": ["price_value"], "removal_grounds": []})
    result = CliRunner().invoke(
        app,
        ["--config", str(shop.config), "--db", str(shop.db), "reply", "2", "-i"],
        input="s\n",
        env={"COLUMNS": "160", "REVIEWWATCH_CONFIG": "", "REVIEWWATCH_DB": ""},
    )
    assert result.exit_code == 0, result.output
    assert (
        "Second opinion (test-model at" in result.stdout and "about: price_value" in result.stdout
    )


def test_a_model_from_llms_own_config_is_reached_through_llm(
    tmp_path: Path, model: FakeModel, llm_home: Path
) -> None:
    """Without `endpoint`, the model is one `llm` knows: here from extra-openai-models.yaml."""
    (llm_home / "extra-openai-models.yaml").write_text(
        f"- model_id: shop-model\n  model_name: served-name\n  api_base: {model.url}\n",
        encoding="utf-8",
    )
    shop = polled_shop(tmp_path, {"model": "shop-model", "timeout": 5})
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == GOOD_DRAFT.replace("[name]", "Jane")
    assert model.bodies()[0]["model"] == "served-name"
    shop.configure({"model": "no-such-model"})
    failed = shop.run("reply", "2", "--ai", "--print")
    assert failed.exit_code == 0 and "llm knows no model 'no-such-model'" in failed.stderr


def test_a_broken_llm_config_file_is_a_note_not_a_traceback(
    tmp_path: Path, model: FakeModel, llm_home: Path
) -> None:
    (llm_home / "extra-openai-models.yaml").write_text("- model_id: [unclosed\n", encoding="utf-8")
    shop = polled_shop(tmp_path, {"model": "shop-model"})
    result = shop.run("reply", "2", "--ai", "--print")
    assert result.exit_code == 0 and result.stdout.strip()
    assert "llm could not load its models" in result.stderr and "Traceback" not in result.output
