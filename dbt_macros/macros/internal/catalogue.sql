{#- Lookups into the generated catalogue (methods, parameters, info types, patterns). -#}

{% macro _method_names() -%}
  {{ return(maskline._catalogue()['methods'].keys() | list | sort) }}
{%- endmacro %}

{% macro _fail(what, where, fix) -%}
  {#- One message shape for every maskline error: what, where, fix. Never a value or a key. -#}
  {{ exceptions.raise_compiler_error("maskline: " ~ what ~ " (at " ~ where ~ "). Fix: " ~ fix) }}
{%- endmacro %}

{% macro _where(column) -%}
  {#- "model <unique_id>, column <name>": where an error happened, for the message. -#}
  {%- set node = model.unique_id if model is defined and model is mapping and model.get('unique_id') else (this | string if this is defined else 'unknown model') -%}
  {{ return(node ~ ", column " ~ column) }}
{%- endmacro %}

{% macro _info_type_method(info_type, where) -%}
  {#- The catalogue's default method of an info type, as {method, params}; unknown types stop the compile. -#}
  {%- set types = maskline._catalogue()['info_types'] -%}
  {%- if info_type not in types -%}
    {{ maskline._fail("unknown info type '" ~ info_type ~ "'", where,
                      "use one of " ~ (types.keys() | list | sort | join(', '))) }}
  {%- endif -%}
  {%- set d = types[info_type]['default'] -%}
  {%- set params = {} -%}
  {%- for k, v in d.items() if k != 'method' -%}{%- do params.update({k: v}) -%}{%- endfor -%}
  {{ return({'method': d['method'], 'params': params}) }}
{%- endmacro %}
