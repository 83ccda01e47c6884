"""--external against HTTP servers these tests start on 127.0.0.1; nothing touches the network."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scripts.check_site import external
from scripts.check_site.__main__ import main
from scripts.check_site.external import Checker, Options, Result, load_cache, retry_after
from tests.check_site.helpers import FIXTURES, at, fixture_site


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most_in_flight = 0


class Handler(BaseHTTPRequestHandler):
    server: Server

    def log_message(self, format: str, *args: object) -> None:
        return  # keep the test output quiet

    def reply(self, status: int, headers: Iterable[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        with self.server.lock:
            self.server.hits[self.path] += 1
            hits = self.server.hits[self.path]
        if path == "/ok":
            self.reply(200)
        elif path == "/missing":
            self.reply(404)
        elif path == "/moved":
            self.reply(301, [("Location", "/ok")])
        elif path == "/moved-to-missing":
            self.reply(302, [("Location", "/missing")])
        elif path == "/loop":
            self.reply(302, [("Location", "/loop")])
        elif path == "/busy":
            self.reply(429, [("Retry-After", "1")]) if hits == 1 else self.reply(200)
        elif path == "/always-busy":
            self.reply(429, [("Retry-After", "2")])
        elif path == "/too-busy":
            self.reply(429, [("Retry-After", "3600")])
        elif path == "/flaky":
            self.reply(500) if hits == 1 else self.reply(200)
        elif path == "/slow":
            time.sleep(1.0)
            with contextlib.suppress(OSError):  # the client gave up
                self.reply(200)
        elif path == "/concurrent":
            with self.server.lock:
                self.server.in_flight += 1
                self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
            time.sleep(0.15)
            with self.server.lock:
                self.server.in_flight -= 1
            self.reply(200)
        else:
            self.reply(500)


@pytest.fixture
def server() -> Iterator[Server]:
    httpd = Server()
    thread = threading.Thread(target=httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def base(server: Server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def checker(waits: list[float] | None = None, **options: object) -> Checker:
    sleep = waits.append if waits is not None else (lambda _: None)
    return Checker(Options(timeout=2.0, **options), sleep=sleep)  # type: ignore[arg-type]


def test_ok_and_not_found(server: Server) -> None:
    url = base(server)
    results = checker().check([f"{url}/ok", f"{url}/missing#part"])
    assert results == {
        f"{url}/ok": Result(f"{url}/ok", "ok", "HTTP 200"),
        f"{url}/missing": Result(f"{url}/missing", "broken", "HTTP 404 Not Found"),
    }


def test_redirect_is_reported_with_its_new_target(server: Server) -> None:
    url = base(server)
    results = checker().check([f"{url}/moved", f"{url}/moved-to-missing", f"{url}/loop"])
    assert results[f"{url}/moved"] == Result(f"{url}/moved", "redirect", "HTTP 200", f"{url}/ok")
    assert results[f"{url}/moved-to-missing"] == Result(
        f"{url}/moved-to-missing",
        "broken",
        f"redirects to {url}/missing, which fails: HTTP 404 Not Found",
        f"{url}/missing",
    )
    assert results[f"{url}/loop"] == Result(
        f"{url}/loop", "broken", "more than 5 redirects", f"{url}/loop"
    )


def test_429_waits_for_retry_after_then_succeeds(server: Server) -> None:
    waits: list[float] = []
    url = f"{base(server)}/busy"
    assert checker(waits).check([url])[url] == Result(url, "ok", "HTTP 200")
    assert waits == [1.0]
    assert server.hits["/busy"] == 2


def test_429_until_the_retries_run_out(server: Server) -> None:
    waits: list[float] = []
    url = f"{base(server)}/always-busy"
    result = checker(waits, retries=2).check([url])[url]
    assert result == Result(url, "broken", "HTTP 429 Too Many Requests")
    assert waits == [2.0, 2.0]
    assert server.hits["/always-busy"] == 3


def test_429_with_a_wait_over_the_limit_is_not_waited_for(server: Server) -> None:
    waits: list[float] = []
    url = f"{base(server)}/too-busy"
    result = checker(waits).check([url])[url]
    detail = "HTTP 429 Too Many Requests, Retry-After 3600 s is over 60 s"
    assert (result, waits) == (Result(url, "broken", detail), [])


def test_server_error_is_retried_with_backoff(server: Server) -> None:
    waits: list[float] = []
    url = f"{base(server)}/flaky"
    assert checker(waits, backoff=0.25).check([url])[url] == Result(url, "ok", "HTTP 200")
    assert waits == [0.25]


def test_slow_response_times_out(server: Server) -> None:
    waits: list[float] = []
    url = f"{base(server)}/slow"
    result = Checker(Options(timeout=0.2, retries=1), sleep=waits.append).check([url])[url]
    assert result == Result(url, "unreachable", "no response within 0.2 s")
    assert waits == [0.5]
    assert server.hits["/slow"] == 2


def test_connection_refused() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    result = checker(retries=0).check([url])[url]
    assert result == Result(url, "unreachable", "connection refused")


def test_successes_are_cached_and_failures_are_not(server: Server, tmp_path: Path) -> None:
    url = base(server)
    cache = tmp_path / "cache.json"
    urls = [f"{url}/ok", f"{url}/missing"]
    first = checker(cache_path=cache).check(urls)
    assert [first[u].outcome for u in urls] == ["ok", "broken"]
    assert list(load_cache(cache)) == [f"{url}/ok"]
    second = checker(cache_path=cache).check(urls)
    assert [second[u].outcome for u in urls] == ["cached", "broken"]
    assert (server.hits["/ok"], server.hits["/missing"]) == (1, 2)
    expired = Checker(
        Options(cache_path=cache, cache_ttl=60),
        sleep=lambda _: None,
        clock=lambda: time.time() + 61,
    ).check(urls)
    assert [expired[u].outcome for u in urls] == ["ok", "broken"]
    assert server.hits["/ok"] == 2


def test_allow_and_deny_lists_are_not_requested(server: Server) -> None:
    url = base(server)
    results = checker(
        allow=(re.compile(r"/missing"),),
        deny=(re.compile(r"/ok$"),),
    ).check([f"{url}/missing", f"{url}/ok"])
    assert results == {
        f"{url}/missing": Result(f"{url}/missing", "allowed"),
        f"{url}/ok": Result(f"{url}/ok", "denied", "matches //ok$/"),
    }
    assert sum(server.hits.values()) == 0


def test_per_host_limit(server: Server) -> None:
    url = base(server)
    urls = [f"{url}/concurrent?n={n}" for n in range(6)]
    results = checker(per_host=2, workers=6).check(urls)
    assert {r.outcome for r in results.values()} == {"ok"}
    assert server.most_in_flight == 2


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, None),
        ("7", 7.0),
        ("Thu, 01 Jan 1970 00:01:40 GMT", 60.0),
        ("soon", None),
    ],
)
def test_retry_after(value: str | None, seconds: float | None) -> None:
    assert retry_after(value, now=40.0) == seconds


class CannedChecker(Checker):
    """Answers from a table: maps results to findings without any request."""

    def __init__(self, results: dict[str, Result]) -> None:
        super().__init__(Options())
        self.results = results
        self.asked: list[str] = []

    def check(self, urls: Iterable[str]) -> dict[str, Result]:
        self.asked = list(urls)
        return self.results


def test_findings_at_source_lines_and_once_for_the_theme() -> None:
    canned = CannedChecker(
        {
            "https://example.com/gone": Result("", "broken", "HTTP 404 Not Found"),
            "https://example.net/": Result("", "unreachable", "connection refused"),
            "https://example.org/old": Result(
                "", "redirect", "HTTP 200", "https://example.org/new"
            ),
            "https://tracker.example/pixel": Result("", "denied", "matches /tracker/"),
            "https://example.com/fine": Result("", "ok", "HTTP 200"),
        }
    )
    findings = external.check(fixture_site("external"), Options(), canned)
    assert canned.asked == [
        "https://example.com/fine",
        "https://example.com/gone",
        "https://example.net/",
        "https://example.org/old#section",
        "https://tracker.example/pixel",
    ]
    assert at(findings, "docs/links.md") == [
        (3, "X001", "broken external link (HTTP 404 Not Found): https://example.com/gone"),
        (4, "X002", "external link unreachable (connection refused): https://example.net/"),
        (
            5,
            "X003",
            "external link redirects to https://example.org/new (link there):"
            " https://example.org/old#section",
        ),
        (
            6,
            "X004",
            "external link is on the deny list (matches /tracker/): https://tracker.example/pixel",
        ),
    ]
    assert at(findings, "mkdocs.yml") == [
        (
            4,
            "X001",
            "broken external link (HTTP 404 Not Found): https://example.com/gone"
            " (in the site template: nav, header or footer; on links/index.html)",
        )
    ]
    assert [f.severity for f in findings if f.code == "X003"] == ["warning"]


def test_command_line_with_allow_and_deny_makes_no_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = str(FIXTURES / "external" / "mkdocs.yml")
    args = ["--config-file", config, "--external", "--select", "X", "--no-cache"]
    status = main([*args, "--allow", ".", "--deny", "tracker"])
    lines = capsys.readouterr().out.splitlines()
    assert (status, lines[:-1]) == (
        1,
        [
            "docs/links.md:6: X004 external link is on the deny list (matches /tracker/):"
            " https://tracker.example/pixel"
        ],
    )
