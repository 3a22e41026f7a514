"""Every review's language is detected from its text when it is written, and on edits; the
platform's field stays as `language_hint`; a migration fills the reviews stored before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewwatch.location import Location
from reviewwatch.models import Review
from reviewwatch.serialize import review_to_dict
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from reviewwatch.store.connection import SqliteConnection
from reviewwatch.store.migrations import MIGRATIONS, SCHEMA_VERSION
from reviewwatch.triage import _langid
from reviewwatch.triage.language import review_language
from tests.filesources import FileShop, review


@pytest.fixture(params=[True, False], ids=["with-py3langid", "built-in-only"])
def second_opinion(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run with the optional second opinion, and as the default install (without it)."""
    monkeypatch.setattr(_langid, "enabled", request.param and _langid.available())
    return bool(request.param)


def _by_id(db: Location) -> dict[str, Review]:
    return {r.external_id: r for r in iter_reviews(connect(db), ReviewFilter())}


def test_language_is_detected_for_every_review_not_only_flagged_ones(
    tmp_path: Path, second_opinion: bool
) -> None:
    shop = FileShop(tmp_path)
    shop.write(
        [
            # Google Play sends the phone's locale: the text is Spanish.
            review("es", 5, text="Muy buena aplicación, la uso todos los días.", lang="en"),
            review("hant", 1, text="這個東西很爛，客服也沒回", lang="zh"),
            review("hans", 4, text="这个东西很好，客服也很快回复", lang="zh-CN"),
            review("de", 2, text="Die Lieferung kam viel zu spät und niemand antwortet."),
            # Too short to tell: the platform's field, as before.
            review("short", 5, text="ok", lang="fr-FR"),
            review("none", 5, text="👍"),
        ]
    )
    shop.poll()
    stored = _by_id(shop.db)
    languages = {key: r.language for key, r in stored.items()}
    assert languages == {
        "es": "es",
        "hant": "zh-Hant",
        "hans": "zh-Hans",
        "de": "de",
        "short": "fr",
        "none": None,
    }
    spanish = review_to_dict(stored["es"])
    assert (spanish["language"], spanish["language_hint"]) == ("es", "en")


def test_an_edit_detects_the_language_again(tmp_path: Path) -> None:
    shop = FileShop(tmp_path)
    shop.write([review("a", 4, text="Very good tea, fast delivery, thank you.")])
    shop.poll()
    shop.write([review("a", 1, text="Le thé est arrivé en retard et la boîte était cassée.")])
    shop.poll()
    assert _by_id(shop.db)["a"].language == "fr"


def test_lang_filter_finds_both_ways_of_writing_chinese(tmp_path: Path) -> None:
    shop = FileShop(tmp_path)
    shop.write(
        [
            review("hant", 1, text="這個東西很爛，客服也沒回"),
            review("hans", 1, text="这个东西很烂，客服也没回"),
            review("en", 1, text="The parcel never arrived and nobody answers."),
        ]
    )
    shop.poll()
    conn = connect(shop.db)

    def found(code: str) -> set[str]:
        return {r.external_id for r in iter_reviews(conn, ReviewFilter(language=code))}

    assert found("zh") == {"hant", "hans"}
    assert found("zh-Hant") == {"hant"}
    assert found("ZH_hans") == {"hans"}
    assert found("en") == {"en"}


def test_the_migration_detects_the_language_of_reviews_stored_before(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None, factory=SqliteConnection)
    before = next(i for i, (name, _) in enumerate(MIGRATIONS) if name.startswith("detect the lang"))
    for number, (_name, step) in enumerate(MIGRATIONS[:before], start=1):
        step(raw)
        raw.execute(f"PRAGMA user_version = {number}")
    raw.execute("INSERT INTO sources (id, name, kind, platform) VALUES (1, 's', 'json_file', 'x')")
    rows = [
        (1, "Muy mala atención, nadie contesta.", "en", "en"),
        (2, "Het pakket kwam beschadigd aan en de klantenservice reageert niet.", "de", "de"),
        (3, "ok", "fr-FR", "fr"),
        (4, None, None, None),
    ]
    for review_id, body, hint, language in rows:
        raw.execute(
            "INSERT INTO reviews (id, source_id, external_id, body, language_hint, language,"
            " first_seen_at, sort_at) VALUES (?, 1, ?, ?, ?, ?, '2026-01-01', '2026-01-01')",
            (review_id, str(review_id), body, hint, language),
        )
    raw.close()
    conn = connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    stored = conn.execute("SELECT id, language, language_hint FROM reviews ORDER BY id").fetchall()
    assert stored == [(1, "es", "en"), (2, "nl", "de"), (3, "fr", "fr-FR"), (4, None, None)]


@pytest.mark.parametrize(
    ("title", "body", "hint", "expected"),
    [
        ("Broke in a week", "The handle came off after two uses.", "de-DE", "en"),
        (None, "Ļoti nelaipna apkalpošana, tēja bija auksta.", None, "lv"),
        (None, "   ", "it", "it"),
        (None, None, None, None),
        ("一週間で壊れました", None, "en", "ja"),
    ],
)
def test_review_language(
    title: str | None, body: str | None, hint: str | None, expected: str | None
) -> None:
    assert review_language(title, body, hint) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.none(), st.text(max_size=40)),
    st.one_of(st.none(), st.text(max_size=200)),
    st.one_of(st.none(), st.sampled_from(["en", "zh_TW", "pt-BR", "", "x"]), st.text(max_size=6)),
)
def test_review_language_never_raises(
    title: str | None, body: str | None, hint: str | None
) -> None:
    found = review_language(title, body, hint)
    assert found is None or (found and found == found.strip())


def test_an_edit_too_short_to_tell_keeps_the_platforms_field(tmp_path: Path) -> None:
    shop = FileShop(tmp_path)
    shop.write([review("a", 4, text="Sehr guter Tee, schnelle Lieferung.", lang="fr-FR")])
    shop.poll()
    assert _by_id(shop.db)["a"].language == "de"
    shop.write([review("a", 1, text="ok", lang="fr-FR")])
    shop.poll()
    assert _by_id(shop.db)["a"].language == "fr"
