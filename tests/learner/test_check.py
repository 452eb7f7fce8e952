"""A learner's own backprop file, checked: every finding kind from a file with exactly that
mistake, the time limit, and the CLI's exit codes and JSON."""

from __future__ import annotations

import json

import pytest

from playground.cli.main import main
from playground.learner.check import TEMPLATE, TemplateError, check_file, check_source
from playground.paths import resources_dir

CORRECT = TEMPLATE  # the Your code tab's starting file: a correct 2-4-1 sigmoid network

# each: (kind, layer, what to replace in the correct file, with what)
MISTAKES = [
    ("sign", 2, "delta = (out - y) * out", "delta = (y - out) * out"),
    ("scale", 2, "* (1 - out) / n", "* (1 - out)"),  # summed over the batch
    ("derivative-at-output", 2, "delta = (out - y) * out * (1 - out) / n",
     "delta = (out - y) * sigmoid(out) * (1 - sigmoid(out)) / n"),
    ("missing-activation-derivative", 1, "delta = (delta @ params[i][\"W\"].T) * a * (1 - a)",
     "delta = delta @ params[i][\"W\"].T"),
    ("missing-bias-gradient", 2, '{"W": activations[i].T @ delta, "b": delta.sum(axis=0)}',
     '{"W": activations[i].T @ delta}'),
    # the same mistake spelled three more ways: zeros (the issue's), None, zeros of layer 1 only
    ("missing-bias-gradient", 2, '"b": delta.sum(axis=0)}', '"b": np.zeros_like(params[i]["b"])}'),
    ("missing-bias-gradient", 2, '"b": delta.sum(axis=0)}', '"b": None}'),
    ("missing-bias-gradient", 1, '"b": delta.sum(axis=0)}',
     '"b": delta.sum(axis=0) if i else 0 * params[i]["b"]}'),
    ("wrong-layer", 1, '{"W": activations[i].T @ delta,',
     '{"W": (activations[i].T @ delta) * (i > 0),'),
    ("shape", 2, '{"W": activations[i].T @ delta,', '{"W": (activations[i].T @ delta).T,'),
    ("forward", 1, 'sigmoid(activations[-1] @ p["W"] + p["b"])',
     'sigmoid(activations[-1] @ p["W"])'),
    ("ascent", 1, "p[k] - lr * g[k]", "p[k] + lr * g[k]"),
    ("no-learning-rate", 1, "p[k] - lr * g[k]", "p[k] - g[k]"),
    ("wrong-layer", 1, "* a * (1 - a)", "* a * (1 + a)"),
]


def test_the_correct_file_passes():
    result = check_source(CORRECT, "correct.py")
    assert result.passed and result.findings[0].kind == "ok"


@pytest.mark.parametrize(("kind", "layer", "old", "new"), MISTAKES,
                         ids=[f"{m[0]}-{i}" for i, m in enumerate(MISTAKES)])
def test_each_mistake_is_named(kind, layer, old, new):
    """Each kind however it is spelled: a gradient left out, given as None or as zeros."""
    assert old in CORRECT
    result = check_source(CORRECT.replace(old, new, 1), "learner.py")
    assert not result.passed
    finding = result.findings[0]
    assert (finding.kind, finding.layer) == (kind, layer), finding


def test_summed_and_doubled_gradients_give_the_factor():
    summed = check_source(CORRECT.replace("* (1 - out) / n", "* (1 - out)"), "a.py")
    assert "times 8" in summed.findings[0].message and "summed" in summed.findings[0].message
    doubled = check_source(CORRECT.replace("delta = (out - y)", "delta = 2 * (out - y)"), "b.py")
    assert doubled.findings[0].kind == "scale" and "½" in doubled.findings[0].message


