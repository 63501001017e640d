"""The exit statuses of every argmap command, the terminal UI's included."""

EXIT_OK = 0
EXIT_INVALID = 1
"""The input was read and found wanting (errors in a scenario, a refused output...)."""
EXIT_USAGE = 2
"""The command line itself was wrong: an unknown option, a missing file, a bad name."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report it."""
