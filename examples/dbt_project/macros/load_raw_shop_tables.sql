{#- Stand-in for an ingestion tool: the raw tables the sources point at, loaded from data/*.csv. -#}
{% macro load_raw_shop_tables() %}
  create schema if not exists raw;
  {% for t in ['customers', 'orders', 'support_tickets'] %}
  create or replace table raw.{{ t }} as select * from read_csv('data/{{ t }}.csv', header = true, all_varchar = false);
  {% endfor %}
{% endmacro %}
