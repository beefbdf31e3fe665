"""CLI commands: one small module per command group."""
