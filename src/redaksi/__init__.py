"""redaksi: a command-line newsroom for people who already live in git."""

__version__ = "0.1.0"
