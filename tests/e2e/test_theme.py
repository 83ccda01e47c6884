"""Our theme customisation: copied partials stay Material's own, and the hooks behave.

Not browser tests, but checks of what the browser receives: they run with them.
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from tests.conftest import ROOT, load_hook, mkdocs_build

OVERRIDES = ROOT / "overrides"
MATERIAL = Path(str(files("material") / "templates"))

# Each copied partial: the one change we make to Material's text.
PARTIAL_CHANGES = {
    "search.html": (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog"'
        " aria-label=\"{{ lang.t('search') }}\">",
    ),
    "tags.html": (
        '<nav class="md-tags" {{ hidden }}>',
        '<nav class="md-tags" aria-label="Tags" {{ hidden }}>',
    ),
    "progress.html": (
        '<div class="md-progress" data-md-component="progress" role="progressbar"></div>',
        '<div class="md-progress" data-md-component="progress" aria-hidden="true"></div>',
    ),
    "nav-item.html": (
        'aria-labelledby="{{ path }}_label"',
        'aria-label="{{ nav_item.title | striptags | e }}"',
    ),
}


def _without_header(template: str) -> str:
    """A template without its leading `{#- ... -#}` comment."""
    return template.split("-#}\n", 1)[1] if template.startswith("{#-") else template


def test_every_copied_partial_is_listed() -> None:
    copied = sorted(p.name for p in (OVERRIDES / "partials").glob("*.html"))
    assert copied == sorted(PARTIAL_CHANGES)


@pytest.mark.parametrize("name", sorted(PARTIAL_CHANGES))
def test_copied_partial_is_materials_own_but_for_one_change(name: str) -> None:
    old, new = PARTIAL_CHANGES[name]
    material = _without_header((MATERIAL / "partials" / name).read_text(encoding="utf-8"))
    ours = _without_header((OVERRIDES / "partials" / name).read_text(encoding="utf-8"))
    assert material.count(old) == 1, f"Material's {name} changed: update our copy"
    assert ours == material.replace(old, new)


QUIZ_PAGE = """---
title: With a quiz
---
# With a quiz

<quiz>
Which protocol is connectionless?
- [ ] TCP
- [x] UDP
- [ ] IP

UDP sends datagrams without a connection.
</quiz>

<quiz>
The default HTTPS port is [[443]].

---
Port 443 is assigned to HTTP over TLS.
</quiz>
"""
PLAIN_PAGE = "# Plain\n\nNo quiz here.\n"
MINI_CONFIG = """site_name: Mini
site_url: https://example.org/mini/
theme:
  name: material
  font: false
  features: [navigation.instant]
plugins:
  - search
  - mkdocs_quiz:
      confetti: false
hooks:
{hooks}
"""


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-page site built with the plugin and our hooks: one page with a quiz."""
    root = tmp_path_factory.mktemp("mini")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text(PLAIN_PAGE, encoding="utf-8")
    (root / "docs" / "quiz.md").write_text(QUIZ_PAGE, encoding="utf-8")
    hooks = "\n".join(f"  - {path}" for path in sorted((OVERRIDES / "hooks").glob("*.py")))
    (root / "mkdocs.yml").write_text(MINI_CONFIG.format(hooks=hooks), encoding="utf-8")
    proc = mkdocs_build(root, root / "site")
    assert proc.returncode == 0, proc.stderr
    return root / "site"


def test_a_page_without_quizzes_gets_nothing_from_the_plugin(mini_site: Path) -> None:
    page = (mini_site / "index.html").read_text(encoding="utf-8")
    leftovers = ["mkdocsQuiz", "quiz-progress", "assets/quiz/", "<style", "_mkdocsQuiz"]
    assert [text for text in leftovers if text in page] == []


def test_a_quiz_page_links_the_shared_files_once(mini_site: Path) -> None:
    page = (mini_site / "quiz" / "index.html").read_text(encoding="utf-8")
    head, body = page.split("</head>", 1)
    assert head.count('<link rel="stylesheet" href="../assets/quiz/quiz.css?v=') == 1
    assert body.count('<script src="../assets/quiz/quiz.js?v=') == 1
    assert "<style" not in page
    assert "window.mkdocsQuizConfig" in body
    assert "window.mkdocsQuizTranslations" in body
    assert len(page) < 30_000, "the plugin's files are still inlined"


def test_a_quiz_pages_progress_sidebar_is_built_into_the_table_of_contents(
    mini_site: Path,
) -> None:
    """Where quiz.js would move it: at the top of the table of contents, before the article."""
    page = (mini_site / "quiz" / "index.html").read_text(encoding="utf-8")
    column = page.index('<div class="md-sidebar md-sidebar--secondary"')
    toc = page.index('<nav class="md-nav md-nav--secondary"', column)
    assert page.count('id="quiz-progress-sidebar"') == 1
    assert toc < page.index('id="quiz-progress-sidebar"') < page.index("<article")
    assert page.index("<article") < page.index('id="quiz-progress-mobile"')


