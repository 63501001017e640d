"""The exit statuses of every argmap command, the terminal UI's included."""

EXIT_OK = 0
EXIT_INVALID = 1
"""The input was read and found wanting (errors in a scenario, a refused output...)."""
EXIT_USAGE = 2
"""The command line itself was wrong: an unknown option, a missing file, a bad name."""
EXIT_TIMEOUT = 124
"""``argmap solve --timeout``: no answer within the time given (as ``timeout(1)`` reports it)."""
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report it."""
