{#- Generic test: fails when raw values of the given info types appear in a column.
        columns:
          - name: notes
            data_tests:
              - maskline.maskline_no_pii:
                  arguments: {info_types: [EMAIL, US_SSN]}
    The patterns are the core's SQL scrub patterns (maskline/infotypes/sql_patterns.py), matched on the value as
    scrub reads it: the digits of every script as ASCII digits (١٢٣-٤٥-٦٧٨٩ is an SSN), invisible format characters
    (a zero-width space inside an e-mail) removed. A value that is a hash or hmac token as a whole, as written, is no
    PII (maskline/methods/digest_token.py says why that is sound): the patterns have no token boundaries, and found
    IBANs and cards inside nearly every such token. The query returns
    only info type names and counts, so failures are never shown or stored raw, even with store_failures. -#}

{% test maskline_no_pii(model, column_name, info_types=none) %}
  {#- On DuckDB, sum and count name the built-ins (system.main): a macro of the database named like one
      could otherwise make the test pass. -#}
  {{ config(fail_calc=('coalesce(system.main.sum(matching_rows), 0)' if target.type == 'duckdb'
                      else 'coalesce(sum(matching_rows), 0)')) }}
  {{ return(adapter.dispatch('test_maskline_no_pii', 'maskline')(model, column_name, info_types)) }}
{% endtest %}

{% macro default__test_maskline_no_pii(model, column_name, info_types) -%}
  {{ return(maskline._no_pii_sql(model, column_name, info_types, maskline._dialect())) }}
{%- endmacro %}
{% macro duckdb__test_maskline_no_pii(model, column_name, info_types) -%}{{ return(maskline._no_pii_sql(model, column_name, info_types, 'duckdb')) }}{%- endmacro %}
{% macro postgres__test_maskline_no_pii(model, column_name, info_types) -%}{{ return(maskline._no_pii_sql(model, column_name, info_types, 'postgres')) }}{%- endmacro %}
{% macro snowflake__test_maskline_no_pii(model, column_name, info_types) -%}{{ return(maskline._no_pii_sql(model, column_name, info_types, 'snowflake')) }}{%- endmacro %}
{% macro bigquery__test_maskline_no_pii(model, column_name, info_types) -%}{{ return(maskline._no_pii_sql(model, column_name, info_types, 'bigquery')) }}{%- endmacro %}
{% macro spark__test_maskline_no_pii(model, column_name, info_types) -%}{{ return(maskline._no_pii_sql(model, column_name, info_types, 'spark')) }}{%- endmacro %}
{% macro trino__test_maskline_no_pii(model, column_name, info_types) -%}{{ return(maskline._no_pii_sql(model, column_name, info_types, 'trino')) }}{%- endmacro %}

{% macro _no_pii_sql(model, column_name, info_types, dialect) -%}
  {%- set patterns = maskline._catalogue()['sql_patterns'] -%}
  {%- set names = [] -%}
  {%- for pair in patterns -%}{%- do names.append(pair[0]) -%}{%- endfor -%}
  {%- if info_types is string -%}{%- set info_types = [info_types] -%}{%- endif -%}
  {%- for t in (info_types or []) if t not in names -%}
    {{ maskline._fail("maskline_no_pii has no SQL pattern for '" ~ t ~ "'", "test on " ~ model ~ "." ~ column_name,
                      "use some of " ~ (names | join(', '))) }}
  {%- endfor -%}
  {#- The value is read once per row, in a CTE every pattern's count reads: an engine that materializes a CTE read
      more than once (PostgreSQL, DuckDB) reads it once, not once per pattern. -#}
  {%- set value = maskline._as_text_read(column_name, dialect) -%}
  {%- set token = [] -%}
  {%- for p in maskline._catalogue()['digest_token_patterns'] -%}
    {%- do token.append(maskline._regex_contains(maskline._as_text(column_name, dialect), p, dialect)) -%}
  {%- endfor -%}
  {%- set parts = [] -%}
  {%- for pair in patterns if not info_types or pair[0] in info_types -%}
    {%- do parts.append("SELECT '" ~ pair[0] ~ "' AS info_type, " ~ maskline._count_rows(dialect) ~ " AS matching_rows"
                        ~ " FROM maskline_values"
                        ~ " WHERE " ~ maskline._regex_contains('maskline_value', pair[1], dialect)) -%}
  {%- endfor -%}
  {{ return("WITH maskline_values AS (SELECT " ~ value ~ " AS maskline_value FROM " ~ model
            ~ " WHERE NOT (" ~ (token | join(' AND ')) ~ "))\n"
            ~ "SELECT info_type, matching_rows FROM (\n" ~ (parts | join("\nUNION ALL\n"))
            ~ "\n) AS maskline_no_pii WHERE matching_rows > 0") }}
{%- endmacro %}
