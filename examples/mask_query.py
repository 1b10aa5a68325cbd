"""Query safely: an analyst's (or an agent's) SELECT reads masked relations instead of the raw tables."""

import os
from pathlib import Path

import duckdb
import pyarrow as pa

from maskline import RewriteRefused, load_policy, resolve_key, rewrite, run_masked
from maskline.demo.sample import sample_customers

os.environ.setdefault("MASKLINE_KEY", "use-a-long-random-secret")  # normally from your secret store
policy = load_policy(Path(__file__).with_name("policy.yml"))
con = duckdb.connect()
customers_arrow = pa.Table.from_pylist(sample_customers(100))
con.execute("CREATE TABLE customers AS SELECT * FROM customers_arrow").fetchall()

query = """
    WITH vip AS (SELECT * FROM customers WHERE lifetime_value > 2500)
    SELECT upper(v.email) AS contact, v.full_name || ' <' || v.phone || '>' AS who, count(*) OVER () AS n, plan
    FROM vip v ORDER BY v.email
"""
masked = rewrite(query, policy, "duckdb", connection=con)
print(masked.explain())
result = run_masked(con, masked, resolve_key(policy.key), max_rows=3)  # loads the key, hardens the session
print(result.rows)

for refused_query in ("DELETE FROM customers", "SELECT getvariable('maskline_salt')"):
    try:
        rewrite(refused_query, policy, "duckdb", connection=con)
    except RewriteRefused as refused:
        print(f"refused: {refused}")
