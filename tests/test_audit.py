"""The audit's report: which Lighthouse run it keeps, and what it prints."""

from __future__ import annotations

import pytest

from scripts.audit.__main__ import CATEGORIES, Audited, Run, Weight, median_run, report


def _run(performance: int, tti: float = 2400.0, fcp: float = 1360.0, seo: int = 100) -> Run:
    scores = {category: 100 for category in CATEGORIES} | {
        "performance": performance,
        "seo": seo,
    }
    metrics = {"FCP": fcp, "LCP": 1520.0, "TBT": 85.0, "CLS": 0.0, "SI": 1400.0, "TTI": tti}
    short = ["FCP", "TBT"] if performance < 100 else []
    return Run(scores=scores, total_bytes=50_000, metrics=metrics, short=short)


def test_the_median_run_is_closest_to_the_median_fcp_and_time_to_interactive() -> None:
    slow, middle, fast = _run(97, tti=2900), _run(99, tti=2400), _run(100, tti=2000)
    assert median_run([fast, slow, middle]) is middle
    # FCP counts as much as time to interactive: 1,000 ms off is far.
    off = _run(98, tti=2400, fcp=2360)
    assert median_run([off, _run(100, tti=2300), _run(99, tti=2500)]).metrics["TTI"] == 2300
    # Equally close: the earlier time to interactive.
    assert median_run([_run(99, tti=2500), _run(100, tti=2300)]).metrics["TTI"] == 2300
    assert median_run([slow]) is slow


def test_no_run_is_an_error() -> None:
    with pytest.raises(ValueError, match="no Lighthouse run"):
        median_run([])


def test_the_report_gives_median_scores_every_run_and_what_cost_points() -> None:
    page = Audited(
        name="topic with quizzes",
        path="quiz/",
        runs={
            "mobile": [_run(100, tti=2000), _run(97, tti=2900), _run(99, tti=2400)],
            "desktop": [_run(100), _run(100, seo=92), _run(100)],
        },
        first=Weight(html=20 * 1024, own=10 * 1024, theme=40 * 1024, elements=1812),
        repeat=Weight(html=20 * 1024, own=0, theme=0, elements=1812),
    )
    text = report([page])
    assert "median run of 3" in text
    row = next(line for line in text.splitlines() if line.startswith("topic with quizzes /quiz/"))
    assert row.split()[4:8] == ["99|100", "100|100", "100|100", "100|100"]
    assert row.endswith("100,97,99 | 100,100,100")
    assert "missed: topic with quizzes mobile performance 99" in text
    assert (
        "topic with quizzes mobile (median run), metrics below full marks: FCP 1.36 s, TBT 85 ms"
    ) in text
    assert "desktop (median run)" not in text
    assert "below 100: topic with quizzes desktop run 2 seo 92" in text
    weights = [line.split() for line in text.splitlines() if line.startswith("topic with")][1]
    assert weights[-7:] == ["20.0", "10.0", "40.0", "70.0", "30.0", "20.0", "1812"]
    assert "HTML + own assets: 30.0 KiB of 60.0: met" in text
    assert "repeat visit: 20.0 KiB of 25.0: met" in text
