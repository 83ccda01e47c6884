"""`python -m scripts.diagrams`: render the site's Mermaid diagrams to SVG, ahead of the build.

Readers get each diagram as inline SVG, so no page loads Mermaid (about 1 MB of
script). This script finds every Mermaid fence in docs/, renders the ones without an
SVG yet in Debian's Chromium with the pinned Mermaid from node_modules, and writes
them to docs/.diagrams/<key>.svg, where <key> is a hash of the fence's text. It
deletes the SVGs no fence uses any more. The build (overrides/hooks/diagrams.py)
inlines those files and fails, naming the page and line, on a fence without one.

The SVGs take their colours and font from Material's `--md-mermaid-*` variables, so
one file serves both palettes. `--all` renders every diagram again (after a Mermaid
upgrade or a change to the styles below).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CACHE = ".diagrams"  # under the docs folder, which MkDocs does not publish (dot folder)
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```mermaid[^\n]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
# Material's system font stack (the site sets `font: false`); Chromium on Linux
# measures labels in Liberation Sans, metrically the same as Arial and Helvetica.
FONT = "-apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif"
# Colours come from the variables Material defines for each palette.
THEME_CSS = """
text { font-family: var(--md-mermaid-font-family); }
.node rect, .node circle, .node ellipse, .node polygon, .node path {
  fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color);
}
.cluster rect {
  fill: var(--md-default-fg-color--lightest); stroke: var(--md-default-fg-color--lighter);
}
.node text, .cluster text, .nodeLabel, .cluster-label text {
  fill: var(--md-mermaid-label-fg-color);
}
.edgePath .path, .flowchart-link { stroke: var(--md-mermaid-edge-color); }
.marker, .arrowheadPath, marker path { fill: var(--md-mermaid-edge-color) !important;
  stroke: var(--md-mermaid-edge-color) !important; }
.edgeLabel, .edgeLabel rect, .labelBkg { fill: var(--md-mermaid-label-bg-color);
  background-color: var(--md-mermaid-label-bg-color); }
.edgeLabel text { fill: var(--md-mermaid-label-fg-color); }
"""
CONFIG = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False},
    "fontFamily": FONT,
    "themeCSS": THEME_CSS,
}
RENDER = """async ({ config, diagrams }) => {
  mermaid.initialize(config);
  const out = [];
  for (const [id, text] of diagrams) {
    try {
      out.push({ svg: (await mermaid.render(id, text)).svg });
    } catch (error) {
      out.push({ error: String(error.message || error).split("\\n")[0] });
    }
  }
  return out;
}"""


@dataclass(frozen=True)
class Fence:
    """One Mermaid fence: where it is and what it says."""

    path: Path
    line: int
    text: str

    @property
    def key(self) -> str:
        return key(self.text)

    @property
    def where(self) -> str:
        return f"{_shown(self.path)}:{self.line}"


def _shown(path: Path) -> str:
    """A path as a message shows it: relative to the repository when inside it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def normalize(text: str) -> str:
    """A fence's text without its indentation, trailing spaces or surrounding blank lines."""
    return "\n".join(line.rstrip() for line in textwrap.dedent(text).strip().splitlines())


def key(text: str) -> str:
    """The file name (without .svg) of a diagram's rendering; the build uses this too."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def svg_path(docs: Path, text: str) -> Path:
    """Where the rendering of a diagram with this text lives, for the site in `docs`."""
    return docs / CACHE / f"{key(text)}.svg"


def fences(path: Path) -> list[Fence]:
    """The Mermaid fences of one Markdown file, with their 1-based line numbers."""
    source = path.read_text(encoding="utf-8")
    return [
        Fence(path, source.count("\n", 0, match.start()) + 1, match["body"])
        for match in FENCE.finditer(source)
    ]


def all_fences(docs: Path) -> list[Fence]:
    """Every Mermaid fence of the site's pages (dot folders are not pages)."""
    found: list[Fence] = []
    for path in sorted(docs.rglob("*.md")):
        if not any(part.startswith(".") for part in path.relative_to(docs).parts):
            found += fences(path)
    return found


def render(todo: list[Fence]) -> dict[str, str]:
    """Render fences in Chromium; return the SVG of each key, or exit naming the bad ones."""
    from playwright.sync_api import sync_playwright

    from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS

    if not MERMAID.is_file():
        sys.exit(f"error: {_shown(MERMAID)} is missing; run `make install` first")
    if not Path(CHROMIUM).is_file():
        sys.exit(
            f"error: no Chromium at {CHROMIUM}: install Debian's `chromium` or set CHROMIUM_PATH"
        )
    diagrams = [(f"diagram-{fence.key}", normalize(fence.text)) for fence in todo]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.set_content(f'<!doctype html><html lang="en"><body style="font-family: {FONT}">')
        page.add_script_tag(path=MERMAID)
        results = page.evaluate(RENDER, {"config": CONFIG, "diagrams": diagrams})
        browser.close()
    answers = list(zip(todo, results, strict=True))
    errors = [
        f"{f.where}: Mermaid cannot render this diagram: {r['error']}"
        for f, r in answers
        if "error" in r
    ]
    if errors:
        sys.exit("\n".join(errors))
    return {fence.key: result["svg"] for fence, result in answers}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.diagrams", description="Render Mermaid diagrams to SVG."
    )
    parser.add_argument("--all", action="store_true", help="render every diagram again")
    parser.add_argument("--docs", type=Path, default=DOCS, help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)

    cache = args.docs / CACHE
    found = {fence.key: fence for fence in all_fences(args.docs)}
    todo = [fence for k, fence in found.items() if args.all or not (cache / f"{k}.svg").is_file()]
    if todo:
        cache.mkdir(exist_ok=True)
        for k, svg in render(todo).items():
            (cache / f"{k}.svg").write_text(svg + "\n", encoding="utf-8")
    stale = [path for path in sorted(cache.glob("*.svg")) if path.stem not in found]
    for path in stale:
        path.unlink()
    print(f"diagrams: {len(found)} in the pages, {len(todo)} rendered, {len(stale)} stale removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
