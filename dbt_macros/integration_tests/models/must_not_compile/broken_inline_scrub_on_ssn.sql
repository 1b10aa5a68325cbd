{#- Must stop the compile with a maskline error naming this model, the column and the fix: the inline macro
    meets the scrub check column meta and policies have (scrub passes an SSN written as bare digits raw). -#}
{{ config(enabled=var('maskline_broken', false)) }}
select id, {{ maskline.mask('ssn', 'scrub', info_type='US_SSN') }} as ssn
from {{ ref('raw_customers') }}
