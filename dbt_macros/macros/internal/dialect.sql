{#- Which SQL dialect an adapter speaks, and the few non-masking expressions that differ by dialect. -#}

{% macro _dialect() -%}
  {%- set forced = var('maskline_dialect', none) -%}
  {%- if forced -%}{{ return(forced) }}{%- endif -%}
  {%- set by_adapter = maskline._engine_names() -%}
  {%- if target.type not in by_adapter -%}
    {{ maskline._fail("adapter '" ~ target.type ~ "' has no maskline implementation", "target " ~ target.name,
                      "set var maskline_dialect to one of " ~ (maskline._dialects() | join(', '))) }}
  {%- endif -%}
  {{ return(by_adapter[target.type]) }}
{%- endmacro %}

{% macro _count_rows(dialect) -%}
  {#- COUNT(*): on DuckDB the built-in by its catalog name (COUNT(*) is a call of count_star, looked up by name, which
      a macro of the user's database could stand in for). -#}
  {{ return('system.main.count_star()' if dialect == 'duckdb' else 'COUNT(*)') }}
{%- endmacro %}

{% macro _regex_contains(expression, pattern, dialect) -%}
  {#- True where `expression` contains a match of `pattern` (anchor the pattern for a full match). -#}
  {%- set p = maskline._string_literal(pattern, dialect) -%}
  {%- if dialect == 'duckdb' -%}{{ return('system.main.regexp_matches(' ~ expression ~ ', ' ~ p ~ ')') }}
  {%- elif dialect == 'postgres' -%}{{ return('(' ~ expression ~ ' ~ ' ~ p ~ ')') }}
  {%- elif dialect == 'snowflake' -%}{{ return('(REGEXP_INSTR(' ~ expression ~ ', ' ~ p ~ ') > 0)') }}
  {%- elif dialect == 'bigquery' -%}{{ return('REGEXP_CONTAINS(' ~ expression ~ ', ' ~ p ~ ')') }}
  {%- elif dialect == 'spark' -%}{{ return('(' ~ expression ~ ' RLIKE ' ~ p ~ ')') }}
  {%- else -%}{{ return('REGEXP_LIKE(' ~ expression ~ ', ' ~ p ~ ')') }}
  {%- endif -%}
{%- endmacro %}

{% macro _as_text(column, dialect) -%}
  {{ return(maskline._generated('templates', dialect)['text'] | replace('__ml_col__', maskline._column_sql(column))) }}
{%- endmacro %}

{% macro _as_text_read(column, dialect) -%}
  {#- The column as text as the SQL patterns read it (maskline/sql/scrub_reading.py): without invisible format
      characters and with the decimal digits of every script as ASCII digits, so that a phone in Arabic-Indic or
      Devanagari digits, or an e-mail with a zero-width space inside, is found too. -#}
  {{ return(maskline._generated('templates', dialect)['text.reading'] | replace('__ml_col__', maskline._column_sql(column))) }}
{%- endmacro %}
