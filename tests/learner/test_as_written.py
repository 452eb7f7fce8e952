"""Programs checked as their authors wrote them: the three seeds with their real causes at their
lines, and twenty programs in other styles, each with one known mistake or none.

Each program in ``programs/`` says on its first line what the check must find
(``# expect: KIND [variable=NAME] [also=KIND]``) and marks the line it must point to with
``# <- expected``; the check runs them in the sandbox as the window and the CLI do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from playground.cli.main import main
from playground.learner.check import check_file, check_source
from playground.learner.verdicts import NOTE_KINDS
from playground.paths import resources_dir

HERE = Path(__file__).parent
PROGRAMS = sorted((HERE / "programs").glob("*.py"))
SEEDS = resources_dir() / "learners" / "as_written"  # the seeds as their authors wrote them


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def _expected(path: Path) -> dict:
    words = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ").split()
    spec = {"kind": words[0]}
    spec.update(w.split("=", 1) for w in words[1:])
    return spec


def test_there_are_programs_in_many_styles_two_of_them_correct_or_more():
    kinds = [_expected(p)["kind"] for p in PROGRAMS]
    assert len(PROGRAMS) >= 15 and kinds.count("ok") >= 2
    assert len(set(kinds)) >= 12


@pytest.mark.parametrize("path", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_each_program_is_diagnosed_as_it_was_written(path):
    spec = _expected(path)
    result = check_file(path)
    first = result.findings[0]
    assert result.mode == "as-written"
    assert first.kind == spec["kind"], [f.message for f in result.findings]
    if "variable" in spec:
        assert first.variable == spec["variable"]
    if "# <- expected" in path.read_text(encoding="utf-8"):
        assert first.line == _line_of(path, "# <- expected")
    if "also" in spec:
        assert spec["also"] in [f.kind for f in result.findings]
    assert result.passed == (spec["kind"] == "ok")


def test_no_correct_program_gets_a_finding_beyond_the_notes():
    for path in PROGRAMS:
        if _expected(path)["kind"] == "ok":
            kinds = [f.kind for f in check_file(path).findings]
            assert kinds[0] == "ok" and set(kinds[1:]) <= set(NOTE_KINDS), (path.name, kinds)


@pytest.mark.both_ways
def test_seed_000_moves_by_the_gradient_summed_over_10000_images_with_no_learning_rate():
    path = SEEDS / "seed_000.py"
    result = check_file(path)
    first = result.findings[0]
    assert (first.kind, first.variable) == ("no-learning-rate", "weights1")
    assert first.line == _line_of(path, "weights1 += w1")
    assert "10,000" in first.message and "no-bias" in [f.kind for f in result.findings]
    assert result.network == {"layers": [784, 16, 10], "activations": ["sigmoid", "sigmoid"],
                              "bias": [False, False], "convention": "row", "samples": 10_000,
                              "weights": ["weights1", "weights2"], "inputs": "inputs",
                              "targets": "outputs"}


@pytest.mark.both_ways
def test_seed_001_is_python2_without_bias_and_its_gradient_is_right():
    result = check_file(SEEDS / "seed_001.py")
    assert [f.kind for f in result.findings] == ["ok", "no-bias", "python2"]
    assert result.passed
    assert "cannot map 0 to 0 and 1 to 1" in result.findings[1].message
    assert "line 20: xrange → range" in result.findings[2].message
    assert result.network["weights"] == ["w[0]", "w[1]"]
    assert result.network["convention"] == "scalar"


@pytest.mark.both_ways
def test_seed_002_takes_sigma_prime_of_the_activation_in_its_hidden_delta():
    path = SEEDS / "seed_002.py"
    result = check_file(path)
    first = result.findings[0]
    assert (first.kind, first.layer, first.variable) == ("derivative-at-output", 1, "delta")
    assert first.line == _line_of(path, "* self.sigmoidPrime(activations[-l])")
    assert "`self.sigmoidPrime(activations[-l])`" in first.message
    ragged = [f for f in result.findings if f.kind == "old-numpy"]
    assert [f.line for f in ragged] == [_line_of(path, "return np.array(activations)")]
    assert result.network["layers"] == [2, 2, 1] and result.network["bias"] == [True, True]
    assert result.network["convention"] == "column"
    assert (result.network["inputs"], result.network["targets"]) == ("datasetX", "datasetY")


def test_check_code_json_for_a_program_as_written(capsys):
    path = HERE / "programs" / "sigma_prime_of_activation.py"
    assert main(["check-code", str(path), "--json"]) == 1
    out = json.loads(capsys.readouterr().out.splitlines()[0])
    assert out["mode"] == "as-written" and out["passed"] is False
    assert out["network"] == {"layers": [2, 3, 1], "activations": ["sigmoid", "sigmoid"],
                              "bias": [True, True], "convention": "row",
                              "weights": ["W1", "W2"], "samples": 4, "inputs": "X",
                              "targets": "y"}
    finding = out["findings"][0]
    assert {k: finding[k] for k in ("kind", "layer", "array", "variable", "line")} == {
        "kind": "derivative-at-output", "layer": 1, "array": "W", "variable": "d_hidden",
        "line": _line_of(path, "# <- expected")}


def test_a_program_that_loops_before_training_is_ended_by_the_time_limit():
    result = check_source("import numpy as np\nW = np.ones(2)\nwhile True:\n    pass\n",
                          "loop.py", timeout=2.0)
    assert [f.kind for f in result.findings] == ["no-training"]
    assert "ran without updating" in result.findings[0].message


def test_a_program_that_raises_before_training_gets_its_line():
    result = check_source("import numpy as np\n\nx = np.ones(3)\nraise RuntimeError('no')\n",
                          "raises.py")
    assert [(f.kind, f.line) for f in result.findings] == [("exception", 4)]


def test_a_file_python_cannot_read_gives_its_line(capsys):
    from playground.learner.check import TemplateError

    with pytest.raises(TemplateError, match="Python cannot read your file: line 1"):
        check_source("this is not python (", "bad.py")


def test_only_the_checks_own_sentences_come_back_from_the_sandbox():
    from playground.learner.verdicts import finding, from_wire, to_wire
    from playground.run.wire import WireError

    sent = to_wire(finding("ok", "ok", loss="cross-entropy", network="2 → 1 sigmoid", rate=0.5,
                           n=4, mean=2.0))
    back = from_wire(sent)
    assert back.message.startswith("each update is a step down the gradient of the "
                                   "cross-entropy of 2 → 1 sigmoid")
    for bad in ({**sent, "key": "{0.__class__}"}, {**sent, "kind": "owned"},
                {**sent, "values": {"rate": [1]}}, {**sent, "line": "7"}, "ok"):
        with pytest.raises(WireError):
            from_wire(bad)
