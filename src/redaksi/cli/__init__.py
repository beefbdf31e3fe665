"""The CLI: Typer commands that parse options, call one service, and render the result."""
