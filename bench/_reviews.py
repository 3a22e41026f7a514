"""Generated reviews for the benchmarks: deterministic, multilingual, newest first."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import tomli_w

TEXTS = {
    "en": [
        "The parcel arrived two weeks late and the box was crushed.",
        "Great tea, fast delivery, will order again.",
        "Customer service never answered my emails about the refund.",
        "Not as described: the colour is completely different from the photos.",
        "Works fine but the app keeps logging me out after the update.",
    ],
    "es": [
        "El paquete llegó tarde y la caja estaba rota.",
        "Muy buen producto, lo recomiendo.",
        "Nadie contesta en atención al cliente, muy decepcionado.",
    ],
    "de": [
        "Die Lieferung kam beschädigt an und der Kundendienst antwortet nicht.",
        "Sehr guter Tee, schnelle Lieferung.",
    ],
    "fr": [
        "Le colis est arrivé avec trois semaines de retard.",
        "Produit conforme, très satisfait.",
    ],
    "nl": ["De thee smaakt muf en de verpakking was open."],
    "zh": ["快递太慢了，包装也破了，客服不回复。", "茶叶很好，下次还买。"],
}
LANGUAGES = list(TEXTS)
FIELDS = {
    "id": "id",
    "rating": "stars",
    "title": "title",
    "body": "text",
    "author": "author",
    "created_at": "date",
    "url": "url",
    "language": "lang",
}
START = datetime(2026, 1, 1, tzinfo=UTC)


def review(number: int, rng: random.Random, *, edited: bool = False) -> dict[str, object]:
    """Review `number` (1 is the newest); an edited one has new text and one star less."""
    language = LANGUAGES[number % len(LANGUAGES)]
    text = rng.choice(TEXTS[language])
    stars = 1 + (number * 7919) % 5
    if edited:
        text += " Update: still no answer."
        stars = max(1, stars - 1)
    created = START - timedelta(minutes=number)
    return {
        "id": f"r{number:08d}",
        "stars": stars,
        "title": f"Order {number}",
        "text": text,
        "author": f"customer{number % 50_000}",
        "date": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "url": f"https://shop.example/reviews/r{number:08d}",
        "lang": language,
    }


def records(size: int, *, edit_every: int = 0, seed: int = 7) -> Iterator[dict[str, object]]:
    """`size` reviews, newest first; every `edit_every`-th one edited (0: none)."""
    rng = random.Random(seed)
    for number in range(1, size + 1):
        yield review(number, rng, edited=bool(edit_every) and number % edit_every == 0)


def write_jsonl(path: Path, size: int, *, edit_every: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as stream:
        for record in records(size, edit_every=edit_every):
            stream.write(json.dumps(record, ensure_ascii=False))
            stream.write("\n")
    return path


def write_file_config(folder: Path, data: Path, *, name: str = "config.toml") -> Path:
    """A config with one json_file source named `shop` reading `data`."""
    document = {
        "settings": {"timezone": "UTC"},
        "sources": [{"name": "shop", "kind": "json_file", "path": str(data), "fields": FIELDS}],
    }
    path = folder / name
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def build_db(folder: Path, size: int) -> Path:
    """A database holding `size` generated reviews, polled in through the core."""
    import subprocess
    import sys

    data = write_jsonl(folder / "reviews.jsonl", size)
    config = write_file_config(folder, data)
    db = folder / "reviews.db"
    runner = Path(__file__).with_name("_run_poll.py")
    subprocess.run([sys.executable, str(runner), str(config), str(db)], check=True, timeout=3600)
    data.unlink()
    return db
