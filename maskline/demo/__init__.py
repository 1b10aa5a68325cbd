"""Sample data and policy for ``maskline demo`` (shipped in the package so the demo runs from a wheel)."""
