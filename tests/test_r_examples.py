"""Every R example in the pages runs under Rscript and prints what its `#>` lines show.

The same convention as the Python examples (and R's reprex): output is written on
`#>` lines under the statement that prints it. An example that cannot run here
uses the fence ```r test="skip"``` and says why on the page.

R comes from the system (Debian: r-base-core, r-cran-dplyr, r-cran-tidyr), which
.ci/run installs; without it these tests are skipped locally and fail in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```r(?P<options>[ \t][^\n]*)?\n"
    r"(?P<body>.*?)^(?P=indent)```[ \t]*$",
    re.DOTALL | re.MULTILINE,
)


@dataclass(frozen=True)
class RExample:
    path: Path
    line: int
    code: str
    expected: tuple[str, ...]
    skip: bool

    def __str__(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def parse(path: Path) -> list[RExample]:
    """The ```r blocks of one Markdown file, with their expected output."""
    text = path.read_text(encoding="utf-8")
    examples = []
    for match in FENCE.finditer(text):
        indent = len(match["indent"])
        lines = [line[indent:] for line in match["body"].splitlines()]
        expected = tuple(
            line.strip()[3:] if line.strip().startswith("#> ") else line.strip()[2:]
            for line in lines
            if line.strip().startswith("#>")
        )
        examples.append(
            RExample(
                path=path,
                line=text.count("\n", 0, match.start()) + 1,
                code="\n".join(lines) + "\n",
                expected=expected,
                skip='test="skip"' in (match["options"] or ""),
            )
        )
    return examples


EXAMPLES = [example for page in sorted((ROOT / "docs").rglob("*.md")) for example in parse(page)]


def test_parse_reads_code_and_expected_output(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        'Text\n\n```r\nx <- 1:3\nprint(sum(x))\n#> [1] 6\n```\n\n```r test="skip"\nq()\n```\n'
    )
    first, second = parse(page)
    assert (first.line, first.expected, first.skip) == (3, ("[1] 6",), False)
    assert (second.expected, second.skip) == ((), True)


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_r_example_runs_and_prints_what_the_page_shows(example: RExample, tmp_path: Path) -> None:
    if example.skip:
        pytest.skip('marked test="skip" on the page')
    rscript = shutil.which("Rscript")
    if rscript is None:
        message = "Rscript not found: install r-base-core, r-cran-dplyr and r-cran-tidyr"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    script = tmp_path / "example.R"
    script.write_text(example.code, encoding="utf-8")
    proc = subprocess.run(
        [rscript, "--vanilla", str(script)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    printed = tuple(line.rstrip() for line in proc.stdout.splitlines())
    assert printed == tuple(line.rstrip() for line in example.expected)
