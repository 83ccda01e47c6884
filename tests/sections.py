"""The site's top-level sections, as ../shared/OUTLINE.md lists them."""

from __future__ import annotations

# (nav title, section index page) for every top-level section of the outline.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("Home", "index.md"),
    ("Start here", "start-here/index.md"),
    ("Interview process", "interview-process/index.md"),
    ("Mathematics", "mathematics/index.md"),
    ("Programming", "programming/index.md"),
    ("Algorithms and data structures", "algorithms/index.md"),
    ("ML fundamentals", "ml-fundamentals/index.md"),
    ("Deep learning", "deep-learning/index.md"),
    ("Reinforcement learning", "reinforcement-learning/index.md"),
    ("ML coding", "ml-coding/index.md"),
    ("ML system design", "system-design/index.md"),
    ("Preparation strategies", "preparation/index.md"),
    ("Reviewing your ML projects", "projects/index.md"),
    ("Behavioral interviews", "behavioral/index.md"),
    ("Final tips", "final-tips/index.md"),
    ("Reference", "reference/index.md"),
)
