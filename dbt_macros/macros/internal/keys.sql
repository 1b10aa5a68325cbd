{#- Key material for keyed methods (hash, hmac, fake).

    The key comes only from the environment variable named by var('maskline_key_env', 'MASKLINE_KEY');
    never from the project's files, and never from a var: dbt copies every var into run_results.json's args
    and logs/dbt.log, so var('maskline_key') stops the run before any key material is derived (_refuse_key_var). Only hex of the key or of its RFC 2104
    HMAC pads ever leaves this file, and only into a session-setting statement (see set_key) or, on
    engines without session variables (BigQuery, Trino), into the compiled SQL as a literal. -#}

{% macro _refuse_key_var() -%}
  {#- A key passed with --vars (or vars: in a project file) is already in run_results.json and dbt.log when any
      macro runs; refusing it makes the environment the only way in. The message names the var, never its value. -#}
  {%- if var('maskline_key', none) is not none -%}
    {{ maskline._fail("the masking key was given as var maskline_key, which dbt writes into run_results.json and logs/dbt.log",
                      "vars of this dbt invocation or dbt_project.yml",
                      "remove maskline_key from --vars and dbt_project.yml, rotate that key, and export "
                      ~ var('maskline_key_env', 'MASKLINE_KEY') ~ "=<the key> instead") }}
  {%- endif -%}
{%- endmacro %}

{% macro _key_env() -%}
  {#- The environment variable that holds the key, and how messages name it: the synced policy's key place (the
      variable the CLI and Airflow read), else vars.maskline_key_env, else MASKLINE_KEY. The synced policy holds a
      name the policy gives only as its MD5 (maskline/dbt/sync.py _key_place), so vars.maskline_key_env must name
      it. A var naming another variable, or a policy whose key is an Airflow connection with no var, stops the run:
      dbt would otherwise mask under another key than every other face, and its tokens would join with none. -#}
  {%- set given = var('maskline_key_env', none) -%}
  {%- set synced = maskline._synced_policy() -%}
  {%- if synced is none or 'key_place' not in synced -%}
    {%- set name = given or 'MASKLINE_KEY' -%}
    {{ return({'name': name, 'label': 'environment variable ' ~ name}) }}
  {%- endif -%}
  {%- set place = synced['key_place'] -%}
  {%- set policy = synced['synced_from']['policy'] -%}
  {%- if place['airflow_conn'] -%}
    {%- if not given -%}
      {{ maskline._fail("the policy's key is an Airflow connection, which dbt cannot read", policy ~ ": key.airflow_conn",
                        "set vars.maskline_key_env to the environment variable that holds the same key") }}
    {%- endif -%}
    {{ return({'name': given, 'label': 'environment variable ' ~ given}) }}
  {%- endif -%}
  {%- if place['env'] -%}
    {%- if given and given != place['env'] -%}
      {{ maskline._fail("vars.maskline_key_env names another variable than the policy's key.env (" ~ place['env'] ~ ")",
                        policy ~ ": key.env", "remove vars.maskline_key_env: dbt reads " ~ place['env'] ~ ", as every other face does") }}
    {%- endif -%}
    {{ return({'name': place['env'], 'label': 'environment variable ' ~ place['env']}) }}
  {%- endif -%}
  {%- if not given or local_md5(given) != place['env_md5'] -%}
    {{ maskline._fail(("vars.maskline_key_env names another variable than" if given else "dbt is not told the variable named at")
                      ~ " key.env in " ~ policy, policy ~ ": key.env",
                      "set vars.maskline_key_env to the variable named at key.env in " ~ policy
                      ~ " (maskline writes no name from the policy into dbt's artefacts)") }}
  {%- endif -%}
  {{ return({'name': given, 'label': 'environment variable ' ~ given}) }}
{%- endmacro %}

{% macro _key_text() -%}
  {%- do maskline._refuse_key_var() -%}
  {%- set place = maskline._key_env() -%}
  {%- set env_name = place['name'] -%}
  {%- set key = env_var(env_name, '') -%}
  {%- if not key -%}
    {{ maskline._fail("no masking key: " ~ place['label'] ~ " is not set", "a keyed maskline method",
                      "export " ~ env_name ~ "=<a long random secret> (the same key the maskline core uses)") }}
  {%- endif -%}
  {#- The core's rules (maskline.keys.check_key_bytes): a key every other face refuses must not mask here, or dbt
      writes tokens under a guessable key that nothing else can reproduce. The message says the size, never the key. -#}
  {%- set size = key.encode('utf-8') | length -%}
  {%- if key.strip() == '' -%}
    {{ maskline._fail("the masking key is only whitespace", place['label'],
                      'generate one with: python -c "import secrets; print(secrets.token_hex(32))"') }}
  {%- elif size < 16 -%}
    {{ maskline._fail("the masking key is too short: " ~ size ~ " bytes, at least 16 are needed",
                      place['label'],
                      'generate one with: python -c "import secrets; print(secrets.token_hex(32))"') }}
  {%- endif -%}
  {{ return(key) }}
{%- endmacro %}

{% macro _key_source() -%}
  {#- Where the key comes from: 'env' (the default: the environment variable, see _key_text) or 'database' (the
      owner-only table `maskline protect` installed on PostgreSQL, read by the server itself: internal/key_table.sql).
      Anything else stops the run rather than fall back to a source nobody chose. -#}
  {%- set source = var('maskline_key_source', 'env') -%}
  {%- if source not in ('env', 'database') -%}
    {{ maskline._fail("unknown key source " ~ source, "dbt_project.yml vars.maskline_key_source (or --vars)",
                      "set it to env (the key from " ~ var('maskline_key_env', 'MASKLINE_KEY') ~ ") or database "
                      ~ "(on dbt-postgres: the key `maskline protect` installed), or remove it") }}
  {%- endif -%}
  {{ return(source) }}
{%- endmacro %}

{% macro _key_from_database() -%}
  {#- A key var is refused when models run (as _key_text does), not while dbt parses: a parse error writes no
      run_results.json, so the refusal would reach no model's result. -#}
  {%- if execute -%}{%- do maskline._refuse_key_var() -%}{%- endif -%}
  {{ return(maskline._key_source() == 'database') }}
{%- endmacro %}

{% macro _has_key() -%}
  {#- Whether a key is configured, without failing: set_key() loads one only when there is one, and every
      keyed method asks for it (and fails, naming the fix) when its own SQL is compiled. -#}
  {%- do maskline._refuse_key_var() -%}
  {{ return(env_var(maskline._key_env()['name'], '') != '') }}
{%- endmacro %}

{% macro _xor_hex(data, pad_byte) -%}
  {#- hex of (data zero-padded to 64 bytes) XOR pad_byte, byte by byte: Jinja has no ^ operator. -#}
  {%- set ns = namespace(out='') -%}
  {%- for i in range(64) -%}
    {%- set b = data[i] if i < data | length else 0 -%}
    {%- set acc = namespace(v=0) -%}
    {%- for bit in range(8) -%}
      {%- set p = 2 ** bit -%}
      {%- if ((b // p) % 2) != ((pad_byte // p) % 2) -%}{%- set acc.v = acc.v + p -%}{%- endif -%}
    {%- endfor -%}
    {%- set ns.out = ns.out ~ ("%02x" | format(acc.v)) -%}
  {%- endfor -%}
  {{ return(ns.out) }}
{%- endmacro %}

{% macro _key_hex(name) -%}
  {#- name: salt (the key), ipad or opad (RFC 2104 pads of the key). -#}
  {%- set raw = maskline._key_text().encode('utf-8') -%}
  {%- if name == 'salt' -%}
    {%- set ns = namespace(out='') -%}
    {%- for b in raw -%}{%- set ns.out = ns.out ~ ("%02x" | format(b)) -%}{%- endfor -%}
    {{ return(ns.out) }}
  {%- endif -%}
  {%- if raw | length > 64 -%}
    {#- RFC 2104 hashes longer keys first; Jinja has no SHA-256, so such keys cannot be padded here. -#}
    {{ maskline._fail("the masking key is longer than 64 bytes", "a keyed maskline method",
                      "use a key of at most 64 bytes (e.g. 32 random bytes, hex-encoded)") }}
  {%- endif -%}
  {{ return(maskline._xor_hex(raw, 54 if name == 'ipad' else 92)) }}
{%- endmacro %}

{% macro _key_in_session(dialect) -%}
  {#- Whether `dialect` reads key values from session state (set by set_key) rather than SQL literals. -#}
  {{ return(dialect in ('duckdb', 'postgres', 'snowflake', 'spark')) }}
{%- endmacro %}

{% macro _key_ref(name, dialect) -%}
  {%- set t = maskline._templates(dialect) -%}
  {%- if maskline._key_from_database() -%}
    {#- The key never comes to dbt: only PostgreSQL's session settings can receive it from the key table. -#}
    {%- if execute and dialect != 'postgres' -%}
      {{ maskline._fail("vars.maskline_key_source is database, which only dbt-postgres can read (this model compiles for " ~ dialect ~ ")",
                        "dbt_project.yml vars.maskline_key_source (or --vars)",
                        "remove maskline_key_source for this target and export " ~ var('maskline_key_env', 'MASKLINE_KEY') ~ "=<the key>") }}
    {%- endif -%}
    {{ return(t['key.session.' ~ name]) }}
  {%- endif -%}
  {%- if maskline._key_in_session(dialect) -%}
    {%- if execute -%}{%- do maskline._key_text() -%}{%- endif -%}
    {{ return(t['key.session.' ~ name]) }}
  {%- endif -%}
  {%- if not execute -%}
    {{ return(t['key.literal'] | replace('__ml_hex__', "'" ~ ('0' * 64) ~ "'")) }}
  {%- endif -%}
  {{ return(t['key.literal'] | replace('__ml_hex__', "'" ~ maskline._key_hex(name) ~ "'")) }}
{%- endmacro %}

{% macro _key_derivation() -%}
  {#- How keyed methods use the key (maskline.keys): the synced policy's key.derivation, else
      vars.maskline_key_derivation, else 1 (the tokens maskline wrote first). A var that contradicts the synced
      policy, or a derivation this package does not know, stops the compile: guessing would write tokens
      that join with nothing the core writes. -#}
  {%- set known = maskline._catalogue()['key_derivations'] -%}
  {%- set synced = maskline._synced_policy() -%}
  {%- set given = var('maskline_key_derivation', none) -%}
  {%- if synced is not none -%}
    {%- set from_policy = synced.get('key_derivation', known['default']) -%}
    {%- if given is not none and given != from_policy -%}
      {{ maskline._fail("vars.maskline_key_derivation is " ~ given ~ ", but the synced policy " ~ synced['synced_from']['policy'] ~ " says key.derivation: " ~ from_policy,
                        "dbt_project.yml vars.maskline_key_derivation (or --vars)",
                        "remove the var: the policy's key.derivation decides (change it there and run `maskline dbt sync`)") }}
    {%- endif -%}
    {%- set derivation = from_policy -%}
    {%- set where = synced['synced_from']['policy'] ~ ": key.derivation (macros/maskline_policy.sql)" -%}
  {%- else -%}
    {%- set derivation = known['default'] if given is none else given -%}
    {%- set where = "dbt_project.yml vars.maskline_key_derivation (or --vars)" -%}
  {%- endif -%}
  {%- if derivation not in known['known'] -%}
    {{ maskline._fail("unknown key derivation " ~ derivation, where, known['fix']) }}
  {%- endif -%}
  {{ return(derivation) }}
{%- endmacro %}

{% macro _derivation_suffix() -%}
  {#- The suffix of a keyed method's template under the project's key derivation (see maskline.dbt.generate). -#}
  {%- set derivation = maskline._key_derivation() -%}
  {{ return('' if derivation == maskline._catalogue()['key_derivations']['default'] else '.v' ~ derivation) }}
{%- endmacro %}
