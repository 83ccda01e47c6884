"""C001: the front matter keys the site relies on are present and valid.

`title` and `description` feed the page title, search results and link previews; `tags` feeds
the tags index; `checks` lowers the quiz and word minimums of a special page.
"""

from __future__ import annotations

from collections.abc import Iterable

from scripts.check_site.findings import Finding
from scripts.check_site.kinds import OVERRIDE_FIELDS, OVERRIDE_KEY
from scripts.check_site.markdown import SourcePage

REQUIRED = ("title", "description")
MAX_DESCRIPTION = 200


def check(sources: Iterable[SourcePage]) -> list[Finding]:
    """Findings for missing or invalid front matter."""
    findings: list[Finding] = []
    for page in sources:
        findings.extend(Finding(page.display, line, "C001", msg) for line, msg in _problems(page))
    return findings


def _problems(page: SourcePage) -> list[tuple[int, str]]:
    data = page.front_matter
    if data is None:
        return [(1, "no front matter: start the page with ---, title:, description:, ---")]
    keys = page.front_matter_keys
    problems: list[tuple[int, str]] = []
    for key in REQUIRED:
        value = data.get(key)
        if key not in data:
            problems.append((1, f"front matter has no {key}: add `{key}: ...`"))
        elif not isinstance(value, str) or not value.strip():
            problems.append((keys.get(key, 1), f"front matter {key} must be non-empty text"))
    description = data.get("description")
    if isinstance(description, str) and len(description.strip()) > MAX_DESCRIPTION:
        problems.append(
            (
                keys.get("description", 1),
                f"description is {len(description.strip())} characters; keep it to "
                f"{MAX_DESCRIPTION} (search results and link previews cut it)",
            )
        )
    tags = data.get("tags")
    if "tags" in data and (
        not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags)
    ):
        problems.append((keys.get("tags", 1), "front matter tags must be a list of words"))
    if OVERRIDE_KEY in data and not _valid_override(data[OVERRIDE_KEY]):
        fields = " and/or ".join(OVERRIDE_FIELDS)
        problems.append(
            (
                keys.get(OVERRIDE_KEY, 1),
                f"front matter {OVERRIDE_KEY} must map {fields} to whole numbers of 0 or more",
            )
        )
    return problems


def _valid_override(value: object) -> bool:
    if not isinstance(value, dict) or not value:
        return False
    return all(
        key in OVERRIDE_FIELDS and isinstance(n, int) and not isinstance(n, bool) and n >= 0
        for key, n in value.items()
    )
