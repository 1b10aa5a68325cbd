select {{ maskline.masked_columns(source('shop', 'support_tickets')) }}
from {{ source('shop', 'support_tickets') }}
