"""The audit's report: which Lighthouse run it keeps, and what it prints."""

from __future__ import annotations

import pytest

from scripts.audit.__main__ import CATEGORIES, Audited, Run, Weight, median_run, report

METRICS = {"FCP": 1360.0, "LCP": 1520.0, "TBT": 85.0, "CLS": 0.0, "SI": 1400.0}


def _run(performance: int, total_bytes: int = 50_000) -> Run:
    scores = {category: 100 for category in CATEGORIES} | {"performance": performance}
    return Run(scores=scores, total_bytes=total_bytes, metrics=METRICS)


def test_the_median_run_is_the_middle_performance_score() -> None:
    runs = [_run(100, 1), _run(97, 2), _run(99, 3)]
    assert median_run(runs).total_bytes == 3
    assert median_run([_run(98), _run(100)]).scores["performance"] == 98
    assert median_run([_run(96)]).scores["performance"] == 96


def test_no_run_is_an_error() -> None:
    with pytest.raises(ValueError, match="no Lighthouse run"):
        median_run([])


def test_the_report_gives_median_scores_every_run_and_what_cost_points() -> None:
    page = Audited(
        name="topic with quizzes",
        path="quiz/",
        runs={"mobile": [_run(100), _run(97), _run(99)], "desktop": [_run(100)] * 3},
        first=Weight(html=20 * 1024, own=10 * 1024, theme=40 * 1024),
        repeat=Weight(html=20 * 1024, own=0, theme=0),
    )
    text = report([page])
    assert "median of 3 runs" in text
    row = next(line for line in text.splitlines() if line.startswith("topic with quizzes /quiz/"))
    assert row.split()[4:6] == ["99|100", "100|100"]
    assert row.endswith("100,97,99 | 100,100,100")
    assert "missed: topic with quizzes mobile performance 99" in text
    assert (
        "topic with quizzes mobile (median run): FCP 1.36 s, LCP 1.52 s, TBT 85 ms, CLS 0.000, "
        "SI 1.40 s"
    ) in text
    assert "desktop (median run)" not in text
    assert "HTML + own assets: 30.0 KiB of 60.0: met" in text
    assert "repeat visit: 20.0 KiB of 25.0: met" in text
