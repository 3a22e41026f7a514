"""Content-Encoding decoded in bounded steps, so a small answer can never inflate in one go.

httpx decodes each network read in one call: 64 KB of gzip'd zeros becomes 64 MB at once, and
the size limit is only checked after. Here every step yields at most `STEP_BYTES`, so reading
stops within one step of the limit whatever the compression ratio.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from reviewwatch.errors import BadResponseError

STEP_BYTES = 1024 * 1024
# What reviewwatch asks for; an answer in any other encoding is refused.
ACCEPT_ENCODING = "gzip, deflate"
_GZIP_BITS = zlib.MAX_WBITS | 16
_ZLIB_BITS = zlib.MAX_WBITS
_RAW_DEFLATE_BITS = -zlib.MAX_WBITS


class BoundedDecoder:
    """Decodes one answer's body, chunk by chunk, `STEP_BYTES` at most per piece."""

    def __init__(self, content_encoding: str, source: str = "the answer") -> None:
        """`source` names the answer in errors ("the answer from https://...")."""
        self.source = source
        encodings = [part.strip().lower() for part in content_encoding.split(",") if part.strip()]
        encodings = [encoding for encoding in encodings if encoding != "identity"]
        if len(encodings) > 1:
            raise BadResponseError(
                f"{source} is encoded more than once ({content_encoding}); reviewwatch asks "
                f"only for {ACCEPT_ENCODING}"
            )
        self.encoding = encodings[0] if encodings else "identity"
        if self.encoding in ("gzip", "x-gzip"):
            self._bits: int | None = _GZIP_BITS
        elif self.encoding == "deflate":
            self._bits = _ZLIB_BITS  # as sent by most servers; raw deflate is tried on failure
        elif self.encoding == "identity":
            self._bits = None
        else:
            raise BadResponseError(
                f"{source} is encoded as {self.encoding!r}, which reviewwatch did not ask "
                f"for ({ACCEPT_ENCODING})"
            )
        self._inflater = zlib.decompressobj(self._bits) if self._bits is not None else None
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next chunk of the body."""
        if self._inflater is None:
            if data:
                yield data
            return
        pending = data
        while pending:
            piece = self._inflate(pending)
            pending = self._inflater.unconsumed_tail
            if piece:
                yield piece

    def finish(self) -> Iterator[bytes]:
        """What is left once the body has ended; an error for a cut-short stream."""
        if self._inflater is None:
            return
        if self._started and not self._inflater.eof:
            raise BadResponseError(f"{self.source}: its {self.encoding} data is cut short")
        rest = self._inflater.flush()
        if rest:
            yield rest

    def _inflate(self, data: bytes) -> bytes:
        assert self._inflater is not None
        try:
            piece = self._inflater.decompress(data, STEP_BYTES)
        except zlib.error as error:
            if self._bits == _ZLIB_BITS and not self._started:
                # Some servers send raw deflate under "deflate": start again that way.
                self._bits = _RAW_DEFLATE_BITS
                self._inflater = zlib.decompressobj(self._bits)
                return self._inflate(data)
            raise BadResponseError(
                f"{self.source} is not valid {self.encoding} data ({error})"
            ) from None
        self._started = True
        return piece
