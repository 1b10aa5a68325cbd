select {{ maskline.masked_columns(source('shop', 'customers')) }}
from {{ source('shop', 'customers') }}
