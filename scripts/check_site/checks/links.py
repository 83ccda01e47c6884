"""L001-L003: every internal link, anchor and asset on every built page resolves.

This runs on the built HTML, so it also sees what MkDocs' own link validation cannot: links
from the theme and nav, raw HTML in Markdown, and quiz content.
"""

from __future__ import annotations

import difflib
from urllib.parse import urlsplit

from scripts.check_site.checks.base import Collector, link_tokens
from scripts.check_site.findings import Finding
from scripts.check_site.site import HtmlPage, Ref, Site, Target, resolve, url_kind

PAGE_LINKS = frozenset({"a", "area", "meta"})  # the rest load assets
ASSET_NAMES = {"img": "image", "link": "stylesheet or icon", "script": "script"}
TOP = frozenset({"", "top"})  # "#" and "#top" go to the top of any page


def check(site: Site) -> list[Finding]:
    """Findings for links to missing pages (L001), anchors (L002) and assets (L003)."""
    out = Collector(site)
    base, site_url = site.config.base_path, site.config.site_url
    for page in site.pages.values():
        for ref in page.refs:
            if url_kind(ref.url, site_url) != "internal":
                continue
            target = resolve(page.path, ref.url, base, site_url)
            tokens = link_tokens(site, ref.url, target)
            code = "L001" if ref.tag in PAGE_LINKS else "L003"
            if target.outside:
                message = _outside(ref.url, target, base)
                out.add(page, ref, code, message, tokens)
                continue
            found = site.lookup(target.path, target.directory)
            if found is None:
                shown = target.path + ("/" if target.directory else "") or "/"
                what = _missing(ref)
                out.add(page, ref, code, f"{what}: {ref.url}", tokens, f"{what}: {shown}")
                continue
            if code == "L001" and target.fragment is not None and found.endswith(".html"):
                problem = _anchor_problem(site, site.pages[found], page, ref, target)
                if problem:
                    message, template_message = problem
                    out.add(page, ref, "L002", message, tokens, template_message)
    return out.findings()


def _missing(ref: Ref) -> str:
    if ref.tag in PAGE_LINKS:
        return "link to a page or file that does not exist"
    return f"{ASSET_NAMES.get(ref.tag, 'asset')} that does not exist"


def _outside(url: str, target: Target, base: str) -> str:
    if url.strip().startswith("/") and not target.path.startswith(".."):
        return f"absolute link outside the site's base path {base}: {url} (use a relative link)"
    return f"link leads above the site root: {url}"


def _anchor_problem(
    site: Site, target_page: HtmlPage, page: HtmlPage, ref: Ref, target: Target
) -> tuple[str, str] | None:
    """(message, template message) if the anchor is missing; every .html file is a parsed page."""
    fragment = target.fragment or ""
    raw = urlsplit(ref.url.strip()).fragment
    ids = target_page.ids
    if fragment in TOP or fragment in ids or raw in ids:
        return None
    source = site.source_of(target_page.path)
    found = source.display if source is not None else target_page.path
    where = "this page" if target_page.path == page.path else found
    hint = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.75)
    suggestion = f" (did you mean #{hint[0]}?)" if hint else ""
    message = f"anchor #{fragment} does not exist on {where}{suggestion}"
    return message, f"anchor #{fragment} does not exist on {found}{suggestion}"
