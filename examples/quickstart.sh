#!/usr/bin/env bash
# CLI quickstart: generate sample data, scan it, write a policy, mask, and compile SQL for a warehouse.
set -euo pipefail
cd "$(mktemp -d)"
export MASKLINE_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"   # or from your secret store
maskline demo --rows 200 --show 2 --out .                 # writes customers.csv (sample PII) and a masked copy
maskline scan customers.csv                               # what is sensitive, with confidence and evidence
maskline policy init customers.csv > policy.yml           # a policy to review and commit
maskline scan customers.csv --policy policy.yml --save    # the verdicts, stored beside it for every face
maskline mask customers.csv customers_masked.parquet --policy policy.yml
maskline sql --dialect snowflake --policy policy.yml --table customers
