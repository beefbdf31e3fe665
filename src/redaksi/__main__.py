"""Entry point for ``python -m redaksi``."""

from redaksi.cli.entry import main

main()
