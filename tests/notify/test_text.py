"""Outside text in alerts: cleaned, cut and escaped whatever it holds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from reviewwatch.notify.chat import discord_escape, slack_escape
from reviewwatch.notify.text import clean_text, one_line, redact_destination, scrub

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
HOSTILE = st.text(
    alphabet=st.sampled_from([*"ab <>&@*_~`|#[]()\\:!\r\n\t\x1b\x07\x9b\u202e\u2028", "ā", "好"])
)


@given(HOSTILE, st.integers(min_value=2, max_value=200))
def test_one_line_is_one_clean_line_within_its_width(text: str, width: int) -> None:
    line = one_line(text, width)
    assert len(line) <= width
    assert not CONTROL.search(line) and "\n" not in line and "\t" not in line


@given(HOSTILE)
def test_clean_text_keeps_only_newlines_and_tabs_as_controls(text: str) -> None:
    assert not CONTROL.search(clean_text(text))


@given(HOSTILE)
def test_slack_text_cannot_open_a_mention_or_link(text: str) -> None:
    escaped = slack_escape(one_line(text, 500))
    assert "<" not in escaped and ">" not in escaped
    assert re.sub(r"&(amp|lt|gt);", "", escaped).count("&") == 0


@given(HOSTILE)
def test_discord_text_leaves_no_markdown_character_unescaped(text: str) -> None:
    escaped = discord_escape(one_line(text, 500))
    unescaped = re.sub(r"\\.", "", escaped)
    assert not set(unescaped) & set("<>@*_~`|#[]()\\:")


def test_webhook_urls_lose_their_path_and_query() -> None:
    url = "https://user:pw@hooks.slack.com:8443/services/T0/B0/token?x=1"
    assert redact_destination(url) == "https://hooks.slack.com:8443"
    assert redact_destination("http://[::1") == "an invalid URL"


def test_scrub_removes_secrets_and_the_path_of_secret_urls() -> None:
    url = "https://discord.com/api/webhooks/1/token-abc"
    message = f"no route for POST /api/webhooks/1/token-abc at {url}; password hunter2"
    assert scrub(message, [url, "hunter2"]) == "no route for POST *** at ***; password ***"
