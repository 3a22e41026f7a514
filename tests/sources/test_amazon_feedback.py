"""`amazon_feedback` against a loopback SP-API (LWA, Reports API, document storage) and from
downloaded report files: the contract, plus the report flow's own ways."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewwatch.config import load_config
from reviewwatch.errors import BadResponseError
from reviewwatch.location import Location
from reviewwatch.models import FetchedReview, Page
from reviewwatch.poll import build_sources, run_poll
from reviewwatch.sources._amazon import MAX_STATUS_CHECKS, decode_report, gunzip
from reviewwatch.sources.amazon_feedback import (
    AmazonFeedbackSource,
    ReportReader,
    parse_report_date,
)
from reviewwatch.sources.base import Secret, SourceConfig
from reviewwatch.sources.http import SourceHttp
from reviewwatch.sources.normalise import RecordError
from reviewwatch.store import ReviewFilter, connect, iter_reviews
from tests.conftest import FAST_RETRY, write_config
from tests.loopback import LoopbackServer, Request, Response
from tests.sources.contract import Catalogue, FakeReview, SourceContract
from tests.sources.helpers import poll_sources

TOKEN_PATH = "/auth/o2/token"
REPORTS = "/reports/2021-06-30/reports"
DOCUMENTS = "/reports/2021-06-30/documents"
CLIENT_ID = "amzn1.application-oa2-client.0123"
CLIENT_SECRET = "client-secret-9f8e7d"
REFRESH_TOKEN = "Atzr|refresh-token-5a4b3c"
MARKETPLACE = "ATVPDKIKX0DER"
SECRETS = (CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN)
# The wider layout client libraries and scrapers report; the parser must not rely on the order.
HEADER = [
    "Date",
    "Rating",
    "Comments",
    "Your Response",
    "Arrived on Time",
    "Item as Described",
    "Customer Service",
    "Order ID",
    "Rater Email",
    "Rater Role",
]
# Reviews dated within the last day, so that the date range a poll asks for holds them.
RECENT = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)


class RecentCatalogue(Catalogue):
    """The contract's catalogue with recent dates: Amazon filters reports by date."""

    def add(self, rating: int = 4, **values: Any) -> FakeReview:
        values.setdefault("created", RECENT + timedelta(hours=self._counter + 1))
        return super().add(rating, **values)


def email_of(order_id: str) -> str:
    return f"{order_id.lower()}-buyer@marketplace.amazon.com"


def us_date(moment: datetime) -> str:
    return f"{moment.month}/{moment.day}/{moment:%y}"


def render_report(reviews: list[FakeReview], catalogue: Catalogue) -> str:
    lines = ["\t".join(HEADER + list(catalogue.extra_fields))]
    for review in reviews:
        rating = "lots" if review.id in catalogue.malformed else str(review.rating)
        cells = [us_date(review.created), rating, review.body or "", review.reply or ""]
        cells += ["Yes", "Yes", "", review.id, email_of(review.id), "Buyer"]
        cells += [json.dumps(value) for value in catalogue.extra_fields.values()]
        lines.append("\t".join(cells))
    return "\r\n".join(lines) + "\r\n"


