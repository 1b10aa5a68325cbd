{#- Deliberately unmasked: the expected_fail tests below must catch it. -#}
select id, email, notes, ssn from {{ ref('raw_customers') }}
