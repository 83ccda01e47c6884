"""L005 and L006: URLs that are empty, run script, or could not work for a reader.

L005: an empty href/src, or a `javascript:` URL. L006: an external URL that is malformed, uses
plain `http://`, or names a local or private host a reader cannot reach. Offline: no request is
made (that is `--external`).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from scripts.check_site.checks.base import Collector
from scripts.check_site.findings import Finding
from scripts.check_site.site import SCHEME, Site, url_kind

# Material renders these JavaScript-driven controls as `<a href="javascript:void(0)">`; they are
# the theme's buttons, not links (data-md-component names them). Nothing else is exempt.
THEME_CONTROLS = frozenset({"search-share"})
INERT_JAVASCRIPT = re.compile(r"^javascript:\s*void\(0\);?$", re.IGNORECASE)
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".invalid")
LABEL = re.compile(r"^(?!-)[\w-]+(?<!-)$")


def check(site: Site) -> list[Finding]:
    """Findings for empty and javascript: URLs (L005) and unusable external URLs (L006)."""
    out = Collector(site)
    for page in site.pages.values():
        for ref in page.refs:
            kind = url_kind(ref.url, site.config.site_url)
            url = ref.url.strip()
            if kind == "empty":
                tokens = [[f'{ref.attr}=""', f"{ref.attr}=''", "]()"]]
                out.add(page, ref, "L005", f"empty {ref.attr} on <{ref.tag}>", tokens)
            elif kind == "javascript":
                if ref.component in THEME_CONTROLS and INERT_JAVASCRIPT.match(url):
                    continue
                message = f"javascript: URL in {ref.attr}: {url} (use a <button> or a real link)"
                out.add(page, ref, "L005", message, [[url], ["javascript:"]])
            elif kind in ("external", "scheme"):
                problem = external_problem(url)
                if problem:
                    out.add(page, ref, "L006", f"{problem}: {url}", [[url]])
    return out.findings()


def external_problem(url: str) -> str | None:
    """Why an external URL cannot be right, or None if it looks fine."""
    if match := SCHEME.match(url):
        scheme = match[1].lower()
        if scheme not in ("http", "https"):
            return f"URL scheme {scheme}: is not allowed in links (use https://)"
    else:
        return "protocol-relative URL (write https:// explicitly)"
    if re.search(r"\s", url):
        return "malformed URL (contains whitespace)"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    host = parts.hostname
    if not host:
        return "malformed URL (no host)"
    if _is_local(host):
        return f"URL points to a local or private host ({host}) that readers cannot reach"
    if not host.startswith("[") and not _is_ip(host):
        labels = host.rstrip(".").split(".")
        if not all(LABEL.match(label) for label in labels):
            return f"malformed URL (invalid host name {host!r})"
    if scheme == "http":
        return "plain http:// URL (use https://)"
    return None


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _is_local(host: str) -> bool:
    host = host.lower().rstrip(".")
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(LOCAL_SUFFIXES) or "." not in host
    return not address.is_global
