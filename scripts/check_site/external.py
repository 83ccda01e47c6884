"""X001-X004 (`--external`): request every external URL and report the ones that fail.

Concurrent, with a limit per host, a timeout, retries that honour Retry-After, a cache of
successes (failures are never cached), and allow/deny lists. Off by default: CI has no network;
a weekly workflow runs it and never blocks a change.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Literal
from urllib.parse import urldefrag, urljoin, urlsplit

from scripts.check_site.checks.base import Collector
from scripts.check_site.checks.urls import external_problem
from scripts.check_site.findings import Finding
from scripts.check_site.site import Site, url_kind

USER_AGENT = "Mozilla/5.0 (compatible; mle-interview-guide link checker)"
CACHE_VERSION = 1

Outcome = Literal["ok", "cached", "allowed", "denied", "broken", "unreachable", "redirect"]


@dataclass(frozen=True)
class Options:
    """How to check external URLs."""

    timeout: float = 10.0
    retries: int = 2
    per_host: int = 2
    workers: int = 16
    allow: tuple[re.Pattern[str], ...] = ()  # trusted: never requested
    deny: tuple[re.Pattern[str], ...] = ()  # forbidden: always reported, never requested
    cache_path: Path | None = None
    cache_ttl: float = 24 * 3600.0
    max_retry_after: float = 60.0
    max_redirects: int = 5
    backoff: float = 0.5


@dataclass(frozen=True)
class Result:
    """What became of one URL."""

    url: str
    outcome: Outcome
    detail: str = ""
    location: str | None = None  # where a redirect ends


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Surface redirects as responses, so they can be reported with their new target."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Checker:
    """Checks URLs over HTTP; `sleep` and `clock` can be replaced in tests."""

    def __init__(
        self,
        options: Options,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.options = options
        self.sleep = sleep
        self.clock = clock
        self._opener = urllib.request.build_opener(_NoRedirect())
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()

    def check(self, urls: Iterable[str]) -> dict[str, Result]:
        """The result for every URL (fragments are not sent; duplicates are checked once)."""
        cache = load_cache(self.options.cache_path)
        now = self.clock()
        results: dict[str, Result] = {}
        todo: list[str] = []
        for url in dict.fromkeys(urldefrag(u)[0] for u in urls):
            if deny := _matching(self.options.deny, url):
                results[url] = Result(url, "denied", f"matches {deny}")
            elif _matching(self.options.allow, url):
                results[url] = Result(url, "allowed")
            elif now - cache.get(url, float("-inf")) < self.options.cache_ttl:
                results[url] = Result(url, "cached")
            else:
                todo.append(url)
        if todo:
            with ThreadPoolExecutor(max_workers=max(1, self.options.workers)) as pool:
                results.update(zip(todo, pool.map(self.check_one, todo), strict=True))
        for url in todo:
            if results[url].outcome == "ok":
                cache[url] = now
            else:
                cache.pop(url, None)  # failures are never cached
        if self.options.cache_path is not None and todo:
            save_cache(self.options.cache_path, cache)
        return results

    def check_one(self, url: str) -> Result:
        """Request one URL, following redirects to see where they end."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            response = self._attempt(current)
            if isinstance(response, Result):
                return _via(url, current, response)
            status, headers = response
            location = headers.get("Location")
            if 300 <= status < 400 and location:
                current = urljoin(current, location)
                continue
            if status >= 400:
                return _via(url, current, Result(url, "broken", _status(status)))
            if current != url:
                return Result(url, "redirect", f"HTTP {status}", current)
            return Result(url, "ok", f"HTTP {status}")
        limit = self.options.max_redirects
        return Result(url, "broken", f"more than {limit} redirects", current)

    def _attempt(self, url: str) -> tuple[int, Message] | Result:
        """One URL, with retries; a Result only when it finally failed."""
        retries = max(0, self.options.retries)
        for attempt in range(retries + 1):
            last = attempt == retries
            with self._host(url):
                try:
                    status, headers = self._request(url)
                except (OSError, http.client.HTTPException, ValueError) as exc:
                    problem = _describe(exc, self.options.timeout)
                    if last:
                        return Result(url, "unreachable", problem)
                    status, headers = 0, Message()
            if status == 0:
                self.sleep(self.options.backoff * 2**attempt)
                continue
            if status == 429 or status >= 500:
                wait = retry_after(headers.get("Retry-After"), self.clock())
                if wait is not None and wait > self.options.max_retry_after:
                    limit = self.options.max_retry_after
                    detail = f"{_status(status)}, Retry-After {wait:.0f} s is over {limit:.0f} s"
                    return Result(url, "broken", detail)
                if last:
                    return Result(url, "broken", _status(status))
                self.sleep(wait if wait is not None else self.options.backoff * 2**attempt)
                continue
            return status, headers
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns

    def _request(self, url: str) -> tuple[int, Message]:
        request = urllib.request.Request(
            url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"}, method="GET"
        )
        try:
            with self._opener.open(request, timeout=self.options.timeout) as response:
                return int(response.status), response.headers
        except urllib.error.HTTPError as error:
            code, headers = error.code, error.headers
            if error.fp is not None:
                error.close()
            return code, headers

    def _host(self, url: str) -> threading.Semaphore:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._hosts:
                self._hosts[host] = threading.Semaphore(max(1, self.options.per_host))
            return self._hosts[host]


