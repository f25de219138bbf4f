"""``foiextract review --serve``: the page on 127.0.0.1, each decision written as it is made.

A small standard-library HTTP server: GET serves the page folder's files, POST
``/corrections`` with one correction as JSON appends it to ``corrections.csv`` (the whole
file rewritten atomically) and answers ``{"count": N}``. It listens on the loopback
interface only.

>>> server = review_server(page)  # doctest: +SKIP
>>> server.server_address  # doctest: +SKIP
('127.0.0.1', 8765)
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
from typing import Any

from ..corrections import FIELDS, Correction, add_corrections
from ..errors import FoiExtractError
from .page import ReviewPage

HOST = "127.0.0.1"
# A correction is a few hundred bytes; anything far larger is no correction.
MAX_BODY = 64 * 1024


class _Handler(http.server.SimpleHTTPRequestHandler):
    corrections = ""
    lock = threading.Lock()

    def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path.rstrip("/").rsplit("/", 1)[-1] != "corrections":
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            self.send_error(413 if length else 400)
            return
        try:
            body: dict[str, Any] = json.loads(self.rfile.read(length))
            correction = Correction(
                str(body["key"]), body["field"],
                *(str(body.get(c) or "") for c in ("old_value", "new_value", "who", "when",
                                                    "note")))
            if correction.field not in FIELDS or not correction.key:
                raise ValueError(correction.field)
        except (ValueError, KeyError, TypeError):
            self.send_error(400, "not a correction")
            return
        try:
            with self.lock:
                count = len(add_corrections(self.corrections, [correction]))
        except (OSError, FoiExtractError) as err:
            self.send_error(500, str(err))
            return
        answer = json.dumps({"count": count}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's name
        pass  # quiet: the command prints where it serves


def review_server(page: ReviewPage, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A server for ``page`` on 127.0.0.1 (``port`` 0: any free one), not yet started."""
    handler = type("ReviewHandler", (_Handler,), {"corrections": page.corrections,
                                                  "lock": threading.Lock()})
    return http.server.ThreadingHTTPServer(
        (HOST, port), functools.partial(handler, directory=page.folder))
