"""Stop Material from restyling every element of the page as it starts.

Computing the style of every element again costs a phone a noticeable pause on a page
with a lot of typeset math. Material's start did it twice over, and this hook removes
both causes, measured on /mathematics/ with a 4x slower CPU.

**The palette switch.** When the page loads (and whenever the reader switches palette),
Material sets `data-md-color-switching` on `<body>` and removes it one frame later. Its
palette stylesheet has a rule, `[data-md-color-switching] *` (and the same for `:before`
and `:after`), that turns transitions off while the attribute is set. That rule matches
every element, so each change of the attribute restyles the page: about 150 to 290 ms
of 820 to 920 ms of blocking time. The hook deletes the rule from the built stylesheet.
What a reader can see change: when they switch palette, colours fade for a moment
(Material's own transitions, 250 ms at most) instead of changing at once.

**The stylesheet reload.** With `navigation.instant`, Material's bundle makes every
relative URL in the page absolute when it starts (`element.href = element.href`), so
that it can later tell which `<head>` elements two pages share. For a
`<link rel="stylesheet">` that changes the attribute, and the browser drops the
stylesheet it has applied, loads it again from its cache, parses it again and restyles
the page: about 400 ms of 950 ms of blocking time. A root-relative URL
(`/mle-interview-guide/assets/...`) means the same on every page, so the hook writes
each relative `<link href>` in `<head>` that way, from `site_url`, and teaches the
bundle's "is this URL absolute already?" test to accept root-relative URLs too, so that
it leaves those links alone.

If a Material upgrade changes the rule or the test, the build fails here and names the
file, rather than silently restyling again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

PALETTES = "assets/stylesheets/palette.*.min.css"
SWITCHING_RULE = re.compile(
    r"\[data-md-color-switching\] \*,"
    r"\[data-md-color-switching\] :after,"
    r"\[data-md-color-switching\] :before"
    r"\{transition-duration:0s!important\}"
)
BUNDLES = "assets/javascripts/bundle.*.min.js"
# Material's function that makes a whole document's URLs absolute; in 9.8 (minified):
#   if(o&&!/^(?:[a-z]+:)?\/\//i.test(o)){t[r]=t[r];break}
# The `x[y]=x[y]` assignment tells it from a similar function that resolves URLs
# against another page, which is left as it is.
ABSOLUTE_TEST = re.compile(
    r"(if\((\w+)&&!/\^\(\?:\[a-z\]\+:\)\?\\/\\/)(/i\.test\(\2\)\)\{(\w+)\[(\w+)\]=\4\[\5\])"
)
ALSO_ROOT_RELATIVE = r"|^\/"
LINK_HREF = re.compile(r'(<link\b[^>]*?\shref=")([^"]*)(")')
# What the bundle leaves alone after the fix: a scheme, `//host` or a root-relative URL.
NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def _once(
    what: str,
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str],
    text: str,
    name: str,
) -> str:
    """`text` with the one match of `pattern` replaced; an error naming the file if not once."""
    replaced, found = pattern.subn(replace, text)
    if found != 1:
        raise PluginError(
            f"{name}: expected Material's {what} once, found it {found} times; "
            "update overrides/hooks/material_fixes.py"
        )
    return replaced


def without_switching_rule(css: str, name: str) -> str:
    """Material's palette stylesheet without the rule that restyles every element."""
    return _once("[data-md-color-switching] rule", SWITCHING_RULE, lambda m: "", css, name)


def with_root_relative_urls_kept(bundle: str, name: str) -> str:
    """Material's bundle, counting root-relative URLs as absolute when it starts."""

    def also_root_relative(match: re.Match[str]) -> str:
        return match.group(1) + ALSO_ROOT_RELATIVE + match.group(3)

    return _once("URL-absolutizing test", ABSOLUTE_TEST, also_root_relative, bundle, name)


def root_relative_head_links(html: str, page_url: str) -> str:
    """`html` with each relative `<link href>` in its head made root-relative.

    `page_url` is the page's own root-relative URL, such as `/guide/start-here/`.
    """
    head, end, body = html.partition("</head>")

    def rewrite(match: re.Match[str]) -> str:
        prefix, href, suffix = match.groups()
        if not href or NOT_RELATIVE.match(href):
            return f"{prefix}{href}{suffix}"
        return f"{prefix}{urljoin(page_url, href)}{suffix}"

    return LINK_HREF.sub(rewrite, head) + end + body if end else html


def _site_path(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is required (by material_fixes and instant navigation)"
        )
    path = urlsplit(config.site_url).path
    return path if path.endswith("/") else path + "/"


def _fix_built(config: MkDocsConfig, pattern: str, fix: Callable[[str, str], str]) -> None:
    files = sorted(Path(config.site_dir).glob(pattern))
    if not files:
        raise PluginError(f"{config.site_dir}: no {pattern}; is the theme still Material?")
    for file in files:
        file.write_text(fix(file.read_text(encoding="utf-8"), str(file)), encoding="utf-8")


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return root_relative_head_links(output, _site_path(config) + page.url)


def on_post_build(config: MkDocsConfig) -> None:
    _fix_built(config, PALETTES, without_switching_rule)
    _fix_built(config, BUNDLES, with_root_relative_urls_kept)
