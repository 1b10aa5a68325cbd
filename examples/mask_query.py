"""Mask any query: an analyst's (or an agent's) SELECT is rewritten so no output reveals a sensitive column."""

import os
from pathlib import Path

import duckdb
import pyarrow as pa

from maskline.demo.sample import sample_customers
from maskline.errors import RewriteRefused
from maskline.keys import resolve_key
from maskline.policy import load_policy
from maskline.rewrite import rewrite
from maskline.sql.session import apply_key_setup

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
apply_key_setup(con, "duckdb", resolve_key(policy.key))  # keyed methods read the key from the session
print(con.sql(masked.sql).limit(3).fetchall())

try:
    rewrite("DELETE FROM customers", policy, "duckdb", connection=con)
except RewriteRefused as refused:
    print(f"refused: {refused}")
