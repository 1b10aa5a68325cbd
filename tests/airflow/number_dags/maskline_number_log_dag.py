"""``mt_number_logs``: a sensitive value held as a number, not text: a card number stored as an integer.

A task returns it (the XCom, and Airflow's "Returned value was" line) and logs them as structured fields of a
log event (``log.info("charged", card=...)``). The same value as a string is scrubbed everywhere; as a number,
before this round, it passed the XCom backend and the log filter untouched.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, task

CARD = 4111111111111111  # a test card number (Luhn-valid), as a BIGINT column would hand it over
NUMBER_VALUES = {"card": str(CARD)}

with DAG("mt_number_logs", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as number_logs_dag:

    @task
    def returns_numbers() -> dict[str, int]:
        return {"card": CARD, "rows": 2}

    @task
    def returns_a_number() -> int:
        return CARD

    @task
    def logs_numbers() -> None:
        import structlog

        structlog.get_logger("billing").info("charged", card=CARD, rows=2)

    returns_numbers() >> returns_a_number() >> logs_numbers()
