"""Measuring our training against other libraries (Qt-free)."""
