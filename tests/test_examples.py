"""Every Python example in the pages runs, and prints exactly what its `#>` lines show.

Output is written under the statement that prints it, as pytest-examples expects:

    print(2 + 2)
    #> 4

An example that cannot run in the tests (it needs a GPU or the network) carries
`test="skip"` in its fence (```python test="skip"```) and says so on the page.
"""

from __future__ import annotations

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples
from threadpoolctl import threadpool_limits

from tests.conftest import ROOT

EXAMPLES = [ex for ex in find_examples(str(ROOT / "docs")) if ex.path.suffix == ".md"]


def test_the_pages_have_examples_to_run() -> None:
    assert EXAMPLES, "no Python examples found under docs/"


@pytest.mark.parametrize("example", EXAMPLES, ids=str)
def test_example_runs_and_prints_what_the_page_shows(
    example: CodeExample, eval_example: EvalExample
) -> None:
    if example.prefix_settings().get("test") == "skip":
        pytest.skip("marked test=skip on the page")
    # One BLAS thread: the examples are tiny, and on a busy 2-core machine
    # OpenBLAS threads fighting each other made one example 20x slower.
    with threadpool_limits(limits=1):
        eval_example.run_print_check(example)
