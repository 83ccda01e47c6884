"""Stop Material's palette code from restyling every element of the page twice on load.

When the page loads (and whenever the reader switches palette), Material sets
`data-md-color-switching` on `<body>` and removes it one frame later. Its palette
stylesheet has a rule, `[data-md-color-switching] *` (and the same for `:before` and
`:after`), that turns transitions off while the attribute is set. Because that rule
matches every element, each change of the attribute makes the browser compute the style
of every element again. On a page with a lot of typeset math, that is most of the
blocking time on a phone (measured on /mathematics/ with a 4x slower CPU: about 150 to
290 ms of 820 to 920 ms).

This hook deletes that one rule from the built palette stylesheet. What a reader can
see change: when they switch palette, colours fade for a moment (Material's own
transitions, 250 ms at most) instead of changing at once. If a Material upgrade changes
the rule, the build fails here and names the file, rather than silently keeping it.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

SHEETS = "assets/stylesheets/palette.*.min.css"
RULE = re.compile(
    r"\[data-md-color-switching\] \*,"
    r"\[data-md-color-switching\] :after,"
    r"\[data-md-color-switching\] :before"
    r"\{transition-duration:0s!important\}"
)


def without_switching_rule(css: str, name: str) -> str:
    """The stylesheet without the rule; an error naming the file if it is not there once."""
    kept, found = RULE.subn("", css)
    if found != 1:
        raise PluginError(
            f"{name}: expected Material's [data-md-color-switching] rule once, found it "
            f"{found} times; update RULE in overrides/hooks/palette_switch.py"
        )
    return kept


def on_post_build(config: MkDocsConfig) -> None:
    sheets = sorted(Path(config.site_dir).glob(SHEETS))
    if not sheets:
        raise PluginError(f"{config.site_dir}: no {SHEETS}; is the theme still Material?")
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8")
        sheet.write_text(without_switching_rule(text, str(sheet)), encoding="utf-8")
