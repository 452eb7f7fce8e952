"""The window in Chinese: every text marked for translation has one, and the window shows them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from playground.gui import i18n
from playground.gui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
# every module: the core marks its sentences with QT_TRANSLATE_NOOP (playground/phrase.py)
SOURCES = sorted((ROOT / "playground").rglob("*.py"))


def _lupdate() -> str:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists():
        pytest.skip("pyside6-lupdate is not beside this Python (PySide6 installs it)")
    return str(tool)


def test_every_text_marked_for_translation_has_a_chinese_one(tmp_path):
    ts = tmp_path / "check.ts"
    shutil.copy(ROOT / "resources" / "i18n" / "playground_zh_CN.ts", ts)
    subprocess.run([_lupdate(), *map(str, SOURCES), "-ts", str(ts), "-no-obsolete", "-silent"],
                   check=True, capture_output=True, timeout=120)
    unfinished = [(ctx.findtext("name"), msg.findtext("source"))
                  for ctx in ET.parse(ts).getroot().iter("context")
                  for msg in ctx.iter("message")
                  if msg.find("translation").get("type") == "unfinished"]
    assert not unfinished, f"{len(unfinished)} texts lack a translation, e.g. {unfinished[:5]}"


@pytest.fixture
def chinese():
    assert i18n.install("zh_CN")
    yield
    i18n.install("en")


def test_the_chinese_window_speaks_chinese(chinese, make_window):
    window = make_window()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Playground", "MNIST", "手写数字", "你的代码"]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "文件(&F)" and menus[-1] == "帮助(&H)"
    assert window.train_panel.train_button.text() == "▶  训练"
    assert window.layer_editor.title() == "网络"
    assert window.data_panel.dataset_combo.itemText(1) == "圆形"
    window.lessons.start(0)
    assert window.lessons.panel.title.text() == "1. XOR 需要隐藏层"


def test_english_without_the_translator(make_window):
    window = make_window()
    assert window.train_panel.train_button.text() == "▶  Train"
    assert QCoreApplication.translate("Lessons", "4. The learning rate") == "4. The learning rate"


def test_the_language_follows_the_setting_and_else_the_system(tmp_path, monkeypatch):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    monkeypatch.setattr(i18n.QLocale, "system", lambda: i18n.QLocale("zh_CN"))
    assert i18n.chosen(settings) == "zh_CN"
    settings.set(i18n.SETTING, "en")
    assert i18n.chosen(settings) == "en"
    monkeypatch.setattr(i18n.QLocale, "system", lambda: i18n.QLocale("en_US"))
    settings.set(i18n.SETTING, "system")
    assert i18n.chosen(settings) == "en"


def test_view_language_remembers_a_choice_for_the_next_start(qtbot, tmp_path):
    from playground.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    menu = window.menus.language_menu
    chinese = next(a for a in menu.actions() if a.data() == "zh_CN")
    chinese.trigger()
    assert settings.value(i18n.SETTING) == "zh_CN" and chinese.isChecked()
    assert "starts again" in window.statusBar().currentMessage()


# words a Chinese text keeps as they are: terms of art, names, keys, file names
KEPT = {"XOR", "MNIST", "ReLU", "Sigmoid", "Tanh", "SGD", "Adam", "Xavier", "Glorot", "He",
        "Epoch", "epoch", "RMSE", "CSV", "Playground", "Bug", "Softmax", "Linear", "PNG", "SVG",
        "ONNX", "NumPy", "PyTorch", "playground", "Ctrl", "Esc", "softmax", "sin", "English",
        "OR", "AND", "npz", "mnist"}


def _visible_texts(window) -> list[str]:  # noqa: ANN001
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QMenu

    texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for page in (window.tabs.widget(0), window.tabs.widget(2)):  # Playground, Digits
        texts += [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
        texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisibleTo(page)]
        texts += [w.title() for w in page.findChildren(QGroupBox) if w.isVisibleTo(page)]
        texts += [w.currentText() for w in page.findChildren(QComboBox) if w.isVisibleTo(page)]
    for menu in window.menuBar().findChildren(QMenu):
        texts += [a.text() for a in menu.actions()]
    return [t for t in texts if t.strip() and not t.lstrip().startswith("<")]


def _english(text: str) -> bool:
    import re

    return any(w not in KEPT for w in re.findall(r"[A-Za-z]{2,}", text.replace("&", "")))


def test_at_most_3_percent_of_the_chinese_windows_texts_are_english(chinese, make_window):
    texts = _visible_texts(make_window())
    english = [t for t in texts if _english(t)]
    assert len(texts) > 80 and len(english) <= 0.03 * len(texts), english


def test_the_english_window_has_no_chinese(make_window):
    texts = [t for t in _visible_texts(make_window()) if t not in i18n.LANGUAGES.values()]
    assert not [t for t in texts if any("\u4e00" <= c <= "\u9fff" for c in t)]  # 中文 itself


def _chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_the_cores_findings_and_errors_are_phrased_in_chinese(chinese, tmp_path):
    from playground.modelfile.save_load import ModelFileError, load_model
    from playground.nn.health import FIXES, LayerHealth, diagnose

    dead = LayerHealth(0, "relu", 8, 1e-3, 1.0, 0.5, None, 0.75)
    finding = diagnose([dead], [0.5, 0.5])[0]
    assert finding.kind == "dead-relu" and "75%" in finding.text
    said = i18n.say(finding.says)
    assert _chinese(said) and "75%" in said and "ReLU" in said, said
    assert _chinese(i18n.translate("Health", FIXES["lower-lr"]))
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelFileError) as e:
        load_model(bad)
    assert str(e.value).startswith("Cannot open bad.npz")  # the CLI's English
    assert i18n.say(e.value.says).startswith("无法打开 bad.npz"), i18n.say(e.value.says)


def test_a_stop_reason_from_the_training_process_is_phrased_in_chinese(chinese):
    import numpy as np

    from playground.nn import LayerSpec, Network, TrainConfig, train_steps

    net = Network(2, [LayerSpec(8, "relu"), LayerSpec(1, "linear")], loss="mse", seed=0)
    x, y = np.random.default_rng(0).normal(size=(2, 64, 2))
    stop = [s for s in train_steps(net, x, y[:, :1], TrainConfig("sgd", 1e6, 64, 50, 0))
            if s.stop_reason][0].stop_reason
    assert "restored" in str(stop) and _chinese(i18n.say(stop)), i18n.say(stop)


def test_a_schedule_that_cannot_work_is_refused_in_chinese_in_its_dialog(chinese, make_window):
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit

    from playground.gui.widgets.schedule_box import CUSTOM
    from playground.nn.schedule import parse_schedule

    with pytest.raises(ValueError, match="must lie in"):  # the command line's English
        parse_schedule("step:3:10")
    window = make_window()
    combo = window.train_panel.schedule.schedule_combo
    combo.setCurrentIndex(combo.findData(CUSTOM))
    combo.activated.emit(combo.currentIndex())
    dialog = window.findChild(QDialog, "scheduleDialog")
    problem = dialog.findChild(QLabel, "scheduleProblem")
    for text, number in (("step:3:10", "3"), ("cosine:0:x", "'x'"), ("slow", "'slow'")):
        dialog.findChild(QLineEdit, "scheduleText").setText(text)
        dialog._apply()
        said = problem.text()
        assert _chinese(said) and number in said and "must" not in said, said
    dialog.reject()
    errors = []
    window.session.sig_error.connect(errors.append)
    window.session.set_config(schedule="exp:2")  # as a settings file might hold it
    assert len(errors) == 1 and _chinese(errors[0]) and "exp" in errors[0], errors
    assert window.session.config.schedule == "constant"  # the old one kept


def test_every_activations_label_is_marked_for_the_translator():
    from playground.nn.activations import ACTIVATIONS, TRANSLATED

    assert {a.label for a in ACTIVATIONS.values()} <= set(TRANSLATED)
