"""`amazon_feedback`: Amazon seller feedback, from a downloaded report or the SP-API.

Both ways read the same tab-separated Seller Feedback report (`GET_SELLER_FEEDBACK_DATA`). Its
columns differ between marketplaces and over the years, so they are found by header name, never
by position. The report also names the buyer's e-mail address: that column is never read.
"""

from __future__ import annotations

import csv
import re
from collections.abc import AsyncGenerator, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar

from reviewwatch.errors import BadResponseError, SourceError
from reviewwatch.models import FetchedReview, Page, utc_now
from reviewwatch.sources._amazon import (
    DEFAULT_TOKEN_URL,
    REGION_HOSTS,
    LwaCredentials,
    ReportsClient,
    decode_report,
    lwa_token_cache,
)
from reviewwatch.sources.base import Option, Source, encoding_problem
from reviewwatch.sources.normalise import (
    RecordError,
    parse_rating,
    parse_time,
    since_with_overlap,
    text_or_none,
)
from reviewwatch.sources.pages import read_records
from reviewwatch.sources.tokens import TokenCache
from reviewwatch.suggest import unknown_name

REPORT_TYPE = "GET_SELLER_FEEDBACK_DATA"
US_DATE_FORMAT = "%m/%d/%y"
PAGE_SIZE = 100
SP_API_KEYS = ("refresh_token", "client_id", "client_secret", "marketplace_ids")
# Header names seen in the wild, compared after `_header_key`. The English layout is documented
# by client libraries (Date, Rating, Comments, Response, Order ID, Rater Email); "Your Response"
# is the name Seller Central shows. Other languages: set `columns`.
COLUMN_ALIASES: Mapping[str, tuple[str, ...]] = {
    "date": ("date",),
    "rating": ("rating",),
    "comments": ("comments", "comment"),
    "response": ("your response", "response"),
    "order_id": ("order id", "orderid", "amazon order id"),
}
COLUMN_TITLES: Mapping[str, str] = {
    "date": "Date",
    "rating": "Rating",
    "comments": "Comments",
    "response": "Your Response",
    "order_id": "Order ID",
}
REQUIRED_COLUMNS = ("date", "rating", "order_id")


