"""Config: every problem at once, unknown keys, ${ENV} and *_file secrets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reviewwatch.config import Config, load_config, parse_config
from reviewwatch.errors import ConfigError
from reviewwatch.sources.base import Secret


def parse(document: dict[str, Any], folder: Path, env: dict[str, str] | None = None) -> Config:
    return parse_config(document, base_dir=folder, env=env or {})


def test_every_problem_is_reported_at_once_with_source_and_key(tmp_path: Path) -> None:
    document = {
        "settings": {"concurency": 4, "timezone": "Mars/Base"},
        "sources": [
            {"name": "shop", "kind": "json_file", "fields": {"id": "id"}},
            {
                "name": "feed",
                "kind": "http_json",
                "url": "ftp://x",
                "fields": {"id": "a", "rating": "b"},
                "urll": 1,
            },
            {"name": "Bad Name", "kind": "nope"},
        ],
    }
    with pytest.raises(ConfigError) as caught:
        parse(document, tmp_path)
    problems = "\n".join(caught.value.problems)
    assert "settings: unknown key 'concurency'; did you mean 'concurrency'?" in problems
    assert "settings.timezone: unknown time zone 'Mars/Base'; use a name such as UTC" in problems
    assert 'sources "shop".path: is required' in problems
    assert 'sources "shop".fields.rating: is required' in problems
    assert 'sources "feed".url: must start with http:// or https://' in problems
    assert "sources \"feed\": unknown key 'urll'; did you mean 'url'?" in problems
    assert "sources \"Bad Name\".kind: unknown kind 'nope'; known: amazon_feedback," in problems
    assert len(caught.value.problems) >= 8


def test_a_settings_only_read_checks_settings_and_business_and_leaves_the_rest(
    tmp_path: Path,
) -> None:
    document = {
        "settings": {"timezone": "Europe/Riga"},
        "business": {"name": "Shop"},
        "sources": [{"name": "Bad Name", "kind": "nope"}],
        "notify": [{"kind": "pager"}],
    }
    light = parse_config(document, base_dir=tmp_path, env={}, with_sources=False)
    assert light.settings.timezone == "Europe/Riga" and light.business.name == "Shop"
    assert light.sources == () and light.notify == ()
    with pytest.raises(ConfigError):
        parse(document, tmp_path)
    with pytest.raises(ConfigError) as caught:
        parse_config({"settings": {"concurency": 4}}, base_dir=tmp_path, with_sources=False)
    assert "did you mean 'concurrency'" in caught.value.problems[0]


def test_environment_variables_fill_strings_and_missing_ones_are_named(tmp_path: Path) -> None:
    source = {
        "name": "feed",
        "kind": "http_json",
        "url": "https://${HOST}/reviews",
        "fields": {"id": "id", "rating": "stars"},
        "headers": {"Authorization": "Bearer ${TOKEN}"},
    }
    config = parse({"sources": [source]}, tmp_path, {"HOST": "api.example", "TOKEN": "t0k"})
    options = config.sources[0].options
    assert options["url"] == "https://api.example/reviews"
    assert options["headers"]["Authorization"] == Secret("Bearer t0k")
    assert "t0k" not in repr(options)
    with pytest.raises(ConfigError) as caught:
        parse({"sources": [source]}, tmp_path, {"HOST": "api.example"})
    assert any("environment variable TOKEN is not set" in p for p in caught.value.problems)


def test_a_secret_can_come_from_a_file(tmp_path: Path) -> None:
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "token").write_text("file-secret\n", encoding="utf-8")
    document = {
        "notify": [{"kind": "slack", "webhook_url_file": "secrets/token"}],
    }
    config = parse(document, tmp_path)
    assert config.notify[0]["webhook_url"] == Secret("file-secret")
    with pytest.raises(ConfigError) as caught:
        parse({"notify": [{"kind": "slack", "webhook_url_file": "missing"}]}, tmp_path)
    assert "cannot read" in caught.value.problems[0]


def test_only_secret_keys_take_a_file(tmp_path: Path) -> None:
    document = {
        "sources": [
            {
                "name": "f",
                "kind": "json_file",
                "path_file": "x",
                "fields": {"id": "a", "rating": "b"},
            }
        ]
    }
    with pytest.raises(ConfigError) as caught:
        parse(document, tmp_path)
    # `path` is no secret: it takes no `_file`, and the key meant is `path` itself.
    assert (
        caught.value.problems[0] == "sources \"f\": unknown key 'path_file'; did you mean 'path'?"
    )


def test_relative_paths_are_read_from_the_config_folder(tmp_path: Path) -> None:
    document = {
        "sources": [
            {
                "name": "f",
                "kind": "json_file",
                "path": "data/r.json",
                "fields": {"id": "a", "rating": "b"},
            }
        ]
    }
    config = parse(document, tmp_path)
    assert config.sources[0].options["path"] == tmp_path / "data" / "r.json"


def test_duplicate_names_and_platforms_are_checked(tmp_path: Path) -> None:
    table = {"kind": "demo"}
    document = {"sources": [{"name": "a", **table}, {"name": "a", **table, "platform": "amazone"}]}
    with pytest.raises(ConfigError) as caught:
        parse(document, tmp_path)
    problems = "\n".join(caught.value.problems)
    assert "the name is used twice" in problems
    assert "unknown platform 'amazone'; did you mean 'amazon_review'?" in problems


def test_local_kinds_take_no_network_keys(tmp_path: Path) -> None:
    document = {"sources": [{"name": "a", "kind": "demo", "timeout": 3}]}
    with pytest.raises(ConfigError) as caught:
        parse(document, tmp_path)
    assert "takes no timeout" in caught.value.problems[0]


def test_a_missing_file_is_an_empty_config_and_bad_toml_is_a_clear_error(tmp_path: Path) -> None:
    assert load_config(tmp_path / "absent.toml").sources == ()
    broken = tmp_path / "broken.toml"
    broken.write_text("[settings\nflag_max_stars = 2", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(broken)
    assert "not valid TOML" in caught.value.problems[0]


def test_the_example_config_is_valid_and_the_same_as_the_packaged_one() -> None:
    root = Path(__file__).resolve().parents[2]
    example = root / "config.example.toml"
    packaged = root / "src" / "reviewwatch" / "config.example.toml"
    assert example.read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8")
    config = load_config(example)
    # The sample source is commented out: its reviews never reach a real database unasked.
    assert config.sources == ()


def test_business_words_per_language(tmp_path: Path) -> None:
    business = {
        "name": "Leaf & Cup",
        "signature": {"en": "Tom, Leaf & Cup", "de": "Tom vom Leaf & Cup"},
        "contact": {
            "de": "unser Kontaktformular",
            "zh-Hant": "我們的聯絡表單",
            "ja": "当店のお問い合わせフォーム",
        },
    }
    config = parse_config({"business": business}, base_dir=tmp_path, with_sources=False)
    assert config.business.signature_for("de") == "Tom vom Leaf & Cup"
    assert config.business.signature_for("fr") == "Leaf & Cup"  # the name, in any language
    assert config.business.contact_for("de") == "unser Kontaktformular"
    assert config.business.contact_for("en") == ""
    assert config.business.contact_for("zh-Hant") == "我們的聯絡表單"
    assert config.business.contact_for("zh") == ""  # no Traditional words in a Simplified draft
    assert config.business.contact_for("ja") == "当店のお問い合わせフォーム"
    assert config.business.contact_for("ja-JP") == "当店のお問い合わせフォーム"
    japanese = parse_config(
        {"business": {"name": "Leaf & Cup", "signature": "リーフ&カップ 田中", "language": "ja"}},
        base_dir=tmp_path,
        with_sources=False,
    ).business
    assert japanese.signature_for("ja") == "リーフ&カップ 田中"
    assert japanese.signature_for("en") == "Leaf & Cup"
    assert not config.business.is_starter
    plain = parse_config(
        {"business": {"name": "Acme Store", "contact": "our support page"}},
        base_dir=tmp_path,
        with_sources=False,
    ).business
    assert plain.contact_for("en") == "our support page" and plain.contact_for("de") == ""
    assert plain.is_starter
    with pytest.raises(ConfigError, match=r"business\.contact\.Deutsch"):
        parse_config(
            {"business": {"contact": {"Deutsch": "x"}}}, base_dir=tmp_path, with_sources=False
        )


def test_business_kind_is_one_of_four_and_optional(tmp_path: Path) -> None:
    def read(business: object) -> Config:
        return parse_config({"business": business}, base_dir=tmp_path, with_sources=False)

    assert read({"name": "Acme"}).business.kind is None  # the platform's kind, as before
    for kind in ("store", "place", "app", "service"):
        assert read({"name": "Acme", "kind": kind}).business.kind == kind
    several = read([{"name": "Bank", "kind": "service"}, {"name": "Cafe", "kind": "place"}])
    kinds = "store, place, app, service"
    assert [b.info.kind for b in several.businesses] == ["service", "place"]
    for business, where, wrong in (
        ({"kind": "restaurant"}, "business.kind", "unknown kind 'restaurant'; known: " + kinds),
        (
            [{"name": "Bank"}, {"name": "Cafe", "kind": "Place"}],
            "business[2].kind",
            "unknown kind 'Place'; did you mean 'place'?",
        ),
    ):
        with pytest.raises(ConfigError) as caught:
            read(business)
        assert caught.value.problems == [f"{where}: {wrong}"]
    with pytest.raises(ConfigError) as caught:
        read({"kind": 1})
    assert caught.value.problems == ["business.kind: expected a string, got a number"]


def test_a_notifier_filtered_on_a_source_not_configured_is_warned_of(tmp_path: Path) -> None:
    (tmp_path / "reviews.jsonl").write_text("")
    source = {
        "name": "shop",
        "kind": "json_file",
        "path": "reviews.jsonl",
        "fields": {"id": "id", "rating": "stars"},
    }
    notify: dict[str, Any] = {"kind": "webhook", "url": "https://hooks.example.com/x"}
    notify["sources"] = ["shp", "shop"]
    config = parse({"sources": [source], "notify": [notify]}, tmp_path)
    assert config.warnings == (
        "notify[1].sources: unknown source 'shp'; did you mean 'shop'? "
        "(this notifier hears nothing from it)",
    )
    notify["sources"] = ["shop"]
    assert parse({"sources": [source], "notify": [notify]}, tmp_path).warnings == ()


def test_a_security_value_in_other_words_suggests_the_one_meant(tmp_path: Path) -> None:
    """ "tls" is too unlike "starttls" for a close-name match; as mail programs use it (TLS on
    port 587), it stands for starttls, and "smtps" for ssl. Neither is taken as valid."""
    email = {"kind": "email", "smtp_host": "h", "from": "a@b", "to": ["c@d"]}
    for typed, meant in (("tls", "starttls"), ("TLS", "starttls"), ("smtps", "ssl")):
        with pytest.raises(ConfigError) as caught:
            parse({"notify": [{**email, "security": typed}]}, tmp_path)
        assert caught.value.problems == [
            f"notify[1].security: unknown security {typed!r}; did you mean {meant!r}?"
        ]
    with pytest.raises(ConfigError) as caught:
        parse({"notify": [{**email, "security": "starttsl"}]}, tmp_path)
    assert "did you mean 'starttls'?" in caught.value.problems[0]
    assert parse({"notify": [{**email, "security": "starttls"}]}, tmp_path).notify
