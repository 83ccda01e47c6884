"""Stop Material from restyling every element of the page as it starts.

Computing the style of every element again costs a phone a noticeable pause on a page
with a lot of typeset math, and Material's start made the browser do it several times
over. Each fix below removes one cause; the figures were measured on /mathematics/
with a 4x slower CPU. If a Material upgrade changes the code a fix expects, the build
fails here and names the file, rather than silently restyling again.

**The palette switch.** When the page loads (and whenever the reader switches palette),
Material sets `data-md-color-switching` on `<body>` and removes it one frame later. Its
palette stylesheet has a rule, `[data-md-color-switching] *` (and the same for `:before`
and `:after`), that turns transitions off while the attribute is set. That rule matches
every element, so each change of the attribute restyles the page: about 150 to 290 ms
of 820 to 920 ms of blocking time. The fix deletes the rule from the built stylesheet.
What a reader can see change: when they switch palette, colours fade for a moment
(Material's own transitions, 250 ms at most) instead of changing at once.

**The stylesheet reload.** With `navigation.instant`, Material's bundle makes every
relative URL in the page absolute when it starts (`element.href = element.href`), so
that it can later tell which `<head>` elements two pages share. For a
`<link rel="stylesheet">` that changes the attribute, and the browser drops the
stylesheet it has applied, loads it again from its cache, parses it again and restyles
the page: about 400 ms of 950 ms of blocking time. A root-relative URL
(`/mle-interview-guide/assets/...`) means the same on every page, so each relative
`<link href>` in `<head>` is written that way, from `site_url`, and the bundle's "is
this URL absolute already?" test accepts root-relative URLs too, so that it leaves
those links alone.

**The color-scheme meta.** The bundle adds an empty `<meta name="color-scheme">` to
the head, then sets its content to the palette's; the browser restyles the page for
each. Our palette partial now adds that meta, with its content, before the page is
styled, and the bundle reuses it and writes its content only when it changes.

**The table wrappers.** Material wraps each Markdown table in its own scrolling
container as it starts, taking the table out of the article and putting the wrapper in
its place. On a page with math, the browser's own MathML stylesheet has `:nth-child`
rules, and taking a child out of the article then makes it style every element of the
article again. So each table is built inside a `<div class="table-host">`
(extra.css gives it the margins of Material's wrapper, so the table keeps its place),
and Material swaps the table within that small container instead.

Two more causes are fixed elsewhere: the classes of `<html>` (overrides/main.html) and
the quiz progress sidebar (overrides/hooks/quiz_assets.py).
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# (what it is, where it is in Material's built file, what it becomes: a re template)
Fix = tuple[str, re.Pattern[str], str]

PALETTES = "assets/stylesheets/palette.*.min.css"
PALETTE_FIXES: tuple[Fix, ...] = (
    (
        "[data-md-color-switching] rule",
        re.compile(
            r"\[data-md-color-switching\] \*,"
            r"\[data-md-color-switching\] :after,"
            r"\[data-md-color-switching\] :before"
            r"\{transition-duration:0s!important\}"
        ),
        "",
    ),
)
BUNDLES = "assets/javascripts/bundle.*.min.js"
# The minified code of Material 9.8 is quoted above each pattern.
BUNDLE_FIXES: tuple[Fix, ...] = (
    # if(o&&!/^(?:[a-z]+:)?\/\//i.test(o)){t[r]=t[r];break}
    # The `x[y]=x[y]` tells it from a function that resolves URLs against another page.
    (
        "URL-absolutizing test",
        re.compile(
            r"(if\((\w+)&&!/\^\(\?:\[a-z\]\+:\)\?\\/\\/)"
            r"(/i\.test\(\2\)\)\{(\w+)\[(\w+)\]=\4\[\5\])"
        ),
        r"\1|^\\/\3",
    ),
    # let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);
    (
        "color-scheme meta",
        re.compile(
            r'let (\w+)=(\w+)\("meta",\{name:"color-scheme"\}\);document\.head\.appendChild\(\1\);'
        ),
        r'let \1=document.head.querySelector("meta[name=color-scheme]")'
        r'||document.head.appendChild(\2("meta",{name:"color-scheme"}));',
    ),
    # return o.content=a.colorScheme,
    (
        "color-scheme update",
        re.compile(r"return (\w+)\.content=(\w+)\.colorScheme,"),
        r"return \1.content!==\2.colorScheme&&(\1.content=\2.colorScheme),",
    ),
)
LINK_HREF = re.compile(r'(<link\b[^>]*?\shref=")([^"]*)(")')
# Hrefs kept as they are: with a scheme, `//host` or root-relative (all of which the
# fixed bundle leaves alone), and bare fragments, which mean the same on any page.
NOT_RELATIVE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)
MARKDOWN_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)  # Markdown tables cannot nest


def fixed(text: str, name: str, fixes: tuple[Fix, ...]) -> str:
    """`text` with each fix made once; an error naming the file if one is not there once."""
    for what, pattern, replacement in fixes:
        text, found = pattern.subn(partial(re.Match.expand, template=replacement), text)
        if found != 1:
            raise PluginError(
                f"{name}: expected Material's {what} once, found it {found} times; "
                "update overrides/hooks/material_fixes.py"
            )
    return text


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


def tables_in_hosts(html: str) -> str:
    """`html` with each Markdown table (a `<table>` without attributes) in a host `<div>`."""
    return MARKDOWN_TABLE.sub(r'<div class="table-host">\g<0></div>', html)


def _site_path(config: MkDocsConfig) -> str:
    if not config.site_url:
        raise PluginError(
            "mkdocs.yml: site_url is required (by material_fixes and instant navigation)"
        )
    path = urlsplit(config.site_url).path
    return path if path.endswith("/") else path + "/"


def _fix_built(config: MkDocsConfig, pattern: str, fixes: tuple[Fix, ...]) -> None:
    files = sorted(Path(config.site_dir).glob(pattern))
    if not files:
        raise PluginError(f"{config.site_dir}: no {pattern}; is the theme still Material?")
    for file in files:
        text = file.read_text(encoding="utf-8")
        file.write_text(fixed(text, str(file), fixes), encoding="utf-8")


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return tables_in_hosts(html)


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return root_relative_head_links(output, _site_path(config) + page.url)


def on_post_build(config: MkDocsConfig) -> None:
    _fix_built(config, PALETTES, PALETTE_FIXES)
    _fix_built(config, BUNDLES, BUNDLE_FIXES)
