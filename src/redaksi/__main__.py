"""Entry point for ``python -m redaksi``."""

from redaksi.cli.app import main

main()
