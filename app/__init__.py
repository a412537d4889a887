"""Praktika's faces: the command line, the search page and cited answers."""
