"""Fix what Markdown extensions write that assistive technology cannot use.

- pymdownx.tasklist puts a checkbox in an empty `<label>`, with the item's text after
  it: the checkbox gets the text as its `aria-label`.
- A quiz option whose label is only math has a name that browsers read from KaTeX's
  MathML, but tools that do not read MathML (axe-core among them) find none: the
  option gets its TeX source as a `title`, which is only used when no other name is.
- An empty header cell (the corner of a Markdown table whose first column is row
  headers) heads nothing: it becomes a data cell. A header cell that is only math
  looks empty to the same tools: its formula gets its TeX source as a text label.
"""

from __future__ import annotations

import html as markup
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TASK = re.compile(
    r'(<label class="task-list-control"><input type="checkbox")([^>]*>'
    r'<span class="task-list-indicator"></span></label>)(.*?)(?=</li>|</p>|<ul|<ol)',
    re.DOTALL,
)
OPTION = re.compile(r'(<input [^>]*\bid="(quiz-\d+-\d+)"[^>]*?)\s*>(<label for="\2">)(.*?)</label>')
MATH = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")
EMPTY_HEADER = re.compile(r"<th((?: [^>]*)?)>\s*</th>")
HEADER = re.compile(r"(<th(?: [^>]*)?>)(.*?)</th>", re.DOTALL)


def _text(fragment: str) -> str:
    """The plain text of an HTML fragment, whitespace collapsed, ready for an attribute."""
    return markup.escape(" ".join(markup.unescape(TAG.sub("", fragment)).split()))


def _name_task(match: re.Match[str]) -> str:
    return f'{match[1]} aria-label="{_text(match[3])}"{match[2]}{match[3]}'


def _title_math_option(match: re.Match[str]) -> str:
    label = match[4]
    if _text(MATH.sub("", label)) or not MATH.search(label):
        return match[0]
    tex = " ".join(MATH.findall(label))
    return f'{match[1]} title="{_text(tex)}">{match[3]}{label}</label>'


def _label_math_header(match: re.Match[str]) -> str:
    cell = match[2]
    if _text(MATH.sub("", cell)) or not MATH.search(cell):
        return match[0]
    labelled = MATH.sub(
        lambda m: (
            f'<span class="arithmatex" role="math" aria-label="{_text(m[1])}">\\({m[1]}\\)</span>'
        ),
        cell,
    )
    return f"{match[1]}{labelled}</th>"


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Name task-list checkboxes and math-only quiz options; demote empty header cells."""
    if not any(mark in html for mark in ("task-list-control", 'class="quiz', "<th")):
        return html
    html = HEADER.sub(_label_math_header, EMPTY_HEADER.sub(r"<td\1></td>", html))
    return OPTION.sub(_title_math_option, TASK.sub(_name_task, html))