def _matching(patterns: Iterable[re.Pattern[str]], url: str) -> str | None:
    return next((f"/{p.pattern}/" for p in patterns if p.search(url)), None)


def _status(status: int) -> str:
    try:
        return f"HTTP {status} {http.client.responses[status]}"
    except KeyError:
        return f"HTTP {status}"


def _via(url: str, current: str, result: Result) -> Result:
    if current == url:
        return result
    detail = f"redirects to {current}, which fails: {result.detail}"
    return Result(url, result.outcome, detail, current)


def _describe(exc: BaseException, timeout: float) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, TimeoutError):
        return f"no response within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, BaseException):
        text = str(reason) or type(reason).__name__
    else:
        text = str(reason)
    return text


def retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date), if it has one."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - now)


def load_cache(path: Path | None) -> dict[str, float]:
    """URL -> time of its last success; an unreadable cache is an empty one."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    ok = data.get("ok")
    if not isinstance(ok, dict):
        return {}
    return {str(k): float(v) for k, v in ok.items() if isinstance(v, int | float)}


def save_cache(path: Path, ok: dict[str, float]) -> None:
    """Write the successes, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    document = {"version": CACHE_VERSION, "ok": dict(sorted(ok.items()))}
    temporary.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)


def external_urls(site: Site) -> list[str]:
    """Every external http(s) URL on the site that passes the offline checks (L006)."""
    urls = (
        ref.url.strip()
        for page in site.pages.values()
        for ref in page.refs
        if url_kind(ref.url, site.config.site_url) == "external"
    )
    return sorted({url for url in urls if external_problem(url) is None})


def check(site: Site, options: Options, checker: Checker | None = None) -> list[Finding]:
    """Findings X001-X004 for every external URL on the site."""
    checker = checker or Checker(options)
    results = checker.check(external_urls(site))
    out = Collector(site)
    for page in site.pages.values():
        for ref in page.refs:
            url = ref.url.strip()
            result = results.get(urldefrag(url)[0])
            if result is None or url_kind(url, site.config.site_url) != "external":
                continue
            finding = _finding(result, url)
            if finding is not None:
                code, message = finding
                out.add(page, ref, code, message, [[url]])
    return out.findings()


def _finding(result: Result, url: str) -> tuple[str, str] | None:
    if result.outcome == "broken":
        return "X001", f"broken external link ({result.detail}): {url}"
    if result.outcome == "unreachable":
        return "X002", f"external link unreachable ({result.detail}): {url}"
    if result.outcome == "redirect":
        return "X003", f"external link redirects to {result.location} (link there): {url}"
    if result.outcome == "denied":
        return "X004", f"external link is on the deny list ({result.detail}): {url}"
    return None
