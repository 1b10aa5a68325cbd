select {{ maskline.masked_columns(source('raw', 'people')) }}
from {{ source('raw', 'people') }}
