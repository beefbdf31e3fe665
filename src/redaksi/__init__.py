"""redaksi: a command-line newsroom for people who already live in git."""

__all__ = ["__version__"]

try:
    from redaksi._version import __version__
except ImportError:  # a source tree that was never built or installed: no version file
    __version__ = "0+unknown"
