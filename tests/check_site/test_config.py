"""Reading mkdocs.yml without MkDocs: tags it cannot construct, defaults, overrides, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.check_site.config import load_config
from scripts.check_site.findings import BadInputError, InputError

STREAM_END = "expected ',' or ']', but got '<stream end>'"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_python_name_tags_and_settings(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "site_url: https://example.org/guide/\ndocs_dir: content\nuse_directory_urls: false\n"
        "theme:\n  name: material\n  custom_dir: overrides\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "site_dir: !ENV [CHECK_SITE_TEST_UNSET, public]\n",
    )
    config = load_config(path)
    assert config.docs_dir == tmp_path / "content"
    assert config.site_dir == tmp_path / "public"  # the !ENV default
    assert config.base_path == "/guide/"
    assert config.use_directory_urls is False
    assert config.custom_dir == tmp_path / "overrides"


def test_defaults_and_command_line_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, "site_name: x\n")
    config = load_config(path)
    assert (config.docs_dir, config.site_dir, config.base_path) == (
        tmp_path / "docs",
        tmp_path / "site",
        "/",
    )
    config = load_config(path, docs_dir=Path("d"), site_dir=Path("s"))
    assert (config.docs_dir, config.site_dir) == (Path("d"), Path("s"))


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("site_name: x\nnav:\n  - a: [b\n", 4, f"invalid YAML: {STREAM_END}"),
        ("- just\n- a list\n", 1, "config is not a mapping of settings"),
    ],
)
def test_bad_config(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(BadInputError) as caught:
        load_config(path)
    assert caught.value.errors == [InputError(path.as_posix(), line, message)]


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(BadInputError) as caught:
        load_config(tmp_path / "mkdocs.yml")
    shown = (tmp_path / "mkdocs.yml").as_posix()
    assert caught.value.errors == [InputError(shown, None, "config file not found")]
