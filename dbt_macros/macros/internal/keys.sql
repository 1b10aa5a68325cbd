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
  {#- The environment variable that holds the key, and how messages name it ({'name', 'label'}); stops the run
      where _key_env_choice says dbt must not read one. -#}
  {%- set chosen = maskline._key_env_choice() -%}
  {%- if 'fail' in chosen -%}{{ maskline._fail(chosen['fail'][0], chosen['fail'][1], chosen['fail'][2]) }}{%- endif -%}
  {{ return(chosen) }}
{%- endmacro %}

{% macro _key_env_choice() -%}
  {#- The one rule for which environment variable holds the key: the synced policy's key place (the variable the
      CLI and Airflow read), else vars.maskline_key_env, else MASKLINE_KEY. The synced policy holds a name the
      policy gives only as its MD5 (maskline/dbt/sync.py _key_place), so vars.maskline_key_env must name it. A
      var naming another variable, or a policy whose key is an Airflow connection with no var, gives
      {'fail': [what, where, fix]}: dbt would otherwise mask under another key than every other face, and its
      tokens would join with none. _key_env stops the run there; _record_key_place records nothing. -#}
  {%- set given = var('maskline_key_env', none) -%}
  {%- set synced_choice = maskline._synced_policy_choice() -%}
  {%- if 'fail' in synced_choice -%}{{ return(synced_choice) }}{%- endif -%}
  {%- set synced = synced_choice['data'] -%}
  {%- if synced is none or 'key_place' not in synced -%}
    {%- set name = given or 'MASKLINE_KEY' -%}
    {{ return({'name': name, 'label': 'environment variable ' ~ name}) }}
  {%- endif -%}
  {%- set place = synced['key_place'] -%}
  {%- set policy = synced['synced_from']['policy'] -%}
  {%- if place['airflow_conn'] -%}
    {%- if not given -%}
      {{ return({'fail': ["the policy's key is an Airflow connection, which dbt cannot read", policy ~ ": key.airflow_conn",
                          "set vars.maskline_key_env to the environment variable that holds the same key"]}) }}
    {%- endif -%}
    {{ return({'name': given, 'label': 'environment variable ' ~ given}) }}
  {%- endif -%}
  {%- if place['env'] -%}
    {%- if given and given != place['env'] -%}
      {{ return({'fail': ["vars.maskline_key_env names another variable than the policy's key.env (" ~ place['env'] ~ ")",
                          policy ~ ": key.env", "remove vars.maskline_key_env: dbt reads " ~ place['env'] ~ ", as every other face does"]}) }}
    {%- endif -%}
    {{ return({'name': place['env'], 'label': 'environment variable ' ~ place['env']}) }}
  {%- endif -%}
  {%- if not given or local_md5(given) != place['env_md5'] -%}
    {{ return({'fail': [("vars.maskline_key_env names another variable than" if given else "dbt is not told the variable named at")
                        ~ " key.env in " ~ policy, policy ~ ": key.env",
                        "set vars.maskline_key_env to the variable named at key.env in " ~ policy
                        ~ " (maskline writes no name from the policy into dbt's artefacts)"]}) }}
  {%- endif -%}
  {{ return({'name': given, 'label': 'environment variable ' ~ given}) }}
{%- endmacro %}

{% macro _record_key_place() -%}
  {#- While dbt parses a model that masks (masked_columns, a keyed mask or dynamic_mask), write into its meta
      (maskline_key_place, in manifest.json) which key its keyed methods read, as the rules above decide it:
      {source: env, env_md5: MD5 of the variable's name, derivation} or {source: database, derivation}.
      dbt-ol's enrichment reads this for the model's keyCheck (openlineage_ext/dbt_key_check.py) instead of
      deciding again, so the rule lives here alone. Only the MD5 of the name is written, never the name: the
      policy may give it only as its MD5 (a key pasted where its name belongs must not reach manifest.json, dbt
      docs or lineage), and dbt-ol finds the variable by that MD5. Where the rules would stop the run nothing is
      recorded, and nothing fails here: a parse error writes no run_results.json, so the model's own compile
      must be where it stops. vars and the synced policy are what the choice reads; dbt parses a model again
      when either changes. -#}
  {%- if execute or config is not defined -%}{{ return('') }}{%- endif -%}
  {%- set source = maskline._key_source_choice() -%}
  {%- set derivation = maskline._key_derivation_choice() -%}
  {%- if 'fail' in source or 'fail' in derivation -%}{{ return('') }}{%- endif -%}
  {%- set place = {'source': source['source'], 'derivation': derivation['derivation']} -%}
  {%- if source['source'] == 'env' -%}
    {%- set chosen = maskline._key_env_choice() -%}
    {%- if 'fail' in chosen -%}{{ return('') }}{%- endif -%}
    {%- do place.update({'env_md5': local_md5(chosen['name'])}) -%}
  {%- endif -%}
  {%- do config(meta={'maskline_key_place': place}) -%}
  {{ return('') }}
{%- endmacro %}

{% macro _key_user(where=none) -%}
  {#- Who reads the key, for a key error's "at": the model and column a keyed method masks (render.sql passes
      _where's "model <unique_id>, column <name>"), else the model whose set_key() pre-hook loads it. -#}
  {%- if where -%}{{ return(where) }}{%- endif -%}
  {%- if model is defined and model is mapping and model.get('unique_id') -%}
    {{ return("model " ~ model.unique_id ~ ", maskline.set_key()") }}
  {%- endif -%}
  {{ return("maskline.set_key()") }}
{%- endmacro %}

{% macro _key_text(where=none) -%}
  {#- where: the model and column whose keyed method needs the key (_key_user), named by every error here. -#}
  {%- do maskline._refuse_key_var() -%}
  {%- set place = maskline._key_env() -%}
  {%- set env_name = place['name'] -%}
  {%- set key = env_var(env_name, '') -%}
  {%- set user = maskline._key_user(where) -%}
  {%- if not key -%}
    {{ maskline._fail("no masking key: " ~ place['label'] ~ " is not set", user,
                      "export " ~ env_name ~ "=<a long random secret> (the same key the maskline core uses)") }}
  {%- endif -%}
  {#- The core's rules (maskline.keys.check_key_bytes): a key every other face refuses must not mask here, or dbt
      writes tokens under a guessable key that nothing else can reproduce. The message says the size, never the key. -#}
  {%- set size = key.encode('utf-8') | length -%}
  {%- if key.strip() == '' -%}
    {{ maskline._fail("the masking key is only whitespace", place['label'] ~ " for " ~ user,
                      'generate one with: python -c "import secrets; print(secrets.token_hex(32))"') }}
  {%- elif size < 16 -%}
    {{ maskline._fail("the masking key is too short: " ~ size ~ " bytes, at least 16 are needed",
                      place['label'] ~ " for " ~ user,
                      'generate one with: python -c "import secrets; print(secrets.token_hex(32))"') }}
  {%- endif -%}
  {{ return(key) }}
{%- endmacro %}

{% macro _key_source() -%}
  {#- Where the key comes from: 'env' (the default: the environment variable, see _key_text) or 'database' (the
      owner-only table `maskline protect` installed on PostgreSQL, read by the server itself: internal/key_table.sql).
      Anything else stops the run rather than fall back to a source nobody chose. -#}
  {%- set chosen = maskline._key_source_choice() -%}
  {%- if 'fail' in chosen -%}{{ maskline._fail(chosen['fail'][0], chosen['fail'][1], chosen['fail'][2]) }}{%- endif -%}
  {{ return(chosen['source']) }}
{%- endmacro %}

{% macro _key_source_choice() -%}
  {#- {'source': 'env' or 'database'} from vars.maskline_key_source, or {'fail': [what, where, fix]}. -#}
  {%- set source = var('maskline_key_source', 'env') -%}
  {%- if source not in ('env', 'database') -%}
    {%- set best = maskline._closest(source, ['env', 'database']) -%}
    {{ return({'fail': ["unknown key source " ~ source, "dbt_project.yml vars.maskline_key_source (or --vars)",
                        ("did you mean '" ~ best ~ "'? " if best is not none else "")
                        ~ "set it to env (the key from " ~ var('maskline_key_env', 'MASKLINE_KEY') ~ ") or database "
                        ~ "(on dbt-postgres: the key `maskline protect` installed), or remove it"]}) }}
  {%- endif -%}
  {{ return({'source': source}) }}
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

{% macro _key_hex(name, where=none) -%}
  {#- name: salt (the key), ipad or opad (RFC 2104 pads of the key); where: as for _key_text. -#}
  {%- set raw = maskline._key_text(where).encode('utf-8') -%}
  {%- if name == 'salt' -%}
    {%- set ns = namespace(out='') -%}
    {%- for b in raw -%}{%- set ns.out = ns.out ~ ("%02x" | format(b)) -%}{%- endfor -%}
    {{ return(ns.out) }}
  {%- endif -%}
  {%- if raw | length > 64 -%}
    {#- RFC 2104 hashes longer keys first; Jinja has no SHA-256, so such keys cannot be padded here. -#}
    {{ maskline._fail("the masking key is longer than 64 bytes", maskline._key_user(where),
                      "use a key of at most 64 bytes (e.g. 32 random bytes, hex-encoded)") }}
  {%- endif -%}
  {{ return(maskline._xor_hex(raw, 54 if name == 'ipad' else 92)) }}
{%- endmacro %}

{% macro _warn_keyed_view(dialect, where=none) -%}
  {#- A view computes its keyed methods when it is read, in the reader's session, which set_key() never ran in: the
      build passes and every reader without the key fails ("no masking key in this session"), a role-aware view's
      readers included. Where the key is a literal (BigQuery, Trino) the view's definition holds it instead. Said
      at compile time, per column, since only the model knows its materialization; refused where the key is a literal. -#}
  {%- set node = model if model is defined and model is mapping else {} -%}
  {%- if not execute or (node.get('config') or {}).get('materialized') != 'view' -%}{{ return(none) }}{%- endif -%}
  {%- if maskline._key_in_session(dialect) or maskline._key_from_database() -%}
    {%- set what = "a keyed method in a view is computed when the view is read, so it fails for every reader whose session holds no key ('maskline: no masking key in this session')" -%}
    {%- set fix = "mask the column with an unkeyed method (redact, partial, ...), build the model as a table (config(materialized='table')) if it need not decide by role when read, or load the key into each reader's session (maskline.sql.session.apply_key_setup)" -%}
  {%- else -%}
    {#- Where the key is a literal (BigQuery, Trino) the view's stored definition would hold it, readable by whoever
        may list the view: refused, not warned, since the key would be written before anyone read the warning. -#}
    {{ maskline._fail("a keyed method in a view would write the masking key into the view's definition, which whoever may see the view can read",
                      maskline._key_user(where),
                      "mask the column with an unkeyed method (redact, partial, ...), or build the model as a table (config(materialized='table')) if it need not decide by role when read") }}
  {%- endif -%}
  {%- do exceptions.warn("maskline: " ~ what ~ " (at " ~ maskline._key_user(where) ~ "). Fix: " ~ fix) -%}
{%- endmacro %}

{% macro _key_in_session(dialect) -%}
  {#- Whether `dialect` reads key values from session state (set by set_key) rather than SQL literals. -#}
  {{ return(dialect in ('duckdb', 'postgres', 'snowflake', 'spark')) }}
{%- endmacro %}

{% macro _key_ref(name, dialect, where=none) -%}
  {#- where: the model and column being masked (_where), which key errors name. -#}
  {%- set t = maskline._generated('templates', dialect) -%}
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
    {%- if execute -%}{%- do maskline._key_text(where) -%}{%- endif -%}
    {{ return(t['key.session.' ~ name]) }}
  {%- endif -%}
  {%- if not execute -%}
    {{ return(t['key.literal'] | replace('__ml_hex__', "'" ~ ('0' * 64) ~ "'")) }}
  {%- endif -%}
  {{ return(t['key.literal'] | replace('__ml_hex__', "'" ~ maskline._key_hex(name, where) ~ "'")) }}
{%- endmacro %}

{% macro _key_derivation() -%}
  {#- How keyed methods use the key (maskline.keys); stops the compile where _key_derivation_choice finds no
      derivation to use. -#}
  {%- set chosen = maskline._key_derivation_choice() -%}
  {%- if 'fail' in chosen -%}{{ maskline._fail(chosen['fail'][0], chosen['fail'][1], chosen['fail'][2]) }}{%- endif -%}
  {{ return(chosen['derivation']) }}
{%- endmacro %}

{% macro _key_derivation_choice() -%}
  {#- {'derivation': the synced policy's key.derivation, else vars.maskline_key_derivation, else 1 (the tokens
      maskline wrote first)}. A var that contradicts the synced policy, or a derivation this package does not
      know, gives {'fail': [what, where, fix]}: guessing would write tokens that join with nothing the core writes. -#}
  {%- set known = maskline._catalogue()['key_derivations'] -%}
  {%- set synced_choice = maskline._synced_policy_choice() -%}
  {%- if 'fail' in synced_choice -%}{{ return(synced_choice) }}{%- endif -%}
  {%- set synced = synced_choice['data'] -%}
  {%- set given = var('maskline_key_derivation', none) -%}
  {%- if synced is not none -%}
    {%- set from_policy = synced.get('key_derivation', known['default']) -%}
    {%- if given is not none and given != from_policy -%}
      {{ return({'fail': ["vars.maskline_key_derivation is " ~ given ~ ", but the synced policy " ~ synced['synced_from']['policy'] ~ " says key.derivation: " ~ from_policy,
                          "dbt_project.yml vars.maskline_key_derivation (or --vars)",
                          "remove the var: the policy's key.derivation decides (change it there and run `maskline dbt sync`)"]}) }}
    {%- endif -%}
    {%- set derivation = from_policy -%}
    {%- set where = synced['synced_from']['policy'] ~ ": key.derivation (macros/maskline_policy.sql)" -%}
  {%- else -%}
    {%- set derivation = known['default'] if given is none else given -%}
    {%- set where = "dbt_project.yml vars.maskline_key_derivation (or --vars)" -%}
  {%- endif -%}
  {%- if derivation not in known['known'] -%}
    {{ return({'fail': ["unknown key derivation " ~ derivation, where, known['fix']]}) }}
  {%- endif -%}
  {{ return({'derivation': derivation}) }}
{%- endmacro %}

{% macro _derivation_suffix() -%}
  {#- The suffix of a keyed method's template under the project's key derivation (see maskline.dbt.generate). -#}
  {%- set derivation = maskline._key_derivation() -%}
  {{ return('' if derivation == maskline._catalogue()['key_derivations']['default'] else '.v' ~ derivation) }}
{%- endmacro %}
