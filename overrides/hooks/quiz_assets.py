"""Serve mkdocs-quiz's stylesheet and script as cached files, only where quizzes are.

mkdocs-quiz inlines its whole quiz.css and quiz.js (about 55 KB) into every page it
processes, quiz or not, together with a progress sidebar and two small per-page
scripts (translations and options). This hook, which runs after the plugin:

- on pages with a quiz, replaces the inlined script with `<script src>` to one shared
  file (after a small inline script, see BEFORE_QUIZ_JS) and links the stylesheet
  from the page's head, keeping the per-page scripts;
- on pages without a quiz, removes everything the plugin added;
- adds both files, read from the installed plugin, to the site.

The inlined text is matched against the plugin's own files, so if an upgrade changes
how the plugin inlines them, the build fails here instead of shipping them twice.
Material's instant navigation re-runs scripts found in the page content, so the
`<script src>` works when a reader navigates from a page without quizzes to one with.
"""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files as package_files

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

CSS_TEXT = (package_files("mkdocs_quiz.css") / "quiz.css").read_text(encoding="utf-8")
JS_TEXT = (package_files("mkdocs_quiz.js") / "quiz.js").read_text(encoding="utf-8")
CSS_URI = "assets/quiz/quiz.css"
JS_URI = "assets/quiz/quiz.js"
# A content hash in each URL, so that no browser keeps a file from an older plugin.
CSS_QUERY = "?v=" + hashlib.sha256(CSS_TEXT.encode("utf-8")).hexdigest()[:10]
JS_QUERY = "?v=" + hashlib.sha256(JS_TEXT.encode("utf-8")).hexdigest()[:10]

INLINE_CSS = re.compile(r"<style[^>]*>" + re.escape(CSS_TEXT) + r"</style>")
INLINE_JS = re.compile(r"<script[^>]*>" + re.escape(JS_TEXT) + r"</script>")
# What the plugin adds to every page besides the two files.
PAGE_SCRIPTS = re.compile(r"<script[^>]*>\s*window\.mkdocsQuiz\w+ = .*?</script>", re.DOTALL)
SIDEBAR = re.compile(
    r'<div id="quiz-progress-sidebar".*?<nav id="quiz-progress-mobile".*?</nav>', re.DOTALL
)
# The desktop half of the sidebar, which quiz.js moves to the top of the table of
# contents once the page is shown.
DESKTOP_SIDEBAR = re.compile(
    r'<div id="quiz-progress-sidebar".*?</ul>\s*</div>(?=\s*<nav id="quiz-progress-mobile")',
    re.DOTALL,
)
SIDEBAR_HIDDEN = re.compile(
    r'(<(?:div|nav) id="quiz-progress-(?:sidebar|mobile)"[^>]*?) style="display: none;"'
)
PROGRESS_TOTAL = re.compile(r'(<span class="quiz-progress-total">)0</span>')
SHOW_PROGRESS_OFF = re.compile(r"window\.mkdocsQuizConfig = \{[^}]*\bshowProgress: false")
# The table of contents quiz.js moves the sidebar into: the one in the right-hand
# column, not the copy that the navigation drawer holds for small screens.
TOC_COLUMN = re.compile(r'<div class="md-sidebar md-sidebar--secondary"')
TOC_NAV = re.compile(r'<nav class="md-nav md-nav--secondary"[^>]*>')
QUIZ = re.compile(r'<div class="quiz[ "]')
MARKER = "window.mkdocsQuizConfig"
# Runs before quiz.js on each quiz page, including after instant navigation:
# - quiz.js now loads after Material announces the new page, so the previous page's
#   quiz.js would still be subscribed and would restore its own answers into this
#   page; drop that subscription (quiz.js makes a fresh one when it runs);
# - mkdocs-quiz throws on saved progress of the right shape but wrong types (say,
#   `"selectedValues": null`), and then no quiz on the page works: drop saved
#   progress that it could not restore, as the plugin itself does for bad JSON.
BEFORE_QUIZ_JS = """<script>(function () {
  if (window._mkdocsQuizSubscription) {
    window._mkdocsQuizSubscription.unsubscribe();
    window._mkdocsQuizSubscription = null;
  }
  var key = "quiz_progress_" + location.pathname;
  function valid(entry) {
    return entry !== null && typeof entry === "object" && typeof entry.answered === "boolean"
      && typeof entry.correct === "boolean" && Array.isArray(entry.selectedValues)
      && entry.selectedValues.every(function (value) { return typeof value === "string"; });
  }
  try {
    var saved = JSON.parse(localStorage.getItem(key) || "{}");
    if (typeof saved !== "object" || saved === null || Array.isArray(saved)
        || !Object.values(saved).every(valid)) {
      localStorage.removeItem(key);
    }
  } catch (error) {
    try { localStorage.removeItem(key); } catch (ignored) {}
  }
})();</script>"""


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add quiz.css and quiz.js, exactly as the installed plugin ships them."""
    files.append(File.generated(config, CSS_URI, content=CSS_TEXT))
    files.append(File.generated(config, JS_URI, content=JS_TEXT))
    return files


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Swap the inlined files for links on quiz pages; drop the plugin's additions elsewhere."""
    if MARKER not in html:
        return html  # the plugin did not process this page
    if not (INLINE_CSS.search(html) and INLINE_JS.search(html)):
        raise PluginError(
            f"{page.file.src_path}: mkdocs-quiz no longer inlines its quiz.css and quiz.js "
            "as overrides/hooks/quiz_assets.py expects; update the hook for this version."
        )
    html = INLINE_CSS.sub("", html, count=1)
    if QUIZ.search(html):
        src = get_relative_url(JS_URI, page.url) + JS_QUERY
        script = f'{BEFORE_QUIZ_JS}<script src="{src}" defer></script>'
        return INLINE_JS.sub(lambda _: script, html, count=1)
    html = SIDEBAR.sub("", PAGE_SCRIPTS.sub("", INLINE_JS.sub("", html, count=1)))
    if MARKER in html or "quiz-progress" in html:
        raise PluginError(
            f"{page.file.src_path}: could not remove everything mkdocs-quiz added to a page "
            "without quizzes; update overrides/hooks/quiz_assets.py for this version."
        )
    return html


