"""Shared fixtures and helpers: one strict build of the site per test session."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOOKS = ROOT / "overrides" / "hooks"


def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` on the project in `project`, as `make build` does."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


def load_hook(name: str) -> ModuleType:
    """A fresh copy of one of our MkDocs hooks (overrides/hooks/<name>.py), for unit tests."""
    spec = importlib.util.spec_from_file_location(f"hook_{name}", HOOKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Build:
    """The result of `mkdocs build --strict` into a temporary folder."""

    site_dir: Path
    returncode: int
    output: str


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Build the site once, strictly, exactly as `make build` does."""
    site_dir = tmp_path_factory.mktemp("site")
    proc = mkdocs_build(ROOT, site_dir)
    return Build(site_dir=site_dir, returncode=proc.returncode, output=proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    """The built site folder; fails every dependent test if the build failed."""
    assert build.returncode == 0, f"strict build failed:\n{build.output}"
    return build.site_dir
