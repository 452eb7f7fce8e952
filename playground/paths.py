"""Where the app finds its bundled files (MNIST, the shipped model, icons). Qt-free."""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """``$PLAYGROUND_RESOURCES`` when set, else ``resources/`` at the top of the repository."""
    env = os.environ.get("PLAYGROUND_RESOURCES")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "resources"
