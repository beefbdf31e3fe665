"""The pure core: text in, data and decisions out. No files, no git, no clock, no CLI."""
