{#- The key from the database (vars: {maskline_key_source: database}): set_key() sends no key material at all.

    `maskline protect` keeps the key's salt and HMAC pads in an owner-only one-row table (maskline/adapters/postgres.py,
    schema vars.maskline_private_schema, default maskline_private). The statement below makes the server copy them,
    as hex, into the transaction-local settings the masking SQL reads (current_setting('maskline.ipad') ...), so the
    key is in no statement's text (pg_stat_activity, log_statement), in no binding, in no compiled SQL and in no dbt
    log; and the statement returns a count, not the values, so dbt's process never receives them either.
    MASKLINE_KEY is not read on this path, even when it is set.

    Fail closed: a missing schema or table, one the role cannot read, a schema or table owned by a role other than
    vars.maskline_key_owner (unset: dbt's own role), one another role may write or create in, a table protect did
    not mark, or no key row stops the model (its transaction is rolled back) with what, where and how to fix. -#}

{% macro _set_key_from_database() -%}
  {{ return(adapter.dispatch('set_key_from_database', 'maskline')()) }}
{%- endmacro %}

{% macro default__set_key_from_database() -%}
  {{ maskline._fail("vars.maskline_key_source is database, which set_key() reads on dbt-postgres only (this target is " ~ target.type ~ ")",
                    "dbt_project.yml vars.maskline_key_source (or --vars), target " ~ target.name,
                    "remove maskline_key_source for this target and export " ~ var('maskline_key_env', 'MASKLINE_KEY') ~ "=<the key>") }}
{%- endmacro %}

{% macro _key_store_schema() -%}
  {#- The private schema's name, allowed only as a plain lower-case identifier: it is written into the statements
      below, so nothing but letters, digits and underscores may reach them. -#}
  {%- set store = maskline._catalogue()['key_store'] -%}
  {%- set schema = var('maskline_private_schema', store['schema']) -%}
  {%- if schema is not string or not modules.re.fullmatch('[a-z_][a-z0-9_]{0,62}', schema) -%}
    {{ maskline._fail("vars.maskline_private_schema must be a lower-case name of letters, digits and underscores",
                      "dbt_project.yml vars.maskline_private_schema (or --vars)",
                      "give the schema `maskline protect --private-schema` created, e.g. " ~ store['schema']) }}
  {%- endif -%}
  {{ return(schema) }}
{%- endmacro %}

{% macro _key_store_owner() -%}
  {#- vars.maskline_key_owner: the role that ran `maskline protect` (none: dbt's own role). Compared in Jinja, never
      written into a statement, so any role name is allowed. -#}
  {%- set owner = var('maskline_key_owner', none) -%}
  {%- if owner is not none and (owner is not string or owner | length == 0) -%}
    {{ maskline._fail("vars.maskline_key_owner must be a role name",
                      "dbt_project.yml vars.maskline_key_owner (or --vars)",
                      "give the role that ran `maskline protect`, e.g. maskline_key_owner: admin") }}
  {%- endif -%}
  {{ return(owner) }}
{%- endmacro %}

{% macro postgres__set_key_from_database() -%}
  {%- set store = maskline._catalogue()['key_store'] -%}
  {%- set schema = maskline._key_store_schema() -%}
  {%- set table = schema ~ '.' ~ store['table'] -%}
  {%- set where = "vars.maskline_key_source: database, table " ~ table -%}
  {%- set protect = "run `maskline protect --dsn postgresql://<admin>@<host>/" ~ target.database ~ " --policy <policy.yml>"
                    ~ (" --private-schema " ~ schema if schema != store['schema'] else "") ~ "` (it installs the key)" -%}
  {#- Catalog reads only (pg_namespace and pg_class need no privilege on the schema), every name qualified: nothing on
      the session's search path runs here. -#}
  {%- set found = run_query(
      "select CURRENT_USER::pg_catalog.text, n.oid is not null, "
      ~ "coalesce(pg_catalog.has_schema_privilege(n.oid, 'USAGE'), false), c.oid is not null, "
      ~ "coalesce(pg_catalog.has_table_privilege(c.oid, 'SELECT'), false), "
      ~ "coalesce(pg_catalog.obj_description(c.oid, 'pg_class') OPERATOR(pg_catalog.=) '" ~ store['mark'] ~ "', false), "
      ~ "(select pg_catalog.string_agg(distinct case when a.grantee OPERATOR(pg_catalog.=) 0::pg_catalog.oid then 'PUBLIC' "
      ~ "else pg_catalog.pg_get_userbyid(a.grantee)::pg_catalog.text end, ', ') from pg_catalog.aclexplode(c.relacl) a "
      ~ "where a.grantee OPERATOR(pg_catalog.<>) c.relowner and a.privilege_type OPERATOR(pg_catalog.<>) 'SELECT'), "
      ~ "pg_catalog.pg_get_userbyid(n.nspowner)::pg_catalog.text, pg_catalog.pg_get_userbyid(c.relowner)::pg_catalog.text, "
      ~ "(select pg_catalog.string_agg(distinct case when a.grantee OPERATOR(pg_catalog.=) 0::pg_catalog.oid then 'PUBLIC' "
      ~ "else pg_catalog.pg_get_userbyid(a.grantee)::pg_catalog.text end, ', ') from pg_catalog.aclexplode(n.nspacl) a "
      ~ "where a.grantee OPERATOR(pg_catalog.<>) n.nspowner and a.privilege_type OPERATOR(pg_catalog.<>) 'USAGE') "
      ~ "from (select 1) as one "
      ~ "left join pg_catalog.pg_namespace n on n.nspname OPERATOR(pg_catalog.=) '" ~ schema ~ "' "
      ~ "left join pg_catalog.pg_class c on c.relnamespace OPERATOR(pg_catalog.=) n.oid "
      ~ "and c.relname OPERATOR(pg_catalog.=) '" ~ store['table'] ~ "' and c.relkind OPERATOR(pg_catalog.=) 'r'") -%}
  {%- set role, has_schema, usable, has_table, readable, marked, writers, schema_owner, table_owner, creators = found.rows[0] -%}
  {%- if not has_schema or not has_table -%}
    {{ maskline._fail("no masking key table " ~ table ~ " in database " ~ target.database, where,
                      protect ~ ", or set vars.maskline_private_schema to the schema it used") }}
  {%- endif -%}
  {%- if not usable or not readable -%}
    {{ maskline._fail("role " ~ role ~ " may not read the masking key table " ~ table, where,
                      "run dbt as the role that ran `maskline protect`, or, as that role: GRANT USAGE ON SCHEMA "
                      ~ schema ~ " TO " ~ role ~ "; GRANT SELECT ON " ~ table ~ " TO " ~ role) }}
  {%- endif -%}
  {#- Who owns the store decides the key: a role that created the schema or the table before protect ran (protect then
      refuses it, but dbt cannot tell protect's role from another) chose the salt and pads, or can read them. Both must
      belong to the role vars.maskline_key_owner names, or, without it, to dbt's own role. -#}
  {%- set expected = maskline._key_store_owner() -%}
  {%- set owner = expected if expected is not none else role -%}
  {%- for kind, name, found_owner in [("private schema", schema, schema_owner), ("masking key table", table, table_owner)] -%}
    {%- if found_owner != owner -%}
      {%- if expected is none -%}
        {{ maskline._fail("the " ~ kind ~ " " ~ name ~ " is owned by role " ~ found_owner ~ ", not by dbt's role " ~ role
                          ~ ", and vars.maskline_key_owner does not name the role that ran `maskline protect`", where,
                          "if role " ~ found_owner ~ " ran `maskline protect`, set vars: {maskline_key_owner: "
                          ~ found_owner ~ "}; if not, another role put the key there: as a superuser, DROP SCHEMA "
                          ~ schema ~ " CASCADE and " ~ protect) }}
      {%- else -%}
        {{ maskline._fail("the " ~ kind ~ " " ~ name ~ " is owned by role " ~ found_owner ~ ", not by role " ~ expected
                          ~ ", which vars.maskline_key_owner expects", where,
                          "if role " ~ expected ~ " did not create it, another role put the key there: as a superuser, "
                          ~ "DROP SCHEMA " ~ schema ~ " CASCADE and, as " ~ expected ~ ", "
                          ~ protect.replace("<admin>", expected).replace(" --policy ", " --key-owner " ~ expected ~ " --policy ")
                          ~ "; if " ~ found_owner ~ " is the role that ran protect, set vars.maskline_key_owner to it") }}
      {%- endif -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if creators -%}
    {{ maskline._fail("roles other than its owner may create in the private schema " ~ schema ~ ": " ~ creators, where,
                      "as its owner: REVOKE CREATE ON SCHEMA " ~ schema ~ " FROM " ~ creators
                      ~ " (others may hold USAGE only)") }}
  {%- endif -%}
  {%- if not marked -%}
    {{ maskline._fail("the table " ~ table ~ " is not one `maskline protect` marked as its key store", where,
                      protect ~ " again, which marks it") }}
  {%- endif -%}
  {#- A role that may write the key row (but its owner, protect's role) chooses the key the models mask with, and
      can then invert their tokens: protect refuses such a store, and so does every run, whatever was granted since. -#}
  {%- if writers -%}
    {{ maskline._fail("roles other than its owner may change the masking key table " ~ table ~ ": " ~ writers, where,
                      "as its owner: REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON " ~ table
                      ~ " FROM " ~ writers ~ " (others may hold SELECT only)") }}
  {%- endif -%}
  {#- count(*) over the settings made: the values stay in the server (set_config returns them, the count does not).
      PostgreSQL keeps a subquery with volatile calls in its SELECT list as it is (never pulled up or pruned), so each
      set_config runs once per key row. -#}
  {%- set settings = [] -%}
  {%- for name in store['values'] -%}
    {%- do settings.append("pg_catalog.set_config('maskline." ~ name ~ "', pg_catalog.encode(k." ~ name ~ ", 'hex'), true) as " ~ name) -%}
  {%- endfor -%}
  {%- set loaded = run_query("select pg_catalog.count(*) from (select " ~ (settings | join(', ')) ~ " from "
                             ~ table ~ " as k where k.id OPERATOR(pg_catalog.=) 1) as s") -%}
  {%- if loaded.rows[0][0] != 1 -%}
    {{ maskline._fail("the masking key table " ~ table ~ " holds no key", where, protect) }}
  {%- endif -%}
  {{ return('') }}
{%- endmacro %}
