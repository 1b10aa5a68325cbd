"""Engine enforcement of masked access, one module per engine that can enforce it itself.

>>> import maskline.adapters
"""
