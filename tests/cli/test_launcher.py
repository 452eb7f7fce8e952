from __future__ import annotations

import pytest

from playground.cli.launcher import opens_window


@pytest.mark.parametrize(("argv", "window"), [
    ([], True), (["--screenshot", "x.png"], True), (["bench", "--gui"], True),
    (["bench"], False), (["train", "--dataset", "xor"], False), (["--help"], False),
])
def test_one_blas_thread_only_where_the_window_runs(argv, window):
    assert opens_window(argv) is window