def test_their_exception_names_the_line_and_their_prints_are_kept():
    source = CORRECT.replace("    n = len(y)\n", "    n = len(y)\n    print('hello')\n"
                             "    raise RuntimeError('oops')\n")
    result = check_source(source, "boom.py")
    f = result.findings[0]
    line = source.splitlines().index("    raise RuntimeError('oops')") + 1
    assert f.kind == "exception" and "RuntimeError: oops" in f.message and \
        f"line {line})" in f.message
    assert result.printed == "hello\n"


def test_an_endless_loop_is_stopped_by_the_time_limit():
    source = CORRECT.replace("    activations = [x]\n",
                             "    activations = [x]\n    while True:\n        pass\n")
    result = check_source(source, "loop.py", timeout=1.0)
    assert result.findings[0].kind == "timeout"


def test_a_file_not_in_the_template_is_checked_as_written_and_a_broken_template_refused():
    result = check_source("LAYERS = [2, 1]\n", "x.py")  # no forward: a program, which trains
    assert result.mode == "as-written" and [f.kind for f in result.findings] == ["no-training"]
    with pytest.raises(TemplateError, match="LAYERS"):
        check_source(CORRECT.replace("LAYERS = [2, 4, 1]", "LAYERS = 'big'"), "x.py")


def test_check_code_exit_codes_and_json(tmp_path, capsys):
    good, bad, odd = tmp_path / "good.py", tmp_path / "bad.py", tmp_path / "odd.py"
    good.write_text(CORRECT)
    bad.write_text(CORRECT.replace("p[k] - lr * g[k]", "p[k] + lr * g[k]"))
    odd.write_text("print('no template here') (\n")
    assert main(["check-code", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"passed": True, "findings": [
        {"kind": "ok", "layer": None, "array": None,
         "message": "every array agrees with the playground's to 1e-06 relative: your "
                    "backprop is right"}]}
    assert main(["check-code", str(bad), "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["passed"] is False and found["findings"][0]["kind"] == "ascent"
    assert main(["check-code", str(odd)]) == 2
    assert "Python cannot read your file: line 1" in capsys.readouterr().err


def test_seed_000_is_diagnosed_as_minus_the_summed_gradient_added_with_no_learning_rate():
    from playground.paths import resources_dir

    source = (resources_dir() / "learners" / "mnist_outputs_collapse.py").read_text()
    result = check_source(source, "mnist_outputs_collapse.py", dataset="mnist")
    kinds = [(f.kind, f.layer) for f in result.findings]
    assert kinds == [("scale", 2), ("no-learning-rate", 1)], result.findings
    assert "negative of the gradient summed" in result.findings[0].message


def test_the_xor_learners_derivative_is_found_where_it_first_goes_wrong():
    from playground.paths import resources_dir

    source = (resources_dir() / "learners" / "xor_wrong_derivative.py").read_text()
    finding = check_source(source, "xor_wrong_derivative.py").findings[0]
    assert (finding.kind, finding.layer) == ("derivative-at-output", 2)


def test_a_network_without_bias_checks_ok_with_a_note(tmp_path, capsys):
    f = tmp_path / "two.py"
    f.write_text((resources_dir() / "learners" / "two_neurons_no_bias.py").read_text())
    assert main(["check-code", str(f)]) == 0
    out = capsys.readouterr()
    assert "note: BIAS = False" in out.out + out.err
    result = check_file(f)
    assert result.passed and len(result.notes) == 1
    assert check_source(CORRECT, "x.py").notes == []


def test_a_zeroed_gradient_and_an_update_that_does_nothing_are_said_in_words():
    zeros = check_source(CORRECT.replace('{"W": activations[i].T @ delta,',
                                         '{"W": 0 * activations[i].T @ delta,'), "z.py")
    assert zeros.findings[0].kind == "wrong-layer" and "all zeros" in zeros.findings[0].message
    idle = check_source(CORRECT.replace("p[k] - lr * g[k]", "p[k] + 0 * g[k]"), "i.py")
    assert idle.findings[0].kind == "wrong-layer" and "unchanged" in idle.findings[0].message


def test_files_are_read_as_python_reads_them(tmp_path):
    """A byte-order mark (Notepad) and a coding line (GBK on a Chinese Windows) as Python does;
    a coding line Python does not know is said, not raised."""
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + TEMPLATE.encode())
    gbk = tmp_path / "gbk.py"
    gbk.write_bytes(("# coding: gbk\n# 两个神经元\n" + TEMPLATE).encode("gbk"))
    assert check_file(bom).passed and check_file(gbk).passed
    odd = tmp_path / "odd.py"
    odd.write_bytes(b"# coding: no-such-codec\n" + TEMPLATE.encode())
    with pytest.raises(TemplateError, match="odd.py: cannot be read"):
        check_file(odd)


def test_a_python2_template_file_is_checked_as_python3_with_the_changes_at_its_lines(tmp_path,
                                                                                     capsys):
    """The learner's file in Python 2 (seed 001's kind): print statements and xrange. It is
    checked, passes, and the note names every change at the learner's own line."""
    py2 = CORRECT.replace("    for i in range(len(params) - 1, -1, -1):",
                          "    for i in xrange(len(params) - 1, -1, -1):")
    py2 = py2.replace('    n = len(y)\n', '    n = len(y)\n    print "batch of", n\n')
    assert py2 != CORRECT
    lines = py2.splitlines()
    print_line = next(i for i, line in enumerate(lines, 1) if line.startswith("    print "))
    xrange_line = next(i for i, line in enumerate(lines, 1) if "xrange" in line)
    result = check_source(py2, "mine_py2.py")
    assert result.passed, result.findings
    assert "batch of 8" in result.printed  # their print ran, as Python 3's print()
    note = str(result.notes[0])
    assert note.startswith("python2: your file is Python 2")
    assert f"line {print_line}: print statement → print()" in note
    assert f"line {xrange_line}: xrange → range" in note
    path = tmp_path / "mine_py2.py"
    path.write_text(py2, encoding="utf-8")
    assert main(["check-code", str(path)]) == 0
    assert "note: python2: your file is Python 2" in capsys.readouterr().out


def test_a_python2_mistake_is_still_found_at_its_line():
    py2 = CORRECT.replace("* (1 - out) / n", "* (1 - out)")  # summed over the batch
    py2 = py2.replace('    n = len(y)\n', '    n = len(y)\n    print n\n')
    result = check_source(py2, "mine_py2.py")
    assert [f.kind for f in result.findings] == ["scale"]
    assert str(result.notes[0]).startswith("python2:")


def test_an_array_of_ragged_activations_is_explained_with_the_fix():
    """Seed 002's np.array(activations): NumPy 1.24 refuses arrays of different shapes; the
    finding gives the line and what to write instead."""
    ragged = CORRECT.replace("    return activations\n", "    return np.array(activations)\n")
    assert ragged != CORRECT
    line = next(i for i, text in enumerate(ragged.splitlines(), 1)
                if "np.array(activations)" in text)
    result = check_source(ragged, "ragged.py")
    assert [f.kind for f in result.findings] == ["exception"]
    message = str(result.findings[0].message)
    assert f"(line {line})" in message and "NumPy 1.24 and later refuse" in message
    assert "dtype=object" in message


def test_a_file_that_loads_mnist_and_plots_is_checked_without_those_packages():
    """A learner's file with their loading and plotting beside the functions: the tutorial's
    mnist module and matplotlib are stood in for in their code's process."""
    theirs = CORRECT.replace(
        "import numpy as np\n",
        "import numpy as np\nimport matplotlib.pyplot as plt\nimport mnist\n\n"
        "x_train, t_train, x_test, t_test = mnist.load()\n"
        "print('images', x_train.shape)\n"
        "plt.plot([0.5, 0.4])\nplt.show()\n", 1)
    assert theirs != CORRECT
    result = check_source(theirs, "mine.py")
    assert result.passed, result.findings
    assert "images (60000, 784)" in result.printed
