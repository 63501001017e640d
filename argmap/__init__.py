"""argmap: argument maps of policy debates, checked against their sources."""

__version__ = "0.1.0"
