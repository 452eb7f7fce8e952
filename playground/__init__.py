"""playground: a desktop neural-network playground. Importing this package imports no Qt."""

__version__ = "0.1.0"
