{{ config(materialized='view') }}
{#- Role-aware: sessions holding a role of the policy's unmask_for read raw values, everyone else masked ones. -#}
select {{ maskline.masked_columns(source('raw', 'people'), dynamic=true) }}
from {{ source('raw', 'people') }}
