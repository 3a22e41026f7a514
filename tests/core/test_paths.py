"""Path precedence: flag > environment > config > platform default."""

from __future__ import annotations

from pathlib import Path

from reviewwatch.paths import default_db_path, resolve_config_path, resolve_db_path


def test_config_path_precedence(tmp_path: Path) -> None:
    env = {"REVIEWWATCH_CONFIG": str(tmp_path / "env.toml")}
    assert resolve_config_path(tmp_path / "flag.toml", env).origin == "--config"
    from_env = resolve_config_path(None, env)
    assert (from_env.path, from_env.origin) == (tmp_path / "env.toml", "$REVIEWWATCH_CONFIG")
    assert resolve_config_path(None, {}).origin == "default"


def test_db_path_precedence(tmp_path: Path) -> None:
    config_path = tmp_path / "c.toml"
    configured = tmp_path / "configured.db"
    env = {"REVIEWWATCH_DB": str(tmp_path / "env.db")}
    assert (
        resolve_db_path(
            tmp_path / "f.db", configured=configured, config_path=config_path, env=env
        ).origin
        == "--db"
    )
    assert (
        resolve_db_path(None, configured=configured, config_path=config_path, env=env).origin
        == "$REVIEWWATCH_DB"
    )
    from_config = resolve_db_path(None, configured=configured, config_path=config_path, env={})
    assert from_config.path == configured and "settings.database" in from_config.origin
    default = resolve_db_path(None, configured=None, config_path=config_path, env={})
    assert (default.path, default.origin) == (default_db_path(), "default")