class AmazonFeedbackSource(Source):
    """Seller feedback from Amazon's Seller Feedback report.

    With `path`, a report the seller downloaded from Seller Central; with the SP-API keys, a
    fresh report requested from the Reports API at each poll. The order id is the key: Amazon
    takes one feedback per order.
    """

    kind = "amazon_feedback"
    default_platform = "amazon_feedback"
    supports_since = True
    # A report covers a date range only, so feedback missing from a newer report may simply be
    # older than the range: it must not be taken as removed.
    complete_listing = False
    limits = (
        "Reads Amazon's Seller Feedback report, which by Amazon's description holds only 1-3 "
        "star feedback, dated by day, with no buyer names; product reviews are not in it (the "
        "SP-API lists none). With the "
        "SP-API each poll asks Amazon for a new report of the days since the last poll (the "
        "first poll: `history_days`), which can take minutes; with `path` it reads that file "
        "as it is. Replies are made in Seller Central: there is no reply API. A report covers a "
        "date range, so feedback missing from it is not marked removed, except by `poll --full`, "
        "which takes the report as complete: keep `history_days` long enough for that."
    )
    options: ClassVar[Mapping[str, Option]] = {
        "path": Option("path", help="a Seller Feedback report downloaded from Seller Central"),
        "date_format": Option(
            default=US_DATE_FORMAT,
            help="how the report writes dates (strftime codes): %m/%d/%y, the US form, by "
            "default; %d/%m/%y for most EU marketplaces; %d.%m.%Y for amazon.de",
        ),
        "columns": Option(
            "table",
            help="header names when the report is not in English: date, rating, comments, "
            "response, order_id = the column's header",
        ),
        "encoding": Option(help="the file's text encoding (default: UTF-8, else Windows-1252)"),
        "refresh_token": Option(secret=True, help="SP-API: the seller's LWA refresh token"),
        "client_id": Option(secret=True, help="SP-API: the app's LWA client id"),
        "client_secret": Option(secret=True, help="SP-API: the app's LWA client secret"),
        "marketplace_ids": Option("str_list", help="SP-API: e.g. ATVPDKIKX0DER (amazon.com)"),
        "region": Option(
            default="na",
            choices=tuple(REGION_HOSTS),
            help="SP-API host: na, eu or fe (base_url overrides it)",
        ),
        "token_url": Option(default=DEFAULT_TOKEN_URL, help="Login with Amazon's token URL"),
        "history_days": Option(
            "int", default=365, help="SP-API: how many days the first (or a full) poll reads"
        ),
        "report_poll_seconds": Option(
            "float", default=10.0, help="SP-API: seconds between checks on a report's progress"
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._tokens: TokenCache | None = None

    @classmethod
    def check_options(cls, values: Mapping[str, Any]) -> list[str]:
        problems = _check_mode(values)
        date_format = values.get("date_format", US_DATE_FORMAT)
        if isinstance(date_format, str) and not _valid_date_format(date_format):
            problems.append(
                f"date_format: {date_format!r} cannot read back the dates it writes; "
                "use strftime codes such as %m/%d/%y or %d.%m.%Y"
            )
        problems += _check_columns(values.get("columns"))
        wrong_encoding = encoding_problem(values.get("encoding"))
        if wrong_encoding:
            problems.append(f"encoding: {wrong_encoding}")
        if isinstance(values.get("history_days"), int) and values["history_days"] < 1:
            problems.append("history_days: must be at least 1")
        poll_seconds = values.get("report_poll_seconds")
        if isinstance(poll_seconds, float) and poll_seconds < 0:
            problems.append("report_poll_seconds: must not be negative")
        return problems

    async def fetch(self, *, since: datetime | None) -> AsyncGenerator[Page, None]:
        path = self.config.option("path")
        if path is not None:
            text = _read_report_file(Path(path), self.config.option("encoding"))
        else:
            fetched = await self._fetch_report(since)
            if fetched is None:
                return
            text = fetched
        reader = ReportReader(
            self.config.option("columns") or {},
            self.config.option("date_format") or US_DATE_FORMAT,
        )
        for page in reader.pages(self.name, text):
            yield page

    async def _fetch_report(self, since: datetime | None) -> str | None:
        """The report text from the SP-API, or None when Amazon had no feedback to report."""
        if since is not None:
            start = since_with_overlap(since)
        else:
            start = utc_now() - timedelta(days=int(self.config.option("history_days") or 365))
        client = ReportsClient(
            self.http,
            self._token_cache(),
            self.config.base_url or REGION_HOSTS[self.config.option("region") or "na"],
            poll_seconds=float(self.config.option("report_poll_seconds") or 0.0),
        )
        report_id = await client.create(REPORT_TYPE, self.config.options["marketplace_ids"], start)
        status, document_id = await client.wait(report_id)
        if status == "CANCELLED":
            # Amazon cancels a report on its own when there is no data for the range. On an
            # incremental poll that just means no new feedback; on a full walk an empty result
            # would mark every stored feedback removed, so it is an error there.
            if since is not None:
                return None
            raise SourceError(
                f"Amazon cancelled feedback report {report_id}: this usually means there was no "
                f"1-3 star feedback since {start:%Y-%m-%d} in marketplaces "
                f"{', '.join(self.config.options['marketplace_ids'])}"
            )
        if status == "FATAL":
            raise SourceError(
                f"Amazon could not make feedback report {report_id} (status FATAL); check the "
                "marketplace ids and that the seller sells there, then poll again"
            )
        if document_id is None:
            raise BadResponseError(f"report {report_id} is DONE but has no reportDocumentId")
        document = await client.download(document_id)
        return decode_report(document.content, document.charset)

    def _token_cache(self) -> TokenCache:
        if self._tokens is None:
            credentials = LwaCredentials(
                client_id=self.config.secret("client_id"),
                client_secret=self.config.secret("client_secret"),
                refresh_token=self.config.secret("refresh_token"),
                token_url=self.config.option("token_url") or DEFAULT_TOKEN_URL,
            )
            self._tokens = lwa_token_cache(self.http, credentials)
        return self._tokens


class ReportReader:
    """Reads the tab-separated report into pages of reviews, newest first."""

    def __init__(self, headers: Mapping[str, str], date_format: str) -> None:
        self.headers = dict(headers)
        self.date_format = date_format

    def pages(self, source: str, text: str, page_size: int = PAGE_SIZE) -> list[Page]:
        """Every review of the report, newest first; unreadable rows are reported on page 1."""
        report = read_records(
            source,
            self._rows(text),
            lambda row: self.read(*row),
            seen=set(),
            repeated=lambda review: (
                f"order {review.external_id} appears twice; the first row was kept"
            ),
        )
        reviews, problems = list(report.reviews), report.problems
        # Dates are whole days: a stable sort keeps the report's own order within a day.
        oldest = datetime.min.replace(tzinfo=UTC)
        reviews.sort(key=lambda review: review.created_at or oldest, reverse=True)
        chunks = [reviews[i : i + page_size] for i in range(0, len(reviews), page_size)]
        pages = [Page(tuple(chunk)) for chunk in chunks] or [Page(())]
        pages[0] = Page(pages[0].reviews, problems)
        return pages if reviews or problems else []

    def _rows(self, text: str) -> Iterator[tuple[str, tuple[list[str], Mapping[str, int]]]]:
        # No quoting: the report is a flat file, and a comment that starts with a quote mark
        # must not swallow the tabs that follow it.
        # Line by line: a lone carriage return in a comment ends a line rather than the read.
        reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        columns: Mapping[str, int] | None = None
        try:
            for row in reader:
                if not any(cell.strip() for cell in row):
                    continue
                cells = [_unquote(cell) for cell in row]
                if columns is None:
                    columns = self.locate(cells)
                    continue
                yield f"row {reader.line_num}", (cells, columns)
        except csv.Error as error:  # a cell over the csv module's size limit
            raise BadResponseError(
                f"the feedback report cannot be read after row {reader.line_num}: {error}"
            ) from error
        if columns is None:
            raise BadResponseError("the feedback report is empty: it has no header row")

    def locate(self, header: Sequence[str]) -> dict[str, int]:
        """Column positions by header name; raises SourceError when a needed one is missing."""
        keys = [_header_key(name) for name in header]
        found: dict[str, int] = {}
        for field, aliases in COLUMN_ALIASES.items():
            names = (self.headers[field],) if field in self.headers else aliases
            for name in names:
                if _header_key(name) in keys:
                    found[field] = keys.index(_header_key(name))
                    break
        missing = [field for field in REQUIRED_COLUMNS if field not in found]
        if missing:
            wanted = ", ".join(repr(self.headers.get(f, COLUMN_TITLES[f])) for f in missing)
            raise SourceError(
                f"the feedback report has no column named {wanted} (its columns: "
                f"{', '.join(map(repr, header))}); name the columns with `columns`"
            )
        return found

    def read(self, cells: Sequence[str], columns: Mapping[str, int]) -> FetchedReview:
        """One row as a review. Only the columns named here are read: never the e-mail."""

        def cell(field: str) -> str | None:
            index = columns.get(field)
            return text_or_none(cells[index]) if index is not None and index < len(cells) else None

        order_id = cell("order_id")
        if order_id is None:
            raise RecordError("Order ID is empty")
        rating, _ = parse_rating(cell("rating"))
        return FetchedReview(
            external_id=order_id,
            rating=rating,
            body=cell("comments"),
            created_at=parse_report_date(cell("date"), self.date_format),
            order_id=order_id,
            reply=cell("response"),
        )


def parse_report_date(text: str | None, date_format: str = US_DATE_FORMAT) -> datetime:
    """A report date (a whole day in the marketplace's calendar) as midnight UTC.

    Tries `date_format`, then the same with a four- or two-digit year, then ISO 8601.
    """
    if not text:
        raise RecordError("Date is empty")
    candidates = [text, text.split(" ")[0]]
    for form in _year_variants(date_format):
        for candidate in candidates:
            try:
                parsed = datetime.strptime(candidate, form).replace(tzinfo=UTC)
            except ValueError:
                continue
            # strptime reads "69".."99" as 1969..1999; Amazon feedback is from this century.
            if "%y" in form and parsed.year < 2000:
                parsed = parsed.replace(year=parsed.year + 100)
            return parsed
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        stamped = parse_time(text)
        if stamped is not None:
            return stamped
    raise RecordError(f"date {text!r} does not match date_format {date_format!r}")


def _year_variants(date_format: str) -> list[str]:
    forms = [date_format]
    if "%y" in date_format:
        forms.append(date_format.replace("%y", "%Y"))
    elif "%Y" in date_format:
        forms.append(date_format.replace("%Y", "%y"))
    return forms


def _valid_date_format(date_format: str) -> bool:
    sample = datetime(2024, 1, 31)
    try:
        return datetime.strptime(sample.strftime(date_format), date_format).date() == sample.date()
    except ValueError:
        return False


def _check_mode(values: Mapping[str, Any]) -> list[str]:
    given = [key for key in SP_API_KEYS if values.get(key)]
    if values.get("path") is not None:
        if given:
            return [f"path: give either `path` or the SP-API keys ({', '.join(given)}), not both"]
        return []
    if not given:
        return [
            "path: give `path` (a downloaded Seller Feedback report) or the SP-API keys "
            + ", ".join(SP_API_KEYS)
        ]
    return [f"{key}: is required for the SP-API" for key in SP_API_KEYS if key not in given]


def _check_columns(columns: Any) -> list[str]:
    if not isinstance(columns, Mapping):
        return []
    problems = []
    for field, header in columns.items():
        if field not in COLUMN_ALIASES:
            problems.append(f"columns: {unknown_name('review field', field, COLUMN_ALIASES)}")
        elif not isinstance(header, str):
            problems.append(f"columns.{field}: expected a column header")
        elif re.search(r"e-?mail", header, re.IGNORECASE):
            problems.append(f"columns.{field}: the buyer's e-mail address is never read")
    return problems


def _read_report_file(path: Path, encoding: str | None) -> str:
    try:
        content = path.read_bytes()
    except OSError as error:
        raise SourceError(f"cannot read {path}: {error.strerror or error}") from error
    if not encoding:
        return decode_report(content)
    try:
        return content.decode(encoding)
    except LookupError as error:
        raise SourceError(f"unknown encoding {encoding!r} for {path}") from error
    except UnicodeDecodeError as error:
        raise SourceError(f"{path} is not {encoding} text ({error.reason})") from error


def _header_key(name: str) -> str:
    """A header name compared loosely: no case, spaces, dashes, underscores or byte-order mark."""
    return re.sub(r"[\s_\-\ufeff\"]+", "", name.casefold())


def _unquote(cell: str) -> str:
    if len(cell) >= 2 and cell[0] == cell[-1] == '"':
        return cell[1:-1].replace('""', '"')
    return cell
