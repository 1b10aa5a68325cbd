"""Log records of libraries that quote the SQL they were given, rewritten to say only what happened.

sqlglot warns with the whole statement when it falls back to an opaque command
(``'<the SQL>' contains unsupported syntax...``), and its other warnings quote
SQL too. The SQL is a user's or an agent's, literals included, and the record
reaches a task log or a server's stderr before any scrubber could tell a name
from a word. So every sqlglot record keeps its level and logger and says, from
structure alone, that a message was withheld.
"""

from __future__ import annotations

import logging

SQLGLOT_LOGGER = "sqlglot"
WITHHELD = "sqlglot %s withheld by maskline: its text quotes the SQL, literals included"


class SqlglotRecordsWithoutSql(logging.Filter):
    """Rewrites each sqlglot record to :data:`WITHHELD` (its level kept); nothing is dropped silently.

    >>> r = logging.LogRecord("sqlglot", logging.WARNING, "p.py", 1, "'%s' contains unsupported syntax",
    ...                       ("CALL p('Jo Bloggs')",), None)
    >>> SqlglotRecordsWithoutSql().filter(r), r.getMessage()
    (True, 'sqlglot warning withheld by maskline: its text quotes the SQL, literals included')
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = WITHHELD
        record.args = (record.levelname.lower(),)
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


def withhold_sqlglot_messages() -> bool:
    """Install :class:`SqlglotRecordsWithoutSql` on sqlglot's logger; False if it was there already.

    >>> withhold_sqlglot_messages() in (True, False), withhold_sqlglot_messages()
    (True, False)
    """
    logger = logging.getLogger(SQLGLOT_LOGGER)
    if any(isinstance(f, SqlglotRecordsWithoutSql) for f in logger.filters):
        return False
    logger.addFilter(SqlglotRecordsWithoutSql())
    return True
