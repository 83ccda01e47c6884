"""Serve a built site on 127.0.0.1 as GitHub Pages serves it.

Under the path of `site_url` (a project site lives at /<repository>/), gzip-compressed
when the browser accepts it, with GitHub Pages' ten-minute cache lifetime, and with the
site's 404.html and status 404 for any missing file. The browser tests and the audit
both use it, so both see what readers get.

The sitemap names pages by their address on this server instead of `site_url`, as
`mkdocs serve` does: Material's instant navigation only intercepts links to pages in
the sitemap, and compares hosts with their port.
"""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")
CACHE_CONTROL = "max-age=600"


class PagesHandler(SimpleHTTPRequestHandler):
    """One request to the site; the class attributes are set per server by `serve`."""

    root: Path
    prefix: str
    site_url: str
    local_url: str

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the output clean."""

    def _serve(self, *, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        target = self._resolve(path)
        if target is not None and target.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        status = 200
        if target is None or not target.is_file():
            status, target = 404, self.root / "404.html"
        body = target.read_bytes()
        if target.name == "sitemap.xml":
            body = body.replace(self.site_url.encode(), self.local_url.encode())
        ctype = self.guess_type(str(target))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", CACHE_CONTROL)
        if ctype.startswith(COMPRESSED):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _resolve(self, path: str) -> Path | None:
        """The file or folder a URL path names, or None if it is outside the site."""
        if not path.startswith(self.prefix):
            return None
        target = (self.root / path[len(self.prefix) :]).resolve()
        return target if target.is_relative_to(self.root) else None


@contextmanager
def serve(site_dir: Path, site_url: str) -> Iterator[str]:
    """Serve `site_dir` on a free port, under the path of `site_url`; yield its base URL."""
    site_url = site_url.rstrip("/") + "/"
    prefix = urlsplit(site_url).path

    class Handler(PagesHandler):
        root = site_dir.resolve()

    Handler.prefix, Handler.site_url = prefix, site_url
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Handler.local_url = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Handler.local_url
    finally:
        server.shutdown()
        server.server_close()
