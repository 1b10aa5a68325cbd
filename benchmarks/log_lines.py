"""Realistic Airflow task log lines, made up deterministically, for the scrubber benchmarks.

Templates follow what Airflow 3 tasks and common providers write (task runner,
SQL hooks, HTTP and S3 clients, pandas, dbt, tracebacks); numbers, ids, paths
and times vary per line. One line in ten carries a sensitive value, in the
formats the scrubber covers.
"""

from __future__ import annotations

import random

CLEAN = (
    "Task instance is in running state",
    "Executing <Task(PythonOperator): {task}> on {date}T{time}+00:00",
    "Exporting env vars: AIRFLOW_CTX_DAG_OWNER='airflow' AIRFLOW_CTX_DAG_ID='{dag}' AIRFLOW_CTX_TASK_ID='{task}' "
    "AIRFLOW_CTX_LOGICAL_DATE='{date}T00:00:00+00:00' AIRFLOW_CTX_TRY_NUMBER='1' "
    "AIRFLOW_CTX_DAG_RUN_ID='scheduled__{date}T00:00:00+00:00'",
    "Connection Retrieved '{conn}'",
    "Running statement: SELECT order_id, amount, status FROM sales.orders WHERE created_at >= '{date}' "
    "AND region = 'EU', parameters: None",
    "Rows affected: {n}",
    "Done. Returned value was: None",
    "Filling up the DagBag from /opt/airflow/dags/{dag}.py",
    "HTTP Request: GET https://api.internal.example/v2/orders?page={small}&per_page=500 \"HTTP/1.1 200 OK\"",
    "Uploaded s3://data-lake-prod/raw/{dag}/{date}/part-{small:05d}.parquet ({mb} MiB) in {secs}s",
    "Processed batch {small}/{big}: {n} rows in {secs}s",
    "Marking task as SUCCESS. dag_id={dag}, task_id={task}, run_id=scheduled__{date}T00:00:00+00:00, "
    "logical_date={compact}T000000, start_date={compact}T{hms}, end_date={compact}T{hms}",
    "request_id={uuid} status=200 latency_ms={small}",
    "  File \"/opt/airflow/dags/{dag}.py\", line {small}, in {task}",
    "Loaded {n} rows into warehouse.analytics.{task} (schema version {v})",
    "dbt: 1 of {small} OK created sql table model analytics.{task} ............ [SELECT {n} in {secs}s]",
    "Pod {dag}-{task}-{hexid} phase Running, container base started at {date} {time}",
    "Retrying in {small} seconds (attempt 2 of 5), last error: ConnectionResetError(104, 'Connection reset by peer')",
    "pandas: read_csv finished, shape=({n}, {small}), memory {mb} MB",
    "Checksum sha256:{sha} verified for {dag}/{date}.csv.gz",
    "::group::Pre Execute",
    "Using connection ID '{conn}' for task execution.",
    "Task exited with return code 0",
    "Spark job {small} finished: stage {small} of {big}, {n} records, {secs} s, app-{compact}{hms}-{small:04d}",
)

PII = (
    "Sending receipt to {email}",
    "Customer called from {phone}",
    "Card {card} declined for order {n}",
    "Refund to {iban} issued",
    "Running statement: UPDATE customers SET email = '{email}' WHERE ssn = '{ssn}'",
    "Customer record: {{\"email\": \"{email}\", \"phone\": \"{phone}\", \"ip\": \"{ip}\"}}",
    "Auth header Authorization: Bearer {token}",
    "Retry for mobile {bare_phone} failed",
    "Connecting to postgresql://etl:{password}@db.internal:5432/sales",
    "user {email} logged in from {ip}",
)

_EMAILS = ("ann.lee@example.com", "josé.fernández@correo.es", "k.schmidt%40firma.de", "li.wei@例子.中国")
_PHONES = ("+1 415 555 0100", "(415)555-2671x123", "030 901820", "(11) 98765-4321", "+49 30 901820")
_CARDS = ("4111 1111 1111 1111", "5555.5555.5555.4444", "4012-8888-8888-1881")
_IBANS = ("DE89 3704 0044 0532 0130 00", "gb82-west-1234-5698-7654-32", "fr1420041010050500013m02606")


def lines(n: int, seed: int = 7) -> list[str]:
    """``n`` log lines; the same ``seed`` gives the same lines.

    >>> len(lines(10)), lines(3) == lines(3)
    (10, True)
    """
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        values = {
            "task": rnd.choice(("extract_orders", "load", "transform_customers", "publish_report")),
            "dag": rnd.choice(("etl_sales", "crm_sync", "finance_daily", "marketing_attribution")),
            "conn": rnd.choice(("postgres_default", "aws_default", "snowflake_prod")),
            "date": f"2026-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
            "compact": f"2026{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}",
            "time": f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}",
            "hms": f"{rnd.randint(0, 23):02d}{rnd.randint(0, 59):02d}{rnd.randint(0, 59):02d}",
            "n": rnd.randint(1, 5_000_000), "small": rnd.randint(1, 999), "big": rnd.randint(1000, 9999),
            "mb": round(rnd.uniform(0.1, 900), 1), "secs": round(rnd.uniform(0.01, 90), 2),
            "v": f"{rnd.randint(1, 3)}.{rnd.randint(0, 20)}.{rnd.randint(0, 9)}",
            "uuid": f"{rnd.getrandbits(32):08x}-{rnd.getrandbits(16):04x}-4{rnd.getrandbits(12):03x}-"
                    f"8{rnd.getrandbits(12):03x}-{rnd.getrandbits(48):012x}",
            "hexid": f"{rnd.getrandbits(20):05x}", "sha": f"{rnd.getrandbits(256):064x}",
            "email": rnd.choice(_EMAILS), "phone": rnd.choice(_PHONES), "card": rnd.choice(_CARDS),
            "iban": rnd.choice(_IBANS), "ssn": "536-90-4399", "ip": f"81.2.{rnd.randint(1, 250)}.{rnd.randint(1, 250)}",
            "token": f"{rnd.getrandbits(160):040x}", "bare_phone": "4155552671", "password": "hunter22x",
        }
        template = rnd.choice(PII) if i % 10 == 0 else rnd.choice(CLEAN)
        out.append(template.format(**values))
    return out
