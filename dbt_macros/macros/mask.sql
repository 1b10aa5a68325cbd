{#- maskline.mask(column, method, info_type=none, **params): the column masked with one of the core's
    methods (redact, null, partial, char_mask, email, hash, hmac, generalize, fake, scrub), giving the
    same values and tokens as the Python core. Example:
        select {{ maskline.mask('email', 'hmac', length=16) }} as email_token from {{ ref('customers') }} -#}

{% macro mask(column, method, info_type=none) -%}
  {{ return(adapter.dispatch('mask', 'maskline')(column, method, kwargs, info_type)) }}
{%- endmacro %}

{% macro default__mask(column, method, params, info_type) -%}
  {#- Adapters without a macro of their own (athena, ...) speak the dialect _dialect() maps them to, like
      dynamic_mask and masked_columns do; unknown ones fail closed unless var maskline_dialect names one. -#}
  {{ return(maskline._mask_sql(column, method, params, info_type, maskline._dialect(), maskline._where(column))) }}
{%- endmacro %}

{% macro duckdb__mask(column, method, params, info_type) -%}
  {{ return(maskline._mask_sql(column, method, params, info_type, 'duckdb', maskline._where(column))) }}
{%- endmacro %}

{% macro postgres__mask(column, method, params, info_type) -%}
  {{ return(maskline._mask_sql(column, method, params, info_type, 'postgres', maskline._where(column))) }}
{%- endmacro %}

{% macro snowflake__mask(column, method, params, info_type) -%}
  {{ return(maskline._mask_sql(column, method, params, info_type, 'snowflake', maskline._where(column))) }}
{%- endmacro %}

{% macro bigquery__mask(column, method, params, info_type) -%}
  {{ return(maskline._mask_sql(column, method, params, info_type, 'bigquery', maskline._where(column))) }}
{%- endmacro %}

{% macro spark__mask(column, method, params, info_type) -%}
  {{ return(maskline._mask_sql(column, method, params, info_type, 'spark', maskline._where(column))) }}
{%- endmacro %}

{% macro trino__mask(column, method, params, info_type) -%}
  {{ return(maskline._mask_sql(column, method, params, info_type, 'trino', maskline._where(column))) }}
{%- endmacro %}