class FakeSellingPartner:
    """Login with Amazon plus the Reports API, and a storage host for report documents."""

    def __init__(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        self.server = server
        self.catalogue = catalogue
        self.issued: list[str] = []
        self.reports: dict[str, dict[str, Any]] = {}
        self.statuses = ["DONE"]  # each report walks through these; the last one repeats
        self.compressed = True
        self.encoding = "utf-8"

    def install(self) -> None:
        self.server.route("POST", TOKEN_PATH, self.token)
        self.server.route("POST", REPORTS, self.create)

    def token(self, request: Request) -> Response:
        form = {key: values[0] for key, values in parse_qs(request.body.decode()).items()}
        if form.get("grant_type") != "refresh_token":
            return Response(400, {"error": "unsupported_grant_type"})
        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return Response(401, {"error": "invalid_client", "error_description": "Unknown"})
        if form.get("refresh_token") != REFRESH_TOKEN:
            return Response(400, {"error": "invalid_grant", "error_description": "Bad grant"})
        self.issued.append(f"Atza|access-{len(self.issued) + 1}")
        return Response(
            200, {"access_token": self.issued[-1], "token_type": "bearer", "expires_in": 3600}
        )

    def refused(self, request: Request) -> Response | None:
        if request.header("x-amz-access-token") in self.issued:
            return None
        return Response(403, {"errors": [{"code": "Unauthorized", "message": "Access denied"}]})

    def create(self, request: Request) -> Response:
        if (problem := self.refused(request)) is not None:
            return problem
        body = request.json()
        assert body["reportType"] == "GET_SELLER_FEEDBACK_DATA"
        report_id = f"REPORT-{len(self.reports) + 1}"
        self.reports[report_id] = {"body": body, "checks": 0}
        self.server.route("GET", f"{REPORTS}/{report_id}", self.status_of(report_id))
        return Response(202, {"reportId": report_id})

    def status_of(self, report_id: str) -> Callable[[Request], Response]:
        def status(request: Request) -> Response:
            if (problem := self.refused(request)) is not None:
                return problem
            report = self.reports[report_id]
            report["checks"] += 1
            state = self.statuses[min(report["checks"], len(self.statuses)) - 1]
            answer = {
                "reportId": report_id,
                "reportType": "GET_SELLER_FEEDBACK_DATA",
                "marketplaceIds": report["body"]["marketplaceIds"],
                "createdTime": "2026-11-21T10:00:00+00:00",
                "processingStatus": state,
            }
            if state == "DONE":
                answer["reportDocumentId"] = f"DOC-{report_id}"
                self.server.route(
                    "GET", f"{DOCUMENTS}/DOC-{report_id}", self.document_of(report_id)
                )
            return Response(200, answer)

        return status

    def document_of(self, report_id: str) -> Callable[[Request], Response]:
        def document(request: Request) -> Response:
            if (problem := self.refused(request)) is not None:
                return problem
            path = f"/storage/DOC-{report_id}.txt"
            self.server.route("GET", path, self.download_of(report_id))
            answer = {
                "reportDocumentId": f"DOC-{report_id}",
                "url": self.server.url(path + "?X-Amz-Signature=sig"),
            }
            if self.compressed:
                answer["compressionAlgorithm"] = "GZIP"
            return Response(200, answer)

        return document

    def download_of(self, report_id: str) -> Callable[[Request], Response]:
        def download(request: Request) -> Response:
            start = self.reports[report_id]["body"].get("dataStartTime")
            since = datetime.fromisoformat(start.replace("Z", "+00:00")) if start else None
            text = render_report(self.catalogue.newest_first(since), self.catalogue)
            content = text.encode(self.encoding)
            if self.compressed:
                content = gzip.compress(content)
            headers = {"Content-Type": f"text/plain;charset={self.encoding}"}
            return Response(200, content, headers)

        return download


def flow_counts(server: LoopbackServer) -> dict[str, int]:
    """Requests per step of the report flow."""
    paths = [request.path for request in server.requests]
    return {
        "token": paths.count(TOKEN_PATH),
        "create": paths.count(REPORTS),
        "status": sum(p.startswith(REPORTS + "/") for p in paths),
        "document": sum(p.startswith(DOCUMENTS + "/") for p in paths),
        "download": sum(p.startswith("/storage/") for p in paths),
    }


class TestAmazonFeedbackContract(SourceContract):
    kind = "amazon_feedback"
    list_path = REPORTS
    json_text = False  # a report is a TSV file
    token_path = TOKEN_PATH
    refreshes_token = True
    catalogue_class = RecentCatalogue

    def install(self, server: LoopbackServer, catalogue: Catalogue) -> None:
        self.fake = FakeSellingPartner(server, catalogue)
        self.fake.install()

    def source_table(self, server: LoopbackServer, folder: Path) -> dict[str, Any]:
        return {
            "base_url": server.base_url,
            "token_url": server.url(TOKEN_PATH),
            "refresh_token": REFRESH_TOKEN,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "marketplace_ids": [MARKETPLACE],
            "report_poll_seconds": 0,
        }

    # -- contract tests that do not fit a report ----------------------------------------------

    def test_first_poll_is_a_baseline(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Location
    ) -> None:
        """A report is one document, not pages: the baseline is one pass of the report flow
        (token, createReport, getReport, getReportDocument, download) however many reviews."""
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7
        assert report.flagged == () and report.new == ()
        stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
        assert set(stored) == {review.id for review in catalogue.reviews}
        assert sum(review.flagged for review in stored.values()) == 2
        assert all(review.order_id == review.external_id for review in stored.values())
        assert flow_counts(server) == {
            "token": 1,
            "create": 1,
            "status": 1,
            "document": 1,
            "download": 1,
        }

    def test_steady_state_poll_costs_one_request(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """The least a report can cost is four requests after the token: create, one status
        check, the document's URL and the download. A later poll asks only for the days since
        the last one (less a 48-hour overlap)."""
        first = self.poll(config_path, db_path)
        assert first.sources[0].ok
        before = flow_counts(server)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert (report.new, report.updated, report.flagged) == ((), (), ())
        after = flow_counts(server)
        assert {key: after[key] - before[key] for key in after} == {
            "token": 1,
            "create": 1,
            "status": 1,
            "document": 1,
            "download": 1,
        }
        starts = [report["body"]["dataStartTime"] for report in self.fake.reports.values()]
        first_start, second_start = (
            datetime.fromisoformat(s.replace("Z", "+00:00")) for s in starts
        )
        now = datetime.now(UTC)
        assert abs((now - first_start) - timedelta(days=365)) < timedelta(minutes=5)
        assert abs((now - second_start) - timedelta(hours=48)) < timedelta(minutes=5)

    def test_a_refused_credential_is_handled(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        """The 401 lands on createReport, the poll's first SP-API call, made with a token LWA
        issued a moment before. The token cache does not renew a token it has just minted (a
        new one would be refused too), so the poll fails and says the credentials were
        refused. A 401 on a token already in use is renewed: see the next two tests."""
        server.fail_next(Response(401, {"error": "token expired"}), path=self.list_path)
        report = self.poll(config_path, db_path)
        error = report.sources[0].error or ""
        assert not report.sources[0].ok
        assert "credentials" in error and "createReport" in error
        assert not any(secret in error for secret in SECRETS)
        assert flow_counts(server)["token"] == 1

    # -- the token ---------------------------------------------------------------------------

    def test_a_401_on_get_report_renews_the_token(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        server.fail_next(Response(401, {"errors": []}), path=f"{REPORTS}/REPORT-1")
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert report.baseline == 7
        assert self.fake.issued == ["Atza|access-1", "Atza|access-2"]
        retried = server.requests_to(f"{REPORTS}/REPORT-1")[-1]
        assert retried.header("x-amz-access-token") == "Atza|access-2"

    def test_a_401_on_create_report_with_a_cached_token_renews_it(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path
    ) -> None:
        config = load_config(config_path)

        async def twice() -> list[list[Page]]:
            async with httpx.AsyncClient() as client:
                source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
                first = [page async for page in source.fetch(since=None)]
                server.fail_next(Response(401, {"errors": []}), path=REPORTS)
                second = [page async for page in source.fetch(since=None)]
                return [first, second]

        first, second = asyncio.run(twice())
        assert sum(len(page.reviews) for page in second) == 7 == sum(len(p.reviews) for p in first)
        assert self.fake.issued == ["Atza|access-1", "Atza|access-2"]
        creates = server.requests_to(REPORTS)
        assert [r.header("x-amz-access-token") for r in creates] == [
            "Atza|access-1",
            "Atza|access-1",
            "Atza|access-2",
        ]

    def test_a_refused_refresh_token_says_what_to_fix(
        self, server: LoopbackServer, catalogue: Catalogue, tmp_path: Path, db_path: Path
    ) -> None:
        table = {**self.source_table(server, tmp_path), "refresh_token": "Atzr|revoked"}
        config = load_config(
            write_config(tmp_path, [{"name": "amazon", "kind": self.kind, **table}])
        )
        report = run_poll(config, db_path, retry=FAST_RETRY)
        error = report.sources[0].error or ""
        assert not report.sources[0].ok
        assert "invalid_grant" in error and "`refresh_token`" in error
        assert "Atzr|revoked" not in error and not any(secret in error for secret in SECRETS)
        assert flow_counts(server)["create"] == 0

    def test_a_refused_client_says_what_to_fix(
        self, server: LoopbackServer, catalogue: Catalogue, tmp_path: Path, db_path: Path
    ) -> None:
        table = {**self.source_table(server, tmp_path), "client_secret": "wrong"}
        config = load_config(
            write_config(tmp_path, [{"name": "amazon", "kind": self.kind, **table}])
        )
        report = run_poll(config, db_path, retry=FAST_RETRY)
        assert "invalid_client" in (report.sources[0].error or "")

    # -- the report flow ---------------------------------------------------------------------

    def test_the_report_is_asked_for_as_documented(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.poll(config_path, db_path)
        token_request = server.requests_to(TOKEN_PATH)[0]
        form = {key: values[0] for key, values in parse_qs(token_request.body.decode()).items()}
        assert form == {
            "grant_type": "refresh_token",
            "refresh_token": REFRESH_TOKEN,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        }
        create = server.requests_to(REPORTS)[0].json()
        assert create["reportType"] == "GET_SELLER_FEEDBACK_DATA"
        assert create["marketplaceIds"] == [MARKETPLACE]
        assert create["dataStartTime"].endswith("Z")
        for request in server.requests:
            if request.path.startswith("/reports/"):
                assert request.header("x-amz-access-token") == "Atza|access-1"
            else:
                # The storage URL is pre-signed: the access token must not travel to it.
                assert request.header("x-amz-access-token") is None

    def test_buyer_emails_are_never_stored(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        config = load_config(config_path)

        async def fetch_all() -> list[FetchedReview]:
            async with httpx.AsyncClient() as client:
                source = build_sources(config.sources, lambda: client, FAST_RETRY)[0]
                return [r async for page in source.fetch(since=None) for r in page.reviews]

        fetched = asyncio.run(fetch_all())
        assert len(fetched) == 7
        for review in fetched:
            assert "@" not in repr(review)
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok
        stored = b"".join(path.read_bytes() for path in db_path.parent.glob(db_path.name + "*"))
        assert b"marketplace.amazon.com" not in stored and b"-buyer@" not in stored

    def test_a_slow_report_is_checked_until_done(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.fake.statuses = ["IN_QUEUE", "IN_PROGRESS", "IN_PROGRESS", "DONE"]
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        assert flow_counts(server)["status"] == 4
        assert report.baseline == 7

    def test_a_report_that_never_finishes_is_given_up_for_this_poll(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.fake.statuses = ["IN_PROGRESS"]
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        assert "REPORT-1" in (report.sources[0].error or "")
        assert flow_counts(server)["status"] == MAX_STATUS_CHECKS

    def test_a_fatal_report_is_a_clear_failure(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.fake.statuses = ["IN_PROGRESS", "FATAL"]
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        assert "FATAL" in (report.sources[0].error or "")
        assert flow_counts(server)["document"] == 0

    def test_a_cancelled_report_fails_a_baseline_but_means_nothing_new_later(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.fake.statuses = ["CANCELLED"]
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        assert "no 1-3 star feedback" in (report.sources[0].error or "")
        self.fake.statuses = ["DONE"]
        assert self.poll(config_path, db_path).baseline == 7
        self.fake.statuses = ["CANCELLED"]
        later = self.poll(config_path, db_path)
        assert later.sources[0].ok, later.sources[0].error
        assert later.sources[0].fetched == 0 and later.sources[0].removed == 0

    def test_a_spent_report_quota_is_a_rate_limit(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        server.fail_next(
            Response(429, {"errors": [{"code": "QuotaExceeded"}]}), times=5, path=REPORTS
        )
        report = self.poll(config_path, db_path)
        assert not report.sources[0].ok
        assert "quota for createReport" in (report.sources[0].error or "")

    def test_an_uncompressed_document_in_a_declared_charset_is_read(
        self, server: LoopbackServer, catalogue: Catalogue, config_path: Path, db_path: Path
    ) -> None:
        self.fake.compressed = False
        self.fake.encoding = "cp1252"
        target = catalogue.newest_first()[0]
        catalogue.edit(target.id, body="Caf\u00e9 mug \u2013 chipped")
        report = self.poll(config_path, db_path)
        assert report.sources[0].ok, report.sources[0].error
        stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
        assert stored[target.id].body == "Caf\u00e9 mug \u2013 chipped"


# -- the SP-API host --------------------------------------------------------------------------


def test_the_region_chooses_the_sp_api_host() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.method} {request.url.host}{request.url.path}")
        path = request.url.path
        if path == "/auth/o2/token":
            return httpx.Response(200, json={"access_token": "Atza|x", "expires_in": 3600})
        if path == REPORTS:
            return httpx.Response(202, json={"reportId": "R9"})
        if path == f"{REPORTS}/R9":
            return httpx.Response(200, json={"processingStatus": "DONE", "reportDocumentId": "D9"})
        if path == f"{DOCUMENTS}/D9":
            return httpx.Response(200, json={"url": "https://storage.example/d9?sig=1"})
        return httpx.Response(200, content=b"Date\tRating\tOrder ID\n1/2/26\t1\t111-1\n")

    options = {
        "refresh_token": Secret(REFRESH_TOKEN),
        "client_id": Secret(CLIENT_ID),
        "client_secret": Secret(CLIENT_SECRET),
        "marketplace_ids": ["A1PA6795UKMFR9"],
        "region": "eu",
        "token_url": "https://api.amazon.com/auth/o2/token",
        "report_poll_seconds": 0.0,
        "history_days": 30,
    }
    config = SourceConfig("de", "amazon_feedback", "amazon_feedback", 2, options=options)

    async def run() -> list[Page]:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            source = AmazonFeedbackSource(config, http=SourceHttp(client, source="de"))
            return [page async for page in source.fetch(since=None)]

    pages = asyncio.run(run())
    assert [r.external_id for page in pages for r in page.reviews] == ["111-1"]
    assert seen == [
        "POST api.amazon.com/auth/o2/token",
        f"POST sellingpartnerapi-eu.amazon.com{REPORTS}",
        f"GET sellingpartnerapi-eu.amazon.com{REPORTS}/R9",
        f"GET sellingpartnerapi-eu.amazon.com{DOCUMENTS}/D9",
        "GET storage.example/d9",
    ]


# -- downloaded report files ------------------------------------------------------------------

FILE_REPORT = (
    "\ufeffRater Role\tOrder ID\tRating\tDate\tComments\tArrived on Time\tRater Email\tResponse\r\n"
    'Buyer\t114-1111111-1111111\t1\t2/14/24\t"Broken" and late\tNo\tann@example.com\t\r\n'
    "Buyer\t114-2222222-2222222\t3\t3/1/24\tOK I guess\tYes\tbob@example.com\tSorry, Bob!\r\n"
    "\r\n"
    "Buyer\t114-3333333-3333333\tsoso\t3/2/24\tHmm\tYes\tcat@example.com\t\r\n"
)


def poll_file(folder: Path, db_path: Path, text: str, **table: Any) -> Any:
    report = folder / "Feedback.txt"
    report.write_text(text, encoding="utf-8")
    source = {"name": "amazon", "kind": "amazon_feedback", "path": str(report), **table}
    return poll_sources(folder, db_path, source)


def test_a_downloaded_report_is_read_by_header_name(tmp_path: Path, db_path: Path) -> None:
    report = poll_file(tmp_path, db_path, FILE_REPORT)
    assert report.sources[0].ok, report.sources[0].error
    assert [problem.position for problem in report.problems] == ["row 5"]
    stored = {r.external_id: r for r in iter_reviews(connect(db_path), ReviewFilter())}
    broken = stored["114-1111111-1111111"]
    assert (broken.rating, broken.body, broken.reply) == (1, '"Broken" and late', None)
    assert broken.created_at == datetime(2024, 2, 14, tzinfo=UTC)
    assert broken.author is None and broken.order_id == "114-1111111-1111111"
    assert stored["114-2222222-2222222"].reply == "Sorry, Bob!"
    database = b"".join(path.read_bytes() for path in tmp_path.glob(db_path.name + "*"))
    assert b"@example.com" not in database


def test_a_report_missing_from_a_newer_file_is_not_marked_removed(
    tmp_path: Path, db_path: Path
) -> None:
    poll_file(tmp_path, db_path, FILE_REPORT)
    newer = "Date\tRating\tOrder ID\r\n3/5/24\t2\t114-4444444-4444444\r\n"
    report = poll_file(tmp_path, db_path, newer)
    assert report.sources[0].ok, report.sources[0].error
    assert report.sources[0].removed == 0
    removed = [r for r in iter_reviews(connect(db_path), ReviewFilter()) if r.removed_at]
    assert removed == []


def test_eu_dates_follow_date_format(tmp_path: Path, db_path: Path) -> None:
    text = "Date\tRating\tOrder ID\n13/02/24\t2\t302-1\n01/03/24\t1\t302-2\n"
    report = poll_file(tmp_path, db_path, text, date_format="%d/%m/%y")
    assert report.sources[0].ok, report.sources[0].error
    stored = {r.external_id: r.created_at for r in iter_reviews(connect(db_path), ReviewFilter())}
    assert stored == {
        "302-1": datetime(2024, 2, 13, tzinfo=UTC),
        "302-2": datetime(2024, 3, 1, tzinfo=UTC),
    }


def test_headers_in_another_language_are_named_in_columns(tmp_path: Path, db_path: Path) -> None:
    text = (
        "Datum\tBewertung\tKommentare\tIhre Antwort\tBestellnummer\tE-Mail-Adresse des Bewerters\n"
        "28.03.2024\t2\tZu sp\u00e4t\t\t028-1\tkunde@example.de\n"
    )
    columns = {
        "date": "Datum",
        "rating": "Bewertung",
        "comments": "Kommentare",
        "response": "Ihre Antwort",
        "order_id": "Bestellnummer",
    }
    report = poll_file(tmp_path, db_path, text, date_format="%d.%m.%Y", columns=columns)
    assert report.sources[0].ok, report.sources[0].error
    (stored,) = iter_reviews(connect(db_path), ReviewFilter())
    assert (stored.external_id, stored.body, stored.rating) == ("028-1", "Zu sp\u00e4t", 2)
    assert stored.created_at == datetime(2024, 3, 28, tzinfo=UTC)


def test_a_report_without_an_order_id_column_names_its_columns(
    tmp_path: Path, db_path: Path
) -> None:
    report = poll_file(tmp_path, db_path, "Datum\tBewertung\n1/2/24\t1\n")
    error = report.sources[0].error or ""
    assert not report.sources[0].ok
    assert "'Order ID'" in error and "'Datum'" in error and "`columns`" in error


def test_reviews_come_newest_first_in_pages_with_problems_on_the_first() -> None:
    text = (
        "Date\tRating\tOrder ID\n"
        "1/5/24\t1\tA\n1/7/24\t2\tB\n1/6/24\t3\tC\nnot a date\t1\tD\n1/7/24\t1\tE\n1/1/24\t1\tA\n"
    )
    pages = ReportReader({}, "%m/%d/%y").pages("amazon", text, page_size=2)
    assert [[r.external_id for r in page.reviews] for page in pages] == [["B", "E"], ["C", "A"]]
    reasons = [problem.reason for problem in pages[0].problems]
    assert len(reasons) == 2 and "not a date" in reasons[0] and "twice" in reasons[1]
    assert all(not page.problems for page in pages[1:])


def test_an_empty_report_has_no_pages_and_a_headerless_one_is_refused() -> None:
    assert ReportReader({}, "%m/%d/%y").pages("amazon", "Date\tRating\tOrder ID\n") == []
    with pytest.raises(BadResponseError, match="no header row"):
        ReportReader({}, "%m/%d/%y").pages("amazon", "\n\n")


# -- dates, bytes, options --------------------------------------------------------------------


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_us_and_eu_dates_read_back(day: date) -> None:
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    assert parse_report_date(f"{day.month}/{day.day}/{day:%y}") == midnight
    assert parse_report_date(f"{day:%d/%m/%y}", "%d/%m/%y") == midnight
    assert parse_report_date(f"{day:%d.%m.%Y}", "%d.%m.%Y") == midnight


def test_report_dates_accept_four_digit_years_and_iso() -> None:
    assert parse_report_date("2/14/2024") == datetime(2024, 2, 14, tzinfo=UTC)
    assert parse_report_date("2024-02-14T08:00:00-08:00") == datetime(2024, 2, 14, 16, tzinfo=UTC)
    with pytest.raises(RecordError, match="date_format"):
        parse_report_date("14/2/24")
    with pytest.raises(RecordError, match="empty"):
        parse_report_date("")


def test_gunzip_refuses_a_bomb_and_a_cut_file() -> None:
    packed = gzip.compress(b"x" * 10_000)
    assert gunzip(packed) == b"x" * 10_000
    with pytest.raises(BadResponseError, match="inflates"):
        gunzip(packed, limit=1_000)
    with pytest.raises(BadResponseError, match="cut short"):
        gunzip(packed[:-12])


def test_decoding_prefers_the_declared_charset_then_utf8_then_windows_1252() -> None:
    assert decode_report("Caf\u00e9".encode("cp1252"), "windows-1252") == "Caf\u00e9"
    assert decode_report("\ufeffCaf\u00e9".encode(), None) == "Caf\u00e9"
    assert decode_report("Caf\u00e9".encode("cp1252"), None) == "Caf\u00e9"
    assert decode_report(gzip.compress(b"Date"), None) == "Date"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, "path: give `path`"),
        ({"path": Path("f.txt"), "client_id": Secret("x")}, "not both"),
        ({"client_id": Secret("x"), "client_secret": Secret("y")}, "refresh_token: is required"),
        ({"path": Path("f.txt"), "date_format": "%m"}, "date_format"),
        ({"path": Path("f.txt"), "columns": {"comments": "Rater Email"}}, "never read"),
        (
            {"path": Path("f.txt"), "columns": {"stars": "Rating"}},
            "columns: unknown review field 'stars'; known: date, rating, comments,",
        ),
        (
            {"path": Path("f.txt"), "encoding": "latin-11"},
            "encoding: unknown encoding 'latin-11'; did you mean 'latin-1'?",
        ),
        ({"path": Path("f.txt"), "history_days": 0}, "history_days"),
    ],
)
def test_option_problems_are_named(values: dict[str, Any], expected: str) -> None:
    problems = AmazonFeedbackSource.check_options(values)
    assert any(expected in problem for problem in problems), problems


def test_good_options_have_no_problems() -> None:
    sp_api = {
        "refresh_token": Secret("a"),
        "client_id": Secret("b"),
        "client_secret": Secret("c"),
        "marketplace_ids": [MARKETPLACE],
    }
    assert AmazonFeedbackSource.check_options(sp_api) == []
    assert (
        AmazonFeedbackSource.check_options({"path": Path("f.txt"), "date_format": "%d.%m.%Y"}) == []
    )
