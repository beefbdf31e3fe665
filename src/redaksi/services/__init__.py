"""Services: the use cases. Load -> core -> write -> commit, and undo on failure."""
