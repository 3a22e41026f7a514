"""reviewwatch: catch 1-2 star reviews on every platform at once, answer them within the rules."""

from __future__ import annotations

__version__ = "0.1.0"
