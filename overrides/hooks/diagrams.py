"""Inline each Mermaid diagram as the SVG rendered ahead of the build.

`make diagrams` (scripts/diagrams.py) renders every Mermaid fence of docs/ to
docs/.diagrams/<key>.svg. This hook swaps each fence that superfences wrote as
`<pre class="mermaid"><code>...</code></pre>` for its SVG, so pages never load Mermaid
and Material never looks for it. A fence without a rendering fails the strict build,
naming the page and line. Diagrams stay out of the search index: their labels would be
indexed as one run-on string.
"""

from __future__ import annotations

import html as markup
import logging
import re
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.diagrams import fences, key, svg_path  # noqa: E402

log = logging.getLogger("mkdocs.hooks.diagrams")
FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.DOTALL)


def _line(page: Page, text: str) -> int:
    """The line of the page's Markdown where the fence with this text starts (0: not found)."""
    path = Path(page.file.abs_src_path or "")
    if not path.is_file():
        return 0
    return next((fence.line for fence in fences(path) if fence.key == key(text)), 0)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every Mermaid fence with its pre-rendered SVG."""

    def inline(match: re.Match[str]) -> str:
        text = markup.unescape(match[1])
        svg = svg_path(Path(config.docs_dir), text)
        if not svg.is_file():
            log.warning(
                "docs/%s:%d: this diagram has no rendering in docs/.diagrams/; "
                "run `make diagrams` and commit what it writes",
                page.file.src_uri,
                _line(page, text),
            )
            return match[0]
        drawing = svg.read_text(encoding="utf-8").strip()
        return f'<div class="diagram" data-search-exclude>{drawing}</div>'

    return FENCE.sub(inline, html) if '<pre class="mermaid">' in html else html
