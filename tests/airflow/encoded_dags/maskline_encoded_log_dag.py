"""A DAG whose tasks write raw values the way URLs, HTML pages and pasted text carry them.

``mt_encoded_logs``: an HTTP client's debug line with a percent-encoded e-mail, phone and card in its URL (as
urllib3 logs a request), an HTML error page with the e-mail as a character reference, an IBAN with a zero-width
space in it, and an ``Authorization: Basic`` header and a ``password=`` whose values come as %-arguments (the
cue in the format string, the value in the argument); the same values in a returned value (the XCom).

The values are fixed here (``ENCODED_VALUES``: each as written, and as read) so that a test can look for them.
"""

from __future__ import annotations

import logging

import pendulum
import structlog
from airflow.sdk import DAG, task

EMAIL = "ann.lopez@example.org"
PHONE = "+4915112345678"
CARD = "4111 1111 1111 1111"
IBAN = "GB82WEST12345698765432"
BASIC = "YW5uOnDkc3M="  # base64 of "ann:p\xe4ss" (a Latin-1 password: no UTF-8 text once decoded)
ENCODED_VALUES = {  # name: (as written in the log, what it reads as)
    "percent_email": (EMAIL.replace("@", "%40"), EMAIL),
    "percent_phone": (PHONE.replace("+", "%2B"), PHONE),
    "percent_card": (CARD.replace(" ", "%20"), CARD),
    "charref_email": (EMAIL.replace("@", "&#64;"), EMAIL),
    "zero_width_iban": (f"{IBAN[:4]}\u200b{IBAN[4:]}", IBAN),
    "basic_credential": (BASIC, BASIC),
    "argument_password": ("Vq8-tundra-Plinth", "Vq8-tundra-Plinth"),  # only a password by the cue before it
    "structlog_credential": ("Ym9iOnNlY3JldDI=", "Ym9iOnNlY3JldDI="),  # the same, through a structlog logger
}
_URL = (f"/v1/customers?email={ENCODED_VALUES['percent_email'][0]}&phone={ENCODED_VALUES['percent_phone'][0]}"
        f"&card={ENCODED_VALUES['percent_card'][0]}")

with DAG("mt_encoded_logs", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as encoded_logs_dag:

    @task
    def logs_encoded() -> int:
        log = logging.getLogger("airflow.task")
        log.info('https://api.example.com:443 "GET %s HTTP/1.1" 404 None', _URL)  # urllib3's debug line
        log.info("<html><body><p>No account for %s</p></body></html>", ENCODED_VALUES["charref_email"][0])
        log.info("refund to %s", ENCODED_VALUES["zero_width_iban"][0])
        # The credential as a %-argument: its cue ("Basic") is in the format string, so the line is only
        # safe if the log filter reads the two together, as the formatter will print them.
        log.info("send: Authorization: Basic %s", BASIC)
        log.info("retrying login for %s with password=%s", "ann", ENCODED_VALUES["argument_password"][0])
        structlog.get_logger("airflow.task").info("token refresh for %s: Authorization: Basic %s", "ann",
                                                  ENCODED_VALUES["structlog_credential"][0])
        return 1

    @task
    def returns_encoded() -> dict[str, str]:
        return {"next": _URL, "page": f"<p>{ENCODED_VALUES['charref_email'][0]}</p>",
                "iban": ENCODED_VALUES["zero_width_iban"][0]}

    logs_encoded() >> returns_encoded()
