"""Core: moving in from WordPress: read a WXR export, decide what each post becomes."""
