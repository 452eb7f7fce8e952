"""Imported by every Python process the emulated suite starts (PYTHONPATH points here): the
process runs as on Windows (tests/emulate/windows.py) when PLAYGROUND_EMULATE says so."""

import os
import sys

if os.environ.get("PLAYGROUND_EMULATE") == "windows":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__))))))
    from tests.emulate.windows import emulate_for_good

    emulate_for_good()
