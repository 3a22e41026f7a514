"""Config mistakes and unsafe config files: one clear line, exit 2, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tests.conftest import run_script
from tests.filesources import FIELDS

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _write(folder: Path, document: dict[str, Any]) -> Path:
    path = folder / "config.toml"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    path.chmod(0o600)
    return path


def _json_source(**values: Any) -> dict[str, Any]:
    return {"name": "shop", "kind": "json_file", "path": "r.json", "fields": FIELDS, **values}


def _assert_clean_refusal(result: Any, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_a_secret_file_that_is_not_utf8_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "key.txt").write_bytes("clé-secrète".encode("latin-1"))
    config = _write(
        tmp_path,
        {"sources": [{"name": "y", "kind": "yelp", "business_id": "b", "api_key_file": "key.txt"}]},
    )
    result = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    _assert_clean_refusal(result, "key.txt", "UTF-8")


def test_a_secret_file_path_with_a_nul_byte_is_a_config_error(tmp_path: Path) -> None:
    config = _write(
        tmp_path,
        {"sources": [{"name": "y", "kind": "yelp", "business_id": "b", "api_key_file": "a\0b"}]},
    )
    _assert_clean_refusal(run_script("--config", config, "--db", tmp_path / "r.db", "sources"))


@pytest.mark.parametrize("encoding", ["undefined", "utf-8\u0000"])
def test_a_csv_encoding_that_cannot_decode_is_a_config_error(tmp_path: Path, encoding: str) -> None:
    config = _write(
        tmp_path,
        {
            "sources": [
                {
                    "name": "c",
                    "kind": "csv_file",
                    "path": "r.csv",
                    "encoding": encoding,
                    "columns": {"id": "id", "rating": "stars"},
                }
            ]
        },
    )
    result = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    _assert_clean_refusal(result, "encoding")


def test_a_home_folder_of_an_unknown_user_is_a_config_error(tmp_path: Path) -> None:
    config = _write(tmp_path, {"sources": [_json_source(path="~nosuchuser-rw/x.json")]})
    result = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    _assert_clean_refusal(result, "~nosuchuser-rw")


@pytest.mark.parametrize(
    ("values", "key"),
    [
        ({"kind": "http_json", "url": "http://127.0.0.1:99999/x"}, "url"),
        (
            {
                "kind": "yelp",
                "business_id": "b",
                "api_key": "k" * 8,
                "base_url": "http://127.0.0.1:99999",
            },
            "base_url",
        ),
        (
            {"kind": "yelp", "business_id": "b", "api_key": "k" * 8, "timeout": float("nan")},
            "timeout",
        ),
        (
            {"kind": "yelp", "business_id": "b", "api_key": "k" * 8, "timeout": float("inf")},
            "timeout",
        ),
    ],
)
def test_impossible_network_settings_are_config_errors(
    tmp_path: Path, values: dict[str, Any], key: str
) -> None:
    source: dict[str, Any] = {"name": "n", **values}
    if values["kind"] == "http_json":
        source["fields"] = {"id": "id", "rating": "stars"}
    config = _write(tmp_path, {"sources": [source]})
    result = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    _assert_clean_refusal(result, key)


@posix_only
def test_a_world_writable_config_with_credentials_is_refused(tmp_path: Path) -> None:
    config = _write(
        tmp_path,
        {"sources": [{"name": "y", "kind": "yelp", "business_id": "b", "api_key": "k" * 12}]},
    )
    config.chmod(0o666)
    result = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    _assert_clean_refusal(result, str(config), "chmod 600")


@posix_only
def test_a_readable_config_with_literal_credentials_warns(tmp_path: Path) -> None:
    config = _write(
        tmp_path,
        {"sources": [{"name": "y", "kind": "yelp", "business_id": "b", "api_key": "k" * 12}]},
    )
    config.chmod(0o644)
    result = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    assert result.returncode == 0, result.stderr
    assert "warning" in result.stderr and "chmod 600" in result.stderr
    config.chmod(0o600)
    quiet = run_script("--config", config, "--db", tmp_path / "r.db", "sources")
    assert quiet.returncode == 0 and "warning" not in quiet.stderr


@posix_only
def test_a_readable_config_whose_credentials_come_from_the_environment_does_not_warn(
    tmp_path: Path,
) -> None:
    config = _write(
        tmp_path,
        {"sources": [{"name": "y", "kind": "yelp", "business_id": "b", "api_key": "${YELP_K}"}]},
    )
    config.chmod(0o644)
    result = run_script(
        "--config", config, "--db", tmp_path / "r.db", "sources", env={"YELP_K": "k" * 12}
    )
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