def test_a_quiz_pages_progress_sidebars_are_built_shown_and_counting_its_quizzes(
    mini_site: Path,
) -> None:
    page = (mini_site / "quiz" / "index.html").read_text(encoding="utf-8")
    quizzes = len(re.findall(r'<div class="quiz[ "]', page))
    assert quizzes == 2  # one of them fill-in-the-blank
    assert '<div id="quiz-progress-sidebar" aria-label="Quiz Progress">' in page
    assert "display: none" not in page
    assert page.count(f'<span class="quiz-progress-total">{quizzes}</span>') == 2
    assert '<span class="quiz-progress-total">0</span>' not in page


def test_sidebar_shown_shows_both_sidebars_and_nothing_else() -> None:
    hook = load_hook("quiz_assets")
    html = (
        '<div id="quiz-progress-sidebar" style="display: none;">'
        '<span class="quiz-progress-total">0</span>'
        '<span class="quiz-progress-score-total">0</span></div>'
        '<p style="display: none;"></p>'
        '<nav id="quiz-progress-mobile" class="md-nav" style="display: none;">'
        '<span class="quiz-progress-total">0</span></nav>'
    )
    assert hook.sidebar_shown(html, 3, "x.md") == (
        '<div id="quiz-progress-sidebar">'
        '<span class="quiz-progress-total">3</span>'
        '<span class="quiz-progress-score-total">0</span></div>'
        '<p style="display: none;"></p>'
        '<nav id="quiz-progress-mobile" class="md-nav">'
        '<span class="quiz-progress-total">3</span></nav>'
    )
    # With progress off, quiz.js never shows the sidebars: neither does the hook.
    off = "<script>window.mkdocsQuizConfig = {\n  showProgress: false\n};</script>" + html
    assert hook.sidebar_shown(off, 3, "x.md") == off
    # Markup the hook does not know fails the build rather than leaving a layout shift.
    with pytest.raises(PluginError, match=r"x\.md: mkdocs-quiz's progress sidebars are not"):
        hook.sidebar_shown(html.replace('style="display: none;">', "hidden>"), 3, "x.md")


def test_quiz_assets_leaves_the_sidebar_of_a_page_without_a_table_of_contents() -> None:
    hook = load_hook("quiz_assets")
    html = (
        '<article><div id="quiz-progress-sidebar" style="display: none;"><ul></ul>\n</div>\n'
        '<nav id="quiz-progress-mobile"></nav></article>'
    )
    assert hook.sidebar_in_toc(html, "x.md") == html
    with pytest.raises(PluginError, match=r"x\.md: no mkdocs-quiz progress sidebar where"):
        hook.sidebar_in_toc(html.replace("</ul>", "</ol>"), "x.md")


def test_the_shared_files_are_the_plugins_own(mini_site: Path) -> None:
    for name, package in (("quiz.css", "mkdocs_quiz.css"), ("quiz.js", "mkdocs_quiz.js")):
        ours = (mini_site / "assets" / "quiz" / name).read_text(encoding="utf-8")
        assert ours == (files(package) / name).read_text(encoding="utf-8")


def test_quiz_assets_fails_the_build_if_the_plugin_inlines_differently() -> None:
    hook = load_hook("quiz_assets")
    changed = (
        "<div class='quiz'></div><style>.quiz{}</style><script>window.mkdocsQuizConfig={}</script>"
    )
    page = type("Page", (), {"file": type("File", (), {"src_path": "x.md"})()})()
    with pytest.raises(PluginError, match="no longer inlines"):
        hook.on_page_content(changed, page=page, config=None, files=None)


def test_search_text_separates_options_and_hides_widgets() -> None:
    hook = load_hook("search_text")
    quiz = (
        '<div class="quiz" id="quiz-0"><a href="#quiz-0" class="quiz-header-link">#</a>'
        "<fieldset><div><input><label>TCP</label></div><div><input><label>UDP</label></div>"
        '</fieldset><button type="submit" class="quiz-button">Submit</button></div>'
    )
    out = hook.on_page_content(quiz, page=None, config=None, files=None)
    assert "<label>TCP</label>\n</div>\n<div>" in out
    assert out.count('data-search-exclude="quiz"') == 2


def test_a11y_markup_names_controls_and_demotes_empty_headers() -> None:
    hook = load_hook("a11y_markup")
    task = (
        '<li class="task-list-item"><label class="task-list-control"><input type="checkbox"/>'
        '<span class="task-list-indicator"></span></label> Book the <em>room</em> &amp; time</li>'
    )
    math = (
        '<div class="quiz"><input type="radio" name="answer" value="0" id="quiz-1-0" >'
        '<label for="quiz-1-0"><span class="arithmatex">\\(x^2\\)</span></label>'
        '<input type="radio" name="answer" value="1" id="quiz-1-1" >'
        '<label for="quiz-1-1">Both <span class="arithmatex">\\(x\\)</span></label></div>'
    )
    table = (
        '<table><thead><tr><th></th><th style="text-align: left">Recall</th>'
        '<th><span class="arithmatex">\\(p(x)\\)</span></th></tr>'
    )
    out = hook.on_page_content(task + math + table, page=None, config=None, files=None)
    assert '<tr><td></td><th style="text-align: left">Recall</th>' in out
    assert '<span class="arithmatex" role="math" aria-label="p(x)">\\(p(x)\\)</span>' in out
    assert '<input type="checkbox" aria-label="Book the room &amp; time"/>' in out
    assert 'id="quiz-1-0" title="x^2">' in out
    assert 'id="quiz-1-1" >' in out  # it has text of its own: left alone
