"""A plain install (a wheel, as ``pip install .`` and pipx build it) carries MNIST and the shipped
model, and the installed package finds them from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ["mnist/train-images-idx3-ubyte.gz", "mnist/train-labels-idx1-ubyte.gz",
             "mnist/t10k-images-idx3-ubyte.gz", "mnist/t10k-labels-idx1-ubyte.gz",
             "models/mnist.npz", "learners/mnist_outputs_collapse.py",
             "learners/xor_wrong_derivative.py", "learners/as_written/seed_002.py"]


def test_every_package_folder_is_listed_for_the_wheel():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts)
               for p in (ROOT / "playground").rglob("__init__.py")}
    assert on_disk | {"playground.resources"} == listed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True, capture_output=True,
                   timeout=300)
    return next(out.glob("playground-*.whl"))


def test_the_wheel_carries_mnist_and_the_shipped_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {f"playground/resources/{r}" for r in RESOURCES} <= names
    assert not any(n.startswith("resources/") for n in names)


def test_the_installed_package_finds_its_resources_from_any_folder(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = ("from playground.paths import resources_dir, shipped_model\n"
              "from playground.modelfile.save_load import load_model\n"
              "from playground.data.mnist import load_mnist\n"
              "print(resources_dir())\n"
              "print(load_model(shipped_model()).sizes)\n"
              "print(load_mnist('test')[0].shape)\n")
    env = {k: v for k, v in os.environ.items() if k != "PLAYGROUND_RESOURCES"}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run([sys.executable, "-c", script], cwd=elsewhere, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    folder, sizes, shape = done.stdout.splitlines()
    assert Path(folder) == site / "playground" / "resources"
    assert sizes.startswith("[784") and shape == "(10000, 28, 28)"
