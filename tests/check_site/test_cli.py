"""The command line: exit status, formats, code selection, bad input, help and README."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.check_site.__main__ import main
from scripts.check_site.findings import CODES
from tests.check_site.helpers import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
CONFIG = str(FIXTURES / "cli" / "mkdocs.yml")
L001 = "docs/index.md:11: L001 link to a page or file that does not exist: gone.md"
C006 = "docs/index.md:13: C006 placeholder text left in: 'TODO' (finish or remove it)"
BUILD_FIRST = "build the site first (make build)"
STREAM_END = "expected ',' or ']', but got '<stream end>'"
SUMMARY = re.compile(
    r"^(\d+) findings? in (\d+) files? \(checked (\d+) pages?, (\d+) links?\) in \d+\.\d\d s$"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    status = main(["--config-file", CONFIG, *args])
    captured = capsys.readouterr()
    return status, captured.out.splitlines(), captured.err


def test_findings_then_summary_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, err = run(capsys)
    assert (status, lines[:-1], err) == (1, [L001, C006], "")
    summary = SUMMARY.match(lines[-1])
    assert summary is not None
    assert summary.groups() == ("2", "1", "1", "1")


def test_clean_run_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, "--ignore", "L001,C006")
    assert status == 0
    assert lines[:-1] == []
    assert lines[-1].startswith("0 findings in 0 files (checked 1 page, 1 link) in ")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "L001"], [L001]),
        (["--select", "C"], [C006]),
        (["--select", "L", "--select", "C006"], [L001, C006]),
        (["--select", "l001,c006"], [L001, C006]),
        (["--ignore", "L"], [C006]),
        (["--select", "C", "--ignore", "C006"], []),
    ],
)
def test_select_and_ignore_by_code_or_prefix(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: list[str]
) -> None:
    status, lines, _ = run(capsys, *args)
    assert (status, lines[:-1]) == (1 if expected else 0, expected)


def test_json_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, "--format", "json")
    document = json.loads("\n".join(lines))
    assert status == 1
    assert [(f["path"], f["line"], f["code"]) for f in document["findings"]] == [
        ("docs/index.md", 11, "L001"),
        ("docs/index.md", 13, "C006"),
    ]
    assert {k: v for k, v in document["summary"].items() if k != "seconds"} == {
        "findings": 2,
        "files": 1,
        "pages": 1,
        "links": 1,
    }


def test_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines, _ = run(capsys, "--format", "github")
    assert (status, lines[:-1]) == (
        1,
        [
            "::error file=docs/index.md,line=11,title=L001::"
            "link to a page or file that does not exist: gone.md",
            "::error file=docs/index.md,line=13,title=C006::"
            "placeholder text left in: 'TODO' (finish or remove it)",
        ],
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "Z9"], "unknown finding code 'Z9'"),
        (["--select", "X001"], "X codes come from --external"),
        (["--format", "xml"], "invalid choice: 'xml'"),
        (["--allow", "("], "invalid regular expression '('"),
    ],
)
def test_bad_arguments_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--config-file", CONFIG, *args])
    assert caught.value.code == 2
    assert message in capsys.readouterr().err


def project(tmp_path: Path) -> Path:
    """A copy of the cli fixture to break."""
    shutil.copytree(FIXTURES / "cli", tmp_path / "cli")
    return tmp_path / "cli"


def break_non_utf8(root: Path) -> None:
    (root / "docs" / "latin1.md").write_bytes(b"# Caf\xe9\n")


def break_front_matter(root: Path) -> None:
    (root / "docs" / "bad.md").write_text("---\ntitle: [oops\n---\n# Bad\n", encoding="utf-8")


def break_quiz(root: Path) -> None:
    text = "---\ntitle: Q\ndescription: Q\n---\n\n# Q\n\n<quiz>\nQ?\n- [x] A\n"
    (root / "docs" / "quiz.md").write_text(text, encoding="utf-8")


def break_site(root: Path) -> None:
    shutil.rmtree(root / "site")
    (root / "site").mkdir()


def break_config(root: Path) -> None:
    (root / "mkdocs.yml").write_text("site_name: [x\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("breaker", "error"),
    [
        (break_non_utf8, "docs/latin1.md:1: error: file is not valid UTF-8"),
        (
            break_front_matter,
            f"docs/bad.md:2: error: malformed front matter: {STREAM_END}",
        ),
        (break_quiz, "docs/quiz.md:8: error: <quiz> opened here is never closed"),
        (break_site, f"site: error: site folder has no HTML pages: {BUILD_FIRST}"),
        (break_config, f"mkdocs.yml:2: error: invalid YAML: {STREAM_END}"),
    ],
    ids=["non-utf8", "front-matter", "unclosed-quiz", "empty-site", "config"],
)
def test_bad_input_is_one_line_naming_file_and_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    breaker: Callable[[Path], None],
    error: str,
) -> None:
    root = project(tmp_path)
    breaker(root)
    monkeypatch.chdir(root)
    assert main([]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", error + "\n")


def test_content_codes_alone_need_no_built_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    shutil.rmtree(root / "site")
    monkeypatch.chdir(root)
    assert main(["--select", "C"]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == [C006]


def test_site_and_docs_dir_override_the_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    (root / "site").rename(root / "built")
    (root / "docs").rename(root / "sources")
    monkeypatch.chdir(root)
    assert main(["--site-dir", "built", "--docs-dir", "sources"]) == 1
    assert capsys.readouterr().out.splitlines()[:-1] == [
        L001.replace("docs/", "sources/"),
        C006.replace("docs/", "sources/"),
    ]


def test_module_entry_point_and_no_traceback(tmp_path: Path) -> None:
    root = project(tmp_path)
    break_quiz(root)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "scripts.check_site"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == "docs/quiz.md:8: error: <quiz> opened here is never closed\n"


def test_help_documents_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    text = capsys.readouterr().out
    for code in CODES.values():
        assert f"  {code.code}  {code.summary}" in text


def test_readme_table_matches_the_registry() -> None:
    readme = (ROOT / "scripts" / "check_site" / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([LCX]\d{3}) \| (.+) \|$", readme, re.MULTILINE)
    assert rows == [(code.code, code.summary) for code in CODES.values()]
