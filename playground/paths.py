"""Where the app finds its bundled files (MNIST, the shipped model). Qt-free.

The repository keeps ``resources/`` at its top; a wheel (``pip install .``, pipx) carries the same
files inside the package as ``playground/resources/`` (see pyproject.toml), so an installed
playground finds them from any folder, and a checkout (or an editable install) finds its own.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """``$PLAYGROUND_RESOURCES`` when set, else the installed package's ``resources/``, else
    ``resources/`` at the top of the repository."""
    env = os.environ.get("PLAYGROUND_RESOURCES")
    if env:
        return Path(env)
    installed = PACKAGE / "resources"
    return installed if installed.is_dir() else PACKAGE.parent / "resources"


def shipped_model() -> Path:
    """The pre-trained MNIST model that the Digits tab opens with (it may be missing)."""
    return resources_dir() / "models" / "mnist.npz"
