"""The Markdown source model: front matter, fences and quizzes, and the input it refuses."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from scripts.check_site.findings import InputError
from scripts.check_site.markdown import (
    Fence,
    SourceError,
    fence_language,
    parse_quiz,
    parse_source,
    read_source,
)


def error(text: str) -> InputError:
    with pytest.raises(SourceError) as caught:
        parse_source(dedent(text), "page.md", "docs/page.md")
    return caught.value.error


def test_front_matter_keys_and_lines() -> None:
    page = parse_source("---\ntitle: A\ndescription: B\n---\n# A\n", "a.md", "docs/a.md")
    assert page.front_matter == {"title": "A", "description": "B"}
    assert page.front_matter_end == 4
    assert page.front_matter_keys == {"title": 2, "description": 3}


def test_fences_are_found_with_their_languages() -> None:
    page = parse_source("# A\n\n```python\nx\n```\n\n~~~\ny\n~~~\n", "a.md", "docs/a.md")
    assert page.fences == (Fence(3, 5, "python"), Fence(7, 9, None))
    assert page.code_lines == frozenset({3, 4, 5, 7, 8, 9})


@pytest.mark.parametrize(
    ("info", "language"),
    [
        ("python", "python"),
        (' py title="a.py" linenums="1"', "py"),
        ("{.python .annotate}", "python"),
        ("{ .bash }", "bash"),
        ("", None),
        ('title="a.py"', None),
        ('{ title="a.py" }', None),
    ],
)
def test_fence_language(info: str, language: str | None) -> None:
    assert fence_language(info) == language


@pytest.mark.parametrize(
    ("inner", "parsed"),
    [
        (
            "\nQ?\n- [x] A\n- [ ] B\n- [ ] C\n\nBecause.\n",
            ("single", "Q?", 3, "Because."),
        ),
        (
            "\nQ? Select all that apply.\n* [x] A\n  > yes\n* [X] B\n* [ ] C\n\nBoth.\n",
            ("multiple", "Q? Select all that apply.", 3, "Both."),
        ),
        (
            "\nThe answer is [[42]].\n\n---\nSix times seven.\n",
            ("fill", "The answer is [[42]].", 0, "Six times seven."),
        ),
        ("\nNo answers at all\n", ("invalid", "No answers at all", 0, "")),
    ],
)
def test_parse_quiz_like_mkdocs_quiz(inner: str, parsed: tuple[str, str, int, str]) -> None:
    assert parse_quiz(inner) == parsed


def test_quiz_on_one_line_and_indented_quiz() -> None:
    page = parse_source(
        '# A\n\n=== "Tab"\n\n    <quiz>\n    Q?\n    - [x] A\n    - [ ] B\n    - [ ] C\n\n'
        "    Why.\n    </quiz>\n",
        "a.md",
        "docs/a.md",
    )
    assert [(q.start, q.end, q.kind, q.options, q.explanation) for q in page.quizzes] == [
        (5, 12, "single", 3, "Why.")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# A\n\n<quiz>\nQ?\n- [x] A\n",
            InputError("docs/page.md", 3, "<quiz> opened here is never closed"),
        ),
        (
            "# A\n\n<quiz>\nQ?\n\n<quiz>\nR?\n</quiz>\n",
            InputError(
                "docs/page.md",
                3,
                "<quiz> opened here is not closed before the next <quiz> (line 6)",
            ),
        ),
        ("# A\n\n</quiz>\n", InputError("docs/page.md", 3, "</quiz> without an opening <quiz>")),
        (
            "# A\n\n```python\nx = 1\n",
            InputError("docs/page.md", 3, "code fence opened here is never closed"),
        ),
        (
            "---\ntitle: A\n",
            InputError("docs/page.md", 1, "front matter opened here is never closed"),
        ),
        (
            "---\ntitle: A\ndescription: [unclosed\n---\n",
            InputError(
                "docs/page.md",
                3,
                "malformed front matter: expected ',' or ']', but got '<stream end>'",
            ),
        ),
        (
            "---\n- a list\n---\n",
            InputError("docs/page.md", 2, "malformed front matter: expected `key: value` lines"),
        ),
    ],
    ids=[
        "unclosed-quiz",
        "quiz-in-quiz",
        "stray-close",
        "unclosed-fence",
        "unclosed-front-matter",
        "front-matter-yaml-error",
        "front-matter-not-a-mapping",
    ],
)
def test_bad_input_names_the_file_and_line(text: str, expected: InputError) -> None:
    assert error(text) == expected


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes(b"# Title\n\nCaf\xe9 au lait\n")
    with pytest.raises(SourceError) as caught:
        read_source(path, "page.md", "docs/page.md")
    assert caught.value.error == InputError("docs/page.md", 3, "file is not valid UTF-8")
    assert str(caught.value.error) == "docs/page.md:3: error: file is not valid UTF-8"


def test_quiz_tags_inside_code_are_ignored() -> None:
    page = parse_source("# A\n\n```html\n<quiz>\n```\n", "a.md", "docs/a.md")
    assert page.quizzes == ()
