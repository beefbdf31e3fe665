"""Infra: a small web server on 127.0.0.1 for ``redaksi preview``; pages come from memory.

It answers only requests whose Host is ``localhost`` or ``127.0.0.1`` (with the port): a web
page elsewhere cannot read unpublished stories through DNS rebinding. Nothing is read from
disk here: the service hands in a function from a path to (status, type, bytes).
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from redaksi.errors import UsageError

Answer = tuple[int, str, bytes]
Lookup = Callable[[str], Answer]
HOSTS = ("127.0.0.1", "localhost")


def _host_ok(header: str | None, port: int) -> bool:
    if not header:
        return False
    name, _, given = header.strip().lower().rpartition(":")
    if not name:
        name, given = given, ""
    return name in HOSTS and given in ("", str(port))


class Server:
    """The preview server: start it, read ``url``, stop it."""

    def __init__(self, lookup: Lookup, port: int) -> None:
        server_port = port

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                if not _host_ok(self.headers.get("Host"), server_port_box[0]):
                    self._send((403, "text/plain; charset=utf-8", b"forbidden host\n"))
                    return
                self._send(lookup(self.path.split("?", 1)[0].split("#", 1)[0]))

            def do_HEAD(self) -> None:
                self.do_GET()

            def _send(self, answer: Answer) -> None:
                status, kind, body = answer
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return  # quiet: the person reads pages, not logs

        server_port_box = [server_port]
        try:
            self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                raise UsageError("preview.port_busy", port=port) from None
            raise
        self.httpd.daemon_threads = True
        server_port_box[0] = self.httpd.server_address[1]
        self.port = int(self.httpd.server_address[1])
        self.url = f"http://127.0.0.1:{self.port}/"
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
