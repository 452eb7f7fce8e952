"""The model file: saving, loading, checking what a file claims. Qt-free."""
