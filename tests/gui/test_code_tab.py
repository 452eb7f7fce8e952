"""The "Your code" tab: the template passes, a mistake is named, a broken file is explained."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from playground.learner.check import TEMPLATE


def _kinds(tab) -> list[str]:  # noqa: ANN001
    return [tab.findings.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(tab.findings.count())]


def test_the_template_checks_ok_and_a_sign_mistake_is_named(make_window, qtbot):
    window = make_window()
    tab = window.code_tab
    assert window.tabs.indexOf(tab) == 3 and tab.editor.toPlainText() == TEMPLATE
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab) == ["ok"] and "agrees" in tab.status.text()
    tab.editor.setPlainText(TEMPLATE.replace("delta = (out - y)", "delta = (y - out)"))
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab)[0] == "sign"


def test_their_prints_go_to_the_console_and_a_broken_file_is_explained(make_window, qtbot):
    tab = make_window().code_tab
    tab.editor.setPlainText(TEMPLATE.replace("    n = len(y)\n",
                                             "    n = len(y)\n    print('n is', n)\n"))
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert tab.console.toPlainText() == "n is 8\n"
    tab.editor.setPlainText("this is not python (")
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert "Python cannot read your file" in tab.status.text() and tab.findings.count() == 0


def test_open_reads_a_file(make_window, tmp_path):
    tab = make_window().code_tab
    f = tmp_path / "mine.py"
    f.write_text("LAYERS = [2, 1]\n")
    assert tab.load(f) and tab.editor.toPlainText() == "LAYERS = [2, 1]\n"
    assert not tab.load(tmp_path / "missing.py") and "Could not open" in tab.status.text()


def test_the_learners_examples_open_and_check_to_their_real_causes(make_window, qtbot):
    tab = make_window().code_tab
    titles = [a.text() for a in tab.examples_button.menu().actions()]
    assert len(titles) == 8 and titles[0].startswith("A correct") and titles[4] == ""
    assert all(t.startswith("As written") for t in titles[5:])
    tab.examples_button.menu().actions()[3].trigger()  # the XOR learner's
    assert "sigmoid_derivative(out)" in tab.editor.toPlainText()
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab)[0] == "derivative-at-output"
    tab.examples_button.menu().actions()[1].trigger()  # the MNIST learner's, on MNIST
    assert tab.dataset == "mnist"
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=60_000)
    assert _kinds(tab) == ["scale", "no-learning-rate"]
    assert tab.diagram.marked == {2: ["∂L/∂W"], 1: ["update"]}  # the wrong layers, drawn
    tab.examples_button.menu().actions()[2].trigger()  # the two neurons: right code, no bias
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab) == ["ok", "note"] and "BIAS = False" in tab.findings.item(1).text()
    tab.examples_button.menu().actions()[0].trigger()
    assert tab.editor.toPlainText() == TEMPLATE and tab.dataset == "xor"


def test_a_program_as_written_is_checked_with_its_network_and_its_lines(make_window, qtbot):
    tab = make_window().code_tab
    tab.examples_button.menu().actions()[7].trigger()  # seed 002, the XOR class as written
    assert "class myNeuralNet" in tab.editor.toPlainText()
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab)[:3] == ["network", "derivative-at-output", "old-numpy"]
    assert "2 → 2 sigmoid → 1 sigmoid" in tab.findings.item(0).text()
    assert "inputs: datasetX; targets: datasetY" in tab.findings.item(0).text()
    assert "`self.sigmoidPrime(activations[-l])`" in tab.findings.item(1).text()
    assert tab.diagram.marked == {1: ["∂L/∂W"]} and "self.weights[0]" in tab.diagram.layers[1]
    tab.findings.itemActivated.emit(tab.findings.item(1))  # a double-click: to its line
    cursor = tab.editor.textCursor()
    assert "self.sigmoidPrime(activations[-l])" in cursor.selectedText()
    assert cursor.blockNumber() + 1 == tab.findings.item(1).data(Qt.ItemDataRole.UserRole + 1)



def test_a_program_as_written_trains_in_the_tab_its_network_fits(make_window, qtbot):
    window = make_window()
    tab = window.code_tab
    tab.examples_button.menu().actions()[7].trigger()  # seed 002: 2 → 2 sigmoid → 1 sigmoid
    assert tab.train()  # checked first, in the background, then trained
    session = window.session
    qtbot.waitUntil(lambda: session.frame is not None and session.frame.snapshot.epoch >= 5,
                    timeout=60_000)
    assert session.code is not None and session.code.program
    assert session.net.sizes == [2, 2, 1] and session.arch.output_activation == "sigmoid"
    assert "each epoch is one of its steps" in tab.status.text()
    assert "[[0 1 1 0]]" in tab.console.toPlainText()  # what their program printed
    panel = next(p for p in window.findChildren(QWidget, "trainPanel") if p.session is session)
    assert not panel.lr_combo.isEnabled() and not panel.batch_spin.isEnabled()  # theirs
    session.stop()
    qtbot.waitUntil(lambda: session.state == "idle", timeout=10_000)
    session.code_mode.drop()  # back to the playground's code, from the weights theirs trained
    assert session.code is None and panel.lr_combo.isEnabled()


def test_a_docstring_over_several_lines_is_one_string(make_window):
    from playground.gui.widgets.code_tab import PythonHighlighter

    tab = make_window().code_tab
    tab.editor.setPlainText('"""A learner\'s\nnetwork, in the playground\'s template."""\nx = 1\n')
    tab.highlighter.rehighlight()
    doc = tab.editor.document()
    states = [doc.findBlockByNumber(i).userState() for i in range(3)]
    assert states[0] == PythonHighlighter.IN_DOCSTRING and states[1] == 0 and states[2] == 0


