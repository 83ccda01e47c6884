"""`python -m scripts.diagrams` renders with the pinned Mermaid in Chromium, for real."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.diagrams import CACHE, key, main

GOOD = "flowchart LR\n    A[Raw data] --> B{Clean?}\n    B -- yes --> C[Train]\n"
BAD = "flowchart LR\n    A[Raw data --> B\n"


def _page(docs: Path, name: str, diagram: str) -> None:
    docs.mkdir(exist_ok=True)
    (docs / name).write_text(f"# Page\n\n```mermaid\n{diagram}```\n", encoding="utf-8")


def test_renders_new_diagrams_and_removes_stale_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    _page(docs, "index.md", GOOD)
    (docs / CACHE).mkdir()
    stale = docs / CACHE / "0123456789abcdef.svg"
    stale.write_text("<svg></svg>", encoding="utf-8")

    assert main(["--docs", str(docs)]) == 0
    svg = (docs / CACHE / f"{key(GOOD)}.svg").read_text(encoding="utf-8")
    assert svg.startswith(f'<svg id="diagram-{key(GOOD)}"')
    text = re.sub(r"<style>.*?</style>|<[^>]+>", "", svg)  # words are split over <tspan>s
    for label in ("Raw data", "Clean?", "Train", "yes"):
        assert label in text
    # Colours and font come from Material's palette variables, not Mermaid's theme.
    assert "fill:var(--md-mermaid-node-bg-color)" in svg
    assert "font-family:var(--md-mermaid-font-family)" in svg
    assert "<foreignObject" not in svg  # plain SVG text: no HTML for the page's CSS to restyle
    assert not stale.exists()
    assert "1 in the pages, 1 rendered, 1 stale removed" in capsys.readouterr().out

    assert main(["--docs", str(docs)]) == 0
    assert "1 in the pages, 0 rendered, 0 stale removed" in capsys.readouterr().out


def test_a_diagram_mermaid_rejects_is_reported_with_its_page_and_line(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _page(docs, "broken.md", BAD)
    with pytest.raises(SystemExit) as exited:
        main(["--docs", str(docs)])
    message = str(exited.value.code)
    assert message.startswith(f"{docs / 'broken.md'}:3: Mermaid cannot render this diagram: ")
    assert not (docs / CACHE / f"{key(BAD)}.svg").exists()
