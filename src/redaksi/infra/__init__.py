"""Infrastructure: the only code that touches the disk (store) and git (git)."""
