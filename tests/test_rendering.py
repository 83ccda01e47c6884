"""Build-time rendering: diagrams inlined from docs/.diagrams/, math typeset by KaTeX."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from mkdocs.exceptions import PluginError

from scripts.diagrams import CACHE, all_fences, fences, key, svg_path
from tests.conftest import HOOKS, ROOT, load_hook, mkdocs_build

KATEX_FONT = ROOT / "node_modules" / "katex" / "dist" / "fonts" / "KaTeX_Main-Regular.woff2"
FONTS = Path("assets") / "vendor" / "katex" / "fonts"
CONFIG = f"""site_name: Mini
site_url: https://example.org/
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - admonition
  - pymdownx.arithmatex:
      generic: true
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
hooks:
  - {HOOKS / "diagrams.py"}
  - {HOOKS / "typeset_math.py"}
"""
DIAGRAM = "flowchart LR\n    A[Data] --> B[Model]"
DIAGRAM_PAGE = f"""# Diagram

!!! note "Inside an admonition"

    ```mermaid
    {DIAGRAM.replace(chr(10), chr(10) + "    ")}
    ```
"""
MATH_PAGE = r"""# Math

Inline $a < b$ and display:

$$
\frac{1}{n} \sum_{i=1}^{n} x_i
$$
"""
# A stand-in rendering: these tests are about the hook, not about Mermaid.
SVG = '<svg id="diagram-test" xmlns="http://www.w3.org/2000/svg"><g class="node"></g></svg>'


def _build(root: Path, pages: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Build a small site with our rendering hooks from `pages` (file name -> Markdown)."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    return mkdocs_build(root, root / "site")


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with a diagram (rendering provided), math, and a plain page."""
    root = tmp_path_factory.mktemp("rendering")
    (root / "docs" / CACHE).mkdir(parents=True)
    svg_path(root / "docs", DIAGRAM).write_text(SVG + "\n", encoding="utf-8")
    (root / "docs" / FONTS).mkdir(parents=True)
    shutil.copy(KATEX_FONT, root / "docs" / FONTS)
    pages = {"index.md": "# Plain\n\nNo math.\n", "diagram.md": DIAGRAM_PAGE, "math.md": MATH_PAGE}
    proc = _build(root, pages)
    assert proc.returncode == 0, proc.stderr
    return root / "site"


def test_fences_are_found_with_their_lines_even_when_indented(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# T\n\n```mermaid\nflowchart TD\n  A --> B\n```\n\n" + DIAGRAM_PAGE)
    found = fences(page)
    assert [fence.line for fence in found] == [3, 12]
    assert found[1].key == key(DIAGRAM)
    assert found[0].where.endswith("page.md:3")


def test_the_key_ignores_indentation_and_trailing_spaces_but_not_the_text() -> None:
    indented = "\n".join("    " + line + "  " for line in DIAGRAM.splitlines())
    assert key(indented) == key(DIAGRAM)
    assert key(DIAGRAM.replace("Model", "Models")) != key(DIAGRAM)


def test_every_diagram_has_a_committed_rendering_and_none_is_stale() -> None:
    listed = subprocess.run(
        ["git", "ls-files", f"docs/{CACHE}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    committed = {Path(name).stem for name in listed}
    fences_by_key = {fence.key: fence.where for fence in all_fences(ROOT / "docs")}
    assert fences_by_key, "no diagram found in docs/"
    missing = sorted(where for k, where in fences_by_key.items() if k not in committed)
    assert missing == [], "run `make diagrams` and commit docs/.diagrams/ for these fences"
    assert sorted(committed - fences_by_key.keys()) == [], "stale renderings: run `make diagrams`"


def test_a_diagram_is_inlined_and_kept_out_of_search(mini: Path) -> None:
    page = (mini / "diagram" / "index.html").read_text(encoding="utf-8")
    assert f'<div class="diagram" data-search-exclude>{SVG}</div>' in page
    assert 'class="mermaid"' not in page
    index = json.loads((mini / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("Model" in doc["text"] for doc in index["docs"])


def test_math_is_typeset_with_mathml_and_the_stylesheet_is_linked(mini: Path) -> None:
    page = (mini / "math" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>", 1)[0]
    assert head.count('<link rel="stylesheet" href="../assets/vendor/katex/katex.min.css">') == 1
    assert page.count('class="katex"') == 2  # inline, and inside the display
    assert page.count('class="katex-display"') == 1
    assert '<annotation encoding="application/x-tex">a &lt; b</annotation>' in page
    assert re.search(r"<mfrac><mn>1</mn><mi>n</mi></mfrac>", page)
    assert "\\(" not in page.split("<article", 1)[1]


def test_search_keeps_the_tex_source(mini: Path) -> None:
    index = json.loads((mini / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "\\(a &lt; b\\)" in text
    assert "katex" not in text


def test_a_page_without_math_does_not_load_katex(mini: Path) -> None:
    assert "katex" not in (mini / "index.html").read_text(encoding="utf-8")


def test_a_diagram_without_rendering_fails_the_build_naming_page_and_line(tmp_path: Path) -> None:
    proc = _build(tmp_path, {"index.md": "# Home\n", "diagram.md": DIAGRAM_PAGE})
    assert proc.returncode != 0
    assert "docs/diagram.md:5: this diagram has no rendering in docs/.diagrams/" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_tex_that_katex_rejects_fails_the_build_naming_page_and_line(tmp_path: Path) -> None:
    bad = "# Bad\n\nFine $x$ here.\n\nBroken $\\frac{1}{$ there.\n"
    proc = _build(tmp_path, {"index.md": bad})
    assert proc.returncode != 0
    assert "docs/index.md:5: KaTeX cannot typeset '\\\\frac{1}{'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_katex_fonts_keep_only_the_characters_the_math_shows(mini: Path) -> None:
    built = mini / FONTS / KATEX_FONT.name
    source = mini.parent / "docs" / FONTS / KATEX_FONT.name
    assert built.stat().st_size < source.stat().st_size * 0.5
    assert source.read_bytes() == KATEX_FONT.read_bytes(), "the docs copy must stay whole"
    kept = set(TTFont(built).getBestCmap())
    whole = set(TTFont(KATEX_FONT).getBestCmap())
    assert {ord(c) for c in "<=1()"} <= kept  # shown by the math page (and equation numbers)
    assert ord("Q") in whole
    assert ord("Q") not in kept  # no formula shows it


def test_a_missing_katex_stops_the_build_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renderer = tmp_path / "render_math.cjs"
    renderer.write_text('require("no-such-katex");\n', encoding="utf-8")
    hook = load_hook("typeset_math")
    monkeypatch.setattr(hook, "RENDERER", renderer)
    try:
        with pytest.raises(PluginError, match="is KaTeX installed"):
            hook._katex([("x", False)])
    finally:
        hook.on_shutdown()
