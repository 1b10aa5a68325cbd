"""maskline's errors show nothing they were raised from or during (``maskline.errors.Unchained``).

An error is built from structure: what, where, fix. The exception it was raised while handling (an engine's,
a driver's, a parser's) quotes values, and every reporter walks the chain: ``traceback``, ``logging``'s
``exc_info``, Airflow's task log, Sentry. ``raise ... from None`` hid the chain from the interpreter's printer
only, and a raise without it showed the caught error in full. Each test's control reads the chain CPython
keeps underneath, proving the value was there to leak.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import traceback

import pytest

from maskline.adapters.url import parse_url
from maskline.errors import InputError, MasklineError

SECRET = "s3cretPassw0rd"  # typed where the port goes: urllib's error quotes it


def _stored_context(err: BaseException) -> BaseException | None:
    """The context CPython stored on the exception, read past maskline's properties."""
    return BaseException.__context__.__get__(err)  # type: ignore[attr-defined]


def test_a_real_raise_site_keeps_the_value_out_of_every_reader_of_the_chain(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(InputError) as info:
        parse_url(f"postgresql://reader@db.internal:{SECRET}/shop")
    err = info.value
    assert SECRET in str(_stored_context(err))  # control: the value is in the chain CPython keeps
    assert err.__context__ is None and err.__cause__ is None and err.__suppress_context__
    assert SECRET not in "".join(traceback.format_exception(err))
    logging.getLogger("maskline.test").error("failed", exc_info=err)
    assert "port is not a number" in caplog.text and SECRET not in caplog.text


def test_a_raise_without_from_none_inside_a_handler_shows_no_chain() -> None:
    def fails() -> None:
        try:
            raise ValueError(f"invalid input syntax for type integer: \"{SECRET}\"")
        except ValueError:
            raise MasklineError("the column is not a number", where="orders, column 'amount'")  # noqa: B904

    with pytest.raises(MasklineError) as info:
        fails()
    assert SECRET in str(_stored_context(info.value))  # control
    assert SECRET not in "".join(traceback.format_exception(info.value))


def test_the_interpreters_own_printer_shows_no_chain() -> None:
    program = (
        "from maskline.errors import MasklineError\n"
        "try:\n"
        f"    raise ValueError('value {SECRET}')\n"
        "except ValueError:\n"
        "    raise MasklineError('the column is not a number', where='orders')\n"
    )
    shown = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert shown.returncode == 1 and "the column is not a number" in shown.stderr
    assert SECRET not in shown.stderr
    control = subprocess.run([sys.executable, "-c", program.replace("MasklineError('", "RuntimeError('")
                              .replace(", where='orders'", "")], capture_output=True, text=True, check=False)
    assert SECRET in control.stderr  # a plain exception raised the same way does print its context


def test_the_agent_toolsets_refusal_shows_no_chain() -> None:
    pytest.importorskip("airflow.providers.common.ai")
    from airflow_plugin.agents.masked_sql_toolset import QueryRefused

    try:
        try:
            raise RuntimeError(f'duplicate key value violates unique constraint: Key (email)=({SECRET})')
        except RuntimeError:
            raise QueryRefused("the database refused the query: UniqueViolation")  # noqa: B904
    except QueryRefused as refused:
        assert SECRET in str(_stored_context(refused))  # control
        assert refused.__context__ is None
        assert SECRET not in "".join(traceback.format_exception(refused))
