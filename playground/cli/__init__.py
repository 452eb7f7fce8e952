"""The ``playground`` command line: parsing, subcommands, the entry point. Qt-free."""
