"""The config's reader: it converts each value to its option's type and collects problems.

Every check of the config records its problems on one `ConfigReader` instead of raising, so that
a config with several mistakes reports all of them at once. The reader also expands `${NAME}`
from the environment, reads `key_file` secrets, and remembers where secrets came from (the file
itself, the environment, or other files) for the file-mode check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reviewwatch.location import PostgresUrl, is_postgres_url
from reviewwatch.sources.base import Option, Secret
from reviewwatch.suggest import unknown_name

_ENV_PATTERN = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class ConfigReader:
    """Collects problems while it converts values, so that all of them are reported at once."""

    def __init__(self, *, base_dir: Path, env: Mapping[str, str]) -> None:
        self.base_dir = base_dir
        self.env = env
        self.problems: list[str] = []
        # Whether the file holds credentials itself, or says where they come from.
        self.literal_secrets = False
        self.secrets_from_files = False
        self.secret_references = False

    def note_secret(self, raw: str) -> None:
        """Remember whether a secret value was written in the file or taken from elsewhere."""
        if _ENV_PATTERN.fullmatch(raw.strip()):
            self.secret_references = True
        elif raw:
            self.literal_secrets = True

    def problem(self, where: str, what: str) -> None:
        """Record one problem, `where` being the key's path in the file (`settings.timezone`);
        an empty `where` (the file's top level) records `what` alone."""
        self.problems.append(f"{where}: {what}" if where else what)

    def table(
        self,
        values: Any,
        spec: Mapping[str, Option],
        where: str,
        *,
        other_keys: Iterable[str] = (),
    ) -> dict[str, Any]:
        """Check a table against its spec; return the converted values (defaults filled in).

        `other_keys` are the table's keys checked elsewhere (absent from `values`): an unknown
        key may be a typo of one of them too.
        """
        if not isinstance(values, Mapping):
            self.problem(where, "expected a table")
            return {
                key: option.default for key, option in spec.items() if option.default is not None
            }
        result: dict[str, Any] = {}
        for key, raw in values.items():
            name = key.removesuffix("_file") if key not in spec else key
            option = spec.get(name)
            if option is None or (name != key and not option.secret):
                self.problem(where, unknown_name("key", key, [*other_keys, *_key_names(spec)]))
                continue
            if name in result:
                self.problem(f"{where}.{key}", f"give either {name} or {name}_file, not both")
                continue
            value = self._read_file(raw, f"{where}.{key}") if name != key else raw
            converted = self.convert(value, option, f"{where}.{key}")
            if converted is not None:
                result[name] = converted
        for key, option in spec.items():
            if key in result:
                continue
            if option.required:
                secret_hint = f" (or {key}_file)" if option.secret else ""
                self.problem(f"{where}.{key}", f"is required{secret_hint}")
            elif option.default is not None:
                result[key] = option.default
        return result

    def _read_file(self, raw: Any, where: str) -> Any:
        """The text of a `key_file` secret, stripped; None after recording a problem."""
        if not isinstance(raw, str):
            self.problem(where, "expected a file path")
            return None
        file_path = self._path(self.expand(raw, where) or "", where)
        if file_path is None:
            return None
        self.secrets_from_files = True
        try:
            data = file_path.read_bytes()
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self.problem(where, f"cannot read {file_path}: {reason}")
            return None
        try:
            return data.decode("utf-8").strip()
        except UnicodeDecodeError as error:
            self.problem(
                where,
                f"{file_path} is not UTF-8 text (byte {error.start}); save it as UTF-8",
            )
            return None

    def expand(self, text: str, where: str) -> str | None:
        """`text` with each `${NAME}` replaced from the environment; None when one is unset."""
        missing = [name for name in _ENV_PATTERN.findall(text) if name not in self.env]
        for name in missing:
            self.problem(where, f"environment variable {name} is not set")
        if missing:
            return None
        return _ENV_PATTERN.sub(lambda match: self.env[match.group(1)], text)

    def _path(self, text: str, where: str) -> Path | None:
        """A path from the config: `~` expanded, relative to the config's folder."""
        try:
            path = Path(text).expanduser()
        except RuntimeError:  # `~user` of a user this machine does not know
            self.problem(where, f"cannot find the home folder in {text!r}")
            return None
        if "\0" in text:
            self.problem(where, "a path cannot hold a NUL character")
            return None
        return path if path.is_absolute() else self.base_dir / path

    def convert(self, value: Any, option: Option, where: str) -> Any:
        """One value converted to its option's type, or None after recording a problem."""
        if value is None:
            return None
        raw_text = value if isinstance(value, str) else ""
        if isinstance(value, str):
            value = self.expand(value, where)
            if value is None:
                return None
        kind = option.type
        if kind == "database" and isinstance(value, str) and is_postgres_url(value):
            return PostgresUrl(value.strip())
        if kind in ("str", "path", "database"):
            return self._text_value(value, raw_text, option, where)
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.problem(where, f"expected a whole number, got {_type_name(value)}")
                return None
            return value
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, int | float):
                self.problem(where, f"expected a number, got {_type_name(value)}")
                return None
            return float(value)
        if kind == "bool":
            if not isinstance(value, bool):
                self.problem(where, f"expected true or false, got {_type_name(value)}")
                return None
            return value
        if kind == "str_list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                self.problem(where, "expected a list of strings")
                return None
            return [self.expand(item, where) for item in value]
        return self._table_value(value, option, where)

    def _text_value(self, value: Any, raw_text: str, option: Option, where: str) -> Any:
        """A `str`, `path` or `database` value (already expanded; `raw_text` as written)."""
        if not isinstance(value, str):
            self.problem(where, f"expected a string, got {_type_name(value)}")
            return None
        if option.choices and value not in option.choices:
            key = where.rpartition(".")[2]
            self.problem(
                where, unknown_name(key, value, option.choices, aliases=option.choice_aliases)
            )
            return None
        if option.type in ("path", "database"):
            return self._path(value, where)
        if option.secret:
            self.note_secret(raw_text)
            return Secret(value)
        return value

    def _table_value(self, value: Any, option: Option, where: str) -> Any:
        """A `table` value; in a secret option each of its strings is a secret."""
        if not isinstance(value, Mapping):
            self.problem(where, f"expected a table, got {_type_name(value)}")
            return None
        if not option.secret:
            return dict(value)
        table: dict[str, Any] = {}
        for key, item in value.items():
            expanded = self.expand(item, f"{where}.{key}") if isinstance(item, str) else None
            if not isinstance(item, str):
                self.problem(f"{where}.{key}", "expected a string")
            elif expanded is not None:
                self.note_secret(item)
                table[key] = Secret(expanded)
        return table


def _key_names(spec: Mapping[str, Option]) -> list[str]:
    """The keys a table takes: its options, and `<key>_file` for each secret one."""
    return [*spec, *(f"{key}_file" for key, option in spec.items() if option.secret)]


def _type_name(value: Any) -> str:
    return {
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
