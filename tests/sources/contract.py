"""The contract every source kind's tests inherit.

A subclass plays the platform: `install` registers routes on a real loopback HTTP server that
render a `Catalogue` in the platform's documented shapes (including its token endpoint), and
`source_table` returns the `[[sources]]` table that points the kind at that server. The tests
here then drive real polls through the real store and check what came out.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest

from reviewwatch.config import load_config
from reviewwatch.errors import SourceError
from reviewwatch.location import Location, parse_location
from reviewwatch.models import PollReport
from reviewwatch.poll import build_sources, run_poll
from reviewwatch.sources.base import Secret
from reviewwatch.sources.http import new_client
from reviewwatch.stats import compute_stats
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.engines import ENGINES, store_location
from tests.loopback import LoopbackServer, Response

# Relative to now: kinds with a date filter ask for "since the last poll, less a margin", so a
# fixed date would drift out of their window as the calendar moves on.
# Request headers that carry no credential.
BENIGN_HEADERS = frozenset(
    {
        "host",
        "user-agent",
        "accept",
        "accept-encoding",
        "accept-language",
        "connection",
        "content-type",
        "content-length",
    }
)
BASE_TIME = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=12)


@dataclass
class FakeReview:
    id: str
    rating: int
    title: str | None = "A title"
    body: str | None = "Some text"
    author: str | None = "Jane Doe"
    created: datetime = BASE_TIME
    reply: str | None = None
    reply_at: datetime | None = None  # when the platform says the reply was made


@dataclass
class Catalogue:
    """The platform's reviews; renderers list them newest first."""

    reviews: list[FakeReview] = field(default_factory=list)
    malformed: set[str] = field(default_factory=set)
    extra_fields: dict[str, Any] = field(default_factory=dict)
    _counter: int = 0

    def add(self, rating: int = 4, **values: Any) -> FakeReview:
        self._counter += 1
        review = FakeReview(
            id=values.pop("id", f"r{self._counter:04d}"),
            rating=rating,
            created=values.pop("created", BASE_TIME + timedelta(minutes=10 * self._counter)),
            **values,
        )
        self.reviews.append(review)
        return review

    def edit(self, review_id: str, **changes: Any) -> None:
        self.reviews = [
            replace(review, **changes) if review.id == review_id else review
            for review in self.reviews
        ]

    def remove(self, review_id: str) -> None:
        self.reviews = [review for review in self.reviews if review.id != review_id]

    def newest_first(self, since: datetime | None = None) -> list[FakeReview]:
        listed = sorted(self.reviews, key=lambda review: review.created, reverse=True)
        return [review for review in listed if since is None or review.created >= since]


