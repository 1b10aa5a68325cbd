{{ config(materialized='view') }}
{#- Read by support agents and their AI assistant: raw email only for the support_lead role. -#}
select
  t.ticket_id,
  t.opened_at,
  t.channel,
  {{ maskline.dynamic_mask('c.email', 'email', unmask_for=['role:support_lead']) }} as customer_email,
  {{ maskline.mask('t.notes', 'scrub') }} as notes
from {{ source('shop', 'support_tickets') }} as t
join {{ source('shop', 'customers') }} as c on c.customer_id = t.customer_id
