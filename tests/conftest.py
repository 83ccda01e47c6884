"""Shared fixtures: one strict build of the site per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(site_dir=site_dir, returncode=proc.returncode, output=proc.stdout + proc.stderr)


@pytest.fixture(scope="session")
def site(build: Build) -> Path:
    """The built site folder; fails every dependent test if the build failed."""
    assert build.returncode == 0, f"strict build failed:\n{build.output}"
    return build.site_dir
