"""Hooks maskline declares: the ``maskline`` connection type that holds the masking key."""
