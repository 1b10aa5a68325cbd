"""Span patterns for scrubbing free text *inside SQL engines* (the ``scrub`` method, dbt, GX SQL).

They are written in the subset of regex syntax that RE2 (DuckDB, BigQuery),
PostgreSQL's ARE, Java (Spark, Trino) and Snowflake's POSIX ERE all read the
same way: bracket expressions and quantifiers only, no ``\\d`` or look-arounds.
Order matters: longer, more specific formats first.
"""

from __future__ import annotations

SQL_SCRUB_PATTERNS: tuple[tuple[str, str], ...] = (
    # Local part and domain: any character but whitespace and delimiters, so non-ASCII addresses
    # (josé.fernández@correo.es) are caught whole rather than from the first ASCII letter on.
    # '*' is excluded so the `email` method's own output (*****@domain) is not taken for an address.
    ("EMAIL", "[^ ,;:<>()\"'@*]+@[^ ,;:<>()\"'@*]+[.][A-Za-z]{2,}"),
    # IBAN before CREDIT_CARD: an IBAN's digit run would otherwise be taken as a card and its
    # country code and tail left in clear.
    ("IBAN", "[A-Z]{2}[0-9]{2}[ ]?([A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}"),
    ("CREDIT_CARD", "[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{1,4}"),
    ("US_SSN", "[0-9]{3}-[0-9]{2}-[0-9]{4}"),
    ("PHONE", "[+][0-9][0-9 ().-]{7,}[0-9]|[(]?[0-9]{3}[)]?[ .-][0-9]{3}[ .-][0-9]{4}"),
    ("IP_ADDRESS", "[0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}[.][0-9]{1,3}"),
)
