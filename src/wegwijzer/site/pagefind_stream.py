"""Pagefind fed while MkDocs renders: no staging folder, and indexing uses the second core.

The searchable part of each record, face and article page goes straight to Pagefind's
service mode (`pagefind --service`, the binary from the `pagefind[bin]` package) over a
pipe as soon as the page is rendered; at the end the index is written into the new
site. There are no 10,000 staging files to write and delete.

This speaks the service's small protocol directly (base64 JSON messages, each ended by a
comma): the package's asyncio client polls for each reply with a 0.1 s sleep, which
would cost 1,000 s for 10,000 pages.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import tempfile
import threading
from typing import IO, Any, cast

from ..errors import WegwijzerError

PAGE = '<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body>{}</body></html>'


class PagefindError(WegwijzerError):
    """Pagefind is missing or failed; the build stops and the live site stays as it was."""


class PagefindStream:
    def __init__(self, language: str = "nl", timeout: float = 600):
        from pagefind.service import get_executable

        exe = get_executable()
        if exe is None:
            raise PagefindError("Pagefind is niet gevonden (installeer pagefind[bin]).")
        self._timeout = timeout
        self._log = tempfile.TemporaryFile()
        self._proc = subprocess.Popen([str(exe), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=self._log)
        assert self._proc.stdin is not None and self._proc.stdout is not None  # both are PIPE
        self._stdin: IO[bytes] = self._proc.stdin
        self._stdout = cast(io.BufferedReader, self._proc.stdout)  # binary mode: buffered, with read1()
        self._cond = threading.Condition()
        self._replies: dict[int, Any] = {}  # message id -> payload, for requests we wait for
        self._indexed = 0  # AddFile replies received
        self._errors: list[str] = []
        self._closed = False
        self._sent = 0
        self._adds = 0
        self._reader = threading.Thread(target=self._read, name="pagefind-replies", daemon=True)
        self._reader.start()
        try:
            self._index_id = self._request({"type": "NewIndex", "config": {"force_language": language}})["index_id"]
        except Exception:
            self.close()
            raise

    def _read(self):
        buf = b""
        out = self._stdout
        while True:
            chunk = out.read1(1 << 16)
            if not chunk:
                break
            buf += chunk
            *messages, buf = buf.split(b",")
            for raw in messages:
                if not raw.strip():
                    continue
                try:
                    reply = json.loads(base64.b64decode(raw))
                except ValueError:
                    continue
                payload = (reply or {}).get("payload") or {}
                mid = (reply or {}).get("message_id")
                with self._cond:
                    if mid is not None and mid in self._replies:  # a request someone waits for
                        self._replies[mid] = payload
                    else:  # a page (AddFile), indexed or not
                        self._indexed += 1
                        if payload.get("type") == "Error":
                            self._errors.append(payload.get("message", "onbekende fout"))
                    self._cond.notify_all()
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def _send(self, payload, waited: bool = False) -> int:
        with self._cond:
            self._sent += 1
            mid = self._sent
            if waited:
                self._replies[mid] = None
        message = {"message_id": mid, "payload": payload}
        try:
            self._stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        except (BrokenPipeError, ValueError) as err:
            raise PagefindError(f"Pagefind is gestopt: {self._stderr()}") from err
        return mid

    def _request(self, payload):
        mid = self._send(payload, waited=True)
        try:
            self._stdin.flush()
        except (BrokenPipeError, ValueError) as err:
            raise PagefindError(f"Pagefind is gestopt: {self._stderr()}") from err
        with self._cond:
            if not self._cond.wait_for(lambda: self._replies.get(mid) is not None or self._closed, self._timeout):
                raise PagefindError("Pagefind antwoordt niet.")
            reply = self._replies.pop(mid, None)
        if reply is None:
            raise PagefindError(f"Pagefind is gestopt: {self._stderr()}")
        if reply.get("type") == "Error":
            raise PagefindError(reply.get("message", "onbekende fout"))
        return reply

    def _stderr(self) -> str:
        try:
            self._log.seek(0)
            return self._log.read()[-2000:].decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    def add(self, url: str, body: str):
        """Index one page (its URL relative to the site root, e.g. 'laten-doen/x/')."""
        self._adds += 1
        self._send({"type": "AddFile", "index_id": self._index_id, "url": "/" + url,
                    "file_contents": PAGE.format(body), "file_path": None})

    def write(self, output_path):
        """Wait until every page is indexed, then write the index files into ``output_path``."""
        try:
            self._stdin.flush()
        except (BrokenPipeError, ValueError) as err:
            raise PagefindError(f"Pagefind is gestopt: {self._stderr()}") from err
        with self._cond:
            if not self._cond.wait_for(lambda: self._indexed >= self._adds or self._closed, self._timeout):
                raise PagefindError("Pagefind antwoordt niet.")
            if self._indexed < self._adds:
                raise PagefindError(f"Pagefind is gestopt: {self._stderr()}")
            if self._errors:
                raise PagefindError(f"Pagefind kon {len(self._errors)} pagina('s) niet lezen: {self._errors[0]}")
        self._request({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(output_path)})

    def close(self):
        try:
            if self._proc.stdin and not self._proc.stdin.closed:
                self._proc.stdin.close()
        except OSError:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self._reader.join(timeout=10)
        self._log.close()
