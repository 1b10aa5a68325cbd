"""Column classification. The classifier itself lives in sibling modules; results in ``result``."""
