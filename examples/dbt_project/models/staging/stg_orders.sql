select {{ maskline.masked_columns(source('shop', 'orders')) }}
from {{ source('shop', 'orders') }}
