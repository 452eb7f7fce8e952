"""A run's past: its curves, every epoch's state, its branches, and two runs compared.

Qt-free; see ``playground/README.md``.
"""