class SourceContract:
    """Subclass, set the class attributes, implement `install` and `source_table`."""

    kind: ClassVar[str]
    page_size: ClassVar[int] = 3
    # Path of the listing endpoint (requests to it are counted).
    list_path: ClassVar[str]
    # Kinds whose platform issues short-lived tokens get a fresh one after a 401.
    refreshes_token: ClassVar[bool] = False
    # The token endpoint, if the platform has one (its POSTs are not replies).
    token_path: ClassVar[str | None] = None
    # A kind whose platform needs other ids or dates replaces the catalogue with a subclass.
    catalogue_class: ClassVar[type[Catalogue]] = Catalogue

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        raise NotImplementedError

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        raise NotImplementedError

    def check_reply_request(self, request: Any, external_id: str, text: str) -> None:
        """Assert that a posted reply request carries the text the way the platform wants."""
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------------

    @pytest.fixture
    def catalogue(self, server: LoopbackServer) -> Catalogue:
        catalogue = self.catalogue_class()
        for rating in (5, 4, 1, 3, 5, 2, 4):
            catalogue.add(rating)
        self.install(server, catalogue)
        return catalogue

    @pytest.fixture
    def config_path(self, server: LoopbackServer, tmp_path: Path) -> Path:
        table = {"name": "platform", "kind": self.kind, **self.source_table(server, tmp_path)}
        return write_config(tmp_path, [table])

    @pytest.fixture(params=ENGINES)
    def store(self, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Location]:
        """The store on each engine in turn, for the tests that write and flag."""
        with store_location(request.param, tmp_path) as location:
            yield parse_location(location, {}, "--db")

    def poll(self, config_path: Path, db_path: Location, *, full: bool = False) -> PollReport:
        return run_poll(load_config(config_path), db_path, full=full, retry=FAST_RETRY)

    def list_requests(self, server: LoopbackServer) -> int:
        return len(server.requests_to(self.list_path))

    # -- the contract ------------------------------------------------------------------------

    def test_first_poll_is_a_baseline(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, store: Location
    ) -> None:
        report = self.poll(config_path, store)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7
        assert report.flagged == () and report.new == ()
        conn = connect(store)
        try:
            stored = {r.external_id: r for r in iter_reviews(conn, ReviewFilter())}
        finally:
            conn.close()
        assert set(stored) == {review.id for review in catalogue.reviews}
        assert sum(review.flagged for review in stored.values()) == 2
        assert self.list_requests(server) >= 3  # seven reviews, three to a page

    def test_steady_state_poll_costs_one_request(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.poll(config_path, db_path)
        before = self.list_requests(server)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert (report.new, report.updated, report.flagged) == ((), (), ())
        assert self.list_requests(server) - before == 1

    def test_new_and_edited_reviews_are_reported_and_flagged(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, store: Location
    ) -> None:
        self.poll(config_path, store)
        fresh = catalogue.add(1, body="Arrived broken")
        newest_old = catalogue.newest_first()[1]
        catalogue.edit(newest_old.id, rating=1, body="Changed my mind: it broke")
        report = self.poll(config_path, store)
        assert report.sources[0].ok, report.sources[0].error
        assert [review.external_id for review in report.new] == [fresh.id]
        assert [review.external_id for review in report.updated] == [newest_old.id]
        assert {review.external_id for review in report.flagged} == {fresh.id, newest_old.id}
        edited = report.updated[0]
        assert edited.version == 2 and edited.rating == 1

    def test_full_poll_walks_every_page_and_marks_removed(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, store: Location
    ) -> None:
        """A full walk reads every page; a review gone from a complete listing is marked
        removed, while a windowed listing (removal_detectable False) marks nothing."""
        self.poll(config_path, store)
        gone = catalogue.newest_first()[-1]
        catalogue.remove(gone.id)
        report = self.poll(config_path, store, full=True)
        assert report.sources[0].ok, report.sources[0].error
        assert report.sources[0].fetched == 6  # every page was read, not just the first
        detectable = type(
            build_sources(load_config(config_path).sources, None, FAST_RETRY)[0]
        ).removal_detectable
        conn = connect(store)
        try:
            removed = [r for r in iter_reviews(conn, ReviewFilter()) if r.removed_at is not None]
        finally:
            conn.close()
        expected = [gone.id] if detectable else []
        assert [review.external_id for review in removed] == expected
        assert report.sources[0].removed == len(expected)

    def test_unknown_extra_fields_are_ignored(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        catalogue.extra_fields["fieldFromTheFuture"] = {"nested": [1, 2, 3]}
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7

    def test_missing_optional_fields_are_stored_as_empty(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        bare = catalogue.add(2, title=None, body=None, author=None)
        self.poll(config_path, db_path)
        conn = connect(db_path)
        stored = next(r for r in iter_reviews(conn, ReviewFilter()) if r.external_id == bare.id)
        assert (stored.title, stored.body, stored.author, stored.rating) == (None, None, None, 2)

    def test_a_malformed_record_is_reported_and_the_rest_stored(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        broken = catalogue.newest_first()[2]
        catalogue.malformed.add(broken.id)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 6
        assert len(report.problems) == 1
        assert report.problems[0].source == "platform" and report.problems[0].reason

    def test_a_refused_credential_is_handled(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """A token refused mid-walk is renewed once; a refused static key is a clear failure.

        The refusal comes on the second page for token kinds: a token minted a moment ago and
        refused at once is a wrong credential, and renewing it would not help.
        """
        after = 1 if self.refreshes_token else 0
        server.fail_next(
            Response(401, {"error": "token expired"}), path=self.list_path, after=after
        )
        report = self.poll(config_path, db_path)
        if self.refreshes_token:
            assert report.sources[0].ok, report.sources[0].error
            assert report.baseline == 7
            assert self.token_path and len(server.requests_to(self.token_path)) == 2
        else:
            assert not report.sources[0].ok
            assert "credentials" in (report.sources[0].error or "")

    def test_429_waits_as_told_then_succeeds(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        server.fail_next(
            Response(429, {"error": "slow down"}, {"Retry-After": "1"}), path=self.list_path
        )
        started = time.monotonic()
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert time.monotonic() - started >= 0.9
        assert report.baseline == 7

    def test_a_server_error_is_retried(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        server.fail_next(Response(503, "<html>busy</html>"), path=self.list_path)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7

    def test_a_persistent_server_error_fails_only_this_source(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        server.fail_next(Response(500, "oops"), times=10, path=self.list_path)
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        assert "500" in (report.sources[0].error or "")

    def test_a_reply_is_posted_as_the_platform_wants(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        config = load_config(config_path)
        source_class = type(build_sources(config.sources, None, FAST_RETRY)[0])
        if not source_class.can_reply:
            pytest.skip(f"{self.kind} has no reply API")
        self.poll(config_path, db_path)
        target = catalogue.newest_first()[0]
        text = "Thank you for telling us. We are sorry and will make it right."

        async def post() -> None:
            async with new_client() as client:
                source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
                await source.post_reply(external_id=target.id, text=text)
                if source.max_reply_chars:
                    with pytest.raises(SourceError):
                        await source.post_reply(
                            external_id=target.id, text="x" * (source.max_reply_chars + 1)
                        )

        asyncio.run(post())
        posted = [
            request
            for request in server.requests
            if request.method in ("POST", "PUT", "PATCH") and request.path != self.token_path
        ]
        # Exactly one: the over-long reply was refused before anything was sent.
        assert len(posted) == 1, [request.path for request in posted]
        self.check_reply_request(posted[0], target.id, text)

    # -- hostile hosts and records (the same guarantees for every network kind) -------------

    # Kinds whose platform says when a reply was made.
    reply_time: ClassVar[bool] = False

    def test_a_reply_made_on_the_platform_keeps_the_platform_time(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """Replies made outside reviewwatch count in time-to-reply from when they were made,
        not from the poll that saw them."""
        if not self.reply_time:
            pytest.skip(f"{self.kind} does not say when a reply was made")
        self.poll(config_path, db_path)
        fresh = catalogue.add(1, body="Broken on arrival")
        self.poll(config_path, db_path)
        made = (BASE_TIME + timedelta(hours=3)).replace(microsecond=0)
        catalogue.edit(fresh.id, reply="Sorry, a new one is on its way", reply_at=made)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        conn = connect(db_path)
        replied = next(
            review.replied_at
            for review in iter_reviews(conn, ReviewFilter())
            if review.external_id == fresh.id
        )
        assert replied == made
        # Made before reviewwatch first saw the review: counted, as no measurable time.
        assert compute_stats(conn).median_hours_to_reply == 0.0

    # Kinds whose platform sends text as JSON can carry half a surrogate pair (`"\ud83d"`).
    json_text: ClassVar[bool] = True

    def hostile_poll(
        self,
        server: LoopbackServer,
        tmp_path: Path,
        db_path: Path,
        *,
        settings: dict[str, Any] | None = None,
        **table: Any,
    ) -> PollReport:
        """A poll of this kind beside a local file source that must not suffer for it."""
        (tmp_path / "local.json").write_text('[{"id": "l1", "stars": 1, "text": "Broken"}]')
        local = {
            "name": "local",
            "kind": "json_file",
            "path": str(tmp_path / "local.json"),
            "fields": {"id": "id", "rating": "stars", "body": "text"},
        }
        platform = {
            "name": "platform",
            "kind": self.kind,
            **self.source_table(server, tmp_path),
            **table,
        }
        config = load_config(write_config(tmp_path, [local, platform], settings=settings))
        return run_poll(config, db_path, retry=FAST_RETRY)

    @pytest.mark.parametrize("redirected", ["every request", "the listing"])
    def test_a_redirect_to_another_host_sends_it_nothing(
        self,
        server: LoopbackServer,
        catalogue: Catalogue,
        tmp_path: Path,
        db_path: Path,
        redirected: str,
    ) -> None:
        elsewhere = LoopbackServer().start()
        try:
            path = None if redirected == "every request" else self.list_path
            for status in (307, 302):
                server.fail_next(
                    Response(status, b"", {"Location": elsewhere.url("/steal")}),
                    times=10,
                    path=path,
                )
                report = self.hostile_poll(server, tmp_path, db_path)
                platform = {source.name: source for source in report.sources}["platform"]
                assert not platform.ok
                assert "another host" in (platform.error or "")
                assert elsewhere.base_url.removeprefix("http://") in (platform.error or "")
                assert elsewhere.requests == []
                server._faults.clear()
        finally:
            elsewhere.stop()

    def test_a_redirected_reply_is_not_sent_again(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        config = load_config(config_path)
        if not type(build_sources(config.sources, None, FAST_RETRY)[0]).can_reply:
            pytest.skip(f"{self.kind} has no reply API")
        self.poll(config_path, db_path)
        target = catalogue.newest_first()[0]
        elsewhere = LoopbackServer().start()
        try:
            for location in (elsewhere.url("/steal"), server.url("/same-host")):
                server.fail_next(Response(307, b"", {"Location": location}), times=10)

                async def post() -> None:
                    async with new_client() as client:
                        source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
                        await source.post_reply(external_id=target.id, text="Thank you.")

                with pytest.raises(SourceError, match="redirected"):
                    asyncio.run(post())
                server._faults.clear()
            assert elsewhere.requests == []
            assert server.requests_to("/same-host") == []
        finally:
            elsewhere.stop()

    def test_an_echoed_credential_is_scrubbed_from_the_error_and_the_database(
        self, server: LoopbackServer, catalogue: Catalogue, tmp_path: Path, db_path: Path
    ) -> None:
        sent: list[str] = []

        def echo(request: Any) -> Response:
            for name, value in request.headers.items():
                if name.lower() not in BENIGN_HEADERS:
                    sent.append(value.split(" ", 1)[-1] if " " in value else value)
            for name, values in request.query.items():
                if any(word in name.lower() for word in ("token", "secret", "password")):
                    sent.extend(values)
            return Response(400, {"error": f"invalid credential {' '.join(sent)}"})

        for method, path in list(server.routes):
            if path == self.list_path:
                server.route(method, path, echo)
        report = self.hostile_poll(server, tmp_path, db_path)
        platform = {source.name: source for source in report.sources}["platform"]
        assert not platform.ok and "invalid credential" in (platform.error or "")
        stored = (
            connect(db_path)
            .execute("SELECT last_error FROM sources WHERE name = 'platform'")
            .fetchone()[0]
        )
        secrets = [value for value in sent if len(value) >= 4]
        config = load_config(
            write_config(
                tmp_path, [{"name": "p", "kind": self.kind, **self.source_table(server, tmp_path)}]
            )
        )
        secrets += [
            value.reveal()
            for option in config.sources[0].options.values()
            for value in (option.values() if isinstance(option, dict) else (option,))
            if isinstance(value, Secret) and len(value.reveal()) >= 4
        ]
        if not secrets:
            pytest.skip(f"{self.kind} reads a public listing without credentials")
        for secret in secrets:
            assert secret not in (platform.error or "")
            assert secret not in stored

    def test_a_dripping_host_costs_at_most_the_source_deadline(
        self, server: LoopbackServer, catalogue: Catalogue, tmp_path: Path, db_path: Path
    ) -> None:
        server.fail_next(
            Response(
                200,
                b'{"x": "' + b"a" * 200 + b'"}',
                {"Content-Type": "application/json"},
                drip=0.05,
            ),
            times=20,
            path=self.list_path,
        )
        started = time.monotonic()
        report = self.hostile_poll(
            server, tmp_path, db_path, settings={"source_deadline": 2}, timeout=0.4
        )
        took = time.monotonic() - started
        sources = {source.name: source for source in report.sources}
        assert not sources["platform"].ok
        assert "timed out" in (sources["platform"].error or "") or "deadline" in (
            sources["platform"].error or ""
        )
        assert sources["local"].ok
        assert took < 2 + 1.5

    @pytest.mark.parametrize(
        "answer",
        [
            Response(200, b"not gzip at all", {"Content-Encoding": "gzip"}),
            Response(200, b"[" * 100_000, {"Content-Type": "application/json"}),
            Response(302, b"", {"Location": "/loop"}),
            Response(302, b"", {"Location": "http://127.0.0.1:99999/x"}),
        ],
        ids=["bad gzip", "deep json", "redirect loop", "port out of range"],
    )
    def test_a_broken_answer_fails_only_this_source(
        self,
        server: LoopbackServer,
        catalogue: Catalogue,
        tmp_path: Path,
        db_path: Path,
        answer: Response,
    ) -> None:
        server.fail_next(answer, times=10, path=self.list_path)
        server.route("GET", "/loop", lambda request: Response(302, b"", {"Location": "/loop"}))
        report = self.hostile_poll(server, tmp_path, db_path)
        sources = {source.name: source for source in report.sources}
        assert not sources["platform"].ok and sources["platform"].error
        assert "\n" not in sources["platform"].error
        assert sources["local"].ok and report.poll_id

    def test_half_an_emoji_is_a_reported_skip(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        if not self.json_text:
            pytest.skip(f"{self.kind} answers in a byte format that cannot hold half a pair")
        bad = [
            catalogue.add(1, body="Terrible \ud83d service"),
            catalogue.add(1, body="Half \udc00 a pair"),
        ]
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert len(report.problems) == 2
        assert all("surrogate" in problem.reason for problem in report.problems)
        stored = {review.external_id for review in iter_reviews(connect(db_path), ReviewFilter())}
        assert stored and not stored & {review.id for review in bad}
        assert report.baseline == len(stored)

    def test_a_listing_cut_off_at_the_page_cap_says_so(
        self,
        server: LoopbackServer,
        catalogue: Catalogue,
        config_path: Path,
        db_path: Path,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        source_class = type(build_sources(load_config(config_path).sources, None, FAST_RETRY)[0])
        module = sys.modules[source_class.__module__]
        if not hasattr(module, "MAX_PAGES") or source_class.kind == "app_store_rss":
            pytest.skip(f"{self.kind} has no page cap of its own (the platform bounds it)")
        monkeypatch.setattr(module, "MAX_PAGES", 1)
        report = self.poll(config_path, db_path, full=True)
        assert report.sources[0].ok, report.sources[0].error
        assert any("stopped at 1 pages" in warning for warning in report.sources[0].warnings)
