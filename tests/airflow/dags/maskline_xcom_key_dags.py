"""XCom keys and map indexes that carry a task's values: the metadata database must hold none of them.

- ``mt_xcom_keys``: ``labelled_rows`` returns a table of names keyed by customer e-mail with ``multiple_outputs=True`` (each
  key becomes an XCom's key), ``named_rows`` one keyed by full name, annotated ``-> dict[str, dict]`` (which turns
  ``multiple_outputs`` on), ``counts_by_email`` counts keyed by e-mail (no table: the text scrubber's keys),
  ``pushed_keys`` pushes with ``ti.xcom_push(key=<a full name or an e-mail>)``, ``greet``
  and ``greet_early`` are mapped over full names and render each into its map index (``map_index_template``;
  ``greet_early``'s template renders before the task runs as well), and
  ``ordinary_outputs`` (the control) returns ``{"count": ..., "path": ...}``, whose keys must stay as they are.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import DAG, get_current_context, task
from maskline_demo_data import customers

PEOPLE = customers()[:3]
KEYED_BY_EMAIL = {p["email"]: {"who": p["full_name"], "value": p["lifetime_value"]} for p in PEOPLE}
KEYED_BY_NAME = {p["full_name"]: {"plan": p["plan"], "value": p["lifetime_value"]} for p in PEOPLE}
COUNTED_BY_EMAIL = {p["email"]: n for n, p in enumerate(PEOPLE, start=1)}
PUSHED = {PEOPLE[0]["full_name"]: 1, PEOPLE[1]["email"]: 2}
MAPPED_NAMES = [p["full_name"] for p in PEOPLE]
ORDINARY = {"count": 3, "path": "/tmp/out.csv"}


def raw_key_values() -> set[str]:
    """Every value this DAG puts where a key or a map index goes."""
    return {*KEYED_BY_EMAIL, *KEYED_BY_NAME, *COUNTED_BY_EMAIL, *PUSHED, *MAPPED_NAMES}


with DAG("mt_xcom_keys", schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), catchup=False,
         tags=["maskline-test"]) as xcom_key_dag:

    @task(multiple_outputs=True)
    def labelled_rows():
        return KEYED_BY_EMAIL

    @task
    def named_rows() -> dict[str, dict]:
        return KEYED_BY_NAME

    @task(multiple_outputs=True)
    def counts_by_email():
        return COUNTED_BY_EMAIL

    @task
    def pushed_keys() -> None:
        ti = get_current_context()["ti"]
        for key, value in PUSHED.items():
            ti.xcom_push(key=key, value=value)

    @task(map_index_template="{{ who }}")
    def greet(name: str) -> int:
        get_current_context()["who"] = name  # type: ignore[typeddict-unknown-key]
        return len(name)

    @task(map_index_template="{{ task.op_kwargs['name'] }}")
    def greet_early(name: str) -> int:
        return len(name)  # its label renders before the task runs (the template reads only the task's arguments)

    @task(multiple_outputs=True)
    def ordinary_outputs():
        return ORDINARY

    labelled_rows()
    named_rows()
    counts_by_email()
    pushed_keys()
    greet.expand(name=MAPPED_NAMES)
    greet_early.expand(name=MAPPED_NAMES)
    ordinary_outputs()
