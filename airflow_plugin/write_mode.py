"""The write modes of the table-writing operators, importable without sqlglot (operators validate at construction).

What each mode keeps is described in :mod:`maskline.adapters.table_setup`.
"""

from __future__ import annotations

from enum import StrEnum

from maskline.errors import InputError, did_you_mean


class WriteMode(StrEnum):
    """How the masked result replaces the target table."""

    SWAP = "swap"
    TRUNCATE_INSERT = "truncate_insert"
    REPLACE = "replace"

    @classmethod
    def parse(cls, value: str | WriteMode, where: str) -> WriteMode:
        """The mode named ``value``; an unknown name raises :class:`InputError` with the closest one.

        >>> WriteMode.parse("truncate_insert", "op").value
        'truncate_insert'
        >>> WriteMode.parse("swapp", "MaskTableOperator(write_mode)")
        Traceback (most recent call last):
        ...
        maskline.errors.InputError: unknown write mode 'swapp' (at MaskTableOperator(write_mode)). Fix: did you mean 'swap'?
        """
        try:
            return cls(value)
        except ValueError:
            names = [m.value for m in cls]
            raise InputError(f"unknown write mode {value!r}", where=where,
                             fix=did_you_mean(str(value), names)) from None
