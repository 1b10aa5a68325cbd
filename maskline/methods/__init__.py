"""Masking methods: each turns a column expression into a sqlglot expression."""
