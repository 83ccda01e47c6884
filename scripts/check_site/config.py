"""Read the few settings the checker needs from `mkdocs.yml`, without importing MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from scripts.check_site.findings import BadInputError, InputError


class _Loader(yaml.SafeLoader):
    """A safe loader that reads unknown tags (`!!python/name:...`, `!ENV`) as plain values."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return None  # pragma: no cover - PyYAML has no other node kinds


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """MkDocs' `!ENV NAME` and `!ENV [NAME, OTHER, default]`."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    if isinstance(node, yaml.SequenceNode):
        *names, default = [str(v) for v in loader.construct_sequence(node)]
        return next((os.environ[n] for n in names if n in os.environ), default)
    return None


_Loader.add_multi_constructor("", _any_tag)
_Loader.add_constructor("!ENV", _env_tag)


@dataclass(frozen=True)
class Config:
    """Where things are, as `mkdocs.yml` says (or the command line overrides)."""

    config_file: Path
    root: Path
    docs_dir: Path
    site_dir: Path
    site_url: str
    use_directory_urls: bool
    custom_dir: Path | None

    @property
    def base_path(self) -> str:
        """The URL path the site is served under, e.g. `/guide/`; `/` if there is no site_url."""
        path = urlsplit(self.site_url).path if self.site_url else "/"
        return path if path.endswith("/") else path + "/"


def display_path(path: Path, root: Path) -> str:
    """A path as findings show it: relative to the project root when it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_settings(config_file: Path) -> dict[str, Any]:
    """`mkdocs.yml` as plain data; raise BadInputError naming the file and line if unreadable."""
    shown = config_file.as_posix()
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInputError([InputError(shown, None, "config file not found")]) from None
    except UnicodeDecodeError as exc:
        line = config_file.read_bytes()[: exc.start].count(b"\n") + 1
        raise BadInputError([InputError(shown, line, "config file is not valid UTF-8")]) from None
    except OSError as exc:
        raise BadInputError(
            [InputError(shown, None, f"cannot read config: {exc.strerror}")]
        ) from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 1 if mark is not None else None
        problem = exc.problem or "invalid YAML"
        raise BadInputError([InputError(shown, at, f"invalid YAML: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise BadInputError([InputError(shown, None, f"invalid YAML: {exc}")]) from None
    if not isinstance(data, dict):
        raise BadInputError([InputError(shown, 1, "config is not a mapping of settings")])
    return data


def nav_pages(nav: list[Any]) -> list[str]:
    """Every Markdown path in a `nav:` tree, in order."""
    pages: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            pages.extend(nav_pages(value))
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(value)
    return pages


def load_config(
    config_file: Path, *, docs_dir: Path | None = None, site_dir: Path | None = None
) -> Config:
    """Read `mkdocs.yml`; raise BadInputError naming the file and line if it cannot be used."""
    data = read_settings(config_file)
    root = config_file.parent
    theme = data.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    site_url = data.get("site_url")
    return Config(
        config_file=config_file,
        root=root,
        docs_dir=docs_dir if docs_dir is not None else root / str(data.get("docs_dir", "docs")),
        site_dir=site_dir if site_dir is not None else root / str(data.get("site_dir", "site")),
        site_url=site_url if isinstance(site_url, str) else "",
        use_directory_urls=data.get("use_directory_urls", True) is not False,
        custom_dir=root / custom if isinstance(custom, str) else None,
    )
