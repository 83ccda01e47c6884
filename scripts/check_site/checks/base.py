"""What the link checks share: turning a problem on a built page into a finding at a source line."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import unquote

from scripts.check_site.findings import Finding, severity_of
from scripts.check_site.site import HtmlPage, Ref, Site, Target

LEADING_DOTS = re.compile(r"^(?:\.\.?/)+")


class Collector:
    """Collects findings about built pages, mapped to source lines.

    A problem in the page's own content is reported at the line of its source page. A problem in
    the theme (nav, header, footer) repeats on every page; it is reported once, at the line of
    mkdocs.yml or the override template that produces it, with the number of pages it is on.
    """

    def __init__(self, site: Site) -> None:
        self.site = site
        self._findings: list[Finding] = []
        self._seen: Counter[tuple[str, str, str]] = Counter()
        self._template: dict[tuple[str, str, str, int], list[str]] = {}

    def add(
        self,
        page: HtmlPage,
        ref: Ref,
        code: str,
        message: str,
        tokens: Iterable[Sequence[str]],
        template_message: str | None = None,
    ) -> None:
        """Record a problem with `ref` on `page`."""
        key = (page.path, ref.url, code)
        where = self.site.locate(page.path, ref, tokens, self._seen[key])
        self._seen[key] += 1
        if where.origin == "template":
            text = template_message or message
            self._template.setdefault((code, text, where.path, where.line), []).append(page.path)
            return
        self._findings.append(Finding(where.path, where.line, code, message, severity_of(code)))

    def findings(self) -> list[Finding]:
        """Everything collected, theme problems merged across pages."""
        merged = list(self._findings)
        for (code, text, path, line), pages in self._template.items():
            count = len(set(pages))
            on = f"on {pages[0]}" if count == 1 else f"on {count} pages, e.g. {pages[0]}"
            message = f"{text} (in the site template: nav, header or footer; {on})"
            merged.append(Finding(path, line, code, message, severity_of(code)))
        return merged


def link_tokens(site: Site, url: str, target: Target | None) -> list[list[str]]:
    """What to look for in the source to find the line of a link, most specific first."""
    url = url.strip()
    groups = [[url, LEADING_DOTS.sub("", url), unquote(url)]]
    if target is None:
        return groups
    found = site.lookup(target.path, target.directory)
    source = site.page_source.get(found) if found else None
    fragment = target.fragment
    short = None
    if source is not None:
        parts = source.split("/")
        short = "/".join(parts[-2:]) if parts[-1] in ("index.md", "README.md") else parts[-1]
        if fragment:
            groups.append([f"{short}#{fragment}"])
    else:
        name = posixpath.basename(target.path)
        groups.append([target.path])
        if name and not name.startswith("index."):
            groups.append([name])
    if fragment:
        groups.append([f"#{fragment}"])
    if short is not None:
        groups.append([short])
    return groups
