"""``python -m playground``: the same as the ``playground`` command."""

import sys

from playground.cli.launcher import main

if __name__ == "__main__":
    sys.exit(main())
