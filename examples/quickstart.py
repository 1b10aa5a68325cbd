"""Quickstart: mask a DataFrame in-process, then compile the same policy for a warehouse."""

import os
from pathlib import Path

import pandas as pd

from maskline import build_plan, compile_select, load_policy, mask_frame

os.environ.setdefault("MASKLINE_KEY", "use-a-long-random-secret")  # normally from your secret store
policy = load_policy(Path(__file__).with_name("policy.yml"))

customers = pd.DataFrame({
    "customer_id": [1, 2],
    "full_name": ["Ada Lovelace", "Alan Turing"],
    "email": ["ada@example.com", "alan@example.org"],
    "phone": ["+44 20 7946 0958", None],
    "ssn": ["123-45-6789", "987-65-4321"],
    "credit_card": ["4111111111111111", "5500005555555559"],
    "date_of_birth": pd.to_datetime(["1815-12-10", "1912-06-23"]),
    "postal_code": ["SW1A 1AA", "NW1 2DB"],
    "ip_address": ["192.0.2.10", "198.51.100.7"],
    "notes": ["call me on +1 415 555 0100", "invoice to alan@example.org"],
})
masked = mask_frame(customers, policy, table="customers")
print(masked.to_string())

# The same policy, pushed down to Snowflake as SQL (the key comes from session variables):
plan = build_plan(policy, "customers", [(c, None) for c in customers.columns])
print(compile_select(plan, "raw.customers", "snowflake").sql("snowflake", pretty=True))
