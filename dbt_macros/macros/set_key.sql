{#- maskline.set_key(): load the masking key into the session that runs a model, so compiled SQL only
    references session values and never holds the key. Use it as a pre-hook:
        models:
          +pre-hook: "{{ maskline.set_key() }}"
    It runs its statements itself, with the key values as bound parameters (dbt logs the statement text,
    never its bindings), and renders to nothing, so it also works on engines that take one statement per
    call (Spark). Where the key can still be seen, per adapter, is in dbt_macros/README.md.
    With no key configured it does nothing: a model that uses a keyed method (hash, hmac, fake) fails when
    its SQL is compiled, naming the variable to set, and models without one run, so the pre-hook can be set
    project-wide.
    With vars {maskline_key_source: database} (dbt-postgres) it sends no key at all: the server copies the key
    `maskline protect` installed from its owner-only table into the transaction's settings (see
    _set_key_from_database in internal/key_table.sql), and MASKLINE_KEY is not read. -#}

{% macro set_key() -%}
  {%- if not execute -%}{{ return('') }}{%- endif -%}
  {%- if maskline._key_from_database() -%}{{ return(maskline._set_key_from_database()) }}{%- endif -%}
  {%- if not maskline._has_key() -%}{{ return('') }}{%- endif -%}
  {{ return(adapter.dispatch('set_key', 'maskline')()) }}
{%- endmacro %}

{% macro default__set_key() -%}
  {#- Engines without session variables get the key as literals at compile time (see _key_ref). -#}
  {{ return('') }}
{%- endmacro %}

{% macro duckdb__set_key() -%}
  {#- Nothing to do when the maskline dbt-duckdb plugin already loaded the key with bound parameters. Built-ins are
      called as system.main.<name>: a macro of the database named unhex would choose the key
      (maskline/dialects/duckdb_builtins.py). -#}
  {%- set loaded = run_query("select system.main.getvariable('maskline_ipad') is not null and system.main.getvariable('maskline_opad') is not null and system.main.getvariable('maskline_salt') is not null") -%}
  {%- if not loaded.columns[0].values()[0] -%}
    {%- for name in ['ipad', 'opad', 'salt'] -%}
      {%- do adapter.add_query("SET VARIABLE maskline_" ~ name ~ " = system.main.unhex(?)", true, [maskline._key_hex(name)]) -%}
    {%- endfor -%}
  {%- else -%}
    {#- The plugin reads its own config key_env: a session key other than the one the policy names would mask under
        another key than every other face. The salt is the key itself; it is compared as a bound parameter. -#}
    {%- set cursor = adapter.add_query("select system.main.getvariable('maskline_salt') = system.main.unhex(?)", true, [maskline._key_hex('salt')])[1] -%}
    {%- if not cursor.fetchone()[0] -%}
      {{ maskline._fail("the session holds another key than " ~ maskline._key_env()['label'], "maskline's dbt-duckdb plugin in profiles.yml (config: key_env)",
                        "set the plugin's config key_env to the same variable, or remove the plugin and let set_key() load the key") }}
    {%- endif -%}
  {%- endif -%}
  {{ return('') }}
{%- endmacro %}

{% macro postgres__set_key() -%}
  {%- do adapter.add_query("SELECT pg_catalog.set_config('maskline.ipad', %s, true), pg_catalog.set_config('maskline.opad', %s, true), pg_catalog.set_config('maskline.salt', %s, true)",
                           true, [maskline._key_hex('ipad'), maskline._key_hex('opad'), maskline._key_hex('salt')]) -%}
  {{ return('') }}
{%- endmacro %}

{% macro snowflake__set_key() -%}
  {%- do adapter.add_query("SET (maskline_ipad, maskline_opad, maskline_salt) = (%s, %s, %s)",
                           true, [maskline._key_hex('ipad'), maskline._key_hex('opad'), maskline._key_hex('salt')]) -%}
  {{ return('') }}
{%- endmacro %}

{% macro bigquery__set_key() -%}
  {{ return('') }}
{%- endmacro %}

{% macro spark__set_key() -%}
  {#- dbt-spark's session cursor quotes string bindings and formats them into the text with %; the values
      are hex digits only. -#}
  {%- for name in ['ipad', 'opad', 'salt'] -%}
    {%- do adapter.add_query("DECLARE OR REPLACE VARIABLE maskline_" ~ name ~ " STRING DEFAULT %s", true, [maskline._key_hex(name)]) -%}
  {%- endfor -%}
  {{ return('') }}
{%- endmacro %}

{% macro trino__set_key() -%}
  {{ return('') }}
{%- endmacro %}