def sidebar_in_toc(html: str, name: str) -> str:
    """`html` with the progress sidebar already where quiz.js would move it.

    quiz.js takes the sidebar out of the article as the page opens. On a page with
    math, the browser's own MathML stylesheet has `:nth-child` rules, and taking a child
    out of the article then makes it style every element of the article again. If the
    sidebar is already in the right-hand table of contents, quiz.js leaves it there. A
    page without a table of contents keeps the sidebar in the article, as before.
    """
    if 'id="quiz-progress-sidebar"' not in html:
        return html  # the plugin added no sidebar
    sidebar = DESKTOP_SIDEBAR.search(html)
    if sidebar is None:
        raise PluginError(
            f"{name}: no mkdocs-quiz progress sidebar where overrides/hooks/quiz_assets.py "
            "expects it; update the hook for this version."
        )
    column = TOC_COLUMN.search(html, 0, sidebar.start())
    toc = column and TOC_NAV.search(html, column.end(), sidebar.start())
    if toc is None:
        return html
    return (
        html[: toc.end()]
        + sidebar.group(0)
        + html[toc.end() : sidebar.start()]
        + html[sidebar.end() :]
    )


def sidebar_shown(html: str, quizzes: int, name: str) -> str:
    """`html` with both progress sidebars shown, out of `quizzes` quizzes.

    The plugin adds a desktop sidebar (which this hook puts in the table of contents)
    and a mobile one (at the end of the article), both hidden and counting 0 quizzes;
    quiz.js shows them and writes the count once the page has loaded. Shown only then,
    the desktop sidebar pushed the whole table of contents down on every quiz page, and
    the mobile one the footer (layout shifts). Built shown, with the count quiz.js would
    write, they move nothing when the script runs. Without JavaScript nothing updates
    the progress, so extra.css hides them. With progress off, quiz.js never shows them,
    and neither does this.
    """
    if SHOW_PROGRESS_OFF.search(html):
        return html
    html, shown = SIDEBAR_HIDDEN.subn(r"\1", html, count=2)
    html, counted = PROGRESS_TOTAL.subn(
        lambda total: f"{total.group(1)}{quizzes}</span>", html, count=2
    )
    if (shown, counted) != (2, 2):
        raise PluginError(
            f"{name}: mkdocs-quiz's progress sidebars are not built as "
            "overrides/hooks/quiz_assets.py expects (hidden, counting 0 quizzes); "
            "update the hook for this version."
        )
    return html


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """On pages with quizzes: link the stylesheet; place and show the progress sidebars."""
    quizzes = len(QUIZ.findall(output))
    if not quizzes:
        return output
    href = get_relative_url(CSS_URI, page.url) + CSS_QUERY
    link = f'<link rel="stylesheet" href="{href}">'
    output = sidebar_in_toc(output, page.file.src_path)
    output = sidebar_shown(output, quizzes, page.file.src_path)
    return output.replace("</head>", f"{link}\n</head>", 1)
