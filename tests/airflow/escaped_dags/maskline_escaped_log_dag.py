"""A DAG whose tasks write raw values the way a coloured logger or a JSON encoder writes them.

``mt_escaped_logs``: an IBAN in ANSI colour (``31m`` touches its first letters), a card split by a colour
reset, an SSN written as JSON ``\\uXXXX`` escapes (as an encoder that escapes every character writes it), an
e-mail whose ``@`` is ``\\u0040``, the same in a returned value (the XCom), in an exception's message, and
in a Bash command (a rendered template field, and its output once printf has decoded it).

The values are fixed here (``ESCAPED_VALUES``: each as written, and as read) so that a test can look for them.
"""

from __future__ import annotations

import logging

import pendulum
from airflow.providers.standard.operators.bash import BashOperator
from airflow.sdk import DAG, task


def _escaped(value: str) -> str:
    """``value`` with every character as a JSON ``\\uXXXX`` escape."""
    return "".join(f"\\u{ord(c):04x}" for c in value)


IBAN = "GB82WEST12345698765432"
CARD = "4111 1111 1111 1111"
SSN = "536-22-8417"
EMAIL = "ana.lopez@correo.es"
ESCAPED_VALUES = {  # name: (as written in the log, what it reads as)
    "coloured_iban": (f"\x1b[31m{IBAN}\x1b[0m", IBAN),
    "split_card": (f"{CARD[:3]}\x1b[0m{CARD[3:]}", CARD),
    "escaped_ssn": (_escaped(SSN), SSN),
    "escaped_at": (EMAIL.replace("@", "\\u0040"), EMAIL),
}

with DAG("mt_escaped_logs", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as escaped_logs_dag:

    @task
    def logs_coloured_and_escaped() -> int:
        log = logging.getLogger("airflow.task")
        log.info("refund to %s", ESCAPED_VALUES["coloured_iban"][0])
        log.info("card %s", ESCAPED_VALUES["split_card"][0])
        print(f'{{"ssn": "{ESCAPED_VALUES["escaped_ssn"][0]}"}}')
        return 1

    @task
    def returns_escaped() -> dict[str, str]:
        return {"contact": ESCAPED_VALUES["escaped_at"][0], "ssn": ESCAPED_VALUES["escaped_ssn"][0]}

    @task
    def raises_coloured() -> None:
        raise ValueError(f"refund to {ESCAPED_VALUES['coloured_iban'][0]} failed")

    echo_escaped = BashOperator(task_id="echo_escaped",
                                bash_command=f"printf 'ssn {ESCAPED_VALUES['escaped_ssn'][0]}\\n'")

    logs_coloured_and_escaped() >> returns_escaped() >> echo_escaped >> raises_coloured()
