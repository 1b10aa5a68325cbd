select {{ maskline.masked_columns(ref('raw_customers')) }}
from {{ ref('raw_customers') }}
