{#- Built only from staged (masked) models: `maskline dbt check` proves nothing raw gets here. -#}
select
  c.customer_id,
  c.email as customer_token,
  c.birth_date as birth_year,
  count(o.order_id) as orders,
  sum(o.amount) as revenue
from {{ ref('stg_customers') }} as c
left join {{ ref('stg_orders') }} as o on o.customer_id = c.customer_id
group by 1, 2, 3
