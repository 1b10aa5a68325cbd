{#- Read the maskline policy of columns from schema.yml meta: meta: {maskline: {info_type, method, ...params}}. -#}

{% macro _column_meta(column_node) -%}
  {#- dbt >= 1.10 may keep meta under config; both places are read. -#}
  {%- set meta = column_node.get('meta') or {} -%}
  {%- if 'maskline' not in meta -%}{%- set meta = (column_node.get('config') or {}).get('meta') or {} -%}{%- endif -%}
  {{ return(meta.get('maskline')) }}
{%- endmacro %}

{% macro _node_for(relation) -%}
  {#- The graph node (source, seed, model, snapshot) a relation was built from, or none. On PostgreSQL a quoted
      name keeps its case ("Customers" is not customers: _keeps_case), so the names are compared as dbt quotes them. -#}
  {%- set exact = maskline._keeps_case() -%}
  {%- set want_schema = (relation.schema or '') if exact else (relation.schema or '') | lower -%}
  {%- set want_name = (relation.identifier or '') if exact else (relation.identifier or '') | lower -%}
  {%- for node in graph.sources.values() | list + graph.nodes.values() | list -%}
    {%- set name = (node.get('identifier') or node.get('alias') or node.get('name') or '') | string -%}
    {%- set schema = (node.get('schema') or '') | string -%}
    {%- if (name if exact else name | lower) == want_name and (schema if exact else schema | lower) == want_schema -%}
      {{ return(node) }}
    {%- endif -%}
  {%- endfor -%}
  {{ return(none) }}
{%- endmacro %}

{% macro _keeps_case() -%}
  {#- Whether the target tells apart names that differ only in case: dbt-postgres quotes every name by default, and
      PostgreSQL keeps a quoted name's case, so "Customers" and customers are two relations. -#}
  {{ return(target.type == 'postgres') }}
{%- endmacro %}

{% macro _synced_policy() -%}
  {#- The project's policy as `maskline dbt sync` compiled it (macros/maskline_policy.sql), or none when
      vars.maskline_policy is not set and nothing was synced (then column meta alone decides). Stops the compile
      where _synced_policy_choice finds the project's vars and its synced policy disagree. -#}
  {%- set chosen = maskline._synced_policy_choice() -%}
  {%- if 'fail' in chosen -%}{{ maskline._fail(chosen['fail'][0], chosen['fail'][1], chosen['fail'][2]) }}{%- endif -%}
  {{ return(chosen['data']) }}
{%- endmacro %}

{% macro _synced_policy_choice() -%}
  {#- {'data': the synced policy or none}, or {'fail': [what, where, fix]} where the compile must stop: a var
      that names a policy nobody synced, or another file than the one synced; a var emptied
      (`--vars '{maskline_policy: null}'`) beside a synced policy, which would otherwise switch the policy off
      for one run without a word. Failing is the caller's choice (_synced_policy stops; _record_key_place, which
      runs while dbt parses, records nothing). -#}
  {%- set named = var('maskline_policy', none) -%}
  {%- if not named and maskline_synced_policy is defined -%}
    {{ return({'fail': ["vars.maskline_policy is empty, but the project has a synced policy (" ~ maskline_synced_policy()['synced_from']['policy'] ~ ")",
                        "dbt_project.yml vars.maskline_policy (or --vars)",
                        "set vars.maskline_policy to " ~ maskline_synced_policy()['synced_from']['policy'] ~ " (do not override it in --vars), or delete macros/maskline_policy.sql to stop using the policy"]}) }}
  {%- endif -%}
  {%- if not named -%}{{ return({'data': none}) }}{%- endif -%}
  {%- if maskline_synced_policy is not defined -%}
    {{ return({'fail': ["vars.maskline_policy names " ~ named ~ ", but the project has no synced policy", "dbt_project.yml vars.maskline_policy",
                        "run `maskline dbt sync` in the project (it writes macros/maskline_policy.sql)"]}) }}
  {%- endif -%}
  {%- set data = maskline_synced_policy() -%}
  {#- A var naming another file than the one synced: said as the var's mismatch, since `maskline dbt sync` reads the
      file the var names (a misspelt path fails there too, and "run sync again" alone sent the user in a circle). -#}
  {%- if data['synced_from']['policy'] != named -%}
    {{ return({'fail': ["vars.maskline_policy names " ~ named ~ ", but the synced policy was made from " ~ data['synced_from']['policy'],
                        "dbt_project.yml vars.maskline_policy (or --vars)",
                        "if " ~ named ~ " is the policy file now, run `maskline dbt sync` (it reads the file the var names, relative to the project); if not, set vars.maskline_policy back to " ~ data['synced_from']['policy']]}) }}
  {%- endif -%}
  {%- if data['format'] != 1 -%}
    {{ return({'fail': ["the synced policy has format " ~ data['format'] ~ ", which this maskline package does not read",
                        "macros/maskline_policy.sql", "run `maskline dbt sync` again with the maskline of this package's release"]}) }}
  {%- endif -%}
  {{ return({'data': data}) }}
{%- endmacro %}

{% macro _unsynced_unclassified(synced) -%}
  {#- What columns nobody classified get when the project has no synced policy (none with one: the policy's own
      `unclassified:` decides); stops the compile where _unsynced_unclassified_choice finds no rule to use. -#}
  {%- set chosen = maskline._unsynced_unclassified_choice(synced) -%}
  {%- if 'fail' in chosen -%}{{ maskline._fail(chosen['fail'][0], chosen['fail'][1], chosen['fail'][2]) }}{%- endif -%}
  {{ return(chosen['rule']) }}
{%- endmacro %}

{% macro _unsynced_unclassified_choice(synced) -%}
  {#- The one rule for vars.maskline_unclassified: {'rule': 'mask' (the default: redact, as the core masks a column
      it has no scan for) or 'pass' (an explicit choice)} without a synced policy, {'rule': none} with one (its own
      `unclassified:` decides), or {'fail': [what, where, fix]} for the var beside a synced policy or a value that
      is neither. _record_unclassified writes the rule into the model's meta for dbt-ol. -#}
  {%- set chosen = var('maskline_unclassified', none) -%}
  {%- if synced -%}
    {%- if chosen is not none -%}
      {{ return({'fail': ["vars.maskline_unclassified is set, but the project has a synced policy (" ~ synced['synced_from']['policy'] ~ ")",
                          "dbt_project.yml vars.maskline_unclassified",
                          "remove the var and write `unclassified: " ~ chosen ~ "` in " ~ synced['synced_from']['policy'] ~ ", then run `maskline dbt sync`"]}) }}
    {%- endif -%}
    {{ return({'rule': none}) }}
  {%- endif -%}
  {%- if chosen is none -%}{{ return({'rule': 'mask'}) }}{%- endif -%}
  {%- if chosen not in ('mask', 'pass') -%}
    {{ return({'fail': ["vars.maskline_unclassified is '" ~ chosen ~ "'", "dbt_project.yml vars.maskline_unclassified",
                        "write mask (redact the columns no meta names) or pass (pass them raw)"]}) }}
  {%- endif -%}
  {{ return({'rule': chosen}) }}
{%- endmacro %}

{% macro _record_unclassified() -%}
  {#- While dbt parses a model that calls masked_columns, write into its meta (maskline_unclassified, in
      manifest.json) what its columns nobody classified get without a synced policy, as
      _unsynced_unclassified_choice decides: mask or pass. dbt-ol's enrichment reads it
      (openlineage_ext/dbt_manifest.py unclassified_redacted) instead of reading --vars and dbt_project.yml again,
      so the rule lives here alone. With a synced policy, or where the choice would stop the run, nothing is
      recorded and nothing fails here (a parse error writes no run_results.json: the model's compile stops it). -#}
  {%- if execute or config is not defined -%}{{ return('') }}{%- endif -%}
  {%- set synced = maskline._synced_policy_choice() -%}
  {%- if 'fail' in synced or synced['data'] is not none -%}{{ return('') }}{%- endif -%}
  {%- set chosen = maskline._unsynced_unclassified_choice(none) -%}
  {%- if 'fail' in chosen -%}{{ return('') }}{%- endif -%}
  {%- do config(meta={'maskline_unclassified': chosen['rule']}) -%}
  {{ return('') }}
{%- endmacro %}

{% macro _name_parts(name) -%}
  {%- set parts = [] -%}
  {%- for p in (name | string).split('.') -%}{%- do parts.append(p | replace('"', '') | replace('`', '') | lower) -%}{%- endfor -%}
  {{ return(parts) }}
{%- endmacro %}

{% macro _entry_parts(name) -%}
  {#- A policy entry's name parts as maskline.rewrite.table_names.name_parts reads them: a double-quoted part
      exactly (its case kept), an unquoted one in lower case (the name PostgreSQL folds it to). -#}
  {%- set parts = [] -%}
  {%- for p in modules.re.findall('(?:"(?:[^"]|"")*"|[^."])+', name | string) -%}
    {%- if p | length >= 2 and p[0] == '"' and p[-1] == '"' -%}{%- do parts.append(p[1:-1] | replace('""', '"')) -%}
    {%- else -%}{%- do parts.append(p | replace('`', '') | lower) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(parts) }}
{%- endmacro %}

{% macro _best_match(entries, relation) -%}
  {#- The entry whose name matches the relation best, as maskline.policy matches datasets
      (maskline.rewrite.table_names.best_entry): db.schema.table against shorter names and back, the longest match
      winning. Where the target keeps a quoted name's case (_keeps_case), an entry names the relation its name
      resolves to (customers is never "Customers"; '"Customers"' is), and an entry that would fit only were case
      ignored stops the compile: taken, its allowances would reach a relation nobody described; skipped, what it
      masks would pass under unclassified: pass. Elsewhere, case-insensitive. -#}
  {%- set exact = maskline._keeps_case() -%}
  {%- set wanted = [] -%}
  {%- for p in [relation.database, relation.schema, relation.identifier] if p -%}{%- do wanted.append((p | string) if exact else p | lower) -%}{%- endfor -%}
  {%- set best = namespace(n=0, name=none) -%}
  {%- set near = namespace(n=0, name=none) -%}
  {%- for name in entries | sort -%}
    {%- set parts = maskline._entry_parts(name) if exact else maskline._name_parts(name) -%}
    {%- set n = [parts | length, wanted | length] | min -%}
    {%- if parts[(parts | length) - n:] == wanted[(wanted | length) - n:] and n > best.n -%}
      {%- set best.n = n -%}{%- set best.name = name -%}
    {%- endif -%}
    {%- set lowered = [] -%}{%- for p in parts -%}{%- do lowered.append(p | lower) -%}{%- endfor -%}
    {%- set folded = [] -%}{%- for p in wanted -%}{%- do folded.append(p | lower) -%}{%- endfor -%}
    {%- if exact and lowered[(lowered | length) - n:] == folded[(folded | length) - n:] and n > near.n -%}
      {%- set near.n = n -%}{%- set near.name = name -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if near.name is not none and near.n > best.n -%}
    {%- set shown = [] -%}{%- for p in wanted[(wanted | length) - near.n:] -%}{%- do shown.append(p if p == p | lower else '"' ~ p ~ '"') -%}{%- endfor -%}
    {{ maskline._fail("relation " ~ relation ~ " differs only in case from the table policy entry '" ~ near.name
                      ~ "' names, and PostgreSQL keeps a quoted name's case", "the synced policy's datasets",
                      "describe the relation in an entry of its own, its name quoted as PostgreSQL stores it: '"
                      ~ (shown | join('.')) ~ "' (then run maskline dbt sync)") }}
  {%- endif -%}
  {{ return(entries[best.name] if best.name is not none else none) }}
{%- endmacro %}

{% macro _deprecated(where, spelled, instead) -%}
  {%- do exceptions.warn("maskline: " ~ where ~ ".meta.maskline: " ~ spelled ~ " is deprecated and will be removed in the next release; write " ~ instead ~ " (the policy's spelling)") -%}
{%- endmacro %}

{% macro _column_spec(policy, where, synced=none) -%}
  {#- meta.maskline -> {method, params, info_type}, read as maskline/dbt/meta.py reads it: the policy's
      spelling {info_type: X, method: NAME | {method: NAME, ...params}}; an info type alone takes the synced
      policy's method for it (else the catalogue default). Older spellings warn. Unknown names stop the compile. -#}
  {%- if policy is string -%}
    {%- do maskline._deprecated(where, "a bare method name ('" ~ policy ~ "')", "{method: " ~ policy ~ "}") -%}
    {%- set policy = {'method': policy} -%}
  {%- endif -%}
  {%- if policy is not mapping -%}
    {{ maskline._fail("meta.maskline must be a mapping", where ~ ".meta.maskline",
                      "write meta: {maskline: {info_type: EMAIL}} or {maskline: {method: {method: hmac}}}") }}
  {%- endif -%}
  {%- set info_type = policy.get('info_type') -%}
  {%- set types = synced['info_types'] if synced else maskline._catalogue()['info_types'] -%}
  {%- if info_type is not none and info_type not in types -%}
    {{ maskline._fail("unknown info type '" ~ info_type ~ "'", where ~ ".meta.maskline.info_type",
                      "use one of " ~ (types.keys() | list | sort | join(', '))) }}
  {%- endif -%}
  {%- set flat = {} -%}
  {%- for k, v in policy.items() if k not in ('info_type', 'method', 'params', 'source') -%}{%- do flat.update({k: v}) -%}{%- endfor -%}
  {%- do flat.update(policy.get('params') or {}) -%}
  {%- set method = policy.get('method') -%}
  {%- if method is mapping -%}
    {%- if flat -%}
      {{ maskline._fail("unknown key '" ~ (flat.keys() | list | first) ~ "' in meta.maskline", where ~ ".meta.maskline",
                        "parameters go inside method: {method: NAME, ...}") }}
    {%- endif -%}
    {%- if 'method' not in method -%}
      {{ maskline._fail("a method entry needs 'method'", where ~ ".meta.maskline.method", "e.g. {method: hmac}") }}
    {%- endif -%}
    {%- set params = {} -%}
    {%- for k, v in method.items() if k != 'method' -%}{%- do params.update({k: v}) -%}{%- endfor -%}
    {%- set method = method['method'] -%}
  {%- elif method -%}
    {%- set params = flat -%}
    {%- if flat -%}
      {%- do maskline._deprecated(where, ("a params: mapping" if policy.get('params') is not none else "parameters beside the method (" ~ (flat.keys() | list | sort | join(', ')) ~ ")"), "method: {method: " ~ method ~ ", ...}") -%}
    {%- endif -%}
  {%- elif info_type is not none -%}
    {%- if synced -%}
      {%- set default = {'method': types[info_type]['method'], 'params': types[info_type]['params']} -%}
    {%- else -%}
      {%- set default = maskline._info_type_method(info_type, where) -%}
    {%- endif -%}
    {%- set method = default['method'] -%}
    {%- set params = {} -%}{%- do params.update(default['params']) -%}
    {%- if flat -%}
      {%- do maskline._deprecated(where, "parameters beside an info type", "method: {method: " ~ method ~ ", ...}") -%}
      {%- do params.update(flat) -%}
    {%- endif -%}
  {%- else -%}
    {{ maskline._fail("meta.maskline names neither an info_type nor a method", where ~ ".meta.maskline",
                      "add info_type: <one of the maskline info types> or method: <redact|hmac|...>") }}
  {%- endif -%}
  {%- do maskline._method_spec(method, params, where ~ ".meta.maskline") -%}
  {#- scrub only for prose: on an identifier, a value its patterns do not recognise would pass raw. -#}
  {%- do maskline._scrub_refusal(method, info_type, where ~ ".meta.maskline.method") -%}
  {{ return({'method': method, 'params': params, 'info_type': info_type}) }}
{%- endmacro %}
