{#- maskline.dynamic_mask(column, method, unmask_roles=[...], info_type=none, **params): raw values only
    for sessions holding one of `unmask_roles`, masked for everyone else, decided when the view is read.
    Example (a view for analysts and agents):
        select {{ maskline.dynamic_mask('email', 'email', unmask_roles=['pii_reader']) }} as email from ...
    Identity per adapter: PostgreSQL role membership of current_user, Snowflake IS_ROLE_IN_SESSION,
    BigQuery SESSION_USER(), Spark/Databricks current_user(), Trino current_user, and DuckDB (which has
    no roles) the session variable maskline_role. Keyed methods also need the reader's session to hold
    the key (maskline.set_key); without it PostgreSQL raises an error and DuckDB returns NULL. -#}

{% macro dynamic_mask(column, method, unmask_roles=[], info_type=none) -%}
  {{ return(adapter.dispatch('dynamic_mask', 'maskline')(column, method, unmask_roles, kwargs, info_type)) }}
{%- endmacro %}

{% macro default__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, maskline._dialect())) }}
{%- endmacro %}

{% macro duckdb__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'duckdb')) }}
{%- endmacro %}

{% macro postgres__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'postgres')) }}
{%- endmacro %}

{% macro snowflake__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'snowflake')) }}
{%- endmacro %}

{% macro bigquery__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'bigquery')) }}
{%- endmacro %}

{% macro spark__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'spark')) }}
{%- endmacro %}

{% macro trino__dynamic_mask(column, method, unmask_roles, params, info_type) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'trino')) }}
{%- endmacro %}

{% macro _has_role(roles, dialect) -%}
  {%- set lits = [] -%}
  {%- for r in roles -%}{%- do lits.append(maskline._string_literal(r, dialect)) -%}{%- endfor -%}
  {%- set in_list = '(' ~ (lits | join(', ')) ~ ')' -%}
  {%- if dialect == 'postgres' -%}
    {{ return("EXISTS (SELECT 1 FROM pg_catalog.pg_roles AS r WHERE r.rolname IN " ~ in_list ~ " AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))") }}
  {%- elif dialect == 'snowflake' -%}
    {%- set checks = [] -%}
    {%- for l in lits -%}{%- do checks.append('IS_ROLE_IN_SESSION(' ~ l ~ ')') -%}{%- endfor -%}
    {{ return('(' ~ (checks | join(' OR ')) ~ ')') }}
  {%- elif dialect == 'duckdb' -%}
    {{ return("COALESCE(CAST(GETVARIABLE('maskline_role') AS VARCHAR), '') IN " ~ in_list) }}
  {%- elif dialect == 'bigquery' -%}
    {{ return('SESSION_USER() IN ' ~ in_list) }}
  {%- elif dialect == 'spark' -%}
    {{ return('current_user() IN ' ~ in_list) }}
  {%- else -%}
    {{ return('current_user IN ' ~ in_list) }}
  {%- endif -%}
{%- endmacro %}

{% macro _dynamic_mask(column, method, unmask_roles, params, info_type, dialect) -%}
  {%- set where = maskline._where(column) -%}
  {%- set masked = maskline._mask_sql(column, method, params, info_type, dialect, where) -%}
  {%- if unmask_roles is string -%}{%- set unmask_roles = [unmask_roles] -%}{%- endif -%}
  {%- if not unmask_roles -%}{{ return(masked) }}{%- endif -%}
  {%- set p = maskline._method_spec(method, params, where) -%}
  {#- The raw branch takes the masked branch's type: text for every method but generalize to/bucket and null. -#}
  {%- set raw_is_text = not (method == 'null' or (method == 'generalize' and p.prefix is none)) -%}
  {%- set raw = maskline._as_text(column, dialect) if raw_is_text else maskline._column_sql(column) -%}
  {{ return('(CASE WHEN ' ~ maskline._has_role(unmask_roles, dialect) ~ ' THEN ' ~ raw ~ ' ELSE ' ~ masked ~ ' END) /* maskline:dynamic */') }}
{%- endmacro %}
