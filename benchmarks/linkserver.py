"""A real HTTP server on loopback for the link checker's tests and benchmark.

Each LinkServer listens on its own address (127.0.0.x, port 0) and answers by path:

    /ok                200            /weg-404     404
    /verhuisd          301 -> /ok     /weg-410     410
    /oud               301 -> /weg-404  /fout      500
    /tijdelijk         302 -> /ok     /traag       200 after `slow` seconds (past a short timeout)
    /geen-head         405 to HEAD, 200 to GET
    anything else      200 after `delay` seconds

It records every request and the peak number of requests it was answering at once, so a
test can measure the per-host limit.
"""

from __future__ import annotations

import http.server
import ssl
import threading
import time
from typing import Optional


class LinkServer:
    def __init__(self, host: str = "127.0.0.1", delay: float = 0.0, slow: float = 3.0,
                 tls: Optional[ssl.SSLContext] = None):
        self.host = host
        self.delay = delay
        self.slow = slow
        self.requests = []  # (method, path)
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()
        self.server = http.server.ThreadingHTTPServer((host, 0), _handler(self))
        self.server.daemon_threads = True
        self.server.handle_error = lambda request, address: None  # a refused TLS handshake is expected
        if tls is not None:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)
        self._thread.start()

    def url(self, path: str = "/ok") -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    def enter(self, method: str, path: str):
        with self._lock:
            self.requests.append((method, path))
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)

    def leave(self):
        with self._lock:
            self.in_flight -= 1

    def close(self):
        self.server.shutdown()
        self.server.server_close()


ROUTES = {
    "/ok": (200, None), "/verhuisd": (301, "/ok"), "/oud": (301, "/weg-404"), "/tijdelijk": (302, "/ok"),
    "/weg-404": (404, None), "/weg-410": (410, None), "/fout": (500, None),
}


def _handler(owner: LinkServer):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self._answer("HEAD")

        def do_GET(self):
            self._answer("GET")

        def _answer(self, method):
            owner.enter(method, self.path)
            try:
                status, location = self._route(method)
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                body = b"" if method == "HEAD" else b"<p>hallo</p>"
                self.send_header("Content-Length", str(len(b"<p>hallo</p>")))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (a timeout test)
            finally:
                owner.leave()

        def _route(self, method):
            path = self.path.split("?", 1)[0]
            if path == "/traag":
                time.sleep(owner.slow)
                return 200, None
            if path == "/geen-head":
                return (405, None) if method == "HEAD" else (200, None)
            if path in ROUTES:
                return ROUTES[path]
            if owner.delay:
                time.sleep(owner.delay)
            return 200, None

    return Handler
