{#- maskline.dynamic_mask(column, method, unmask_for=[...], info_type=none, data_type=none, **params): raw values only
    for sessions holding one of the roles in `unmask_for` (identities written as in the policy: role:NAME),
    masked for everyone else, decided when the view is read. Without `unmask_for`, the role: entries of the
    synced policy's unmask_for apply (vars.maskline_policy, `maskline dbt sync`).
    Example (a view for analysts and agents):
        select {{ maskline.dynamic_mask('email', 'email', unmask_for=['role:pii_reader']) }} as email from ...
    Identity per adapter: PostgreSQL role membership of current_user, Snowflake IS_ROLE_IN_SESSION,
    BigQuery SESSION_USER(), Spark/Databricks current_user(), Trino current_user, and DuckDB (which has
    no roles) the session variable maskline_role. Keyed methods also need the reader's session to hold
    the key (maskline.set_key); without it PostgreSQL raises an error and DuckDB returns NULL.
    `data_type` is the column's type as the adapter reports it ('varchar', 'character varying(20)', 'bigint'):
    the method is then compiled for that type, as masked_columns does from the relation (a text column's bucket
    is text, so the view's CASE has one type; a keyed method refuses JSON, arrays and structs). Without it the
    untyped SQL is used, as by mask(): a bucket is a double and `to:` gives a DATE.
    `unmask_roles=[names]` is the deprecated spelling of unmask_for (it logs a warning). -#}

{% macro dynamic_mask(column, method, unmask_for=none, info_type=none, unmask_roles=none, data_type=none) -%}
  {%- set roles = maskline._unmask_roles(unmask_for, unmask_roles, maskline._where(column)) -%}
  {{ return(adapter.dispatch('dynamic_mask', 'maskline')(column, method, roles, kwargs, info_type, data_type)) }}
{%- endmacro %}

{% macro _unmask_roles(unmask_for, unmask_roles, where) -%}
  {#- The role names of `unmask_for` identities (role:NAME), the synced policy's by default. -#}
  {%- if unmask_roles is not none -%}
    {%- do exceptions.warn("maskline: " ~ where ~ ": dynamic_mask(unmask_roles=...) is deprecated and will be removed in the next release; write unmask_for=['role:NAME', ...] (the policy's spelling)") -%}
    {{ return([unmask_roles] if unmask_roles is string else unmask_roles) }}
  {%- endif -%}
  {%- if unmask_for is none -%}
    {%- set synced = maskline._synced_policy() if execute else none -%}
    {{ return(synced['unmask_roles'] if synced else []) }}
  {%- endif -%}
  {%- set roles = [] -%}
  {%- for identity in ([unmask_for] if unmask_for is string else unmask_for) -%}
    {%- if not (identity is string and identity.startswith('role:') and identity | length > 5) -%}
      {{ maskline._fail("unmask_for entry '" ~ identity ~ "' is not a role:NAME identity", where,
                        "dynamic_mask checks database roles: write role:NAME (user: and other identities apply to maskline's other faces)") }}
    {%- endif -%}
    {%- do roles.append(identity[5:]) -%}
  {%- endfor -%}
  {{ return(roles) }}
{%- endmacro %}

{% macro default__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, maskline._dialect(), data_type)) }}
{%- endmacro %}

{% macro duckdb__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'duckdb', data_type)) }}
{%- endmacro %}

{% macro postgres__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'postgres', data_type)) }}
{%- endmacro %}

{% macro snowflake__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'snowflake', data_type)) }}
{%- endmacro %}

{% macro bigquery__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'bigquery', data_type)) }}
{%- endmacro %}

{% macro spark__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'spark', data_type)) }}
{%- endmacro %}

{% macro trino__dynamic_mask(column, method, unmask_roles, params, info_type, data_type=none) -%}
  {{ return(maskline._dynamic_mask(column, method, unmask_roles, params, info_type, 'trino', data_type)) }}
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
    {{ return("COALESCE(CAST(system.main.getvariable('maskline_role') AS VARCHAR), '') IN " ~ in_list) }}
  {%- elif dialect == 'bigquery' -%}
    {{ return('SESSION_USER() IN ' ~ in_list) }}
  {%- elif dialect == 'spark' -%}
    {{ return('current_user() IN ' ~ in_list) }}
  {%- else -%}
    {{ return('current_user IN ' ~ in_list) }}
  {%- endif -%}
{%- endmacro %}

{% macro _dynamic_mask(column, method, unmask_roles, params, info_type, dialect, data_type=none, cat=none) -%}
  {%- set where = maskline._where(column) -%}
  {%- set cat = cat or maskline._catalogue() -%}
  {%- set masked = maskline._mask_sql(column, method, params, info_type, dialect, where, data_type, cat) -%}
  {%- if unmask_roles is string -%}{%- set unmask_roles = [unmask_roles] -%}{%- endif -%}
  {%- if not unmask_roles -%}{{ return(masked) }}{%- endif -%}
  {%- set p = maskline._method_spec(method, params, where, cat) -%}
  {#- The raw branch takes the masked branch's type: text for every method but generalize to/bucket and null. -#}
  {%- set raw_is_text = not (method == 'null' or (method == 'generalize' and p.prefix is none)) -%}
  {%- set raw = maskline._as_text(column, dialect) if raw_is_text else maskline._column_sql(column) -%}
  {{ return('(CASE WHEN ' ~ maskline._has_role(unmask_roles, dialect) ~ ' THEN ' ~ raw ~ ' ELSE ' ~ masked ~ ' END) /* maskline:dynamic */') }}
{%- endmacro %}
