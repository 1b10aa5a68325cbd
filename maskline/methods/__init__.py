"""Masking methods: each module declares one ``METHOD = MethodDef(...)``, the one place for all about it.

See :class:`maskline.methods.base.MethodDef` for what a definition carries, and
``CONTRIBUTING.md`` ("Add a method") for what follows from it.
"""
