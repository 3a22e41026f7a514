"""Answers in every encoding a host may send, decoded in bounded steps over loopback HTTP."""

from __future__ import annotations

import asyncio
import gzip
import zlib

import pytest

from reviewwatch.errors import BadResponseError
from reviewwatch.sources.decoding import STEP_BYTES, BoundedDecoder
from reviewwatch.sources.http import SourceHttp, new_client
from tests.conftest import FAST_RETRY
from tests.loopback import LoopbackServer, Response

DOCUMENT = b'[{"id": "a1", "stars": 1, "text": "' + b"cold soup " * 5_000 + b'"}]'


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def fetch(url: str) -> bytes:
    async def run() -> bytes:
        async with new_client() as client:
            response = await SourceHttp(client, source="feed", retry=FAST_RETRY).request("GET", url)
            return response.content

    return asyncio.run(run())


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(DOCUMENT)),
        ("x-gzip", gzip.compress(DOCUMENT)),
        ("deflate", zlib.compress(DOCUMENT)),
        ("deflate", raw_deflate(DOCUMENT)),
        ("identity", DOCUMENT),
        ("", DOCUMENT),
    ],
    ids=["gzip", "x-gzip", "zlib deflate", "raw deflate", "identity", "none"],
)
def test_every_encoding_we_ask_for_reads_back_whole(
    server: LoopbackServer, encoding: str, body: bytes
) -> None:
    headers = {"Content-Type": "application/json"}
    if encoding:
        headers["Content-Encoding"] = encoding
    server.route("GET", "/feed", lambda _r: Response(200, body, headers))
    assert fetch(server.url("/feed")) == DOCUMENT
    assert server.requests[-1].headers["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize(
    ("encoding", "body", "problem"),
    [
        ("br", b"\x0b\x02\x80[]\x03", "encoded as 'br', which reviewwatch did not ask for"),
        ("gzip, gzip", gzip.compress(gzip.compress(b"[]")), "encoded more than once"),
        ("gzip", gzip.compress(DOCUMENT)[:-12], "gzip data is cut short"),
        ("gzip", b"not gzip at all", "is not valid gzip data"),
    ],
    ids=["unasked encoding", "encoded twice", "cut short", "not gzip"],
)
def test_an_answer_we_cannot_decode_is_a_clear_source_error(
    server: LoopbackServer, encoding: str, body: bytes, problem: str
) -> None:
    server.route("GET", "/feed", lambda _r: Response(200, body, {"Content-Encoding": encoding}))
    with pytest.raises(BadResponseError, match=problem) as caught:
        fetch(server.url("/feed"))
    assert server.url("/feed") in str(caught.value)


def test_a_small_chunk_never_inflates_past_one_step_at_a_time() -> None:
    zeros = bytes(40 * STEP_BYTES)
    packed = gzip.compress(zeros, 9)
    assert len(packed) < 64 * 1024  # what a single network read may hand over
    decoder = BoundedDecoder("gzip")
    pieces = list(decoder.feed(packed))
    pieces += list(decoder.finish())
    assert max(len(piece) for piece in pieces) <= STEP_BYTES
    assert sum(len(piece) for piece in pieces) == len(zeros)


def test_an_empty_body_under_an_encoding_is_empty_not_cut_short() -> None:
    decoder = BoundedDecoder("gzip")
    assert list(decoder.feed(b"")) == []
    assert list(decoder.finish()) == []
