"""A real HTTP server on 127.0.0.1, in a thread, that tests program route by route.

It plays the platforms' hosts (the one thing tests cannot reach), so that everything of ours
runs for real: httpx, retries, pagination, parsing.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    connection: int = 0  # which TCP connection it came on (numbered from 1 as they open)

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default

    def json(self) -> Any:
        return json.loads(self.body)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


@dataclass
class Response:
    status: int = 200
    body: bytes | str | Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0  # seconds between bytes of the body: a host that answers a byte at a time

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if isinstance(self.body, bytes):
            return self.body, headers
        if isinstance(self.body, str):
            headers.setdefault("Content-Type", "text/plain; charset=utf-8")
            return self.body.encode(), headers
        headers.setdefault("Content-Type", "application/json")
        return json.dumps(self.body).encode(), headers


Handler = Callable[[Request], Response]


class LoopbackServer:
    """Routes by (method, path); faults queued with `fail_next` are served first."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Handler] = {}
        self.requests: list[Request] = []
        self._faults: deque[tuple[str | None, Response]] = deque()
        self._skips: dict[str | None, int] = {}
        self._lock = threading.Lock()
        self.connections = 0
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                with server._lock:
                    server.connections += 1
                    self.connection = server.connections

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query, keep_blank_values=True),
                    headers=dict(self.headers.items()),
                    body=body,
                    connection=self.connection,
                )
                response = server.dispatch(request)
                if response.delay:
                    time.sleep(response.delay)
                payload, headers = response.encoded()
                try:
                    self.send_response(response.status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    if response.drip:
                        self._drip(payload, response.drip)
                    else:
                        self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _drip(self, payload: bytes, every: float) -> None:
                for index in range(len(payload)):
                    self.wfile.write(payload[index : index + 1])
                    self.wfile.flush()
                    time.sleep(every)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def route(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method.upper(), path)] = handler

    def fail_next(
        self, response: Response, *, times: int = 1, path: str | None = None, after: int = 0
    ) -> None:
        """Serve `response` instead of the route for `times` requests (to `path`), once
        `after` further matching requests have been served normally."""
        self._skips[path] = self._skips.get(path, 0) + after
        for _ in range(times):
            self._faults.append((path, response))

    def dispatch(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(request)
            for index, (path, fault) in enumerate(self._faults):
                if path is None or path == request.path:
                    if self._skips.get(path, 0) > 0:
                        self._skips[path] -= 1
                        break
                    del self._faults[index]
                    return fault
        handler = self.routes.get((request.method, request.path))
        if handler is None:
            return Response(404, {"error": f"no route for {request.method} {request.path}"})
        return handler(request)

    def requests_to(self, path: str, method: str | None = None) -> list[Request]:
        return [
            r for r in self.requests if r.path == path and (method is None or r.method == method)
        ]

    def start(self) -> LoopbackServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
