"""Give Material's search index clean text for quizzes.

Material indexes the text of each page's HTML. mkdocs-quiz writes a quiz's answer
options with nothing between them, so options "TCP", "UDP", "IP" are indexed as one
word "TCPUDPIP"; its "#" permalink, "Submit" button, intro and progress sidebar are
indexed too. This hook, which runs after the plugin, puts a line break between the
options and marks those widgets `data-search-exclude`, which Material's search skips
(and then strips from the page).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FIELDSET = re.compile(r"<fieldset[^>]*>.*?</fieldset>", re.DOTALL)
OPTION_END = re.compile(r"(</label>|</div>)(?=<)")
# Material's search ends an exclusion at the first closing tag of the same name, so
# these are elements without a nested element of their own kind.
WIDGETS = re.compile(
    r'<a href="#quiz-\d+" class="quiz-header-link"'
    r'|<button type="submit" class="quiz-button"'
    r'|<div class="quiz-intro"'
    r'|<label class="md-nav__title"'
    r'|<ul class="md-nav__list" data-md-component="quiz-progress"'
    r'|<nav id="quiz-progress-mobile"'
)
EXCLUDE = ' data-search-exclude="quiz"'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Separate quiz options and hide quiz widgets from the search index."""
    if 'class="quiz' not in html:
        return html
    html = FIELDSET.sub(lambda m: OPTION_END.sub(r"\1\n", m[0]), html)
    return WIDGETS.sub(lambda m: m[0] + EXCLUDE, html)
