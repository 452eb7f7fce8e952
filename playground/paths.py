"""Where the app finds its bundled files (MNIST, the shipped model), and whether a path can be
written. Qt-free.

The repository keeps ``resources/`` at its top; a wheel (``pip install .``, pipx) carries the same
files inside the package as ``playground/resources/`` (see pyproject.toml), so an installed
playground finds them from any folder, and a checkout (or an editable install) finds its own.
"""

from __future__ import annotations

import os
import stat
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


def check_writable(out: str | Path) -> Path:
    """``out``, when it is a regular file or nothing yet; ValueError for a folder, a pipe, a
    socket or a device: opening a pipe to write waits for a reader for ever (a command that
    hangs), and the others are never meant."""
    out = Path(out)
    try:
        mode = out.stat().st_mode
    except FileNotFoundError:
        return out
    except OSError as e:
        raise ValueError(f"{out} cannot be looked at ({e})") from None
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "a pipe" if stat.S_ISFIFO(mode) else \
            "not a regular file"
        raise ValueError(f"{out} is {kind}: choose a file to write")
    return out
