{#- Read the maskline policy of columns from schema.yml meta: meta: {maskline: {info_type, method, ...params}}. -#}

{% macro _column_meta(column_node) -%}
  {#- dbt >= 1.10 may keep meta under config; both places are read. -#}
  {%- set meta = column_node.get('meta') or {} -%}
  {%- if 'maskline' not in meta -%}{%- set meta = (column_node.get('config') or {}).get('meta') or {} -%}{%- endif -%}
  {{ return(meta.get('maskline')) }}
{%- endmacro %}

{% macro _node_for(relation) -%}
  {#- The graph node (source, seed, model, snapshot) a relation was built from, or none. -#}
  {%- set want_schema = (relation.schema or '') | lower -%}
  {%- set want_name = (relation.identifier or '') | lower -%}
  {%- for node in graph.sources.values() | list + graph.nodes.values() | list -%}
    {%- set name = node.get('identifier') or node.get('alias') or node.get('name') -%}
    {%- if (name or '') | lower == want_name and (node.get('schema') or '') | lower == want_schema -%}
      {{ return(node) }}
    {%- endif -%}
  {%- endfor -%}
  {{ return(none) }}
{%- endmacro %}

{% macro _column_spec(policy, where) -%}
  {#- meta.maskline -> {method, params, info_type}; unknown names stop the compile. -#}
  {%- if policy is string -%}{%- set policy = {'method': policy} -%}{%- endif -%}
  {%- if policy is not mapping -%}
    {{ maskline._fail("meta.maskline must be a mapping such as {info_type: EMAIL} or {method: hmac}", where,
                      "write meta: {maskline: {info_type: EMAIL}}") }}
  {%- endif -%}
  {%- set info_type = policy.get('info_type') -%}
  {%- if info_type is not none -%}{%- set default = maskline._info_type_method(info_type, where) -%}{%- endif -%}
  {%- set params = {} -%}
  {%- for k, v in policy.items() if k not in ('info_type', 'method', 'params') -%}{%- do params.update({k: v}) -%}{%- endfor -%}
  {%- do params.update(policy.get('params') or {}) -%}
  {%- if policy.get('method') -%}
    {%- set method = policy['method'] -%}
  {%- elif info_type is not none -%}
    {%- set method = default['method'] -%}
    {%- set merged = {} -%}{%- do merged.update(default['params']) -%}{%- do merged.update(params) -%}
    {%- set params = merged -%}
  {%- else -%}
    {{ maskline._fail("meta.maskline names neither an info_type nor a method", where,
                      "add info_type: <one of the maskline info types> or method: <redact|hmac|...>") }}
  {%- endif -%}
  {%- do maskline._method_spec(method, params, where) -%}
  {{ return({'method': method, 'params': params, 'info_type': info_type}) }}
{%- endmacro %}