def test_an_endless_loop_is_stopped_at_the_time_limit_set_in_the_tab(make_window, qtbot):
    tab = make_window().code_tab
    tab.timeout_spin.setValue(1.0)
    tab.editor.setPlainText(TEMPLATE.replace("    activations = [x]\n",
                                             "    activations = [x]\n    while True:\n"
                                             "        pass\n"))
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab) == ["timeout"] and "1 s" in tab.findings.item(0).text()


GBK_TEMPLATE = "# -*- coding: gbk -*-\n# 我的网络\n" + TEMPLATE


def test_a_file_from_a_windows_editor_opens_checks_and_saves_as_it_was(make_window, qtbot,
                                                                        tmp_path, monkeypatch):
    """Notepad's byte-order mark and a GBK coding line open as Python reads them; a save keeps
    the encoding the coding line names."""
    from PySide6.QtWidgets import QFileDialog

    tab = make_window().code_tab
    notepad = tmp_path / "notepad.py"
    notepad.write_bytes(b"\xef\xbb\xbf" + TEMPLATE.encode("utf-8"))
    assert tab.load(notepad) and tab.editor.toPlainText() == TEMPLATE  # no U+FEFF in front
    gbk = tmp_path / "gbk.py"
    gbk.write_bytes(GBK_TEMPLATE.encode("gbk"))
    assert tab.load(gbk) and "我的网络" in tab.editor.toPlainText()
    tab.check_button.click()
    qtbot.waitUntil(lambda: tab.check_button.isEnabled(), timeout=30_000)
    assert _kinds(tab) == ["ok"]
    saved = tmp_path / "saved.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    tab.save_dialog()
    assert saved.read_bytes() == GBK_TEMPLATE.encode("gbk")


def test_a_file_python_cannot_decode_is_explained(make_window, tmp_path):
    tab = make_window().code_tab
    bad = tmp_path / "bad.py"
    bad.write_bytes("# 我的网络\n".encode("gbk") + TEMPLATE.encode())  # GBK, no coding line
    assert not tab.load(bad) and "Could not open bad.py" in tab.status.text()
    assert tab.editor.toPlainText() == TEMPLATE  # what was there stays
