"""What the App Store kinds share: the app's Apple ID."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reviewwatch.sources.base import Option

APP_ID = Option(required=True, help="the app's Apple ID (the number in App Store URLs)")


def check_app_id(values: Mapping[str, Any]) -> list[str]:
    app_id = values.get("app_id")
    if isinstance(app_id, str) and not app_id.isdigit():
        return ["app_id: expected the app's numeric Apple ID, e.g. 682658836"]
    return []
