"""The real site: the session's strict build has no findings (this is what `make test` runs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.check_site.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def test_the_built_site_and_its_sources_have_no_findings(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)])
    output = capsys.readouterr().out.splitlines()
    assert output[:-1] == []
    assert output[-1].startswith("0 findings in 0 files")
    assert status == 0
