{#- One column per case in var('maskline_cases'): every method of the core through maskline.mask. -#}
select
  id,
  {%- for case in var('maskline_cases') %}
  {{ maskline.mask(case.column, case.method, info_type=case.get('info_type'), **case.get('params', {})) }} as {{ case.name }}{{ "," if not loop.last }}
  {%- endfor %}
from {{ ref('raw_customers') }}
