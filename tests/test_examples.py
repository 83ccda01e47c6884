"""Every Python example in the pages runs, and prints exactly what its `#>` lines show.

Output is written under the statement that prints it, as pytest-examples expects:

    print(2 + 2)
    #> 4

An example that cannot run in the tests (it needs a GPU or the network) carries
`test="skip"` in its fence (```python test="skip"```) and says so on the page.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples
from threadpoolctl import threadpool_limits

from tests.conftest import ROOT


def _in_fresh_thread(run: Callable[[], object]) -> None:
    """Run one example in a thread of its own and re-raise whatever it raised.

    The browser tests keep Playwright's event loop running in the main thread
    for the whole session, and an example that calls asyncio.run() there fails;
    a new thread has no running loop, as a reader's script would not.
    """
    raised: list[BaseException] = []

    def target() -> None:
        try:
            run()
        except BaseException as exc:  # re-raised in the test's thread
            raised.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if raised:
        raise raised[0]


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
        _in_fresh_thread(lambda: eval_example.run_print_check(example))
