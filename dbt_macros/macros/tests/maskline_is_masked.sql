{#- Generic test: fails when values do not have the output shape of `method` (with its params).
        - maskline.maskline_is_masked:
            arguments: {method: partial, keep_last: 4}
    Shapes: null -> NULL; hash/hmac -> lower hex of the token length; fake -> words from the built-in lists;
    scrub -> no span of its types, its digits read as ASCII (as maskline_no_pii reads them); every other method is
    idempotent (masking a masked value gives it back), which is its shape check.
    Only a count is returned, never values. -#}

{% test maskline_is_masked(model, column_name, method, info_type=none) %}
  {#- On DuckDB, sum and count name the built-ins (system.main): a macro of the database named like one
      could otherwise make the test pass. -#}
  {{ config(fail_calc=('coalesce(system.main.sum(failing_rows), 0)' if target.type == 'duckdb'
                      else 'coalesce(sum(failing_rows), 0)')) }}
  {{ return(adapter.dispatch('test_maskline_is_masked', 'maskline')(model, column_name, method, kwargs, info_type)) }}
{% endtest %}

{% macro default__test_maskline_is_masked(model, column_name, method, params, info_type) -%}
  {{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, maskline._dialect())) }}
{%- endmacro %}
{% macro duckdb__test_maskline_is_masked(model, column_name, method, params, info_type) -%}{{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, 'duckdb')) }}{%- endmacro %}
{% macro postgres__test_maskline_is_masked(model, column_name, method, params, info_type) -%}{{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, 'postgres')) }}{%- endmacro %}
{% macro snowflake__test_maskline_is_masked(model, column_name, method, params, info_type) -%}{{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, 'snowflake')) }}{%- endmacro %}
{% macro bigquery__test_maskline_is_masked(model, column_name, method, params, info_type) -%}{{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, 'bigquery')) }}{%- endmacro %}
{% macro spark__test_maskline_is_masked(model, column_name, method, params, info_type) -%}{{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, 'spark')) }}{%- endmacro %}
{% macro trino__test_maskline_is_masked(model, column_name, method, params, info_type) -%}{{ return(maskline._is_masked_sql(model, column_name, method, params, info_type, 'trino')) }}{%- endmacro %}

{% macro _fake_pattern(kind) -%}
  {#- The fake method's declared output shape for `kind` (generated from maskline.methods.fake). -#}
  {{ return('^(' ~ maskline._catalogue()['fake_patterns'][kind] ~ ')$') }}
{%- endmacro %}

{% macro _is_masked_sql(model, column_name, method, params, info_type, dialect) -%}
  {%- set where = "test maskline_is_masked on " ~ model ~ "." ~ column_name -%}
  {%- set p = maskline._method_spec(method, params, where) -%}
  {%- set col = maskline._column_sql(column_name) -%}
  {%- if method == 'null' -%}
    {%- set bad = col ~ ' IS NOT NULL' -%}
  {%- elif method in ('hash', 'hmac') -%}
    {%- set bad = 'NOT ' ~ maskline._regex_contains(maskline._as_text(column_name, dialect), '^[0-9a-f]{' ~ (p.length or 64) ~ '}$', dialect) -%}
  {%- elif method == 'fake' -%}
    {%- set kind = p.kind or maskline._catalogue()['fake_default_kind'].get(info_type or '', 'word') -%}
    {%- set bad = 'NOT ' ~ maskline._regex_contains(maskline._as_text(column_name, dialect), maskline._fake_pattern(kind), dialect) -%}
  {%- elif method == 'scrub' -%}
    {#- Scrubbed text holds no span of its types: no pattern matches the value as read (maskline_no_pii's reading:
        no format characters, every script's digits as ASCII), which is also what scrub matches on, so a phone in
        Arabic-Indic digits left by some other masking fails. For scrub's own output this is its idempotence: the
        chain changes a value only where some pattern matches its reading. -#}
    {%- set value = maskline._as_text_read(column_name, dialect) -%}
    {%- set hits = [] -%}
    {%- for pair in maskline._catalogue()['sql_patterns'] if not p.info_types or pair[0] in p.info_types -%}
      {%- do hits.append(maskline._regex_contains(value, pair[1], dialect)) -%}
    {%- endfor -%}
    {%- set bad = '(' ~ (hits | join(' OR ')) ~ ')' -%}
  {%- else -%}
    {%- set bad = col ~ ' <> ' ~ maskline._mask_sql(column_name, method, params, info_type, dialect, where) -%}
  {%- endif -%}
  {{ return("SELECT " ~ maskline._count_rows(dialect) ~ " AS failing_rows FROM " ~ model ~ " WHERE " ~ col ~ " IS NOT NULL AND " ~ bad) }}
{%- endmacro %}
