{{ config(materialized='view') }}
{#- Read by people and agents: raw only for the pii_reader role, masked for everyone else. -#}
select
  id,
  {{ maskline.dynamic_mask('email', 'email', unmask_for=['role:pii_reader']) }} as email,
  {{ maskline.dynamic_mask('ssn', 'partial', unmask_for=['role:pii_reader'], keep_last=4) }} as ssn,
  {{ maskline.dynamic_mask('birth_date', 'generalize', unmask_for=['role:pii_reader'], to='year') }} as birth_date
from {{ ref('raw_customers') }}
